// The command-line contract (packaging/man/tandemctl.1). The commands run in-process through
// CtlCommand (tests/support/ctlrunner.h), as the binary's main() runs them; a few smoke
// tests at the end run the real tandemctl binary and check it behaves the same.
#include "buildpaths.h"
#include "ctl/ctlcommand.h"
#include "ctlrunner.h"
#include "tandemdprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
using Result = tandem::test::CtlResult;
// Variables set for one command (tests/support/ctlrunner.h).
using Environment = QHash<QString, QString>;
} // namespace

class TestTandemctl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void addListAndJson();
    void refusalsGoToStderrWithField();
    void setChangesOnlyNamedOptions();
    void serverConnections();
    void opcuaLimits();
    void clientLimits();
    void aliasAndUnalias();
    void enableDisableSurvivesAndDeploymentDisables();
    void monitorItems();
    void notifyAndDiagnostics();
    void brokenFileNamesLineAndIsKept();
    void environmentOverridesDefaults();
    void usageErrors();
    void backupCreateListRestore();
    void backupRefusals();
    void backupRestoreRefusedWhileEngineRuns();
    void scheduledBackupsRunInTheEngine();
    // The real binary (process-level smoke tests).
    void binaryHelpAndUsageErrors();
    void binaryTalksToRunningEngine();
    void binaryReadsPasswordFromStdin();
    void opcuaUsersThroughRunningEngine();
    void opcuaUsers();
    void opcuaIdentityOptions();
    void manPageCoversHelp();

private:
    // tandemctl with --config and --state-dir of this test's folder, unless env names
    // TANDEM_CONFIG; in-process.
    Result ctl(QStringList args, const QString &stateDir = {}, const Environment &env = {});
    // The same command through the tandemctl binary, input on its standard input.
    Result binary(QStringList args, const QByteArray &input = {});
    QJsonArray pairs(const QString &stateDir = {});
    Result add(const QString &name, int port, const QStringList &extra = {});
    QStringList withPaths(const QStringList &args, const QString &stateDir = {}) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTandemctl::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

QStringList TestTandemctl::withPaths(const QStringList &args, const QString &stateDir) const
{
    return QStringList{QStringLiteral("--config"), m_dir->filePath(QStringLiteral("tandem.xml")),
                       QStringLiteral("--state-dir"),
                       stateDir.isEmpty() ? m_dir->filePath(QStringLiteral("state")) : stateDir} +
           args;
}

Result TestTandemctl::ctl(QStringList args, const QString &stateDir, const Environment &env)
{
    if (!env.contains(QStringLiteral("TANDEM_CONFIG")))
        args = withPaths(args, stateDir);
    return tandem::test::runCtl(args, env);
}

Result TestTandemctl::binary(QStringList args, const QByteArray &input)
{
    QProcess p;
    p.start(tandem::test::tandemctlPath(), args);
    if (!p.waitForStarted())
        qFatal("tandemctl did not start");
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000))
        qFatal("tandemctl did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QJsonArray TestTandemctl::pairs(const QString &stateDir)
{
    const Result r =
        ctl({QStringLiteral("pair"), QStringLiteral("list"), QStringLiteral("--json")}, stateDir);
    if (r.exitCode != 0)
        qWarning() << r.err;
    return QJsonDocument::fromJson(r.out.toUtf8()).array();
}

Result TestTandemctl::add(const QString &name, int port, const QStringList &extra)
{
    return ctl(QStringList{QStringLiteral("pair"), QStringLiteral("add"), name,
                           QStringLiteral("--protocol"), QStringLiteral("modbus-tcp"),
                           QStringLiteral("--primary"), QStringLiteral("127.0.0.1:5020"),
                           QStringLiteral("--secondary"), QStringLiteral("127.0.0.1:5021"),
                           QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)} +
               extra);
}

void TestTandemctl::addListAndJson()
{
    Result r =
        add(QStringLiteral("line1"), 1502,
            {QStringLiteral("--mode"), QStringLiteral("hot"), QStringLiteral("--reconnect-primary"),
             QStringLiteral("yes"), QStringLiteral("--status-interval"), QStringLiteral("200"),
             QStringLiteral("--status-timeout"), QStringLiteral("100"),
             QStringLiteral("--failback-holdoff"), QStringLiteral("1500"),
             QStringLiteral("--failure-persistence"), QStringLiteral("3")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("tandem.xml"))));
    const QJsonArray list = pairs();
    QCOMPARE(list.size(), 1);
    const QJsonObject p = list[0].toObject();
    QCOMPARE(p[QStringLiteral("name")].toString(), QStringLiteral("line1"));
    QCOMPARE(p[QStringLiteral("mode")].toString(), QStringLiteral("hot"));
    QCOMPARE(p[QStringLiteral("reconnect-primary")].toBool(), true);
    QCOMPARE(p[QStringLiteral("status-interval")].toInt(), 200);
    QCOMPARE(p[QStringLiteral("status-timeout")].toInt(), 100);
    QCOMPARE(p[QStringLiteral("failback-holdoff")].toInt(), 1500);
    QCOMPARE(p[QStringLiteral("failure-persistence")].toInt(), 3);
    QCOMPARE(p[QStringLiteral("enabled")].toBool(), false);
    QCOMPARE(p[QStringLiteral("listen")].toString(), QStringLiteral("127.0.0.1:1502"));

    r = ctl({QStringLiteral("pair"), QStringLiteral("list")});
    QCOMPARE(r.exitCode, 0);
    // A disabled pair still serves, through its primary only.
    QVERIFY2(r.out.startsWith(QStringLiteral(
                 "line1\tpass-through (redundancy disabled)\tmodbus-tcp\t127.0.0.1:1502")),
             qPrintable(r.out));
}

