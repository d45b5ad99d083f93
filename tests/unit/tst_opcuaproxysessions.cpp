// The OPC UA proxy's own services with no servers behind it (no PairRuntime): discovery,
// session rules, the nodes it answers itself, subscriptions on them with Publish,
// acknowledgements and Republish, and a malformed request that closes only its channel.
// Clients are attached without sockets (AttachedClient); the proxy under a real node-opcua
// client is tst_opcuaproxy's.
#include "attachedclient.h"

#include <QElapsedTimer>
#include <QTest>

using namespace tandem;
using namespace tandem::opcua;
using tandem::test::AttachedClient;

namespace {

Endpoint endpoint()
{
    Endpoint e;
    e.host = QStringLiteral("127.0.0.1");
    e.port = 4841;
    e.path = QStringLiteral("/line1");
    return e;
}

ReadRequest readOf(QList<NodeId> nodes)
{
    ReadRequest request;
    request.timestampsToReturn = TimestampsToReturn::Both;
    for (const NodeId &node : nodes)
        request.nodesToRead.append(ReadValueId::value(node));
    return request;
}

} // namespace

class TestOpcUaProxySessions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void endpointsWithoutASession();
    void sessionRules();
    void identityWithoutAUserIsAnonymous();
    void ownNodesWithoutServers();
    void subscriptionOnAnOwnNode();
    void publishWithoutSubscriptions();
    void malformedRequestClosesOnlyItsChannel();

private:
    std::unique_ptr<OpcUaProxy> m_proxy;
};

void TestOpcUaProxySessions::init()
{
    m_proxy = std::make_unique<OpcUaProxy>(nullptr, endpoint());
}

void TestOpcUaProxySessions::cleanup()
{
    m_proxy.reset();
}

void TestOpcUaProxySessions::endpointsWithoutASession()
{
    AttachedClient client(m_proxy.get());
    QVERIFY(client.openChannel());
    GetEndpointsRequest request;
    request.endpointUrl = QStringLiteral("opc.tcp://plant-pc.local:4841/line1");
    auto response = client.call<GetEndpointsResponse>(request);
    QVERIFY(response);
    QCOMPARE(response->endpoints.size(), 1);
    const EndpointDescription &e = response->endpoints.first();
    // The name the client used for this endpoint is kept; another path is not this one.
    QCOMPARE(e.endpointUrl, request.endpointUrl);
    QCOMPARE(e.securityMode, MessageSecurityMode::None);
    QCOMPARE(e.securityPolicyUri, SecurityPolicyNone);
    QCOMPARE(e.userIdentityTokens.size(), 1);
    QCOMPARE(e.userIdentityTokens.first().tokenType, UserTokenType::Anonymous);
    QCOMPARE(e.server.applicationType, ApplicationType::Server);
    request.endpointUrl = QStringLiteral("opc.tcp://plant-pc.local:4841/other");
    response = client.call<GetEndpointsResponse>(request);
    QVERIFY(response);
    QCOMPARE(response->endpoints.first().endpointUrl,
             QStringLiteral("opc.tcp://127.0.0.1:4841/line1"));

    const auto servers = client.call<FindServersResponse>(FindServersRequest{});
    QVERIFY(servers);
    QCOMPARE(servers->servers.size(), 1);
    QCOMPARE(servers->servers.first().discoveryUrls,
             QList<QString>{QStringLiteral("opc.tcp://127.0.0.1:4841/line1")});
}

void TestOpcUaProxySessions::sessionRules()
{
    AttachedClient client(m_proxy.get());
    QVERIFY(client.openChannel());
    // No session at all.
    QVERIFY(!client.call<ReadResponse>(readOf({NodeId(0, Id::ServiceLevel)})));
    QCOMPARE(client.lastFault().code, Status::BadSessionIdInvalid);
    // Created but not activated.
    const auto created = client.call<CreateSessionResponse>(CreateSessionRequest{});
    QVERIFY(created);
    QCOMPARE(created->revisedSessionTimeout, 60000.0); // 0 asked: the default
    QCOMPARE(created->serverNonce.size(), 32);
    ReadRequest read = readOf({NodeId(0, Id::ServiceLevel)});
    read.requestHeader.authenticationToken = created->authenticationToken;
    client.send(MessageType::Message, encodeMessage(read));
    QVERIFY(!client.take<ReadResponse>());
    QCOMPARE(client.lastFault().code, Status::BadSessionNotActivated);
    QVERIFY(client.openSession().isGood());
    QCOMPARE(m_proxy->sessionCount(), 2);

    // Another channel cannot use the session without activating it there.
    AttachedClient other(m_proxy.get());
    QVERIFY(other.openChannel());
    read.requestHeader.authenticationToken = client.authenticationToken();
    other.send(MessageType::Message, encodeMessage(read));
    QVERIFY(!other.take<ReadResponse>());
    QCOMPARE(other.lastFault().code, Status::BadSecureChannelIdInvalid);

    // Closed is gone.
    QVERIFY(client.call<CloseSessionResponse>(CloseSessionRequest{}));
    QCOMPARE(m_proxy->sessionCount(), 1);
    QVERIFY(!client.call<ReadResponse>(readOf({NodeId(0, Id::ServiceLevel)})));
    QCOMPARE(client.lastFault().code, Status::BadSessionIdInvalid);
}

