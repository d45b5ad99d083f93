#include "serviceinstaller.h"

#include "controlserver.h"
#include "license/durablefile.h"
#include "license/licensefile.h"
#include "testhooks.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <grp.h>
#include <unistd.h>

namespace tandem {

Q_LOGGING_CATEGORY(lcService, "tandem.service")

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ServiceInstaller)
};

const QString Unit = QString::fromLatin1(ServiceUnit::FileName);
const QString Group = QStringLiteral("tandem");

// A fake tool of the tests (testhooks.h) instead of the real one: `value` is empty in a
// build without test hooks.
QString hookOr(const QString &value, const QString &fallback)
{
    return value.isEmpty() ? fallback : value;
}

QString findProgram(const QString &name, const QStringList &extraDirs = {})
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty() && !extraDirs.isEmpty())
        path = QStandardPaths::findExecutable(name, extraDirs);
    return path.isEmpty() ? name : path;
}

// A path under the root prefix (empty: the real one).
QString under(const QString &root, const QString &path)
{
    return root.isEmpty() ? path : QDir::cleanPath(root + QLatin1Char('/') + path);
}

QString commandLine(const QStringList &command)
{
    QStringList words;
    for (const QString &word : command)
        words << (word.contains(QLatin1Char(' ')) ? QLatin1Char('\'') + word + QLatin1Char('\'')
                                                  : word);
    return words.join(QLatin1Char(' '));
}

gid_t tandemGroup()
{
    const struct group *g = ::getgrnam("tandem");
    return g ? g->gr_gid : gid_t(-1);
}

// Folders for the service's files: group tandem may read and write them (the console of
// an operator in that group edits the configuration the service runs).
bool makeFolder(const QString &path, bool chownToGroup, QString *error)
{
    if (QFileInfo(path).isDir())
        return true;
    if (!QDir().mkpath(path)) {
        *error = Tr::tr("cannot create the folder %1").arg(path);
        return false;
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                    QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup);
    if (chownToGroup && tandemGroup() != gid_t(-1))
        if (::chown(QFile::encodeName(path).constData(), uid_t(-1), tandemGroup()) != 0)
            qCWarning(lcService) << "cannot give" << path << "to the group tandem";
    return true;
}

} // namespace