void TestTandemctl::refusalsGoToStderrWithField()
{
    QCOMPARE(add(QStringLiteral("line1"), 1502).exitCode, 0);
    Result r = add(QStringLiteral("line2"), 1502);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral(
                 "pair[line2]/listen: endpoint 127.0.0.1:1502 is already used by pair 'line1'")),
             qPrintable(r.err));
    r = add(QStringLiteral("a&b"), 1503);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("<, > and &")));
    r = add(QStringLiteral("cold"), 1504,
            {QStringLiteral("--mode"), QStringLiteral("cold"),
             QStringLiteral("--reconnect-primary"), QStringLiteral("yes")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("Cold mode does not support")));
    r = add(QStringLiteral("patient"), 1506,
            {QStringLiteral("--failure-persistence"), QStringLiteral("11")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(
                 QStringLiteral("pair[patient]/failure-persistence: must be from 1 to 10 (is 11)")),
             qPrintable(r.err));
    r = add(QStringLiteral("slow"), 1505,
            {QStringLiteral("--status-timeout"), QStringLiteral("5000")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("pair[slow]/status-timeout")));
    QCOMPARE(pairs().size(), 1);
    r = ctl({QStringLiteral("pair"), QStringLiteral("remove"), QStringLiteral("ghost")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("no pair named 'ghost'")));
}

void TestTandemctl::setChangesOnlyNamedOptions()
{
    QCOMPARE(add(QStringLiteral("line1"), 1502, {QStringLiteral("--mode"), QStringLiteral("hot")})
                 .exitCode,
             0);
    Result r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("line1"),
                    QStringLiteral("--secondary"), QStringLiteral("plc-b:502")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QJsonObject p = pairs()[0].toObject();
    QCOMPARE(p[QStringLiteral("secondary")].toString(), QStringLiteral("plc-b:502"));
    QCOMPARE(p[QStringLiteral("mode")].toString(), QStringLiteral("hot"));
    // Turning on always-reconnect and then switching to cold is refused, file unchanged.
    QCOMPARE(ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("line1"),
                  QStringLiteral("--reconnect-primary"), QStringLiteral("yes")})
                 .exitCode,
             0);
    r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("line1"),
             QStringLiteral("--mode"), QStringLiteral("cold")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(pairs()[0].toObject()[QStringLiteral("mode")].toString(), QStringLiteral("hot"));
}

void TestTandemctl::serverConnections()
{
    QCOMPARE(add(QStringLiteral("line1"), 1502).exitCode, 0);
    const auto connections = [this] {
        return pairs()[0].toObject()[QStringLiteral("server-connections")].toString();
    };
    QCOMPARE(connections(), QStringLiteral("shared"));
    Result r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("line1"),
                    QStringLiteral("--server-connections"), QStringLiteral("per-client")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(connections(), QStringLiteral("per-client"));
    QFile file(m_dir->filePath(QStringLiteral("tandem.xml")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("<server-connections>per-client</server-connections>"));
    r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("line1"),
             QStringLiteral("--server-connections"), QStringLiteral("pooled")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--server-connections: 'pooled' is not shared or "
                                           "per-client")),
             qPrintable(r.err));
    QCOMPARE(connections(), QStringLiteral("per-client"));
    r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("line1"),
             QStringLiteral("--server-connections"), QStringLiteral("shared")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(connections(), QStringLiteral("shared"));
    r = ctl({QStringLiteral("--help")});
    QVERIFY(r.out.contains(QStringLiteral("--server-connections shared|per-client")));
}

