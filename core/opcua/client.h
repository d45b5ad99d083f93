#pragma once

// An OPC UA client over opc.tcp (OPC 10000-4 and 10000-6): the connection handshake, a
// secure channel (SecurityPolicy None, or signed and encrypted under the policy and mode
// of its ClientSecurity) whose token it renews before expiry, a session with anonymous or
// user name identity, the services Tandem needs as typed calls, and
// subscriptions with several Publish requests in flight and Republish of missed
// notifications. One Client is one connection; it never reconnects by itself, its owner
// decides when to try again.
// client.cpp holds the connection, the secure channel and the session; clientservices.cpp
// the requests and the typed calls; clientsubscriptions.cpp subscriptions and publishing.

#include "securechunks.h"
#include "services.h"
#include "transport.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace tandem::opcua {

// What a service call ended with: Good, or why not (the service result, a ServiceFault,
// a timeout, a lost connection or an undecodable answer).
struct CallStatus
{
    StatusCode status;
    QString message; // for events and logs; empty when Good

    bool isGood() const { return message.isEmpty() && status.isGood(); }
};

struct Identity
{
    QString userName; // empty: anonymous
    QString password;
    // Send the password in clear when the server offers no encrypted user token policy;
    // otherwise the connection fails and says why.
    bool allowClearText = true;
};

// How a Client secures its channel and session.
struct ClientSecurity
{
    SecuritySetting setting;   // None:None needs nothing else
    QByteArray ownCertificate; // DER, any issuers' after it
    AsymmetricKey ownKey;
    // Judges the certificate chain of the server's endpoint that matches setting: Good, or
    // the status and reason of the refusal. Unset: every certificate is taken.
    std::function<CallStatus(const QByteArray &certificate, const EndpointDescription &endpoint)>
        checkServerCertificate;
};

