// The parts of the OPC UA proxy that need no network: the publishing engine of a client's
// subscription (OPC 10000-4, 5.13.1: keep-alives, lifetime, sequence numbers, Republish)
// and the nodes the proxy answers itself (ServerStatus, ServiceLevel, the Tandem folder).
#include "opcua/proxynodes.h"
#include "opcua/proxysubscription.h"

#include <QTest>

using namespace tandem::opcua;

Q_DECLARE_METATYPE(tandem::PairStatus)

namespace {

MonitoredItemNotification change(quint32 handle, qint32 value)
{
    DataValue v;
    v.value = Variant(value);
    return {handle, v};
}

QList<MonitoredItemNotification> itemsOf(const NotificationMessage &message)
{
    if (message.notificationData.isEmpty())
        return {};
    const auto data = fromExtensionObject<DataChangeNotification>(message.notificationData.first());
    return data ? data->monitoredItems : QList<MonitoredItemNotification>{};
}

SubscriptionParameters parameters(quint32 keepAlive = 3, quint32 lifetime = 9,
                                  quint32 maxNotifications = 0)
{
    return SubscriptionParameters::revise(100, lifetime, keepAlive, maxNotifications, true, 0);
}

} // namespace

class TestProxyParts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reviseKeepsTheSpecsBounds();
    void firstMessageIsAKeepAliveThatConsumesNoNumber();
    void keepAliveAfterMaxKeepAliveCountEmptyIntervals();
    void lifetimeEndsWithoutPublishRequests();
    void maxNotificationsSplitsAndSaysMore();
    void acknowledgeAndRepublish();
    void disabledPublishingSendsOnlyKeepAlives();
    void statusChangeTakesASequenceNumber();
    void overflowDropsTheOldest();
    void statusNodesAreTheProxysOwn();
    void stateOfThePairStatus_data();
    void stateOfThePairStatus();
    void tandemFolderNeedsItsNamespace();
    void browseOfTheTandemFolder();
    void namespaceArrayGetsTheTandemUri();
};

void TestProxyParts::reviseKeepsTheSpecsBounds()
{
    const SubscriptionParameters p = SubscriptionParameters::revise(10, 2, 0, 5, false, 9);
    QCOMPARE(p.publishingIntervalMs, SubscriptionParameters::MinIntervalMs);
    QCOMPARE(p.maxKeepAliveCount, 1u);
    QCOMPARE(p.lifetimeCount, 3u); // at least three keep-alives
    QCOMPARE(p.maxNotificationsPerPublish, 5u);
    QVERIFY(!p.publishingEnabled);
    QCOMPARE(p.priority, quint8(9));
    QCOMPARE(SubscriptionParameters::revise(1e12, 10, 10, 0, true, 0).publishingIntervalMs,
             SubscriptionParameters::MaxIntervalMs);
    QCOMPARE(SubscriptionParameters::revise(qQNaN(), 10, 10, 0, true, 0).publishingIntervalMs,
             1000.0);
}

void TestProxyParts::firstMessageIsAKeepAliveThatConsumesNoNumber()
{
    ProxySubscription s(7, parameters());
    QCOMPARE(s.tick(true), ProxySubscription::Tick::Ready);
    bool more = true;
    NotificationMessage m = s.takeMessage({}, &more);
    QVERIFY(m.notificationData.isEmpty());
    QCOMPARE(m.sequenceNumber, 1u);
    QVERIFY(!more);
    s.enqueue(change(1, 10));
    QCOMPARE(s.tick(true), ProxySubscription::Tick::Ready);
    m = s.takeMessage({}, &more);
    QCOMPARE(m.sequenceNumber, 1u); // the keep-alive did not use it
    QCOMPARE(itemsOf(m).size(), 1);
    QCOMPARE(itemsOf(m).first().clientHandle, 1u);
    s.enqueue(change(1, 11));
    s.tick(true);
    QCOMPARE(s.takeMessage({}, &more).sequenceNumber, 2u);
}

