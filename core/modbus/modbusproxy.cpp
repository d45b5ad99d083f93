#include "modbusproxy.h"

#include "events/clientprocess.h"
#include "events/eventlog.h"
#include "modbuslink.h"
#include "streamconnection.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QLoggingCategory>

#include <array>

Q_DECLARE_LOGGING_CATEGORY(lcModbus)

namespace tandem::modbus {

namespace {
qint64 monotonicMs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}
} // namespace

struct ModbusProxy::Client
{
    StreamConnection *socket = nullptr;
    QByteArray buffer;
};

struct ModbusProxy::Request
{
    Client *client = nullptr;
    MbapFrame frame; // as the client sent it: its transaction id is what we answer with
    bool readOnly = false;
    bool waiting = false; // arrived while no server was active, not sent anywhere yet
    qint64 deadline = 0;
    qint64 sentAt = 0;      // when it went to the current active server
    bool suspected = false; // its server was asked for its status because of it
    std::array<quint64, 2> handles{0, 0};
    std::array<bool, 2> pending{false, false};
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
    const PairConfig &config = runtime->config();
    // Long enough for a hung server to be detected (interval + timeout) and the request
    // replayed on the other one.
    m_deadlineMs = config.statusIntervalMs + 2 * config.statusTimeoutMs + 250;
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &ModbusProxy::expireRequests);
    m_overdueTimer.setSingleShot(true);
    connect(&m_overdueTimer, &QTimer::timeout, this, &ModbusProxy::checkOverdue);
    connect(m_server, &StreamListener::accepted, this, &ModbusProxy::onNewConnection);
    connect(runtime, &PairRuntime::activeChanged, this, &ModbusProxy::onActiveChanged);
    connect(runtime, &PairRuntime::stateChanged, this, [this] {
        // Nothing active and nothing on its way: waiting requests fail now, not at the deadline.
        if (m_runtime->active() != Side::None || m_runtime->isSwitching())
            return;
        std::vector<Request *> waiting;
        for (const auto &r : m_requests)
            if (r->waiting)
                waiting.push_back(r.get());
        for (Request *r : waiting)
            answerException(r, ExceptionCode::GatewayPathUnavailable);
    });
}

ModbusProxy::~ModbusProxy()
{
    for (const auto &r : m_requests)
        for (Side side : {Side::Primary, Side::Secondary})
            if (r->pending[size_t(side)])
                linkOf(side)->cancel(r->handles[size_t(side)]);
    m_requests.clear();
    for (const auto &c : m_clients)
        c->socket->abort();
}

bool ModbusProxy::listen(QString *error)
{
    return m_server->listenOn(m_endpoint, error);
}

quint16 ModbusProxy::port() const
{
    return m_server->serverPort();
}

int ModbusProxy::clientCount() const
{
    return int(m_clients.size());
}

ModbusLink *ModbusProxy::linkOf(Side side) const
{
    return static_cast<ModbusLink *>(m_runtime->link(side));
}

void ModbusProxy::onNewConnection(int fd)
{
    auto client = std::make_unique<Client>();
    client->socket = new StreamConnection(fd, this);
    Client *raw = client.get();
    m_clients.push_back(std::move(client));
    connect(raw->socket, &StreamConnection::readyRead, this, [this, raw] { onClientData(raw); });
}

void ModbusProxy::onClientData(Client *client)
{
    const bool open = client->socket->readInto(client->buffer);
    qsizetype offset = 0;
    while (true) {
        MbapCodec::Decoded decoded =
            MbapCodec::decode(QByteArrayView(client->buffer).sliced(offset));
        if (decoded.status == MbapCodec::Status::NeedMore)
            break;
        if (decoded.status == MbapCodec::Status::Malformed) {
            // A client that breaks framing cannot be resynchronised: close it, only it.
            qCWarning(lcModbus) << m_runtime->config().name << "client" << client->socket->peer()
                                << "sent a malformed frame:" << decoded.error;
            if (m_events)
                m_events->post(QStringLiteral("client-malformed"), m_runtime->config().name,
                               {m_runtime->config().name, client->socket->peer(),
                                tr("malformed Modbus frame (%1)").arg(decoded.error)},
                               ClientProcess::describe(client->socket->peerPort(), port()));
            dropClient(client);
            return;
        }
        offset += decoded.consumed;
        handle(client, std::move(decoded.frame));
    }
    client->buffer.remove(0, offset);
    if (!open)
        dropClient(client); // requests it still had in flight are abandoned
}