void TestOpcUaProxySessions::identityWithoutAUserIsAnonymous()
{
    AttachedClient anonymous(m_proxy.get());
    QVERIFY(anonymous.openChannel());
    QVERIFY(anonymous
                .openSession(toExtensionObject(AnonymousIdentityToken{QStringLiteral("anonymous")}))
                .isGood());

    AttachedClient named(m_proxy.get());
    QVERIFY(named.openChannel());
    UserNameIdentityToken token;
    token.policyId = QStringLiteral("username");
    token.userName = QStringLiteral("operator");
    token.password = "secret";
    QCOMPARE(named.openSession(toExtensionObject(token)).code, Status::BadIdentityTokenRejected);
}

void TestOpcUaProxySessions::ownNodesWithoutServers()
{
    AttachedClient client(m_proxy.get());
    QVERIFY(client.openChannel());
    QVERIFY(client.openSession().isGood());
    const auto response = client.call<ReadResponse>(
        readOf({NodeId(0, Id::ServiceLevel), NodeId(0, Id::ServerStatusState),
                NodeId(0, Id::ServerStatus)}));
    QVERIFY(response);
    QCOMPARE(response->results.size(), 3);
    QCOMPARE(std::get<quint8>(response->results[0].value->value()), quint8(1)); // no data
    QCOMPARE(std::get<qint32>(response->results[1].value->value()), qint32(ServerState::Running));
    QVERIFY(response->results[2].sourceTimestamp && response->results[2].serverTimestamp);
    // A server's node with no server: the client hears so at once.
    QVERIFY(!client.call<ReadResponse>(readOf({NodeId(2, QStringLiteral("Line1.Speed"))})));
    QCOMPARE(client.lastFault().code, Status::BadNoCommunication);
    // The proxy's own nodes are not written.
    WriteRequest write;
    WriteValue value;
    value.nodeId = NodeId(0, Id::ServiceLevel);
    value.value.value = Variant(quint8(3));
    write.nodesToWrite = {value};
    const auto written = client.call<WriteResponse>(write);
    QVERIFY(written);
    QCOMPARE(written->results.first().code, Status::BadNotWritable);
    QVERIFY(!client.call<ReadResponse>(ReadRequest{}));
    QCOMPARE(client.lastFault().code, Status::BadNothingToDo);
}

