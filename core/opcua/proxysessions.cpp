#include "proxysessions.h"

#include "base/logging.h"
#include "events/eventlog.h"
#include "proxycontext.h"
#include "proxyidentity.h"
#include "sessionadmission.h"
#include "sessionsignature.h"

#include <QRandomGenerator>
#include <QUuid>

#include <cmath>

namespace tandem::opcua {

namespace {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), count / 4);
    return bytes;
}

} // namespace

ProxySessions::ProxySessions(ProxyContext &context, EventLog *events)
    : m_context(context)
    , m_events(events)
    , m_identity(std::make_unique<ProxyIdentity>(context))
{}

ProxySessions::~ProxySessions() = default;

void ProxySessions::create(const Caller &caller, quint32 requestId,
                           const CreateSessionRequest &request,
                           const QList<EndpointDescription> &endpoints)
{
    const OpcUaLimits &limits = m_context.limits();
    QList<SessionSummary> sessions;
    for (const auto &[id, s] : m_sessions)
        sessions.append({id, s->address, s->activated, m_context.clients().isOpen(s->connection),
                         s->createdAt});
    const SessionAdmission admission = SessionAdmission::decide(
        sessions, caller.address, limits.maxSessions, limits.maxSessionsPerAddress);
    if (!admission.admitted) {
        qCWarning(lcOpcUa) << "proxy" << m_context.config().name << "refused a session of"
                           << caller.peer << ":" << admission.reason;
        m_context.fault(caller.connection, requestId, request.requestHeader.requestHandle,
                        Status::BadTooManySessions);
        return;
    }
    std::optional<SignatureData> serverSignature;
    const bool secured = caller.security.policy != SecurityPolicyId::None;
    if (secured) {
        // The session is bound to the channel's certificates (OPC 10000-4 §5.6.2).
        quint32 status = Status::Good;
        QString why;
        CryptoError error;
        if (request.clientCertificate != caller.clientCertificate) {
            status = Status::BadCertificateInvalid;
            why = QStringLiteral("its certificate is not the one of its secure channel");
        } else if (request.clientNonce.size() < 32) {
            status = Status::BadNonceInvalid;
            why = QStringLiteral("its nonce has %1 bytes, fewer than 32")
                      .arg(request.clientNonce.size());
        } else if (!(serverSignature =
                         signSession(caller.security.securityPolicy(), caller.ownKey,
                                     request.clientCertificate, request.clientNonce, &error))) {
            status = error.status;
            why = error.message;
        }
        if (status != Status::Good) {
            qCWarning(lcOpcUa) << "proxy" << m_context.logName() << "refused a session of"
                               << caller.peer << ":" << why;
            m_context.fault(caller.connection, requestId, request.requestHeader.requestHandle,
                            status);
            return;
        }
    }
    for (quint32 id : admission.evict)
        if (const auto it = m_sessions.find(id); it != m_sessions.end())
            end(it->second.get(), QStringLiteral("made room for a new session"));
    auto session = std::make_unique<ProxySession>();
    session->id = m_nextSession++;
    session->sessionId = NodeId(0, QUuid::createUuid());
    session->authenticationToken = NodeId(0, randomBytes(32));
    session->name = request.sessionName;
    const double requested = request.requestedSessionTimeout;
    session->timeoutMs = requested > 0 && std::isfinite(requested)
                             ? qint64(std::clamp<double>(requested, ProxySession::MinTimeoutMs,
                                                         ProxySession::MaxTimeoutMs))
                             : ProxySession::DefaultTimeoutMs;
    session->connection = caller.connection;
    session->address = caller.address;
    session->createdAt = session->lastUsed = m_context.nowMs();

    auto response = answerTo<CreateSessionResponse>(request.requestHeader);
    response.sessionId = session->sessionId;
    response.authenticationToken = session->authenticationToken;
    response.revisedSessionTimeout = double(session->timeoutMs);
    response.serverNonce = session->serverNonce = ProxyIdentity::newServerNonce();
    response.serverCertificate = m_identity->serverCertificate();
    response.serverEndpoints = endpoints;
    if (secured) {
        response.serverCertificate = caller.serverCertificate;
        response.serverSignature = *serverSignature;
    }
    qCInfo(lcOpcUa) << "proxy" << m_context.logName() << "session" << session->id
                    << request.sessionName << "from" << caller.peer;
    m_sessions.emplace(session->id, std::move(session));
    m_context.reply(caller.connection, requestId, response);
}

