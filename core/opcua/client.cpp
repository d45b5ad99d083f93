#include "client.h"

#include "usertoken.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>

namespace tandem::opcua {

Q_LOGGING_CATEGORY(lcOpcUa, "tandem.opcua", QtInfoMsg)

namespace {

constexpr int CloseSessionTimeoutMs = 2000;
constexpr double RequestedSessionTimeoutMs = 60000;
constexpr quint32 MaxRepublishPerGap = 100; // older notifications are reported lost

QByteArray randomNonce()
{
    QByteArray nonce(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(nonce.data()),
                                          nonce.size() / 4);
    return nonce;
}

bool isPlainPolicy(const UserTokenPolicy &policy)
{
    return policy.securityPolicyUri.isEmpty() || policy.securityPolicyUri == SecurityPolicyNone;
}

} // namespace

Client::Client(QObject *parent)
    : QObject(parent)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this,
            [this] { failConnect(tr("no answer within the connect timeout")); });
    m_renewTimer.setSingleShot(true);
    connect(&m_renewTimer, &QTimer::timeout, this,
            [this] { openChannel(SecurityTokenRequestType::Renew); });
}

namespace {
// The released clients still closing their sessions: nothing else holds them.
QMutex releasedMutex;
QSet<Client *> releasedClients;

qsizetype releasedCount()
{
    const QMutexLocker lock(&releasedMutex);
    return releasedClients.size();
}
} // namespace

Client::~Client()
{
    // Callbacks must not run into a half-destroyed owner: drop them unheard.
    abandon();
    if (m_released) {
        const QMutexLocker lock(&releasedMutex);
        releasedClients.remove(this);
    }
}

void Client::waitForReleased(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (releasedCount() == 0 || deadline.hasExpired())
            loop.quit();
    });
    poll.start(10);
    if (releasedCount() > 0)
        loop.exec();
    // A server that did not answer in time holds the process no longer: the clients of
    // this thread that are left close their connections unheard.
    QList<Client *> left;
    {
        const QMutexLocker lock(&releasedMutex);
        for (Client *client : std::as_const(releasedClients))
            if (client->thread() == QThread::currentThread())
                left.append(client);
    }
    qDeleteAll(left);
}

void Client::abandon()
{
    for (Pending &pending : m_pending)
        delete pending.timer;
    m_pending.clear();
    resetConnection();
}

bool Client::parseUrl(const QString &url, QString *host, quint16 *port, QString *error)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (!parsed.isValid() || parsed.scheme() != QLatin1String("opc.tcp") ||
        parsed.host().isEmpty()) {
        *error = tr("'%1' is not an OPC UA URL like opc.tcp://host:4840").arg(url);
        return false;
    }
    *host = parsed.host();
    *port = quint16(parsed.port(4840));
    return true;
}

void Client::connectToServer(const QString &url, const Identity &identity, bool withSession,
                             int timeoutMs)
{
    if (m_state != State::Disconnected)
        abort();
    QString host, error;
    quint16 port = 0;
    if (!parseUrl(url, &host, &port, &error)) {
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT connectFailed(error); }, Qt::QueuedConnection);
        return;
    }
    m_url = url;
    m_closeRequested = false;
    m_identity = identity;
    m_wantSession = withSession;
    m_state = State::Connecting;
    m_reassembler = ChunkReassembler(ConnectionLimits());
    m_limits = ConnectionLimits();
    m_nextSequenceNumber = 1;
    m_renewals = 0;
    m_token = {};
    m_authenticationToken = {};
    m_socket = new QTcpSocket(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::connected, this, &Client::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &Client::onReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &Client::onSocketError);
    m_connectTimer.start(timeoutMs);
    m_socket->connectToHost(host, port);
}

void Client::onConnected()
{
    Hello hello;
    hello.limits = m_limits;
    hello.endpointUrl = m_url;
    m_socket->write(encodeHello(hello));
}

