// The engine's OPC UA links against real servers: two independent node-opcua servers as
// the pair and the real tandemd watching them. Each case checks the events the reference manual
// promises and the active side `tandemctl status` reports.
#include "connectionmodes.h"
#include "pairrig.h"

#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace tandem;
using namespace tandem::test;

namespace {
constexpr quint16 SecondaryOffset = 1000;
constexpr int EventWaitMs = 15000;
const auto Pair = QStringLiteral("line1");
} // namespace

class TestOpcUaFailover final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void failoverOnCrash_data();
    void failoverOnCrash();
    void failoverOnHang_data();
    void failoverOnHang();
    void failbackWithAlwaysReconnect_data();
    void failbackWithAlwaysReconnect();
    void shutdownNotification_data();
    void shutdownNotification();
    void serviceLevelDegradedAndRestored();
    void serviceLevelMaintenanceLosesStatus();
    void monitorSpecificValueFailsOver();
    void monitorNoChangeFailsOver();
    void monitorItemsThatCannotBeAddedOrAreArrays();

private:
    PairConfig pairConfig(ConnectionMode mode, bool reconnectPrimary = false) const
    {
        return m_rig.pair(mode, 300, 300, reconnectPrimary);
    }
    QString eventText(const char *text, const OpcUaPeer &peer) const
    {
        return QString::fromUtf8(text).arg(Pair, peer.address());
    }

    PairRig<OpcUaPeer> m_rig;
};

void TestOpcUaFailover::initTestCase()
{
    // Both servers serve every case (a node-opcua server takes seconds to start); the cases
    // change only the primary, which init() brings back as a fresh start would be, started
    // again only if a case ended it.
    m_rig.secondary = std::make_unique<OpcUaPeer>();
    m_rig.primary = std::make_unique<OpcUaPeer>();
    QVERIFY(OpcUaPeer::restoreAll(
        {{m_rig.secondary.get(), {.offset = SecondaryOffset}}, {m_rig.primary.get(), {}}}));
}

void TestOpcUaFailover::init()
{
    QVERIFY(m_rig.secondary->isRunning() && !m_rig.secondary->isHung());
    QVERIFY(m_rig.primary->restore({}));
    m_rig.newEngine();
}

void TestOpcUaFailover::cleanup()
{
    // A primary a case left hung (one that failed before it resumed it) answers again
    // first. Then the engine is stopped as an operator stops it, so it closes its sessions
    // on the servers kept for the next case; killed engines would leave sessions there
    // until they time out.
    if (m_rig.primary->isHung())
        m_rig.primary->resume();
    QVERIFY(m_rig.endCase(true));
}

void TestOpcUaFailover::failoverOnCrash_data()
{
    addConnectionModeRows();
}

void TestOpcUaFailover::failoverOnCrash()
{
    QFETCH(ConnectionMode, mode);
    QVERIFY(m_rig.engine->startWithPair(pairConfig(mode), EventWaitMs));
    QCOMPARE(m_rig.active(), QStringLiteral("primary"));
    const QJsonObject status = m_rig.status();
    QCOMPARE(status.value(QLatin1String("protocol")).toString(), QStringLiteral("opcua"));
    QCOMPARE(status.value(QLatin1String("primary"))[QLatin1String("machine")].toString(),
             m_rig.primary->address());

    m_rig.primary->kill();
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Promoted active connection for server '%1' to secondary machine '%2'.",
                  *m_rig.secondary),
        EventWaitMs));
    QCOMPARE(m_rig.active(), QStringLiteral("secondary"));
    // The loss comes first: as a closed connection, or (on a loaded machine, when the
    // status query times out before the kernel's reset arrives) as lost status.
    const QStringList events = m_rig.engine->events();
    qsizetype lost = events.indexOf(
        eventText("Disconnected from '%1' on primary machine '%2'.", *m_rig.primary));
    if (lost < 0)
        lost = events.indexOf(eventText("Unable to retrieve status for server '%1' on primary "
                                        "machine '%2'. Server communications has been lost.",
                                        *m_rig.primary));
    const qsizetype promoted = events.indexOf(eventText(
        "Promoted active connection for server '%1' to secondary machine '%2'.", *m_rig.secondary));
    QVERIFY2(lost >= 0 && promoted > lost, qPrintable(events.join(u'\n')));
    // The first choice at start is no promotion: only the fail-over is.
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Promoted active connection")), 1);
}

