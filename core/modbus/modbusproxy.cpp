#include "modbusproxy.h"

#include "base/clock.h"
#include "base/logging.h"
#include "base/streamconnection.h"
#include "engine/clienteventlimiter.h"
#include "engine/listenerevents.h"
#include "events/eventlog.h"
#include "modbuslink.h"

#include <QHostAddress>
#include <QPointer>

#include <array>

namespace tandem::modbus {

namespace {
qint64 monotonicMs()
{
    return Clock::system()->nowMs();
}
} // namespace

struct ModbusProxy::Client
{
    quint64 id = 0;
    StreamConnection *socket = nullptr;
    QByteArray buffer; // read, not yet taken as requests
    int inFlight = 0;
    std::array<QPointer<ModbusChannel>, 2> channels; // its own data connections (per client)
};

struct ModbusProxy::Request
{
    Client *client = nullptr;
    MbapFrame frame; // as the client sent it: its transaction id is what we answer with
    bool readOnly = false;
    bool waiting = false; // arrived while no server was active, not sent anywhere yet
    // Its data connection to the active server failed: it waits for that server's next
    // status answer (then it is sent again) or for a fail-over.
    bool parked = false;
    bool mayHaveReached = false; // written to a server whose connection then ended
    int resends = 0;
    qint64 deadline = 0;
    qint64 sentAt = 0;      // when it went to the current active server
    bool suspected = false; // its server was asked for its status because of it
    std::array<quint64, 2> handles{0, 0};
    std::array<bool, 2> pending{false, false};
    std::array<QPointer<ModbusChannel>, 2> channels;
    std::array<std::optional<MbapFrame>, 2> answers;
    std::list<std::unique_ptr<Request>>::iterator self;
};

ModbusProxy::ModbusProxy(PairRuntime *runtime, const Endpoint &endpoint, EventLog *events,
                         QObject *parent)
    : PairProxy(parent)
    , m_runtime(runtime)
    , m_events(events)
    , m_endpoint(endpoint)
    , m_server(new StreamListener(this))
{
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &ModbusProxy::expireRequests);
    m_overdueTimer.setSingleShot(true);
    connect(&m_overdueTimer, &QTimer::timeout, this, &ModbusProxy::checkOverdue);
    connect(m_server, &StreamListener::accepted, this, &ModbusProxy::onNewConnection);
    reportListenerEvents(m_server, runtime, events);
    connect(runtime, &PairRuntime::activeChanged, this, &ModbusProxy::onActiveChanged);
    connect(runtime, &PairRuntime::stateChanged, this, [this] {
        // Nothing active and nothing on its way: waiting requests fail now, not at the deadline.
        // Parked ones were sent already, like those in flight: they wait for the next active
        // server (Cold connects to the other one just after this) or their deadline.
        if (m_runtime->active() != Side::None || m_runtime->isSwitching())
            return;
        std::vector<Request *> waiting;
        for (const auto &r : m_requests)
            if (r->waiting)
                waiting.push_back(r.get());
        for (Request *r : waiting)
            answerException(r, ExceptionCode::GatewayPathUnavailable);
    });
    for (Side side : {Side::Primary, Side::Secondary}) {
        ServerLink *link = runtime->link(side);
        // Clients that share a data connection find it made when they need it.
        connect(link, &ServerLink::opened, this, [this, side] {
            if (!perClient())
                linkOf(side)->dataChannel()->open(requestDeadlineMs());
        });
        connect(link, &ServerLink::statusReceived, this,
                [this, side](bool ok, bool shutdown, const QString &) {
                    if (ok && !shutdown)
                        onServerAlive(side);
                });
    }
}

ModbusProxy::~ModbusProxy()
{
    for (const auto &r : m_requests)
        for (size_t i = 0; i < r->channels.size(); ++i)
            if (r->pending[i] && r->channels[i])
                r->channels[i]->cancel(r->handles[i]);
    m_requests.clear();
    for (const auto &c : m_clients) {
        c->socket->abort();
        for (const QPointer<ModbusChannel> &channel : c->channels)
            delete channel.data();
    }
}

