// The pair's OPC UA endpoint with unchanged OPC UA clients: two node-opcua
// servers as the pair, the real tandemd between them and node-opcua clients
// (client.js) connected to the proxy only. The clients must see one server that never
// goes away: the same session, subscription and sequence numbers through a fail-over.
// Runs under tests/support/with-keyring, for the case with a user name.
#include "connectionmodes.h"
#include "opcua/client.h"
#include "opcua/opcuauserstore.h"
#include "opcua/transport.h"
#include "opcuaclientrun.h"
#include "opcuawatch.h"
#include "pairrig.h"
#include "secrets/passwordstore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace tandem;
using namespace tandem::test;

namespace {
constexpr quint16 SecondaryOffset = 1000;
constexpr int EventWaitMs = 15000;
constexpr int WatchIntervalMs = 200;
const auto Pair = QStringLiteral("line1");
const auto User = QStringLiteral("operator");
const auto Password = QStringLiteral("line 1 pässword");
const auto Counter = QStringLiteral("ns=1;s=Counter");

enum class Fault
{
    Kill,
    Hang
};

// The Counter values of a watch's data changes, in order.
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
} // namespace

Q_DECLARE_METATYPE(Fault)

class TestOpcUaProxy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void servesTheActiveServer();
    void subscriptionRidesThroughFailover_data();
    void subscriptionRidesThroughFailover();
    void standbyFaultIsInvisible_data();
    void standbyFaultIsInvisible();
    void hotLosesNothingTheSecondaryReported();
    void serviceLevelFollowsThePair();
    void malformedMessageClosesOnlyThatChannel();
    void identityIsChecked();
    void hostileClientsAreHeldOff();
    void clientAndServersHaveTheirOwnIdentities();

private:
    PairConfig pairConfig(ConnectionMode mode) const { return m_rig.pair(mode, 200, 200); }
    // For a case that does not time a fail-over: the first connect to a node-opcua server
    // with a user (Hello, channel, session, an RSA-encrypted password) can take longer
    // than 200 ms on a busy machine, and the pair would then start on the secondary.
    PairConfig patientPair(ConnectionMode mode)
    {
        PairConfig pair = pairConfig(mode);
        pair.statusIntervalMs = pair.statusTimeoutMs = 1000;
        return pair;
    }
    QString proxyUrl() const { return m_rig.endpoint(); }
    QString tandemNode(const QString &name) const
    {
        return QStringLiteral("ns=%1;s=Tandem.%2").arg(m_tandemNs).arg(name);
    }
    ClientResult read(const QString &url, const QString &operations,
                      const QStringList &options = {}) const
    {
        return runClient(url, clientWords(operations), options);
    }

    static OpcUaPeer::Options primaryOptions() { return {.user = User, .password = Password}; }
    static OpcUaPeer::Options secondaryOptions()
    {
        return {.offset = SecondaryOffset, .user = User, .password = Password};
    }
    // Both servers as fresh starts leave them; those a case ended start side by side.
    bool restorePeers()
    {
        return OpcUaPeer::restoreAll(
            {{m_rig.primary.get(), primaryOptions()}, {m_rig.secondary.get(), secondaryOptions()}});
    }

    PairRig<OpcUaPeer> m_rig;
    int m_tandemNs = 0;
};

void TestOpcUaProxy::initTestCase()
{
    // Both servers serve every case (a node-opcua server takes seconds to start): each case
    // starts with them as fresh ones would be, and only what a case broke is started
    // again. They also accept the user of identityIsChecked (and anonymous sessions).
    m_rig.secondary = std::make_unique<OpcUaPeer>();
    m_rig.primary = std::make_unique<OpcUaPeer>();
    QVERIFY(restorePeers());
    // The Tandem namespace follows the servers' own: its index is their namespace count.
    const ClientResult namespaces = read(m_rig.secondary->url(), QStringLiteral("read i=2255"));
    QVERIFY2(namespaces.exitCode == 0, qPrintable(namespaces.dump()));
    m_tandemNs = int(namespaces.line(0).value(QLatin1String("value")).toArray().size());
    QVERIFY(m_tandemNs >= 2);
    QVERIFY(PasswordStore::writeBlocking(PasswordStore::opcUaKey(User), Password).ok);
}

