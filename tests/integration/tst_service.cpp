// `tandemctl service install|uninstall|status` with the real tandemctl and tandemd.
// systemd cannot run here, so systemctl is tests/support/fake-systemctl (it records its
// calls and, when asked, starts the unit's ExecStart as systemd would) and "systemd is
// running" is a folder the test makes or not.
#include "base/enginesocket.h"
#include "buildpaths.h"
#include "host/controlserver.h"
#include "host/enginesession.h"
#include "tandemdprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace tandem;

namespace {
struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void systemInstallWritesUnitSeedsFilesAndStarts();
    void existingServiceFilesAreNotOverwritten();
    void differentUnitIsReplacedOnlyWithForce();
    void uninstallStopsAndRemovesButKeepsFiles();
    void statusTextAndJson();
    void withoutSystemdOnlyTheUnitFile();
    void userServiceRunsTheUsersFilesAndTheConsoleCanReachIt();
    void userServiceRefusedWhileAnotherEngineRuns();
    void systemScopeAsksPkexecWhenNotRoot();
    void systemServiceRunsOnlyAnEngineRootOwns();
    void seedsOnlyFilesOfTheUserWhoAsked();
    void usage();
    void controlSocketFollowsTheStateDirectory();
    void unreachableEngineIsNeverReplaced();
    void secondEngineOnTheSameFilesRefuses();
    void consoleReattachesWhenTheServiceRestarts();

private:
    Result ctl(const QStringList &args);
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString root() const { return path(QStringLiteral("root")); }
    QStringList calls() const
    {
        return QString::fromUtf8(readAll(path(QStringLiteral("fake/calls"))))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    QString systemUnit() const
    {
        return root() + QStringLiteral("/etc/systemd/system/tandemd.service");
    }
    QString systemTandemd() const { return root() + QStringLiteral("/usr/bin/tandemd"); }
    QString userUnit() const
    {
        return path(QStringLiteral("xdg-config/systemd/user/tandemd.service"));
    }
    void addEnabledPair();

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcessEnvironment m_env;
    QString m_config;
    QString m_state;
    QStringList m_runAs; // what tandemctl runs under (setpriv: not as root)
};

void TestService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_config = path(QStringLiteral("my config/tandem.xml")); // a blank in the path on purpose
    m_state = path(QStringLiteral("state"));
    QDir().mkpath(path(QStringLiteral("run-systemd-system")));
    QDir().mkpath(path(QStringLiteral("fake")));
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("TANDEM_SYSTEMCTL"),
                 test::sourcePath("tests/support/fake-systemctl"));
    m_env.insert(QStringLiteral("TANDEM_PKEXEC"), test::sourcePath("tests/support/fake-pkexec"));
    m_env.insert(QStringLiteral("TANDEM_SYSTEMD_RUNTIME_DIR"),
                 path(QStringLiteral("run-systemd-system")));
    m_env.insert(QStringLiteral("FAKE_SYSTEMD_DIR"), path(QStringLiteral("fake")));
    m_env.insert(QStringLiteral("FAKE_SYSTEMD_ROOT"), root());
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("xdg-config")));
    m_env.remove(QStringLiteral("TANDEM_TANDEMD"));
    m_runAs.clear();
    // The package's engine in the staging root: a system unit runs /usr/bin/tandemd only.
    QVERIFY(QDir().mkpath(root() + QStringLiteral("/usr/bin")));
    QVERIFY(QFile::copy(test::tandemdPath(), systemTandemd()));
    QVERIFY(QFile::setPermissions(systemTandemd(), QFile::Permissions(0x7755)));
}

void TestService::cleanup()
{
    // A tandemd the fake started for a user unit must not outlive the test.
    for (const char *scope : {"user", "system"}) {
        const qint64 pid = readAll(path(QStringLiteral("fake/%1.pid").arg(QLatin1String(scope))))
                               .trimmed()
                               .toLongLong();
        if (pid > 0)
            ::kill(pid_t(pid), SIGKILL);
    }
    m_dir.reset();
}