void Client::onSocketError()
{
    const QString reason = m_socket->error() == QAbstractSocket::RemoteHostClosedError
                               ? tr("the server closed the connection")
                               : m_socket->errorString();
    if (m_state == State::Connecting)
        failConnect(reason);
    else if (m_state == State::Closing) {
        resetConnection();
        Q_EMIT disconnected(QString());
    } else
        lose(reason);
}

void Client::onReadyRead()
{
    const QPointer<Client> self(this);
    if (!m_reassembler.feed(m_socket->readAll())) {
        const QString reason =
            tr("the server sent a broken message: %1").arg(m_reassembler.error());
        m_state == State::Connecting ? failConnect(reason) : lose(reason);
        return;
    }
    if (const auto error = m_reassembler.takeError()) {
        const QString reason =
            tr("the server refused: %1%2")
                .arg(statusCodeText(error->error),
                     error->reason.isEmpty() ? QString() : QLatin1String(", ") + error->reason);
        m_state == State::Connecting ? failConnect(reason) : lose(reason);
        return;
    }
    if (const auto ack = m_reassembler.takeAcknowledge()) {
        if (m_state != State::Connecting || m_token.channelId != 0) {
            lose(tr("the server sent an unexpected Acknowledge"));
            return;
        }
        m_limits = negotiate(m_limits, *ack);
        m_reassembler.setLimits(m_limits);
        openChannel(SecurityTokenRequestType::Issue);
    }
    for (const auto &[requestId, error] : m_reassembler.takeAborted()) {
        finish(requestId, nullptr,
               {error.error, tr("the server aborted the answer: %1").arg(error.reason)});
        if (!self)
            return;
    }
    for (const SecureMessage &message : m_reassembler.takeMessages()) {
        onMessage(message);
        if (!self || !m_socket)
            return;
    }
}

void Client::onMessage(const SecureMessage &message)
{
    if (message.type == MessageType::CloseSecureChannel) {
        lose(tr("the server closed the secure channel"));
        return;
    }
    if (!m_pending.contains(message.requestId)) {
        // An answer after its request gave up: dropped, never handed to another request.
        qCDebug(lcOpcUa) << m_url << "late answer to request" << message.requestId;
        return;
    }
    finish(message.requestId, &message.body, {});
}

void Client::openChannel(SecurityTokenRequestType type)
{
    OpenSecureChannelRequest request;
    request.clientProtocolVersion = ProtocolVersion;
    request.requestType = type;
    request.securityMode = MessageSecurityMode::None;
    request.requestedLifetime = m_requestedLifetimeMs;
    const int timeoutMs = type == SecurityTokenRequestType::Issue
                              ? std::max(1, int(m_connectTimer.remainingTime()))
                              : DefaultTimeoutMs;
    callAs<OpenSecureChannelResponse>(
        MessageType::OpenSecureChannel, request,
        [this, type](const OpenSecureChannelResponse &response, const CallStatus &status) {
            if (!status.isGood()) {
                if (type == SecurityTokenRequestType::Issue)
                    failConnect(tr("opening the secure channel failed: %1").arg(status.message));
                else
                    lose(tr("renewing the secure channel failed: %1").arg(status.message));
                return;
            }
            m_token = response.securityToken;
            // Renew at 75 % of the lifetime, as the spec recommends (OPC 10000-4, 5.5.2).
            m_renewTimer.start(std::max(1000, int(m_token.revisedLifetime * 3 / 4)));
            if (type == SecurityTokenRequestType::Renew) {
                ++m_renewals;
                Q_EMIT tokenRenewed();
            } else if (m_wantSession)
                createSession();
            else
                becomeReady(State::ChannelOpen);
        },
        timeoutMs);
}

