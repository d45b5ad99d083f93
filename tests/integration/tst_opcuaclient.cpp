// core/opcua/Client against real node-opcua servers (tests/support/OpcUaPeer): the
// handshake and secure channel with token renewal, sessions with both identities, the
// typed services, subscriptions, and what a dead, hung or refusing server looks like.
#include "opcua/client.h"
#include "opcuapeer.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

#include <memory>
#include <optional>

using namespace tandem::opcua;
using tandem::test::OpcUaPeer;

namespace {

constexpr int WaitMs = 15000;
constexpr quint16 Offset = 700;
const auto User = QStringLiteral("operator");
const auto Password = QStringLiteral("s3cret pass");

NodeId plant(const char *name)
{
    return NodeId(1, QString::fromLatin1(name));
}

// Runs one service call and waits for its callback.
template <typename Response> struct Result
{
    std::optional<Response> response;
    CallStatus status;
    bool done = false;

    Client::Callback<Response> callback()
    {
        return [this](const Response &r, const CallStatus &s) {
            response = r;
            status = s;
            done = true;
        };
    }
    bool wait(int timeoutMs = WaitMs)
    {
        return QTest::qWaitFor([this] { return done; }, timeoutMs);
    }
};

bool connectClient(Client &client, const QString &url, const Identity &identity = {},
                   bool withSession = true, QString *failure = nullptr)
{
    QSignalSpy connected(&client, &Client::connected);
    QSignalSpy failed(&client, &Client::connectFailed);
    client.connectToServer(url, identity, withSession, WaitMs);
    if (!QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, WaitMs + 5000))
        return false;
    if (!failed.isEmpty() && failure)
        *failure = failed.first().first().toString();
    return !connected.isEmpty();
}

QStringList names(const QList<ReferenceDescription> &references)
{
    QStringList result;
    for (const ReferenceDescription &reference : references)
        result << reference.browseName.name;
    return result;
}

// A TCP relay between the client and a real server that can lose one Publish answer on
// the way, as a flaky network would, and keeps the secure conversation's sequence numbers
// consistent behind it (else the client would rightly close the channel). It counts the
// client's Republish requests.
class LossyRelay final : public QObject
{
public:
    explicit LossyRelay(quint16 serverPort)
        : m_serverPort(serverPort)
    {
        m_listener.listen(QHostAddress::LocalHost);
        connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            m_client = m_listener.nextPendingConnection();
            m_server = new QTcpSocket(this);
            m_server->connectToHost(QHostAddress::LocalHost, m_serverPort);
            connect(m_client, &QTcpSocket::readyRead, this, [this] {
                m_up += m_client->readAll();
                forward(m_up, m_server, false);
            });
            connect(m_server, &QTcpSocket::readyRead, this, [this] {
                m_down += m_server->readAll();
                forward(m_down, m_client, true);
            });
        });
    }
    QString url() const
    {
        return QStringLiteral("opc.tcp://127.0.0.1:%1").arg(m_listener.serverPort());
    }
    void dropNextNotification() { m_dropArmed = true; }
    int dropped() const { return m_dropped; }
    int republishRequests() const { return m_republishes; }

private:
    static constexpr qsizetype SequenceOffset = 16; // MSG: header, channel id, token id

    static quint32 typeIdOf(const QByteArray &frame)
    {
        Reader r(QByteArrayView(frame).sliced(24));
        return readMessageTypeId(r);
    }

    void forward(QByteArray &buffer, QTcpSocket *to, bool fromServer)
    {
        while (buffer.size() >= 8) {
            const quint32 size = qFromLittleEndian<quint32>(buffer.constData() + 4);
            if (quint32(buffer.size()) < size)
                return;
            QByteArray frame = buffer.left(size);
            buffer.remove(0, size);
            const bool isMessage = frame.startsWith("MSGF");
            if (isMessage && !fromServer && typeIdOf(frame) == RepublishRequest::BinaryEncodingId)
                ++m_republishes;
            if (isMessage && fromServer) {
                if (m_dropArmed && typeIdOf(frame) == PublishResponse::BinaryEncodingId) {
                    Reader r(QByteArrayView(frame).sliced(24));
                    readMessageTypeId(r);
                    PublishResponse response;
                    QString error;
                    if (decodeMessageBody(r, &response, &error) &&
                        !response.notificationMessage.notificationData.isEmpty()) {
                        m_dropArmed = false;
                        ++m_dropped;
                        continue;
                    }
                }
                const quint32 sequence =
                    qFromLittleEndian<quint32>(frame.constData() + SequenceOffset);
                qToLittleEndian<quint32>(sequence - quint32(m_dropped),
                                         frame.data() + SequenceOffset);
            }
            to->write(frame);
        }
    }

    quint16 m_serverPort;
    QTcpServer m_listener;
    QTcpSocket *m_client = nullptr;
    QTcpSocket *m_server = nullptr;
    QByteArray m_up, m_down;
    bool m_dropArmed = false;
    int m_dropped = 0;
    int m_republishes = 0;
};

} // namespace

class TestOpcUaClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsServerStatusAndValues();
    void browsesWithContinuationPoints();
    void writesAndReadsBack();
    void subscriptionDeliversEveryChange();
    void lostNotificationIsRepublished();
    void discoveryWithoutSession();
    void renewsTheSecurityToken();
    void userNameIdentity_data();
    void userNameIdentity();
    void unreachableServer();
    void hungServerTimesOut();
    void killedServerIsNoticed();
    void serverThatIsNotOpcUa();

private:
    // A server of its own for the case that hangs and kills it, as a fresh start leaves it
    // (a node-opcua server takes seconds to start).
    OpcUaPeer *spare()
    {
        if (!m_spare)
            m_spare = std::make_unique<OpcUaPeer>();
        return m_spare->restore({}) ? m_spare.get() : nullptr;
    }

    OpcUaPeer m_peer;
    std::unique_ptr<OpcUaPeer> m_spare;
};

void TestOpcUaClient::initTestCase()
{
    QVERIFY(m_peer.start({.offset = Offset}));
}

void TestOpcUaClient::readsServerStatusAndValues()
{
    Client client;
    QVERIFY(connectClient(client, m_peer.url()));
    QCOMPARE(client.state(), Client::State::SessionOpen);
    QVERIFY(client.sessionTimeoutMs() > 0);

    Result<ReadResponse> read;
    client.read({ReadValueId::value(NodeId(0, Id::ServerStatus)),
                 ReadValueId::value(NodeId(0, Id::ServiceLevel)),
                 ReadValueId::value(plant("Offset")), ReadValueId::value(plant("Array")),
                 ReadValueId::value(plant("NoSuchNode"))},
                read.callback());
    QVERIFY(read.wait());
    QVERIFY2(read.status.isGood(), qPrintable(read.status.message));
    const QList<DataValue> &values = read.response->results;
    QCOMPARE(values.size(), 5);

    const Variant status = values[0].value.value_or(Variant());
    QCOMPARE(status.type(), BuiltInType::ExtensionObject);
    const auto serverStatus =
        fromExtensionObject<ServerStatusDataType>(std::get<ExtensionObject>(status.value()));
    QVERIFY(serverStatus);
    QCOMPARE(serverStatus->state, ServerState::Running);
    QCOMPARE(serverStatus->buildInfo.productName, QStringLiteral("Tandem OPC UA test peer"));
    QCOMPARE(serverStatus->secondsTillShutdown, 0u);
    QVERIFY(serverStatus->currentTime >= serverStatus->startTime);

    QCOMPARE(values[1].value->toDouble(), 255.0);
    QCOMPARE(values[2].value->toDouble(), double(Offset));
    QVERIFY(values[3].value->isArray());
    QCOMPARE(values[3].value->toString(), QStringLiteral("[1.5, 2.5, 3.5]"));
    QCOMPARE(values[4].statusCode().code & 0xFFFF0000, Status::BadNodeIdUnknown);
    QCOMPARE(statusCodeText(values[4].statusCode()),
             QStringLiteral("BadNodeIdUnknown (0x80340000)"));

    QSignalSpy disconnected(&client, &Client::disconnected);
    client.disconnectFromServer();
    QVERIFY(disconnected.wait(WaitMs));
    QCOMPARE(disconnected.first().first().toString(), QString());
    QCOMPARE(client.state(), Client::State::Disconnected);
}

