// TransferSubscriptions and a session moving to a new secure channel on the OPC UA proxy
// with no servers behind it (OPC 10000-4 §5.13.7, §5.6.3): who may take over whose
// subscriptions (SessionOwner, a table), and through the proxy's dispatcher with clients
// attached without sockets (AttachedClient): the subscription goes on in the new session
// with its sequence numbers and Republish, the old session hears
// GoodSubscriptionTransferred, initial values when asked, the new session's limits; a
// session whose channel dropped is activated on a new one and keeps its subscription.
// The same through a real tandemd and node-opcua clients is tst_opcuatransfer's.
#include "attachedclient.h"
#include "events/eventlog.h"
#include "opcua/sessionowner.h"
#include "opcua/statuscodes.h"

#include <QElapsedTimer>
#include <QTest>

using namespace tandem;
using namespace tandem::opcua;
using tandem::test::AttachedClient;

namespace {

using Kind = SessionOwner::Kind;

SessionOwner owner(Kind kind, const QString &user = {}, const QByteArray &userCertificate = {},
                   const QString &applicationUri = QStringLiteral("urn:client"),
                   const QByteArray &clientCertificate = {})
{
    SessionOwner o;
    o.kind = kind;
    o.user = user;
    o.storeUser = kind == Kind::UserName;
    o.userCertificate = userCertificate;
    o.applicationUri = applicationUri;
    o.clientCertificate = clientCertificate;
    return o;
}

Endpoint endpoint()
{
    Endpoint e;
    e.host = QStringLiteral("127.0.0.1");
    e.port = 4841;
    e.path = QStringLiteral("/line1");
    return e;
}

// A request as the session with this token sends it on the client's channel, and the
// answer that comes at once (nullopt: a fault, in lastFault(), or none yet).
template <typename Response, typename Request>
std::optional<Response> callAs(AttachedClient &client, const NodeId &token, Request request)
{
    request.requestHeader.authenticationToken = token;
    request.requestHeader.requestHandle = 77;
    client.send(MessageType::Message, encodeMessage(request));
    return client.take<Response>();
}

// The next answer of this type, waiting for the subscription's timer (real time) if none
// came yet.
template <typename Response> std::optional<Response> awaitAnswer(AttachedClient &client)
{
    std::optional<Response> answer = client.take<Response>();
    QElapsedTimer waited;
    waited.start();
    while (!answer && waited.elapsed() < 5000) {
        QTest::qWait(10);
        answer = client.take<Response>();
    }
    return answer;
}

} // namespace

Q_DECLARE_METATYPE(tandem::opcua::SessionOwner)

class TestProxyTransfer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void ownershipRules_data();
    void ownershipRules();
    void transferToAnotherSession();
    void sessionMovesToANewChannel();
    void newSessionsLimitsApply();

private:
    // A subscription with one item on the proxy's own ServiceLevel (client handle 42),
    // its first message (number 1) published: its id.
    quint32 subscribe(AttachedClient &client);
    void configure(int maxSubscriptions);

    ManualClock m_clock;
    EventLog m_events;
    std::unique_ptr<OpcUaProxy> m_proxy;
};

void TestProxyTransfer::init()
{
    m_proxy = std::make_unique<OpcUaProxy>(nullptr, endpoint(), &m_events, &m_clock);
}

void TestProxyTransfer::cleanup()
{
    m_proxy.reset();
}

void TestProxyTransfer::configure(int maxSubscriptions)
{
    PairConfig config;
    config.name = QStringLiteral("line1");
    config.protocol = Protocol::OpcUa;
    config.opcuaLimits.maxSubscriptions = maxSubscriptions;
    m_proxy->setConfig(config);
}

