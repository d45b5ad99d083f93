#pragma once

#include "config/endpoint.h"
#include "engine/pairproxy.h"
#include "engine/pairruntime.h"
#include "mbapcodec.h"
#include "modbuschannel.h"

#include <QObject>
#include <QTimer>

#include <list>
#include <memory>
#include <optional>

namespace tandem {
class EventLog;
class StreamConnection;
class StreamListener;
} // namespace tandem

namespace tandem::modbus {

class ModbusLink;

// The pair's client-facing endpoint: accepts many Modbus TCP clients and forwards each
// request to the active server (reads to both in Hot mode), so that a fail-over is
// invisible to them (docs/design.md, "In-flight client requests at fail-over").
//
// Clients' requests go over the servers' data connections, one shared by all clients or
// one per client (PairConfig::connectionPerClient); what a client does to its data
// connection never decides whether a server is lost: the link's control connection does.
// Each client, and the pair as a whole, has a cap on requests in flight; past it the
// proxy stops reading from the client (TCP flow control holds it back) instead of
// queueing without end. So it does when a client's unread answers pass the pair's output
// limit (the listener closes a client that leaves them unread).
class ModbusProxy final : public PairProxy
{
    Q_OBJECT

public:
    static constexpr int ClientInFlightCap = PairConfig::DefaultRequestsPerClient;
    static constexpr int PairInFlightCap = 2048;
    // Sends after the first of a request whose data connection failed, or whose server
    // discarded it unread, before it is answered with an exception.
    static constexpr int MaxResends = 2;

    // events: where client-triggered events go (may be null).
    ModbusProxy(PairRuntime *runtime, const Endpoint &endpoint, EventLog *events = nullptr,
                QObject *parent = nullptr);
    ~ModbusProxy() override;

    bool listen(QString *error) override;
    quint16 port() const override;
    int clientCount() const override;
    // How long a forwarded request may wait for its answer, fail-over included.
    int requestDeadlineMs() const;
    // Requests taken from clients and not answered yet, and the most there have been.
    int inFlightCount() const { return int(m_requests.size()); }
    int inFlightPeak() const { return m_inFlightPeak; }

private:
    struct Client;
    struct Request;
    using Failure = ModbusChannel::Failure;

    void onNewConnection(StreamConnection *socket);
    Client *findClient(quint64 id) const;
    void onOutputDrained(Client *client);
    void checkOutput(Client *client);
    void onClientData(Client *client);
    bool readRequests(Client *client);
    bool hasRoom(const Client *client) const;
    void pause(Client *client);
    void resumeClients();
    void dropClient(Client *client);
    void handle(Client *client, MbapFrame frame);
    void dispatch(Request *request);
    void sendTo(Request *request, Side side);
    ModbusChannel *channelFor(Client *client, Side side);
    void openDataConnections(Client *client);
    void onAnswer(Request *request, Side side, const MbapFrame *answer, Failure failure);
    void onServerAlive(Side side);
    void answer(Request *request, const MbapFrame &frame);
    void answerException(Request *request, ExceptionCode code);
    void finish(Request *request);
    void onActiveChanged(Side previous, Side current);
    void expireRequests();
    void checkOverdue();
    ModbusLink *linkOf(Side side) const;
    bool perClient() const;

    PairRuntime *m_runtime;
    EventLog *m_events;
    Endpoint m_endpoint;
    StreamListener *m_server;
    std::list<std::unique_ptr<Client>> m_clients;
    std::list<std::unique_ptr<Request>> m_requests;
    QTimer m_deadlineTimer;
    QTimer m_overdueTimer;
    int m_inFlightPeak = 0;
    int m_paused = 0; // clients not read from because of a cap
    bool m_resumeScheduled = false;
    quint64 m_nextClientId = 1;
};

} // namespace tandem::modbus