void TestOpcUaClient::browsesWithContinuationPoints()
{
    Client client;
    QVERIFY(connectClient(client, m_peer.url()));

    Result<BrowseResponse> objects;
    client.browse({BrowseDescription::childrenOf(NodeId(0, Id::ObjectsFolder))},
                  objects.callback());
    QVERIFY(objects.wait());
    QVERIFY2(objects.status.isGood(), qPrintable(objects.status.message));
    QCOMPARE(objects.response->results.size(), 1);
    const QList<ReferenceDescription> &top = objects.response->results[0].references;
    QVERIFY2(names(top).contains(QStringLiteral("Plant")), qPrintable(names(top).join(u',')));
    QVERIFY(names(top).contains(QStringLiteral("Server")));
    for (const ReferenceDescription &reference : top) {
        if (reference.browseName.name == QLatin1String("Plant")) {
            QCOMPARE(reference.nodeId.nodeId, plant("Plant"));
            QCOMPARE(reference.nodeClass, NodeClass::Object);
            QCOMPARE(reference.displayName.text, QStringLiteral("Plant"));
        }
    }

    // Two references per answer: the rest comes through BrowseNext.
    Result<BrowseResponse> first;
    client.browse({BrowseDescription::childrenOf(plant("Plant"))}, first.callback(), WaitMs, 2);
    QVERIFY(first.wait());
    QVERIFY(first.status.isGood());
    QCOMPARE(first.response->results[0].references.size(), 2);
    QByteArray continuation = first.response->results[0].continuationPoint;
    QVERIFY(!continuation.isEmpty());
    QStringList all = names(first.response->results[0].references);
    int rounds = 0;
    while (!continuation.isEmpty() && ++rounds < 10) {
        Result<BrowseNextResponse> next;
        client.browseNext({continuation}, false, next.callback());
        QVERIFY(next.wait());
        QVERIFY2(next.status.isGood(), qPrintable(next.status.message));
        all << names(next.response->results[0].references);
        continuation = next.response->results[0].continuationPoint;
    }
    all.sort();
    QCOMPARE(all, (QStringList{QStringLiteral("Array"), QStringLiteral("Counter"),
                               QStringLiteral("Flag"), QStringLiteral("History"),
                               QStringLiteral("Offset"), QStringLiteral("Value")}));
}

void TestOpcUaClient::writesAndReadsBack()
{
    Client client;
    QVERIFY(connectClient(client, m_peer.url()));
    WriteValue value;
    value.nodeId = plant("Value");
    value.value.value = Variant(42.5);
    WriteValue readOnly;
    readOnly.nodeId = plant("Offset");
    readOnly.value.value = Variant(qint32(1));
    Result<WriteResponse> written;
    client.write({value, readOnly}, written.callback());
    QVERIFY(written.wait());
    QVERIFY2(written.status.isGood(), qPrintable(written.status.message));
    QCOMPARE(written.response->results.size(), 2);
    QVERIFY(written.response->results[0].isGood());
    QCOMPARE(written.response->results[1].code & 0xFFFF0000, Status::BadNotWritable);

    Result<ReadResponse> read;
    client.read({ReadValueId::value(plant("Value")), ReadValueId::value(plant("Offset"))},
                read.callback());
    QVERIFY(read.wait());
    QCOMPARE(read.response->results[0].value->toDouble(), 42.5);
    QCOMPARE(read.response->results[1].value->toDouble(), double(Offset));
}

