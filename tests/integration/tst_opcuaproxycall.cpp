// Call, the proxy's own SwitchTo/ReturnToAutomatic methods, RegisterNodes and BrowseNext
// through a real tandemd, with two node-opcua servers as the pair and unchanged node-opcua
// clients (client.js) on the pair's endpoint: a method reaches the active server only;
// the Tandem methods switch the pair for operators and nobody else; and across a killed or
// hung active server a paged browse goes on without a gap or a repeat, registered ids
// still read, and a call in flight fails (or, where the pair replays writes, is made on
// the new server).
#include "opcua/opcuauserstore.h"
#include "opcuaclientrun.h"
#include "opcuasteppedclient.h"
#include "pairrig.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace tandem;
using namespace tandem::test;

namespace {
constexpr quint16 SecondaryOffset = 1000;
constexpr int EventWaitMs = 15000;
constexpr int StepMs = 30000; // a client's lines, node-opcua loading first
const auto Pair = QStringLiteral("line1");
const auto Machine = QStringLiteral("ns=1;s=Machine");
const auto Reset = QStringLiteral("ns=1;s=Machine.Reset");
const auto OperatorPassword = QStringLiteral("alice's password");
const auto UserPassword = QStringLiteral("bob's password");
// client.js waits this long at most (its stepped operations wait for the test).
const QStringList LongClient{QStringLiteral("--timeout"), QStringLiteral("120000")};

enum class Fault
{
    Kill,
    Hang
};

QString text(const QJsonObject &line, const char *key)
{
    return line.value(QLatin1String(key)).toString();
}

QStringList strings(const QJsonValue &array)
{
    QStringList list;
    for (const QJsonValue &v : array.toArray())
        list << v.toString();
    return list;
}

// Item00 .. Item49, the folder ns=1;s=Many of both servers.
QStringList manyItems()
{
    QStringList names;
    for (int i = 0; i < 50; ++i)
        names << QStringLiteral("Item%1").arg(i, 2, 10, QLatin1Char('0'));
    return names;
}
} // namespace

Q_DECLARE_METATYPE(Fault)
Q_DECLARE_METATYPE(tandem::ConnectionMode)

class TestOpcUaProxyCall final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void callReachesTheActiveServerOnly();
    void tandemMethodsAreForOperators();
    void switchMidway_data();
    void switchMidway();

private:
    PairConfig pairConfig(ConnectionMode mode) const
    {
        PairConfig pair = m_rig.pair(mode, 300, 300);
        OpcUaIdentity identity;
        identity.anonymous = true;
        identity.storeUsers = true;
        pair.opcuaIdentity = identity;
        return pair;
    }
    QString tandemNode(const QString &name) const
    {
        return QStringLiteral("ns=%1;s=Tandem%2").arg(m_tandemNs).arg(name);
    }
    QString proxyUrl() const { return m_rig.endpoint(); }
    ClientResult run(const QString &url, const QString &operations,
                     const QStringList &options = {}) const
    {
        return runClient(url, clientWords(operations), options);
    }
    // The server's Counter, as the server itself says it.
    static int counterOf(OpcUaPeer &peer)
    {
        bool ok = false;
        const int value = peer.query(QStringLiteral("counter")).value_or(QString()).toInt(&ok);
        return ok ? value : -1;
    }
    void addUsers();
    // The text of the engine's event that says the method was called.
    QString operatorEvent(const QString &method) const
    {
        for (const QString &event : m_rig.engine->events())
            if (event.contains(QStringLiteral(" called %1(").arg(method)))
                return event;
        return {};
    }

    bool restorePeers()
    {
        return OpcUaPeer::restoreAll(
            {{m_rig.primary.get(), {}}, {m_rig.secondary.get(), {.offset = SecondaryOffset}}});
    }

    PairRig<OpcUaPeer> m_rig;
    int m_tandemNs = 0;
};

void TestOpcUaProxyCall::initTestCase()
{
    // Both servers for every case, started side by side; init() brings them back as fresh
    // starts leave them (calls not held, counting), started again only after a case killed
    // one.
    m_rig.primary = std::make_unique<OpcUaPeer>();
    m_rig.secondary = std::make_unique<OpcUaPeer>();
    QVERIFY(restorePeers());
    const ClientResult namespaces = run(m_rig.secondary->url(), QStringLiteral("read i=2255"));
    QVERIFY2(namespaces.exitCode == 0, qPrintable(namespaces.dump()));
    m_tandemNs = int(namespaces.line(0).value(QLatin1String("value")).toArray().size());
}

void TestOpcUaProxyCall::init()
{
    QVERIFY(restorePeers());
    m_rig.newEngine();
}

