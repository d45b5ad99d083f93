#pragma once

// A pair's OPC UA endpoint (issue 8): unchanged OPC UA clients connect to it as to one
// server, and the proxy forwards their requests to the pair's active server over the
// engine's own sessions (OpcUaLink). Clients keep their sessions, subscription ids,
// monitored item ids and sequence numbers across a fail-over:
// - Read, Write, Browse, BrowseNext and TranslateBrowsePathsToNodeIds go to the active
//   server; reads and browses still waiting when the active server changes are sent
//   again to the new one, writes are answered with BadCommunicationError unless the
//   pair replays writes (PairConfig::writeReplay);
// - each client subscription is mirrored on the servers, both in Hot, the active one in
//   Warm and Cold (created there at a switch). Only the active server's notifications
//   reach the client, under the client's own handles; in Hot the standby's recent ones
//   are kept, and at a switch those newer than the old server's last notification are
//   published, so no change the standby saw is lost;
// - ServerStatus, ServiceLevel and a `Tandem` folder with the pair's state are the
//   proxy's own (ProxyNodes).
// Security: SecurityPolicy None only. A pair with a user (PairConfig::user) accepts that
// user name and its keychain password and nothing else; without one, anonymous sessions.
// Clients get what the pair's OpcUaLimits grant (issue 17): handshake and idle deadlines
// (ChannelDeadline), sessions per pair and per address (SessionAdmission), never-activated
// sessions ended after the activation timeout and with their channel, failed logins
// locked out per address (LoginThrottle), subscriptions and monitored items per session,
// and the largest request, announced in the Acknowledge.

#include "base/clock.h"
#include "config/endpoint.h"
#include "config/opcualimits.h"
#include "engine/pairproxy.h"
#include "engine/pairruntime.h"
#include "loginthrottle.h"
#include "proxynodes.h"
#include "proxysubscription.h"
#include "serverchannel.h"

#include <QPointer>
#include <QTimer>

#include <array>
#include <functional>
#include <map>
#include <memory>

namespace tandem {
class EventLog;
class StreamConnection;
class StreamListener;
} // namespace tandem

namespace tandem::opcua {

class Client;
struct CallStatus;

class OpcUaProxy final : public PairProxy
{
    Q_OBJECT

public:
    static constexpr int MaxPublishRequestsPerSession = 10;
    static constexpr int DefaultRequestTimeoutMs = 10000;
    static constexpr int MaxRequestTimeoutMs = 60000;

    // runtime null: no servers at all (the fuzz target); every forwarded service then
    // answers BadNoCommunication.
    // Deadlines (requests, sessions, handshakes, lockouts) run on clock.
    OpcUaProxy(PairRuntime *runtime, const Endpoint &endpoint, EventLog *events = nullptr,
               const Clock *clock = Clock::system(), QObject *parent = nullptr);
    ~OpcUaProxy() override;

    bool listen(QString *error) override;
    quint16 port() const override;
    int clientCount() const override;
    int sessionCount() const { return int(m_sessions.size()); }
    // The pair's settings: the runtime's, or without one (tests, the fuzz target) these.
    const PairConfig &config() const { return m_runtime ? m_runtime->config() : m_config; }
    void setConfig(const PairConfig &config) { m_config = config; }
    const OpcUaLimits &limits() const { return config().opcuaLimits; }
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
    struct Session;
    struct Item;
    struct Subscription;
    struct Forward;
    struct PendingPublish;

    // Connections and the secure channel.
    void onNewConnection(StreamConnection *socket);
    void flush(Connection *connection);
    void closeConnection(Connection *connection, const QString &reason, bool malformed);
    void handleRequest(Connection *connection, const ServerChannel::Request &request);
    void respond(Connection *connection, quint32 requestId, quint32 requestHandle,
                 const QByteArray &body);
    void fault(Connection *connection, quint32 requestId, quint32 requestHandle, quint32 status);
    template <typename Response> Response answer(const RequestHeader &header) const;
    template <typename Response>
    void reply(Connection *connection, quint32 requestId, const Response &response);

    // Discovery and sessions.
    QList<EndpointDescription> endpoints(const QString &requestedUrl) const;
    ApplicationDescription application() const;
    void createSession(Connection *c, quint32 requestId, const CreateSessionRequest &request);
    void activateSession(Connection *c, quint32 requestId, const ActivateSessionRequest &request);
    void closeSession(Connection *c, quint32 requestId, const CloseSessionRequest &request);
    Session *sessionFor(Connection *c, quint32 requestId, const RequestHeader &header);
    void endSession(Session *session, const QString &reason);
    void touch(Session *session);

