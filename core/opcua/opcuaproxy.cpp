#include "opcuaproxy.h"

#include "base/logging.h"
#include "base/streamconnection.h"
#include "channeldeadline.h"
#include "client.h"
#include "engine/clienteventlimiter.h"
#include "engine/listenerevents.h"
#include "events/eventlog.h"
#include "opcualink.h"
#include "secrets/passwordstore.h"
#include "sessionadmission.h"

#include <QRandomGenerator>
#include <QUrl>

#include <deque>
#include <set>

namespace tandem::opcua {

namespace {

constexpr int HousekeepingIntervalMs = 100;
constexpr int MinSessionTimeoutMs = 10000;
constexpr int MaxSessionTimeoutMs = 3600000;
constexpr int DefaultSessionTimeoutMs = 60000;
constexpr int StandbyBufferMinMs = 5000;
constexpr int StandbyBufferMaxEntries = 20000;
const QString AnonymousPolicy = QStringLiteral("anonymous");
const QString UserNamePolicy = QStringLiteral("username");
const QString TransportProfile =
    QStringLiteral("http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary");

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), count / 4);
    return bytes;
}

DateTime now()
{
    return DateTime::fromQDateTime(QDateTime::currentDateTimeUtc());
}

// A server's answer that concerns its session with the proxy, not the client's: the
// client must not take it for the end of its own session.
bool isBackendSessionStatus(quint32 code)
{
    switch (code & 0xFFFF0000) {
    case Status::BadSessionIdInvalid:
    case Status::BadSessionClosed:
    case Status::BadSessionNotActivated:
    case Status::BadSecureChannelIdInvalid:
    case Status::BadSecureChannelClosed:
    case Status::BadConnectionClosed:
    case Status::BadNotConnected:
        return true;
    default:
        return false;
    }
}

QString healthOf(const SideStatus &s)
{
    if (!s.connected)
        return QStringLiteral("disconnected");
    if (s.shutdown)
        return QStringLiteral("shutdown");
    if (!s.statusOk || s.monitorFailed)
        return QStringLiteral("failed");
    if (s.degraded)
        return QStringLiteral("degraded");
    return QStringLiteral("healthy");
}

// The timestamps a client asked for on a monitored item.
DataValue withTimestamps(DataValue value, TimestampsToReturn timestamps)
{
    if (timestamps == TimestampsToReturn::Server || timestamps == TimestampsToReturn::Neither) {
        value.sourceTimestamp.reset();
        value.sourcePicoseconds.reset();
    }
    if (timestamps == TimestampsToReturn::Source || timestamps == TimestampsToReturn::Neither) {
        value.serverTimestamp.reset();
        value.serverPicoseconds.reset();
    }
    return value;
}

} // namespace

struct OpcUaProxy::Connection
{
    int id = 0;
    std::unique_ptr<ServerChannel> channel;
    WriteFunction write;
    std::function<void()> close;
    QString peer;    // address:port, for the log and events
    QString address; // what sessions and logins are counted by
    quint16 peerPort = 0;
    qint64 connectedAt = 0;
    qint64 lastMessageAt = 0; // a request or an OpenSecureChannel
    quint32 lastTokenId = 0;
    StreamConnection *socket = nullptr;
};

struct OpcUaProxy::PendingPublish
{
    int connection = 0;
    quint32 requestId = 0;
    quint32 requestHandle = 0;
    QList<StatusCode> results; // of the acknowledgements it carried
    qint64 deadline = 0;       // 0: none
};

struct OpcUaProxy::Session
{
    quint32 id = 0;
    NodeId sessionId;
    NodeId authenticationToken;
    QString name;
    QString address; // of the client that created it
    qint64 createdAt = 0;
    qint64 timeoutMs = DefaultSessionTimeoutMs;
    qint64 lastUsed = 0;
    int connection = 0; // the channel it was created or last activated on
    bool activated = false;
    std::deque<PendingPublish> publishQueue;
    QList<quint32> subscriptions; // the client's ids, in order of creation
};

struct OpcUaProxy::Item
{
    quint32 id = 0;                     // the proxy's id, also the servers' client handle
    MonitoredItemCreateRequest request; // as the client asked, with its own handle
    TimestampsToReturn timestamps = TimestampsToReturn::Both;
    bool local = false; // a node the proxy answers itself (ProxyNodes)
    std::array<quint32, 2> backendIds{};
    std::array<bool, 2> creating{}; // on that side's mirror, answer awaited
    std::optional<DataValue> lastLocal;
};

struct OpcUaProxy::Subscription
{
    Subscription(quint32 id, const SubscriptionParameters &parameters)
        : engine(id, parameters)
    {}

    struct Mirror
    {
        quint32 id = 0;    // the subscription on that server; 0: none
        quint64 token = 0; // of the CreateSubscription on its way; 0: none
    };
    struct Buffered
    {
        qint64 at;
        Side side;
        quint32 item;
        DataValue value;
    };

    ProxySubscription engine;
    Session *session = nullptr;
    QTimer timer;
    std::map<quint32, Item> items;
    std::array<Mirror, 2> mirrors;
    std::deque<Buffered> standby; // Hot: what the other server reported lately
    qint64 lastActiveAt = -1;     // arrival of the active server's last notification
};

struct OpcUaProxy::Forward
{
    quint64 id = 0;
    int connection = 0;
    quint32 requestId = 0;
    quint32 requestHandle = 0;
    bool replayable = true;
    qint64 deadline = 0;
    Side side = Side::None; // where it went; None: waiting for a server
    quint64 attempt = 0;
    QPointer<Client> client;
    // Hot: a read-only request goes to the standby too; its good answer is kept, and
    // answers the client at once if the standby becomes active before the active answered.
    bool toStandby = false;
    Side standby = Side::None;
    std::function<void()> standbyAnswer;
    // Sends this attempt to a server; standby: the copy whose answer is only kept.
    std::function<void(Forward *, Client *, bool standby)> send;
};

OpcUaProxy::OpcUaProxy(PairRuntime *runtime, const Endpoint &endpoint, EventLog *events,
                       const Clock *clock, QObject *parent)
    : PairProxy(parent)
    , m_runtime(runtime)
    , m_events(events)
    , m_endpoint(endpoint)
    , m_server(new StreamListener(this))
    , m_clock(clock)
{
    connect(m_server, &StreamListener::accepted, this, &OpcUaProxy::onNewConnection);
    m_housekeeping = m_clock->createTimer([this] { housekeeping(); });
    m_housekeeping->start(HousekeepingIntervalMs);
    if (!m_runtime)
        return;
    reportListenerEvents(m_server, m_runtime, m_events);
    connect(m_runtime, &PairRuntime::activeChanged, this, &OpcUaProxy::onActiveChanged);
    for (Side side : {Side::Primary, Side::Secondary}) {
        if (auto *link = qobject_cast<OpcUaLink *>(m_runtime->link(side)))
            connect(link, &OpcUaLink::sessionChanged, this,
                    [this, side] { onSessionChanged(side); });
        onSessionChanged(side);
    }
}

OpcUaProxy::~OpcUaProxy()
{
    // The servers' mirrors go with the engine's sessions; only the clients are told.
    for (const auto &[id, connection] : m_connections)
        if (connection->socket)
            connection->socket->abort();
}

bool OpcUaProxy::listen(QString *error)
{
    return m_server->listenOn(m_endpoint.listenAddress(), m_endpoint.port, m_endpoint.host, error);
}

quint16 OpcUaProxy::port() const
{
    return m_server->serverPort();
}

int OpcUaProxy::clientCount() const
{
    return int(m_connections.size());
}

QString OpcUaProxy::endpointUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("opc.tcp"));
    url.setHost(m_endpoint.host.isEmpty() || m_endpoint.isWildcard() ? QStringLiteral("localhost")
                                                                     : m_endpoint.host);
    url.setPort(port() ? port() : m_endpoint.port);
    url.setPath(m_endpoint.path);
    return url.toString();
}

ProxyState OpcUaProxy::state() const
{
    ProxyState s;
    if (!m_runtime)
        return s;
    const PairConfig &config = m_runtime->config();
    s.pair = config.name;
    s.mode = connectionModeKey(config.mode);
    const Side active = m_runtime->active();
    s.activeSide = sideKey(active);
    s.activeMachine = active == Side::None ? QString() : m_runtime->link(active)->machine();
    const SideStatus primary = m_runtime->sideStatus(Side::Primary);
    const SideStatus secondary = m_runtime->sideStatus(Side::Secondary);
    s.primaryMachine = m_runtime->link(Side::Primary)->machine();
    s.primaryHealth = healthOf(primary);
    s.secondaryMachine = m_runtime->link(Side::Secondary)->machine();
    s.secondaryHealth = healthOf(secondary);
    s.failovers = quint32(m_runtime->failoverCount());
    s.lastFailover = m_runtime->lastFailover();
    s.lastSwitchReason = m_runtime->lastSwitchReason();
    s.selection = m_runtime->isPassThrough() ? QStringLiteral("pass-through (redundancy disabled)")
                  : m_runtime->pinned() != Side::None ? QStringLiteral("held by the operator")
                                                      : QStringLiteral("automatic");
    // ServiceLevel (OPC 10000-4, 6.6.2.4.2): 1 no data, degraded as the active server
    // says, 255 healthy with a healthy standby, 200 healthy without one.
    if (active == Side::None) {
        s.serviceLevel = 1;
    } else {
        const SideStatus &a = active == Side::Primary ? primary : secondary;
        const SideStatus &b = active == Side::Primary ? secondary : primary;
        // The level itself, not the event text (which is translated).
        const auto *link = qobject_cast<OpcUaLink *>(m_runtime->link(active));
        if (a.degraded && link && link->serviceLevel() > 0)
            s.serviceLevel = quint8(std::clamp(link->serviceLevel(), 2, 199));
        else
            s.serviceLevel = healthOf(b) == QLatin1String("healthy") ? 255 : 200;
    }
    return s;
}