void TestProxyParts::keepAliveAfterMaxKeepAliveCountEmptyIntervals()
{
    ProxySubscription s(1, parameters(3));
    bool more = false;
    s.tick(true);
    s.takeMessage({}, &more);
    QCOMPARE(s.tick(true), ProxySubscription::Tick::Idle);
    QCOMPARE(s.tick(true), ProxySubscription::Tick::Idle);
    QCOMPARE(s.tick(true), ProxySubscription::Tick::Ready);
    const NotificationMessage keepAlive = s.takeMessage({}, &more);
    QVERIFY(keepAlive.notificationData.isEmpty());
    QCOMPARE(keepAlive.sequenceNumber, 1u);
    QCOMPARE(s.tick(true), ProxySubscription::Tick::Idle);
}

void TestProxyParts::lifetimeEndsWithoutPublishRequests()
{
    ProxySubscription s(1, parameters(1, 4));
    for (int i = 0; i < 3; ++i)
        QVERIFY(s.tick(false) != ProxySubscription::Tick::Expired);
    s.publishRequestReceived(); // a request came: counting starts again
    for (int i = 0; i < 3; ++i)
        QVERIFY(s.tick(false) != ProxySubscription::Tick::Expired);
    QCOMPARE(s.tick(false), ProxySubscription::Tick::Expired);
}

void TestProxyParts::maxNotificationsSplitsAndSaysMore()
{
    ProxySubscription s(1, parameters(3, 9, 2));
    for (int i = 0; i < 5; ++i)
        s.enqueue(change(1, i));
    QCOMPARE(s.tick(true), ProxySubscription::Tick::Ready);
    bool more = false;
    QList<qint32> values;
    int messages = 0;
    do {
        const NotificationMessage m = s.takeMessage({}, &more);
        ++messages;
        QVERIFY(itemsOf(m).size() <= 2);
        for (const auto &n : itemsOf(m))
            values << std::get<qint32>(n.value.value->value());
        QCOMPARE(s.isReady(), more);
    } while (more);
    QCOMPARE(messages, 3);
    QCOMPARE(values, (QList<qint32>{0, 1, 2, 3, 4}));
}

void TestProxyParts::acknowledgeAndRepublish()
{
    ProxySubscription s(1, parameters());
    bool more = false;
    for (int i = 0; i < 3; ++i) {
        s.enqueue(change(1, i));
        s.tick(true);
        s.takeMessage({}, &more);
    }
    QCOMPARE(s.availableSequenceNumbers(), (QList<quint32>{1, 2, 3}));
    QVERIFY(s.acknowledge(2).isGood());
    QCOMPARE(s.acknowledge(2).code, Status::BadSequenceNumberUnknown);
    QCOMPARE(s.availableSequenceNumbers(), (QList<quint32>{1, 3}));
    const auto again = s.retransmit(3);
    QVERIFY(again);
    QCOMPARE(std::get<qint32>(itemsOf(*again).first().value.value->value()), 2);
    QVERIFY(!s.retransmit(2));
    for (int i = 0; i < ProxySubscription::RetransmitQueueSize + 5; ++i) {
        s.enqueue(change(1, i));
        s.tick(true);
        s.takeMessage({}, &more);
    }
    QCOMPARE(s.availableSequenceNumbers().size(), ProxySubscription::RetransmitQueueSize);
}

void TestProxyParts::disabledPublishingSendsOnlyKeepAlives()
{
    ProxySubscription s(1, parameters(2));
    s.setPublishingEnabled(false);
    s.enqueue(change(1, 1));
    bool more = false;
    s.tick(true);
    QVERIFY(s.takeMessage({}, &more).notificationData.isEmpty());
    QCOMPARE(s.tick(true), ProxySubscription::Tick::Idle);
    s.setPublishingEnabled(true);
    QCOMPARE(s.tick(true), ProxySubscription::Tick::Ready);
    QCOMPARE(itemsOf(s.takeMessage({}, &more)).size(), 1);
}