void Client::createSession()
{
    CreateSessionRequest request;
    request.clientDescription.applicationUri =
        QStringLiteral("urn:%1:Tandem").arg(QHostInfo::localHostName());
    request.clientDescription.productUri = QStringLiteral("urn:tandem");
    request.clientDescription.applicationName = {QStringLiteral("en"), QStringLiteral("Tandem")};
    request.clientDescription.applicationType = ApplicationType::Client;
    request.endpointUrl = m_url;
    request.sessionName = QStringLiteral("Tandem %1").arg(QHostInfo::localHostName());
    request.clientNonce = randomNonce();
    request.requestedSessionTimeout = RequestedSessionTimeoutMs;
    request.maxResponseMessageSize = m_limits.maxMessageSize;
    call<CreateSessionResponse>(
        request,
        [this](const CreateSessionResponse &response, const CallStatus &status) {
            if (!status.isGood()) {
                failConnect(tr("creating a session failed: %1").arg(status.message));
                return;
            }
            m_authenticationToken = response.authenticationToken;
            m_sessionTimeoutMs = response.revisedSessionTimeout;
            activateSession(response);
        },
        std::max(1, int(m_connectTimer.remainingTime())));
}

void Client::activateSession(const CreateSessionResponse &created)
{
    // The identity policies of the unsecured endpoint the session runs on. A password
    // goes encrypted with the server's certificate when the server offers that (most do),
    // in clear text only where the server asks for it so.
    const UserTokenType wanted =
        m_identity.userName.isEmpty() ? UserTokenType::Anonymous : UserTokenType::UserName;
    std::optional<UserTokenPolicy> plain, encrypted;
    QByteArray certificate = created.serverCertificate;
    QStringList unusable;
    for (const EndpointDescription &endpoint : created.serverEndpoints) {
        if (endpoint.securityMode != MessageSecurityMode::None)
            continue;
        for (const UserTokenPolicy &policy : endpoint.userIdentityTokens) {
            if (policy.tokenType != wanted)
                continue;
            if (wanted == UserTokenType::Anonymous || isPlainPolicy(policy)) {
                if (!plain)
                    plain = policy;
            } else if (canEncryptUserToken(policy.securityPolicyUri)) {
                if (!encrypted) {
                    encrypted = policy;
                    if (!endpoint.serverCertificate.isEmpty())
                        certificate = endpoint.serverCertificate;
                }
            } else {
                unusable << policy.securityPolicyUri.section(QLatin1Char('#'), -1);
            }
        }
    }
    if (!plain && !encrypted) {
        if (wanted == UserTokenType::Anonymous)
            failConnect(tr("the server does not accept anonymous sessions; configure a user name"));
        else if (!unusable.isEmpty())
            failConnect(tr("the server takes user names only encrypted with %1, which Tandem "
                           "does not support")
                            .arg(unusable.join(QLatin1String(", "))));
        else
            failConnect(tr("the server does not accept user names on an unsecured endpoint"));
        return;
    }
    ActivateSessionRequest request;
    request.localeIds = {QStringLiteral("en")};
    if (wanted == UserTokenType::Anonymous) {
        request.userIdentityToken = toExtensionObject(AnonymousIdentityToken{plain->policyId});
    } else if (encrypted) {
        QString error;
        const auto secret =
            encryptUserTokenSecret(certificate, encrypted->securityPolicyUri,
                                   m_identity.password.toUtf8(), created.serverNonce, &error);
        if (!secret) {
            failConnect(tr("the password cannot be encrypted for the server: %1").arg(error));
            return;
        }
        request.userIdentityToken = toExtensionObject(UserNameIdentityToken{
            encrypted->policyId, m_identity.userName, secret->data, secret->algorithm});
    } else {
        request.userIdentityToken = toExtensionObject(UserNameIdentityToken{
            plain->policyId, m_identity.userName, m_identity.password.toUtf8(), QString()});
    }
    call<ActivateSessionResponse>(
        request,
        [this](const ActivateSessionResponse &, const CallStatus &status) {
            if (!status.isGood()) {
                const bool refused =
                    (status.status.code & 0xFFFF0000) == Status::BadUserAccessDenied ||
                    (status.status.code & 0xFFFF0000) == Status::BadIdentityTokenRejected ||
                    (status.status.code & 0xFFFF0000) == Status::BadIdentityTokenInvalid;
                failConnect(refused && !m_identity.userName.isEmpty()
                                ? tr("the server refused the user name '%1': %2")
                                      .arg(m_identity.userName, status.message)
                                : tr("activating the session failed: %1").arg(status.message));
                return;
            }
            becomeReady(State::SessionOpen);
        },
        std::max(1, int(m_connectTimer.remainingTime())));
}