// Connections and the secure channel.

void OpcUaProxy::onNewConnection(StreamConnection *socket)
{
    const int id = attach([socket](const QByteArray &bytes) { socket->write(bytes); },
                          [socket] { socket->abort(); }, socket->peer());
    Connection *c = m_connections.at(id).get();
    c->socket = socket;
    c->peerPort = socket->peerPort();
    if (const qsizetype colon = c->peer.lastIndexOf(QLatin1Char(':')); colon > 0)
        c->address = c->peer.left(colon); // without the port
    connect(socket, &StreamConnection::readyRead, this, [this, id, socket] {
        QByteArray bytes;
        const bool open = socket->readInto(bytes);
        if (!bytes.isEmpty())
            receive(id, bytes);
        if (!open)
            detach(id);
    });
    connect(socket, &StreamConnection::closed, this, [this, id] { detach(id); });
}

int OpcUaProxy::attach(WriteFunction write, std::function<void()> close, const QString &peer)
{
    auto c = std::make_unique<Connection>();
    c->id = m_nextConnection++;
    ServerChannelOptions options;
    // The proxy's own maximum, below the transport's; chunks as many as that size needs.
    options.limits.maxMessageSize = quint32(limits().maxMessageSize);
    options.limits.maxChunkCount = 0;
    c->channel = std::make_unique<ServerChannel>(quint32(c->id), options);
    c->write = std::move(write);
    c->close = std::move(close);
    c->peer = peer;
    c->address = peer;
    c->connectedAt = c->lastMessageAt = nowMs();
    const int id = c->id;
    m_connections.emplace(id, std::move(c));
    return id;
}

void OpcUaProxy::receive(int id, QByteArrayView bytes)
{
    auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    Connection *c = it->second.get();
    c->channel->setNow(nowMs());
    const bool ok = c->channel->feed(bytes);
    const QList<ServerChannel::Request> requests = c->channel->takeRequests();
    // A message, not bytes: a client trickling a chunk it never ends is idle.
    if (!requests.isEmpty() || c->channel->tokenId() != c->lastTokenId) {
        c->lastMessageAt = nowMs();
        c->lastTokenId = c->channel->tokenId();
    }
    for (const ServerChannel::Request &request : requests) {
        handleRequest(c, request);
        if (!m_connections.count(id))
            return; // closed by the request
    }
    flush(c);
    if (!ok)
        closeConnection(c, c->channel->error(), !c->channel->closedByClient());
}

void OpcUaProxy::detach(int id)
{
    auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    std::unique_ptr<Connection> c = std::move(it->second);
    m_connections.erase(it);
    std::vector<Session *> unactivated;
    for (auto &[sid, session] : m_sessions) {
        std::erase_if(session->publishQueue,
                      [id](const PendingPublish &p) { return p.connection == id; });
        if (session->connection == id && !session->activated)
            unactivated.push_back(session.get());
    }
    // Kept for a reconnect only once activated: the others cannot be used on another channel.
    for (Session *session : unactivated)
        endSession(session, QStringLiteral("its secure channel closed before it was activated"));
    if (c->socket)
        c->socket->deleteLater();
}

void OpcUaProxy::flush(Connection *c)
{
    const QByteArray out = c->channel->takeOutput();
    if (!out.isEmpty() && c->write)
        c->write(out);
}

void OpcUaProxy::closeConnection(Connection *c, const QString &reason, bool malformed)
{
    flush(c); // the ERR message, if any
    const QString pair = m_runtime ? m_runtime->config().name : QString();
    if (malformed) {
        qCWarning(lcOpcUa) << pair << "client" << c->peer << "closed:" << reason;
        if (m_runtime)
            m_runtime->clientEvents()->post(
                QStringLiteral("client-malformed"), {pair, c->peer, reason},
                c->socket ? c->socket->descriptor() : -1, c->peerPort, port());
    }
    const int id = c->id;
    auto close = c->close;
    detach(id);
    if (close)
        close();
}

template <typename Response> Response OpcUaProxy::answer(const RequestHeader &header) const
{
    Response response;
    response.responseHeader.requestHandle = header.requestHandle;
    response.responseHeader.timestamp = now();
    return response;
}

template <typename Response>
void OpcUaProxy::reply(Connection *c, quint32 requestId, const Response &response)
{
    respond(c, requestId, response.responseHeader.requestHandle, encodeMessage(response));
}

void OpcUaProxy::respond(Connection *c, quint32 requestId, quint32 requestHandle,
                         const QByteArray &body)
{
    c->channel->sendResponse(requestId, requestHandle, body);
    flush(c);
}

void OpcUaProxy::fault(Connection *c, quint32 requestId, quint32 requestHandle, quint32 status)
{
    c->channel->sendServiceFault(requestId, requestHandle, StatusCode{status});
    flush(c);
}

void OpcUaProxy::handleRequest(Connection *c, const ServerChannel::Request &request)
{
    Reader r(request.body);
    readMessageTypeId(r);
    QString error;
    // Decodes the request as T or closes the channel: a client that sends what it
    // cannot mean is not guessed at.
    auto decoded = [&]<typename T>(T *message) {
        if (decodeMessageBody(r, message, &error))
            return true;
        c->channel->fail(StatusCode{Status::BadDecodingError},
                         tr("undecodable request (type i=%1): %2").arg(request.typeId).arg(error));
        closeConnection(c, c->channel->error(), true);
        return false;
    };
    const quint32 id = request.requestId;

    switch (request.typeId) {
    case GetEndpointsRequest::BinaryEncodingId: {
        GetEndpointsRequest m;
        if (!decoded(&m))
            return;
        auto response = answer<GetEndpointsResponse>(m.requestHeader);
        response.endpoints = endpoints(m.endpointUrl);
        reply(c, id, response);
        return;
    }
    case FindServersRequest::BinaryEncodingId: {
        FindServersRequest m;
        if (!decoded(&m))
            return;
        auto response = answer<FindServersResponse>(m.requestHeader);
        const ApplicationDescription app = application();
        if (m.serverUris.isEmpty() || m.serverUris.contains(app.applicationUri))
            response.servers.append(app);
        reply(c, id, response);
        return;
    }
    case CreateSessionRequest::BinaryEncodingId: {
        CreateSessionRequest m;
        if (decoded(&m))
            createSession(c, id, m);
        return;
    }
    case ActivateSessionRequest::BinaryEncodingId: {
        ActivateSessionRequest m;
        if (decoded(&m))
            activateSession(c, id, m);
        return;
    }
    case CloseSessionRequest::BinaryEncodingId: {
        CloseSessionRequest m;
        if (decoded(&m))
            closeSession(c, id, m);
        return;
    }
    default:
        break;
    }

    // The services of an activated session.
#define TANDEM_SESSION_SERVICE(Type, handler)                                                      \
    case Type::BinaryEncodingId: {                                                                 \
        Type m;                                                                                    \
        if (!decoded(&m))                                                                          \
            return;                                                                                \
        if (Session *session = sessionFor(c, id, m.requestHeader))                                 \
            handler(c, id, session, std::move(m));                                                 \
        return;                                                                                    \
    }
    switch (request.typeId) {
        TANDEM_SESSION_SERVICE(ReadRequest, read)
        TANDEM_SESSION_SERVICE(WriteRequest, write)
        TANDEM_SESSION_SERVICE(BrowseRequest, browse)
        TANDEM_SESSION_SERVICE(CreateSubscriptionRequest, createSubscription)
        TANDEM_SESSION_SERVICE(ModifySubscriptionRequest, modifySubscription)
        TANDEM_SESSION_SERVICE(SetPublishingModeRequest, setPublishingMode)
        TANDEM_SESSION_SERVICE(DeleteSubscriptionsRequest, deleteSubscriptions)
        TANDEM_SESSION_SERVICE(CreateMonitoredItemsRequest, createMonitoredItems)
        TANDEM_SESSION_SERVICE(ModifyMonitoredItemsRequest, modifyMonitoredItems)
        TANDEM_SESSION_SERVICE(SetMonitoringModeRequest, setMonitoringMode)
        TANDEM_SESSION_SERVICE(DeleteMonitoredItemsRequest, deleteMonitoredItems)
        TANDEM_SESSION_SERVICE(PublishRequest, publish)
        TANDEM_SESSION_SERVICE(RepublishRequest, republish)
    case BrowseNextRequest::BinaryEncodingId: {
        BrowseNextRequest m;
        if (!decoded(&m))
            return;
        if (sessionFor(c, id, m.requestHeader))
            forward<BrowseNextRequest, BrowseNextResponse>(c, id, std::move(m), true, false);
        return;
    }
    case TranslateBrowsePathsToNodeIdsRequest::BinaryEncodingId: {
        TranslateBrowsePathsToNodeIdsRequest m;
        if (!decoded(&m))
            return;
        if (sessionFor(c, id, m.requestHeader))
            forward<TranslateBrowsePathsToNodeIdsRequest, TranslateBrowsePathsToNodeIdsResponse>(
                c, id, std::move(m), true, true);
        return;
    }
    default: {
        // Every request starts with its header: answer with its handle.
        RequestHeader header;
        decode(r, header);
        if (!r.ok()) {
            c->channel->fail(StatusCode{Status::BadDecodingError},
                             tr("undecodable request (type i=%1)").arg(request.typeId));
            closeConnection(c, c->channel->error(), true);
            return;
        }
        fault(c, id, header.requestHandle, Status::BadServiceUnsupported);
        return;
    }
    }
#undef TANDEM_SESSION_SERVICE
}