void TestOpcUaProxy::init()
{
    QVERIFY(restorePeers());
    m_rig.newEngine();
}

void TestOpcUaProxy::cleanup()
{
    // A server a case hung answers again first: the engine's polite stop closes its
    // sessions there. init() restores the rest, also after a failed case.
    for (OpcUaPeer *peer : {m_rig.primary.get(), m_rig.secondary.get()})
        if (peer->isHung())
            peer->resume();
    QVERIFY(m_rig.endCase(true));
}

void TestOpcUaProxy::servesTheActiveServer()
{
    // No fail-over is timed here: a status answer late on a loaded machine must not move
    // the pair to the secondary under the reads below.
    QVERIFY(m_rig.engine->startWithPair(patientPair(ConnectionMode::Warm), EventWaitMs));
    QCOMPARE(m_rig.engine->pairStatus(Pair).value(QLatin1String("port")).toInt(),
             QUrl(proxyUrl()).port());

    ClientResult result =
        read(proxyUrl(), QStringLiteral("read ns=1;s=Offset browse i=85 read i=2255 read i=2267 "
                                        "read-server-status write ns=1;s=Value Double 6.5 "
                                        "read ns=1;s=Value"));
    QVERIFY2(result.exitCode == 0, qPrintable(result.dump()));
    QCOMPARE(result.line(0).value(QLatin1String("value")).toInt(), 0); // the primary's offset
    // The servers' own nodes pass through, and the Tandem folder is there too.
    QStringList names;
    for (const QJsonValue &r : result.line(1).value(QLatin1String("references")).toArray())
        names << r.toObject().value(QLatin1String("browseName")).toString();
    QVERIFY2(names.contains(QLatin1String("Server")) && names.contains(QLatin1String("Plant")) &&
                 names.contains(QLatin1String("Tandem")),
             qPrintable(names.join(u',')));
    const QJsonArray uris = result.line(2).value(QLatin1String("value")).toArray();
    QCOMPARE(uris.size(), m_tandemNs + 1);
    QCOMPARE(uris.last().toString(), QStringLiteral("urn:tandem:redundancy"));
    QCOMPARE(result.line(3).value(QLatin1String("value")).toInt(), 255); // both healthy
    QCOMPARE(result.line(4).value(QLatin1String("state")).toString(), QStringLiteral("Running"));
    QCOMPARE(result.line(4).value(QLatin1String("productName")).toString(),
             QStringLiteral("Tandem redundancy proxy"));
    QCOMPARE(result.line(5).value(QLatin1String("status")).toString(), QStringLiteral("Good"));
    QCOMPARE(result.line(6).value(QLatin1String("value")).toDouble(), 6.5);

    // The write went to the active server only.
    result = read(m_rig.primary->url(), QStringLiteral("read ns=1;s=Value"));
    QCOMPARE(result.line(0).value(QLatin1String("value")).toDouble(), 6.5);
    result = read(m_rig.secondary->url(), QStringLiteral("read ns=1;s=Value"));
    QVERIFY2(result.line(0).value(QLatin1String("value")).toDouble() != 6.5,
             qPrintable(result.dump()));

    result = read(proxyUrl(), QStringLiteral("read %1 read %2 read %3 read %4 browse %5")
                                  .arg(tandemNode(QStringLiteral("ActiveSide")),
                                       tandemNode(QStringLiteral("ActiveMachine")),
                                       tandemNode(QStringLiteral("FailoverCount")),
                                       tandemNode(QStringLiteral("SecondaryHealth")),
                                       QStringLiteral("ns=%1;s=Tandem").arg(m_tandemNs)));
    QVERIFY2(result.exitCode == 0, qPrintable(result.dump()));
    QCOMPARE(result.line(0).value(QLatin1String("value")).toString(), QStringLiteral("primary"));
    QCOMPARE(result.line(1).value(QLatin1String("value")).toString(), m_rig.primary->address());
    QCOMPARE(result.line(2).value(QLatin1String("value")).toInt(), 0);
    QCOMPARE(result.line(3).value(QLatin1String("value")).toString(), QStringLiteral("healthy"));
    // ... FailoverCount, Selection and LastSwitchReason among them, and the two methods.
    QCOMPARE(result.line(4).value(QLatin1String("references")).toArray().size(), 14);
}