void TestOpcUaClient::subscriptionDeliversEveryChange()
{
    Client client;
    QVERIFY(connectClient(client, m_peer.url()));
    CreateSubscriptionRequest request;
    request.requestedPublishingInterval = 50;
    request.requestedMaxKeepAliveCount = 5;
    Result<CreateSubscriptionResponse> subscription;
    client.createSubscription(request, subscription.callback());
    QVERIFY(subscription.wait());
    QVERIFY2(subscription.status.isGood(), qPrintable(subscription.status.message));
    const quint32 id = subscription.response->subscriptionId;

    QSignalSpy changes(&client, &Client::dataChange);
    MonitoredItemCreateRequest counter;
    counter.itemToMonitor.nodeId = plant("Counter");
    counter.requestedParameters.clientHandle = 7;
    counter.requestedParameters.samplingInterval = 0;
    counter.requestedParameters.queueSize = 100; // keep every count between publishes
    MonitoredItemCreateRequest missing;
    missing.itemToMonitor.nodeId = plant("NoSuchNode");
    missing.requestedParameters.clientHandle = 8;
    Result<CreateMonitoredItemsResponse> items;
    client.createMonitoredItems(id, {counter, missing}, items.callback());
    QVERIFY(items.wait());
    QVERIFY2(items.status.isGood(), qPrintable(items.status.message));
    QVERIFY(items.response->results[0].statusCode.isGood());
    QCOMPARE(items.response->results[1].statusCode.code & 0xFFFF0000, Status::BadNodeIdUnknown);

    QTRY_VERIFY_WITH_TIMEOUT(changes.size() >= 10, WaitMs);
    QList<qint64> counts;
    for (const QList<QVariant> &change : changes) {
        QCOMPARE(change[0].value<quint32>(), id);
        QCOMPARE(change[1].value<quint32>(), 7u);
        counts << qint64(change[2].value<DataValue>().value->toDouble().value_or(-1));
    }
    // The counter steps by one every 100 ms: no change may be lost or repeated.
    for (qsizetype i = 1; i < counts.size(); ++i)
        QCOMPARE(counts[i], counts[i - 1] + 1);
    QVERIFY(counts.constFirst() >= Offset);

    Result<DeleteSubscriptionsResponse> deleted;
    client.deleteSubscriptions({id}, deleted.callback());
    QVERIFY(deleted.wait());
    QVERIFY(deleted.status.isGood());
    QVERIFY(deleted.response->results.value(0).isGood());
}