// Discovery and sessions.

ApplicationDescription OpcUaProxy::application() const
{
    ApplicationDescription app;
    const QString pair = m_runtime ? m_runtime->config().name : QStringLiteral("pair");
    app.applicationUri = QStringLiteral("urn:tandem:%1").arg(pair);
    app.productUri = QStringLiteral("urn:tandem");
    app.applicationName = LocalizedText{QString(), QStringLiteral("Tandem %1").arg(pair)};
    app.applicationType = ApplicationType::Server;
    app.discoveryUrls = {endpointUrl()};
    return app;
}

QList<EndpointDescription> OpcUaProxy::endpoints(const QString &requestedUrl) const
{
    EndpointDescription e;
    // The URL the client used when it names this endpoint (a host name or address the
    // proxy cannot know), else the proxy's own.
    const QUrl asked(requestedUrl);
    e.endpointUrl = asked.isValid() && asked.scheme() == QLatin1String("opc.tcp") &&
                            asked.path() == m_endpoint.path
                        ? requestedUrl
                        : endpointUrl();
    e.server = application();
    e.securityMode = MessageSecurityMode::None;
    e.securityPolicyUri = SecurityPolicyNone;
    UserTokenPolicy policy;
    const bool withUser = !config().user.isEmpty();
    policy.policyId = withUser ? UserNamePolicy : AnonymousPolicy;
    policy.tokenType = withUser ? UserTokenType::UserName : UserTokenType::Anonymous;
    policy.securityPolicyUri = withUser ? SecurityPolicyNone : QString();
    e.userIdentityTokens = {policy};
    e.transportProfileUri = TransportProfile;
    e.securityLevel = 0;
    return {e};
}

void OpcUaProxy::createSession(Connection *c, quint32 requestId,
                               const CreateSessionRequest &request)
{
    QList<SessionSummary> sessions;
    for (const auto &[id, s] : m_sessions)
        sessions.append(
            {id, s->address, s->activated, m_connections.count(s->connection) > 0, s->createdAt});
    const SessionAdmission admission = SessionAdmission::decide(
        sessions, c->address, limits().maxSessions, limits().maxSessionsPerAddress);
    if (!admission.admitted) {
        qCWarning(lcOpcUa) << "proxy" << config().name << "refused a session of" << c->peer << ":"
                           << admission.reason;
        fault(c, requestId, request.requestHeader.requestHandle, Status::BadTooManySessions);
        return;
    }
    for (quint32 id : admission.evict)
        if (const auto it = m_sessions.find(id); it != m_sessions.end())
            endSession(it->second.get(), QStringLiteral("made room for a new session"));
    auto session = std::make_unique<Session>();
    session->id = m_nextSession++;
    session->sessionId = NodeId(0, QUuid::createUuid());
    session->authenticationToken = NodeId(0, randomBytes(32));
    session->name = request.sessionName;
    const double requested = request.requestedSessionTimeout;
    session->timeoutMs =
        requested > 0 && std::isfinite(requested)
            ? qint64(std::clamp<double>(requested, MinSessionTimeoutMs, MaxSessionTimeoutMs))
            : DefaultSessionTimeoutMs;
    session->connection = c->id;
    session->address = c->address;
    session->createdAt = session->lastUsed = nowMs();

    auto response = answer<CreateSessionResponse>(request.requestHeader);
    response.sessionId = session->sessionId;
    response.authenticationToken = session->authenticationToken;
    response.revisedSessionTimeout = double(session->timeoutMs);
    response.serverNonce = randomBytes(32);
    response.serverEndpoints = endpoints(request.endpointUrl);
    qCInfo(lcOpcUa) << "proxy" << (m_runtime ? m_runtime->config().name : QString()) << "session"
                    << session->id << request.sessionName << "from" << c->peer;
    m_sessions.emplace(session->id, std::move(session));
    reply(c, requestId, response);
}

void OpcUaProxy::activateSession(Connection *c, quint32 requestId,
                                 const ActivateSessionRequest &request)
{
    const quint32 handle = request.requestHeader.requestHandle;
    Session *session = nullptr;
    for (const auto &[id, s] : m_sessions)
        if (s->authenticationToken == request.requestHeader.authenticationToken)
            session = s.get();
    if (!session) {
        fault(c, requestId, handle, Status::BadSessionIdInvalid);
        return;
    }
    const QString user = config().user;
    const ExtensionObject &token = request.userIdentityToken;
    const bool anonymous = token.typeId.isNull() ||
                           token.typeId == NodeId(0, AnonymousIdentityToken::BinaryEncodingId);
    const quint32 sessionId = session->id;
    const int connection = c->id;
    const auto accept = [this, sessionId, connection, requestId, handle] {
        auto s = m_sessions.find(sessionId);
        auto c = m_connections.find(connection);
        if (c == m_connections.end())
            return;
        if (s == m_sessions.end()) {
            fault(c->second.get(), requestId, handle, Status::BadSessionIdInvalid);
            return;
        }
        s->second->activated = true;
        s->second->connection = connection;
        s->second->lastUsed = nowMs();
        RequestHeader header;
        header.requestHandle = handle;
        auto response = answer<ActivateSessionResponse>(header);
        response.serverNonce = randomBytes(32);
        reply(c->second.get(), requestId, response);
    };
    const auto refuse = [this, connection, requestId, handle](quint32 status, const QString &why) {
        auto c = m_connections.find(connection);
        qCWarning(lcOpcUa) << "proxy" << (m_runtime ? m_runtime->config().name : QString())
                           << "refused a session of"
                           << (c != m_connections.end() ? c->second->peer : QString()) << ":"
                           << why;
        if (c != m_connections.end())
            fault(c->second.get(), requestId, handle, status);
    };
    if (user.isEmpty()) {
        if (anonymous)
            accept();
        else
            refuse(Status::BadIdentityTokenRejected,
                   QStringLiteral("only anonymous sessions are allowed"));
        return;
    }
    const auto userToken = fromExtensionObject<UserNameIdentityToken>(token);
    if (!userToken) {
        refuse(anonymous ? Status::BadIdentityTokenRejected : Status::BadIdentityTokenInvalid,
               QStringLiteral("the pair requires user %1").arg(user));
        return;
    }
    // A user name and password: a guess, unless this address may not guess now. The same
    // answer either way, and unlogged (the lockout's event said it), so a locked-out
    // guesser learns nothing and floods nothing.
    const QString address = c->address;
    m_logins.setLimits(limits().loginAttempts, limits().loginLockoutMs); // as configured now
    if (!m_logins.tryBegin(address, nowMs())) {
        fault(c, requestId, handle, Status::BadUserAccessDenied);
        return;
    }
    if (userToken->userName != user || !userToken->encryptionAlgorithm.isEmpty()) {
        const QString why =
            QStringLiteral("user name %1 is not the pair's").arg(userToken->userName);
        loginFailed(address, why);
        refuse(Status::BadUserAccessDenied, why);
        return;
    }
    const QByteArray password = userToken->password;
    PasswordStore::read(
        PasswordStore::opcUaKey(user), this,
        [this, accept, refuse, password, address](const PasswordStore::Result &r) {
            if (!r.ok) {
                m_logins.cancelled(address);
                refuse(Status::BadUserAccessDenied,
                       QStringLiteral("the keychain has no password: %1").arg(r.error));
            } else if (r.password.toUtf8() != password) {
                loginFailed(address, QStringLiteral("wrong password"));
                refuse(Status::BadUserAccessDenied, QStringLiteral("wrong password"));
            } else {
                m_logins.succeeded(address);
                accept();
            }
        });
}