void TestOpcUaProxy::subscriptionRidesThroughFailover_data()
{
    QTest::addColumn<ConnectionMode>("mode");
    QTest::addColumn<Fault>("fault");
    for (const auto &[name, mode] :
         {std::pair{"cold", ConnectionMode::Cold}, std::pair{"warm", ConnectionMode::Warm},
          std::pair{"hot", ConnectionMode::Hot}}) {
        QTest::addRow("%s killed", name) << mode << Fault::Kill;
        QTest::addRow("%s hung", name) << mode << Fault::Hang;
    }
}

void TestOpcUaProxy::subscriptionRidesThroughFailover()
{
    QFETCH(ConnectionMode, mode);
    QFETCH(Fault, fault);
    QVERIFY(m_rig.engine->startWithPair(pairConfig(mode), EventWaitMs));
    OpcUaWatch watch;
    watch.setSamplingInterval(0);
    QVERIFY(watch.start(proxyUrl(),
                        {Counter, tandemNode(QStringLiteral("ActiveSide")),
                         tandemNode(QStringLiteral("FailoverCount"))},
                        WatchIntervalMs));
    QVERIFY(watch.waitFor([&] { return counterValues(watch).size() >= 5; }, EventWaitMs));
    QVERIFY(countAtLeast(counterValues(watch), SecondaryOffset) == 0);

    if (fault == Fault::Kill)
        m_rig.primary->kill();
    else
        m_rig.primary->hang();
    QVERIFY2(
        watch.waitFor([&] { return countAtLeast(counterValues(watch), SecondaryOffset) >= 10; },
                      EventWaitMs),
        qPrintable(m_rig.engine->lines().join(u'\n')));

    // The client's session and subscription never noticed.
    for (const char *event : {"connection_lost", "session_closed", "terminated", "reconnecting"})
        QVERIFY2(!watch.hasEvent(QLatin1String(event)), event);
    // Its sequence numbers went on one by one, keep-alives carrying the next one.
    quint32 last = 0;
    for (const QJsonObject &record : watch.records()) {
        if (!record.contains(QLatin1String("seq")))
            continue;
        const quint32 seq = quint32(record.value(QLatin1String("seq")).toInteger());
        const bool keepAlive = record.contains(QLatin1String("keepalive"));
        if (last != 0 && seq != last)
            QCOMPARE(seq, keepAlive ? last + 1 : last + 1);
        if (!keepAlive)
            last = seq;
    }
    // From its first value on, the secondary's count arrives without a gap.
    QList<int> secondary;
    for (int v : counterValues(watch))
        if (v >= SecondaryOffset)
            secondary << v;
    for (qsizetype i = 1; i < secondary.size(); ++i)
        QCOMPARE(secondary[i], secondary[i - 1] + 1);
    // The Tandem folder told of the switch.
    QVERIFY(watch.waitFor(
        [&] {
            bool switched = false, counted = false;
            for (const QJsonObject &c : watch.changes()) {
                const QString node = c.value(QLatin1String("nodeId")).toString();
                switched |=
                    node == tandemNode(QStringLiteral("ActiveSide")) &&
                    c.value(QLatin1String("value")).toString() == QLatin1String("secondary");
                counted |= node == tandemNode(QStringLiteral("FailoverCount")) &&
                           c.value(QLatin1String("value")).toInt() == 1;
            }
            return switched && counted;
        },
        EventWaitMs));
    QCOMPARE(m_rig.engine->pairStatus(Pair).value(QLatin1String("clients")).toInt(), 1);
    watch.stop();
}