void TestOpcUaProxyCall::cleanup()
{
    // A hung server answers again first: the engine's polite stop closes its sessions there.
    for (OpcUaPeer *peer : {m_rig.primary.get(), m_rig.secondary.get()})
        if (peer->isHung())
            peer->resume();
    QVERIFY(m_rig.endCase(true));
}

void TestOpcUaProxyCall::addUsers()
{
    opcua::OpcUaUserStore users(m_rig.engine->stateDir());
    opcua::OpcUaUser alice;
    alice.name = QStringLiteral("alice");
    alice.isOperator = true;
    opcua::OpcUaUser bob;
    bob.name = QStringLiteral("bob");
    QString error;
    QVERIFY2(users.add(alice, OperatorPassword.toUtf8(), &error), qPrintable(error));
    QVERIFY2(users.add(bob, UserPassword.toUtf8(), &error), qPrintable(error));
}

// Hot: the method goes to the active server, not to the standby as reads do, with its
// result and output arguments; in a Call that mixes the proxy's methods and the server's,
// each result comes back in the client's order. And the proxy's continuation points
// without a switch: released ones are gone, a session has ten (the eleventh of one request
// is refused, a later request frees the oldest), and a paged browse reads the whole folder.
void TestOpcUaProxyCall::callReachesTheActiveServerOnly()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Hot), EventWaitMs));
    for (OpcUaPeer *peer : {m_rig.primary.get(), m_rig.secondary.get()})
        QVERIFY(peer->command(QStringLiteral("stop-counter")));
    QVERIFY(m_rig.primary->command(QStringLiteral("set Counter 7")));
    QVERIFY(m_rig.secondary->command(QStringLiteral("set Counter 8")));

    const ClientResult result = run(
        proxyUrl(), QStringLiteral("call %1 %2 UInt32:4242 call2 %3 %4 - %1 %2 UInt32:77 "
                                   "browse-release ns=1;s=Many 10 browse-many ns=1;s=Many 10 11 "
                                   "browse-pages ns=1;s=Many 7 0")
                        .arg(Machine, Reset, tandemNode(QString()),
                             tandemNode(QStringLiteral(".ReturnToAutomatic"))));
    QVERIFY2(result.exitCode == 0, qPrintable(result.dump()));
    const QJsonObject call = result.line(0);
    QCOMPARE(text(call, "status"), QStringLiteral("Good"));
    const QJsonArray outputs = call.value(QLatin1String("outputArguments")).toArray();
    QCOMPARE(outputs.size(), 1);
    QCOMPARE(outputs.first()[QLatin1String("dataType")].toString(), QStringLiteral("Int32"));
    QCOMPARE(outputs.first()[QLatin1String("value")].toInt(), 7); // the primary's count before
    const QJsonArray mixed = result.line(1).value(QLatin1String("results")).toArray();
    QCOMPARE(mixed.size(), 2);
    QCOMPARE(mixed[0][QLatin1String("status")].toString(), QStringLiteral("BadUserAccessDenied"));
    QCOMPARE(mixed[1][QLatin1String("status")].toString(), QStringLiteral("Good"));
    QCOMPARE(mixed[1][QLatin1String("outputArguments")][0][QLatin1String("value")].toInt(), 4242);

    QCOMPARE(counterOf(*m_rig.primary), 77);
    QCOMPARE(counterOf(*m_rig.secondary), 8); // the standby was not called

    QCOMPARE(result.line(2).value(QLatin1String("first")).toInt(), 10);
    QCOMPARE(text(result.line(2), "release"), QStringLiteral("Good"));
    QCOMPARE(text(result.line(2), "after"), QStringLiteral("BadContinuationPointInvalid"));
    QStringList statuses(10, QStringLiteral("Good"));
    statuses << QStringLiteral("BadNoContinuationPoints");
    QCOMPARE(strings(result.line(3).value(QLatin1String("statuses"))), statuses);
    QCOMPARE(strings(result.lines.last().value(QLatin1String("browsed"))), manyItems());
}

