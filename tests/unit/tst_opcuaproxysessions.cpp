// The OPC UA proxy's own services with no servers behind it (no PairRuntime): discovery,
// session rules, the nodes it answers itself, subscriptions on them with Publish,
// acknowledgements and Republish, a malformed request that closes only its channel, and
// the client limits (deadlines on a fake clock, sessions per pair and per
// address, login lockout, monitored items, subscriptions, message size).
// Clients are attached without sockets (AttachedClient); the proxy under a real node-opcua
// client is tst_opcuaproxy's.
#include "attachedclient.h"
#include "events/eventlog.h"

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
    void handshakeDeadline();
    void idleChannelWithoutASession();
    void sessionsNotActivatedEnd();
    void sessionLimits();
    void failedLoginsLockTheAddressOut();
    void subscriptionsPerSession();
    void monitoredItemsPerSession();
    void requestsBeyondTheMessageSize();

private:
    void configure(const std::function<void(OpcUaLimits &)> &change, const QString &user = {});

    ManualClock m_clock;
    EventLog m_events;
    std::unique_ptr<OpcUaProxy> m_proxy;
};

void TestOpcUaProxySessions::init()
{
    m_proxy = std::make_unique<OpcUaProxy>(nullptr, endpoint(), &m_events, &m_clock);
}

void TestOpcUaProxySessions::cleanup()
{
    m_proxy.reset();
}

