// The whole secured path with real processes: two node-opcua servers that offer only
// Basic256Sha256 SignAndEncrypt, a real tandemd whose pair uses that setting on both links
// and offers it on its endpoint, and an unmodified node-opcua client (client.js watch) with
// the same setting. As an operator meets it: the unknown server certificates are refused
// and trusted with the real tandemctl while the engine runs, then the client rides through
// a killed primary in Hot mode without losing its session or a notification. The rest of
// the matrix, Cold, Warm and Hot with a killed or hung secured primary, keeps the client
// reading; Hot keeps what it promises there too (no notification lost, no gap in the
// secondary's values). A wrong user password through the secured endpoint is refused
// (BadUserAccessDenied).
#include "buildpaths.h"
#include "opcuaclientrun.h"
#include "opcuasecuredrig.h"
#include "opcuawatch.h"
#include "pairrig.h"
#include "pki/certificate.h"
#include "pki/pkistore.h"

#include <QDir>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>

using namespace tandem;
using namespace tandem::test;

namespace {

constexpr int SecondaryOffset = 1000;
constexpr int EventWaitMs = 20000;
constexpr int WatchIntervalMs = 200;
const auto Pair = QStringLiteral("line1");
const auto Counter = QStringLiteral("ns=1;s=Counter");
const auto Secured = QStringLiteral("Basic256Sha256:SignAndEncrypt");

enum class Fault
{
    Kill,
    Hang
};

UaSecuritySetting securedSetting()
{
    QString error;
    const auto setting = UaSecuritySetting::parse(Secured, &error);
    if (!setting)
        qFatal("%s", qPrintable(error));
    return *setting;
}

QString thumbprintOf(const QByteArray &der)
{
    QString error;
    const auto certificate = pki::Certificate::fromData(der, &error);
    return certificate ? certificate->thumbprint() : QString();
}

QStringList thumbprints(const QString &dir)
{
    QStringList found;
    for (const QFileInfo &file : QDir(dir).entryInfoList(QDir::Files)) {
        QString error;
        if (const auto certificate = pki::Certificate::fromFile(file.filePath(), &error))
            found << certificate->thumbprint();
    }
    return found;
}

QList<int> counterValues(const OpcUaWatch &watch)
{
    QList<int> values;
    for (const QJsonObject &change : watch.changes())
        if (change.value(QLatin1String("nodeId")).toString() == Counter)
            values << change.value(QLatin1String("value")).toInt();
    return values;
}

int countAtLeast(const QList<int> &values, int floor)
{
    return int(std::count_if(values.begin(), values.end(), [floor](int v) { return v >= floor; }));
}

// What Hot promises a client through a fail-over (resources/help/opcua.html, "What clients
// see"): its secured session and subscription never noticed, its sequence numbers went on
// one by one (a keep-alive carries the next one without using it), and from its first
// value on the secondary's count arrived without a gap.
void verifyNothingLost(const OpcUaWatch &watch)
{
    for (const char *event : {"connection_lost", "session_closed", "terminated", "reconnecting"})
        QVERIFY2(!watch.hasEvent(QLatin1String(event)), event);
    quint32 last = 0;
    int numbered = 0;
    for (const QJsonObject &record : watch.records()) {
        if (!record.contains(QLatin1String("seq")))
            continue;
        const quint32 seq = quint32(record.value(QLatin1String("seq")).toInteger());
        if (last != 0 && seq != last)
            QCOMPARE(seq, last + 1);
        if (!record.contains(QLatin1String("keepalive"))) {
            last = seq;
            ++numbered;
        }
    }
    QVERIFY(numbered >= 10);
    QList<int> secondary;
    for (int v : counterValues(watch))
        if (v >= SecondaryOffset)
            secondary << v;
    QVERIFY(!secondary.isEmpty());
    for (qsizetype i = 1; i < secondary.size(); ++i)
        QCOMPARE(secondary[i], secondary[i - 1] + 1);
}

} // namespace