void ProxySessions::activate(const Caller &caller, quint32 requestId,
                             const ActivateSessionRequest &request)
{
    const quint32 handle = request.requestHeader.requestHandle;
    ProxySession *session = nullptr;
    for (const auto &[id, s] : m_sessions)
        if (s->authenticationToken == request.requestHeader.authenticationToken)
            session = s.get();
    if (!session) {
        m_context.fault(caller.connection, requestId, handle, Status::BadSessionIdInvalid);
        return;
    }
    if (caller.security.policy != SecurityPolicyId::None) {
        // Proof that the client holds its certificate's key (OPC 10000-4 §5.6.3).
        CryptoError error;
        if (!verifySessionSignature(caller.security.securityPolicy(), caller.clientCertificate,
                                    request.clientSignature, caller.serverCertificate,
                                    session->serverNonce, &error)) {
            qCWarning(lcOpcUa) << "proxy" << m_context.logName() << "refused a session of"
                               << caller.peer << ":" << error.message;
            m_context.fault(caller.connection, requestId, handle,
                            Status::BadApplicationSignatureInvalid);
            return;
        }
    }
    const quint32 sessionId = session->id;
    const int connection = caller.connection;
    const auto accept = [this, sessionId, connection, requestId, handle](const QString &user,
                                                                         bool storeUser) {
        auto s = m_sessions.find(sessionId);
        if (!m_context.clients().isOpen(connection))
            return;
        if (s == m_sessions.end()) {
            m_context.fault(connection, requestId, handle, Status::BadSessionIdInvalid);
            return;
        }
        s->second->activated = true;
        s->second->connection = connection;
        s->second->lastUsed = m_context.nowMs();
        s->second->user = user;
        s->second->storeUser = storeUser;
        RequestHeader header;
        header.requestHandle = handle;
        auto response = answerTo<ActivateSessionResponse>(header);
        response.serverNonce = s->second->serverNonce = ProxyIdentity::newServerNonce();
        m_context.reply(connection, requestId, response);
    };
    const auto refuse = [this, connection, requestId, handle](quint32 status, const QString &why) {
        qCWarning(lcOpcUa) << "proxy" << m_context.logName() << "refused a session of"
                           << m_context.clients().peer(connection) << ":" << why;
        m_context.fault(connection, requestId, handle, status);
    };
    // A user name and password is a guess, unless this address may not guess now. The same
    // answer either way, and unlogged (the lockout's event said it), so a locked-out
    // guesser learns nothing and floods nothing.
    const QString address = caller.address;
    const bool guess = ProxyIdentity::isPasswordToken(request.userIdentityToken);
    if (guess) {
        const OpcUaLimits &limits = m_context.limits();
        m_logins.setLimits(limits.loginAttempts, limits.loginLockoutMs); // as configured now
        if (!m_logins.tryBegin(address, m_context.nowMs())) {
            m_context.fault(connection, requestId, handle, Status::BadUserAccessDenied);
            return;
        }
    }
    m_identity->check(request, session->serverNonce, caller.securityPolicyUri, caller.peer,
                      [this, guess, address, accept, refuse](const ProxyIdentity::Verdict &v) {
                          // A refused token counts as a failed guess too.
                          if (guess) {
                              if (v.status == Status::Good)
                                  m_logins.succeeded(address);
                              else if (v.checkFailed)
                                  m_logins.cancelled(address);
                              else
                                  loginFailed(address, v.why);
                          }
                          if (v.status == Status::Good)
                              accept(v.user, v.storeUser);
                          else
                              refuse(v.status, v.why);
                      });
}

