#pragma once

// The sessions clients open on a pair's OPC UA proxy (OPC 10000-4, 5.6) and who may open
// them. CreateSession within the pair's limits (SessionAdmission); ActivateSession with an
// identity the pair accepts (ProxyIdentity), failed logins locked out per address
// (LoginThrottle); never-activated sessions ended after the activation timeout and with
// their channel, activated ones after their session timeout.
// A session's subscriptions are ProxySubscriptions'; its Publish requests wait here, in
// its queue, and are answered with BadSessionClosed when it ends.

#include "asymmetriccrypto.h"
#include "loginthrottle.h"
#include "securitypolicy.h"
#include "services.h"

#include <QObject>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>

namespace tandem {
class EventLog;
}

namespace tandem::opcua {

class ProxyContext;
class ProxyIdentity;

// A Publish request waiting for a notification message.
struct PendingPublish
{
    int connection = 0;
    quint32 requestId = 0;
    quint32 requestHandle = 0;
    QList<StatusCode> results; // of the acknowledgements it carried
    qint64 deadline = 0;       // 0: none
};

struct ProxySession
{
    static constexpr int MinTimeoutMs = 10000;
    static constexpr int MaxTimeoutMs = 3600000;
    static constexpr int DefaultTimeoutMs = 60000;

    quint32 id = 0;
    NodeId sessionId;
    NodeId authenticationToken;
    QString name;
    QString address; // of the client that created it
    qint64 createdAt = 0;
    qint64 timeoutMs = DefaultTimeoutMs;
    qint64 lastUsed = 0;
    int connection = 0; // the channel it was created or last activated on
    bool activated = false;
    QByteArray serverNonce; // the last one issued: the next ActivateSession's token carries it
    QString user;           // who activated it; empty: anonymous
    bool storeUser = false; // user is one of the OPC UA users (OpcUaUserStore)
    std::deque<PendingPublish> publishQueue;
    QList<quint32> subscriptions; // the client's ids, in order of creation
};

class ProxySessions final : public QObject
{
    Q_OBJECT

public:
    // The client connection a session request came on.
    struct Caller
    {
        int connection = 0;
        QString address; // what sessions and logins are counted by
        QString peer;    // address:port, for the log
        // The channel's security, which the session signatures use (OPC 10000-4 §5.6.2):
        // its setting, the client's certificate chain, the own certificate and key.
        SecuritySetting security{};
        QByteArray clientCertificate{};
        QByteArray serverCertificate{};
        AsymmetricKey ownKey{};
        QString securityPolicyUri{}; // of its secure channel; empty: None
    };

    ProxySessions(ProxyContext &context, EventLog *events);
    ~ProxySessions() override;

    int count() const { return int(m_sessions.size()); }
    ProxyIdentity &identity() { return *m_identity; }
    const ProxyIdentity &identity() const { return *m_identity; }
    // Runs first when a session ends (its subscriptions go with it).
    void setEnding(std::function<void(ProxySession *)> ending) { m_ending = std::move(ending); }

    // endpoints: this proxy's, as GetEndpoints gives them for the request's URL.
    void create(const Caller &caller, quint32 requestId, const CreateSessionRequest &request,
                const QList<EndpointDescription> &endpoints);
    void activate(const Caller &caller, quint32 requestId, const ActivateSessionRequest &request);
    void close(int connection, quint32 requestId, const CloseSessionRequest &request);
    // The activated session of a request on this connection, or null after a fault.
    ProxySession *sessionFor(int connection, quint32 requestId, const RequestHeader &header);
    void end(ProxySession *session, const QString &reason);
    // The session's user is an operator (OpcUaUser::isOperator) of this pair, as the users'
    // file says now.
    bool isOperator(const ProxySession &session);

    // The connection closed: its Publish requests go, and the sessions it created but never
    // activated (the others stay for a reconnect).
    void connectionClosed(int connection);
    // Publish requests past their timeout hint, sessions past their timeout.
    void expire(qint64 nowMs);
    // Ends the sessions not activated within activationTimeoutMs. Returns the connections
    // an activated session uses (as before those ended).
    std::set<int> expireUnactivated(qint64 nowMs, int activationTimeoutMs);
    // Forgets quiet login records, once a minute.
    void expireLogins(qint64 nowMs);

private:
    // A login from this address counted against it: its lockout, and the event that says so.
    void loginFailed(const QString &address, const QString &why);

    ProxyContext &m_context;
    EventLog *m_events;
    std::map<quint32, std::unique_ptr<ProxySession>> m_sessions;
    std::function<void(ProxySession *)> m_ending;
    std::unique_ptr<ProxyIdentity> m_identity;
    LoginThrottle m_logins;
    qint64 m_loginsExpiredAt = 0;
    quint32 m_nextSession = 1;
};

} // namespace tandem::opcua