void Client::becomeReady(State state)
{
    m_connectTimer.stop();
    m_state = state;
    Q_EMIT connected();
}

void Client::failConnect(const QString &reason)
{
    if (m_state != State::Connecting)
        return;
    resetConnection();
    failAllPending({StatusCode{Status::BadNotConnected}, reason});
    Q_EMIT connectFailed(reason);
}

void Client::lose(const QString &reason)
{
    if (m_state == State::Disconnected)
        return;
    qCInfo(lcOpcUa) << m_url << "connection lost:" << reason;
    const QPointer<Client> self(this);
    resetConnection();
    failAllPending({StatusCode{Status::BadConnectionClosed}, reason});
    // Lost while closing on request: that is the end the owner asked for.
    if (self)
        Q_EMIT disconnected(m_closeRequested ? QString() : reason);
}

void Client::resetConnection()
{
    m_state = State::Disconnected;
    m_connectTimer.stop();
    m_renewTimer.stop();
    m_subscriptions.clear();
    m_publishInFlight = 0;
    m_publishLimit = PublishRequestsInFlight;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

void Client::failAllPending(const CallStatus &status)
{
    const QPointer<Client> self(this);
    const QList<quint32> ids = m_pending.keys();
    for (quint32 id : ids) {
        if (!self)
            return;
        finish(id, nullptr, status);
    }
}

void Client::abort()
{
    resetConnection();
    // Pending callbacks still run once, so their owners never wait forever.
    failAllPending({StatusCode{Status::BadConnectionClosed}, tr("the connection was closed")});
}

void Client::release(int waitMs)
{
    for (Pending &pending : m_pending)
        delete pending.timer;
    m_pending.clear();
    QObject::disconnect(this, nullptr, nullptr, nullptr); // the owner hears nothing more
    setParent(nullptr); // and may go away before the server has answered
    if (!std::exchange(m_released, true)) {
        const QMutexLocker lock(&releasedMutex);
        releasedClients.insert(this);
    }
    if (m_state == State::SessionOpen || m_state == State::ChannelOpen) {
        connect(this, &Client::disconnected, this, &QObject::deleteLater);
        QTimer::singleShot(waitMs, this, &QObject::deleteLater);
        disconnectFromServer();
    } else {
        abandon();
        deleteLater();
    }
}

void Client::disconnectFromServer()
{
    if (m_state == State::Disconnected || m_state == State::Closing)
        return;
    m_closeRequested = true;
    if (m_state == State::Connecting) {
        abort();
        Q_EMIT disconnected(QString());
        return;
    }
    const auto closeChannel = [this] {
        if (!m_socket)
            return;
        CloseSecureChannelRequest request;
        fillHeader(request.requestHeader, 0);
        SecureMessage message;
        message.type = MessageType::CloseSecureChannel;
        message.secureChannelId = m_token.channelId;
        message.tokenId = m_token.tokenId;
        message.requestId = m_nextRequestId++;
        message.body = encodeMessage(request);
        for (const QByteArray &chunk :
             encodeSecureMessage(message, m_limits, &m_nextSequenceNumber))
            m_socket->write(chunk);
        m_state = State::Closing;
        m_socket->disconnectFromHost(); // writes what is buffered, then closes
        if (m_socket->state() == QAbstractSocket::UnconnectedState) {
            resetConnection();
            Q_EMIT disconnected(QString());
        } else
            connect(m_socket, &QTcpSocket::disconnected, this, [this] {
                resetConnection();
                failAllPending(
                    {StatusCode{Status::BadConnectionClosed}, tr("the connection was closed")});
                Q_EMIT disconnected(QString());
            });
    };
    if (m_state != State::SessionOpen) {
        closeChannel();
        return;
    }
    CloseSessionRequest request;
    request.deleteSubscriptions = true;
    m_subscriptions.clear();
    call<CloseSessionResponse>(
        request,
        [closeChannel](const CloseSessionResponse &, const CallStatus &) { closeChannel(); },
        CloseSessionTimeoutMs);
}

void Client::fillHeader(RequestHeader &header, int timeoutMs)
{
    header.authenticationToken = m_authenticationToken;
    header.timestamp = DateTime::fromQDateTime(QDateTime::currentDateTimeUtc());
    header.requestHandle = m_nextHandle++;
    if (m_nextHandle == 0)
        m_nextHandle = 1;
    header.timeoutHint = quint32(std::max(0, timeoutMs));
}

void Client::send(const QByteArray &body, int timeoutMs, MessageType type, RawHandler handler)
{
    const quint32 requestId = m_nextRequestId++;
    if (m_nextRequestId == 0)
        m_nextRequestId = 1;
    if (!m_socket || m_state == State::Disconnected || m_state == State::Closing) {
        const CallStatus status{StatusCode{Status::BadNotConnected}, tr("not connected")};
        QMetaObject::invokeMethod(
            this, [handler = std::move(handler), status] { handler(nullptr, status); },
            Qt::QueuedConnection);
        return;
    }
    if (m_limits.maxMessageSize != 0 && quint32(body.size()) > m_limits.maxMessageSize) {
        const CallStatus status{StatusCode{Status::BadRequestTooLarge},
                                tr("the request of %1 bytes exceeds the server's limit of %2")
                                    .arg(body.size())
                                    .arg(m_limits.maxMessageSize)};
        QMetaObject::invokeMethod(
            this, [handler = std::move(handler), status] { handler(nullptr, status); },
            Qt::QueuedConnection);
        return;
    }
    SecureMessage message;
    message.type = type;
    message.secureChannelId = m_token.channelId;
    message.tokenId = m_token.tokenId;
    message.requestId = requestId;
    message.body = body;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, requestId, timeoutMs] {
        finish(requestId, nullptr,
               {StatusCode{Status::BadTimeout}, tr("no answer within %1 ms").arg(timeoutMs)});
    });
    timer->start(std::max(1, timeoutMs));
    m_pending.insert(requestId, Pending{std::move(handler), timer});
    for (const QByteArray &chunk : encodeSecureMessage(message, m_limits, &m_nextSequenceNumber))
        m_socket->write(chunk);
}