void ProxySessions::loginFailed(const QString &address, const QString &why)
{
    const qint64 lockout = m_logins.failed(address, m_context.nowMs());
    if (lockout == 0)
        return;
    const QString pair = m_context.config().name;
    const int failures = m_logins.failures(address);
    qCWarning(lcOpcUa) << "proxy" << pair << "locks out logins from" << address << "for" << lockout
                       << "ms after" << failures << "failures, the last:" << why;
    if (m_events)
        m_events->post(
            EventId::ClientLoginLocked, pair,
            {pair, address, QString::number((lockout + 999) / 1000), QString::number(failures)});
}

bool ProxySessions::isOperator(const ProxySession &session)
{
    return session.activated && session.storeUser && m_identity->isOperator(session.user);
}

void ProxySessions::close(int connection, quint32 requestId, const CloseSessionRequest &request)
{
    ProxySession *session = sessionFor(connection, requestId, request.requestHeader);
    if (!session)
        return;
    end(session, QStringLiteral("closed by the client"));
    m_context.reply(connection, requestId, answerTo<CloseSessionResponse>(request.requestHeader));
}

ProxySession *ProxySessions::sessionFor(int connection, quint32 requestId,
                                        const RequestHeader &header)
{
    for (const auto &[id, s] : m_sessions) {
        if (s->authenticationToken != header.authenticationToken)
            continue;
        if (!s->activated) {
            m_context.fault(connection, requestId, header.requestHandle,
                            Status::BadSessionNotActivated);
            return nullptr;
        }
        if (s->connection != connection) {
            m_context.fault(connection, requestId, header.requestHandle,
                            Status::BadSecureChannelIdInvalid);
            return nullptr;
        }
        s->lastUsed = m_context.nowMs();
        return s.get();
    }
    m_context.fault(connection, requestId, header.requestHandle, Status::BadSessionIdInvalid);
    return nullptr;
}

void ProxySessions::end(ProxySession *session, const QString &reason)
{
    qCInfo(lcOpcUa) << "proxy" << m_context.logName() << "session" << session->id
                    << "ended:" << reason;
    if (m_ending)
        m_ending(session);
    for (const PendingPublish &p : session->publishQueue)
        m_context.fault(p.connection, p.requestId, p.requestHandle, Status::BadSessionClosed);
    m_sessions.erase(session->id);
}

void ProxySessions::connectionClosed(int connection)
{
    std::vector<ProxySession *> unactivated;
    for (auto &[sid, session] : m_sessions) {
        std::erase_if(session->publishQueue,
                      [connection](const PendingPublish &p) { return p.connection == connection; });
        if (session->connection == connection && !session->activated)
            unactivated.push_back(session.get());
    }
    // Kept for a reconnect only once activated: the others cannot be used on another channel.
    for (ProxySession *session : unactivated)
        end(session, QStringLiteral("its secure channel closed before it was activated"));
}

void ProxySessions::expire(qint64 t)
{
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        ProxySession *s = it->second.get();
        ++it;
        while (!s->publishQueue.empty() && s->publishQueue.front().deadline != 0 &&
               t >= s->publishQueue.front().deadline) {
            const PendingPublish p = s->publishQueue.front();
            s->publishQueue.pop_front();
            m_context.fault(p.connection, p.requestId, p.requestHandle, Status::BadTimeout);
        }
        if (t - s->lastUsed > s->timeoutMs && s->publishQueue.empty())
            end(s, QStringLiteral("timed out"));
    }
}

std::set<int> ProxySessions::expireUnactivated(qint64 t, int activationTimeoutMs)
{
    std::vector<ProxySession *> stale;
    std::set<int> withSession;
    for (const auto &[id, s] : m_sessions) {
        if (s->activated)
            withSession.insert(s->connection);
        else if (t - s->createdAt >= activationTimeoutMs)
            stale.push_back(s.get());
    }
    for (ProxySession *s : stale)
        end(s, QStringLiteral("not activated within %1 ms").arg(activationTimeoutMs));
    return withSession;
}

void ProxySessions::expireLogins(qint64 t)
{
    if (t - m_loginsExpiredAt >= 60000) {
        m_logins.expire(t);
        m_loginsExpiredAt = t;
    }
}

} // namespace tandem::opcua