Q_DECLARE_METATYPE(Fault)

class TestOpcUaSecureFailover final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void trustedWithTandemctlThenHotRidesThroughKill();
    void failoverKeepsTheClientReading_data();
    void failoverKeepsTheClientReading();
    void wrongPasswordIsRefusedThroughTheSecuredEndpoint();

private:
    PairConfig pairConfig(ConnectionMode mode) const
    {
        PairConfig pair = m_rig.pair(mode, 400, 400);
        pair.opcuaSecurity.primary.setting = securedSetting();
        pair.opcuaSecurity.secondary.setting = securedSetting();
        pair.opcuaSecurity.listen = {securedSetting()};
        return pair;
    }
    QString stateDir() const { return m_rig.engine->stateDir(); }
    QString rejectedDir() const { return stateDir() + QStringLiteral("/pki/rejected/certs"); }
    // Trusts both servers and client.js in the engine's store before it starts.
    bool trustAll() const
    {
        const pki::PkiStore store(stateDir());
        return SecuredOpcUaRig::trust(store, *m_rig.primary) &&
               SecuredOpcUaRig::trust(store, *m_rig.secondary) &&
               SecuredOpcUaRig::trustClient(store);
    }
    // The real tandemctl on the engine's configuration and state directory; `input` on its
    // standard input.
    QString tandemctl(const QStringList &args, int *exitCode, const QByteArray &input = {}) const;
    // client.js watch under the secured setting through the pair's endpoint.
    bool startWatch(OpcUaWatch &watch) const;

    PairRig<OpcUaPeer> m_rig;
    // Every engine's own certificate and key (pki/own) and client.js's, made once: the
    // servers know the engines' from their start, and no engine makes a key of its own.
    SecuredOpcUaRig m_secured;
};

void TestOpcUaSecureFailover::initTestCase()
{
    // Before the servers start, so they know the engines' certificate.
    QVERIFY(m_secured.prepare());
    // Both servers serve every case (a node-opcua server takes seconds to start): init()
    // brings the primary back as a fresh start would be, started again only if a case ended
    // it. The peers and client.js share one certificate folder, so their keys are made once.
    m_rig.secondary = std::make_unique<OpcUaPeer>();
    m_rig.primary = std::make_unique<OpcUaPeer>();
    QVERIFY(OpcUaPeer::restoreAll(
        {{m_rig.secondary.get(), {.offset = SecondaryOffset, .security = Secured}},
         {m_rig.primary.get(), {.security = Secured}}}));
    QVERIFY(!m_rig.secondary->certificate().isEmpty());
}

void TestOpcUaSecureFailover::init()
{
    QVERIFY(m_rig.secondary->isRunning() && !m_rig.secondary->isHung());
    QVERIFY(m_rig.primary->restore({.security = Secured}));
    QVERIFY(!m_rig.primary->certificate().isEmpty());
    m_rig.newEngine();
    QVERIFY(m_secured.installOwn(stateDir()));
}

void TestOpcUaSecureFailover::cleanup()
{
    // A primary a case hung (also one that failed before it could resume it) answers again
    // first: the engine's polite stop closes its sessions there.
    if (m_rig.primary->isHung())
        m_rig.primary->resume();
    QVERIFY(m_rig.endCase(true));
}