quint32 TestProxyTransfer::subscribe(AttachedClient &client)
{
    CreateSubscriptionRequest create;
    create.requestedLifetimeCount = 1000;
    create.requestedMaxKeepAliveCount = 100;
    create.requestedPublishingInterval = 50;
    const auto subscription = client.call<CreateSubscriptionResponse>(create);
    if (!subscription)
        return 0;
    CreateMonitoredItemsRequest items;
    items.subscriptionId = subscription->subscriptionId;
    items.timestampsToReturn = TimestampsToReturn::Neither;
    MonitoredItemCreateRequest item;
    item.itemToMonitor = ReadValueId::value(NodeId(0, Id::ServiceLevel));
    item.monitoringMode = MonitoringMode::Reporting;
    item.requestedParameters.clientHandle = 42;
    items.itemsToCreate = {item};
    const auto created = client.call<CreateMonitoredItemsResponse>(items);
    if (!created || !created->results.first().statusCode.isGood())
        return 0;
    std::optional<PublishResponse> first = client.call<PublishResponse>(PublishRequest{});
    if (!first)
        first = awaitAnswer<PublishResponse>(client);
    if (!first || first->notificationMessage.sequenceNumber != 1)
        return 0;
    return subscription->subscriptionId;
}

void TestProxyTransfer::ownershipRules_data()
{
    QTest::addColumn<SessionOwner>("from");
    QTest::addColumn<SessionOwner>("to");
    QTest::addColumn<quint32>("takeOver");
    QTest::addColumn<quint32>("moveChannel");
    const QByteArray certA("certificate A"), certB("certificate B");
    const QByteArray appA("application A"), appB("application B");
    const quint32 good = Status::Good;
    const quint32 denied = Status::BadUserAccessDenied;
    QTest::newRow("same user name")
        << owner(Kind::UserName, QStringLiteral("alice"))
        << owner(Kind::UserName, QStringLiteral("alice"), {}, QStringLiteral("urn:other")) << good
        << good;
    QTest::newRow("another user name") << owner(Kind::UserName, QStringLiteral("alice"))
                                       << owner(Kind::UserName, QStringLiteral("bob")) << denied
                                       << Status::BadIdentityChangeNotSupported;
    {
        SessionOwner pairUser = owner(Kind::UserName, QStringLiteral("alice"));
        pairUser.storeUser = false;
        QTest::newRow("a store user and the pair's user of one name")
            << owner(Kind::UserName, QStringLiteral("alice")) << pairUser << denied
            << Status::BadIdentityChangeNotSupported;
    }
    QTest::newRow("same user certificate")
        << owner(Kind::Certificate, QStringLiteral("CN=op"), certA)
        << owner(Kind::Certificate, QStringLiteral("CN=op"), certA) << good << good;
    QTest::newRow("another certificate of the same subject")
        << owner(Kind::Certificate, QStringLiteral("CN=op"), certA)
        << owner(Kind::Certificate, QStringLiteral("CN=op"), certB) << denied
        << Status::BadIdentityChangeNotSupported;
    QTest::newRow("user name to anonymous")
        << owner(Kind::UserName, QStringLiteral("alice")) << owner(Kind::Anonymous) << denied
        << Status::BadIdentityChangeNotSupported;
    QTest::newRow("anonymous to a user name")
        << owner(Kind::Anonymous) << owner(Kind::UserName, QStringLiteral("alice")) << denied
        << Status::BadIdentityChangeNotSupported;
    QTest::newRow("anonymous, same application, no security")
        << owner(Kind::Anonymous) << owner(Kind::Anonymous) << good << good;
    QTest::newRow("anonymous, another application")
        << owner(Kind::Anonymous) << owner(Kind::Anonymous, {}, {}, QStringLiteral("urn:intruder"))
        << denied << good;
    QTest::newRow("anonymous, same application instance certificate")
        << owner(Kind::Anonymous, {}, {}, QStringLiteral("urn:client"), appA)
        << owner(Kind::Anonymous, {}, {}, QStringLiteral("urn:client"), appA) << good << good;
    QTest::newRow("anonymous, same URI, another instance certificate")
        << owner(Kind::Anonymous, {}, {}, QStringLiteral("urn:client"), appA)
        << owner(Kind::Anonymous, {}, {}, QStringLiteral("urn:client"), appB) << denied
        << Status::BadSecurityChecksFailed;
    QTest::newRow("anonymous, secured before, unsecured now")
        << owner(Kind::Anonymous, {}, {}, QStringLiteral("urn:client"), appA)
        << owner(Kind::Anonymous) << denied << Status::BadSecurityChecksFailed;
    QTest::newRow("same user, another instance certificate")
        << owner(Kind::UserName, QStringLiteral("alice"), {}, QStringLiteral("urn:client"), appA)
        << owner(Kind::UserName, QStringLiteral("alice"), {}, QStringLiteral("urn:client"), appB)
        << good << Status::BadSecurityChecksFailed;
}

