#pragma once

// A pair's OPC UA endpoint: unchanged OPC UA clients connect to it as to one server, and
// the proxy forwards their requests to the pair's active server over the engine's own
// sessions (OpcUaLink). Clients keep their sessions, subscription ids, monitored item ids
// and sequence numbers across a fail-over. The proxy holds the client connections and
// their secure channels, answers discovery (ProxyDiscovery), and hands each request to one
// of its parts:
// - ProxySessions: sessions and identity (CreateSession, ActivateSession, CloseSession);
// - RequestForwarder: Read, Write, Browse, BrowseNext, TranslateBrowsePathsToNodeIds and
//   Call, sent to the active server and again to the new one at a switch (Call and Write
//   only when the pair replays writes), and RegisterNodes/UnregisterNodes;
// - HistoryForwarder: HistoryRead and HistoryUpdate, and the proxy's own continuation
//   points, which outlive a switch;
// - ProxySubscriptions: subscriptions, monitored items, Publish and Republish, mirrored on
//   the servers by SubscriptionMirrors;
// - ProxyNodes: ServerStatus, ServiceLevel and a `Tandem` folder with the pair's state,
//   the proxy's own, and ProxyMethods: the folder's SwitchTo and ReturnToAutomatic.
// The parts share a ProxyContext and answer clients through it, by connection id.
// Security: SecurityPolicy None only. A pair with a user (PairConfig::user) accepts that
// user name and its keychain password and nothing else; without one, anonymous sessions.
// Clients get what the pair's OpcUaLimits grant: handshake and idle deadlines
// (ChannelDeadline), sessions per pair and per address (SessionAdmission), never-activated
// sessions ended after the activation timeout and with their channel, failed logins
// locked out per address (LoginThrottle), subscriptions and monitored items per session,
// and the largest request, announced in the Acknowledge.

#include "base/clock.h"
#include "config/endpoint.h"
#include "config/opcualimits.h"
#include "engine/pairproxy.h"
#include "engine/pairruntime.h"
#include "historyforwarder.h"
#include "proxycontext.h"
#include "proxydiscovery.h"
#include "proxymethods.h"
#include "proxynodes.h"
#include "proxysessions.h"
#include "proxysubscriptions.h"
#include "requestforwarder.h"
#include "serverchannel.h"

#include <functional>
#include <map>
#include <memory>

namespace tandem {
class EventLog;
class StreamConnection;
class StreamListener;
} // namespace tandem

namespace tandem::pki {
class ApplicationCertificate;
}

namespace tandem::opcua {

class OpcUaProxy final : public PairProxy, private ClientConnections
{
    Q_OBJECT

public:
    // runtime null: no servers at all (the fuzz target); every forwarded service then
    // answers BadNoCommunication.
    // Deadlines (requests, sessions, handshakes, lockouts) run on clock.
    OpcUaProxy(PairRuntime *runtime, const Endpoint &endpoint, EventLog *events = nullptr,
               const Clock *clock = Clock::system(), QObject *parent = nullptr);
    ~OpcUaProxy() override;

    // The engine's certificates, for endpoints with a security policy other than None.
    void setPki(std::shared_ptr<LocalPki> pki) { m_context.setPki(std::move(pki)); }
    // What the endpoint offers its clients, for connections from now on (None:None until
    // set). Secured settings need the own certificate; without one they are not offered
    // (certificate-unavailable).
    void setListenSecurity(const QList<SecuritySetting> &settings) { m_listenSecurity = settings; }
    const QList<SecuritySetting> &listenSecurity() const { return m_listenSecurity; }

    bool listen(QString *error) override;
    quint16 port() const override;
    int clientCount() const override;
    int sessionCount() const { return m_sessions.count(); }
    // The pair's settings: the runtime's, or without one (tests, the fuzz target) these.
    const PairConfig &config() const { return m_context.config(); }
    void setConfig(const PairConfig &config) { m_context.setConfig(config); }
    const OpcUaLimits &limits() const { return m_context.limits(); }
    // The URL clients are given (GetEndpoints), with the listening port.
    QString endpointUrl() const;
    ProxyState state() const;

    // A connection without a socket (the fuzz target, tests): bytes in with receive(),
    // bytes out through write, close() called when the proxy ends it. Returns its id.
    using WriteFunction = std::function<void(const QByteArray &)>;
    int attach(WriteFunction write, std::function<void()> close, const QString &peer);
    void receive(int connection, QByteArrayView bytes);
    void detach(int connection);

private:
    struct Connection;

    // ClientConnections: how the parts answer.
    bool isOpen(int connection) const override;
    QString peer(int connection) const override;
    void respond(int connection, quint32 requestId, quint32 requestHandle,
                 const QByteArray &body) override;
    void fault(int connection, quint32 requestId, quint32 requestHandle, quint32 status) override;

    // Connections and the secure channel.
    void onNewConnection(StreamConnection *socket);
    void flush(Connection *connection);
    void closeConnection(Connection *connection, const QString &reason, bool malformed);
    void handleRequest(Connection *connection, const ServerChannel::Request &request);
    ProxySessions::Caller caller(const Connection *connection) const;

    ProxyDiscovery discovery() const;
    // The own certificate for the secured settings; null (posted once) when there is none.
    std::shared_ptr<const pki::ApplicationCertificate> ownCertificate() const;
    // The settings a new connection is offered: the secured ones only with a certificate.
    QList<SecuritySetting> offeredSecurity() const;

    void housekeeping();
    // Request and Publish deadlines, session timeouts, channel token expiry.
    void expireRequests();
    // Handshake and idle deadlines, activation timeouts, the login records.
    void expireClients();

    // The pair's servers.
    void onSessionChanged(Side side);
    void onActiveChanged(Side previous, Side current);
    void readNamespaceArray(Side side);

    PairRuntime *m_runtime;
    EventLog *m_events;
    QList<SecuritySetting> m_listenSecurity = {SecuritySetting{}};
    mutable QString m_ownCertificateError; // the last one posted
    Endpoint m_endpoint;
    ProxyNodes m_nodes;
    ProxyContext m_context;
    StreamListener *m_server = nullptr;
    std::map<int, std::unique_ptr<Connection>> m_connections;
    ProxySessions m_sessions;
    RequestForwarder m_forwarder;
    HistoryForwarder m_history;
    ProxyMethods m_methods;
    ProxySubscriptions m_subscriptions;
    // Request deadlines, session timeouts, channel token expiry, every HousekeepingIntervalMs.
    std::unique_ptr<ClockTimer> m_housekeeping;
    int m_nextConnection = 1;
};

} // namespace tandem::opcua
