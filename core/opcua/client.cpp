#include "client.h"

#include "base/logging.h"
#include "pki/certificate.h"
#include "sessionsignature.h"
#include "usertoken.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHostInfo>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>

namespace tandem::opcua {

namespace {

constexpr int CloseSessionTimeoutMs = 2000;
constexpr double RequestedSessionTimeoutMs = 60000;

QByteArray randomNonce()
{
    QByteArray nonce(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(nonce.data()),
                                          nonce.size() / 4);
    return nonce;
}

// The policy a user token is encrypted with: its own, or the endpoint's where it names none
// (OPC 10000-4 §7.41).
QString userTokenPolicyUri(const UserTokenPolicy &policy, const EndpointDescription &endpoint)
{
    return policy.securityPolicyUri.isEmpty() ? endpoint.securityPolicyUri
                                              : policy.securityPolicyUri;
}

bool isPlainPolicy(const QString &uri)
{
    return uri.isEmpty() || uri == SecurityPolicyNone;
}

bool matches(const EndpointDescription &endpoint, const SecuritySetting &setting)
{
    return endpoint.securityPolicyUri == setting.securityPolicy().uriString() &&
           endpoint.securityMode == setting.mode;
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
    m_monotonic.start();
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
    m_failureStatus = StatusCode{Status::BadNotConnected};
    m_serverCertificate.clear();
    m_endpoint = {};
    m_discovering = m_security.setting.policy != SecurityPolicyId::None;
    m_connectTimer.start(timeoutMs);
    startConnection();
}

void Client::startConnection()
{
    QString host, error;
    quint16 port = 0;
    parseUrl(m_url, &host, &port, &error);
    m_reassembler = ChunkReassembler(ConnectionLimits());
    m_chunks = std::make_shared<SecureChunks>(SecureChunks::Role::Client);
    if (!m_discovering && m_security.setting.policy != SecurityPolicyId::None) {
        m_chunks->setOwnCertificate(m_security.ownCertificate, m_security.ownKey);
        CryptoError unusable;
        if (!m_chunks->setPeerCertificate(m_serverCertificate, &unusable)) {
            QMetaObject::invokeMethod(
                this,
                [this, unusable] {
                    failConnect(
                        StatusCode{unusable.status},
                        tr("the server's certificate cannot be used: %1").arg(unusable.toString()));
                },
                Qt::QueuedConnection);
            return;
        }
        m_chunks->setPolicy(m_security.setting.policy);
        m_chunks->setMode(m_security.setting.mode);
    }
    m_reassembler.setSecurity(m_chunks);
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
    m_socket->connectToHost(host, port);
}

void Client::discoverEndpoint()
{
    getEndpoints(
        m_url,
        [this](const GetEndpointsResponse &response, const CallStatus &status) {
            if (!status.isGood()) {
                failConnect(status.status,
                            tr("asking the server's endpoints failed: %1").arg(status.message));
                return;
            }
            const SecuritySetting &wanted = m_security.setting;
            const EndpointDescription *chosen = nullptr;
            QStringList offered;
            for (const EndpointDescription &endpoint : response.endpoints) {
                const SecurityPolicy *policy = securityPolicyByUri(endpoint.securityPolicyUri);
                const QString name = (policy ? policy->nameString() : endpoint.securityPolicyUri) +
                                     QLatin1Char(':') +
                                     messageSecurityModeName(endpoint.securityMode);
                if (!offered.contains(name))
                    offered << name;
                if (!chosen && matches(endpoint, wanted))
                    chosen = &endpoint;
            }
            if (!chosen) {
                failConnect(StatusCode{Status::BadSecurityPolicyRejected},
                            tr("the server offers no endpoint with %1; it offers %2")
                                .arg(wanted.toString(), offered.join(QLatin1String(", "))));
                return;
            }
            if (chosen->serverCertificate.isEmpty()) {
                failConnect(
                    StatusCode{Status::BadCertificateInvalid},
                    tr("the server's %1 endpoint carries no certificate").arg(wanted.toString()));
                return;
            }
            if (m_security.checkServerCertificate) {
                const CallStatus verdict =
                    m_security.checkServerCertificate(chosen->serverCertificate, *chosen);
                if (!verdict.isGood()) {
                    failConnect(verdict.status,
                                tr("the server's certificate is refused: %1").arg(verdict.message));
                    return;
                }
            }
            m_endpoint = *chosen;
            m_serverCertificate = chosen->serverCertificate;
            // The unsecured connection has done its part: closed politely (the server frees
            // the channel at once), and the secured one starts afresh.
            sendCloseSecureChannel();
            QTcpSocket *discovery = std::exchange(m_socket, nullptr);
            discovery->disconnect(this);
            connect(discovery, &QTcpSocket::disconnected, discovery, &QObject::deleteLater);
            discovery->disconnectFromHost();
            if (discovery->state() == QAbstractSocket::UnconnectedState)
                discovery->deleteLater();
            m_discovering = false;
            startConnection();
        },
        std::max(1, int(m_connectTimer.remainingTime())));
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
    if (m_chunks)
        m_chunks->setNow(m_monotonic.elapsed());
    if (!m_reassembler.feed(m_socket->readAll())) {
        const QString reason =
            tr("the server sent a broken message: %1 (%2)")
                .arg(m_reassembler.error(), statusCodeText(m_reassembler.errorStatus()));
        m_state == State::Connecting ? failConnect(m_reassembler.errorStatus(), reason)
                                     : lose(reason);
        return;
    }
    if (const auto error = m_reassembler.takeError()) {
        const QString reason =
            tr("the server refused: %1%2")
                .arg(statusCodeText(error->error),
                     error->reason.isEmpty() ? QString() : QLatin1String(", ") + error->reason);
        m_state == State::Connecting ? failConnect(error->error, reason) : lose(reason);
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
    const bool secured = m_chunks && m_chunks->isSecured();
    if (secured) {
        request.securityMode = m_security.setting.mode;
        CryptoError error;
        const auto nonce = makeNonce(m_chunks->policy(), &error);
        if (!nonce) {
            type == SecurityTokenRequestType::Issue
                ? failConnect(StatusCode{error.status}, error.toString())
                : lose(error.toString());
            return;
        }
        request.clientNonce = *nonce;
    }
    const int timeoutMs = type == SecurityTokenRequestType::Issue
                              ? std::max(1, int(m_connectTimer.remainingTime()))
                              : DefaultTimeoutMs;
    callAs<OpenSecureChannelResponse>(
        MessageType::OpenSecureChannel, request,
        [this, type, secured, clientNonce = request.clientNonce](
            const OpenSecureChannelResponse &response, const CallStatus &status) {
            if (!status.isGood()) {
                if (type == SecurityTokenRequestType::Issue)
                    failConnect(status.status,
                                tr("opening the secure channel failed: %1").arg(status.message));
                else
                    lose(tr("renewing the secure channel failed: %1").arg(status.message));
                return;
            }
            if (secured) {
                // The new token's keys: from here on the client sends with them, and takes
                // the server's answers under the old token until it switched too.
                CryptoError error;
                m_chunks->setNow(m_monotonic.elapsed());
                if (!m_chunks->addToken(response.securityToken.tokenId, clientNonce,
                                        response.serverNonce,
                                        response.securityToken.revisedLifetime, &error)) {
                    if (type == SecurityTokenRequestType::Issue)
                        failConnect(StatusCode{error.status},
                                    tr("the server's nonce is unusable: %1").arg(error.toString()));
                    else
                        lose(tr("the server's nonce is unusable: %1").arg(error.toString()));
                    return;
                }
            }
            m_token = response.securityToken;
            // Renew at 75 % of the lifetime, as the spec recommends (OPC 10000-4, 5.5.2).
            m_renewTimer.start(std::max(1000, int(m_token.revisedLifetime * 3 / 4)));
            if (type == SecurityTokenRequestType::Renew) {
                ++m_renewals;
                Q_EMIT tokenRenewed();
            } else if (m_discovering)
                discoverEndpoint();
            else if (m_wantSession)
                createSession();
            else
                becomeReady(State::ChannelOpen);
        },
        timeoutMs);
}

CallStatus Client::checkServerSignature(const CreateSessionRequest &request,
                                        const CreateSessionResponse &response) const
{
    const SecurityPolicy &policy = m_chunks->policy();
    if (response.serverNonce.size() < 32)
        return {StatusCode{Status::BadNonceInvalid},
                tr("the server's session nonce has %1 bytes, fewer than 32")
                    .arg(response.serverNonce.size())};
    const auto leaf = [](const QByteArray &chain) {
        QString ignored;
        const auto certificates = pki::Certificate::chainFromDer(chain, &ignored);
        return certificates && !certificates->isEmpty() ? certificates->constFirst().der()
                                                        : QByteArray();
    };
    if (leaf(response.serverCertificate) != m_chunks->peerCertificate())
        return {StatusCode{Status::BadCertificateInvalid},
                tr("the server's session certificate is not the one of its endpoint")};
    CryptoError error;
    if (!verifySessionSignature(policy, response.serverCertificate, response.serverSignature,
                                request.clientCertificate, request.clientNonce, &error))
        return {StatusCode{error.status},
                tr("the server's session signature is refused: %1").arg(error.message)};
    return {};
}

void Client::createSession()
{
    const bool secured = m_chunks && m_chunks->isSecured();
    CreateSessionRequest request;
    QString applicationUri = QStringLiteral("urn:%1:Tandem").arg(QHostInfo::localHostName());
    if (secured) {
        // The server compares it with the URI in the certificate (OPC 10000-4 §5.6.2).
        QString ignored;
        if (const auto own = pki::Certificate::fromData(m_security.ownCertificate, &ignored))
            applicationUri = own->applicationUri();
        request.clientCertificate = m_security.ownCertificate;
    }
    request.clientDescription.applicationUri = applicationUri;
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
        [this, secured, request](const CreateSessionResponse &response, const CallStatus &status) {
            if (!status.isGood()) {
                failConnect(status.status, tr("creating a session failed: %1").arg(status.message));
                return;
            }
            if (secured) {
                const CallStatus signature = checkServerSignature(request, response);
                if (!signature.isGood()) {
                    failConnect(signature.status, signature.message);
                    return;
                }
            }
            m_authenticationToken = response.authenticationToken;
            m_sessionTimeoutMs = response.revisedSessionTimeout;
            activateSession(response);
        },
        std::max(1, int(m_connectTimer.remainingTime())));
}

void Client::activateSession(const CreateSessionResponse &created)
{
    // The identity policies of the endpoint the session runs on. A password goes encrypted
    // with the server's certificate when the server offers that (most do), in clear text
    // only where the server asks for it so.
    const bool secured = m_chunks && m_chunks->isSecured();
    const UserTokenType wanted =
        m_identity.userName.isEmpty() ? UserTokenType::Anonymous : UserTokenType::UserName;
    std::optional<UserTokenPolicy> plain, encrypted;
    QByteArray certificate = created.serverCertificate;
    QStringList unusable;
    for (const EndpointDescription &endpoint : created.serverEndpoints) {
        if (secured ? !matches(endpoint, m_security.setting)
                    : endpoint.securityMode != MessageSecurityMode::None)
            continue;
        for (UserTokenPolicy policy : endpoint.userIdentityTokens) {
            if (policy.tokenType != wanted)
                continue;
            policy.securityPolicyUri = userTokenPolicyUri(policy, endpoint);
            if (wanted == UserTokenType::Anonymous || isPlainPolicy(policy.securityPolicyUri)) {
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
    if (secured) {
        // Proof of the own key: the server's certificate and nonce, signed (§5.6.3).
        CryptoError error;
        const auto signature = signSession(m_chunks->policy(), m_security.ownKey,
                                           created.serverCertificate, created.serverNonce, &error);
        if (!signature) {
            failConnect(StatusCode{error.status},
                        tr("signing the session failed: %1").arg(error.toString()));
            return;
        }
        request.clientSignature = *signature;
    }
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
    } else if (!m_identity.allowClearText) {
        failConnect(tr("the server takes the password of '%1' only in clear text, which the "
                       "pair does not allow (allow clear-text passwords towards the servers)")
                        .arg(m_identity.userName));
        return;
    } else {
        request.userIdentityToken = toExtensionObject(UserNameIdentityToken{
            plain->policyId, m_identity.userName, m_identity.password.toUtf8(), QString()});
    }
    call<ActivateSessionResponse>(
        request,
        [this](const ActivateSessionResponse &, const CallStatus &status) {
            if (!status.isGood()) {
                m_failureStatus = status.status;
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

void Client::failConnect(StatusCode status, const QString &reason)
{
    if (m_state == State::Connecting)
        m_failureStatus = status;
    failConnect(reason);
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

void Client::sendCloseSecureChannel()
{
    CloseSecureChannelRequest request;
    fillHeader(request.requestHeader, 0);
    SecureMessage message;
    message.type = MessageType::CloseSecureChannel;
    message.secureChannelId = m_token.channelId;
    message.tokenId = m_token.tokenId;
    message.requestId = m_nextRequestId++;
    message.body = encodeMessage(request);
    CallStatus ignored; // a channel that cannot say goodbye is closed all the same
    encodeAndWrite(message, &ignored);
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
        sendCloseSecureChannel();
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

} // namespace tandem::opcua