void TestOpcUaProxySessions::subscriptionOnAnOwnNode()
{
    AttachedClient client(m_proxy.get());
    QVERIFY(client.openChannel());
    QVERIFY(client.openSession().isGood());
    CreateSubscriptionRequest create;
    create.requestedPublishingInterval = 10; // revised up to the minimum
    create.requestedLifetimeCount = 100;
    create.requestedMaxKeepAliveCount = 5;
    create.publishingEnabled = true;
    const auto subscription = client.call<CreateSubscriptionResponse>(create);
    QVERIFY(subscription);
    QCOMPARE(subscription->revisedPublishingInterval, SubscriptionParameters::MinIntervalMs);

    CreateMonitoredItemsRequest items;
    items.subscriptionId = subscription->subscriptionId;
    items.timestampsToReturn = TimestampsToReturn::Neither;
    MonitoredItemCreateRequest item;
    item.itemToMonitor = ReadValueId::value(NodeId(0, Id::ServiceLevel));
    item.monitoringMode = MonitoringMode::Reporting;
    item.requestedParameters.clientHandle = 42;
    items.itemsToCreate = {item};
    const auto created = client.call<CreateMonitoredItemsResponse>(items);
    QVERIFY(created);
    QVERIFY(created->results.first().statusCode.isGood());

    // The first Publish brings the value under the client's handle, as number 1.
    // A Publish is answered at once when a message waits, else at a later interval.
    const auto publish = [&client](const PublishRequest &request) {
        std::optional<PublishResponse> answer = client.call<PublishResponse>(request);
        QElapsedTimer waited;
        waited.start();
        while (!answer && waited.elapsed() < 5000) {
            QTest::qWait(10);
            answer = client.take<PublishResponse>();
        }
        return answer;
    };
    std::optional<PublishResponse> published = publish(PublishRequest{});
    QVERIFY(published);
    QCOMPARE(published->subscriptionId, subscription->subscriptionId);
    QCOMPARE(published->notificationMessage.sequenceNumber, 1u);
    const auto data = fromExtensionObject<DataChangeNotification>(
        published->notificationMessage.notificationData.first());
    QVERIFY(data);
    QCOMPARE(data->monitoredItems.first().clientHandle, 42u);
    QCOMPARE(std::get<quint8>(data->monitoredItems.first().value.value->value()), quint8(1));
    QVERIFY(!data->monitoredItems.first().value.sourceTimestamp); // Neither asked for
    QCOMPARE(published->availableSequenceNumbers, QList<quint32>{1});

    // Republish has it until it is acknowledged.
    RepublishRequest republish;
    republish.subscriptionId = subscription->subscriptionId;
    republish.retransmitSequenceNumber = 1;
    QVERIFY(client.call<RepublishResponse>(republish));
    PublishRequest acknowledging;
    acknowledging.subscriptionAcknowledgements = {{subscription->subscriptionId, 1},
                                                  {subscription->subscriptionId, 9}};
    // Nothing changes any more: the next answer is a keep-alive carrying number 2.
    published = publish(acknowledging);
    QVERIFY(published);
    QCOMPARE(published->results.size(), 2);
    QVERIFY(published->results[0].isGood());
    QCOMPARE(published->results[1].code, Status::BadSequenceNumberUnknown);
    QVERIFY(published->notificationMessage.notificationData.isEmpty());
    QCOMPARE(published->notificationMessage.sequenceNumber, 2u);
    QVERIFY(!client.call<RepublishResponse>(republish));
    QCOMPARE(client.lastFault().code, Status::BadMessageNotAvailable);

    DeleteSubscriptionsRequest remove;
    remove.subscriptionIds = {subscription->subscriptionId, subscription->subscriptionId};
    const auto removed = client.call<DeleteSubscriptionsResponse>(remove);
    QVERIFY(removed);
    QVERIFY(removed->results[0].isGood());
    QCOMPARE(removed->results[1].code, Status::BadSubscriptionIdInvalid);
}

void TestOpcUaProxySessions::publishWithoutSubscriptions()
{
    AttachedClient client(m_proxy.get());
    QVERIFY(client.openChannel());
    QVERIFY(client.openSession().isGood());
    QVERIFY(!client.call<PublishResponse>(PublishRequest{}));
    QCOMPARE(client.lastFault().code, Status::BadNoSubscription);
}

void TestOpcUaProxySessions::malformedRequestClosesOnlyItsChannel()
{
    AttachedClient good(m_proxy.get());
    QVERIFY(good.openChannel());
    QVERIFY(good.openSession().isGood());
    AttachedClient bad(m_proxy.get());
    QVERIFY(bad.openChannel());
    QCOMPARE(m_proxy->clientCount(), 2);
    // A Read whose node list claims more entries than it has.
    QByteArray body = encodeMessage(readOf({NodeId(0, Id::ServiceLevel)}));
    body.chop(3);
    bad.send(MessageType::Message, body);
    QVERIFY(bad.isClosed());
    const auto error = bad.answers().takeError();
    QVERIFY(error);
    QCOMPARE(error->error.code, Status::BadDecodingError);
    QCOMPARE(m_proxy->clientCount(), 1);
    // A service the proxy does not offer (Call, i=712) is answered, not fatal.
    Writer w;
    writeNodeId(w, NodeId(0, quint32(712)));
    RequestHeader header;
    header.authenticationToken = good.authenticationToken();
    header.requestHandle = 5;
    encode(w, header);
    w.writeInt32(0);
    good.send(MessageType::Message, w.take());
    QVERIFY(!good.take<ReadResponse>());
    QCOMPARE(good.lastFault().code, Status::BadServiceUnsupported);
    QVERIFY(good.call<ReadResponse>(readOf({NodeId(0, Id::ServiceLevel)})));
}

QTEST_GUILESS_MAIN(TestOpcUaProxySessions)
#include "tst_opcuaproxysessions.moc"