void TestOpcUaProxy::standbyFaultIsInvisible_data()
{
    subscriptionRidesThroughFailover_data();
}

void TestOpcUaProxy::standbyFaultIsInvisible()
{
    QFETCH(ConnectionMode, mode);
    QFETCH(Fault, fault);
    QVERIFY(m_rig.engine->startWithPair(pairConfig(mode), EventWaitMs));
    OpcUaWatch watch;
    watch.setSamplingInterval(0);
    QVERIFY(watch.start(proxyUrl(), {Counter}, WatchIntervalMs));
    QVERIFY(watch.waitFor([&] { return counterValues(watch).size() >= 5; }, EventWaitMs));

    if (fault == Fault::Kill)
        m_rig.secondary->kill();
    else
        m_rig.secondary->hang();
    const qsizetype before = counterValues(watch).size();
    QVERIFY(watch.waitFor([&] { return counterValues(watch).size() >= before + 15; }, EventWaitMs));
    if (mode != ConnectionMode::Cold) { // Cold has no connection to the standby to lose
        QTRY_VERIFY_WITH_TIMEOUT(
            m_rig.engine->countLines(QStringLiteral("Disconnected from 'line1' on secondary")) +
                    m_rig.engine->countLines(QStringLiteral(
                        "Unable to retrieve status for server 'line1' on secondary")) >
                0,
            EventWaitMs);
    }
    // The primary's count went on without a gap and the session never noticed.
    const QList<int> values = counterValues(watch);
    for (qsizetype i = 1; i < values.size(); ++i)
        QCOMPARE(values[i], values[i - 1] + 1);
    QCOMPARE(countAtLeast(values, SecondaryOffset), 0);
    QVERIFY(!watch.hasEvent(QStringLiteral("connection_lost")));
    QCOMPARE(m_rig.engine->pairStatus(Pair).value(QLatin1String("active")).toString(),
             QStringLiteral("primary"));
    watch.stop(); // the next init() brings the secondary back
}

void TestOpcUaProxy::hotLosesNothingTheSecondaryReported()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Hot), EventWaitMs));
    // The secondary's own values, seen by a client of its own.
    OpcUaWatch direct;
    direct.setSamplingInterval(0);
    OpcUaWatch proxied;
    proxied.setSamplingInterval(0);
    QVERIFY(direct.start(m_rig.secondary->url(), {Counter}, WatchIntervalMs));
    QVERIFY(proxied.start(proxyUrl(), {Counter}, WatchIntervalMs));
    QVERIFY(proxied.waitFor([&] { return counterValues(proxied).size() >= 5; }, EventWaitMs));

    m_rig.primary->kill();
    const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(proxied.waitFor(
        [&] { return countAtLeast(counterValues(proxied), SecondaryOffset) >= 10; }, EventWaitMs));
    const QList<int> seen = counterValues(proxied);
    const int lastSeen = seen.last();
    QVERIFY(direct.waitFor([&] { return counterValues(direct).contains(lastSeen); }, EventWaitMs));

    // Every value the secondary reported from the kill on reached the proxy's client.
    const QSet<int> seenSet(seen.begin(), seen.end());
    int checked = 0;
    for (const QJsonObject &c : direct.changes()) {
        const int value = c.value(QLatin1String("value")).toInt();
        const QDateTime source = QDateTime::fromString(
            c.value(QLatin1String("sourceTimestamp")).toString(), Qt::ISODateWithMs);
        if (source.toMSecsSinceEpoch() < killedAt || value > lastSeen)
            continue;
        ++checked;
        QVERIFY2(
            seenSet.contains(value),
            qPrintable(QStringLiteral("the secondary's %1 never reached the client").arg(value)));
    }
    QVERIFY(checked >= 5);
    QVERIFY(!proxied.hasEvent(QStringLiteral("connection_lost")));
}