ServiceTools ServiceTools::fromEnvironment()
{
    ServiceTools tools;
    tools.systemctl = hookOr(TANDEM_TEST_HOOK_VARIABLE("TANDEM_SYSTEMCTL"),
                             findProgram(QStringLiteral("systemctl")));
    tools.pkexec = hookOr(TANDEM_TEST_HOOK_VARIABLE("TANDEM_PKEXEC"),
                          QStandardPaths::findExecutable(QStringLiteral("pkexec")));
    tools.groupadd = hookOr(TANDEM_TEST_HOOK_VARIABLE("TANDEM_GROUPADD"),
                            findProgram(QStringLiteral("groupadd"),
                                        {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")}));
    tools.systemdRuntimeDir = hookOr(TANDEM_TEST_HOOK_VARIABLE("TANDEM_SYSTEMD_RUNTIME_DIR"),
                                     QStringLiteral("/run/systemd/system"));
    tools.tandemd =
        hookOr(TANDEM_TEST_HOOK_VARIABLE("TANDEM_TANDEMD"),
               QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("tandemd")));
    return tools;
}

bool ServiceTools::systemdRunning() const
{
    // sd_booted(): systemd creates this folder early at boot, nothing else does.
    return QFileInfo(systemdRuntimeDir).isDir();
}

QJsonObject ServiceState::toJson() const
{
    return {{QStringLiteral("scope"), serviceScopeKey(scope)},
            {QStringLiteral("installed"), installed},
            {QStringLiteral("unit"), unitPath},
            {QStringLiteral("enabled"), enabled},
            {QStringLiteral("active"), active},
            {QStringLiteral("main-pid"), mainPid}};
}

ServiceInstaller::ServiceInstaller(const TandemPaths &userPaths, ServiceTools tools)
    : m_userPaths(userPaths)
    , m_tools(std::move(tools))
{
    m_tools.tandemd = QFileInfo(m_tools.tandemd).absoluteFilePath();
}

bool ServiceInstaller::runningAsRoot()
{
    return ::geteuid() == 0;
}

QString ServiceInstaller::unitPath(ServiceScope scope, const QString &root) const
{
    const QString dir =
        scope == ServiceScope::System ? ServiceUnit::systemUnitDir() : ServiceUnit::userUnitDir();
    return under(root, QDir(dir).filePath(Unit));
}

QString ServiceInstaller::unitText(ServiceScope scope) const
{
    return ServiceUnit::text(scope, m_tools.tandemd, m_userPaths);
}

QStringList ServiceInstaller::systemctl(ServiceScope scope, const QStringList &arguments) const
{
    QStringList command{m_tools.systemctl};
    if (scope == ServiceScope::User)
        command << QStringLiteral("--user");
    return command + arguments;
}

QString ServiceInstaller::startCommands(ServiceScope scope) const
{
    return commandLine(systemctl(scope, {QStringLiteral("daemon-reload")})) +
           QStringLiteral(" && ") +
           commandLine(systemctl(scope, {QStringLiteral("enable"), QStringLiteral("--now"), Unit}));
}

bool ServiceInstaller::run(const QStringList &command, QString *output, QString *error) const
{
    QProcess process;
    qCDebug(lcService) << "running" << command;
    process.start(command.constFirst(), command.mid(1));
    if (!process.waitForStarted(m_tools.timeoutMs)) {
        *error = Tr::tr("cannot run %1: %2").arg(commandLine(command), process.errorString());
        return false;
    }
    if (!process.waitForFinished(m_tools.timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        *error = Tr::tr("%1 did not finish within %2 s")
                     .arg(commandLine(command))
                     .arg(m_tools.timeoutMs / 1000);
        return false;
    }
    if (output)
        *output = QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString stderrText = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        *error = Tr::tr("%1 failed (exit code %2)%3")
                     .arg(commandLine(command))
                     .arg(process.exitCode())
                     .arg(stderrText.isEmpty() ? QString() : QStringLiteral(": ") + stderrText);
        return false;
    }
    return true;
}

QString ServiceInstaller::query(const QStringList &command) const
{
    QProcess process;
    process.start(command.constFirst(), command.mid(1));
    if (!process.waitForStarted(m_tools.timeoutMs) || !process.waitForFinished(m_tools.timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return {};
    }
    return QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
}

bool ServiceInstaller::ensureGroup(const QString &root, QStringList *report, QString *error) const
{
    if (!root.isEmpty()) {
        report->append(
            Tr::tr("group %1 not checked: files go under %2, not this system").arg(Group, root));
        return true;
    }
    if (tandemGroup() != gid_t(-1))
        return true;
    if (!run({m_tools.groupadd, QStringLiteral("--system"), Group}, nullptr, error))
        return false;
    report->append(Tr::tr("created the system group %1 (its members may edit the service's "
                          "configuration: usermod -aG %1 USER)")
                       .arg(Group));
    return true;
}

bool ServiceInstaller::seed(const QString &from, const QString &to, const QString &root,
                            QStringList *report, QString *error) const
{
    if (QFileInfo::exists(to)) {
        report->append(Tr::tr("kept the existing %1 (not overwritten)").arg(to));
        return true;
    }
    if (!QFileInfo::exists(from)) {
        report->append(Tr::tr("%1 not created: there is no %2 to start from").arg(to, from));
        return true;
    }
    QByteArray bytes;
    if (!DurableFile::read(from, &bytes, error) ||
        !makeFolder(QFileInfo(to).absolutePath(), root.isEmpty(), error) ||
        !DurableFile::write(to, bytes, error))
        return false;
    QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                  QFile::WriteGroup);
    if (root.isEmpty() && tandemGroup() != gid_t(-1) &&
        ::chown(QFile::encodeName(to).constData(), uid_t(-1), tandemGroup()) != 0)
        qCWarning(lcService) << "cannot give" << to << "to the group tandem";
    report->append(Tr::tr("copied %1 to %2").arg(from, to));
    return true;
}

ServiceInstaller::Result ServiceInstaller::install(ServiceScope scope, const Options &options,
                                                   QStringList *report, QString *error) const
{
    if (!options.unitOnly && !m_tools.systemdRunning()) {
        *error = Tr::tr("systemd is not running on this machine; use --unit-only to write the unit "
                        "file only");
        return Result::Failed;
    }
    if (!QFileInfo(m_tools.tandemd).isExecutable()) {
        *error = Tr::tr("the engine %1 is not there or not executable").arg(m_tools.tandemd);
        return Result::Failed;
    }
    const QString path = unitPath(scope, options.root);
    const QByteArray text = unitText(scope).toUtf8();
    QByteArray existing;
    const bool exists = QFileInfo::exists(path);
    if (exists && !DurableFile::read(path, &existing, error))
        return Result::Failed;
    const bool unchanged = exists && existing == text;
    if (exists && !unchanged && !options.force) {
        *error = Tr::tr("%1 exists and differs from the unit Tandem writes (edited by hand, or "
                        "another tandemd); --force replaces it and keeps the old one as %2")
                     .arg(path, path + QStringLiteral(".bak"));
        return Result::UnitDiffers;
    }
    // A user service starts on the console's own files: an engine already serving them
    // (the console's, or a tandemd started by hand) would make the service fail at once.
    const TandemPaths engine = ServiceUnit::enginePaths(scope, m_userPaths);
    if (!options.unitOnly && scope == ServiceScope::User &&
        ControlClient::isEngineRunning(engine.stateDir) &&
        !(unchanged && query(systemctl(scope, {QStringLiteral("is-active"), Unit})) ==
                           QLatin1String("active"))) {
        *error = Tr::tr("another Tandem engine is running with the state directory %1 (the "
                        "console, or a tandemd started by hand); stop it first so the service can "
                        "take over")
                     .arg(engine.stateDir);
        return Result::Failed;
    }

    if (scope == ServiceScope::System) {
        if (!ensureGroup(options.root, report, error))
            return Result::Failed;
        if (!seed(m_userPaths.configFile, under(options.root, engine.configFile), options.root,
                  report, error) ||
            !seed(QDir(m_userPaths.stateDir).filePath(QStringLiteral("enabled-pairs.json")),
                  under(options.root,
                        QDir(engine.stateDir).filePath(QStringLiteral("enabled-pairs.json"))),
                  options.root, report, error) ||
            // The license is bound to this computer, not to a user: without it the service
            // would run as a demo and stop serving after its demo period, at night perhaps.
            !seed(
                QDir(m_userPaths.stateDir).filePath(QStringLiteral("license.json")),
                under(options.root, QDir(engine.stateDir).filePath(QStringLiteral("license.json"))),
                options.root, report, error))
            return Result::Failed;
        // Issue 17: the copy is sealed for the service's state directory (GraceSeal), with
        // the grace period's start it had, if it was intact here; else it stays ended.
        LicenseFile copied({under(options.root, engine.stateDir), m_userPaths.machineIdFile});
        if (!copied.sealCopyOf(LicenseFile({m_userPaths.stateDir, m_userPaths.machineIdFile}),
                               error))
            return Result::Failed;
        // Rewritten: the group's again, as seed() left it.
        if (QFileInfo::exists(copied.path())) {
            QFile::setPermissions(copied.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                     QFile::ReadGroup | QFile::WriteGroup);
            if (options.root.isEmpty() && tandemGroup() != gid_t(-1) &&
                ::chown(QFile::encodeName(copied.path()).constData(), uid_t(-1), tandemGroup()) !=
                    0)
                qCWarning(lcService) << "cannot give" << copied.path() << "to the group tandem";
        }
    }

    if (unchanged) {
        report->append(Tr::tr("%1 is already installed and unchanged").arg(path));
    } else {
        if (exists) {
            const QString backup = path + QStringLiteral(".bak");
            if (!DurableFile::write(backup, existing, error))
                return Result::Failed;
            report->append(Tr::tr("the previous unit differed; it is kept as %1").arg(backup));
        }
        if (!writeUnit(scope, path, error))
            return Result::Failed;
        report->append(Tr::tr("wrote %1").arg(path));
    }

    if (options.unitOnly) {
        report->append(Tr::tr("nothing started (--unit-only); to start the service once systemd "
                              "runs: %1")
                           .arg(startCommands(scope)));
        return Result::Done;
    }
    if (!run(systemctl(scope, {QStringLiteral("daemon-reload")}), nullptr, error) ||
        !run(systemctl(scope, {QStringLiteral("enable"), QStringLiteral("--now"), Unit}), nullptr,
             error))
        return Result::Failed;
    report->append(scope == ServiceScope::System
                       ? Tr::tr("tandemd.service is enabled and started; it runs %1 at every boot")
                             .arg(engine.configFile)
                       : Tr::tr("tandemd.service is enabled and started; it runs %1 whenever you "
                                "log in")
                             .arg(engine.configFile));
    return Result::Done;
}

bool ServiceInstaller::uninstall(ServiceScope scope, const QString &root, QStringList *report,
                                 QString *error) const
{
    const QString path = unitPath(scope, root);
    if (!QFileInfo::exists(path)) {
        *error = Tr::tr("there is no %1 to remove (%2 is not installed as a %3 service)")
                     .arg(path, Unit, serviceScopeKey(scope));
        return false;
    }
    const bool systemd = m_tools.systemdRunning();
    if (systemd &&
        !run(systemctl(scope, {QStringLiteral("disable"), QStringLiteral("--now"), Unit}), nullptr,
             error))
        return false;
    if (!DurableFile::remove(path, error))
        return false;
    report->append(Tr::tr("removed %1").arg(path));
    if (systemd) {
        if (!run(systemctl(scope, {QStringLiteral("daemon-reload")}), nullptr, error))
            return false;
        report->append(Tr::tr("tandemd.service is stopped and disabled"));
    } else {
        report->append(Tr::tr("systemd is not running on this machine: nothing was stopped"));
    }
    const TandemPaths engine = ServiceUnit::enginePaths(scope, m_userPaths);
    report->append(Tr::tr("the configuration %1 and the state in %2 are left in place")
                       .arg(under(root, engine.configFile), under(root, engine.stateDir)));
    return true;
}

bool ServiceInstaller::writeUnit(ServiceScope scope, const QString &path, QString *error) const
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = Tr::tr("cannot create the folder %1").arg(QFileInfo(path).absolutePath());
        return false;
    }
    if (!DurableFile::write(path, unitText(scope).toUtf8(), error))
        return false;
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                    QFile::ReadOther);
    return true;
}