void TestProxyParts::statusChangeTakesASequenceNumber()
{
    ProxySubscription s(1, parameters());
    s.enqueueStatusChange(StatusCode{Status::BadTimeout});
    QVERIFY(s.isReady());
    bool more = false;
    const NotificationMessage m = s.takeMessage({}, &more);
    QCOMPARE(m.sequenceNumber, 1u);
    const auto status = fromExtensionObject<StatusChangeNotification>(m.notificationData.first());
    QVERIFY(status);
    QCOMPARE(status->status.code, Status::BadTimeout);
    QCOMPARE(s.nextSequenceNumber(), 2u);
}

void TestProxyParts::overflowDropsTheOldest()
{
    ProxySubscription s(1, parameters());
    for (int i = 0; i < ProxySubscription::MaxQueuedNotifications + 3; ++i)
        s.enqueue(change(1, i));
    QCOMPARE(s.queued(), ProxySubscription::MaxQueuedNotifications);
    QCOMPARE(s.dropped(), 3u);
    bool more = false;
    s.tick(true);
    QCOMPARE(std::get<qint32>(itemsOf(s.takeMessage({}, &more)).first().value.value->value()), 3);
}

void TestProxyParts::statusNodesAreTheProxysOwn()
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-60);
    ProxyNodes nodes(start);
    ProxyState state;
    state.serviceLevel = 200;
    QVERIFY(nodes.answers(ReadValueId::value(NodeId(0, Id::ServiceLevel))));
    QVERIFY(nodes.answers(ReadValueId::value(NodeId(0, Id::ServerStatus))));
    // Other attributes of the standard nodes are the server's (the same on every server).
    QVERIFY(
        !nodes.answers(ReadValueId{NodeId(0, Id::ServiceLevel), AttributeId::DisplayName, {}, {}}));
    QVERIFY(!nodes.answers(ReadValueId::value(NodeId(2, QStringLiteral("Tandem.Pair")))));

    const DataValue level = nodes.read(ReadValueId::value(NodeId(0, Id::ServiceLevel)), state,
                                       TimestampsToReturn::Both);
    QCOMPARE(std::get<quint8>(level.value->value()), quint8(200));
    QVERIFY(level.sourceTimestamp && level.serverTimestamp);
    const DataValue status = nodes.read(ReadValueId::value(NodeId(0, Id::ServerStatus)), state,
                                        TimestampsToReturn::Neither);
    QVERIFY(!status.sourceTimestamp && !status.serverTimestamp);
    const auto decoded =
        fromExtensionObject<ServerStatusDataType>(std::get<ExtensionObject>(status.value->value()));
    QVERIFY(decoded);
    QCOMPARE(decoded->state, ServerState::Running);
    QCOMPARE(decoded->startTime.toQDateTime(), start);
    QCOMPARE(decoded->buildInfo.productName, QStringLiteral("Tandem redundancy proxy"));
    const DataValue ranged = nodes.read(
        ReadValueId{NodeId(0, Id::ServiceLevel), AttributeId::Value, QStringLiteral("0:1"), {}},
        state, TimestampsToReturn::Both);
    QCOMPARE(ranged.statusCode().code, Status::BadIndexRangeInvalid);
}

