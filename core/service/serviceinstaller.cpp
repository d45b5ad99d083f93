#include "serviceinstaller.h"

#include "base/durablefile.h"
#include "base/enginesocket.h"
#include "base/logging.h"
#include "base/systemfile.h"
#include "base/testhooks.h"
#include "license/licensefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tandem {

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ServiceInstaller)
};

const QString Unit = QString::fromLatin1(ServiceUnit::FileName);
// The service's user and group (operators: read, switch) and the administrators' group
// (configuration, reset, reload, license): see controlrole.h.
const QString Group = QStringLiteral("tandem");
const QString AdminGroup = QStringLiteral("tandem-admin");
const QString User = QStringLiteral("tandem");
// The biggest configuration, state or license file the installer copies.
constexpr qint64 MaxSeededFile = 16 * 1024 * 1024;

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

gid_t groupId(const QString &name)
{
    const struct group *g = ::getgrnam(name.toLocal8Bit().constData());
    return g ? g->gr_gid : gid_t(-1);
}

uid_t userId(const QString &name)
{
    const struct passwd *pw = ::getpwnam(name.toLocal8Bit().constData());
    return pw ? pw->pw_uid : uid_t(-1);
}

// Who owns what the installer seeds. Under a --root prefix (staging, tests) files keep
// the installing user: the accounts are this system's, not the staged one's.
struct Owners
{
    SystemFile::Ownership configFolder{02775, uid_t(-1), gid_t(-1)};
    SystemFile::Ownership configFile{0664, uid_t(-1), gid_t(-1)};
    SystemFile::Ownership stateFolder{0770, uid_t(-1), gid_t(-1)};
    SystemFile::Ownership stateFile{0660, uid_t(-1), gid_t(-1)};

    static Owners forRoot(const QString &root)
    {
        Owners o;
        if (!root.isEmpty())
            return o;
        // /etc/tandem: root's, written by the group tandem-admin, read by the engine (it
        // holds no password). /var/lib/tandem: the service user's, the group tandem's.
        o.configFolder.uid = o.configFile.uid = 0;
        o.configFolder.gid = o.configFile.gid = groupId(AdminGroup);
        o.stateFolder.uid = o.stateFile.uid = userId(User);
        o.stateFolder.gid = o.stateFile.gid = groupId(Group);
        return o;
    }
};

} // namespace