QString ServiceInstaller::installedUnit(ServiceScope scope, const QString &root) const
{
    QStringList candidates{unitPath(scope, root)};
    // The .deb ships the system unit in the vendor folder; /etc overrides it.
    if (scope == ServiceScope::System)
        for (const char *dir : {"/usr/lib/systemd/system", "/lib/systemd/system"})
            candidates << under(root, QDir(QLatin1String(dir)).filePath(Unit));
    for (const QString &path : std::as_const(candidates))
        if (QFileInfo::exists(path))
            return path;
    return {};
}

ServiceState ServiceInstaller::state(ServiceScope scope, const QString &root) const
{
    ServiceState s;
    s.scope = scope;
    const QString installed = installedUnit(scope, root);
    s.installed = !installed.isEmpty();
    s.unitPath = s.installed ? installed : unitPath(scope, root);
    if (!s.installed || !m_tools.systemdRunning())
        return s;
    s.enabled = query(systemctl(scope, {QStringLiteral("is-enabled"), Unit}));
    s.active = query(systemctl(scope, {QStringLiteral("is-active"), Unit}));
    s.mainPid =
        query(systemctl(scope, {QStringLiteral("show"), QStringLiteral("--property=MainPID"),
                                QStringLiteral("--value"), Unit}))
            .toLongLong();
    return s;
}

} // namespace tandem