bool ModbusProxy::listen(QString *error)
{
    return m_server->listenOn(m_endpoint.listenAddress(), m_endpoint.port, m_endpoint.host, error);
}

quint16 ModbusProxy::port() const
{
    return m_server->serverPort();
}

int ModbusProxy::clientCount() const
{
    return int(m_clients.size());
}

int ModbusProxy::requestDeadlineMs() const
{
    // Long enough for a hung server to be detected (interval + timeout) and the request
    // replayed on the other one. From the configuration as it is now: it may be edited
    // while the pair runs.
    const PairConfig &config = m_runtime->config();
    return config.statusIntervalMs + 2 * config.statusTimeoutMs + 250;
}

bool ModbusProxy::perClient() const
{
    return m_runtime->config().connectionPerClient;
}

ModbusLink *ModbusProxy::linkOf(Side side) const
{
    return static_cast<ModbusLink *>(m_runtime->link(side));
}

ModbusChannel *ModbusProxy::channelFor(Client *client, Side side)
{
    ModbusLink *link = linkOf(side);
    if (!perClient())
        return link->dataChannel();
    QPointer<ModbusChannel> &channel = client->channels[size_t(side)];
    if (!channel)
        channel = link->createClientChannel();
    return channel;
}

// Per client: its connections are made when it connects, so its first request does not
// wait for them; a later switch makes them on the first request.
void ModbusProxy::openDataConnections(Client *client)
{
    const Side active = m_runtime->active();
    if (!perClient() || active == Side::None)
        return;
    // As long as a request may wait: the server is known to be up (its status says so).
    const int timeoutMs = requestDeadlineMs();
    for (Side side : {active, otherSide(active)}) {
        if (side != active && m_runtime->config().mode != ConnectionMode::Hot)
            continue;
        if (linkOf(side)->isOpen())
            channelFor(client, side)->open(timeoutMs);
    }
}

void ModbusProxy::onNewConnection(StreamConnection *socket)
{
    auto client = std::make_unique<Client>();
    client->id = m_nextClientId++;
    client->socket = socket;
    Client *raw = client.get();
    m_clients.push_back(std::move(client));
    connect(socket, &StreamConnection::readyRead, this, [this, raw] { onClientData(raw); });
    connect(socket, &StreamConnection::outputDrained, this, [this, raw] { onOutputDrained(raw); });
    // Closed by the listener to make room (the client's own end comes through readyRead).
    connect(socket, &StreamConnection::closed, this, [this, id = raw->id] {
        if (Client *c = findClient(id))
            dropClient(c);
    });
    openDataConnections(raw);
}

ModbusProxy::Client *ModbusProxy::findClient(quint64 id) const
{
    const auto it = std::find_if(m_clients.begin(), m_clients.end(),
                                 [id](const auto &c) { return c->id == id; });
    return it == m_clients.end() ? nullptr : it->get();
}

bool ModbusProxy::hasRoom(const Client *client) const
{
    const PairConfig &config = m_runtime->config();
    return client->inFlight < config.requestsPerClient &&
           int(m_requests.size()) < PairInFlightCap &&
           client->socket->pendingBytes() <= config.outputPerClientBytes;
}

// After an answer: a client whose unread answers pass the limit is taken no more requests
// from, so no new answers pile up (its connection stops reading, and closes it if they stay
// unread: StreamListener).
void ModbusProxy::checkOutput(Client *client)
{
    if (client->socket->pendingBytes() > m_runtime->config().outputPerClientBytes)
        pause(client);
}

void ModbusProxy::onOutputDrained(Client *client)
{
    if (client->socket->pendingBytes() > m_runtime->config().outputPerClientBytes)
        return;
    if (client->socket->isReadingPaused() && !m_resumeScheduled) {
        m_resumeScheduled = true;
        QMetaObject::invokeMethod(this, &ModbusProxy::resumeClients, Qt::QueuedConnection);
    }
}