void Client::finish(quint32 requestId, const QByteArray *body, const CallStatus &status)
{
    const auto it = m_pending.find(requestId);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(*it);
    m_pending.erase(it);
    pending.timer->deleteLater();
    pending.timer->stop();
    pending.handler(body, status);
}

CallStatus Client::resultCountMismatch(qsizetype got, qsizetype expected)
{
    return {StatusCode{Status::BadUnexpectedError},
            tr("the server returned %1 results for %2 requested").arg(got).arg(expected)};
}

CallStatus Client::serviceResult(const ResponseHeader &header)
{
    if (header.serviceResult.isBad())
        return {header.serviceResult,
                tr("the server answered %1").arg(statusCodeText(header.serviceResult))};
    return {};
}

CallStatus Client::decodeResponse(const QByteArray &body, quint32 expectedTypeId,
                                  const std::function<bool(Reader &, QString *)> &decode)
{
    Reader r(body);
    const quint32 typeId = readMessageTypeId(r);
    QString error;
    if (typeId == ServiceFault::BinaryEncodingId) {
        ServiceFault fault;
        if (!decodeMessageBody(r, &fault, &error))
            return {StatusCode{Status::BadDecodingError},
                    tr("the server sent an undecodable ServiceFault: %1").arg(error)};
        const CallStatus status = serviceResult(fault.responseHeader);
        return status.isGood() ? CallStatus{StatusCode{Status::BadUnexpectedError},
                                            tr("the server sent a ServiceFault without a code")}
                               : status;
    }
    if (typeId != expectedTypeId)
        return {StatusCode{Status::BadDecodingError},
                tr("the server answered with message type i=%1 instead of i=%2")
                    .arg(typeId)
                    .arg(expectedTypeId)};
    if (!decode(r, &error))
        return {StatusCode{Status::BadDecodingError},
                tr("the server sent an undecodable answer: %1").arg(error)};
    return {};
}