void TestOpcUaFailover::failoverOnHang_data()
{
    failoverOnCrash_data();
}

void TestOpcUaFailover::failoverOnHang()
{
    QFETCH(ConnectionMode, mode);
    QVERIFY(m_rig.engine->startWithPair(pairConfig(mode), EventWaitMs));
    m_rig.primary->hang();
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Unable to retrieve status for server '%1' on primary machine '%2'. Server "
                  "communications has been lost.",
                  *m_rig.primary),
        EventWaitMs));
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Promoted active connection for server '%1' to secondary machine '%2'.",
                  *m_rig.secondary),
        EventWaitMs));
    QCOMPARE(m_rig.active(), QStringLiteral("secondary"));
    if (mode != ConnectionMode::Cold) {
        // Retries against the hung server are failed attempts, posted once.
        QVERIFY(m_rig.engine->waitForLine(QStringLiteral("\"primary\" connect failed"), EventWaitMs,
                                          3));
        QCOMPARE(
            m_rig.engine->countEvents(QStringLiteral("Failed to connect to 'line1' on primary")),
            1);
        QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Connected to 'line1' on primary")), 1);
    }
    m_rig.primary->resume();
}

void TestOpcUaFailover::failbackWithAlwaysReconnect_data()
{
    addConnectionModeRows(false);
}

void TestOpcUaFailover::failbackWithAlwaysReconnect()
{
    QFETCH(ConnectionMode, mode);
    QVERIFY(m_rig.engine->startWithPair(pairConfig(mode, true), EventWaitMs));
    const quint16 port = m_rig.primary->port();
    m_rig.primary->kill();
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to secondary"), EventWaitMs));
    QVERIFY(m_rig.primary->start({}, port));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to primary machine"),
        EventWaitMs));
    QCOMPARE(m_rig.active(), QStringLiteral("primary"));
    QCOMPARE(m_rig.status().value(QLatin1String("failovers")).toInt(), 2);
}

void TestOpcUaFailover::shutdownNotification_data()
{
    failoverOnCrash_data();
}

void TestOpcUaFailover::shutdownNotification()
{
    QFETCH(ConnectionMode, mode);
    QVERIFY(m_rig.engine->startWithPair(pairConfig(mode), EventWaitMs));
    // The server announces its end 3 s ahead: the engine must move before it goes (it
    // polls every 300 ms, so ten times over on an idle machine).
    QVERIFY(m_rig.primary->command(QStringLiteral("shutdown 3000")));
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Received shutdown notification from server '%1' on primary machine '%2'.",
                  *m_rig.primary),
        EventWaitMs));
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Promoted active connection for server '%1' to secondary machine '%2'.",
                  *m_rig.secondary),
        EventWaitMs));
    QVERIFY2(m_rig.primary->isRunning(), "the engine noticed only when the server was gone");
    QCOMPARE(m_rig.active(), QStringLiteral("secondary"));
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Received shutdown notification")), 1);
    QVERIFY(m_rig.primary->waitForExit());
}

void TestOpcUaFailover::serviceLevelDegradedAndRestored()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Warm, true), EventWaitMs));
    QVERIFY(m_rig.primary->command(QStringLiteral("service-level 150")));
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Server '%1' on primary machine '%2' reports a degraded service level 150; the "
                  "secondary machine is preferred while it is healthy.",
                  *m_rig.primary),
        EventWaitMs));
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Promoted active connection for server '%1' to secondary machine '%2'.",
                  *m_rig.secondary),
        EventWaitMs));
    QVERIFY(m_rig.status()[QLatin1String("primary")][QLatin1String("degraded")].toBool());
    QCOMPARE(m_rig.status()[QLatin1String("primary")][QLatin1String("degraded-reason")].toString(),
             QStringLiteral("service level 150"));
    // Degraded is not lost: the primary stays connected, no status-lost event.
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Unable to retrieve status")), 0);

    QVERIFY(m_rig.primary->command(QStringLiteral("service-level 230")));
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Server '%1' on primary machine '%2' reports a healthy service level 230 again.",
                  *m_rig.primary),
        EventWaitMs));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to primary machine"),
        EventWaitMs));
    QCOMPARE(m_rig.active(), QStringLiteral("primary"));
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("reports a degraded")), 1);
}