QString TestOpcUaSecureFailover::tandemctl(const QStringList &args, int *exitCode,
                                           const QByteArray &input) const
{
    QProcess process;
    process.start(tandemctlPath(),
                  QStringList{QStringLiteral("--config"), m_rig.engine->configFile(),
                              QStringLiteral("--state-dir"), stateDir()} +
                      args);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        qWarning() << "tandemctl did not finish";
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

bool TestOpcUaSecureFailover::startWatch(OpcUaWatch &watch) const
{
    watch.setSamplingInterval(0);
    watch.setClientOptions({QStringLiteral("--security"), Secured});
    return watch.start(m_rig.endpoint(), {Counter}, WatchIntervalMs);
}

void TestOpcUaSecureFailover::trustedWithTandemctlThenHotRidesThroughKill()
{
    const PairConfig pair = pairConfig(ConnectionMode::Hot);
    Configuration config = Configuration::createNew();
    config.pairs << pair;
    QVERIFY(m_rig.engine->writeConfig(config, {Pair}));
    QVERIFY(m_rig.engine->start());
    // Neither server's certificate is known: both links are refused, each certificate is
    // posted and filed in rejected/.
    const QString primaryPrint = thumbprintOf(m_rig.primary->certificate());
    const QString secondaryPrint = thumbprintOf(m_rig.secondary->certificate());
    for (const QString &print : {primaryPrint, secondaryPrint})
        QVERIFY2(m_rig.engine->waitForEvent(QStringLiteral("(SHA-1 thumbprint %1)").arg(print),
                                            EventWaitMs),
                 qPrintable(m_rig.engine->events().join(u'\n')));
    QVERIFY(m_rig.engine->countEvents(QStringLiteral("BadCertificateUntrusted")) >= 2);
    const QStringList rejected = thumbprints(rejectedDir());
    QVERIFY2(rejected.contains(primaryPrint) && rejected.contains(secondaryPrint),
             qPrintable(rejected.join(u',')));
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Connected to 'line1'")), 0);

    // The operator trusts both servers by thumbprint and the client by its certificate
    // file, with tandemctl; the running engine connects on its next try, no restart.
    for (const QString &what :
         {primaryPrint, secondaryPrint, SecuredOpcUaRig::clientCertificate()}) {
        int exitCode = -1;
        const QString said =
            tandemctl({QStringLiteral("cert"), QStringLiteral("trust"), what}, &exitCode);
        QVERIFY2(exitCode == 0, qPrintable(said));
    }
    QVERIFY(thumbprints(rejectedDir()).isEmpty());
    QVERIFY2(
        m_rig.engine->waitForEvent(QStringLiteral("Connected to 'line1' on primary machine '%1'")
                                       .arg(m_rig.primary->address()),
                                   EventWaitMs),
        qPrintable(m_rig.engine->events().join(u'\n')));
    QVERIFY(m_rig.engine->waitForEvent(QStringLiteral("Connected to 'line1' on secondary machine "
                                                      "'%1'")
                                           .arg(m_rig.secondary->address()),
                                       EventWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.active(), QStringLiteral("primary"), EventWaitMs);

    // Hot: an unmodified client subscribed through the secured endpoint; the primary dies.
    OpcUaWatch watch;
    QVERIFY(startWatch(watch));
    QVERIFY(watch.waitFor([&] { return counterValues(watch).size() >= 5; }, EventWaitMs));
    QCOMPARE(countAtLeast(counterValues(watch), SecondaryOffset), 0);

    m_rig.primary->kill();
    QVERIFY2(
        watch.waitFor([&] { return countAtLeast(counterValues(watch), SecondaryOffset) >= 10; },
                      EventWaitMs),
        qPrintable(m_rig.engine->lines().join(u'\n')));
    QCOMPARE(m_rig.active(), QStringLiteral("secondary"));

    verifyNothingLost(watch);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_rig.engine->pairStatus(Pair).value(QLatin1String("clients")).toInt(), 1);
    watch.stop();
}

void TestOpcUaSecureFailover::failoverKeepsTheClientReading_data()
{
    QTest::addColumn<ConnectionMode>("mode");
    QTest::addColumn<Fault>("fault");
    // Hot with a killed primary is trustedWithTandemctlThenHotRidesThroughKill.
    QTest::newRow("cold killed") << ConnectionMode::Cold << Fault::Kill;
    QTest::newRow("cold hung") << ConnectionMode::Cold << Fault::Hang;
    QTest::newRow("warm killed") << ConnectionMode::Warm << Fault::Kill;
    QTest::newRow("warm hung") << ConnectionMode::Warm << Fault::Hang;
    QTest::newRow("hot hung") << ConnectionMode::Hot << Fault::Hang;
}

void TestOpcUaSecureFailover::failoverKeepsTheClientReading()
{
    QFETCH(ConnectionMode, mode);
    QFETCH(Fault, fault);
    QVERIFY(trustAll());
    QVERIFY(m_rig.engine->startWithPair(pairConfig(mode), EventWaitMs));
    OpcUaWatch watch;
    QVERIFY(startWatch(watch));
    QVERIFY(watch.waitFor([&] { return counterValues(watch).size() >= 5; }, EventWaitMs));

    if (fault == Fault::Kill)
        m_rig.primary->kill();
    else
        m_rig.primary->hang();
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to secondary machine '%1'")
            .arg(m_rig.secondary->address()),
        EventWaitMs));
    QVERIFY2(watch.waitFor([&] { return countAtLeast(counterValues(watch), SecondaryOffset) >= 5; },
                           EventWaitMs),
             qPrintable(m_rig.engine->lines().join(u'\n')));
    QCOMPARE(m_rig.active(), QStringLiteral("secondary"));
    // The client's session went on through the switch.
    for (const char *event : {"connection_lost", "session_closed", "terminated"})
        QVERIFY2(!watch.hasEvent(QLatin1String(event)), event);
    if (mode == ConnectionMode::Hot) {
        QVERIFY2(
            watch.waitFor([&] { return countAtLeast(counterValues(watch), SecondaryOffset) >= 10; },
                          EventWaitMs),
            qPrintable(m_rig.engine->lines().join(u'\n')));
        verifyNothingLost(watch);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_rig.engine->pairStatus(Pair).value(QLatin1String("clients")).toInt(), 1);
    }
    watch.stop();
}