void TestTandemctl::opcuaLimits()
{
    Result r = ctl({QStringLiteral("pair"), QStringLiteral("add"), QStringLiteral("ua"),
                    QStringLiteral("--protocol"), QStringLiteral("opcua"),
                    QStringLiteral("--primary"), QStringLiteral("127.0.0.1:4840"),
                    QStringLiteral("--secondary"), QStringLiteral("127.0.0.1:4850"),
                    QStringLiteral("--listen"), QStringLiteral("opc.tcp://127.0.0.1:4841/ua"),
                    QStringLiteral("--max-sessions"), QStringLiteral("20")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("ua"),
             QStringLiteral("--login-lockout"), QStringLiteral("60000"),
             QStringLiteral("--max-monitored-items"), QStringLiteral("500")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject limits = pairs()[0].toObject()[QStringLiteral("opcua-limits")].toObject();
    QCOMPARE(limits[QStringLiteral("max-sessions")].toInt(), 20);
    QCOMPARE(limits[QStringLiteral("login-lockout")].toInt(), 60000);
    QCOMPARE(limits[QStringLiteral("max-monitored-items")].toInt(), 500);
    QCOMPARE(limits[QStringLiteral("handshake-timeout")].toInt(), 10000); // a default
    QFile file(m_dir->filePath(QStringLiteral("tandem.xml")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray xml = file.readAll();
    QVERIFY2(xml.contains("<max-sessions>20</max-sessions>") &&
                 !xml.contains("<handshake-timeout>"),
             xml.constData());
    r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("ua"),
             QStringLiteral("--idle-timeout"), QStringLiteral("5")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("idle-timeout: must be from 1000 to 3600000 ms (is 5)")),
             qPrintable(r.err));
    QCOMPARE(add(QStringLiteral("mb"), 1502).exitCode, 0);
    r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("mb"),
             QStringLiteral("--max-sessions"), QStringLiteral("5")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--max-sessions: a limit of OPC UA pairs")),
             qPrintable(r.err));
}

// The client limits: defaults, set, written to tandem.xml, and refused out of range.
void TestTandemctl::clientLimits()
{
    QCOMPARE(add(QStringLiteral("line1"), 1502).exitCode, 0);
    const auto value = [this](const char *key) {
        return pairs()[0].toObject()[QLatin1String(key)].toInt();
    };
    QCOMPARE(value("client-limit"), tandem::PairConfig::DefaultClientLimit);
    QCOMPARE(value("requests-per-client"), tandem::PairConfig::DefaultRequestsPerClient);
    QCOMPARE(value("output-per-client"), tandem::PairConfig::DefaultOutputPerClient);
    Result r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("line1"),
                    QStringLiteral("--client-limit"), QStringLiteral("64"),
                    QStringLiteral("--requests-per-client"), QStringLiteral("8"),
                    QStringLiteral("--output-per-client"), QStringLiteral("65536")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(value("client-limit"), 64);
    QCOMPARE(value("requests-per-client"), 8);
    QCOMPARE(value("output-per-client"), 65536);
    QFile file(m_dir->filePath(QStringLiteral("tandem.xml")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray xml = file.readAll();
    QVERIFY(xml.contains("<client-limit>64</client-limit>"));
    QVERIFY(xml.contains("<requests-per-client>8</requests-per-client>"));
    QVERIFY(xml.contains("<output-per-client>65536</output-per-client>"));
    r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("line1"),
             QStringLiteral("--client-limit"), QStringLiteral("0")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("client-limit")) &&
                 r.err.contains(QStringLiteral("from 1 to 65536")),
             qPrintable(r.err));
    QCOMPARE(value("client-limit"), 64);
    r = ctl({QStringLiteral("--help")});
    QVERIFY(r.out.contains(QStringLiteral("--client-limit N")));
}

void TestTandemctl::aliasAndUnalias()
{
    QCOMPARE(add(QStringLiteral("KEP"), 1502).exitCode, 0);
    Result r = ctl({QStringLiteral("pair"), QStringLiteral("alias"), QStringLiteral("KEP"),
                    QStringLiteral("KEP.Alias1"), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:1600")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(add(QStringLiteral("KEP"), 1601).exitCode, 0);
    r = ctl({QStringLiteral("pair"), QStringLiteral("unalias"), QStringLiteral("KEP.Alias1")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("in use as a redundant server")));
    QCOMPARE(
        ctl({QStringLiteral("pair"), QStringLiteral("remove"), QStringLiteral("KEP")}).exitCode, 0);
    r = ctl({QStringLiteral("pair"), QStringLiteral("unalias"), QStringLiteral("KEP.Alias1")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray list = pairs();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("KEP"));
    QCOMPARE(list[0].toObject()[QStringLiteral("listen")].toString(),
             QStringLiteral("127.0.0.1:1502"));
    r = ctl({QStringLiteral("pair"), QStringLiteral("alias"), QStringLiteral("KEP"),
             QStringLiteral("K>1"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:1600")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("<, > and &")));
}

void TestTandemctl::enableDisableSurvivesAndDeploymentDisables()
{
    QCOMPARE(add(QStringLiteral("line1"), 1502).exitCode, 0);
    QCOMPARE(add(QStringLiteral("line2"), 1503).exitCode, 0);
    QCOMPARE(
        ctl({QStringLiteral("pair"), QStringLiteral("enable"), QStringLiteral("line1")}).exitCode,
        0);
    QCOMPARE(
        ctl({QStringLiteral("pair"), QStringLiteral("enable"), QStringLiteral("line2")}).exitCode,
        0);
    QCOMPARE(
        ctl({QStringLiteral("pair"), QStringLiteral("disable"), QStringLiteral("line2")}).exitCode,
        0);
    QJsonArray list = pairs();
    QCOMPARE(list[0].toObject()[QStringLiteral("enabled")].toBool(), true);
    QCOMPARE(list[1].toObject()[QStringLiteral("enabled")].toBool(), false);
    // The same tandem.xml with a fresh state directory (another machine): all disabled.
    list = pairs(m_dir->filePath(QStringLiteral("fresh-machine")));
    QCOMPARE(list.size(), 2);
    for (const QJsonValue &p : list)
        QCOMPARE(p.toObject()[QStringLiteral("enabled")].toBool(), false);
}

void TestTandemctl::monitorItems()
{
    QCOMPARE(add(QStringLiteral("line1"), 1502).exitCode, 0);
    Result r = ctl({QStringLiteral("monitor"), QStringLiteral("add"), QStringLiteral("line1"),
                    QStringLiteral("--item"), QStringLiteral("400001"), QStringLiteral("--rate"),
                    QStringLiteral("500"), QStringLiteral("--trigger"), QStringLiteral("no-change"),
                    QStringLiteral("--data"), QStringLiteral("300")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("set to 1000 ms")));
    r = ctl({QStringLiteral("monitor"), QStringLiteral("add"), QStringLiteral("line1"),
             QStringLiteral("--item"), QStringLiteral("2:300005"), QStringLiteral("--type"),
             QStringLiteral("Float"), QStringLiteral("--trigger"), QStringLiteral("value"),
             QStringLiteral("--data"), QStringLiteral("-1")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = ctl({QStringLiteral("monitor"), QStringLiteral("add"), QStringLiteral("line1"),
             QStringLiteral("--item"), QStringLiteral("700001"), QStringLiteral("--trigger"),
             QStringLiteral("bad-quality")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("pair[line1]/monitor[3]/id")));
    QCOMPARE(ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("line1"),
                  QStringLiteral("--failure-count"), QStringLiteral("2")})
                 .exitCode,
             0);
    QCOMPARE(ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("line1"),
                  QStringLiteral("--failure-count"), QStringLiteral("3")})
                 .exitCode,
             1);
    r = ctl({QStringLiteral("monitor"), QStringLiteral("list"), QStringLiteral("line1")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("1\t400001\tDefault\t500\tno-change\t1000")));
    QVERIFY(r.out.contains(QStringLiteral("2\t2:300005\tFloat\t1000\tvalue\t-1")));
    QVERIFY(r.out.contains(QStringLiteral("failure count: 2")));
    r = ctl({QStringLiteral("monitor"), QStringLiteral("remove"), QStringLiteral("line1"),
             QStringLiteral("5")});
    QCOMPARE(r.exitCode, 1);
    r = ctl({QStringLiteral("monitor"), QStringLiteral("remove"), QStringLiteral("line1"),
             QStringLiteral("1")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("failure count was lowered to 1")));
    const QJsonObject p = pairs()[0].toObject();
    QCOMPARE(p[QStringLiteral("monitor")].toArray().size(), 1);
    QCOMPARE(p[QStringLiteral("failure-count")].toInt(), 1);
}

void TestTandemctl::notifyAndDiagnostics()
{
    Result r = ctl({QStringLiteral("notify"), QStringLiteral("set"), QStringLiteral("--enable"),
                    QStringLiteral("yes"), QStringLiteral("--primary-smtp"),
                    QStringLiteral("smtp://127.0.0.1:2525"), QStringLiteral("--from"),
                    QStringLiteral("tandem@plant.example"), QStringLiteral("--to"),
                    QStringLiteral("a@plant.example"), QStringLiteral("--to"),
                    QStringLiteral("b@plant.example"), QStringLiteral("--events"),
                    QStringLiteral("connected.primary,promoted.secondary")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString xml = [&] {
        QFile f(m_dir->filePath(QStringLiteral("tandem.xml")));
        f.open(QIODevice::ReadOnly);
        return QString::fromUtf8(f.readAll());
    }();
    QVERIFY(xml.contains(QStringLiteral("<to>b@plant.example</to>")));
    QVERIFY(xml.contains(QStringLiteral("<event id=\"promoted.secondary\"/>")));
    r = ctl({QStringLiteral("notify"), QStringLiteral("set"), QStringLiteral("--from"),
             QStringLiteral("not-an-address")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(
        QStringLiteral("notifications/from: 'not-an-address' is not an e-mail address")));
    r = ctl({QStringLiteral("notify"), QStringLiteral("set"), QStringLiteral("--events"),
             QStringLiteral("bogus.event")});
    QCOMPARE(r.exitCode, 2);
    // The delivery settings beyond the reference manual, with their ranges.
    r = ctl({QStringLiteral("notify"), QStringLiteral("set"), QStringLiteral("--retry-hours"),
             QStringLiteral("48"), QStringLiteral("--batch-window"), QStringLiteral("0"),
             QStringLiteral("--timeout"), QStringLiteral("10"), QStringLiteral("--ca-file"),
             QStringLiteral("/etc/tandem/ca.pem"), QStringLiteral("--allow-plaintext"),
             QStringLiteral("yes")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = ctl({QStringLiteral("notify"), QStringLiteral("set"), QStringLiteral("--timeout"),
             QStringLiteral("0")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("notifications/timeout: must be from 1 to 300 s")),
             qPrintable(r.err));
    r = ctl({QStringLiteral("notify"), QStringLiteral("set"), QStringLiteral("--primary-smtp"),
             QStringLiteral("smtp://mail.plant.example:99999")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("notifications/primary-smtp")), qPrintable(r.err));
    r = ctl({QStringLiteral("notify"), QStringLiteral("set"), QStringLiteral("--ca-file"),
             QStringLiteral("ca.pem")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("absolute path")));
    // --password-stdin needs a user to belong to.
    r = ctl({QStringLiteral("notify"), QStringLiteral("set"), QStringLiteral("--password-stdin")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("--user")));
    // Retrying the outbox needs a running engine.
    r = ctl({QStringLiteral("notify"), QStringLiteral("retry")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.err.isEmpty());
    const QString saved = [&] {
        QFile f(m_dir->filePath(QStringLiteral("tandem.xml")));
        f.open(QIODevice::ReadOnly);
        return QString::fromUtf8(f.readAll());
    }();
    QVERIFY(saved.contains(QStringLiteral("<retry-hours>48</retry-hours>")));
    QVERIFY(saved.contains(QStringLiteral("<timeout>10</timeout>")));
    r = ctl({QStringLiteral("diagnostics"), QStringLiteral("set"), QStringLiteral("--max-events"),
             QStringLiteral("999")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("diagnostics/max-events")));
    r = ctl({QStringLiteral("diagnostics"), QStringLiteral("set"), QStringLiteral("--max-events"),
             QStringLiteral("30000"), QStringLiteral("--preserve"), QStringLiteral("no")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void TestTandemctl::brokenFileNamesLineAndIsKept()
{
    QCOMPARE(add(QStringLiteral("line1"), 1502).exitCode, 0);
    QFile f(m_dir->filePath(QStringLiteral("tandem.xml")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray xml = f.readAll();
    f.close();
    xml.replace("<status-timeout>500</status-timeout>",
                "<status-timeout>half a second</status-timeout>");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(xml);
    f.close();
    Result r = ctl({QStringLiteral("config"), QStringLiteral("check")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.err.contains(QStringLiteral(
            "tandem.xml:10: pair[line1]/status-timeout: 'half a second' is not a whole number")),
        qPrintable(r.err));
    r = add(QStringLiteral("line2"), 1503);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), xml);
}

void TestTandemctl::environmentOverridesDefaults()
{
    const bool wasSet = qEnvironmentVariableIsSet("TANDEM_CONFIG");
    const QByteArray before = qgetenv("TANDEM_CONFIG");
    const Environment env{
        {QStringLiteral("TANDEM_CONFIG"), m_dir->filePath(QStringLiteral("env.xml"))},
        {QStringLiteral("TANDEM_STATE_DIR"), m_dir->filePath(QStringLiteral("env-state"))}};
    Result r =
        ctl({QStringLiteral("pair"), QStringLiteral("add"), QStringLiteral("viaenv"),
             QStringLiteral("--protocol"), QStringLiteral("opcua"), QStringLiteral("--primary"),
             QStringLiteral("a"), QStringLiteral("--secondary"), QStringLiteral("b"),
             QStringLiteral("--listen"), QStringLiteral("opc.tcp://localhost:4841/x")},
            {}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("env.xml"))));
    r = ctl({QStringLiteral("pair"), QStringLiteral("enable"), QStringLiteral("viaenv")}, {}, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("env-state/enabled-pairs.json"))));
    // The variables were the commands' only (ctlrunner.h): the test's are as they were.
    QCOMPARE(qEnvironmentVariableIsSet("TANDEM_CONFIG"), wasSet);
    QCOMPARE(qgetenv("TANDEM_CONFIG"), before);
}

void TestTandemctl::usageErrors()
{
    Result r = ctl({});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("Usage: tandemctl")));
    r = ctl({QStringLiteral("pair"), QStringLiteral("list"), QStringLiteral("--colour"),
             QStringLiteral("red")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("unknown option --colour")));
    r = ctl({QStringLiteral("pair"), QStringLiteral("add"), QStringLiteral("x")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("--protocol is required")));
    r = add(QStringLiteral("x"), 1502,
            {QStringLiteral("--status-interval"), QStringLiteral("fast")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("--status-interval: 'fast' is not a whole number")));
    r = ctl({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("pair alias NAME NEW_NAME")));
}

// The archive path from `backup create`'s "backup written to PATH".
static QString writtenTo(const Result &r)
{
    const QString prefix = QStringLiteral("backup written to ");
    const qsizetype at = r.out.indexOf(prefix);
    return at < 0 ? QString() : r.out.mid(at + prefix.size()).trimmed();
}

void TestTandemctl::backupCreateListRestore()
{
    QCOMPARE(add(QStringLiteral("line1"), 1502).exitCode, 0);
    QCOMPARE(
        ctl({QStringLiteral("pair"), QStringLiteral("enable"), QStringLiteral("line1")}).exitCode,
        0);
    const QString xmlPath = m_dir->filePath(QStringLiteral("tandem.xml"));
    QFile f(xmlPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray xml = f.readAll();
    f.close();
    QFile license(m_dir->filePath(QStringLiteral("state/license.json")));
    QVERIFY(license.open(QIODevice::WriteOnly));
    license.write("{}\n");
    license.close();

    Result r = ctl({QStringLiteral("backup"), QStringLiteral("create")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString archive = writtenTo(r);
    QCOMPARE(QFileInfo(archive).absolutePath(), m_dir->filePath(QStringLiteral("state/backups")));
    QVERIFY(QFile::exists(archive));

    r = ctl({QStringLiteral("backup"), QStringLiteral("list")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(archive + QLatin1Char('\t')), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("tandem.xml")));
    r = ctl({QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].toObject()[QStringLiteral("file")].toString(), archive);
    QCOMPARE(list[0].toObject()[QStringLiteral("broken")].toBool(), false);
    QCOMPARE(list[0]
                 .toObject()[QStringLiteral("files")]
                 .toArray()[0]
                 .toObject()[QStringLiteral("name")]
                 .toString(),
             QStringLiteral("tandem.xml"));

    // --to elsewhere, and a broken archive there is listed as broken.
    const QString other = m_dir->filePath(QStringLiteral("elsewhere"));
    r = ctl({QStringLiteral("backup"), QStringLiteral("create"), QStringLiteral("--to"), other});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(QFileInfo(writtenTo(r)).absolutePath(), other);
    QFile broken(QDir(other).filePath(QStringLiteral("tandem-backup-19990101-000000.tar")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("not a tar file");
    broken.close();
    r = ctl({QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("--to"), other});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(broken.fileName() + QStringLiteral("\tBROKEN: ")), qPrintable(r.out));

    // Change the configuration, then restore: the old one is back, every pair disabled.
    QCOMPARE(add(QStringLiteral("line2"), 1503).exitCode, 0);
    r = ctl({QStringLiteral("backup"), QStringLiteral("restore"), archive});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), xml);
    f.close();
    QVERIFY(QFile::exists(xmlPath + QStringLiteral(".before-restore")));
    const QJsonArray restored = pairs();
    QCOMPARE(restored.size(), 1);
    QCOMPARE(restored[0].toObject()[QStringLiteral("enabled")].toBool(), false);
    QVERIFY(license.open(QIODevice::ReadOnly));
    QCOMPARE(license.readAll(), QByteArray("{}\n"));

    // A damaged archive is refused, naming it and what is wrong.
    r = ctl({QStringLiteral("backup"), QStringLiteral("restore"), broken.fileName()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(broken.fileName() + QStringLiteral(" is not a Tandem backup")),
             qPrintable(r.err));
}

void TestTandemctl::backupRefusals()
{
    Result r = ctl({QStringLiteral("backup")});
    QCOMPARE(r.exitCode, 2);
    r = ctl({QStringLiteral("backup"), QStringLiteral("restore")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("backup restore: expected 1 argument(s), got 0")),
             qPrintable(r.err));
    r = ctl({QStringLiteral("backup"), QStringLiteral("create"), QStringLiteral("--colour"),
             QStringLiteral("red")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("backup create: unknown option --colour")));
    const QString missing = m_dir->filePath(QStringLiteral("nothing.tar"));
    r = ctl({QStringLiteral("backup"), QStringLiteral("restore"), missing});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("cannot read ") + missing), qPrintable(r.err));
    r = ctl({QStringLiteral("--help")});
    QVERIFY(r.out.contains(QStringLiteral("backup restore FILE")));
}

void TestTandemctl::backupRestoreRefusedWhileEngineRuns()
{
    tandem::test::TandemdProcess engine;
    QVERIFY(engine.writeConfig(tandem::Configuration::createNew(), {}));
    QVERIFY(engine.start());
    const Environment env{{QStringLiteral("TANDEM_CONFIG"), engine.configFile()},
                          {QStringLiteral("TANDEM_STATE_DIR"), engine.stateDir()}};
    const auto backup = [&](const QStringList &words) {
        return ctl(QStringList{QStringLiteral("backup")} + words, {}, env);
    };
    // A backup is fine while the engine writes its event store.
    Result r = backup({QStringLiteral("create")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString archive = writtenTo(r);
    QVERIFY(QFile::exists(archive));
    r = backup({QStringLiteral("restore"), archive});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("engine is running")) &&
                 r.err.contains(QStringLiteral("stop it first")),
             qPrintable(r.err));
    QVERIFY(!QFile::exists(engine.configFile() + QStringLiteral(".before-restore")));
    QVERIFY(engine.stop());
    r = backup({QStringLiteral("restore"), archive});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(engine.configFile() + QStringLiteral(".before-restore")));
}

// `backup set` writes the schedule into tandem.xml, checked like any setting; tandemd then
// makes the first backup at once (none is there), says so as an event and in its status.
void TestTandemctl::scheduledBackupsRunInTheEngine()
{
    tandem::test::TandemdProcess engine;
    QVERIFY(engine.writeConfig(tandem::Configuration::createNew(), {}));
    const Environment env{{QStringLiteral("TANDEM_CONFIG"), engine.configFile()},
                          {QStringLiteral("TANDEM_STATE_DIR"), engine.stateDir()}};
    const auto backup = [&](const QStringList &words) {
        return ctl(QStringList{QStringLiteral("backup")} + words, {}, env);
    };
    QTemporaryDir target;
    Result r =
        backup({QStringLiteral("set"), QStringLiteral("--interval-hours"), QStringLiteral("0")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("backup/interval-hours")) &&
                 r.err.contains(QStringLiteral("from 1 to")),
             qPrintable(r.err));
    r = backup({QStringLiteral("set"), QStringLiteral("--to"), QStringLiteral("relative/dir"),
                QStringLiteral("--enable"), QStringLiteral("maybe")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--enable")), qPrintable(r.err));

    r = backup({QStringLiteral("set"), QStringLiteral("--enable"), QStringLiteral("yes"),
                QStringLiteral("--interval-hours"), QStringLiteral("6"),
                QStringLiteral("--retention-days"), QStringLiteral("14"), QStringLiteral("--to"),
                target.path()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("every 6 hour(s) into ") + target.path()),
             qPrintable(r.out));
    QFile xml(engine.configFile());
    QVERIFY(xml.open(QIODevice::ReadOnly));
    const QByteArray saved = xml.readAll();
    QVERIFY2(saved.contains("<interval-hours>6</interval-hours>") &&
                 saved.contains("<retention-days>14</retention-days>"),
             saved.constData());
    QCOMPARE(ctl({QStringLiteral("config"), QStringLiteral("check")}, {}, env).exitCode, 0);

    QVERIFY(engine.start());
    QVERIFY(engine.waitForEvent(QStringLiteral("Scheduled backup '")));
    const QStringList archives =
        QDir(target.path()).entryList({QStringLiteral("tandem-backup-*.tar")}, QDir::Files);
    QCOMPARE(archives.size(), 1);
    r = ctl({QStringLiteral("status"), QStringLiteral("--json")}, {}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject status = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonObject schedule = status.value(QLatin1String("backup")).toObject();
    QCOMPARE(schedule.value(QLatin1String("enabled")).toBool(), true);
    QCOMPARE(schedule.value(QLatin1String("directory")).toString(), target.path());
    const QDateTime last =
        QDateTime::fromString(schedule.value(QLatin1String("last")).toString(), Qt::ISODate);
    QCOMPARE(QDateTime::fromString(schedule.value(QLatin1String("next")).toString(), Qt::ISODate),
             last.addSecs(6 * 3600));
    // `backup list` looks in the scheduled folder without being told.
    r = backup({QStringLiteral("list")});
    QVERIFY2(r.out.contains(archives.constFirst()), qPrintable(r.out));
    QVERIFY(engine.stop());
}

// The binary prints what CtlCommand prints, on the same streams, with the same exit codes:
// what the in-process tests above check is what an operator gets.
void TestTandemctl::binaryHelpAndUsageErrors()
{
    Result r = binary({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, tandem::CtlCommand::usage());
    QCOMPARE(r.err, QString());
    r = binary({});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err, tandem::CtlCommand::usage());
    const QList<QStringList> commands{
        {QStringLiteral("--help")},
        {},
        withPaths({QStringLiteral("pair"), QStringLiteral("list"), QStringLiteral("--colour"),
                   QStringLiteral("red")}),
        withPaths({QStringLiteral("pair")}),
        withPaths({QStringLiteral("frobnicate"), QStringLiteral("now")}),
        withPaths({QStringLiteral("pair"), QStringLiteral("add"), QStringLiteral("line1"),
                   QStringLiteral("--protocol"), QStringLiteral("modbus-tcp"),
                   QStringLiteral("--primary"), QStringLiteral("127.0.0.1:5020"),
                   QStringLiteral("--secondary"), QStringLiteral("127.0.0.1:5021"),
                   QStringLiteral("--listen"), QStringLiteral("127.0.0.1:1502"),
                   QStringLiteral("--status-interval"), QStringLiteral("fast")}),
        withPaths({QStringLiteral("pair"), QStringLiteral("remove"), QStringLiteral("ghost")}),
        withPaths({QStringLiteral("config"), QStringLiteral("check")})};
    for (const QStringList &args : commands) {
        const Result process = binary(args);
        const Result inProcess = tandem::test::runCtl(args);
        const QByteArray what = args.join(QLatin1Char(' ')).toUtf8();
        QVERIFY2(process.exitCode == inProcess.exitCode, what.constData());
        QVERIFY2(process.out == inProcess.out, what.constData());
        QVERIFY2(process.err == inProcess.err, what.constData());
    }
    // A file the binary wrote is the one the in-process commands read, and back.
    r = binary(withPaths({QStringLiteral("pair"), QStringLiteral("add"), QStringLiteral("line1"),
                          QStringLiteral("--protocol"), QStringLiteral("modbus-tcp"),
                          QStringLiteral("--primary"), QStringLiteral("127.0.0.1:5020"),
                          QStringLiteral("--secondary"), QStringLiteral("127.0.0.1:5021"),
                          QStringLiteral("--listen"), QStringLiteral("127.0.0.1:1502")}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(pairs().size(), 1);
    QCOMPARE(add(QStringLiteral("line2"), 1503).exitCode, 0);
    const QStringList list = withPaths({QStringLiteral("pair"), QStringLiteral("list")});
    r = binary(list);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("line1\t")) && r.out.contains(QStringLiteral("line2\t")),
             qPrintable(r.out));
    QCOMPARE(tandem::test::runCtl(list).out, r.out);
}

// The binary end to end with a running tandemd: its live state, and a change it applies.
void TestTandemctl::binaryTalksToRunningEngine()
{
    tandem::test::TandemdProcess engine;
    QVERIFY(engine.writeConfig(tandem::Configuration::createNew(), {}));
    QVERIFY(engine.start());
    const QStringList paths{QStringLiteral("--config"), engine.configFile(),
                            QStringLiteral("--state-dir"), engine.stateDir()};
    const QStringList status = paths + QStringList{QStringLiteral("status")};
    Result r = binary(status);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("engine: tandemd (pid %1)\n").arg(engine.processId())),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("no pair is running")), qPrintable(r.out));
    const Result inProcess = tandem::test::runCtl(status);
    QCOMPARE(inProcess.exitCode, r.exitCode);
    QCOMPARE(inProcess.out, r.out);
    QCOMPARE(inProcess.err, r.err);

    const quint16 port = tandem::test::TandemdProcess::freePort();
    r = binary(paths + QStringList{QStringLiteral("pair"), QStringLiteral("add"),
                                   QStringLiteral("line1"), QStringLiteral("--protocol"),
                                   QStringLiteral("modbus-tcp"), QStringLiteral("--primary"),
                                   QStringLiteral("127.0.0.1:5020"), QStringLiteral("--secondary"),
                                   QStringLiteral("127.0.0.1:5021"), QStringLiteral("--listen"),
                                   QStringLiteral("127.0.0.1:%1").arg(port)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("not told")), qPrintable(r.err));
    // The engine reloaded: the new pair serves, through its primary (it is disabled).
    r = binary(status);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("line1\t")) &&
                 r.out.contains(QStringLiteral(", pass-through (redundancy disabled)")),
             qPrintable(r.out));
    QVERIFY(engine.stop());
}

// A password on standard input needs the process's own standard input: an empty line is
// refused before anything is stored or saved. In-process, standard input is empty
// (ctlrunner.h), with the same refusal. The keychain and the system service's credentials
// are stored through the binary in tst_keychain and tst_servicecredentials.
void TestTandemctl::binaryReadsPasswordFromStdin()
{
    const QStringList add = withPaths(
        {QStringLiteral("pair"), QStringLiteral("add"), QStringLiteral("ua"),
         QStringLiteral("--protocol"), QStringLiteral("opcua"), QStringLiteral("--primary"),
         QStringLiteral("127.0.0.1:4840"), QStringLiteral("--secondary"),
         QStringLiteral("127.0.0.1:4850"), QStringLiteral("--listen"),
         QStringLiteral("opc.tcp://127.0.0.1:4841/ua"), QStringLiteral("--user"),
         QStringLiteral("operator"), QStringLiteral("--password-stdin")});
    const Result r = binary(add, "\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("--password-stdin: standard input held no password; "
                                           "nothing was changed")),
             qPrintable(r.err));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("tandem.xml"))));
    const Result inProcess = tandem::test::runCtl(add);
    QCOMPARE(inProcess.exitCode, r.exitCode);
    QCOMPARE(inProcess.out, r.out);
    QCOMPARE(inProcess.err, r.err);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("tandem.xml"))));
}