// The Tandem nodes show the engine's typed status: health in the words of `tandemctl status
// --json`, ServiceLevel by the active side and its standby.
void TestProxyParts::stateOfThePairStatus_data()
{
    using tandem::Side;
    using tandem::SideHealth;
    QTest::addColumn<tandem::PairStatus>("status");
    QTest::addColumn<int>("activeServerLevel");
    QTest::addColumn<QString>("primaryHealth");
    QTest::addColumn<QString>("secondaryHealth");
    QTest::addColumn<QString>("selection");
    QTest::addColumn<int>("serviceLevel");
    tandem::PairStatus both;
    both.name = QStringLiteral("line1");
    both.active = Side::Primary;
    both.primary.machine = QStringLiteral("a:4840");
    both.secondary.machine = QStringLiteral("b:4840");
    both.primary.health = both.secondary.health = SideHealth::Healthy;
    QTest::newRow("both healthy") << both << 0 << "healthy"
                                  << "healthy"
                                  << "automatic" << 255;
    tandem::PairStatus alone = both;
    alone.secondary.health = SideHealth::Lost;
    QTest::newRow("no standby") << alone << 0 << "healthy"
                                << "lost"
                                << "automatic" << 200;
    tandem::PairStatus degraded = both;
    degraded.active = Side::Secondary;
    degraded.pinned = Side::Secondary;
    degraded.secondary.health = SideHealth::Degraded;
    degraded.secondary.degraded = true;
    degraded.primary.health = SideHealth::MonitorError;
    QTest::newRow("degraded, held") << degraded << 150 << "monitor-error"
                                    << "degraded"
                                    << "held by the operator" << 150;
    QTest::newRow("degraded, level unknown") << degraded << 0 << "monitor-error"
                                             << "degraded"
                                             << "held by the operator" << 200;
    tandem::PairStatus none = both;
    none.active = Side::None;
    none.primary.health = SideHealth::ShuttingDown;
    none.secondary.health = SideHealth::Connecting;
    QTest::newRow("none") << none << 0 << "shutting-down"
                          << "connecting"
                          << "automatic" << 1;
    tandem::PairStatus passing = both;
    passing.passThrough = true;
    passing.primary.health = SideHealth::PassThrough;
    passing.secondary.health = SideHealth::Unknown;
    QTest::newRow("pass-through") << passing << 0 << "pass-through"
                                  << "unknown"
                                  << "pass-through (redundancy disabled)" << 200;
}

void TestProxyParts::stateOfThePairStatus()
{
    QFETCH(tandem::PairStatus, status);
    QFETCH(int, activeServerLevel);
    QFETCH(QString, primaryHealth);
    QFETCH(QString, secondaryHealth);
    QFETCH(QString, selection);
    QFETCH(int, serviceLevel);
    const ProxyState state = ProxyState::of(status, activeServerLevel);
    QCOMPARE(state.pair, QStringLiteral("line1"));
    QCOMPARE(state.primaryHealth, primaryHealth);
    QCOMPARE(state.secondaryHealth, secondaryHealth);
    QCOMPARE(state.selection, selection);
    QCOMPARE(int(state.serviceLevel), serviceLevel);
    QCOMPARE(state.activeSide, tandem::sideKey(status.active));
    QCOMPARE(state.activeMachine,
             status.active == tandem::Side::None ? QString() : status.side(status.active).machine);
    QCOMPARE(state.primaryMachine, QStringLiteral("a:4840"));
}

void TestProxyParts::tandemFolderNeedsItsNamespace()
{
    ProxyNodes nodes;
    ProxyState state;
    state.activeSide = QStringLiteral("secondary");
    state.failovers = 3;
    const NodeId active(3, QStringLiteral("Tandem.ActiveSide"));
    QVERIFY(!nodes.isTandemNode(active)); // index unknown yet
    nodes.setNamespaceIndex(3);
    QVERIFY(nodes.isTandemNode(active));
    QVERIFY(nodes.isTandemNode(NodeId(3, QStringLiteral("Tandem"))));
    QVERIFY(!nodes.isTandemNode(NodeId(3, QStringLiteral("Tandem.Nothing"))));
    QVERIFY(!nodes.isTandemNode(NodeId(2, QStringLiteral("Tandem.ActiveSide"))));
    QCOMPARE(
        std::get<QString>(
            nodes.read(ReadValueId::value(active), state, TimestampsToReturn::Both).value->value()),
        QStringLiteral("secondary"));
    QCOMPARE(std::get<quint32>(
                 nodes
                     .read(ReadValueId::value(NodeId(3, QStringLiteral("Tandem.FailoverCount"))),
                           state, TimestampsToReturn::Both)
                     .value->value()),
             3u);
    const DataValue type = nodes.read(ReadValueId{active, AttributeId::DataType, {}, {}}, state,
                                      TimestampsToReturn::Both);
    QCOMPARE(std::get<NodeId>(type.value->value()), NodeId(0, quint32(12))); // String
    const DataValue folderValue = nodes.read(
        ReadValueId::value(NodeId(3, QStringLiteral("Tandem"))), state, TimestampsToReturn::Both);
    QCOMPARE(folderValue.statusCode().code, Status::BadAttributeIdInvalid);
}