void TestProxyTransfer::ownershipRules()
{
    QFETCH(SessionOwner, from);
    QFETCH(SessionOwner, to);
    QFETCH(quint32, takeOver);
    QFETCH(quint32, moveChannel);
    QCOMPARE(statusCodeText(StatusCode{SessionOwner::mayTakeOver(from, to)}),
             statusCodeText(StatusCode{takeOver}));
    QCOMPARE(statusCodeText(StatusCode{SessionOwner::mayMoveChannel(from, to)}),
             statusCodeText(StatusCode{moveChannel}));
}

// Two sessions of one (anonymous) client: the second takes the first one's subscription.
void TestProxyTransfer::transferToAnotherSession()
{
    AttachedClient first(m_proxy.get());
    QVERIFY(first.openChannel());
    QVERIFY(first.openSession().isGood());
    const quint32 id = subscribe(first);
    QVERIFY(id != 0);
    // A Publish of the first session waits (nothing changes on ServiceLevel).
    QVERIFY(!first.call<PublishResponse>(PublishRequest{}));

    AttachedClient second(m_proxy.get());
    QVERIFY(second.openChannel());
    QVERIFY(second.openSession().isGood());
    TransferSubscriptionsRequest transfer;
    transfer.subscriptionIds = {id, id + 100};
    transfer.sendInitialValues = true;
    const auto transferred = second.call<TransferSubscriptionsResponse>(transfer);
    QVERIFY(transferred);
    QCOMPARE(transferred->results.size(), 2);
    QVERIFY(transferred->results[0].statusCode.isGood());
    // Number 1 was never acknowledged: the new session may ask for it again.
    QCOMPARE(transferred->results[0].availableSequenceNumbers, QList<quint32>{1});
    QCOMPARE(transferred->results[1].statusCode.code, Status::BadSubscriptionIdInvalid);

    // The first session's waiting Publish says where its subscription went.
    const auto told = awaitAnswer<PublishResponse>(first);
    QVERIFY(told);
    QCOMPARE(told->subscriptionId, id);
    QCOMPARE(told->notificationMessage.notificationData.size(), 1);
    const auto change = fromExtensionObject<StatusChangeNotification>(
        told->notificationMessage.notificationData.first());
    QVERIFY(change);
    QCOMPARE(change->status.code, Status::GoodSubscriptionTransferred);
    // It has nothing left: no more Publish, and the subscription is not its own.
    QVERIFY(!first.call<PublishResponse>(PublishRequest{}));
    QCOMPARE(first.lastFault().code, Status::BadNoSubscription);
    RepublishRequest republish;
    republish.subscriptionId = id;
    republish.retransmitSequenceNumber = 1;
    QVERIFY(!first.call<RepublishResponse>(republish));
    QCOMPARE(first.lastFault().code, Status::BadSubscriptionIdInvalid);

    // The second session: Republish of number 1, then the initial value as number 2.
    const auto again = second.call<RepublishResponse>(republish);
    QVERIFY(again);
    QCOMPARE(again->notificationMessage.sequenceNumber, 1u);
    std::optional<PublishResponse> published = second.call<PublishResponse>(PublishRequest{});
    if (!published)
        published = awaitAnswer<PublishResponse>(second);
    QVERIFY(published);
    QCOMPARE(published->subscriptionId, id);
    QCOMPARE(published->notificationMessage.sequenceNumber, 2u);
    const auto data = fromExtensionObject<DataChangeNotification>(
        published->notificationMessage.notificationData.value(0));
    QVERIFY(data);
    QCOMPARE(data->monitoredItems.size(), 1);
    QCOMPARE(data->monitoredItems.first().clientHandle, 42u);
    QCOMPARE(std::get<quint8>(data->monitoredItems.first().value.value->value()), quint8(1));

    // A transfer to the session that has it already: Good, nothing moves.
    transfer.subscriptionIds = {id};
    transfer.sendInitialValues = false;
    const auto same = second.call<TransferSubscriptionsResponse>(transfer);
    QVERIFY(same);
    QVERIFY(same->results[0].statusCode.isGood());
    QCOMPARE(same->results[0].availableSequenceNumbers, (QList<quint32>{1, 2}));
    // An empty list is nothing to do.
    transfer.subscriptionIds.clear();
    QVERIFY(!second.call<TransferSubscriptionsResponse>(transfer));
    QCOMPARE(second.lastFault().code, Status::BadNothingToDo);
}