// Typed services.

void Client::getEndpoints(const QString &endpointUrl, Callback<GetEndpointsResponse> done,
                          int timeoutMs)
{
    GetEndpointsRequest request;
    request.endpointUrl = endpointUrl;
    call<GetEndpointsResponse>(request, std::move(done), timeoutMs);
}

void Client::findServers(const QString &endpointUrl, Callback<FindServersResponse> done,
                         int timeoutMs)
{
    FindServersRequest request;
    request.endpointUrl = endpointUrl;
    call<FindServersResponse>(request, std::move(done), timeoutMs);
}

void Client::read(const QList<ReadValueId> &nodes, Callback<ReadResponse> done, int timeoutMs,
                  double maxAge)
{
    ReadRequest request;
    request.maxAge = maxAge;
    request.timestampsToReturn = TimestampsToReturn::Both;
    request.nodesToRead = nodes;
    call<ReadResponse>(request, checkCount<ReadResponse>(std::move(done), nodes.size()), timeoutMs);
}

void Client::write(const QList<WriteValue> &nodes, Callback<WriteResponse> done, int timeoutMs)
{
    WriteRequest request;
    request.nodesToWrite = nodes;
    call<WriteResponse>(request, std::move(done), timeoutMs);
}

void Client::browse(const QList<BrowseDescription> &nodes, Callback<BrowseResponse> done,
                    int timeoutMs, quint32 maxReferencesPerNode)
{
    BrowseRequest request;
    request.requestedMaxReferencesPerNode = maxReferencesPerNode;
    request.nodesToBrowse = nodes;
    call<BrowseResponse>(request, checkCount<BrowseResponse>(std::move(done), nodes.size()),
                         timeoutMs);
}

void Client::browseNext(const QList<QByteArray> &continuationPoints, bool release,
                        Callback<BrowseNextResponse> done, int timeoutMs)
{
    BrowseNextRequest request;
    request.releaseContinuationPoints = release;
    request.continuationPoints = continuationPoints;
    call<BrowseNextResponse>(
        request, checkCount<BrowseNextResponse>(std::move(done), continuationPoints.size()),
        timeoutMs);
}

void Client::createSubscription(const CreateSubscriptionRequest &request,
                                Callback<CreateSubscriptionResponse> done, int timeoutMs)
{
    call<CreateSubscriptionResponse>(
        request,
        [this, done = std::move(done)](const CreateSubscriptionResponse &response,
                                       const CallStatus &status) {
            if (status.isGood() && m_state == State::SessionOpen) {
                SubscriptionState &subscription = m_subscriptions[response.subscriptionId];
                subscription.keepAliveMs = int(
                    std::min<double>(response.revisedPublishingInterval *
                                         std::max<quint32>(1, response.revisedMaxKeepAliveCount),
                                     24.0 * 3600 * 1000));
                int longest = 0;
                for (const SubscriptionState &s : std::as_const(m_subscriptions))
                    longest = std::max(longest, s.keepAliveMs);
                // A Publish waits up to one keep-alive period on the server; give it two,
                // plus the round trip.
                m_publishTimeoutMs = std::max(DefaultTimeoutMs, 2 * longest + 5000);
            }
            const QPointer<Client> self(this);
            done(response, status);
            if (self)
                publishMore();
        },
        timeoutMs);
}

void Client::deleteSubscriptions(const QList<quint32> &ids,
                                 Callback<DeleteSubscriptionsResponse> done, int timeoutMs)
{
    for (quint32 id : ids)
        m_subscriptions.remove(id);
    DeleteSubscriptionsRequest request;
    request.subscriptionIds = ids;
    call<DeleteSubscriptionsResponse>(request, std::move(done), timeoutMs);
}