void TestOpcUaProxy::serviceLevelFollowsThePair()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Warm), EventWaitMs));
    OpcUaWatch watch;
    QVERIFY(watch.start(proxyUrl(), {QStringLiteral("i=2267")}, WatchIntervalMs));
    const auto levelIs = [&watch](int level) {
        return watch.waitFor(
            [&] {
                const QList<QJsonObject> changes = watch.changes();
                return !changes.isEmpty() &&
                       changes.last().value(QLatin1String("value")).toInt() == level;
            },
            EventWaitMs);
    };
    QVERIFY(levelIs(255)); // both healthy
    // The primary degrades: the healthy secondary takes over, with no healthy standby.
    QVERIFY(m_rig.primary->command(QStringLiteral("service-level 150")));
    QVERIFY(levelIs(200));
    QCOMPARE(m_rig.engine->pairStatus(Pair).value(QLatin1String("active")).toString(),
             QStringLiteral("secondary"));
    // Now the active one degrades too: its own level is the pair's.
    QVERIFY(m_rig.secondary->command(QStringLiteral("service-level 120")));
    QVERIFY(levelIs(120));
}

void TestOpcUaProxy::malformedMessageClosesOnlyThatChannel()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Warm), EventWaitMs));
    OpcUaWatch watch;
    QVERIFY(watch.start(proxyUrl(), {Counter}, WatchIntervalMs));

    QTcpSocket rogue;
    rogue.connectToHost(QStringLiteral("127.0.0.1"), quint16(QUrl(proxyUrl()).port()));
    QVERIFY(rogue.waitForConnected(5000));
    // A message type no OPC UA peer sends.
    rogue.write(QByteArray("XYZF\x10\x00\x00\x00garbage!", 16));
    QVERIFY(rogue.waitForReadyRead(5000));
    const QByteArray answer = rogue.readAll();
    QVERIFY2(answer.startsWith("ERRF"), answer.toHex().constData());
    QTRY_COMPARE_WITH_TIMEOUT(rogue.state(), QAbstractSocket::UnconnectedState, 5000);
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Closed the connection of a client of '%1' from 127.0.0.1").arg(Pair)));

    // The other client goes on.
    const qsizetype before = counterValues(watch).size();
    QVERIFY(watch.waitFor([&] { return counterValues(watch).size() >= before + 5; }, EventWaitMs));
    QVERIFY(!watch.hasEvent(QStringLiteral("connection_lost")));
}

void TestOpcUaProxy::identityIsChecked()
{
    PairConfig pair = patientPair(ConnectionMode::Warm);
    pair.user = User;
    QVERIFY(m_rig.engine->startWithPair(pair, EventWaitMs));

    ClientResult result =
        read(proxyUrl(), QStringLiteral("read ns=1;s=Offset"), userOptions(User, Password, true));
    QVERIFY2(result.exitCode == 0, qPrintable(result.dump()));
    QCOMPARE(result.line(0).value(QLatin1String("value")).toInt(), 0);

    result = read(proxyUrl(), QStringLiteral("read ns=1;s=Offset"),
                  userOptions(User, QStringLiteral("wrong"), true));
    QVERIFY2(result.exitCode != 0, qPrintable(result.dump()));
    QVERIFY2(!result.error().isEmpty(), qPrintable(result.dump()));
    result = read(proxyUrl(), QStringLiteral("read ns=1;s=Offset"),
                  userOptions(QStringLiteral("intruder"), Password, true));
    QVERIFY2(result.exitCode != 0, qPrintable(result.dump()));
    // Anonymous clients are not even let try: the endpoint offers only the user name.
    result = read(proxyUrl(), QStringLiteral("read ns=1;s=Offset"));
    QVERIFY2(result.exitCode != 0, qPrintable(result.dump()));
    opcua::Client anonymous;
    QSignalSpy failed(&anonymous, &opcua::Client::connectFailed);
    anonymous.connectToServer(proxyUrl(), {}, true, EventWaitMs);
    QVERIFY(failed.wait(EventWaitMs));
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("anonymous")),
             qPrintable(failed.first().first().toString()));
    QVERIFY(m_rig.engine->waitForLine(QStringLiteral("refused a session"), EventWaitMs, 2));
    QCOMPARE(m_rig.engine->countLines(QStringLiteral("refused a session")), 2);
}