void ModbusProxy::pause(Client *client)
{
    if (client->socket->isReadingPaused())
        return;
    client->socket->pauseReading();
    ++m_paused;
}

void ModbusProxy::onClientData(Client *client)
{
    const bool open = client->socket->readInto(client->buffer);
    if (!readRequests(client))
        return;
    if (!open) {
        dropClient(client); // requests it still had in flight are abandoned
        return;
    }
    // What it sends meanwhile waits in the socket; TCP flow control holds the client back.
    if (!hasRoom(client))
        pause(client);
}

// Takes the client's buffered requests while the caps allow; false if it was dropped.
bool ModbusProxy::readRequests(Client *client)
{
    qsizetype offset = 0;
    while (hasRoom(client)) {
        MbapCodec::Decoded decoded =
            MbapCodec::decode(QByteArrayView(client->buffer).sliced(offset));
        if (decoded.status == MbapCodec::Status::NeedMore)
            break;
        if (decoded.status == MbapCodec::Status::Malformed) {
            // A client that breaks framing cannot be resynchronised: close it, only it.
            qCWarning(lcModbus) << m_runtime->config().name << "client" << client->socket->peer()
                                << "sent a malformed frame:" << decoded.error;
            m_runtime->clientEvents()->post(EventId::ClientMalformed,
                                            {m_runtime->config().name, client->socket->peer(),
                                             tr("malformed Modbus frame (%1)").arg(decoded.error)},
                                            client->socket->descriptor(),
                                            client->socket->peerPort(), port());
            dropClient(client);
            return false;
        }
        offset += decoded.consumed;
        handle(client, std::move(decoded.frame));
    }
    client->buffer.remove(0, offset);
    return true;
}

// On its own turn of the event loop: answers come in batches, and a request taken here
// must not change the lists the answering code is walking.
void ModbusProxy::resumeClients()
{
    m_resumeScheduled = false;
    std::vector<quint64> paused;
    for (const auto &c : m_clients)
        if (c->socket->isReadingPaused())
            paused.push_back(c->id);
    for (quint64 id : paused) {
        Client *client = findClient(id);
        if (!client)
            continue;
        // Bytes it sent before the pause are taken first, then reading goes on.
        if (!hasRoom(client) || !readRequests(client) || !hasRoom(client))
            continue;
        client->socket->resumeReading();
        --m_paused;
    }
}

void ModbusProxy::dropClient(Client *client)
{
    for (auto it = m_requests.begin(); it != m_requests.end();) {
        Request *r = it->get();
        ++it;
        if (r->client == client)
            finish(r);
    }
    if (client->socket->isReadingPaused())
        --m_paused;
    client->socket->abort();
    client->socket->deleteLater();
    for (const QPointer<ModbusChannel> &channel : client->channels) {
        if (channel) {
            channel->close();
            channel->deleteLater();
        }
    }
    m_clients.remove_if([client](const std::unique_ptr<Client> &c) { return c.get() == client; });
}

void ModbusProxy::handle(Client *client, MbapFrame frame)
{
    auto request = std::make_unique<Request>();
    request->client = client;
    request->readOnly = MbapCodec::isReadOnly(frame.pdu);
    request->frame = std::move(frame);
    const int deadlineMs = requestDeadlineMs();
    request->deadline = monotonicMs() + deadlineMs;
    Request *raw = request.get();
    m_requests.push_back(std::move(request));
    raw->self = std::prev(m_requests.end());
    ++client->inFlight;
    client->socket->setBusy(true);
    m_inFlightPeak = std::max(m_inFlightPeak, int(m_requests.size()));
    if (!m_deadlineTimer.isActive())
        m_deadlineTimer.start(deadlineMs);
    dispatch(raw);
}