class Client final : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Disconnected,
        Connecting,  // TCP, Hello/Acknowledge, OpenSecureChannel
        ChannelOpen, // a secure channel without a session (discovery)
        SessionOpen, // CreateSession and ActivateSession done
        Closing,
    };
    Q_ENUM(State)

    // Publish requests kept in flight while a subscription exists, so a notification is
    // never held back by the round trip of the previous one.
    static constexpr int PublishRequestsInFlight = 3;

    explicit Client(QObject *parent = nullptr);
    ~Client() override;

    // opc.tcp://host[:port][/path]; false with *error when it is not one.
    static bool parseUrl(const QString &url, QString *host, quint16 *port, QString *error);

    // How the next connectToServer() secures the channel. With a policy other than None it
    // first asks the server's endpoints on an unsecured channel (GetEndpoints), takes the
    // endpoint of the setting's policy and mode and has its certificate judged, then opens
    // the secured channel on a new connection (OPC 10000-4 §5.4.4, §5.5.2).
    void setSecurity(ClientSecurity security) { m_security = std::move(security); }
    const ClientSecurity &security() const { return m_security; }

    // Connects and opens a secure channel, then (withSession) creates and activates a
    // session with this identity. Ends in connected() or connectFailed(), both within
    // timeoutMs.
    void connectToServer(const QString &url, const Identity &identity, bool withSession,
                         int timeoutMs);
    // Closes the session (deleting its subscriptions) and the channel politely, then the
    // socket; emits disconnected() without a reason.
    void disconnectFromServer();
    // Drops the socket at once; no signal, pending callbacks run with BadConnectionClosed.
    void abort();
    // Drops the socket at once; no signal, pending callbacks are discarded unheard.
    void abandon();
    // For an owner that is done with this connection: pending callbacks are discarded and
    // no signal reaches anyone any more; the session and channel are closed politely and
    // the Client, no longer the owner's child, deletes itself once closed, at the latest
    // after waitMs. The owner forgets its pointer.
    void release(int waitMs = 2000);
    // Runs the event loop until every released Client has closed (or timeoutMs passed), so
    // a process that ends frees its sessions on the servers at once: small servers (PLCs)
    // allow only a few, and an abandoned one stays taken until its timeout. Then deletes
    // the released clients of this thread that still wait for their server.
    static void waitForReleased(int timeoutMs);

    State state() const { return m_state; }
    // Why the last connection attempt failed: BadCertificateUntrusted,
    // BadSecurityChecksFailed, ... (BadNotConnected where no status applies).
    StatusCode failureStatus() const { return m_failureStatus; }
    // The server's endpoint the secured channel runs on (empty under None).
    const EndpointDescription &endpoint() const { return m_endpoint; }
    QString url() const { return m_url; }
    const ChannelSecurityToken &securityToken() const { return m_token; }
    // Times the secure channel's token was renewed on this connection.
    int tokenRenewals() const { return m_renewals; }
    const ConnectionLimits &limits() const { return m_limits; }
    double sessionTimeoutMs() const { return m_sessionTimeoutMs; }

    // Service calls. The callback runs exactly once (also on timeout and connection loss)
    // unless the Client is destroyed first; with Good status the response is complete.
    template <typename Response>
    using Callback = std::function<void(const Response &, const CallStatus &)>;

    void getEndpoints(const QString &endpointUrl, Callback<GetEndpointsResponse> done,
                      int timeoutMs = DefaultTimeoutMs);
    void findServers(const QString &endpointUrl, Callback<FindServersResponse> done,
                     int timeoutMs = DefaultTimeoutMs);
    void read(const QList<ReadValueId> &nodes, Callback<ReadResponse> done,
              int timeoutMs = DefaultTimeoutMs, double maxAge = 0);
    void write(const QList<WriteValue> &nodes, Callback<WriteResponse> done,
               int timeoutMs = DefaultTimeoutMs);
    void browse(const QList<BrowseDescription> &nodes, Callback<BrowseResponse> done,
                int timeoutMs = DefaultTimeoutMs, quint32 maxReferencesPerNode = 0);
    void browseNext(const QList<QByteArray> &continuationPoints, bool release,
                    Callback<BrowseNextResponse> done, int timeoutMs = DefaultTimeoutMs);
    void createSubscription(const CreateSubscriptionRequest &request,
                            Callback<CreateSubscriptionResponse> done,
                            int timeoutMs = DefaultTimeoutMs);
    void deleteSubscriptions(const QList<quint32> &ids, Callback<DeleteSubscriptionsResponse> done,
                             int timeoutMs = DefaultTimeoutMs);
    void createMonitoredItems(quint32 subscriptionId,
                              const QList<MonitoredItemCreateRequest> &items,
                              Callback<CreateMonitoredItemsResponse> done,
                              int timeoutMs = DefaultTimeoutMs);
    void deleteMonitoredItems(quint32 subscriptionId, const QList<quint32> &ids,
                              Callback<DeleteMonitoredItemsResponse> done,
                              int timeoutMs = DefaultTimeoutMs);
    void republish(quint32 subscriptionId, quint32 sequenceNumber, Callback<RepublishResponse> done,
                   int timeoutMs = DefaultTimeoutMs);

    // Any request/response pair, for services without a typed call above. The request's
    // header is filled in (token, handle, timestamp, timeout hint).
    template <typename Response, typename Request>
    void call(Request request, Callback<Response> done, int timeoutMs = DefaultTimeoutMs)
    {
        callAs<Response>(MessageType::Message, std::move(request), std::move(done), timeoutMs);
    }

    static constexpr int DefaultTimeoutMs = 10000;
    static constexpr quint32 RequestedTokenLifetimeMs = 3600000;

    // For tests: the token lifetime to ask for (servers may revise it, node-opcua to at
    // least a few seconds).
    void setRequestedTokenLifetime(quint32 ms) { m_requestedLifetimeMs = ms; }

Q_SIGNALS:
    void connected();
    void connectFailed(const QString &reason);
    // The connection ended without disconnectFromServer()/abort(): reason says why.
    // After disconnectFromServer() it comes with an empty reason.
    void disconnected(const QString &reason);
    // A Publish delivered a data change for one monitored item of a subscription.
    void dataChange(quint32 subscriptionId, quint32 clientHandle,
                    const tandem::opcua::DataValue &value);
    // A Publish delivered an event for one event monitored item of a subscription: its
    // fields in the order of the item's select clauses (EventNotificationList).
    void eventReceived(quint32 subscriptionId, quint32 clientHandle,
                       const QList<tandem::opcua::Variant> &fields);
    // The server ended a subscription (StatusChangeNotification), e.g. BadTimeout.
    void subscriptionStatusChanged(quint32 subscriptionId, tandem::opcua::StatusCode status);
    // Notifications numbered first..last of a subscription were lost: neither Publish nor
    // Republish could deliver them. Data changes, events and losses of a subscription come
    // in the order of its sequence numbers, also when Republish brings some back late.
    void notificationsLost(quint32 subscriptionId, quint32 first, quint32 last);
    void tokenRenewed();