// SwitchTo and ReturnToAutomatic on the Tandem folder: browseable, refused to anonymous
// clients and to users who are not operators, arguments checked (OPC 10000-4 §5.11.2), and
// for an operator they pin the pair as `tandemctl switch` does, each posted with the user.
void TestOpcUaProxyCall::tandemMethodsAreForOperators()
{
    addUsers();
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Warm), EventWaitMs));
    const QString switchTo = tandemNode(QStringLiteral(".SwitchTo"));
    const QString automatic = tandemNode(QStringLiteral(".ReturnToAutomatic"));
    const QString folder = tandemNode(QString());

    ClientResult result = run(
        proxyUrl(),
        QStringLiteral("browse %1 browse %2 call %1 %2 String:secondary").arg(folder, switchTo));
    QVERIFY2(result.exitCode == 0, qPrintable(result.dump()));
    QMap<QString, QString> classes;
    for (const QJsonValue &r : result.line(0).value(QLatin1String("references")).toArray())
        classes[r[QLatin1String("browseName")].toString()] =
            r[QLatin1String("nodeClass")].toString();
    QCOMPARE(classes.value(QStringLiteral("SwitchTo")), QStringLiteral("Method"));
    QCOMPARE(classes.value(QStringLiteral("ReturnToAutomatic")), QStringLiteral("Method"));
    QCOMPARE(classes.value(QStringLiteral("ActiveSide")), QStringLiteral("Variable"));
    QStringList properties;
    for (const QJsonValue &r : result.line(1).value(QLatin1String("references")).toArray())
        properties << r[QLatin1String("browseName")].toString();
    QVERIFY2(properties.contains(QStringLiteral("InputArguments")), qPrintable(result.dump()));
    QCOMPARE(text(result.line(2), "status"), QStringLiteral("BadUserAccessDenied")); // anonymous

    result = run(
        proxyUrl(),
        QStringLiteral("call %1 %2 String:secondary call %1 %3 -").arg(folder, switchTo, automatic),
        userOptions(QStringLiteral("bob"), UserPassword));
    QVERIFY2(result.exitCode == 0, qPrintable(result.dump()));
    QCOMPARE(text(result.line(0), "status"), QStringLiteral("BadUserAccessDenied"));
    QCOMPARE(text(result.line(1), "status"), QStringLiteral("BadUserAccessDenied"));
    QCOMPARE(m_rig.active(), QStringLiteral("primary"));

    OpcUaSteppedClient alice(
        proxyUrl(),
        QStringLiteral("call %1 %2 - call %1 %2 String:primary,String:secondary "
                       "call %1 %2 Int32:2 call %1 %2 String:tertiary call %1 %3 String:x "
                       "call %4 %2 String:secondary call %1 %2 String:secondary wait-line "
                       "read ns=1;s=Offset call %1 %3 -")
            .arg(folder, switchTo, automatic, Machine),
        userOptions(QStringLiteral("alice"), OperatorPassword) + LongClient);
    QVERIFY(alice.waitForWaiting(StepMs));
    const QList<QJsonObject> lines = alice.lines();
    QCOMPARE(text(lines[0], "status"), QStringLiteral("BadArgumentsMissing"));
    QCOMPARE(text(lines[1], "status"), QStringLiteral("BadTooManyArguments"));
    QCOMPARE(text(lines[2], "status"), QStringLiteral("BadInvalidArgument"));
    QCOMPARE(strings(lines[2].value(QLatin1String("inputArgumentResults"))),
             QStringList{QStringLiteral("BadTypeMismatch")});
    QCOMPARE(text(lines[3], "status"), QStringLiteral("BadInvalidArgument"));
    QCOMPARE(strings(lines[3].value(QLatin1String("inputArgumentResults"))),
             QStringList{QStringLiteral("BadOutOfRange")});
    QCOMPARE(text(lines[4], "status"), QStringLiteral("BadTooManyArguments"));
    QCOMPARE(text(lines[5], "status"), QStringLiteral("BadMethodInvalid")); // not the folder's
    QCOMPARE(text(lines[6], "status"), QStringLiteral("Good"));
    QCOMPARE(m_rig.active(), QStringLiteral("secondary"));
    QCOMPARE(m_rig.status().value(QLatin1String("pinned")).toString(), QStringLiteral("secondary"));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("called SwitchTo(\"secondary\") on '%1'.").arg(Pair), EventWaitMs));
    QVERIFY(operatorEvent(QStringLiteral("SwitchTo"))
                .startsWith(QLatin1String("OPC UA user 'alice' at 127.0.0.1:")));
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("The operator made secondary machine")), 1);

    alice.goOn();
    result = alice.finish();
    QVERIFY2(result.exitCode == 0, qPrintable(result.dump()));
    QCOMPARE(result.line(8).value(QLatin1String("value")).toInt(), int(SecondaryOffset));
    QCOMPARE(text(result.line(9), "status"), QStringLiteral("Good"));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("called ReturnToAutomatic() on '%1'.").arg(Pair), EventWaitMs));
    QVERIFY(operatorEvent(QStringLiteral("ReturnToAutomatic"))
                .startsWith(QLatin1String("OPC UA user 'alice' at 127.0.0.1:")));
    QCOMPARE(m_rig.status().value(QLatin1String("pinned")).toString(), QString());
    // Only the operator's two calls were posted.
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("OPC UA user '")), 2);
}