void OpcUaProxy::loginFailed(const QString &address, const QString &why)
{
    const qint64 lockout = m_logins.failed(address, nowMs());
    if (lockout == 0)
        return;
    const QString pair = config().name;
    const int failures = m_logins.failures(address);
    qCWarning(lcOpcUa) << "proxy" << pair << "locks out logins from" << address << "for" << lockout
                       << "ms after" << failures << "failures, the last:" << why;
    if (m_events)
        m_events->post(
            QStringLiteral("client-login-locked"), pair,
            {pair, address, QString::number((lockout + 999) / 1000), QString::number(failures)});
}

void OpcUaProxy::closeSession(Connection *c, quint32 requestId, const CloseSessionRequest &request)
{
    Session *session = sessionFor(c, requestId, request.requestHeader);
    if (!session)
        return;
    endSession(session, QStringLiteral("closed by the client"));
    reply(c, requestId, answer<CloseSessionResponse>(request.requestHeader));
}

OpcUaProxy::Session *OpcUaProxy::sessionFor(Connection *c, quint32 requestId,
                                            const RequestHeader &header)
{
    for (const auto &[id, s] : m_sessions) {
        if (s->authenticationToken != header.authenticationToken)
            continue;
        if (!s->activated) {
            fault(c, requestId, header.requestHandle, Status::BadSessionNotActivated);
            return nullptr;
        }
        if (s->connection != c->id) {
            fault(c, requestId, header.requestHandle, Status::BadSecureChannelIdInvalid);
            return nullptr;
        }
        touch(s.get());
        return s.get();
    }
    fault(c, requestId, header.requestHandle, Status::BadSessionIdInvalid);
    return nullptr;
}

void OpcUaProxy::touch(Session *session)
{
    session->lastUsed = nowMs();
}

void OpcUaProxy::endSession(Session *session, const QString &reason)
{
    qCInfo(lcOpcUa) << "proxy" << (m_runtime ? m_runtime->config().name : QString()) << "session"
                    << session->id << "ended:" << reason;
    for (quint32 id : QList<quint32>(session->subscriptions))
        if (Subscription *s = subscriptionOf(session, id))
            deleteSubscription(s);
    for (const PendingPublish &p : session->publishQueue) {
        auto c = m_connections.find(p.connection);
        if (c != m_connections.end())
            fault(c->second.get(), p.requestId, p.requestHandle, Status::BadSessionClosed);
    }
    m_sessions.erase(session->id);
}

// Forwarded services.

int OpcUaProxy::requestTimeoutMs(const RequestHeader &header) const
{
    if (header.timeoutHint == 0)
        return DefaultRequestTimeoutMs;
    return int(std::min<quint32>(header.timeoutHint, MaxRequestTimeoutMs));
}

template <typename Request, typename Response>
void OpcUaProxy::forward(Connection *c, quint32 requestId, Request request, bool replayable,
                         bool toStandby, std::function<void(Response &)> adjust)
{
    auto f = std::make_unique<Forward>();
    f->id = m_nextForward++;
    f->connection = c->id;
    f->requestId = requestId;
    f->requestHandle = request.requestHeader.requestHandle;
    f->replayable = replayable;
    f->deadline = nowMs() + requestTimeoutMs(request.requestHeader);
    const quint64 id = f->id;
    f->toStandby = toStandby;
    // The client's answer from a server's response.
    const auto answer = [this, adjust = std::move(adjust)](Forward *f, Response &response) {
        const auto c = m_connections.find(f->connection);
        if (c != m_connections.end()) {
            response.responseHeader.requestHandle = f->requestHandle;
            response.responseHeader.timestamp = now();
            if (adjust)
                adjust(response);
            reply(c->second.get(), f->requestId, response);
        }
        finishForward(f);
    };
    f->send = [this, id, request = std::move(request), answer](Forward *f, Client *client,
                                                               bool standby) {
        const quint64 attempt = f->attempt;
        const int left = int(std::max<qint64>(1, f->deadline - nowMs()));
        client->call<Response>(
            request,
            [this, self = QPointer<OpcUaProxy>(this), id, attempt, standby,
             answer](Response response, const CallStatus &status) {
                if (!self)
                    return; // the pair stopped while the server answered
                const auto it = m_forwards.find(id);
                if (it == m_forwards.end() || it->second->attempt != attempt)
                    return; // answered already, or sent again elsewhere
                Forward *f = it->second.get();
                if (standby) {
                    if (status.isGood())
                        f->standbyAnswer = [this, id, answer, response]() mutable {
                            const auto it = m_forwards.find(id);
                            if (it != m_forwards.end())
                                answer(it->second.get(), response);
                        };
                    return;
                }
                if (!status.isGood()) {
                    quint32 code = status.status.code;
                    if (isBackendSessionStatus(code)) {
                        // The server's session with the proxy ended under the request:
                        // a read goes again once a server is there, a write fails.
                        if (f->replayable) {
                            f->side = Side::None;
                            f->client = nullptr;
                            return; // dispatched again by onSessionChanged/onActiveChanged
                        }
                        code = Status::BadCommunicationError;
                    }
                    if ((code & 0xFFFF0000) == Status::BadTimeout && m_runtime)
                        m_runtime->suspect(f->side);
                    const auto c = m_connections.find(f->connection);
                    if (c != m_connections.end())
                        fault(c->second.get(), f->requestId, f->requestHandle, code);
                    finishForward(f);
                    return;
                }
                answer(f, response);
            },
            left);
    };
    Forward *raw = f.get();
    m_forwards.emplace(id, std::move(f));
    dispatch(raw);
}

void OpcUaProxy::dispatch(Forward *f)
{
    const Side side = m_runtime ? m_runtime->active() : Side::None;
    Client *client = side == Side::None ? nullptr : backend(side);
    if (!client) {
        f->side = Side::None;
        f->client = nullptr;
        if (m_runtime && m_runtime->isSwitching())
            return; // waits for the server that is on its way
        const auto c = m_connections.find(f->connection);
        if (c != m_connections.end())
            fault(c->second.get(), f->requestId, f->requestHandle, Status::BadNoCommunication);
        finishForward(f);
        return;
    }
    f->side = side;
    f->client = client;
    ++f->attempt;
    f->standby = Side::None;
    f->standbyAnswer = nullptr;
    Client *standby = f->toStandby && m_runtime->config().mode == ConnectionMode::Hot
                          ? backend(otherSide(side))
                          : nullptr;
    if (standby)
        f->standby = otherSide(side);
    const quint64 id = f->id;
    f->send(f, client, false);
    if (standby && m_forwards.count(id)) // a client that failed at once answered already
        f->send(f, standby, true);
}

void OpcUaProxy::finishForward(Forward *f)
{
    m_forwards.erase(f->id);
}

void OpcUaProxy::housekeeping()
{
    expireForwards();
    expireClients();
    m_housekeeping->start(HousekeepingIntervalMs);
}

void OpcUaProxy::expireClients()
{
    const qint64 t = nowMs();
    const OpcUaLimits l = limits();
    std::vector<Session *> stale;
    std::set<int> withSession; // connections an activated session uses
    for (const auto &[id, s] : m_sessions) {
        if (s->activated)
            withSession.insert(s->connection);
        else if (t - s->createdAt >= l.activationTimeoutMs)
            stale.push_back(s.get());
    }
    for (Session *s : stale)
        endSession(s, QStringLiteral("not activated within %1 ms").arg(l.activationTimeoutMs));
    std::vector<std::pair<Connection *, QString>> late;
    for (const auto &[id, c] : m_connections) {
        const ChannelActivity activity{c->connectedAt, c->lastMessageAt,
                                       c->channel->state() == ServerChannel::State::Open,
                                       withSession.count(id) > 0};
        if (auto why = channelDeadlinePassed(activity, l.handshakeTimeoutMs, l.idleTimeoutMs, t))
            late.emplace_back(c.get(), *why);
    }
    for (const auto &[c, why] : late) {
        qCInfo(lcOpcUa) << "proxy" << config().name << "closes the connection of" << c->peer << ":"
                        << why;
        c->channel->fail(StatusCode{Status::BadTimeout}, why);
        closeConnection(c, why, false);
    }
    if (t - m_loginsExpiredAt >= 60000) {
        m_logins.expire(t);
        m_loginsExpiredAt = t;
    }
}

int OpcUaProxy::monitoredItemCount(const Session *session) const
{
    int count = 0;
    for (quint32 id : session->subscriptions)
        if (const Subscription *sub = subscriptionOf(const_cast<Session *>(session), id))
            count += int(sub->items.size());
    return count;
}