void Client::createMonitoredItems(quint32 subscriptionId,
                                  const QList<MonitoredItemCreateRequest> &items,
                                  Callback<CreateMonitoredItemsResponse> done, int timeoutMs)
{
    CreateMonitoredItemsRequest request;
    request.subscriptionId = subscriptionId;
    request.timestampsToReturn = TimestampsToReturn::Both;
    request.itemsToCreate = items;
    call<CreateMonitoredItemsResponse>(
        request, checkCount<CreateMonitoredItemsResponse>(std::move(done), items.size()),
        timeoutMs);
}

void Client::deleteMonitoredItems(quint32 subscriptionId, const QList<quint32> &ids,
                                  Callback<DeleteMonitoredItemsResponse> done, int timeoutMs)
{
    DeleteMonitoredItemsRequest request;
    request.subscriptionId = subscriptionId;
    request.monitoredItemIds = ids;
    call<DeleteMonitoredItemsResponse>(request, std::move(done), timeoutMs);
}

void Client::republish(quint32 subscriptionId, quint32 sequenceNumber,
                       Callback<RepublishResponse> done, int timeoutMs)
{
    RepublishRequest request;
    request.subscriptionId = subscriptionId;
    request.retransmitSequenceNumber = sequenceNumber;
    call<RepublishResponse>(request, std::move(done), timeoutMs);
}

// Publishing.

void Client::publishMore()
{
    while (m_state == State::SessionOpen && !m_subscriptions.isEmpty() &&
           m_publishInFlight < m_publishLimit) {
        PublishRequest request;
        for (auto it = m_subscriptions.begin(); it != m_subscriptions.end(); ++it) {
            for (quint32 sequenceNumber : std::as_const(it->toAcknowledge))
                request.subscriptionAcknowledgements.append({it.key(), sequenceNumber});
            it->toAcknowledge.clear();
        }
        ++m_publishInFlight;
        call<PublishResponse>(
            request,
            [this](const PublishResponse &response, const CallStatus &status) {
                onPublish(response, status);
            },
            m_publishTimeoutMs);
    }
}

void Client::onPublish(const PublishResponse &response, const CallStatus &status)
{
    m_publishInFlight = std::max(0, m_publishInFlight - 1);
    if (m_state != State::SessionOpen)
        return;
    const quint32 code = status.status.code & 0xFFFF0000;
    if (!status.isGood()) {
        if (code == Status::BadTooManyPublishRequests) {
            // The server keeps fewer in its queue: keep that many (at least one) in flight.
            m_publishLimit = std::max(1, m_publishInFlight);
            return;
        }
        if (code == Status::BadNoSubscription) {
            m_subscriptions.clear();
            return;
        }
        if (code == Status::BadSessionIdInvalid || code == Status::BadSessionClosed ||
            code == Status::BadSessionNotActivated) {
            lose(tr("the server ended the session: %1").arg(status.message));
            return;
        }
        if (code == Status::BadConnectionClosed || code == Status::BadNotConnected)
            return;
        // BadTimeout and the like: the loop goes on, the status query judges the server.
        qCDebug(lcOpcUa) << m_url << "publish:" << status.message;
    } else if (m_subscriptions.contains(response.subscriptionId)) {
        const QPointer<Client> self(this);
        handleNotification(response.subscriptionId, response.notificationMessage);
        if (!self)
            return;
    }
    publishMore();
}

void Client::handleNotification(quint32 subscriptionId, const NotificationMessage &message)
{
    auto it = m_subscriptions.find(subscriptionId);
    if (it == m_subscriptions.end())
        return;
    const quint32 sequenceNumber = message.sequenceNumber;
    // A keep-alive carries the number the next notification will have, so both kinds
    // reveal notifications that never arrived.
    if (it->lastSequenceNumber && sequenceNumber > *it->lastSequenceNumber + 1) {
        const quint32 first = *it->lastSequenceNumber + 1;
        it->lastSequenceNumber = sequenceNumber - 1;
        const QPointer<Client> self(this);
        recover(subscriptionId, first, sequenceNumber - 1);
        if (!self)
            return;
        it = m_subscriptions.find(subscriptionId);
        if (it == m_subscriptions.end())
            return;
    }
    if (message.notificationData.isEmpty())
        return;
    if (!it->lastSequenceNumber || sequenceNumber > *it->lastSequenceNumber)
        it->lastSequenceNumber = sequenceNumber;
    it->toAcknowledge.append(sequenceNumber);
    // One asked for again may still come this way; then Republish's answer is ignored.
    it->republishing.erase(sequenceNumber);
    if (it->republishing.empty() && it->held.empty()) {
        deliver(subscriptionId, message);
        return;
    }
    // Older ones are on their way back: the owner hears this one after them.
    it->held.insert_or_assign(sequenceNumber, HeldNotification{message});
    deliverHeld(subscriptionId);
}