void ModbusProxy::dispatch(Request *request)
{
    const Side active = m_runtime->active();
    if (active == Side::None) {
        if (m_runtime->isSwitching())
            request->waiting = true;
        else
            answerException(request, ExceptionCode::GatewayPathUnavailable);
        return;
    }
    request->waiting = false;
    request->sentAt = monotonicMs();
    request->suspected = false;
    sendTo(request, active);
    if (!m_overdueTimer.isActive())
        m_overdueTimer.start(m_runtime->config().statusTimeoutMs);
    // Hot: reads go to both, so the standby's answer is at hand if the active one fails.
    const Side standby = otherSide(active);
    if (m_runtime->config().mode == ConnectionMode::Hot && request->readOnly &&
        !request->answers[0] && !request->answers[1] && m_runtime->sideStatus(standby).statusOk)
        sendTo(request, standby);
}

void ModbusProxy::sendTo(Request *request, Side side)
{
    const size_t i = size_t(side);
    if (request->pending[i] || !linkOf(side)->isOpen())
        return;
    ModbusChannel *channel = channelFor(request->client, side);
    request->pending[i] = true;
    request->channels[i] = channel;
    const int remaining = int(std::max<qint64>(1, request->deadline - monotonicMs()));
    // The channel never runs the handler inside send(): no failure finishes the request
    // under the caller.
    request->handles[i] =
        channel->send(request->frame.unitId, request->frame.pdu, remaining,
                      [this, request, side](const MbapFrame *answer, Failure failure) {
                          onAnswer(request, side, answer, failure);
                      });
}

void ModbusProxy::onAnswer(Request *request, Side side, const MbapFrame *answer, Failure failure)
{
    const size_t i = size_t(side);
    request->pending[i] = false;
    request->handles[i] = 0;
    request->channels[i] = nullptr;
    if (answer) {
        request->answers[i] = *answer;
        if (side == m_runtime->active())
            this->answer(request, *answer);
        else if (request->suspected && request->readOnly)
            this->answer(request, *answer); // the active one is overdue already
        return;
    }
    // The standby's failures change nothing: the active server answers.
    if (side != m_runtime->active())
        return;
    switch (failure) {
    case Failure::None:
    case Failure::TimedOut:
        return; // a hung server makes the runtime fail over, or the deadline answers it
    case Failure::Dropped:
        // The server is alive (it answered a later request) and never read this one.
        if (request->resends++ < MaxResends)
            sendTo(request, side);
        else
            answerException(request, ExceptionCode::GatewayTargetFailedToRespond);
        return;
    case Failure::NotSent:
    case Failure::Lost:
        // Only the data connection is known to have failed, maybe because of another
        // client's request. The status query on the control connection tells whether the
        // server did: onServerAlive() sends it again, or a fail-over replays it.
        request->parked = true;
        request->mayHaveReached = request->mayHaveReached || failure == Failure::Lost;
        m_runtime->suspect(side);
        return;
    }
}

void ModbusProxy::onServerAlive(Side side)
{
    if (side != m_runtime->active())
        return;
    std::vector<Request *> parked;
    for (const auto &r : m_requests)
        if (r->parked)
            parked.push_back(r.get());
    const bool writeReplay = m_runtime->config().writeReplay;
    for (Request *r : parked) {
        r->parked = false;
        if (!r->readOnly && r->mayHaveReached && !writeReplay) {
            // A write may or may not have reached the server: never send it twice.
            answerException(r, ExceptionCode::GatewayTargetFailedToRespond);
        } else if (r->resends++ >= MaxResends) {
            answerException(r, r->mayHaveReached ? ExceptionCode::GatewayTargetFailedToRespond
                                                 : ExceptionCode::GatewayPathUnavailable);
        } else {
            r->sentAt = monotonicMs();
            r->suspected = false;
            sendTo(r, side);
        }
    }
}

void ModbusProxy::answer(Request *request, const MbapFrame &frame)
{
    MbapFrame out;
    out.transactionId = request->frame.transactionId;
    out.unitId = request->frame.unitId;
    out.pdu = frame.pdu;
    Client *client = request->client;
    client->socket->write(MbapCodec::encode(out));
    finish(request);
    checkOutput(client);
}