void TestOpcUaSecureFailover::wrongPasswordIsRefusedThroughTheSecuredEndpoint()
{
    // The endpoint takes its users only, no anonymous client; the password travels
    // encrypted for the proxy under the endpoint's policy.
    PairConfig pair = pairConfig(ConnectionMode::Warm);
    OpcUaIdentity identity;
    identity.anonymous = false;
    identity.storeUsers = true;
    pair.opcuaIdentity = identity;
    QVERIFY(trustAll());
    QVERIFY(m_rig.engine->startWithPair(pair, EventWaitMs));
    int exitCode = -1;
    const QString said =
        tandemctl({QStringLiteral("opcua"), QStringLiteral("user"), QStringLiteral("add"),
                   QStringLiteral("operator"), QStringLiteral("--password-stdin")},
                  &exitCode, "right horse battery\n");
    QVERIFY2(exitCode == 0, qPrintable(said));

    const QStringList secured{QStringLiteral("--security"), Secured};
    const ClientResult wrong =
        runClient(m_rig.endpoint(), clientWords(QStringLiteral("read ns=1;s=Counter")),
                  secured + userOptions(QStringLiteral("operator"), QStringLiteral("wrong")));
    QVERIFY2(wrong.exitCode == 1, qPrintable(wrong.dump()));
    QVERIFY2(wrong.dump().contains(QStringLiteral("BadUserAccessDenied")),
             qPrintable(wrong.dump()));
    const ClientResult right = runClient(
        m_rig.endpoint(), clientWords(QStringLiteral("read ns=1;s=Counter")),
        secured + userOptions(QStringLiteral("operator"), QStringLiteral("right horse battery")));
    QVERIFY2(right.exitCode == 0, qPrintable(right.dump()));
    QCOMPARE(right.line(0).value(QLatin1String("status")).toString(), QStringLiteral("Good"));
}

QTEST_GUILESS_MAIN(TestOpcUaSecureFailover)
#include "tst_opcuasecurefailover.moc"