// The OPC UA users: added with a password on standard input (the binary: in-process,
// standard input is empty), listed without their hashes, limited to pairs that exist,
// removed; a damaged file is named and left as it is.
void TestTandemctl::opcuaUsers()
{
    const auto opcua = [this](const QStringList &args) {
        return ctl(QStringList{QStringLiteral("opcua"), QStringLiteral("user")} + args);
    };
    Result r = opcua({QStringLiteral("list")});
    QVERIFY2(r.exitCode == 0 && r.out.isEmpty(), qPrintable(r.err));
    // In-process standard input is empty: nothing is stored.
    r = opcua({QStringLiteral("add"), QStringLiteral("alice")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("standard input held no password; nothing was changed")),
             qPrintable(r.err));
    r = binary(withPaths({QStringLiteral("opcua"), QStringLiteral("user"), QStringLiteral("add"),
                          QStringLiteral("alice"), QStringLiteral("--operator")}),
               "correct horse\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("OPC UA user 'alice' stored")), qPrintable(r.out));
    // --pairs names pairs of tandem.xml.
    r = binary(
        withPaths({QStringLiteral("opcua"), QStringLiteral("user"), QStringLiteral("add"),
                   QStringLiteral("bob"), QStringLiteral("--pairs"), QStringLiteral("line1")}),
        "battery staple\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("--pairs: there is no pair named 'line1'")),
             qPrintable(r.err));
    QVERIFY(add(QStringLiteral("line1"), 1502).exitCode == 0);
    r = binary(
        withPaths({QStringLiteral("opcua"), QStringLiteral("user"), QStringLiteral("add"),
                   QStringLiteral("bob"), QStringLiteral("--pairs"), QStringLiteral("line1")}),
        "battery staple\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = binary(withPaths({QStringLiteral("opcua"), QStringLiteral("user"), QStringLiteral("add"),
                          QStringLiteral("carol")}),
               "short\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("8 to 1024 bytes")), qPrintable(r.err));

    r = opcua({QStringLiteral("list")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("alice\tall pairs\toperator\nbob\tline1\tuser\n"));
    r = opcua({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.out.contains(QStringLiteral("argon2")));
    const QJsonArray users = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(users.size(), 2);
    QCOMPARE(users.at(0).toObject().value(QStringLiteral("pairs")).toString(), QStringLiteral("*"));
    QCOMPARE(users.at(0).toObject().value(QStringLiteral("operator")).toBool(), true);
    QCOMPARE(users.at(1).toObject().value(QStringLiteral("pairs")).toArray(),
             QJsonArray{QStringLiteral("line1")});
    const QString file = m_dir->filePath(QStringLiteral("state/opcua-users.json"));
    QVERIFY(QFile(file).size() > 0);

    r = opcua({QStringLiteral("remove"), QStringLiteral("alice")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = opcua({QStringLiteral("remove"), QStringLiteral("alice")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("no OPC UA user named 'alice'")), qPrintable(r.err));
    r = opcua({QStringLiteral("list")});
    QCOMPARE(r.out, QStringLiteral("bob\tline1\tuser\n"));

    QFile damaged(file);
    QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("{ not json");
    damaged.close();
    r = opcua({QStringLiteral("remove"), QStringLiteral("bob")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(file) && r.err.contains(QStringLiteral("damaged")), qPrintable(r.err));
    QVERIFY(damaged.open(QIODevice::ReadOnly));
    QCOMPARE(damaged.readAll(), QByteArray("{ not json"));

    r = opcua({QStringLiteral("rename"), QStringLiteral("bob")});
    QCOMPARE(r.exitCode, 2);
}

// Who may log on to an OPC UA pair's endpoint and the engine's user on each server: a new
// pair takes no anonymous client, each option changes its one setting, and they are for
// OPC UA pairs only.
void TestTandemctl::opcuaIdentityOptions()
{
    Result r = ctl({QStringLiteral("pair"), QStringLiteral("add"), QStringLiteral("ua"),
                    QStringLiteral("--protocol"), QStringLiteral("opcua"),
                    QStringLiteral("--primary"), QStringLiteral("127.0.0.1:4840"),
                    QStringLiteral("--secondary"), QStringLiteral("127.0.0.1:4850"),
                    QStringLiteral("--listen"), QStringLiteral("opc.tcp://127.0.0.1:4841/ua"),
                    QStringLiteral("--user"), QStringLiteral("operator")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto identity = [this] {
        return pairs().at(0).toObject().value(QStringLiteral("opcua-identity")).toObject();
    };
    QJsonObject i = identity();
    QCOMPARE(i.value(QStringLiteral("anonymous")).toBool(), false);
    QCOMPARE(i.value(QStringLiteral("opcua-users")).toBool(), true);
    QCOMPARE(i.value(QStringLiteral("pair-user")).toBool(), false);
    QCOMPARE(i.value(QStringLiteral("clear-text-passwords")).toBool(), false);
    QCOMPARE(i.value(QStringLiteral("clear-text-to-servers")).toBool(), false);
    QCOMPARE(i.value(QStringLiteral("primary-user")).toString(), QStringLiteral("operator"));

    r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("ua"),
             QStringLiteral("--anonymous"), QStringLiteral("yes"), QStringLiteral("--primary-user"),
             QStringLiteral("plc-a"), QStringLiteral("--user-certificates"),
             QStringLiteral("yes")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    i = identity();
    QCOMPARE(i.value(QStringLiteral("anonymous")).toBool(), true);
    QCOMPARE(i.value(QStringLiteral("user-certificates")).toBool(), true);
    QCOMPARE(i.value(QStringLiteral("primary-user")).toString(), QStringLiteral("plc-a"));
    QCOMPARE(i.value(QStringLiteral("secondary-user")).toString(), QStringLiteral("operator"));
    QFile xml(m_dir->filePath(QStringLiteral("tandem.xml")));
    QVERIFY(xml.open(QIODevice::ReadOnly));
    QVERIFY(xml.readAll().contains("primary-user=\"plc-a\""));

    // Nothing left to accept.
    r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("ua"),
             QStringLiteral("--anonymous"), QStringLiteral("no"), QStringLiteral("--opcua-users"),
             QStringLiteral("no"), QStringLiteral("--user-certificates"), QStringLiteral("no")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("accepts no identity at all")), qPrintable(r.err));
    // Standard input holds one password.
    r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("ua"),
             QStringLiteral("--primary-password-stdin"),
             QStringLiteral("--secondary-password-stdin")});
    QCOMPARE(r.exitCode, 2);
    // In-process standard input is empty: refused before anything is stored or saved.
    r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("ua"),
             QStringLiteral("--secondary-password-stdin")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("standard input held no password")), qPrintable(r.err));

    QVERIFY(add(QStringLiteral("mb"), 1502).exitCode == 0);
    r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("mb"),
             QStringLiteral("--anonymous"), QStringLiteral("yes")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("a setting of OPC UA pairs")), qPrintable(r.err));
    r = ctl({QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("mb"),
             QStringLiteral("--primary-password-stdin")});
    QCOMPARE(r.exitCode, 2);
}