void ModbusProxy::dropClient(Client *client)
{
    for (auto it = m_requests.begin(); it != m_requests.end();) {
        Request *r = it->get();
        ++it;
        if (r->client == client)
            finish(r);
    }
    client->socket->abort();
    client->socket->deleteLater();
    m_clients.remove_if([client](const std::unique_ptr<Client> &c) { return c.get() == client; });
}

void ModbusProxy::handle(Client *client, MbapFrame frame)
{
    auto request = std::make_unique<Request>();
    request->client = client;
    request->readOnly = MbapCodec::isReadOnly(frame.pdu);
    request->frame = std::move(frame);
    request->deadline = monotonicMs() + m_deadlineMs;
    Request *raw = request.get();
    m_requests.push_back(std::move(request));
    raw->self = std::prev(m_requests.end());
    if (!m_deadlineTimer.isActive())
        m_deadlineTimer.start(m_deadlineMs);
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
    ModbusLink *link = linkOf(side);
    if (request->pending[i] || !link->isOpen())
        return;
    request->pending[i] = true;
    const int remaining = int(std::max<qint64>(1, request->deadline - monotonicMs()));
    const quint64 handle =
        link->send(request->frame.unitId, request->frame.pdu, remaining,
                   [this, request, side](const MbapFrame *answer, const QString &error) {
                       onAnswer(request, side, answer, error);
                   });
    // The handler may already have run (and finished the request) inside send().
    if (request->pending[i])
        request->handles[i] = handle;
}

void ModbusProxy::onAnswer(Request *request, Side side, const MbapFrame *answer,
                           const QString &error)
{
    Q_UNUSED(error)
    const size_t i = size_t(side);
    request->pending[i] = false;
    request->handles[i] = 0;
    // Errors answer nothing here: a lost server makes the runtime fail over (and
    // onActiveChanged replay), a silent one runs into the request's deadline.
    if (!answer)
        return;
    request->answers[i] = *answer;
    if (side == m_runtime->active())
        this->answer(request, *answer);
    else if (request->suspected && request->readOnly)
        this->answer(request, *answer); // the active one is overdue already
}

void ModbusProxy::answer(Request *request, const MbapFrame &frame)
{
    MbapFrame out;
    out.transactionId = request->frame.transactionId;
    out.unitId = request->frame.unitId;
    out.pdu = frame.pdu;
    request->client->socket->write(MbapCodec::encode(out));
    finish(request);
}

void ModbusProxy::answerException(Request *request, ExceptionCode code)
{
    request->client->socket->write(
        MbapCodec::encode(MbapCodec::exceptionFor(request->frame, code)));
    finish(request);
}

void ModbusProxy::finish(Request *request)
{
    for (Side side : {Side::Primary, Side::Secondary}) {
        const size_t i = size_t(side);
        if (request->pending[i]) {
            request->pending[i] = false;
            linkOf(side)->cancel(request->handles[i]);
        }
    }
    m_requests.erase(request->self);
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
        } else if (r->waiting || r->readOnly || writeReplay) {
            r->waiting = false;
            r->sentAt = monotonicMs();
            r->suspected = false;
            sendTo(r, current);
        } else {
            // A write may or may not have reached the failed server: never send it twice.
            answerException(r, ExceptionCode::GatewayTargetFailedToRespond);
        }
    }
}

// A request the active server has not answered within the status timeout makes that
// server suspect (its status is queried at once). In Hot mode a read the standby has
// already answered is answered from there: both servers hold the same data.
void ModbusProxy::checkOverdue()
{
    const qint64 now = monotonicMs();
    const int timeout = m_runtime->config().statusTimeoutMs;
    const Side active = m_runtime->active();
    qint64 next = -1;
    std::vector<Request *> fromStandby;
    for (const auto &r : m_requests) {
        if (active == Side::None || r->waiting || !r->pending[size_t(active)])
            continue;
        const qint64 due = r->sentAt + timeout;
        if (due > now) {
            next = next < 0 ? due : std::min(next, due);
            continue;
        }
        if (!r->suspected) {
            r->suspected = true;
            m_runtime->suspect(active);
        }
        if (r->readOnly && r->answers[size_t(otherSide(active))])
            fromStandby.push_back(r.get());
    }
    for (Request *r : fromStandby)
        answer(r, *r->answers[size_t(otherSide(active))]);
    if (next >= 0)
        m_overdueTimer.start(int(next - now));
}

void ModbusProxy::expireRequests()
{
    const qint64 now = monotonicMs();
    while (!m_requests.empty() && m_requests.front()->deadline <= now)
        answerException(m_requests.front().get(), ExceptionCode::GatewayTargetFailedToRespond);
    if (!m_requests.empty())
        m_deadlineTimer.start(int(m_requests.front()->deadline - now));
}

} // namespace tandem::modbus
