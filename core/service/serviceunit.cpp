#include "serviceunit.h"

#include "base/testhooks.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>

namespace tandem {

QString serviceScopeKey(ServiceScope scope)
{
    return scope == ServiceScope::System ? QStringLiteral("system") : QStringLiteral("user");
}

QString ServiceUnit::userUnitDir()
{
    const QString xdg =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("XDG_CONFIG_HOME"));
    // XDG: a relative path is invalid and ignored.
    const QString base = !xdg.isEmpty() && QDir::isAbsolutePath(xdg)
                             ? xdg
                             : QDir::home().filePath(QStringLiteral(".config"));
    return QDir(base).filePath(QStringLiteral("systemd/user"));
}

TandemPaths ServiceUnit::enginePaths(ServiceScope scope, const TandemPaths &userPaths)
{
    if (scope == ServiceScope::User)
        return userPaths;
    return {systemConfigFile(), systemStateDir()};
}

QString ServiceUnit::quoteArgument(const QString &argument)
{
    QString word = argument;
    // Specifiers (%h) and environment variables ($HOME) would be expanded by systemd.
    word.replace(QLatin1Char('%'), QLatin1String("%%"));
    word.replace(QLatin1Char('$'), QLatin1String("$$"));
    bool plain = !word.isEmpty();
    for (const QChar c : std::as_const(word))
        if (c.isSpace() || c == QLatin1Char('"') || c == QLatin1Char('\'') ||
            c == QLatin1Char('\\') || c == QLatin1Char(';'))
            plain = false;
    if (plain)
        return word;
    word.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    word.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + word + QLatin1Char('"');
}

QString ServiceUnit::execStart(const QStringList &command)
{
    QStringList words;
    for (const QString &argument : command)
        words << quoteArgument(argument);
    return words.join(QLatin1Char(' '));
}

QString ServiceUnit::text(ServiceScope scope, const QString &tandemd, const TandemPaths &userPaths)
{
    const TandemPaths paths = enginePaths(scope, userPaths);
    QStringList command{tandemd, QStringLiteral("--config"), paths.configFile,
                        QStringLiteral("--state-dir"), paths.stateDir};
#if TANDEM_HAS_TEST_HOOKS
    // Tests and demos stand in another machine id: the engine must see the same license.
    if (scope == ServiceScope::User && !paths.machineIdFile.isEmpty())
        command << QStringLiteral("--machine-id-file") << paths.machineIdFile;
#endif
    // The unit files under packaging/systemd, compiled in (core/CMakeLists.txt): only
    // their ExecStart= line changes.
    QFile file(scope == ServiceScope::System ? QStringLiteral(":/systemd/tandemd.service")
                                             : QStringLiteral(":/systemd/tandemd.user.service"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the unit template %s is not compiled in", qPrintable(file.fileName()));
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (QString &line : lines)
        if (line.startsWith(QLatin1String("ExecStart=")))
            line = QStringLiteral("ExecStart=") + execStart(command);
    return lines.join(QLatin1Char('\n'));
}

} // namespace tandem