void OpcUaProxy::expireForwards()
{
    const qint64 t = nowMs();
    std::vector<Forward *> overdue;
    for (const auto &[id, f] : m_forwards)
        if (t >= f->deadline)
            overdue.push_back(f.get());
    for (Forward *f : overdue) {
        if (f->side != Side::None && m_runtime)
            m_runtime->suspect(f->side);
        const auto c = m_connections.find(f->connection);
        if (c != m_connections.end())
            fault(c->second.get(), f->requestId, f->requestHandle, Status::BadTimeout);
        finishForward(f);
    }
    // Publish requests past their timeout hint, sessions past their timeout.
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        Session *s = it->second.get();
        ++it;
        while (!s->publishQueue.empty() && s->publishQueue.front().deadline != 0 &&
               t >= s->publishQueue.front().deadline) {
            const PendingPublish p = s->publishQueue.front();
            s->publishQueue.pop_front();
            const auto c = m_connections.find(p.connection);
            if (c != m_connections.end())
                fault(c->second.get(), p.requestId, p.requestHandle, Status::BadTimeout);
        }
        if (t - s->lastUsed > s->timeoutMs && s->publishQueue.empty())
            endSession(s, QStringLiteral("timed out"));
    }
    // Channels whose token was not renewed in time.
    std::vector<Connection *> expired;
    for (const auto &[id, c] : m_connections)
        if (c->channel->tokenExpired(t))
            expired.push_back(c.get());
    for (Connection *c : expired)
        closeConnection(c, tr("the secure channel's token expired"), false);
}

template <typename Request, typename Response, typename Operation, typename Result>
void OpcUaProxy::splitAndForward(
    Connection *c, quint32 requestId, Request request, QList<Operation> Request::*operations,
    QList<Result> Response::*results,
    const std::function<std::optional<Result>(const Operation &)> &local, bool replayable,
    bool toStandby, std::function<void(const Operation &, Result &)> adjust)
{
    const QList<Operation> all = request.*operations;
    if (all.isEmpty()) {
        fault(c, requestId, request.requestHeader.requestHandle, Status::BadNothingToDo);
        return;
    }
    QList<Result> merged(all.size());
    QList<qsizetype> remote;
    Request forwarded = std::move(request);
    (forwarded.*operations).clear();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (std::optional<Result> mine = local(all[i])) {
            merged[i] = std::move(*mine);
        } else {
            remote.append(i);
            (forwarded.*operations).append(all[i]);
        }
    }
    if (remote.isEmpty()) {
        auto response = answer<Response>(forwarded.requestHeader);
        response.*results = merged;
        reply(c, requestId, response);
        return;
    }
    forward<Request, Response>(
        c, requestId, std::move(forwarded), replayable, toStandby,
        [merged, remote, all, results, adjust = std::move(adjust)](Response &response) mutable {
            if ((response.*results).size() != remote.size())
                return; // the client sees the server's answer as it is
            for (qsizetype k = 0; k < remote.size(); ++k) {
                Result result = (response.*results)[k];
                if (adjust)
                    adjust(all[remote[k]], result);
                merged[remote[k]] = std::move(result);
            }
            response.*results = merged;
            response.diagnosticInfos.clear();
        });
}

void OpcUaProxy::read(Connection *c, quint32 requestId, Session *, ReadRequest request)
{
    const ProxyState s = state();
    const TimestampsToReturn timestamps = request.timestampsToReturn;
    splitAndForward<ReadRequest, ReadResponse, ReadValueId, DataValue>(
        c, requestId, std::move(request), &ReadRequest::nodesToRead, &ReadResponse::results,
        [this, &s, timestamps](const ReadValueId &node) -> std::optional<DataValue> {
            if (!m_nodes.answers(node))
                return std::nullopt;
            return m_nodes.read(node, s, timestamps);
        },
        true, true,
        [this](const ReadValueId &node, DataValue &value) {
            if (node.nodeId == NodeId(0, Id::NamespaceArray) &&
                node.attributeId == AttributeId::Value)
                m_nodes.extendNamespaceArray(value);
        });
}

void OpcUaProxy::write(Connection *c, quint32 requestId, Session *, WriteRequest request)
{
    const bool replay = m_runtime && m_runtime->config().writeReplay;
    splitAndForward<WriteRequest, WriteResponse, WriteValue, StatusCode>(
        c, requestId, std::move(request), &WriteRequest::nodesToWrite, &WriteResponse::results,
        [this](const WriteValue &w) -> std::optional<StatusCode> {
            if (!m_nodes.answers(ReadValueId{w.nodeId, w.attributeId, {}, {}}))
                return std::nullopt;
            return StatusCode{Status::BadNotWritable};
        },
        replay, false);
}

void OpcUaProxy::browse(Connection *c, quint32 requestId, Session *, BrowseRequest request)
{
    // A continuation point belongs to the server that gave it, and the client gets it from
    // whichever answers: both are fine, BrowseNext goes to the active one.
    splitAndForward<BrowseRequest, BrowseResponse, BrowseDescription, BrowseResult>(
        c, requestId, std::move(request), &BrowseRequest::nodesToBrowse, &BrowseResponse::results,
        [this](const BrowseDescription &d) -> std::optional<BrowseResult> {
            if (!m_nodes.isTandemNode(d.nodeId))
                return std::nullopt;
            return m_nodes.browse(d);
        },
        true, true,
        [this](const BrowseDescription &d, BrowseResult &result) {
            if (result.statusCode.isGood())
                if (auto tandem = m_nodes.objectsReference(d))
                    result.references.append(*tandem);
        });
}

// Subscriptions.

OpcUaProxy::Subscription *OpcUaProxy::subscriptionOf(Session *session, quint32 id) const
{
    const auto it = m_subscriptions.find(id);
    if (it == m_subscriptions.end() || it->second->session != session)
        return nullptr;
    return it->second.get();
}

template <typename Request>
OpcUaProxy::Subscription *OpcUaProxy::requireSubscription(Connection *c, quint32 requestId,
                                                          Session *session, const Request &request)
{
    Subscription *sub = subscriptionOf(session, request.subscriptionId);
    if (!sub)
        fault(c, requestId, request.requestHeader.requestHandle, Status::BadSubscriptionIdInvalid);
    return sub;
}

QList<StatusCode> OpcUaProxy::forItems(Subscription *sub, const QList<quint32> &ids,
                                       std::array<QList<quint32>, 2> *mirrored,
                                       const std::function<void(quint32 id, Item &item)> &apply)
{
    QList<StatusCode> results;
    for (quint32 id : ids) {
        const auto it = sub->items.find(id);
        if (it == sub->items.end()) {
            results.append(StatusCode{Status::BadMonitoredItemIdInvalid});
            continue;
        }
        for (Side side : {Side::Primary, Side::Secondary})
            if (it->second.backendIds[size_t(side)] != 0)
                (*mirrored)[size_t(side)].append(it->second.backendIds[size_t(side)]);
        results.append(StatusCode{});
        apply(id, it->second);
    }
    return results;
}

void OpcUaProxy::toMirrors(
    Subscription *sub, const std::array<QList<quint32>, 2> &ids,
    const std::function<void(Client *, quint32 mirror, const QList<quint32> &ids)> &send)
{
    for (Side side : {Side::Primary, Side::Secondary}) {
        Client *client = backend(side);
        if (client && sub->mirrors[size_t(side)].id != 0 && !ids[size_t(side)].isEmpty())
            send(client, sub->mirrors[size_t(side)].id, ids[size_t(side)]);
    }
}

void OpcUaProxy::createSubscription(Connection *c, quint32 requestId, Session *session,
                                    const CreateSubscriptionRequest &request)
{
    if (session->subscriptions.size() >= limits().maxSubscriptions) {
        fault(c, requestId, request.requestHeader.requestHandle, Status::BadTooManySubscriptions);
        return;
    }
    const SubscriptionParameters p = SubscriptionParameters::revise(
        request.requestedPublishingInterval, request.requestedLifetimeCount,
        request.requestedMaxKeepAliveCount, request.maxNotificationsPerPublish,
        request.publishingEnabled, request.priority);
    const quint32 id = m_nextSubscription++;
    auto sub = std::make_unique<Subscription>(id, p);
    sub->session = session;
    sub->timer.setInterval(int(p.publishingIntervalMs));
    Subscription *raw = sub.get();
    connect(&sub->timer, &QTimer::timeout, this, [this, raw] { onSubscriptionTick(raw); });
    sub->timer.start();
    session->subscriptions.append(id);
    m_subscriptions.emplace(id, std::move(sub));

    auto response = answer<CreateSubscriptionResponse>(request.requestHeader);
    response.subscriptionId = id;
    response.revisedPublishingInterval = p.publishingIntervalMs;
    response.revisedLifetimeCount = p.lifetimeCount;
    response.revisedMaxKeepAliveCount = p.maxKeepAliveCount;
    reply(c, requestId, response);
    for (Side side : mirrorSides())
        syncMirror(raw, side);
}