void TestProxyParts::browseOfTheTandemFolder()
{
    ProxyNodes nodes;
    nodes.setNamespaceIndex(2);
    const BrowseResult folder =
        nodes.browse(BrowseDescription::childrenOf(NodeId(2, QStringLiteral("Tandem"))));
    QVERIFY(folder.statusCode.isGood());
    QCOMPARE(folder.references.size(),
             ProxyNodes::variableNames().size() + ProxyNodes::methodNames().size());
    QCOMPARE(folder.references.first().nodeClass, NodeClass::Variable);
    QCOMPARE(folder.references.first().nodeId.nodeId,
             NodeId(2, ProxyNodes::variableNames().first()));
    QCOMPARE(folder.references.last().nodeClass, NodeClass::Method);
    QCOMPARE(folder.references.last().nodeId.nodeId, NodeId(2, ProxyNodes::methodNames().last()));
    QVERIFY(folder.references.last().typeDefinition.nodeId.isNull());

    BrowseDescription objects = BrowseDescription::childrenOf(NodeId(0, Id::ObjectsFolder));
    const auto reference = nodes.objectsReference(objects);
    QVERIFY(reference);
    QCOMPARE(reference->browseName.name, QStringLiteral("Tandem"));
    objects.nodeClassMask = quint32(NodeClass::Variable);
    QVERIFY(!nodes.objectsReference(objects)); // only variables asked for
    objects.nodeClassMask = 0;
    objects.browseDirection = BrowseDirection::Inverse;
    QVERIFY(!nodes.objectsReference(objects));
    QVERIFY(!nodes.objectsReference(BrowseDescription::childrenOf(NodeId(0, Id::Server))));
    // Up from a variable: its folder.
    BrowseDescription up = BrowseDescription::childrenOf(NodeId(2, QStringLiteral("Tandem.Pair")));
    up.browseDirection = BrowseDirection::Inverse;
    const BrowseResult parent = nodes.browse(up);
    QCOMPARE(parent.references.size(), 1);
    QCOMPARE(parent.references.first().nodeId.nodeId, NodeId(2, QStringLiteral("Tandem")));
}

void TestProxyParts::namespaceArrayGetsTheTandemUri()
{
    ProxyNodes nodes;
    DataValue value;
    value.value =
        Variant::array(BuiltInType::String,
                       {QStringLiteral("http://opcfoundation.org/UA/"), QStringLiteral("urn:x")});
    DataValue unchanged = value;
    nodes.extendNamespaceArray(unchanged);
    QCOMPARE(unchanged, value); // index not known yet
    nodes.setNamespaceIndex(2);
    nodes.extendNamespaceArray(value);
    QCOMPARE(value.value->size(), 3);
    QCOMPARE(std::get<QString>(value.value->value(2)), QStringLiteral("urn:tandem:redundancy"));
    nodes.extendNamespaceArray(value); // already there
    QCOMPARE(value.value->size(), 3);
}

QTEST_GUILESS_MAIN(TestProxyParts)
#include "tst_proxyparts.moc"
