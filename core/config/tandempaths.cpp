#include "tandempaths.h"

#include "base/testhooks.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace tandem {

namespace {
QString xdgDir(const QProcessEnvironment &env, const char *variable, const char *fallback)
{
    const QString value = env.value(QLatin1String(variable));
    // XDG: relative paths are invalid and must be ignored.
    if (!value.isEmpty() && QDir::isAbsolutePath(value))
        return value;
    return QDir::home().filePath(QLatin1String(fallback));
}
} // namespace

TandemPaths TandemPaths::resolve(const QString &configOption, const QString &stateDirOption,
                                 const QString &machineIdOption)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    TandemPaths paths;
    paths.configFile = !configOption.isEmpty() ? configOption
                       : !env.value(QStringLiteral("TANDEM_CONFIG")).isEmpty()
                           ? env.value(QStringLiteral("TANDEM_CONFIG"))
                           : QDir(xdgDir(env, "XDG_CONFIG_HOME", ".config"))
                                 .filePath(QStringLiteral("tandem/tandem.xml"));
    paths.stateDir = !stateDirOption.isEmpty() ? stateDirOption
                     : !env.value(QStringLiteral("TANDEM_STATE_DIR")).isEmpty()
                         ? env.value(QStringLiteral("TANDEM_STATE_DIR"))
                         : QDir(xdgDir(env, "XDG_STATE_HOME", ".local/state"))
                               .filePath(QStringLiteral("tandem"));
#if TANDEM_HAS_TEST_HOOKS
    paths.machineIdFile = !machineIdOption.isEmpty()
                              ? machineIdOption
                              : env.value(QStringLiteral("TANDEM_MACHINE_ID_FILE"));
    if (!paths.machineIdFile.isEmpty())
        paths.machineIdFile = QFileInfo(paths.machineIdFile).absoluteFilePath();
#else
    Q_UNUSED(machineIdOption) // without test hooks, /etc/machine-id is the only source
#endif
    paths.configFile = QFileInfo(paths.configFile).absoluteFilePath();
    paths.stateDir = QFileInfo(paths.stateDir).absoluteFilePath();
    return paths;
}

} // namespace tandem
