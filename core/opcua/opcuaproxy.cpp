#include "opcuaproxy.h"

#include "proxyidentity.h"

#include "base/logging.h"
#include "base/streamconnection.h"
#include "channeldeadline.h"
#include "client.h"
#include "engine/clienteventlimiter.h"
#include "engine/listenerevents.h"
#include "events/eventlog.h"
#include "localpki.h"
#include "opcualink.h"
#include "pki/certificatestatus.h"

#include <QUrl>

#include <set>

namespace tandem::opcua {

namespace {

constexpr int HousekeepingIntervalMs = 100;

} // namespace

struct OpcUaProxy::Connection
{
    int id = 0;
    std::unique_ptr<ServerChannel> channel;
    WriteFunction write;
    std::function<void()> close;
    QString peer;         // address:port, for the log and events
    QString address;      // what sessions and logins are counted by
    AsymmetricKey ownKey; // signs the sessions of a secured channel
    quint16 peerPort = 0;
    qint64 connectedAt = 0;
    qint64 lastMessageAt = 0; // a request or an OpenSecureChannel
    quint32 lastTokenId = 0;
    StreamConnection *socket = nullptr;
};

OpcUaProxy::OpcUaProxy(PairRuntime *runtime, const Endpoint &endpoint, EventLog *events,
                       const Clock *clock, QObject *parent)
    : PairProxy(parent)
    , m_runtime(runtime)
    , m_events(events)
    , m_endpoint(endpoint)
    , m_context(runtime, clock, *this)
    , m_server(new StreamListener(this))
    , m_sessions(m_context, events)
    , m_forwarder(m_context, m_nodes, [this] { return state(); })
    , m_history(m_context)
    , m_methods(m_context, m_nodes, events)
    , m_subscriptions(m_context, m_nodes, [this] { return state(); })
{
    m_sessions.setEnding([this](ProxySession *session) {
        m_subscriptions.sessionEnding(session);
        m_history.sessionEnded(session->id);
        m_forwarder.sessionEnding(session->id);
    });
    connect(m_server, &StreamListener::accepted, this, &OpcUaProxy::onNewConnection);
    m_housekeeping = clock->createTimer([this] { housekeeping(); });
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
    if (!m_runtime)
        return {};
    // The level itself, not the event text (which is translated).
    const Side active = m_runtime->active();
    const auto *link =
        active == Side::None ? nullptr : qobject_cast<OpcUaLink *>(m_runtime->link(active));
    return ProxyState::of(m_runtime->status(), link ? link->serviceLevel() : 0);
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
    options.offered = offeredSecurity();
    if (const auto own = ownCertificate(); own && options.offered != QList{SecuritySetting{}}) {
        options.ownCertificate = own->certificate().der();
        options.ownKey = AsymmetricKey::fromOpenSsl(own->privateKey().handle());
        c->ownKey = options.ownKey;
    }
    options.checkClientCertificate = [this, peer](const QByteArray &certificate,
                                                  const SecurityPolicy &policy, QString *reason) {
        pki::ValidationOptions validation;
        validation.peer = pki::PeerRole::Client;
        validation.minimumKeyBits = policy.minAsymmetricKeyBits;
        validation.maximumKeyBits = policy.maxAsymmetricKeyBits;
        validation.sha1SignatureAllowed = policy.deprecated;
        const pki::ValidationResult result =
            m_context.pki()->validate(certificate, validation, config().name, peer);
        *reason = result.message;
        // The client learns no more than Table 106 lets it; the log has the precise code.
        return StatusCode{pki::statusCode(pki::statusForPeer(result.status))};
    };
    c->channel = std::make_unique<ServerChannel>(quint32(c->id), options);
    c->write = std::move(write);
    c->close = std::move(close);
    c->peer = peer;
    c->address = peer;
    c->connectedAt = c->lastMessageAt = m_context.nowMs();
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
    c->channel->setNow(m_context.nowMs());
    const bool ok = c->channel->feed(bytes);
    const QList<ServerChannel::Request> requests = c->channel->takeRequests();
    // A message, not bytes: a client trickling a chunk it never ends is idle.
    if (!requests.isEmpty() || c->channel->tokenId() != c->lastTokenId) {
        c->lastMessageAt = m_context.nowMs();
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
    m_sessions.connectionClosed(id);
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
            m_runtime->clientEvents()->post(EventId::ClientMalformed, {pair, c->peer, reason},
                                            c->socket ? c->socket->descriptor() : -1, c->peerPort,
                                            port());
    }
    const int id = c->id;
    auto close = c->close;
    detach(id);
    if (close)
        close();
}

bool OpcUaProxy::isOpen(int connection) const
{
    return m_connections.count(connection) > 0;
}

QString OpcUaProxy::peer(int connection) const
{
    const auto c = m_connections.find(connection);
    return c != m_connections.end() ? c->second->peer : QString();
}

void OpcUaProxy::respond(int connection, quint32 requestId, quint32 requestHandle,
                         const QByteArray &body)
{
    const auto c = m_connections.find(connection);
    if (c == m_connections.end())
        return;
    c->second->channel->sendResponse(requestId, requestHandle, body);
    flush(c->second.get());
}

void OpcUaProxy::fault(int connection, quint32 requestId, quint32 requestHandle, quint32 status)
{
    const auto c = m_connections.find(connection);
    if (c == m_connections.end())
        return;
    c->second->channel->sendServiceFault(requestId, requestHandle, StatusCode{status});
    flush(c->second.get());
}

ProxySessions::Caller OpcUaProxy::caller(const Connection *c) const
{
    ProxySessions::Caller caller{c->id, c->address, c->peer};
    caller.security = c->channel->securitySetting();
    caller.clientCertificate = c->channel->clientCertificate();
    caller.serverCertificate = c->channel->serverCertificate();
    caller.ownKey = c->ownKey;
    caller.securityPolicyUri = caller.security.securityPolicy().uriString();
    return caller;
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
    if (c->channel->discoveryOnly() && request.typeId != GetEndpointsRequest::BinaryEncodingId &&
        request.typeId != FindServersRequest::BinaryEncodingId) {
        // The endpoint offers no unsecured sessions; the channel was for discovery.
        m_context.fault(c->id, id, 0, Status::BadSecurityPolicyRejected);
        return;
    }

    switch (request.typeId) {
    case GetEndpointsRequest::BinaryEncodingId: {
        GetEndpointsRequest m;
        if (!decoded(&m))
            return;
        auto response = answerTo<GetEndpointsResponse>(m.requestHeader);
        response.endpoints = discovery().endpoints(m.endpointUrl);
        m_context.reply(c->id, id, response);
        return;
    }
    case FindServersRequest::BinaryEncodingId: {
        FindServersRequest m;
        if (!decoded(&m))
            return;
        auto response = answerTo<FindServersResponse>(m.requestHeader);
        const ApplicationDescription app = discovery().application();
        if (m.serverUris.isEmpty() || m.serverUris.contains(app.applicationUri))
            response.servers.append(app);
        m_context.reply(c->id, id, response);
        return;
    }
    case CreateSessionRequest::BinaryEncodingId: {
        CreateSessionRequest m;
        if (decoded(&m))
            m_sessions.create(caller(c), id, m, discovery().endpoints(m.endpointUrl));
        return;
    }
    case ActivateSessionRequest::BinaryEncodingId: {
        ActivateSessionRequest m;
        if (decoded(&m))
            m_sessions.activate(caller(c), id, m);
        return;
    }
    case CloseSessionRequest::BinaryEncodingId: {
        CloseSessionRequest m;
        if (decoded(&m))
            m_sessions.close(c->id, id, m);
        return;
    }
    default:
        break;
    }

    // The services of an activated session: forwarded to the servers, or the session's
    // subscriptions.
#define TANDEM_FORWARDED_SERVICE(Type, handler)                                                    \
    case Type::BinaryEncodingId: {                                                                 \
        Type m;                                                                                    \
        if (!decoded(&m))                                                                          \
            return;                                                                                \
        if (m_sessions.sessionFor(c->id, id, m.requestHeader))                                     \
            m_forwarder.handler(c->id, id, std::move(m));                                          \
        return;                                                                                    \
    }
#define TANDEM_SESSION_SERVICE(Type, handler)                                                      \
    case Type::BinaryEncodingId: {                                                                 \
        Type m;                                                                                    \
        if (!decoded(&m))                                                                          \
            return;                                                                                \
        if (ProxySession *session = m_sessions.sessionFor(c->id, id, m.requestHeader))             \
            m_forwarder.handler(c->id, id, session->id, std::move(m));                             \
        return;                                                                                    \
    }
#define TANDEM_SUBSCRIPTION_SERVICE(Type, handler)                                                 \
    case Type::BinaryEncodingId: {                                                                 \
        Type m;                                                                                    \
        if (!decoded(&m))                                                                          \
            return;                                                                                \
        if (ProxySession *session = m_sessions.sessionFor(c->id, id, m.requestHeader))             \
            m_subscriptions.handler(c->id, id, session, m);                                        \
        return;                                                                                    \
    }
    switch (request.typeId) {
        TANDEM_FORWARDED_SERVICE(ReadRequest, read)
        TANDEM_FORWARDED_SERVICE(WriteRequest, write)
        TANDEM_SESSION_SERVICE(BrowseRequest, browse)
        TANDEM_SUBSCRIPTION_SERVICE(CreateSubscriptionRequest, createSubscription)
        TANDEM_SUBSCRIPTION_SERVICE(ModifySubscriptionRequest, modifySubscription)
        TANDEM_SUBSCRIPTION_SERVICE(SetPublishingModeRequest, setPublishingMode)
        TANDEM_SUBSCRIPTION_SERVICE(DeleteSubscriptionsRequest, deleteSubscriptions)
        TANDEM_SUBSCRIPTION_SERVICE(CreateMonitoredItemsRequest, createMonitoredItems)
        TANDEM_SUBSCRIPTION_SERVICE(ModifyMonitoredItemsRequest, modifyMonitoredItems)
        TANDEM_SUBSCRIPTION_SERVICE(SetMonitoringModeRequest, setMonitoringMode)
        TANDEM_SUBSCRIPTION_SERVICE(DeleteMonitoredItemsRequest, deleteMonitoredItems)
        TANDEM_SUBSCRIPTION_SERVICE(PublishRequest, publish)
        TANDEM_SUBSCRIPTION_SERVICE(RepublishRequest, republish)
        TANDEM_SESSION_SERVICE(BrowseNextRequest, browseNext)
        TANDEM_FORWARDED_SERVICE(TranslateBrowsePathsToNodeIdsRequest, translateBrowsePaths)
    case HistoryReadRequest::BinaryEncodingId: {
        HistoryReadRequest m;
        if (!decoded(&m))
            return;
        if (ProxySession *session = m_sessions.sessionFor(c->id, id, m.requestHeader))
            m_history.read(c->id, id, session->id, std::move(m));
        return;
    }
    case HistoryUpdateRequest::BinaryEncodingId: {
        HistoryUpdateRequest m;
        if (!decoded(&m))
            return;
        if (m_sessions.sessionFor(c->id, id, m.requestHeader))
            m_history.update(c->id, id, std::move(m));
        return;
    }
        TANDEM_FORWARDED_SERVICE(RegisterNodesRequest, registerNodes)
        TANDEM_FORWARDED_SERVICE(UnregisterNodesRequest, unregisterNodes)
    case CallRequest::BinaryEncodingId: {
        CallRequest m;
        if (!decoded(&m))
            return;
        ProxySession *session = m_sessions.sessionFor(c->id, id, m.requestHeader);
        if (!session)
            return;
        // ConditionRefresh(2) names the client's subscription (and item). A Call of nothing
        // else is the mirrors' to make on the active server; in a Call with other methods
        // its ids are mapped here to the active server's mirror, a wrong one answered by
        // the proxy.
        SubscriptionMirrors &mirrors = m_subscriptions.mirrors();
        if (!m.methodsToCall.isEmpty() &&
            std::all_of(m.methodsToCall.cbegin(), m.methodsToCall.cend(),
                        &SubscriptionMirrors::isConditionRefresh)) {
            mirrors.callConditionRefresh(c->id, id, session, std::move(m));
            return;
        }
        QList<std::optional<CallMethodResult>> refused;
        for (CallMethodRequest &call : m.methodsToCall)
            refused.append(mirrors.mapConditionRefresh(call, session));
        const ProxyMethods::Caller who{session->user, m_sessions.isOperator(*session), c->peer};
        // Asked once for each method, in the Call's order (RequestForwarder::call).
        m_forwarder.call(
            c->id, id, std::move(m),
            [this, who, refused, next = qsizetype(0)](
                const CallMethodRequest &call) mutable -> std::optional<CallMethodResult> {
                if (std::optional<CallMethodResult> answer = refused.value(next++))
                    return answer;
                return m_methods.call(call, who);
            });
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
        fault(c->id, id, header.requestHandle, Status::BadServiceUnsupported);
        return;
    }
    }
#undef TANDEM_FORWARDED_SERVICE
#undef TANDEM_SESSION_SERVICE
#undef TANDEM_SUBSCRIPTION_SERVICE
}

// Discovery.

ProxyDiscovery OpcUaProxy::discovery() const
{
    ProxyDiscovery discovery{m_runtime ? m_runtime->config().name : QStringLiteral("pair"),
                             endpointUrl(), m_endpoint.path, config().identity()};
    discovery.offered = offeredSecurity();
    if (discovery.offered != QList{SecuritySetting{}}) {
        if (const auto own = ownCertificate()) {
            discovery.certificate = own->certificate().der();
            discovery.certificateUri = own->applicationUri();
        }
    } else {
        // Unsecured only: the certificate, when there is one, encrypts passwords.
        discovery.certificate = m_sessions.identity().serverCertificate();
    }
    return discovery;
}

std::shared_ptr<const pki::ApplicationCertificate> OpcUaProxy::ownCertificate() const
{
    QString error = tr("no certificate store");
    LocalPki *pki = m_context.pki();
    auto own = pki ? pki->own(&error) : nullptr;
    if (own) {
        m_ownCertificateError.clear();
        return own;
    }
    if (error != m_ownCertificateError) {
        m_ownCertificateError = error;
        qCWarning(lcOpcUa) << "proxy" << config().name << "offers no secured endpoint:" << error;
        if (pki)
            pki->post(EventId::CertificateUnavailable, config().name, {config().name, error},
                      error);
    }
    return nullptr;
}

QList<SecuritySetting> OpcUaProxy::offeredSecurity() const
{
    QList<SecuritySetting> offered;
    bool secured = false;
    for (const SecuritySetting &setting : m_listenSecurity) {
        if (setting.policy == SecurityPolicyId::None)
            offered << setting;
        else
            secured = true;
    }
    if (!secured || !ownCertificate())
        return offered;
    return m_listenSecurity;
}

// Deadlines.

void OpcUaProxy::housekeeping()
{
    expireRequests();
    expireClients();
    m_housekeeping->start(HousekeepingIntervalMs);
}

void OpcUaProxy::expireRequests()
{
    const qint64 t = m_context.nowMs();
    m_forwarder.expire(t);
    m_history.expire(t);
    m_sessions.expire(t);
    // Channels whose token was not renewed in time.
    std::vector<Connection *> expired;
    for (const auto &[id, c] : m_connections)
        if (c->channel->tokenExpired(t))
            expired.push_back(c.get());
    for (Connection *c : expired)
        closeConnection(c, tr("the secure channel's token expired"), false);
}

void OpcUaProxy::expireClients()
{
    const qint64 t = m_context.nowMs();
    const OpcUaLimits l = limits();
    const std::set<int> withSession = m_sessions.expireUnactivated(t, l.activationTimeoutMs);
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
    m_sessions.expireLogins(t);
}

// The pair's servers.

void OpcUaProxy::onSessionChanged(Side side)
{
    auto *link = m_runtime ? qobject_cast<OpcUaLink *>(m_runtime->link(side)) : nullptr;
    Client *current = link ? link->client() : nullptr;
    Client *old = m_context.client(side);
    if (current == old)
        return;
    m_subscriptions.mirrors().serverChanged(side, old, current);
    m_context.setClient(side, current);
    if (current)
        readNamespaceArray(side);
    // Requests that went to the old session hear nothing from it any more.
    m_forwarder.sessionChanged(side, current);
    m_history.sessionChanged(side, current);
    m_subscriptions.mirrors().syncAll();
}

void OpcUaProxy::readNamespaceArray(Side side)
{
    Client *client = m_context.backend(side);
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

void OpcUaProxy::onActiveChanged(Side previous, Side current)
{
    // Hot: what the new active server reported after the old one's last notification is
    // the client's next data; it was on its way while the switch was decided.
    m_subscriptions.mirrors().activeChanged(current);
    m_forwarder.activeChanged(previous, current);
    m_history.activeChanged(previous, current);
    m_subscriptions.mirrors().syncAll();
}

} // namespace tandem::opcua