Result TestService::ctl(const QStringList &args)
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    const QStringList command = m_runAs +
                                QStringList{test::tandemctlPath(), QStringLiteral("--config"),
                                            m_config, QStringLiteral("--state-dir"), m_state} +
                                args;
    p.start(command.constFirst(), command.mid(1));
    if (!p.waitForFinished(30000))
        qFatal("tandemctl did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void TestService::addEnabledPair()
{
    Result r = ctl({QStringLiteral("pair"), QStringLiteral("add"), QStringLiteral("line1"),
                    QStringLiteral("--protocol"), QStringLiteral("modbus-tcp"),
                    QStringLiteral("--primary"), QStringLiteral("127.0.0.1:5020"),
                    QStringLiteral("--secondary"), QStringLiteral("127.0.0.1:5021"),
                    QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:%1").arg(test::TandemdProcess::freePort())});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = ctl({QStringLiteral("pair"), QStringLiteral("enable"), QStringLiteral("line1")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void TestService::systemInstallWritesUnitSeedsFilesAndStarts()
{
    addEnabledPair();
    const QByteArray license = "{\"serial\": \"stands in for this computer's license\"}\n";
    {
        QFile f(m_state + QStringLiteral("/license.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(license);
    }
    const Result r = ctl({QStringLiteral("service"), QStringLiteral("install"),
                          QStringLiteral("--system"), QStringLiteral("--root"), root()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));

    // The packaged unit: the installed engine, never the tandemd next to this tandemctl
    // (a build tree here).
    const QString unit = QString::fromUtf8(readAll(systemUnit()));
    QVERIFY2(unit.contains(QStringLiteral("\nExecStart=/usr/bin/tandemd --config "
                                          "/etc/tandem/tandem.xml --state-dir /var/lib/tandem\n")),
             qPrintable(unit));
    QVERIFY(!unit.contains(QFileInfo(test::tandemctlPath()).absolutePath()));
    QVERIFY(unit.contains(QStringLiteral("\nUser=tandem\nGroup=tandem\n")));
    QVERIFY(unit.endsWith(QStringLiteral("[Install]\nWantedBy=multi-user.target\n")));
    QCOMPARE(QFileInfo(systemUnit()).permissions() & QFile::ReadOther, QFile::ReadOther);

    // Seeded from this user's files: the service runs the same pairs, still enabled.
    const QString seededConfig = root() + QStringLiteral("/etc/tandem/tandem.xml");
    const QString seededState = root() + QStringLiteral("/var/lib/tandem");
    QCOMPARE(readAll(seededConfig), readAll(m_config));
    QCOMPARE(readAll(seededState + QStringLiteral("/enabled-pairs.json")),
             readAll(m_state + QStringLiteral("/enabled-pairs.json")));
    // And licensed like this computer: not a demo that stops after its period.
    QCOMPARE(readAll(seededState + QStringLiteral("/license.json")), license);
    QProcess list;
    list.start(test::tandemctlPath(),
               {QStringLiteral("--config"), seededConfig, QStringLiteral("--state-dir"),
                seededState, QStringLiteral("pair"), QStringLiteral("list"),
                QStringLiteral("--json")});
    QVERIFY(list.waitForFinished(30000));
    const QJsonArray pairs = QJsonDocument::fromJson(list.readAllStandardOutput()).array();
    QCOMPARE(pairs.size(), 1);
    QCOMPARE(pairs[0].toObject()[QStringLiteral("enabled")].toBool(), true);

    QCOMPARE(calls(), (QStringList{QStringLiteral("daemon-reload"),
                                   QStringLiteral("enable --now tandemd.service")}));
    QVERIFY2(r.out.contains(QStringLiteral("copied ") + m_config), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("wrote ") + systemUnit()), qPrintable(r.out));
    QVERIFY2(
        r.out.contains(QStringLiteral("user tandem and groups tandem, tandem-admin not checked")),
        qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("enabled and started")), qPrintable(r.out));
}

void TestService::existingServiceFilesAreNotOverwritten()
{
    addEnabledPair();
    const QString seededConfig = root() + QStringLiteral("/etc/tandem/tandem.xml");
    QVERIFY(QDir().mkpath(QFileInfo(seededConfig).absolutePath()));
    QFile existing(seededConfig);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("<tandem>the plant's own</tandem>\n");
    existing.close();

    Result r = ctl({QStringLiteral("service"), QStringLiteral("install"),
                    QStringLiteral("--system"), QStringLiteral("--root"), root()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readAll(seededConfig), QByteArray("<tandem>the plant's own</tandem>\n"));
    QVERIFY2(r.out.contains(QStringLiteral("kept the existing ") + seededConfig +
                            QStringLiteral(" (not overwritten)")),
             qPrintable(r.out));
    // The state was missing: seeded.
    QVERIFY(QFile::exists(root() + QStringLiteral("/var/lib/tandem/enabled-pairs.json")));

    // Installing again: the same unit is fine and nothing is copied twice.
    r = ctl({QStringLiteral("service"), QStringLiteral("install"), QStringLiteral("--system"),
             QStringLiteral("--root"), root()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("already installed and unchanged")), qPrintable(r.out));
    QVERIFY(!r.out.contains(QStringLiteral("copied")));
    QVERIFY(!QFile::exists(systemUnit() + QStringLiteral(".bak")));
}

void TestService::differentUnitIsReplacedOnlyWithForce()
{
    QVERIFY(QDir().mkpath(QFileInfo(systemUnit()).absolutePath()));
    QFile unit(systemUnit());
    QVERIFY(unit.open(QIODevice::WriteOnly));
    unit.write("[Service]\nExecStart=/usr/local/bin/tandemd --hand-edited\n");
    unit.close();

    Result r = ctl({QStringLiteral("service"), QStringLiteral("install"),
                    QStringLiteral("--system"), QStringLiteral("--root"), root()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("differs")) && r.err.contains(QStringLiteral("--force")),
             qPrintable(r.err));
    QCOMPARE(readAll(systemUnit()),
             QByteArray("[Service]\nExecStart=/usr/local/bin/tandemd --hand-edited\n"));
    QVERIFY(calls().isEmpty());

    r = ctl({QStringLiteral("service"), QStringLiteral("install"), QStringLiteral("--system"),
             QStringLiteral("--root"), root(), QStringLiteral("--force")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readAll(systemUnit() + QStringLiteral(".bak")),
             QByteArray("[Service]\nExecStart=/usr/local/bin/tandemd --hand-edited\n"));
    QVERIFY(readAll(systemUnit()).contains("\n[Unit]\nDescription=Tandem redundancy engine\n"));
    QVERIFY2(r.out.contains(QStringLiteral("kept as ") + systemUnit() + QStringLiteral(".bak")),
             qPrintable(r.out));
}

void TestService::uninstallStopsAndRemovesButKeepsFiles()
{
    addEnabledPair();
    Result r = ctl({QStringLiteral("service"), QStringLiteral("install"),
                    QStringLiteral("--system"), QStringLiteral("--root"), root()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = ctl({QStringLiteral("service"), QStringLiteral("uninstall"), QStringLiteral("--system"),
             QStringLiteral("--root"), root()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!QFile::exists(systemUnit()));
    QCOMPARE(calls(), (QStringList{QStringLiteral("daemon-reload"),
                                   QStringLiteral("enable --now tandemd.service"),
                                   QStringLiteral("disable --now tandemd.service"),
                                   QStringLiteral("daemon-reload")}));
    QVERIFY(QFile::exists(root() + QStringLiteral("/etc/tandem/tandem.xml")));
    QVERIFY(QFile::exists(root() + QStringLiteral("/var/lib/tandem/enabled-pairs.json")));
    QVERIFY2(r.out.contains(QStringLiteral("left in place")), qPrintable(r.out));

    r = ctl({QStringLiteral("service"), QStringLiteral("uninstall"), QStringLiteral("--system"),
             QStringLiteral("--root"), root()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("is not installed as a system service")),
             qPrintable(r.err));
}

void TestService::statusTextAndJson()
{
    const auto json = [this] {
        const Result r = ctl({QStringLiteral("service"), QStringLiteral("status"),
                              QStringLiteral("--json"), QStringLiteral("--root"), root()});
        if (r.exitCode != 0)
            qWarning() << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    };
    QJsonObject s = json();
    QCOMPARE(s[QStringLiteral("systemd")].toBool(), true);
    QCOMPARE(s[QStringLiteral("system")].toObject()[QStringLiteral("installed")].toBool(), false);
    QCOMPARE(s[QStringLiteral("system")].toObject()[QStringLiteral("unit")].toString(),
             systemUnit());
    QCOMPARE(s[QStringLiteral("user")].toObject()[QStringLiteral("installed")].toBool(), false);
    Result r = ctl(
        {QStringLiteral("service"), QStringLiteral("status"), QStringLiteral("--root"), root()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("systemd: running\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("system service: not installed (") + systemUnit()),
             qPrintable(r.out));

    r = ctl({QStringLiteral("service"), QStringLiteral("install"), QStringLiteral("--system"),
             QStringLiteral("--root"), root()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    s = json();
    const QJsonObject system = s[QStringLiteral("system")].toObject();
    QCOMPARE(system[QStringLiteral("installed")].toBool(), true);
    QCOMPARE(system[QStringLiteral("enabled")].toString(), QStringLiteral("enabled"));
    QCOMPARE(system[QStringLiteral("active")].toString(), QStringLiteral("active"));
    QCOMPARE(s[QStringLiteral("user")].toObject()[QStringLiteral("installed")].toBool(), false);
    r = ctl(
        {QStringLiteral("service"), QStringLiteral("status"), QStringLiteral("--root"), root()});
    QVERIFY2(r.out.contains(QStringLiteral("system service: installed (") + systemUnit() +
                            QStringLiteral("), enabled, active")),
             qPrintable(r.out));

    r = ctl({QStringLiteral("service"), QStringLiteral("uninstall"), QStringLiteral("--system"),
             QStringLiteral("--root"), root()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(json()[QStringLiteral("system")].toObject()[QStringLiteral("installed")].toBool(),
             false);

    m_env.insert(QStringLiteral("TANDEM_SYSTEMD_RUNTIME_DIR"), path(QStringLiteral("no-systemd")));
    QCOMPARE(json()[QStringLiteral("systemd")].toBool(), false);
    r = ctl({QStringLiteral("service"), QStringLiteral("status")});
    QVERIFY2(r.out.startsWith(QStringLiteral("systemd: not running on this machine\n")),
             qPrintable(r.out));
}

void TestService::withoutSystemdOnlyTheUnitFile()
{
    m_env.insert(QStringLiteral("TANDEM_SYSTEMD_RUNTIME_DIR"), path(QStringLiteral("no-systemd")));
    addEnabledPair();
    Result r = ctl({QStringLiteral("service"), QStringLiteral("install"),
                    QStringLiteral("--system"), QStringLiteral("--root"), root()});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringLiteral("tandemctl: systemd is not running on this machine; use "
                                   "--unit-only to write the unit file only\n"));
    QVERIFY(!QFile::exists(systemUnit()));
    QVERIFY(!QFile::exists(root() + QStringLiteral("/etc/tandem/tandem.xml")));

    r = ctl({QStringLiteral("service"), QStringLiteral("install"), QStringLiteral("--system"),
             QStringLiteral("--root"), root(), QStringLiteral("--unit-only")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(readAll(systemUnit()).contains("\n[Unit]\nDescription=Tandem redundancy engine\n"));
    QVERIFY2(r.out.contains(QStringLiteral("daemon-reload && ")) &&
                 r.out.contains(QStringLiteral(" enable --now tandemd.service")),
             qPrintable(r.out));
    QVERIFY(calls().isEmpty()); // nothing run

    r = ctl({QStringLiteral("service"), QStringLiteral("install"), QStringLiteral("--user"),
             QStringLiteral("--unit-only")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(userUnit()));
    QVERIFY2(r.out.contains(QStringLiteral("--user daemon-reload && ")), qPrintable(r.out));
    QVERIFY(calls().isEmpty());
}

void TestService::userServiceRunsTheUsersFilesAndTheConsoleCanReachIt()
{
    addEnabledPair();
    m_env.insert(QStringLiteral("FAKE_SYSTEMD_START"), QStringLiteral("1"));
    Result r =
        ctl({QStringLiteral("service"), QStringLiteral("install"), QStringLiteral("--user")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString unit = QString::fromUtf8(readAll(userUnit()));
    QVERIFY2(unit.contains(QStringLiteral(" --config \"") + m_config +
                           QStringLiteral("\" --state-dir ") + m_state + QLatin1Char('\n')),
             qPrintable(unit));
    QVERIFY(unit.contains(QStringLiteral("WantedBy=default.target")));
    QCOMPARE(calls(), (QStringList{QStringLiteral("--user daemon-reload"),
                                   QStringLiteral("--user enable --now tandemd.service")}));
    // Nothing of the system scope was touched.
    QVERIFY(!QFile::exists(systemUnit()));

    // The engine systemd started (from the unit's ExecStart) serves the user's state dir.
    QTRY_VERIFY_WITH_TIMEOUT(EngineSocket::isRunning(m_state), 15000);
    const qint64 pid = readAll(path(QStringLiteral("fake/user.pid"))).trimmed().toLongLong();
    QVERIFY(pid > 0);
    r = ctl({QStringLiteral("status"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("pid")].toInteger(),
             pid);
    r = ctl({QStringLiteral("service"), QStringLiteral("status"), QStringLiteral("--json")});
    const QJsonObject user =
        QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("user")].toObject();
    QCOMPARE(user[QStringLiteral("main-pid")].toInteger(), pid);
    QCOMPARE(user[QStringLiteral("unit")].toString(), userUnit());

    r = ctl({QStringLiteral("service"), QStringLiteral("uninstall"), QStringLiteral("--user")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!QFile::exists(userUnit()));
    QVERIFY(!EngineSocket::isRunning(m_state));
    QVERIFY(QFile::exists(m_config));
}

void TestService::userServiceRefusedWhileAnotherEngineRuns()
{
    test::TandemdProcess engine;
    QVERIFY(engine.start());
    m_config = engine.configFile();
    m_state = engine.stateDir();
    const Result r =
        ctl({QStringLiteral("service"), QStringLiteral("install"), QStringLiteral("--user")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("another Tandem engine is running with the state "
                                           "directory ") +
                            m_state),
             qPrintable(r.err));
    QVERIFY(!QFile::exists(userUnit()));
    QVERIFY(calls().isEmpty());
    QVERIFY(engine.stop());
}

void TestService::systemScopeAsksPkexecWhenNotRoot()
{
    // The check is "not root": a test running as root runs tandemctl as nobody.
    if (::geteuid() == 0) {
        for (const QString &dir : {m_dir->path(), path(QStringLiteral("fake"))})
            QVERIFY(QFile::setPermissions(dir, QFile::Permissions(0x7777)));
        m_runAs = {QStringLiteral("/usr/bin/setpriv"), QStringLiteral("--reuid=65534"),
                   QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                   QStringLiteral("--")};
    }
    Result r =
        ctl({QStringLiteral("service"), QStringLiteral("install"), QStringLiteral("--system")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("asking through pkexec")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("not authorized")), qPrintable(r.err));
    QCOMPARE(QString::fromUtf8(readAll(path(QStringLiteral("fake/pkexec-calls")))),
             QFileInfo(test::tandemctlPath()).absoluteFilePath() + QStringLiteral(" --config ") +
                 m_config + QStringLiteral(" --state-dir ") + m_state +
                 QStringLiteral(" service install --system\n"));
    QVERIFY(!QFile::exists(systemUnit()));

    // No pkexec on this machine: say what else to do.
    m_env.remove(QStringLiteral("TANDEM_PKEXEC"));
    m_env.insert(QStringLiteral("PATH"), path(QStringLiteral("empty-path")));
    r = ctl({QStringLiteral("service"), QStringLiteral("uninstall"), QStringLiteral("--system")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("pkexec is not installed: run 'sudo tandemctl service "
                                           "uninstall --system', or use --user")),
             qPrintable(r.err));
}

// The system unit's engine runs as the service for every user at boot: it must be the
// installed one, and one that nobody but root could have replaced.
void TestService::systemServiceRunsOnlyAnEngineRootOwns()
{
    const QStringList install{QStringLiteral("service"), QStringLiteral("install"),
                              QStringLiteral("--system"), QStringLiteral("--root"), root()};
    QVERIFY(QFile::remove(systemTandemd()));
    Result r = ctl(install);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("the engine ") + systemTandemd() +
                            QStringLiteral(" is not there or not executable")),
             qPrintable(r.err));
    QVERIFY(!QFile::exists(systemUnit()));

    // Writable by others: anyone could put their own program there.
    QVERIFY(QFile::copy(test::tandemdPath(), systemTandemd()));
    QVERIFY(QFile::setPermissions(systemTandemd(), QFile::Permissions(0x7777)));
    r = ctl(install);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(systemTandemd() + QStringLiteral(" may be written by others")),
             qPrintable(r.err));
    QVERIFY(!QFile::exists(systemUnit()));

    // A folder above it writable by others: the same.
    QVERIFY(QFile::setPermissions(systemTandemd(), QFile::Permissions(0x7755)));
    QVERIFY(QFile::setPermissions(root() + QStringLiteral("/usr/bin"), QFile::Permissions(0x7777)));
    r = ctl(install);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(root() + QStringLiteral("/usr/bin may be written by others")),
             qPrintable(r.err));
    QVERIFY(QFile::setPermissions(root() + QStringLiteral("/usr/bin"), QFile::Permissions(0x7755)));

    // Someone else's: as root (where it counts), a file of the user nobody.
    if (::geteuid() == 0) {
        QVERIFY(::chown(QFile::encodeName(systemTandemd()).constData(), 65534, 65534) == 0);
        r = ctl(install);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(systemTandemd() +
                                QStringLiteral(" belongs to the user id 65534, not to root")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(systemUnit()));
        QVERIFY(::chown(QFile::encodeName(systemTandemd()).constData(), 0, 0) == 0);
    }
    r = ctl(install);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(systemUnit()));
}

// Through pkexec, root copies the asking user's files into /etc/tandem (readable by all)
// and /var/lib/tandem: a "configuration" that is a link to a file only root may read
// (/etc/shadow, say) must not be copied there.
void TestService::seedsOnlyFilesOfTheUserWhoAsked()
{
    addEnabledPair();
    const QString secret = path(QStringLiteral("secret"));
    {
        QFile f(secret);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("root:$6$hash:19000:0:99999:7:::\n");
    }
    QVERIFY(QFile::setPermissions(secret, QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(QFile::remove(m_config));
    QVERIFY(QFile::link(secret, m_config));
    // The user pkexec ran this for is someone else than the owner of that file.
    m_env.insert(QStringLiteral("PKEXEC_UID"), QString::number(::getuid() + 1));
    const QStringList install{QStringLiteral("service"), QStringLiteral("install"),
                              QStringLiteral("--system"), QStringLiteral("--root"), root()};
    Result r = ctl(install);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(m_config + QStringLiteral(" is not a file of the user who asked "
                                                      "for the service (uid %1)")
                                           .arg(::getuid() + 1)),
             qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(root() + QStringLiteral("/etc/tandem/tandem.xml")));
    QVERIFY(!QFileInfo::exists(systemUnit()));

    // The asking user's own files (a link to one of them is fine) are copied.
    m_env.insert(QStringLiteral("PKEXEC_UID"), QString::number(::getuid()));
    r = ctl(install);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readAll(root() + QStringLiteral("/etc/tandem/tandem.xml")), readAll(secret));
}

void TestService::usage()
{
    Result r = ctl({QStringLiteral("service"), QStringLiteral("install"), QStringLiteral("--user"),
                    QStringLiteral("--system")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--system or --user, not both")), qPrintable(r.err));
    r = ctl({QStringLiteral("service"), QStringLiteral("restart")});
    QCOMPARE(r.exitCode, 2);
    r = ctl({QStringLiteral("service"), QStringLiteral("status"), QStringLiteral("--force")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("unknown option --force")), qPrintable(r.err));
    r = ctl({QStringLiteral("--help")});
    QVERIFY(r.out.contains(QStringLiteral("service install [--system|--user] [--unit-only] "
                                          "[--root DIR] [--force]")));
    // `pair set --user NAME` still takes a value: only `service` reads --user as a flag.
    r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("x"),
             QStringLiteral("--user")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--user needs a value")), qPrintable(r.err));
}

// The system service's state directory is the group's (0770): its members reach the
// engine. A private state directory keeps the socket to its owner.
void TestService::controlSocketFollowsTheStateDirectory()
{
    const auto handler = [](const QJsonObject &, const ControlCaller &) {
        return QJsonObject{{QStringLiteral("ok"), true}};
    };
    const QString shared = path(QStringLiteral("shared-state"));
    const QString own = path(QStringLiteral("own-state"));
    QVERIFY(QDir().mkpath(shared) && QDir().mkpath(own));
    QVERIFY(QFile::setPermissions(shared, QFile::Permissions(0x7770)));
    QVERIFY(QFile::setPermissions(own, QFile::Permissions(0x7700)));
    ControlServer sharedServer(shared, handler), ownServer(own, handler);
    QString error;
    QVERIFY2(sharedServer.listen(&error), qPrintable(error));
    QVERIFY2(ownServer.listen(&error), qPrintable(error));
    const QFile::Permissions sharedSocket = QFileInfo(EngineSocket::pathFor(shared)).permissions();
    const QFile::Permissions ownSocket = QFileInfo(EngineSocket::pathFor(own)).permissions();
    QVERIFY(sharedSocket.testFlag(QFile::WriteGroup) && sharedSocket.testFlag(QFile::ReadGroup));
    QVERIFY(!sharedSocket.testFlag(QFile::WriteOther));
    QVERIFY(ownSocket.testFlag(QFile::WriteOwner));
    QVERIFY(!ownSocket.testFlag(QFile::WriteGroup) && !ownSocket.testFlag(QFile::WriteOther));
}

// An engine whose socket this user may not open (the system service, seen from outside
// its group) counts as running: a second engine refuses to start and leaves the socket
// alone, where before it took it for a crashed engine's and removed it.
void TestService::unreachableEngineIsNeverReplaced()
{
    tandem::test::TandemdProcess service;
    QVERIFY(service.writeConfig(tandem::Configuration::createNew(), {}));
    QVERIFY(QDir().mkpath(service.stateDir()));
    QVERIFY(QFile::setPermissions(service.stateDir(), QFile::Permissions(0x7700)));
    QVERIFY(service.start());
    const QString socket = EngineSocket::pathFor(service.stateDir());

    // Someone else: as root, the user nobody (the folders opened to let it in); else
    // this user with the socket's permissions taken away.
    QStringList runAs;
    if (::geteuid() == 0) {
        for (const QString &dir : {QFileInfo(service.configFile()).path(), service.stateDir()})
            QVERIFY(QFile::setPermissions(dir, QFile::Permissions(0x7777)));
        runAs = {QStringLiteral("/usr/bin/setpriv"), QStringLiteral("--reuid=65534"),
                 QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                 QStringLiteral("--")};
    } else {
        QVERIFY(QFile::setPermissions(socket, QFile::Permissions()));
    }
    QProcess second;
    QStringList args = runAs;
    args << test::tandemdPath() << QStringLiteral("--config") << path(QStringLiteral("none.xml"))
         << QStringLiteral("--state-dir") << service.stateDir();
    second.start(args.takeFirst(), args);
    QVERIFY(second.waitForFinished(20000));
    const QString err = QString::fromUtf8(second.readAllStandardError());
    QVERIFY2(second.exitCode() != 0, qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("not accessible to this user")), qPrintable(err));
    QVERIFY(QFileInfo::exists(socket));
    if (::geteuid() != 0)
        QVERIFY(QFile::setPermissions(socket, QFile::ReadOwner | QFile::WriteOwner));
    QString error;
    const std::optional<QJsonObject> answer = ControlClient::request(
        service.stateDir(), {{QStringLiteral("command"), QStringLiteral("status")}}, 5000, &error);
    QVERIFY2(answer, qPrintable(error)); // the first engine still answers on its socket
    QCOMPARE(answer->value(QLatin1String("pid")).toInteger(), service.processId());
    QVERIFY(service.stop());
}

// Qt renames a new socket over an existing one: without asking first, a second engine
// would take the first one's socket away.
void TestService::secondEngineOnTheSameFilesRefuses()
{
    tandem::test::TandemdProcess first;
    QVERIFY(first.writeConfig(tandem::Configuration::createNew(), {}));
    QVERIFY(first.start());
    QProcess second;
    second.start(test::tandemdPath(), {QStringLiteral("--config"), first.configFile(),
                                       QStringLiteral("--state-dir"), first.stateDir()});
    QVERIFY(second.waitForFinished(20000));
    const QString err = QString::fromUtf8(second.readAllStandardError());
    QVERIFY2(second.exitCode() != 0, qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("already running")), qPrintable(err));
    QString error;
    const std::optional<QJsonObject> answer = ControlClient::request(
        first.stateDir(), {{QStringLiteral("command"), QStringLiteral("status")}}, 5000, &error);
    QVERIFY2(answer, qPrintable(error));
    QCOMPARE(answer->value(QLatin1String("pid")).toInteger(), first.processId());
    QVERIFY(first.stop());
}

// systemd restarts a crashed service (Restart=on-failure): the console's session says the
// connection was lost, starts no engine of its own meanwhile, and shows the new tandemd.
void TestService::consoleReattachesWhenTheServiceRestarts()
{
    tandem::test::TandemdProcess service;
    QVERIFY(service.writeConfig(tandem::Configuration::createNew(), {}));
    QVERIFY(service.start());
    EngineSession session({service.configFile(), service.stateDir()});
    QVERIFY(session.start().isEmpty());
    QVERIFY(session.isRemote());
    QTRY_COMPARE(session.remotePid(), service.processId());
    QSignalSpy failed(&session, &EngineSession::commandFailed);

    service.sendSignal(SIGKILL);
    QVERIFY(service.waitForExit(10000));
    QTRY_VERIFY(!failed.isEmpty());
    QVERIFY2(failed.constFirst().at(0).toString().contains(QLatin1String("connects again")),
             qPrintable(failed.constFirst().at(0).toString()));
    QVERIFY(!session.isRunning());
    QVERIFY(!EngineSocket::isRunning(service.stateDir())); // none of the console's

    QVERIFY(service.start()); // the restart
    QTRY_VERIFY_WITH_TIMEOUT(session.isRemote() && session.remotePid() == service.processId(),
                             10000);
    QTRY_VERIFY(session.status().contains(QLatin1String("pairs")));
    QVERIFY(service.stop());
}

QTEST_GUILESS_MAIN(TestService)
#include "tst_service.moc"