void TestOpcUaProxyCall::switchMidway_data()
{
    QTest::addColumn<ConnectionMode>("mode");
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("replayWrites");
    QTest::newRow("warm killed") << ConnectionMode::Warm << Fault::Kill << false;
    QTest::newRow("warm hung") << ConnectionMode::Warm << Fault::Hang << false;
    QTest::newRow("hot killed, writes replayed") << ConnectionMode::Hot << Fault::Kill << true;
    QTest::newRow("hot hung, writes replayed") << ConnectionMode::Hot << Fault::Hang << true;
}

// The active server fails while one client is between two pages of a browse, another
// reads registered ids over and over, and a third has a method call on that server.
void TestOpcUaProxyCall::switchMidway()
{
    QFETCH(ConnectionMode, mode);
    QFETCH(Fault, fault);
    QFETCH(bool, replayWrites);
    PairConfig pair = pairConfig(mode);
    pair.writeReplay = replayWrites;
    QVERIFY(m_rig.engine->startWithPair(pair, EventWaitMs));
    QVERIFY(m_rig.primary->command(QStringLiteral("hold-calls")));

    OpcUaSteppedClient browser(proxyUrl(), QStringLiteral("browse-pages ns=1;s=Many 10 2"),
                               LongClient);
    OpcUaSteppedClient reader(
        proxyUrl(), QStringLiteral("register ns=1;s=Offset,ns=1;s=Array read-loop-registered"),
        LongClient);
    OpcUaSteppedClient caller(proxyUrl(),
                              QStringLiteral("call %1 %2 UInt32:31337").arg(Machine, Reset));
    QVERIFY(browser.waitForWaiting(StepMs));
    QVERIFY(reader.waitFor(
        [](const QJsonObject &l) { return l.contains(QLatin1String("looping")); }, StepMs));
    QVERIFY(m_rig.primary->command(QStringLiteral("wait-held 1"), StepMs)); // in the server

    if (fault == Fault::Kill)
        m_rig.primary->kill();
    else
        m_rig.primary->hang();
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server '%1' to secondary").arg(Pair),
        EventWaitMs));

    // The call: failed, or made again on the new server where the pair replays writes.
    ClientResult called = caller.finish();
    QVERIFY2(called.exitCode == 0, qPrintable(called.dump()));
    if (replayWrites) {
        QVERIFY2(text(called.line(0), "status") == QLatin1String("Good"),
                 qPrintable(called.dump()));
        const int counter = counterOf(*m_rig.secondary);
        QVERIFY2(counter >= 31337 && counter < 31337 + 10000, QByteArray::number(counter));
    } else {
        QVERIFY2(
            text(called.line(0), "serviceError").contains(QLatin1String("BadCommunicationError")),
            qPrintable(called.dump()));
    }

    // The browse goes on after its second page, on the other server, with no gap or repeat.
    browser.goOn();
    const ClientResult browsed = browser.finish();
    QVERIFY2(browsed.exitCode == 0, qPrintable(browsed.dump()));
    QCOMPARE(strings(browsed.lines.last().value(QLatin1String("browsed"))), manyItems());
    for (const QJsonObject &page : browsed.lines)
        if (page.contains(QLatin1String("page")))
            QCOMPARE(text(page, "status"), QStringLiteral("Good"));

    // The registered ids read on, now from the secondary (its offset).
    QVERIFY(reader.waitFor(
        [](const QJsonObject &l) {
            return l.value(QLatin1String("values")).toArray().first().toInt() ==
                   int(SecondaryOffset);
        },
        EventWaitMs));
    reader.goOn();
    const ClientResult read = reader.finish();
    QVERIFY2(read.exitCode == 0, qPrintable(read.dump()));
    QCOMPARE(strings(read.line(0).value(QLatin1String("registered"))),
             (QStringList{QStringLiteral("ns=1;s=Offset"), QStringLiteral("ns=1;s=Array")}));
    QList<int> offsets;
    for (const QJsonObject &l : read.lines)
        if (l.contains(QLatin1String("values"))) {
            offsets << l.value(QLatin1String("values")).toArray().first().toInt();
            QCOMPARE(l.value(QLatin1String("values")).toArray().at(1).toArray().size(), 3);
        }
    QCOMPARE(offsets, (QList<int>{0, int(SecondaryOffset)}));
    // Reads in flight at the switch, and those that came while it was decided, went to the
    // new server: none failed.
    QVERIFY(read.lines.last().value(QLatin1String("reads")).toInt() > 0);
    QCOMPARE(read.lines.last().value(QLatin1String("errors")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestOpcUaProxyCall)
#include "tst_opcuaproxycall.moc"