// Through tandemd with the limits from tandem.xml: connections that never open a
// secure channel are closed at the handshake deadline (before, they stayed for ever), and
// a client guessing the password is locked out after the allowed attempts, so the right
// password is refused too until the lockout ends (before, every guess was checked).
void TestOpcUaProxy::hostileClientsAreHeldOff()
{
    PairConfig pair = patientPair(ConnectionMode::Warm);
    pair.user = User;
    pair.opcuaLimits.handshakeTimeoutMs = 1000;
    pair.opcuaLimits.loginAttempts = 3;
    pair.opcuaLimits.loginLockoutMs = 3000;
    QVERIFY(m_rig.engine->startWithPair(pair, EventWaitMs));
    const quint16 port = quint16(QUrl(proxyUrl()).port());

    QTcpSocket silent, helloOnly;
    for (QTcpSocket *socket : {&silent, &helloOnly}) {
        socket->connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(socket->waitForConnected(5000));
    }
    QElapsedTimer connected;
    connected.start();
    helloOnly.write(opcua::encodeHello({opcua::ConnectionLimits{}, proxyUrl()}));
    QByteArray said;
    connect(&silent, &QTcpSocket::readyRead, this, [&] { said += silent.readAll(); });
    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(helloOnly.state(), QAbstractSocket::UnconnectedState, 5000);
    QVERIFY2(connected.elapsed() >= 900, QByteArray::number(connected.elapsed()).constData());
    said += silent.readAll();
    QVERIFY2(said.startsWith("ERRF") && said.contains("no secure channel within 1000 ms"),
             said.constData());

    // A login: empty when it worked, else why not.
    const auto login = [this](const QString &password) {
        opcua::Client client;
        QSignalSpy up(&client, &opcua::Client::connected);
        QSignalSpy failed(&client, &opcua::Client::connectFailed);
        client.connectToServer(proxyUrl(), {User, password}, true, EventWaitMs);
        if (!QTest::qWaitFor([&] { return !up.isEmpty() || !failed.isEmpty(); }, EventWaitMs))
            return QStringLiteral("no answer");
        const QString result = up.isEmpty() ? failed.first().first().toString() : QString();
        client.abort();
        return result;
    };
    QCOMPARE(login(Password), QString());
    QElapsedTimer guessing;
    guessing.start();
    for (int i = 0; i < 20; ++i)
        QVERIFY(login(QStringLiteral("guess %1").arg(i)).contains(QLatin1String("refused")));
    const QString refused = login(Password);
    QVERIFY2(guessing.elapsed() < 3000, "too slow to see the lockout; raise login-lockout");
    QVERIFY2(refused.contains(QLatin1String("refused the user name")), qPrintable(refused));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Refused logins to '%1' from 127.0.0.1 for 3 s after 3 failed attempts.")
            .arg(Pair)));
    QTRY_COMPARE_WITH_TIMEOUT(login(Password), QString(), 15000);
    QCOMPARE(m_rig.engine->countLines(QStringLiteral("Refused logins to")), 1);
    // The endpoint served others all along.
    const ClientResult result =
        read(proxyUrl(), QStringLiteral("read ns=1;s=Offset"), userOptions(User, Password, true));
    QVERIFY2(result.exitCode == 0, qPrintable(result.dump()));
}