void TestOpcUaClient::lostNotificationIsRepublished()
{
    LossyRelay relay(m_peer.port());
    Client client;
    QVERIFY(connectClient(client, relay.url()));
    CreateSubscriptionRequest request;
    request.requestedPublishingInterval = 100;
    Result<CreateSubscriptionResponse> subscription;
    client.createSubscription(request, subscription.callback());
    QVERIFY(subscription.wait());
    QVERIFY(subscription.status.isGood());
    QSignalSpy changes(&client, &Client::dataChange);
    QSignalSpy lost(&client, &Client::notificationsLost);
    MonitoredItemCreateRequest counter;
    counter.itemToMonitor.nodeId = plant("Counter");
    counter.requestedParameters.samplingInterval = 0;
    counter.requestedParameters.queueSize = 100;
    Result<CreateMonitoredItemsResponse> items;
    client.createMonitoredItems(subscription.response->subscriptionId, {counter}, items.callback());
    QVERIFY(items.wait());
    QTRY_VERIFY_WITH_TIMEOUT(changes.size() >= 3, WaitMs);

    relay.dropNextNotification();
    QTRY_COMPARE_WITH_TIMEOUT(relay.dropped(), 1, WaitMs);
    const qsizetype atDrop = changes.size();
    QTRY_VERIFY_WITH_TIMEOUT(relay.republishRequests() >= 1, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(changes.size() >= atDrop + 10, WaitMs);

    // Every count arrived, and in order: the newer notifications waited until Republish
    // had brought back the lost answer's ones.
    QList<qint64> counts;
    for (const QList<QVariant> &change : changes)
        counts << qint64(change[2].value<DataValue>().value->toDouble().value_or(-1));
    for (qsizetype i = 1; i < counts.size(); ++i)
        QVERIFY2(counts[i] == counts[i - 1] + 1,
                 qPrintable(QStringLiteral("count %1 came after %2 (change %3 of %4, the drop "
                                           "after change %5)")
                                .arg(counts[i])
                                .arg(counts[i - 1])
                                .arg(i)
                                .arg(counts.size())
                                .arg(atDrop)));
    QCOMPARE(lost.size(), 0);
    QCOMPARE(client.state(), Client::State::SessionOpen);
}

void TestOpcUaClient::discoveryWithoutSession()
{
    Client client;
    QVERIFY(connectClient(client, m_peer.url(), {}, false));
    QCOMPARE(client.state(), Client::State::ChannelOpen);

    Result<GetEndpointsResponse> endpoints;
    client.getEndpoints(m_peer.url(), endpoints.callback());
    QVERIFY(endpoints.wait());
    QVERIFY2(endpoints.status.isGood(), qPrintable(endpoints.status.message));
    QVERIFY(!endpoints.response->endpoints.isEmpty());
    const EndpointDescription &endpoint = endpoints.response->endpoints.constFirst();
    QCOMPARE(endpoint.endpointUrl, m_peer.url());
    QCOMPARE(endpoint.securityPolicyUri, SecurityPolicyNone);
    QCOMPARE(endpoint.server.applicationUri, QStringLiteral("urn:tandem:test"));

    Result<FindServersResponse> servers;
    client.findServers(m_peer.url(), servers.callback());
    QVERIFY(servers.wait());
    QVERIFY2(servers.status.isGood(), qPrintable(servers.status.message));
    QCOMPARE(servers.response->servers.size(), 1);
    QCOMPARE(servers.response->servers[0].applicationName.text, QStringLiteral("Tandem test peer"));

    // Session services need a session.
    Result<ReadResponse> read;
    client.read({ReadValueId::value(plant("Offset"))}, read.callback());
    QVERIFY(read.wait());
    QVERIFY(!read.status.isGood());
}

void TestOpcUaClient::renewsTheSecurityToken()
{
    Client client;
    client.setRequestedTokenLifetime(1500);
    QVERIFY(connectClient(client, m_peer.url()));
    const quint32 firstToken = client.securityToken().tokenId;
    QSignalSpy renewed(&client, &Client::tokenRenewed);
    QVERIFY(renewed.wait(WaitMs));
    QVERIFY(renewed.wait(WaitMs));
    QCOMPARE(client.tokenRenewals(), 2);
    QVERIFY(client.securityToken().tokenId != firstToken);
    // Requests keep working with the new token, after the old one has expired.
    Result<ReadResponse> read;
    client.read({ReadValueId::value(plant("Offset"))}, read.callback());
    QVERIFY(read.wait());
    QVERIFY2(read.status.isGood(), qPrintable(read.status.message));
    QCOMPARE(read.response->results[0].value->toDouble(), double(Offset));
}

void TestOpcUaClient::userNameIdentity_data()
{
    // Which user name policies the server offers: the password goes RSA-encrypted with
    // the server's certificate when it can, in clear text only when that is all there is.
    QTest::addColumn<QString>("policies");
    QTest::newRow("encrypted only") << QStringLiteral("encrypted");
    QTest::newRow("plain only") << QStringLiteral("plain");
    QTest::newRow("both") << QStringLiteral("both");
}

void TestOpcUaClient::userNameIdentity()
{
    QFETCH(QString, policies);
    OpcUaPeer secured;
    QVERIFY(secured.start({.offset = 5,
                           .user = User,
                           .password = Password,
                           .anonymous = false,
                           .userPolicies = policies}));
    {
        Client client;
        QString failure;
        QVERIFY2(connectClient(client, secured.url(), {User, Password}, true, &failure),
                 qPrintable(failure));
        Result<ReadResponse> read;
        client.read({ReadValueId::value(plant("Offset"))}, read.callback());
        QVERIFY(read.wait());
        QCOMPARE(read.response->results[0].value->toDouble(), 5.0);
    }
    {
        // Anonymous is refused by this server.
        Client client;
        QString failure;
        QVERIFY(!connectClient(client, secured.url(), {}, true, &failure));
        QVERIFY2(failure.contains(QStringLiteral("does not accept anonymous sessions")),
                 qPrintable(failure));
    }
    {
        Client client;
        QString failure;
        QVERIFY(
            !connectClient(client, secured.url(), {User, QStringLiteral("wrong")}, true, &failure));
        QVERIFY2(failure.contains(QStringLiteral("refused the user name 'operator'")),
                 qPrintable(failure));
        QCOMPARE(client.state(), Client::State::Disconnected);
    }
    {
        // Not allowed in clear text: only where the server offers nothing else does it
        // matter, and then the connection fails and says so.
        Client client;
        QString failure;
        const bool connected = connectClient(
            client, secured.url(), {User, Password, /*allowClearText=*/false}, true, &failure);
        QCOMPARE(connected, policies != QLatin1String("plain"));
        if (!connected)
            QVERIFY2(failure.contains(QStringLiteral("only in clear text, which the pair does "
                                                     "not allow")),
                     qPrintable(failure));
    }
    {
        // A peer without users offers no user name policy at all.
        Client client;
        QString failure;
        QVERIFY(!connectClient(client, m_peer.url(), {User, Password}, true, &failure));
        QVERIFY2(failure.contains(QStringLiteral("does not accept user names")),
                 qPrintable(failure));
    }
}

void TestOpcUaClient::unreachableServer()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    Client client;
    QString failure;
    QVERIFY(!connectClient(client, QStringLiteral("opc.tcp://127.0.0.1:%1").arg(port), {}, true,
                           &failure));
    QVERIFY2(failure.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(failure));

    QVERIFY(!connectClient(client, QStringLiteral("http://127.0.0.1:80"), {}, true, &failure));
    QVERIFY2(failure.contains(QStringLiteral("is not an OPC UA URL")), qPrintable(failure));
}

