// The engine under its license, in-process with a hand-driven clock and real Modbus
// peers: a demo serves for two hours per start, warns ten minutes before, then stops
// serving; a serial brings it back at once; a license serves only the pairs it allows.
#include "buildpaths.h"
#include "modbuspeer.h"
#include "tandemdprocess.h"

#include "base/clock.h"
#include "config/configdocument.h"
#include "config/configfile.h"
#include "engine/engine.h"
#include "events/eventlog.h"
#include "host/controlserver.h"
#include "host/enginehost.h"
#include "license/licensecodec.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::test;

class TestEngineLicense final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void demoServesTwoHoursThenStops();
    void licenseServesThePairsItAllows();

private:
    TandemPaths paths() const
    {
        return {m_dir->filePath(QStringLiteral("tandem.xml")),
                m_dir->filePath(QStringLiteral("state")),
                m_dir->filePath(QStringLiteral("machine-id"))};
    }
    PairConfig pair(const QString &name, quint16 port) const;
    void writeConfig(const QList<PairConfig> &pairs);
    static bool accepts(quint16 port);
    QString serial(int pairs) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ModbusPeer> m_primary, m_secondary;
    QStringList m_events;
};

void TestEngineLicense::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QFile id(paths().machineIdFile);
    QVERIFY(id.open(QIODevice::WriteOnly));
    id.write("0123456789abcdef0123456789abcdef\n");
    id.close();
    m_primary = std::make_unique<ModbusPeer>();
    m_secondary = std::make_unique<ModbusPeer>();
    QVERIFY(m_primary->start(0));
    QVERIFY(m_secondary->start(1000));
    m_events.clear();
}

void TestEngineLicense::cleanup()
{
    m_primary.reset();
    m_secondary.reset();
    m_dir.reset();
}

PairConfig TestEngineLicense::pair(const QString &name, quint16 port) const
{
    PairConfig p;
    p.name = name;
    p.endpoint = QStringLiteral("127.0.0.1:%1").arg(port);
    p.primary = m_primary->address();
    p.secondary = m_secondary->address();
    return p;
}

void TestEngineLicense::writeConfig(const QList<PairConfig> &pairs)
{
    Configuration config = Configuration::createNew();
    config.pairs = pairs;
    QVERIFY(ConfigFile::save(config, paths().configFile).isEmpty());
    ConfigDocument document(paths());
    QVERIFY(document.load().isEmpty());
    for (const PairConfig &p : pairs)
        QVERIFY(document.setEnabled(p.name, true).isEmpty());
}

bool TestEngineLicense::accepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(2000);
}

QString TestEngineLicense::serial(int pairs) const
{
    QFile key(test::sourcePath("tests/license/dev-vendor.key"));
    if (!key.open(QIODevice::ReadOnly))
        return {};
    Serial s;
    s.pairs = pairs;
    s.issued = QDate(2026, 11, 23);
    s.number = 77;
    return s.sign(QByteArray::fromHex(key.readAll().trimmed()));
}

void TestEngineLicense::demoServesTwoHoursThenStops()
{
    const quint16 port = TandemdProcess::freePort();
    writeConfig({pair(QStringLiteral("line1"), port)});
    ManualClock clock;
    EngineHost host(paths());
    host.setLicenseClock(&clock);
    connect(host.events(), &EventLog::eventPosted, this,
            [this](const Event &e) { m_events << e.id; });
    ConfigIssues warnings;
    QVERIFY(host.start(&warnings).isEmpty());
    QVERIFY(accepts(port));
    QVERIFY(m_events.contains(QStringLiteral("license-changed")));

    clock.advance(LicenseFile::DemoMs - LicenseFile::DemoWarningMs);
    host.licenseGate()->tick();
    QCOMPARE(m_events.count(QStringLiteral("license-demo-expiring")), 1);
    QVERIFY(accepts(port));

    clock.advance(LicenseFile::DemoWarningMs);
    host.licenseGate()->tick();
    QCOMPARE(m_events.count(QStringLiteral("license-demo-expired")), 1);
    QCOMPARE(host.engine()->pairNames(), QStringList());
    QVERIFY(!accepts(port));
    // A reload (a saved configuration) does not bring it back...
    host.reload();
    QVERIFY(!accepts(port));
    QVERIFY(host.licenseGate()->toJson().value(QLatin1String("expired")).toBool());

    // ...a serial does, at once: tandemctl tells the running engine.
    QProcess ctl;
    ctl.start(test::tandemctlPath(),
              {QStringLiteral("--config"), paths().configFile, QStringLiteral("--state-dir"),
               paths().stateDir, QStringLiteral("--machine-id-file"), paths().machineIdFile,
               QStringLiteral("license"), QStringLiteral("serial"), serial(1)});
    // The engine answers on this thread: keep its event loop running meanwhile.
    QTRY_COMPARE_WITH_TIMEOUT(ctl.state(), QProcess::NotRunning, 20000);
    QCOMPARE(ctl.exitCode(), 0);
    QCOMPARE(host.engine()->pairNames(), QStringList{QStringLiteral("line1")});
    QVERIFY(accepts(port));
}

void TestEngineLicense::licenseServesThePairsItAllows()
{
    const quint16 port1 = TandemdProcess::freePort(), port2 = TandemdProcess::freePort();
    writeConfig({pair(QStringLiteral("line1"), port1), pair(QStringLiteral("line2"), port2)});
    LicenseFile license({paths().stateDir, paths().machineIdFile});
    QString error;
    QVERIFY(license.enterSerial(serial(1), &error));
    QStringList texts; // outlives the host, which posts "engine stopped" as it goes
    EngineHost host(paths());
    connect(host.events(), &EventLog::eventPosted, this, [&](const Event &e) {
        m_events << e.id;
        texts << e.text;
    });
    ConfigIssues warnings;
    QVERIFY(host.start(&warnings).isEmpty());
    // The pair beyond the license runs without redundancy: through its primary only.
    QCOMPARE(host.engine()->pairNames(),
             (QStringList{QStringLiteral("line1"), QStringLiteral("line2")}));
    QVERIFY(!host.engine()->runtime(QStringLiteral("line1"))->isPassThrough());
    QVERIFY(host.engine()->runtime(QStringLiteral("line2"))->isPassThrough());
    QVERIFY(accepts(port1));
    QVERIFY(accepts(port2));
    QCOMPARE(m_events.count(QStringLiteral("license-pairs-exceeded")), 1);
    QVERIFY(texts.filter(QStringLiteral("allows 1 pair(s); 'line2'")).size() == 1);
    QCOMPARE(host.licenseGate()->demoRemainingMs(), -1);
}

QTEST_GUILESS_MAIN(TestEngineLicense)
#include "tst_enginelicense.moc"