// The identity a client presents and the ones the engine logs in with are separate: the
// engine is plc-a on the primary (its password under the primary's own keychain key) and
// operator on the secondary (the user's key, as before per-side keys), while the client is
// alice, an OPC UA user of the engine's state directory, her password encrypted by an
// unchanged node-opcua client with Tandem's certificate. The servers' users are nobody on
// the proxy, and anonymous clients are refused.
void TestOpcUaProxy::clientAndServersHaveTheirOwnIdentities()
{
    const QString PrimaryUser = QStringLiteral("plc-a");
    const QString PrimaryPassword = QStringLiteral("primary only");
    QVERIFY(m_rig.primary->restore(
        {.user = PrimaryUser, .password = PrimaryPassword, .anonymous = false}));
    QVERIFY(PasswordStore::writeBlocking(
                PasswordStore::opcUaServerKey(Pair, QStringLiteral("primary")), PrimaryPassword)
                .ok);
    opcua::OpcUaUserStore users(m_rig.engine->stateDir());
    opcua::OpcUaUser alice;
    alice.name = QStringLiteral("alice");
    alice.pairs = {Pair};
    alice.allPairs = false;
    QString error;
    QVERIFY2(users.add(alice, "alice's own password", &error), qPrintable(error));

    PairConfig pair = patientPair(ConnectionMode::Warm);
    OpcUaIdentity identity;
    identity.primaryUser = PrimaryUser;
    identity.secondaryUser = User;
    pair.opcuaIdentity = identity;
    QVERIFY(m_rig.engine->startWithPair(pair, EventWaitMs));
    QVERIFY(m_rig.engine->waitForEvent(QStringLiteral("Connected to '%1' on secondary").arg(Pair),
                                       EventWaitMs));

    ClientResult result =
        read(proxyUrl(), QStringLiteral("read ns=1;s=Offset"),
             userOptions(QStringLiteral("alice"), QStringLiteral("alice's own password")));
    QVERIFY2(result.exitCode == 0, qPrintable(result.dump()));
    QCOMPARE(result.line(0).value(QLatin1String("value")).toInt(), 0); // the primary's
    result = read(proxyUrl(), QStringLiteral("read ns=1;s=Offset"),
                  userOptions(QStringLiteral("alice"), QStringLiteral("wrong password")));
    QVERIFY2(result.exitCode != 0 && result.error().contains(QLatin1String("BadUserAccessDenied")),
             qPrintable(result.dump()));
    // The servers' users are not the proxy's.
    result = read(proxyUrl(), QStringLiteral("read ns=1;s=Offset"),
                  userOptions(PrimaryUser, PrimaryPassword));
    QVERIFY2(result.exitCode != 0, qPrintable(result.dump()));
    result = read(proxyUrl(), QStringLiteral("read ns=1;s=Offset"), userOptions(User, Password));
    QVERIFY2(result.exitCode != 0, qPrintable(result.dump()));
    result = read(proxyUrl(), QStringLiteral("read ns=1;s=Offset"));
    QVERIFY2(result.exitCode != 0, qPrintable(result.dump()));
    // A password in clear text is refused although it is right.
    result =
        read(proxyUrl(), QStringLiteral("read ns=1;s=Offset"),
             userOptions(QStringLiteral("alice"), QStringLiteral("alice's own password"), true));
    QVERIFY2(result.exitCode != 0, qPrintable(result.dump()));
    PasswordStore::removeBlocking(PasswordStore::opcUaServerKey(Pair, QStringLiteral("primary")));
}

QTEST_GUILESS_MAIN(TestOpcUaProxy)
#include "tst_opcuaproxy.moc"