void TestOpcUaClient::hungServerTimesOut()
{
    QVERIFY(spare());
    OpcUaPeer &peer = *m_spare;
    Client client;
    QVERIFY(connectClient(client, peer.url()));
    peer.hang();
    Result<ReadResponse> read;
    client.read({ReadValueId::value(plant("Offset"))}, read.callback(), 300);
    QVERIFY(read.wait());
    QCOMPARE(read.status.status.code, Status::BadTimeout);
    QVERIFY2(read.status.message.contains(QStringLiteral("300 ms")),
             qPrintable(read.status.message));

    Client late;
    QSignalSpy failed(&late, &Client::connectFailed);
    late.connectToServer(peer.url(), {}, true, 500);
    QVERIFY(failed.wait(WaitMs));
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("timeout")),
             qPrintable(failed.first().first().toString()));
    peer.resume();
    // An answer that comes after its request gave up is dropped, not given to the next.
    Result<ReadResponse> again;
    client.read({ReadValueId::value(plant("Offset"))}, again.callback());
    QVERIFY(again.wait());
    QVERIFY2(again.status.isGood(), qPrintable(again.status.message));
    QCOMPARE(again.response->results[0].value->toDouble(), 0.0);
}

void TestOpcUaClient::killedServerIsNoticed()
{
    QVERIFY(spare());
    OpcUaPeer &peer = *m_spare;
    Client client;
    QVERIFY(connectClient(client, peer.url()));
    QSignalSpy disconnected(&client, &Client::disconnected);
    peer.hang();
    Result<ReadResponse> pending;
    client.read({ReadValueId::value(plant("Offset"))}, pending.callback());
    peer.kill();
    QVERIFY(disconnected.wait(WaitMs));
    QVERIFY(!disconnected.first().first().toString().isEmpty());
    QVERIFY(pending.wait());
    QCOMPARE(pending.status.status.code, Status::BadConnectionClosed);
    QCOMPARE(client.state(), Client::State::Disconnected);
}

void TestOpcUaClient::serverThatIsNotOpcUa()
{
    // A server that answers the Hello with garbage: a clear error, not a hang or a crash.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QTcpServer::newConnection, this, [&server] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->write("HTTP/1.1 400 Bad Request\r\n\r\n");
        });
    });
    Client client;
    QString failure;
    QVERIFY(!connectClient(client,
                           QStringLiteral("opc.tcp://127.0.0.1:%1").arg(server.serverPort()), {},
                           true, &failure));
    QVERIFY2(failure.contains(QStringLiteral("broken message")), qPrintable(failure));
}

QTEST_GUILESS_MAIN(TestOpcUaClient)
#include "tst_opcuaclient.moc"