void TestOpcUaProxySessions::configure(const std::function<void(OpcUaLimits &)> &change,
                                       const QString &user)
{
    PairConfig config;
    config.name = QStringLiteral("line1");
    config.protocol = Protocol::OpcUa;
    config.user = user;
    change(config.opcuaLimits);
    m_proxy->setConfig(config);
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
    // A service the proxy does not offer (AddNodes, i=488) is answered, not fatal.
    Writer w;
    writeNodeId(w, NodeId(0, quint32(488)));
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

// The attack: connect and never send a byte (or stop after the Hello). Before, such a
// connection stayed for ever.
void TestOpcUaProxySessions::handshakeDeadline()
{
    AttachedClient silent(m_proxy.get());
    AttachedClient helloOnly(m_proxy.get());
    m_proxy->receive(helloOnly.connection(),
                     encodeHello({ConnectionLimits{}, QStringLiteral("opc.tcp://x/line1")}));
    QVERIFY(helloOnly.answers().takeAcknowledge());
    m_clock.advance(9900);
    QVERIFY(!silent.isClosed() && !helloOnly.isClosed());
    m_clock.advance(200); // 10 s, the default
    QVERIFY(silent.isClosed());
    QVERIFY(helloOnly.isClosed());
    const auto error = silent.answers().takeError();
    QVERIFY(error);
    QCOMPARE(error->error.code, Status::BadTimeout);
    QVERIFY2(error->reason.contains(QLatin1String("no secure channel within 10000 ms")),
             qPrintable(error->reason));
    QCOMPARE(m_proxy->clientCount(), 0);

    // A client that opens its channel in time is not touched.
    configure([](OpcUaLimits &l) { l.handshakeTimeoutMs = 2000; });
    AttachedClient prompt(m_proxy.get());
    QVERIFY(prompt.openChannel());
    QVERIFY(prompt.openSession().isGood());
    m_clock.advance(30000);
    QVERIFY(!prompt.isClosed());
}

// A channel without a session that sends nothing is closed after the idle timeout; one
// with an activated session belongs to its session.
void TestOpcUaProxySessions::idleChannelWithoutASession()
{
    configure([](OpcUaLimits &l) { l.idleTimeoutMs = 20000; });
    AttachedClient idle(m_proxy.get());
    QVERIFY(idle.openChannel());
    AttachedClient working(m_proxy.get());
    QVERIFY(working.openChannel());
    QVERIFY(working.openSession().isGood());
    AttachedClient chatty(m_proxy.get());
    QVERIFY(chatty.openChannel());
    for (int i = 0; i < 4; ++i) { // a message every 10 s keeps a channel
        m_clock.advance(10000);
        QVERIFY(chatty.call<GetEndpointsResponse>(GetEndpointsRequest{}));
    }
    QVERIFY(idle.isClosed());
    const auto error = idle.answers().takeError();
    QVERIFY(error);
    QVERIFY2(error->reason.contains(QLatin1String("idle for 20000 ms")), qPrintable(error->reason));
    QVERIFY(!working.isClosed());
    QVERIFY(!chatty.isClosed());
}

// The attack: sessions created and never activated. Before, they piled up to the pair's
// limit and stayed an hour, their channels gone or not.
void TestOpcUaProxySessions::sessionsNotActivatedEnd()
{
    AttachedClient client(m_proxy.get());
    QVERIFY(client.openChannel());
    for (int i = 0; i < 5; ++i)
        QVERIFY(client.createSession().isGood());
    QVERIFY(client.activateSession().isGood()); // the last one
    QCOMPARE(m_proxy->sessionCount(), 5);
    m_clock.advance(9900);
    QCOMPARE(m_proxy->sessionCount(), 5);
    m_clock.advance(200); // the activation timeout, 10 s by default
    QCOMPARE(m_proxy->sessionCount(), 1);

    // With their channel: at once. An activated one stays for its client to reconnect.
    AttachedClient leaving(m_proxy.get());
    QVERIFY(leaving.openChannel());
    QVERIFY(leaving.createSession().isGood());
    QVERIFY(leaving.createSession().isGood());
    QVERIFY(leaving.activateSession().isGood());
    QCOMPARE(m_proxy->sessionCount(), 3);
    leaving.disconnect();
    QCOMPARE(m_proxy->sessionCount(), 2);
}

void TestOpcUaProxySessions::sessionLimits()
{
    configure([](OpcUaLimits &l) {
        l.maxSessions = 4;
        l.maxSessionsPerAddress = 2;
    });
    const QString a = QStringLiteral("10.0.0.5"), b = QStringLiteral("10.0.0.6");
    AttachedClient a1(m_proxy.get(), a), a2(m_proxy.get(), a), a3(m_proxy.get(), a);
    for (AttachedClient *c : {&a1, &a2, &a3})
        QVERIFY(c->openChannel());
    QVERIFY(a1.openSession().isGood());
    QVERIFY(a2.openSession().isGood());
    QCOMPARE(a3.createSession().code, Status::BadTooManySessions); // the address's limit
    AttachedClient b1(m_proxy.get(), b), b2(m_proxy.get(), b);
    for (AttachedClient *c : {&b1, &b2})
        QVERIFY(c->openChannel());
    QVERIFY(b1.openSession().isGood());
    QVERIFY(b2.createSession().isGood()); // not activated (yet)
    QCOMPARE(m_proxy->sessionCount(), 4);
    AttachedClient c1(m_proxy.get(), QStringLiteral("10.0.0.7"));
    QVERIFY(c1.openChannel());
    // The pair is full, but b2's session, never activated, gives way.
    QVERIFY(c1.openSession().isGood());
    QCOMPARE(m_proxy->sessionCount(), 4);
    QCOMPARE(b2.activateSession().code, Status::BadSessionIdInvalid);
    // Full of live sessions now: refused.
    QCOMPARE(b2.createSession().code, Status::BadTooManySessions);
    // A session whose client went away gives way too.
    a1.disconnect();
    QVERIFY(b2.openSession().isGood());
    QCOMPARE(m_proxy->sessionCount(), 4);
}

// The attack: guessing the pair's password as fast as the proxy answers. After the
// allowed failures the address is locked out (one event), and every login from it is
// refused without being checked; another address is not affected.
void TestOpcUaProxySessions::failedLoginsLockTheAddressOut()
{
    configure(
        [](OpcUaLimits &l) {
            l.loginAttempts = 3;
            l.loginLockoutMs = 5000;
        },
        QStringLiteral("operator"));
    QList<Event> posted;
    QObject listening; // ends the connection with this case
    connect(&m_events, &EventLog::eventPosted, &listening,
            [&posted](const Event &e) { posted.append(e); });
    UserNameIdentityToken wrong;
    wrong.policyId = QStringLiteral("username");
    wrong.userName = QStringLiteral("intruder");
    wrong.password = "guess";
    AttachedClient guesser(m_proxy.get(), QStringLiteral("10.0.0.66"));
    QVERIFY(guesser.openChannel());
    for (int i = 0; i < 50; ++i) {
        if (i % 5 == 0)
            QVERIFY(guesser.createSession().isGood()); // the same session may try again
        QCOMPARE(guesser.activateSession(toExtensionObject(wrong)).code,
                 Status::BadUserAccessDenied);
    }
    QCOMPARE(posted.size(), 1);
    QCOMPARE(posted.first().id, QStringLiteral("client-login-locked"));
    QVERIFY2(posted.first().text.contains(QLatin1String("from 10.0.0.66 for 5 s after 3 failed")),
             qPrintable(posted.first().text));
    // After the lockout, one more failure locks again, for twice as long.
    m_clock.advance(5000);
    QVERIFY(guesser.createSession().isGood());
    QCOMPARE(guesser.activateSession(toExtensionObject(wrong)).code, Status::BadUserAccessDenied);
    QCOMPARE(posted.size(), 2);
    QVERIFY2(posted.last().text.contains(QLatin1String("for 10 s after 4 failed")),
             qPrintable(posted.last().text));
}

void TestOpcUaProxySessions::subscriptionsPerSession()
{
    configure([](OpcUaLimits &l) { l.maxSubscriptions = 2; });
    AttachedClient client(m_proxy.get());
    QVERIFY(client.openChannel());
    QVERIFY(client.openSession().isGood());
    CreateSubscriptionRequest create;
    create.requestedPublishingInterval = 1000;
    create.publishingEnabled = true;
    QVERIFY(client.call<CreateSubscriptionResponse>(create));
    QVERIFY(client.call<CreateSubscriptionResponse>(create));
    QVERIFY(!client.call<CreateSubscriptionResponse>(create));
    QCOMPARE(client.lastFault().code, Status::BadTooManySubscriptions);
}

// The attack: one session monitoring without end. Before, every item was created.
void TestOpcUaProxySessions::monitoredItemsPerSession()
{
    configure([](OpcUaLimits &l) { l.maxMonitoredItems = 5; });
    AttachedClient client(m_proxy.get());
    QVERIFY(client.openChannel());
    QVERIFY(client.openSession().isGood());
    CreateSubscriptionRequest create;
    create.requestedPublishingInterval = 1000;
    create.publishingEnabled = true;
    const auto first = client.call<CreateSubscriptionResponse>(create);
    const auto second = client.call<CreateSubscriptionResponse>(create);
    QVERIFY(first && second);
    const auto items = [&client](quint32 subscription, int count) {
        CreateMonitoredItemsRequest request;
        request.subscriptionId = subscription;
        for (int i = 0; i < count; ++i) {
            MonitoredItemCreateRequest item;
            item.itemToMonitor = ReadValueId::value(NodeId(0, Id::ServiceLevel));
            item.monitoringMode = MonitoringMode::Reporting;
            item.requestedParameters.clientHandle = quint32(i);
            request.itemsToCreate.append(item);
        }
        return client.call<CreateMonitoredItemsResponse>(request);
    };
    auto created = items(first->subscriptionId, 3);
    QVERIFY(created);
    for (const MonitoredItemCreateResult &r : created->results)
        QVERIFY(r.statusCode.isGood());
    // The limit is the session's, over all its subscriptions.
    created = items(second->subscriptionId, 4);
    QVERIFY(created);
    QCOMPARE(created->results.size(), 4);
    QVERIFY(created->results[0].statusCode.isGood());
    QVERIFY(created->results[1].statusCode.isGood());
    QCOMPARE(created->results[2].statusCode.code, Status::BadTooManyMonitoredItems);
    QCOMPARE(created->results[3].statusCode.code, Status::BadTooManyMonitoredItems);
    QCOMPARE(created->results[3].monitoredItemId, 0u);
    // Deleting makes room again.
    DeleteMonitoredItemsRequest remove;
    remove.subscriptionId = second->subscriptionId;
    remove.monitoredItemIds = {created->results[0].monitoredItemId};
    QVERIFY(client.call<DeleteMonitoredItemsResponse>(remove));
    created = items(first->subscriptionId, 2);
    QVERIFY(created);
    QVERIFY(created->results[0].statusCode.isGood());
    QCOMPARE(created->results[1].statusCode.code, Status::BadTooManyMonitoredItems);
    // Deleting a subscription frees its items.
    DeleteSubscriptionsRequest drop;
    drop.subscriptionIds = {first->subscriptionId};
    QVERIFY(client.call<DeleteSubscriptionsResponse>(drop));
    created = items(second->subscriptionId, 4);
    QVERIFY(created);
    for (const MonitoredItemCreateResult &r : created->results)
        QVERIFY(r.statusCode.isGood());
}

// The proxy's maximum message size is what its Acknowledge announces, and what it holds:
// a request beyond it, or partial requests that together go beyond it, close the
// connection with an ERR that says so. Before, 64 partial requests of up to 16 MiB each
// were buffered.
void TestOpcUaProxySessions::requestsBeyondTheMessageSize()
{
    configure([](OpcUaLimits &l) { l.maxMessageSize = 100000; });
    AttachedClient client(m_proxy.get());
    m_proxy->receive(client.connection(),
                     encodeHello({ConnectionLimits{}, QStringLiteral("opc.tcp://x/line1")}));
    const auto ack = client.answers().takeAcknowledge();
    QVERIFY(ack);
    QCOMPARE(ack->limits.maxMessageSize, 100000u);
    QVERIFY(ack->limits.maxChunkCount >= 2 && ack->limits.maxChunkCount <= 4);

    AttachedClient flooder(m_proxy.get());
    QVERIFY(flooder.openChannel());
    const ConnectionLimits limits; // 64 KiB chunks
    quint32 sequence = 2;          // after the OpenSecureChannel's
    int sent = 0;
    for (quint32 id = 10; id < 30 && !flooder.isClosed(); ++id, ++sent) {
        SecureMessage m;
        m.type = MessageType::Message;
        m.secureChannelId = quint32(flooder.connection());
        m.tokenId = 1;
        m.requestId = id;
        m.body = QByteArray(90000, 'x');
        QList<QByteArray> chunks = encodeSecureMessage(m, limits, &sequence);
        sequence -= quint32(chunks.size() - 1); // only the first chunk goes out
        m_proxy->receive(flooder.connection(), chunks.first());
    }
    QVERIFY(flooder.isClosed());
    QCOMPARE(sent, 2);
    const auto error = flooder.answers().takeError();
    QVERIFY(error);
    QCOMPARE(error->error.code, Status::BadRequestTooLarge);
    QVERIFY2(error->reason.contains(QLatin1String("more than 100000 bytes")),
             qPrintable(error->reason));
}

QTEST_GUILESS_MAIN(TestOpcUaProxySessions)
#include "tst_opcuaproxysessions.moc"