void OpcUaProxy::modifySubscription(Connection *c, quint32 requestId, Session *session,
                                    const ModifySubscriptionRequest &request)
{
    Subscription *sub = requireSubscription(c, requestId, session, request);
    if (!sub)
        return;
    const SubscriptionParameters p = SubscriptionParameters::revise(
        request.requestedPublishingInterval, request.requestedLifetimeCount,
        request.requestedMaxKeepAliveCount, request.maxNotificationsPerPublish,
        sub->engine.parameters().publishingEnabled, request.priority);
    sub->engine.setParameters(p);
    sub->timer.setInterval(int(p.publishingIntervalMs));
    for (Side side : {Side::Primary, Side::Secondary}) {
        Client *client = backend(side);
        if (!client || sub->mirrors[size_t(side)].id == 0)
            continue;
        ModifySubscriptionRequest mirrored = request;
        mirrored.subscriptionId = sub->mirrors[size_t(side)].id;
        client->call<ModifySubscriptionResponse>(
            mirrored, [](const ModifySubscriptionResponse &, const CallStatus &) {});
    }
    auto response = answer<ModifySubscriptionResponse>(request.requestHeader);
    response.revisedPublishingInterval = p.publishingIntervalMs;
    response.revisedLifetimeCount = p.lifetimeCount;
    response.revisedMaxKeepAliveCount = p.maxKeepAliveCount;
    reply(c, requestId, response);
}

void OpcUaProxy::setPublishingMode(Connection *c, quint32 requestId, Session *session,
                                   const SetPublishingModeRequest &request)
{
    auto response = answer<SetPublishingModeResponse>(request.requestHeader);
    for (quint32 id : request.subscriptionIds) {
        Subscription *sub = subscriptionOf(session, id);
        if (sub)
            sub->engine.setPublishingEnabled(request.publishingEnabled);
        response.results.append(sub ? StatusCode{} : StatusCode{Status::BadSubscriptionIdInvalid});
    }
    reply(c, requestId, response);
}

void OpcUaProxy::deleteSubscriptions(Connection *c, quint32 requestId, Session *session,
                                     const DeleteSubscriptionsRequest &request)
{
    auto response = answer<DeleteSubscriptionsResponse>(request.requestHeader);
    for (quint32 id : request.subscriptionIds) {
        Subscription *sub = subscriptionOf(session, id);
        if (sub)
            deleteSubscription(sub);
        response.results.append(sub ? StatusCode{} : StatusCode{Status::BadSubscriptionIdInvalid});
    }
    reply(c, requestId, response);
}

void OpcUaProxy::deleteSubscription(Subscription *sub)
{
    for (Side side : {Side::Primary, Side::Secondary})
        dropMirror(sub, side, true);
    sub->session->subscriptions.removeAll(sub->engine.id());
    m_subscriptions.erase(sub->engine.id());
}

void OpcUaProxy::createMonitoredItems(Connection *c, quint32 requestId, Session *session,
                                      const CreateMonitoredItemsRequest &request)
{
    Subscription *sub = requireSubscription(c, requestId, session, request);
    if (!sub)
        return;
    if (request.itemsToCreate.isEmpty()) {
        fault(c, requestId, request.requestHeader.requestHandle, Status::BadNothingToDo);
        return;
    }
    auto response = answer<CreateMonitoredItemsResponse>(request.requestHeader);
    QList<quint32> remote;
    QList<qsizetype> remoteIndex;
    // The session's limit over all its subscriptions; the items past it are refused one
    // by one, the others created.
    qsizetype room = std::max(0, limits().maxMonitoredItems - monitoredItemCount(session));
    for (const MonitoredItemCreateRequest &create : request.itemsToCreate) {
        if (room-- <= 0) {
            MonitoredItemCreateResult refused;
            refused.statusCode = StatusCode{Status::BadTooManyMonitoredItems};
            response.results.append(refused);
            continue;
        }
        Item item;
        item.id = m_nextItem++;
        item.request = create;
        item.timestamps = request.timestampsToReturn;
        item.local = m_nodes.answers(create.itemToMonitor);
        MonitoredItemCreateResult result;
        result.monitoredItemId = item.id;
        result.revisedSamplingInterval =
            std::max(create.requestedParameters.samplingInterval,
                     item.local ? sub->engine.parameters().publishingIntervalMs : 0.0);
        result.revisedQueueSize = std::max<quint32>(1, create.requestedParameters.queueSize);
        if (!item.local) {
            remote.append(item.id);
            remoteIndex.append(response.results.size());
        }
        response.results.append(result);
        sub->items.emplace(item.id, std::move(item));
    }
    const Side active = m_runtime ? m_runtime->active() : Side::None;
    const bool answerFromActive = !remote.isEmpty() && active != Side::None &&
                                  sub->mirrors[size_t(active)].id != 0 && backend(active);
    for (Side side : {Side::Primary, Side::Secondary}) {
        if (sub->mirrors[size_t(side)].id == 0 || !backend(side) || remote.isEmpty())
            continue;
        if (!(answerFromActive && side == active)) {
            createMirrorItems(sub, side, remote, {});
            continue;
        }
        // The active server's results are the client's: revised values, and the items it
        // refused (an unknown node) do not exist.
        const int connection = c->id;
        const quint32 subId = sub->engine.id();
        createMirrorItems(
            sub, side, remote,
            [this, connection, requestId, response, remote, remoteIndex,
             subId](const CreateMonitoredItemsResponse &created, const CallStatus &status) mutable {
                const auto sit = m_subscriptions.find(subId);
                for (qsizetype k = 0; status.isGood() && k < remote.size(); ++k) {
                    const MonitoredItemCreateResult &r = created.results[k];
                    MonitoredItemCreateResult &mine = response.results[remoteIndex[k]];
                    if (r.statusCode.isBad()) {
                        mine = MonitoredItemCreateResult{r.statusCode, 0, 0, 0, r.filterResult};
                        if (sit != m_subscriptions.end())
                            sit->second->items.erase(remote[k]);
                        continue;
                    }
                    mine.revisedSamplingInterval = r.revisedSamplingInterval;
                    mine.revisedQueueSize = r.revisedQueueSize;
                    mine.filterResult = r.filterResult;
                }
                const auto c = m_connections.find(connection);
                if (c != m_connections.end())
                    reply(c->second.get(), requestId, response);
            });
    }
    if (!answerFromActive)
        reply(c, requestId, response);
}

void OpcUaProxy::modifyMonitoredItems(Connection *c, quint32 requestId, Session *session,
                                      const ModifyMonitoredItemsRequest &request)
{
    Subscription *sub = requireSubscription(c, requestId, session, request);
    if (!sub)
        return;
    auto response = answer<ModifyMonitoredItemsResponse>(request.requestHeader);
    std::array<ModifyMonitoredItemsRequest, 2> mirrored;
    for (const MonitoredItemModifyRequest &modify : request.itemsToModify) {
        const auto it = sub->items.find(modify.monitoredItemId);
        MonitoredItemModifyResult result;
        if (it == sub->items.end()) {
            result.statusCode = StatusCode{Status::BadMonitoredItemIdInvalid};
            response.results.append(result);
            continue;
        }
        Item &item = it->second;
        item.request.requestedParameters = modify.requestedParameters;
        item.timestamps = request.timestampsToReturn;
        result.revisedSamplingInterval = modify.requestedParameters.samplingInterval;
        result.revisedQueueSize = std::max<quint32>(1, modify.requestedParameters.queueSize);
        response.results.append(result);
        for (Side side : {Side::Primary, Side::Secondary}) {
            if (item.backendIds[size_t(side)] == 0)
                continue;
            MonitoredItemModifyRequest m = modify;
            m.monitoredItemId = item.backendIds[size_t(side)];
            m.requestedParameters.clientHandle = item.id;
            mirrored[size_t(side)].itemsToModify.append(m);
        }
    }
    for (Side side : {Side::Primary, Side::Secondary}) {
        Client *client = backend(side);
        ModifyMonitoredItemsRequest &m = mirrored[size_t(side)];
        if (!client || m.itemsToModify.isEmpty())
            continue;
        m.subscriptionId = sub->mirrors[size_t(side)].id;
        m.timestampsToReturn = TimestampsToReturn::Both;
        client->call<ModifyMonitoredItemsResponse>(
            m, [](const ModifyMonitoredItemsResponse &, const CallStatus &) {});
    }
    reply(c, requestId, response);
}

void OpcUaProxy::setMonitoringMode(Connection *c, quint32 requestId, Session *session,
                                   const SetMonitoringModeRequest &request)
{
    Subscription *sub = requireSubscription(c, requestId, session, request);
    if (!sub)
        return;
    auto response = answer<SetMonitoringModeResponse>(request.requestHeader);
    std::array<QList<quint32>, 2> mirrored;
    response.results =
        forItems(sub, request.monitoredItemIds, &mirrored, [&request](quint32, Item &item) {
            item.request.monitoringMode = request.monitoringMode;
        });
    toMirrors(sub, mirrored, [&request](Client *client, quint32 mirror, const QList<quint32> &ids) {
        SetMonitoringModeRequest m;
        m.subscriptionId = mirror;
        m.monitoringMode = request.monitoringMode;
        m.monitoredItemIds = ids;
        client->call<SetMonitoringModeResponse>(
            m, [](const SetMonitoringModeResponse &, const CallStatus &) {});
    });
    reply(c, requestId, response);
}