bool ServiceInstaller::checkSystemEngine(const QString &path, QString *error)
{
    struct stat st;
    const QByteArray name = QFile::encodeName(path);
    if (::stat(name.constData(), &st) != 0 || !S_ISREG(st.st_mode) || !(st.st_mode & S_IXUSR)) {
        *error = Tr::tr("the engine %1 is not there or not executable (install the tandem "
                        "package: a system service runs only the installed engine)")
                     .arg(path);
        return false;
    }
    // Root runs it for every user at boot: nobody but root may have been able to swap it.
    if (st.st_uid != 0 && st.st_uid != ::geteuid()) {
        *error = Tr::tr("%1 belongs to the user id %2, not to root: a system service runs only "
                        "an engine root owns")
                     .arg(path)
                     .arg(st.st_uid);
        return false;
    }
    if (st.st_mode & (S_IWGRP | S_IWOTH)) {
        *error = Tr::tr("%1 may be written by others than root (mode %2): a system service "
                        "runs only an engine root owns")
                     .arg(path)
                     .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'));
        return false;
    }
    QString folderError;
    if (!SystemFile::checkFolder(QFileInfo(path).absolutePath(), &folderError)) {
        *error = Tr::tr("the engine %1 is not safe to run as a service: %2").arg(path, folderError);
        return false;
    }
    return true;
}

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
    tools.useradd = hookOr(TANDEM_TEST_HOOK_VARIABLE("TANDEM_USERADD"),
                           findProgram(QStringLiteral("useradd"),
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

QString ServiceInstaller::engineBinary(ServiceScope scope) const
{
    return scope == ServiceScope::System ? ServiceUnit::systemTandemd() : m_tools.tandemd;
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
    return ServiceUnit::text(scope, engineBinary(scope), m_userPaths);
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

bool ServiceInstaller::ensureAccounts(const QString &root, QStringList *report,
                                      QString *error) const
{
    if (!root.isEmpty()) {
        report->append(Tr::tr("user %1 and groups %2, %3 not checked: files go under %4, not this "
                              "system")
                           .arg(User, Group, AdminGroup, root));
        return true;
    }
    if (groupId(Group) == gid_t(-1)) {
        if (!run({m_tools.groupadd, QStringLiteral("--system"), Group}, nullptr, error))
            return false;
        report->append(Tr::tr("created the system group %1 (its members see the service's "
                              "state and switch pairs: usermod -aG %1 USER)")
                           .arg(Group));
    }
    if (groupId(AdminGroup) == gid_t(-1)) {
        if (!run({m_tools.groupadd, QStringLiteral("--system"), AdminGroup}, nullptr, error))
            return false;
        report->append(Tr::tr("created the system group %1 (its members also change the "
                              "service's configuration, license and event history: usermod "
                              "-aG %1 USER)")
                           .arg(AdminGroup));
    }
    if (userId(User) == uid_t(-1)) {
        if (!run({m_tools.useradd, QStringLiteral("--system"), QStringLiteral("--gid"), Group,
                  QStringLiteral("--home-dir"), ServiceUnit::systemStateDir(),
                  QStringLiteral("--no-create-home"), QStringLiteral("--shell"),
                  QStringLiteral("/usr/sbin/nologin"), QStringLiteral("--comment"),
                  QStringLiteral("Tandem redundancy engine"), User},
                 nullptr, error))
            return false;
        report->append(Tr::tr("created the system user %1 the service runs as").arg(User));
    }
    return true;
}

bool ServiceInstaller::readCallersFile(const QString &path, QByteArray *bytes, QString *error)
{
    // Opened first, then asked about: what is read is what was checked.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    struct stat st;
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        *error = Tr::tr("cannot read %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno)));
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    // pkexec runs this as root for the user PKEXEC_UID names: root reads only what that
    // user could have given it, never (through a link) a file only root may read.
    bool ok = false;
    const uid_t caller = uid_t(qEnvironmentVariableIntValue("PKEXEC_UID", &ok));
    if (!S_ISREG(st.st_mode) || st.st_size > MaxSeededFile) {
        *error =
            Tr::tr("%1 is not a Tandem file (not a regular file, or larger than 16 MiB)").arg(path);
        ::close(fd);
        return false;
    }
    if (ok && st.st_uid != caller) {
        *error = Tr::tr("%1 is not a file of the user who asked for the service (uid %2): not "
                        "copied")
                     .arg(path)
                     .arg(caller);
        ::close(fd);
        return false;
    }
    QFile file;
    const bool read = file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);
    *bytes = read ? file.readAll() : QByteArray();
    if (!read || file.error() != QFileDevice::NoError) {
        *error = Tr::tr("cannot read %1: %2").arg(path, file.errorString());
        if (!read)
            ::close(fd);
        return false;
    }
    return true;
}

bool ServiceInstaller::seed(const QString &from, const QString &to,
                            const SystemFile::Ownership &folder, const SystemFile::Ownership &file,
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
    if (!readCallersFile(from, &bytes, error) ||
        !SystemFile::makeFolder(QFileInfo(to).absolutePath(), folder, error) ||
        !SystemFile::write(to, bytes, file, error))
        return false;
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
    if (scope == ServiceScope::System) {
        if (!checkSystemEngine(under(options.root, ServiceUnit::systemTandemd()), error))
            return Result::Failed;
    } else if (!QFileInfo(m_tools.tandemd).isExecutable()) {
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
        EngineSocket::isRunning(engine.stateDir) &&
        !(unchanged && query(systemctl(scope, {QStringLiteral("is-active"), Unit})) ==
                           QLatin1String("active"))) {
        *error = Tr::tr("another Tandem engine is running with the state directory %1 (the "
                        "console, or a tandemd started by hand); stop it first so the service can "
                        "take over")
                     .arg(engine.stateDir);
        return Result::Failed;
    }

    if (scope == ServiceScope::System) {
        if (!ensureAccounts(options.root, report, error))
            return Result::Failed;
        const Owners owners = Owners::forRoot(options.root);
        const QString stateDir = under(options.root, engine.stateDir);
        if (!seed(m_userPaths.configFile, under(options.root, engine.configFile),
                  owners.configFolder, owners.configFile, report, error) ||
            !seed(QDir(m_userPaths.stateDir).filePath(QStringLiteral("enabled-pairs.json")),
                  QDir(stateDir).filePath(QStringLiteral("enabled-pairs.json")), owners.stateFolder,
                  owners.stateFile, report, error) ||
            // The license is bound to this computer, not to a user: without it the service
            // would run as a demo and stop serving after its demo period, at night perhaps.
            !seed(QDir(m_userPaths.stateDir).filePath(QStringLiteral("license.json")),
                  QDir(stateDir).filePath(QStringLiteral("license.json")), owners.stateFolder,
                  owners.stateFile, report, error))
            return Result::Failed;
        // The passwords' folder, root's alone (LoadCredentialEncrypted= needs it to exist).
        if (!SystemFile::makeFolder(
                under(options.root, ServiceUnit::systemCredentialsDir()),
                {0700, owners.configFile.uid, owners.configFile.uid == 0 ? gid_t(0) : gid_t(-1)},
                error))
            return Result::Failed;
        // the copy is sealed for the service's state directory (GraceSeal), with
        // the grace period's start it had, if it was intact here; else it stays ended.
        LicenseFile copied({under(options.root, engine.stateDir), m_userPaths.machineIdFile});
        if (!copied.sealCopyOf(LicenseFile({m_userPaths.stateDir, m_userPaths.machineIdFile}),
                               error))
            return Result::Failed;
        // Rewritten as root: the service's again, as seed() left the license, and the seal's
        // secret readable by the service alone. By descriptor: the group tandem may write
        // the folder and could have put a link there.
        SystemFile::Ownership secret = owners.stateFile;
        secret.mode = 0600;
        if (!SystemFile::adopt(copied.path(), owners.stateFile, error) ||
            !SystemFile::adopt(QDir(stateDir).filePath(QStringLiteral("license-history.json")),
                               owners.stateFile, error) ||
            !SystemFile::adopt(QDir(stateDir).filePath(QStringLiteral("license.secret")), secret,
                               error))
            return Result::Failed;
    }

    if (unchanged) {
        report->append(Tr::tr("%1 is already installed and unchanged").arg(path));
    } else {
        if (exists) {
            const QString backup = path + QStringLiteral(".bak");
            if (!SystemFile::write(backup, existing, {0644}, error))
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
    // Readable by all (systemd, a user's manager), writable by its owner only.
    return SystemFile::makeFolder(QFileInfo(path).absolutePath(), {0755}, error) &&
           SystemFile::write(path, unitText(scope).toUtf8(), {0644}, error);
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