// With an engine running, the engine changes the users (the control socket's administrator
// role; the file stays the engine's): the change is in the file and the audit event names
// the command.
void TestTandemctl::opcuaUsersThroughRunningEngine()
{
    tandem::test::TandemdProcess engine;
    QVERIFY(engine.writeConfig(tandem::Configuration::createNew(), {}));
    QVERIFY(engine.start());
    const QStringList paths{QStringLiteral("--config"), engine.configFile(),
                            QStringLiteral("--state-dir"), engine.stateDir()};
    Result r = binary(paths + QStringList{QStringLiteral("opcua"), QStringLiteral("user"),
                                          QStringLiteral("add"), QStringLiteral("alice")},
                      "correct horse\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(engine.waitForEvent(QStringLiteral("Control command 'opcua-user-add'")));
    r = tandem::test::runCtl(paths + QStringList{QStringLiteral("opcua"), QStringLiteral("user"),
                                                 QStringLiteral("list")});
    QCOMPARE(r.out, QStringLiteral("alice\tall pairs\tuser\n"));
    r = tandem::test::runCtl(paths + QStringList{QStringLiteral("opcua"), QStringLiteral("user"),
                                                 QStringLiteral("remove"), QStringLiteral("bob")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("no OPC UA user named 'bob'")), qPrintable(r.err));
    r = tandem::test::runCtl(paths + QStringList{QStringLiteral("opcua"), QStringLiteral("user"),
                                                 QStringLiteral("remove"),
                                                 QStringLiteral("alice")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(engine.waitForEvent(QStringLiteral("Control command 'opcua-user-remove'")));
    QVERIFY(engine.stop());
}

// Every command `tandemctl --help` lists has its entry in the man page.
void TestTandemctl::manPageCoversHelp()
{
    QFile page(tandem::test::sourcePath("packaging/man/tandemctl.1"));
    QVERIFY(page.open(QIODevice::ReadOnly));
    QString man = QString::fromUtf8(page.readAll());
    man.remove(QRegularExpression(QStringLiteral(R"(\\f[BIRP])")));
    man.replace(QStringLiteral("\\-"), QStringLiteral("-"));
    man.remove(QLatin1Char('"'));
    const QRegularExpression command(QStringLiteral(R"(^  ([a-z]+(?: [a-z]+){0,2}))"),
                                     QRegularExpression::MultilineOption);
    const QStringList groups{QStringLiteral("pair"),    QStringLiteral("monitor"),
                             QStringLiteral("notify"),  QStringLiteral("diagnostics"),
                             QStringLiteral("license"), QStringLiteral("config"),
                             QStringLiteral("events"),  QStringLiteral("backup"),
                             QStringLiteral("service"), QStringLiteral("opcua")};
    int checked = 0;
    for (auto it = command.globalMatch(tandem::CtlCommand::usage()); it.hasNext();) {
        const QStringList words = it.next().captured(1).split(QLatin1Char(' '));
        if (!groups.contains(words.first()))
            continue;
        // The group and its verb ("opcua user" also its action).
        const int count = words.first() == QLatin1String("opcua") ? 3 : 2;
        const QString entry = words.mid(0, count).join(QLatin1Char(' '));
        QVERIFY2(man.contains(entry), qPrintable(entry + QStringLiteral(" is not in tandemctl.1")));
        ++checked;
    }
    QVERIFY(checked > 20);
}

QTEST_GUILESS_MAIN(TestTandemctl)
#include "tst_tandemctl.moc"