void OpcUaProxy::deleteMonitoredItems(Connection *c, quint32 requestId, Session *session,
                                      const DeleteMonitoredItemsRequest &request)
{
    Subscription *sub = requireSubscription(c, requestId, session, request);
    if (!sub)
        return;
    auto response = answer<DeleteMonitoredItemsResponse>(request.requestHeader);
    std::array<QList<quint32>, 2> mirrored;
    QList<quint32> gone;
    response.results = forItems(sub, request.monitoredItemIds, &mirrored,
                                [&gone](quint32 id, Item &) { gone.append(id); });
    for (quint32 id : gone)
        sub->items.erase(id);
    toMirrors(sub, mirrored, [](Client *client, quint32 mirror, const QList<quint32> &ids) {
        client->deleteMonitoredItems(
            mirror, ids, [](const DeleteMonitoredItemsResponse &, const CallStatus &) {});
    });
    reply(c, requestId, response);
}

void OpcUaProxy::publish(Connection *c, quint32 requestId, Session *session,
                         const PublishRequest &request)
{
    PendingPublish pending;
    pending.connection = c->id;
    pending.requestId = requestId;
    pending.requestHandle = request.requestHeader.requestHandle;
    for (const SubscriptionAcknowledgement &ack : request.subscriptionAcknowledgements) {
        Subscription *sub = subscriptionOf(session, ack.subscriptionId);
        pending.results.append(sub ? sub->engine.acknowledge(ack.sequenceNumber)
                                   : StatusCode{Status::BadSubscriptionIdInvalid});
    }
    if (session->subscriptions.isEmpty()) {
        fault(c, requestId, pending.requestHandle, Status::BadNoSubscription);
        return;
    }
    if (request.requestHeader.timeoutHint != 0)
        pending.deadline = nowMs() + request.requestHeader.timeoutHint;
    session->publishQueue.push_back(pending);
    while (session->publishQueue.size() > MaxPublishRequestsPerSession) {
        const PendingPublish oldest = session->publishQueue.front();
        session->publishQueue.pop_front();
        const auto old = m_connections.find(oldest.connection);
        if (old != m_connections.end())
            fault(old->second.get(), oldest.requestId, oldest.requestHandle,
                  Status::BadTooManyPublishRequests);
    }
    for (quint32 id : session->subscriptions)
        if (Subscription *sub = subscriptionOf(session, id))
            sub->engine.publishRequestReceived();
    // Late subscriptions (a message waiting for a request) go first, by priority.
    while (!session->publishQueue.empty()) {
        Subscription *late = nullptr;
        for (quint32 id : session->subscriptions) {
            Subscription *sub = subscriptionOf(session, id);
            if (sub && sub->engine.isReady() &&
                (!late || sub->engine.parameters().priority > late->engine.parameters().priority))
                late = sub;
        }
        if (!late || !sendPublish(session, late))
            break;
    }
}

bool OpcUaProxy::sendPublish(Session *session, Subscription *sub)
{
    while (!session->publishQueue.empty()) {
        const PendingPublish p = session->publishQueue.front();
        session->publishQueue.pop_front();
        const auto c = m_connections.find(p.connection);
        if (c == m_connections.end())
            continue;
        PublishResponse response;
        response.responseHeader.requestHandle = p.requestHandle;
        response.responseHeader.timestamp = now();
        response.subscriptionId = sub->engine.id();
        bool more = false;
        response.notificationMessage = sub->engine.takeMessage(now(), &more);
        response.moreNotifications = more;
        response.availableSequenceNumbers = sub->engine.availableSequenceNumbers();
        response.results = p.results;
        reply(c->second.get(), p.requestId, response);
        return true;
    }
    return false;
}

void OpcUaProxy::republish(Connection *c, quint32 requestId, Session *session,
                           const RepublishRequest &request)
{
    Subscription *sub = requireSubscription(c, requestId, session, request);
    if (!sub)
        return;
    const auto message = sub->engine.retransmit(request.retransmitSequenceNumber);
    if (!message) {
        fault(c, requestId, request.requestHeader.requestHandle, Status::BadMessageNotAvailable);
        return;
    }
    auto response = answer<RepublishResponse>(request.requestHeader);
    response.notificationMessage = *message;
    reply(c, requestId, response);
}

void OpcUaProxy::onSubscriptionTick(Subscription *sub)
{
    sampleLocalItems(sub);
    if (!sub->standby.empty() && m_runtime) {
        const PairConfig &config = m_runtime->config();
        const qint64 keep = std::max<qint64>(
            StandbyBufferMinMs, 4 * qint64(config.statusIntervalMs + config.statusTimeoutMs));
        const qint64 t = nowMs();
        while (!sub->standby.empty() && (t - sub->standby.front().at > keep ||
                                         sub->standby.size() > StandbyBufferMaxEntries))
            sub->standby.pop_front();
    }
    Session *session = sub->session;
    switch (sub->engine.tick(!session->publishQueue.empty())) {
    case ProxySubscription::Tick::Idle:
        return;
    case ProxySubscription::Tick::Ready:
        sendPublish(session, sub); // else late: the next Publish request takes it
        return;
    case ProxySubscription::Tick::Expired:
        qCInfo(lcOpcUa) << "proxy subscription" << sub->engine.id()
                        << "expired: no Publish request within its lifetime";
        deleteSubscription(sub);
        return;
    }
}

void OpcUaProxy::sampleLocalItems(Subscription *sub)
{
    const ProxyState s = state();
    for (auto &[id, item] : sub->items) {
        if (!item.local || item.request.monitoringMode == MonitoringMode::Disabled)
            continue;
        DataValue value = m_nodes.read(item.request.itemToMonitor, s, TimestampsToReturn::Both);
        // A change is a new value or status (the default DataChangeFilter, StatusValue).
        if (item.lastLocal && item.lastLocal->value == value.value &&
            item.lastLocal->statusCode() == value.statusCode())
            continue;
        item.lastLocal = value;
        if (item.request.monitoringMode == MonitoringMode::Reporting)
            sub->engine.enqueue(
                MonitoredItemNotification{item.request.requestedParameters.clientHandle,
                                          withTimestamps(value, item.timestamps)});
    }
}

// Mirrors on the servers.

Client *OpcUaProxy::backend(Side side) const
{
    if (side == Side::None)
        return nullptr;
    Client *client = m_backends[size_t(side)];
    return client && client->state() == Client::State::SessionOpen ? client : nullptr;
}

QList<Side> OpcUaProxy::mirrorSides() const
{
    QList<Side> sides;
    if (!m_runtime)
        return sides;
    if (m_runtime->config().mode == ConnectionMode::Hot) {
        for (Side side : {Side::Primary, Side::Secondary})
            if (backend(side))
                sides.append(side);
    } else if (backend(m_runtime->active())) {
        sides.append(m_runtime->active());
    }
    return sides;
}

void OpcUaProxy::syncMirrors()
{
    const QList<Side> wanted = mirrorSides();
    std::vector<Subscription *> subs;
    for (const auto &[id, sub] : m_subscriptions)
        subs.push_back(sub.get());
    for (Subscription *sub : subs)
        for (Side side : {Side::Primary, Side::Secondary}) {
            if (wanted.contains(side))
                syncMirror(sub, side);
            else
                dropMirror(sub, side, true);
        }
}

void OpcUaProxy::syncMirror(Subscription *sub, Side side)
{
    Client *client = backend(side);
    Subscription::Mirror &mirror = sub->mirrors[size_t(side)];
    if (!client || mirror.token != 0)
        return;
    if (mirror.id != 0) {
        // Items the server does not have yet (created while it was being mirrored).
        QList<quint32> missing;
        for (const auto &[id, item] : sub->items)
            if (!item.local && item.backendIds[size_t(side)] == 0 && !item.creating[size_t(side)])
                missing.append(id);
        if (!missing.isEmpty())
            createMirrorItems(sub, side, missing, {});
        return;
    }
    const SubscriptionParameters &p = sub->engine.parameters();
    CreateSubscriptionRequest request;
    request.requestedPublishingInterval = p.publishingIntervalMs;
    request.requestedLifetimeCount = p.lifetimeCount;
    request.requestedMaxKeepAliveCount = p.maxKeepAliveCount;
    request.maxNotificationsPerPublish = 0;
    request.publishingEnabled = true; // the proxy decides what its client sees
    request.priority = p.priority;
    const quint64 token = m_nextForward++;
    mirror.token = token;
    const quint32 subId = sub->engine.id();
    client->createSubscription(
        request, [this, self = QPointer<OpcUaProxy>(this), side, token, subId,
                  client = QPointer<Client>(client)](const CreateSubscriptionResponse &response,
                                                     const CallStatus &status) {
            if (!self)
                return;
            const auto it = m_subscriptions.find(subId);
            Subscription *sub = it == m_subscriptions.end() ? nullptr : it->second.get();
            if (!sub || sub->mirrors[size_t(side)].token != token) {
                // Not wanted any more: the client deleted it, or the server changed.
                if (status.isGood() && client && client == m_backends[size_t(side)])
                    client->deleteSubscriptions(
                        {response.subscriptionId},
                        [](const DeleteSubscriptionsResponse &, const CallStatus &) {});
                return;
            }
            Subscription::Mirror &mirror = sub->mirrors[size_t(side)];
            mirror.token = 0;
            if (!status.isGood()) {
                qCWarning(lcOpcUa) << "proxy: no mirror of subscription" << subId << "on the"
                                   << sideKey(side) << "server:" << status.message;
                return; // tried again at the next change of the pair
            }
            mirror.id = response.subscriptionId;
            QList<quint32> items;
            for (auto &[id, item] : sub->items) {
                item.backendIds[size_t(side)] = 0;
                item.creating[size_t(side)] = false;
                if (!item.local)
                    items.append(id);
            }
            if (!items.isEmpty())
                createMirrorItems(sub, side, items, {});
        });
}