void Client::recover(quint32 subscriptionId, quint32 first, quint32 last)
{
    const auto it = m_subscriptions.find(subscriptionId);
    if (it == m_subscriptions.end())
        return;
    // Ask for each missing notification; the server keeps them until acknowledged.
    if (last - first >= MaxRepublishPerGap) {
        it->held.insert_or_assign(first, HeldNotification{std::nullopt, last - MaxRepublishPerGap});
        first = last - MaxRepublishPerGap + 1;
    }
    for (quint32 n = first; n <= last && n != 0; ++n) {
        it->republishing.insert(n);
        republish(
            subscriptionId, n,
            [this, subscriptionId, n](const RepublishResponse &response, const CallStatus &status) {
                onRepublished(subscriptionId, n, response, status);
            });
        if (n == last)
            break;
    }
    deliverHeld(subscriptionId); // the losses older than what Republish is asked for
}

void Client::onRepublished(quint32 subscriptionId, quint32 sequenceNumber,
                           const RepublishResponse &response, const CallStatus &status)
{
    const auto it = m_subscriptions.find(subscriptionId);
    // Gone with its subscription (and what was held), or it came with a Publish after all.
    if (it == m_subscriptions.end() || it->republishing.erase(sequenceNumber) == 0)
        return;
    if (status.isGood()) {
        it->toAcknowledge.append(sequenceNumber);
        it->held.insert_or_assign(sequenceNumber, HeldNotification{response.notificationMessage});
    } else if ((status.status.code & 0xFFFF0000) != Status::BadConnectionClosed) {
        it->held.insert_or_assign(sequenceNumber, HeldNotification{std::nullopt, sequenceNumber});
    }
    deliverHeld(subscriptionId);
}

void Client::deliverHeld(quint32 subscriptionId)
{
    const QPointer<Client> self(this);
    for (;;) {
        // Looked up again each time: the owner may delete the subscription when told.
        const auto it = m_subscriptions.find(subscriptionId);
        if (it == m_subscriptions.end() || it->held.empty())
            return;
        const auto next = it->held.begin();
        if (!it->republishing.empty() && *it->republishing.begin() < next->first)
            return; // an older one is still on its way back
        const quint32 sequenceNumber = next->first;
        const HeldNotification held = std::move(next->second);
        it->held.erase(next);
        if (held.message)
            deliver(subscriptionId, *held.message);
        else
            Q_EMIT notificationsLost(subscriptionId, sequenceNumber, held.lastLost);
        if (!self)
            return;
    }
}

void Client::deliver(quint32 subscriptionId, const NotificationMessage &message)
{
    const QPointer<Client> self(this);
    for (const ExtensionObject &data : message.notificationData) {
        if (const auto change = fromExtensionObject<DataChangeNotification>(data)) {
            for (const MonitoredItemNotification &item : change->monitoredItems) {
                Q_EMIT dataChange(subscriptionId, item.clientHandle, item.value);
                if (!self)
                    return;
            }
        } else if (const auto statusChange = fromExtensionObject<StatusChangeNotification>(data)) {
            if (statusChange->status.isBad())
                m_subscriptions.remove(subscriptionId);
            Q_EMIT subscriptionStatusChanged(subscriptionId, statusChange->status);
            if (!self)
                return;
        }
        // Event notifications are not asked for; anything else is skipped.
    }
}

} // namespace tandem::opcua