void TestOpcUaFailover::serviceLevelMaintenanceLosesStatus()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Hot), EventWaitMs));
    QVERIFY(m_rig.primary->command(QStringLiteral("service-level 0")));
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Unable to retrieve status for server '%1' on primary machine '%2'. Server "
                  "communications has been lost.",
                  *m_rig.primary),
        EventWaitMs));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to secondary"), EventWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_rig.status()[QLatin1String("primary")][QLatin1String("last-error")].toString().contains(
            QStringLiteral("service level is 0")),
        EventWaitMs);
}

void TestOpcUaFailover::monitorSpecificValueFailsOver()
{
    PairConfig pair = pairConfig(ConnectionMode::Hot);
    MonitorItem item;
    item.itemId = QStringLiteral("ns=1;s=Value");
    item.updateRateMs = 100;
    item.trigger = Trigger::SpecificValue;
    item.triggerData = QStringLiteral("99");
    pair.monitorItems = {item};
    QVERIFY(m_rig.engine->startWithPair(pair, EventWaitMs));
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Monitor item test passed for '%1' on primary machine '%2'.", *m_rig.primary),
        EventWaitMs));
    QVERIFY(m_rig.primary->command(QStringLiteral("set Value 99")));
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Monitor item test in error for '%1' on primary machine '%2'.", *m_rig.primary),
        EventWaitMs));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to secondary"), EventWaitMs));
    QVERIFY(m_rig.primary->command(QStringLiteral("set Value 1")));
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Monitor item test passed for '%1' on primary machine '%2'.", *m_rig.primary),
        EventWaitMs, 2));
}

void TestOpcUaFailover::monitorNoChangeFailsOver()
{
    PairConfig pair = pairConfig(ConnectionMode::Warm);
    MonitorItem item;
    item.itemId = QStringLiteral("ns=1;s=Counter");
    item.updateRateMs = 100;
    item.trigger = Trigger::NoChange;
    item.triggerData = QStringLiteral("1000");
    pair.monitorItems = {item};
    QVERIFY(m_rig.engine->startWithPair(pair, EventWaitMs));
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Monitor item test passed for '%1' on primary machine '%2'.", *m_rig.primary),
        EventWaitMs));
    QVERIFY(m_rig.primary->command(QStringLiteral("stop-counter")));
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Monitor item test in error for '%1' on primary machine '%2'.", *m_rig.primary),
        EventWaitMs));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to secondary"), EventWaitMs));
    QCOMPARE(m_rig.active(), QStringLiteral("secondary"));
}

void TestOpcUaFailover::monitorItemsThatCannotBeAddedOrAreArrays()
{
    PairConfig pair = pairConfig(ConnectionMode::Warm);
    MonitorItem missing;
    missing.itemId = QStringLiteral("ns=1;s=NoSuchNode");
    MonitorItem notANode;
    notANode.itemId = QStringLiteral("Channel1.Device1.Tag1");
    MonitorItem array;
    array.itemId = QStringLiteral("ns=1;s=Array");
    array.trigger = Trigger::SpecificValue;
    array.triggerData = QStringLiteral("1");
    pair.monitorItems = {missing, notANode, array};
    pair.failureCount = 3;
    QVERIFY(m_rig.engine->startWithPair(pair, EventWaitMs));
    for (const char *id : {"ns=1;s=NoSuchNode", "Channel1.Device1.Tag1"})
        QVERIFY(m_rig.engine->waitForEvent(
            QStringLiteral("Attempt to add monitor item '%1' for 'line1' on primary machine '%2' "
                           "failed. This monitor item will be considered in error.")
                .arg(QLatin1String(id), m_rig.primary->address()),
            EventWaitMs));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item 'ns=1;s=Array' for 'line1' on primary machine '%1' contains "
                       "array data which is not supported for the 'specific value' trigger "
                       "condition.")
            .arg(m_rig.primary->address()),
        EventWaitMs));
    // The reasons are in the engine's diagnostics.
    QVERIFY(m_rig.engine->waitForLine(QStringLiteral("BadNodeIdUnknown")));
    QVERIFY(m_rig.engine->waitForLine(QStringLiteral("is not an OPC UA node id")));
    // All three in error reach the failure count: the primary is in error.
    QVERIFY(m_rig.engine->waitForEvent(
        eventText("Monitor item test in error for '%1' on primary machine '%2'.", *m_rig.primary),
        EventWaitMs));
}

QTEST_GUILESS_MAIN(TestOpcUaFailover)
#include "tst_opcuafailover.moc"