void OpcUaProxy::createMirrorItems(
    Subscription *sub, Side side, QList<quint32> itemIds,
    std::function<void(const CreateMonitoredItemsResponse &, const CallStatus &)> then)
{
    Client *client = backend(side);
    const quint32 mirrorId = sub->mirrors[size_t(side)].id;
    QList<MonitoredItemCreateRequest> requests;
    for (quint32 id : itemIds) {
        Item &item = sub->items.at(id);
        item.creating[size_t(side)] = true;
        MonitoredItemCreateRequest request = item.request;
        request.requestedParameters.clientHandle = id;
        requests.append(request);
    }
    const quint32 subId = sub->engine.id();
    CreateMonitoredItemsRequest request;
    request.subscriptionId = mirrorId;
    request.timestampsToReturn = TimestampsToReturn::Both;
    request.itemsToCreate = requests;
    client->call<CreateMonitoredItemsResponse>(
        request, [this, self = QPointer<OpcUaProxy>(this), side, subId, mirrorId, itemIds,
                  then = std::move(then)](const CreateMonitoredItemsResponse &response,
                                          const CallStatus &given) {
            if (!self)
                return;
            CallStatus status = given;
            if (status.isGood() && response.results.size() != itemIds.size())
                status = {StatusCode{Status::BadUnexpectedError},
                          QStringLiteral("the server answered for %1 of %2 items")
                              .arg(response.results.size())
                              .arg(itemIds.size())};
            const auto it = m_subscriptions.find(subId);
            if (it != m_subscriptions.end() && it->second->mirrors[size_t(side)].id == mirrorId) {
                for (qsizetype k = 0; k < itemIds.size(); ++k) {
                    const auto item = it->second->items.find(itemIds[k]);
                    if (item == it->second->items.end())
                        continue;
                    item->second.creating[size_t(side)] = false;
                    if (status.isGood() && response.results[k].statusCode.isGood())
                        item->second.backendIds[size_t(side)] = response.results[k].monitoredItemId;
                }
            }
            if (then)
                then(response, status);
        });
}

void OpcUaProxy::dropMirror(Subscription *sub, Side side, bool deleteOnServer)
{
    Subscription::Mirror &mirror = sub->mirrors[size_t(side)];
    if (deleteOnServer && mirror.id != 0)
        if (Client *client = backend(side))
            client->deleteSubscriptions(
                {mirror.id}, [](const DeleteSubscriptionsResponse &, const CallStatus &) {});
    mirror = {};
    for (auto &[id, item] : sub->items) {
        item.backendIds[size_t(side)] = 0;
        item.creating[size_t(side)] = false;
    }
}

void OpcUaProxy::onSessionChanged(Side side)
{
    auto *link = m_runtime ? qobject_cast<OpcUaLink *>(m_runtime->link(side)) : nullptr;
    Client *current = link ? link->client() : nullptr;
    Client *old = m_backends[size_t(side)];
    if (current == old)
        return;
    if (old)
        disconnect(old, nullptr, this, nullptr);
    for (const auto &[id, sub] : m_subscriptions)
        dropMirror(sub.get(), side, false); // they went with the old session
    m_backends[size_t(side)] = current;
    if (current) {
        connect(current, &Client::dataChange, this,
                [this, side](quint32 subscription, quint32 handle, const DataValue &value) {
                    onBackendDataChange(side, subscription, handle, value);
                });
        connect(current, &Client::subscriptionStatusChanged, this,
                [this, side](quint32 subscription, StatusCode status) {
                    onBackendSubscriptionStatus(side, subscription, status);
                });
        readNamespaceArray(side);
    }
    // Requests that went to the old session hear nothing from it any more.
    std::vector<Forward *> orphaned;
    for (const auto &[id, f] : m_forwards)
        if (f->side == side && f->client != current)
            orphaned.push_back(f.get());
    for (Forward *f : orphaned) {
        if (f->replayable) {
            dispatch(f);
            continue;
        }
        const auto c = m_connections.find(f->connection);
        if (c != m_connections.end())
            fault(c->second.get(), f->requestId, f->requestHandle, Status::BadCommunicationError);
        finishForward(f);
    }
    syncMirrors();
}

void OpcUaProxy::readNamespaceArray(Side side)
{
    Client *client = backend(side);
    if (!client)
        return;
    client->read({ReadValueId::value(NodeId(0, Id::NamespaceArray))},
                 [this, self = QPointer<OpcUaProxy>(this), side](const ReadResponse &response,
                                                                 const CallStatus &status) {
                     if (!self || !status.isGood() || response.results.isEmpty())
                         return;
                     const DataValue &v = response.results.first();
                     if (!v.value || !v.value->isArray() || v.value->type() != BuiltInType::String)
                         return;
                     const quint16 size = quint16(std::min<qsizetype>(v.value->size(), 0xFFFF));
                     if (m_nodes.namespaceIndex() == 0)
                         m_nodes.setNamespaceIndex(size);
                     else if (m_nodes.namespaceIndex() != size)
                         qCWarning(lcOpcUa) << "proxy: the" << sideKey(side) << "server has" << size
                                            << "namespaces, the Tandem namespace stays at index"
                                            << m_nodes.namespaceIndex();
                 });
}

void OpcUaProxy::onBackendDataChange(Side side, quint32 backendSubscription, quint32 handle,
                                     const DataValue &value)
{
    Subscription *sub = nullptr;
    for (const auto &[id, s] : m_subscriptions)
        if (s->mirrors[size_t(side)].id == backendSubscription) {
            sub = s.get();
            break;
        }
    if (!sub)
        return;
    const auto it = sub->items.find(handle);
    if (it == sub->items.end() || it->second.request.monitoringMode != MonitoringMode::Reporting)
        return;
    const Item &item = it->second;
    const qint64 t = nowMs();
    if (!m_runtime || side != m_runtime->active()) {
        sub->standby.push_back({t, side, handle, value});
        return;
    }
    sub->lastActiveAt = t;
    sub->engine.enqueue(MonitoredItemNotification{item.request.requestedParameters.clientHandle,
                                                  withTimestamps(value, item.timestamps)});
}

void OpcUaProxy::onBackendSubscriptionStatus(Side side, quint32 backendSubscription,
                                             StatusCode status)
{
    if (!status.isBad())
        return;
    for (const auto &[id, sub] : m_subscriptions)
        if (sub->mirrors[size_t(side)].id == backendSubscription) {
            qCInfo(lcOpcUa) << "proxy: the" << sideKey(side) << "server ended the mirror of" << id
                            << ":" << statusCodeText(status);
            dropMirror(sub.get(), side, false);
            syncMirrors(); // made again
            return;
        }
}

void OpcUaProxy::onActiveChanged(Side previous, Side current)
{
    // Hot: what the new active server reported after the old one's last notification is
    // the client's next data; it was on its way while the switch was decided.
    if (current != Side::None) {
        for (const auto &[id, sub] : m_subscriptions) {
            for (const Subscription::Buffered &b : sub->standby) {
                if (b.side != current || b.at <= sub->lastActiveAt)
                    continue;
                const auto item = sub->items.find(b.item);
                if (item == sub->items.end() ||
                    item->second.request.monitoringMode != MonitoringMode::Reporting)
                    continue;
                sub->engine.enqueue(
                    MonitoredItemNotification{item->second.request.requestedParameters.clientHandle,
                                              withTimestamps(b.value, item->second.timestamps)});
            }
            sub->standby.clear();
        }
    }
    std::vector<Forward *> moved;
    for (const auto &[id, f] : m_forwards)
        if (f->side == Side::None || (f->side == previous && previous != current))
            moved.push_back(f.get());
    for (Forward *f : moved) {
        if (f->standbyAnswer && f->standby == current) {
            f->standbyAnswer(); // Hot: the new active server has answered already
            continue;
        }
        if (f->side == Side::None || f->replayable) {
            dispatch(f);
            continue;
        }
        const auto c = m_connections.find(f->connection);
        if (c != m_connections.end())
            fault(c->second.get(), f->requestId, f->requestHandle, Status::BadCommunicationError);
        finishForward(f);
    }
    syncMirrors();
}

} // namespace tandem::opcua