void ModbusProxy::answerException(Request *request, ExceptionCode code)
{
    Client *client = request->client;
    client->socket->write(MbapCodec::encode(MbapCodec::exceptionFor(request->frame, code)));
    finish(request);
    checkOutput(client);
}

void ModbusProxy::finish(Request *request)
{
    for (Side side : {Side::Primary, Side::Secondary}) {
        const size_t i = size_t(side);
        if (request->pending[i] && request->channels[i])
            request->channels[i]->cancel(request->handles[i]);
        request->pending[i] = false;
    }
    --request->client->inFlight;
    request->client->socket->setBusy(request->client->inFlight > 0);
    m_requests.erase(request->self);
    if (m_paused > 0 && !m_resumeScheduled) {
        m_resumeScheduled = true;
        QMetaObject::invokeMethod(this, &ModbusProxy::resumeClients, Qt::QueuedConnection);
    }
}

void ModbusProxy::onActiveChanged(Side previous, Side current)
{
    Q_UNUSED(previous)
    if (current == Side::None)
        return; // requests wait for the next active server or their deadline
    const bool writeReplay = m_runtime->config().writeReplay;
    std::vector<Request *> open;
    for (const auto &r : m_requests)
        open.push_back(r.get());
    for (Request *r : open) {
        const size_t i = size_t(current);
        if (r->answers[i]) {
            answer(r, *r->answers[i]); // Hot: the standby already answered
        } else if (r->pending[i]) {
            continue;
        } else if (r->waiting || r->readOnly || writeReplay || (r->parked && !r->mayHaveReached)) {
            r->waiting = false;
            r->parked = false;
            r->sentAt = monotonicMs();
            r->suspected = false;
            sendTo(r, current);
        } else {
            // A write may or may not have reached the failed server: never send it twice.
            answerException(r, ExceptionCode::GatewayTargetFailedToRespond);
        }
    }
    for (const auto &c : m_clients)
        openDataConnections(c.get());
}

// A request the active server has not answered within the status timeout makes that
// server suspect (its status is queried at once). In Hot mode a read the standby has
// already answered is answered from there: both servers hold the same data.
void ModbusProxy::checkOverdue()
{
    const Side active = m_runtime->active();
    if (active == Side::None)
        return;
    const qint64 now = monotonicMs();
    const int timeout = m_runtime->config().statusTimeoutMs;
    const size_t standby = size_t(otherSide(active));
    qint64 next = -1;
    bool suspect = false;
    std::vector<Request *> fromStandby;
    for (const auto &r : m_requests) {
        if (r->waiting || r->parked || !r->pending[size_t(active)])
            continue;
        const qint64 due = r->sentAt + timeout;
        if (due > now) {
            next = next < 0 ? due : std::min(next, due);
            continue;
        }
        if (!r->suspected) {
            r->suspected = true;
            suspect = true;
        }
        if (r->readOnly && r->answers[standby])
            fromStandby.push_back(r.get());
    }
    for (Request *r : fromStandby)
        answer(r, *r->answers[standby]);
    if (next >= 0)
        m_overdueTimer.start(int(next - now));
    // Last, with no request in hand: the status answer may switch servers, and the switch
    // answers or replays requests.
    if (suspect)
        m_runtime->suspect(active);
}

void ModbusProxy::expireRequests()
{
    // Requests are in arrival order, and so are their deadlines unless the configuration
    // was edited meanwhile; then a later one waits for the earlier one, no longer.
    const qint64 now = monotonicMs();
    while (!m_requests.empty() && m_requests.front()->deadline <= now)
        answerException(m_requests.front().get(), ExceptionCode::GatewayTargetFailedToRespond);
    if (!m_requests.empty())
        m_deadlineTimer.start(int(std::max<qint64>(0, m_requests.front()->deadline - now)));
}

} // namespace tandem::modbus