// The client's socket drops; a new channel activates the same session: its subscription
// and sequence numbers go on, the old channel is no longer the session's.
void TestProxyTransfer::sessionMovesToANewChannel()
{
    AttachedClient first(m_proxy.get());
    QVERIFY(first.openChannel());
    QVERIFY(first.openSession().isGood());
    const quint32 id = subscribe(first);
    QVERIFY(id != 0);
    const NodeId token = first.authenticationToken();
    first.disconnect();

    AttachedClient again(m_proxy.get());
    QVERIFY(again.openChannel());
    ActivateSessionRequest activate;
    QVERIFY(callAs<ActivateSessionResponse>(again, token, activate));
    RepublishRequest republish;
    republish.subscriptionId = id;
    republish.retransmitSequenceNumber = 1;
    const auto kept = callAs<RepublishResponse>(again, token, republish);
    QVERIFY(kept);
    QCOMPARE(kept->notificationMessage.sequenceNumber, 1u);

    // A third channel takes the session over while the second is open: the second's
    // requests are refused from then on.
    AttachedClient third(m_proxy.get());
    QVERIFY(third.openChannel());
    QVERIFY(callAs<ActivateSessionResponse>(third, token, activate));
    QVERIFY(!callAs<RepublishResponse>(again, token, republish));
    QCOMPARE(again.lastFault().code, Status::BadSecureChannelIdInvalid);
    QVERIFY(callAs<RepublishResponse>(third, token, republish));
}

// The new session's subscription limit counts what it takes over; past it, the
// subscription stays where it was.
void TestProxyTransfer::newSessionsLimitsApply()
{
    configure(1);
    AttachedClient first(m_proxy.get());
    QVERIFY(first.openChannel());
    QVERIFY(first.openSession().isGood());
    const quint32 id = subscribe(first);
    QVERIFY(id != 0);
    AttachedClient second(m_proxy.get());
    QVERIFY(second.openChannel());
    QVERIFY(second.openSession().isGood());
    QVERIFY(subscribe(second) != 0);

    TransferSubscriptionsRequest transfer;
    transfer.subscriptionIds = {id};
    const auto refused = second.call<TransferSubscriptionsResponse>(transfer);
    QVERIFY(refused);
    QCOMPARE(refused->results[0].statusCode.code, Status::BadTooManySubscriptions);
    RepublishRequest republish;
    republish.subscriptionId = id;
    republish.retransmitSequenceNumber = 1;
    QVERIFY(first.call<RepublishResponse>(republish)); // still the first session's
}

QTEST_GUILESS_MAIN(TestProxyTransfer)
#include "tst_proxytransfer.moc"