private:
    using RawHandler = std::function<void(const QByteArray *body, CallStatus status)>;
    struct Pending
    {
        RawHandler handler;
        QTimer *timer = nullptr;
    };
    // A notification that waits for older ones to come back through Republish.
    struct HeldNotification
    {
        std::optional<NotificationMessage> message; // none: lost, up to lastLost
        quint32 lastLost = 0;
    };
    struct SubscriptionState
    {
        int keepAliveMs = 0; // the longest a Publish may wait for this subscription
        std::optional<quint32> lastSequenceNumber;
        QList<quint32> toAcknowledge;
        // Sequence numbers asked for with Republish and not answered yet. While there are
        // any, newer notifications wait in held, by sequence number.
        std::set<quint32> republishing;
        std::map<quint32, HeldNotification> held;
    };

    template <typename Response, typename Request>
    void callAs(MessageType type, Request request, Callback<Response> done, int timeoutMs)
    {
        fillHeader(request.requestHeader, timeoutMs);
        send(encodeMessage(request), timeoutMs, type,
             [done = std::move(done)](const QByteArray *body, CallStatus status) {
                 Response response;
                 if (body) {
                     status = decodeResponse(*body, Response::BinaryEncodingId,
                                             [&response](Reader &r, QString *error) {
                                                 return decodeMessageBody(r, &response, error);
                                             });
                     if (status.isGood())
                         status = serviceResult(response.responseHeader);
                 }
                 done(response, status);
             });
    }

    // Wraps a callback so a Good answer with another number of results than requested
    // becomes an error (a server bug the caller would otherwise index past).
    template <typename Response>
    static Callback<Response> checkCount(Callback<Response> done, qsizetype expected)
    {
        return
            [done = std::move(done), expected](const Response &response, const CallStatus &status) {
                if (status.isGood() && response.results.size() != expected) {
                    done(response, resultCountMismatch(response.results.size(), expected));
                    return;
                }
                done(response, status);
            };
    }
    static CallStatus resultCountMismatch(qsizetype got, qsizetype expected);
    static CallStatus serviceResult(const ResponseHeader &header);
    static CallStatus decodeResponse(const QByteArray &body, quint32 expectedTypeId,
                                     const std::function<bool(Reader &, QString *)> &decode);
    void fillHeader(RequestHeader &header, int timeoutMs);
    void send(const QByteArray &body, int timeoutMs, MessageType type, RawHandler handler);
    void finish(quint32 requestId, const QByteArray *body, const CallStatus &status);

    void startConnection();
    void discoverEndpoint();
    bool encodeAndWrite(const SecureMessage &message, CallStatus *status);
    // CloseSecureChannel on the open channel; the socket stays for the caller to close.
    void sendCloseSecureChannel();
    CallStatus checkServerSignature(const CreateSessionRequest &request,
                                    const CreateSessionResponse &response) const;
    void failConnect(StatusCode status, const QString &reason);
    void onConnected();
    void onReadyRead();
    void onSocketError();
    void onMessage(const SecureMessage &message);
    void openChannel(SecurityTokenRequestType type);
    void createSession();
    void activateSession(const CreateSessionResponse &created);
    void becomeReady(State state);
    void failConnect(const QString &reason);
    void lose(const QString &reason);
    void failAllPending(const CallStatus &status);
    void resetConnection();

    void publishMore();
    void onPublish(const PublishResponse &response, const CallStatus &status);
    void handleNotification(quint32 subscriptionId, const NotificationMessage &message);
    void recover(quint32 subscriptionId, quint32 first, quint32 last);
    void onRepublished(quint32 subscriptionId, quint32 sequenceNumber,
                       const RepublishResponse &response, const CallStatus &status);
    void deliverHeld(quint32 subscriptionId);
    void deliver(quint32 subscriptionId, const NotificationMessage &message);

    ClientSecurity m_security;
    std::shared_ptr<SecureChunks> m_chunks; // of the connection, None while discovering
    bool m_discovering = false;
    QByteArray m_serverCertificate; // of the endpoint the secured channel runs on
    EndpointDescription m_endpoint;
    StatusCode m_failureStatus;
    QElapsedTimer m_monotonic; // token lifetimes
    QTcpSocket *m_socket = nullptr;
    QTimer m_connectTimer;
    QTimer m_renewTimer;
    ChunkReassembler m_reassembler;
    ConnectionLimits m_limits;
    State m_state = State::Disconnected;
    bool m_wantSession = false;
    bool m_closeRequested = false;
    bool m_released = false;
    QString m_url;
    Identity m_identity;
    ChannelSecurityToken m_token;
    quint32 m_requestedLifetimeMs = RequestedTokenLifetimeMs;
    int m_renewals = 0;
    quint32 m_nextSequenceNumber = 1;
    quint32 m_nextRequestId = 1;
    quint32 m_nextHandle = 1;
    NodeId m_authenticationToken;
    double m_sessionTimeoutMs = 0;
    QHash<quint32, Pending> m_pending; // by requestId
    QHash<quint32, SubscriptionState> m_subscriptions;
    int m_publishInFlight = 0;
    int m_publishLimit = PublishRequestsInFlight;
    int m_publishTimeoutMs = DefaultTimeoutMs;
};

} // namespace tandem::opcua