    // Forwarded services.
    void read(Connection *c, quint32 requestId, Session *session, ReadRequest request);
    void write(Connection *c, quint32 requestId, Session *session, WriteRequest request);
    void browse(Connection *c, quint32 requestId, Session *session, BrowseRequest request);
    // replayable: sent again to the new active server when the old one fails first;
    // toStandby: in Hot also sent to the standby (read-only services).
    template <typename Request, typename Response>
    void forward(Connection *c, quint32 requestId, Request request, bool replayable, bool toStandby,
                 std::function<void(Response &)> adjust = {});
    // For Read, Write and Browse: answers the operations the proxy answers itself (local()
    // gives the result; nullopt: the server's), forwards the others as one request and
    // puts the answers back in the client's order, each through adjust().
    template <typename Request, typename Response, typename Operation, typename Result>
    void splitAndForward(Connection *c, quint32 requestId, Request request,
                         QList<Operation> Request::*operations, QList<Result> Response::*results,
                         const std::function<std::optional<Result>(const Operation &)> &local,
                         bool replayable, bool toStandby,
                         std::function<void(const Operation &, Result &)> adjust = {});
    void dispatch(Forward *forward);
    void finishForward(Forward *forward);
    void expireForwards();
    void housekeeping();
    // Handshake and idle deadlines, activation timeouts, the login records.
    void expireClients();
    // A login from c's address counted against it: its lockout, and the event that says so.
    void loginFailed(const QString &address, const QString &why);
    int monitoredItemCount(const Session *session) const;
    qint64 nowMs() const { return m_clock->nowMs(); }
    int requestTimeoutMs(const RequestHeader &header) const;

    // Subscriptions.
    // Sends to each server's mirror of sub the item ids it has there (fire and forget).
    void
    toMirrors(Subscription *sub, const std::array<QList<quint32>, 2> &ids,
              const std::function<void(Client *, quint32 mirror, const QList<quint32> &ids)> &send);
    void createSubscription(Connection *c, quint32 requestId, Session *session,
                            const CreateSubscriptionRequest &request);
    void modifySubscription(Connection *c, quint32 requestId, Session *session,
                            const ModifySubscriptionRequest &request);
    void setPublishingMode(Connection *c, quint32 requestId, Session *session,
                           const SetPublishingModeRequest &request);
    void deleteSubscriptions(Connection *c, quint32 requestId, Session *session,
                             const DeleteSubscriptionsRequest &request);
    void createMonitoredItems(Connection *c, quint32 requestId, Session *session,
                              const CreateMonitoredItemsRequest &request);
    void modifyMonitoredItems(Connection *c, quint32 requestId, Session *session,
                              const ModifyMonitoredItemsRequest &request);
    void setMonitoringMode(Connection *c, quint32 requestId, Session *session,
                           const SetMonitoringModeRequest &request);
    void deleteMonitoredItems(Connection *c, quint32 requestId, Session *session,
                              const DeleteMonitoredItemsRequest &request);
    void publish(Connection *c, quint32 requestId, Session *session, const PublishRequest &request);
    void republish(Connection *c, quint32 requestId, Session *session,
                   const RepublishRequest &request);
    Subscription *subscriptionOf(Session *session, quint32 id) const;
    // The request's subscription of this session, or null after a BadSubscriptionIdInvalid.
    template <typename Request>
    Subscription *requireSubscription(Connection *c, quint32 requestId, Session *session,
                                      const Request &request);
    // Applies apply to each existing item of ids; the results per id, and each server's
    // ids of those items in *mirrored.
    QList<StatusCode> forItems(Subscription *sub, const QList<quint32> &ids,
                               std::array<QList<quint32>, 2> *mirrored,
                               const std::function<void(quint32 id, Item &item)> &apply);
    void deleteSubscription(Subscription *subscription);
    void onSubscriptionTick(Subscription *subscription);
    bool sendPublish(Session *session, Subscription *subscription);
    void sampleLocalItems(Subscription *subscription);

    // Mirrors on the servers.
    Client *backend(Side side) const;
    QList<Side> mirrorSides() const;
    void syncMirrors();
    void syncMirror(Subscription *subscription, Side side);
    void createMirrorItems(
        Subscription *subscription, Side side, QList<quint32> itemIds,
        std::function<void(const CreateMonitoredItemsResponse &, const CallStatus &)> then);
    void dropMirror(Subscription *subscription, Side side, bool deleteOnServer);
    void onSessionChanged(Side side);
    void onBackendDataChange(Side side, quint32 backendSubscription, quint32 handle,
                             const DataValue &value);
    void onBackendSubscriptionStatus(Side side, quint32 backendSubscription, StatusCode status);
    void onActiveChanged(Side previous, Side current);
    void readNamespaceArray(Side side);

    PairRuntime *m_runtime;
    EventLog *m_events;
    Endpoint m_endpoint;
    ProxyNodes m_nodes;
    StreamListener *m_server = nullptr;
    std::map<int, std::unique_ptr<Connection>> m_connections;
    std::map<quint32, std::unique_ptr<Session>> m_sessions;
    std::map<quint32, std::unique_ptr<Subscription>> m_subscriptions; // by the client's id
    std::map<quint64, std::unique_ptr<Forward>> m_forwards;
    std::array<QPointer<Client>, 2> m_backends;
    const Clock *m_clock;
    // Request deadlines, session timeouts, channel token expiry, every HousekeepingIntervalMs.
    std::unique_ptr<ClockTimer> m_housekeeping;
    PairConfig m_config; // without a runtime
    LoginThrottle m_logins;
    qint64 m_loginsExpiredAt = 0;
    int m_nextConnection = 1;
    quint32 m_nextSession = 1;
    quint32 m_nextSubscription = 1;
    quint32 m_nextItem = 1;
    quint64 m_nextForward = 1;
};

} // namespace tandem::opcua
