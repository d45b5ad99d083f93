#include "modbuschannel.h"

#include "base/clock.h"
#include "base/logging.h"
#include "base/streamconnection.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTcpSocket>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace tandem::modbus {

namespace {
// The texts were ModbusLink's before the connection became a class of its own; they keep
// that context so their translations still apply.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ModbusLink)
};
} // namespace

ModbusChannel::ModbusChannel(const QString &host, quint16 port, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_port(port)
{
    m_peer = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                             : QStringLiteral("%1:%2").arg(host).arg(port);
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        const QString reason = Tr::tr("no connection within the status timeout");
        dropConnection();
        attemptFailed();
        failAllLater();
        Q_EMIT openFailed(reason);
    });
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &ModbusChannel::expire);
}

ModbusChannel::~ModbusChannel()
{
    dropConnection();
}

QString ModbusChannel::failureText(Failure failure)
{
    switch (failure) {
    case Failure::None:
        break;
    case Failure::NotSent:
        return Tr::tr("not connected");
    case Failure::Lost:
        return Tr::tr("connection closed");
    case Failure::Dropped:
        return Tr::tr("discarded by the server after an exception");
    case Failure::TimedOut:
        return Tr::tr("no answer in time");
    }
    return {};
}

void ModbusChannel::setConnectOnDemand(bool on, int holdOffMs)
{
    m_connectOnDemand = on;
    m_holdOffMs = holdOffMs;
    m_holdOffUntil = 0;
    m_failuresInRow = 0;
}

void ModbusChannel::setProbe(quint8 unit, const QByteArray &pdu, int timeoutMs)
{
    m_probeUnit = unit;
    m_probePdu = pdu;
    m_probeTimeoutMs = timeoutMs;
}

void ModbusChannel::open(int timeoutMs)
{
    if (m_connecting || m_stream)
        return;
    m_connecting = new QTcpSocket(this);
    connect(m_connecting, &QTcpSocket::connected, this, &ModbusChannel::onConnected);
    connect(m_connecting, &QTcpSocket::errorOccurred, this, &ModbusChannel::onConnectError);
    m_connectTimer.start(timeoutMs);
    m_connecting->connectToHost(m_host, m_port);
}

void ModbusChannel::onConnected()
{
    m_connectTimer.stop();
    // QTcpSocket resolved and connected; the connection itself runs on a bare descriptor,
    // which costs a proxied request fewer system calls and copies.
    const int fd = ::dup(int(m_connecting->socketDescriptor()));
    m_connecting->disconnect(this);
    m_connecting->abort();
    m_connecting->deleteLater();
    m_connecting = nullptr;
    if (fd < 0) {
        failAllLater();
        Q_EMIT openFailed(QString::fromLocal8Bit(::strerror(errno)));
        return;
    }
    // Notice a half-open connection (peer gone without RST) within seconds, not hours.
    const int on = 1;
    const unsigned int userTimeoutMs = 10000;
    const int idle = 5, interval = 2, count = 3;
    ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
    ::setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &userTimeoutMs, sizeof userTimeoutMs);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &interval, sizeof interval);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count);
    m_stream = new StreamConnection(fd, this);
    m_answered = false;
    connect(m_stream, &StreamConnection::readyRead, this, &ModbusChannel::onReadyRead);
    pump();
    Q_EMIT opened();
}

void ModbusChannel::onConnectError()
{
    if (!m_connecting)
        return;
    const QString reason = m_connecting->errorString();
    dropConnection();
    attemptFailed();
    failAllLater();
    Q_EMIT openFailed(reason);
}

// A server that refuses connections, or closes them before answering anything (a device
// out of connection slots), is not asked again by every request that comes along.
void ModbusChannel::attemptFailed()
{
    if (++m_failuresInRow >= 2)
        m_holdOffUntil = Clock::system()->nowMs() + m_holdOffMs;
}

void ModbusChannel::dropConnection()
{
    m_connectTimer.stop();
    if (m_connecting) {
        m_connecting->disconnect(this);
        m_connecting->abort();
        m_connecting->deleteLater();
        m_connecting = nullptr;
    }
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->abort();
        m_stream->deleteLater();
        m_stream = nullptr;
    }
    m_buffer.clear();
    m_suspectFrom = m_suspectTo = 0;
    m_probeHandle = 0;
}

void ModbusChannel::close()
{
    dropConnection();
    failAllLater();
}

void ModbusChannel::connectionLost(const QString &reason)
{
    if (!m_answered)
        attemptFailed();
    dropConnection();
    failAllLater();
    Q_EMIT closed(reason);
}

void ModbusChannel::failAllLater()
{
    m_timeoutTimer.stop();
    const QHash<quint64, Request> requests = std::exchange(m_requests, {});
    m_byTransaction.clear();
    m_queue.clear();
    for (const Request &r : requests)
        if (!r.probe)
            failLater(r.handle, r.handler, r.sequence ? Failure::Lost : Failure::NotSent);
}

void ModbusChannel::failLater(quint64 handle, ReplyHandler handler, Failure failure)
{
    m_deferred.insert(handle, Deferred{std::move(handler), failure});
    m_deferredOrder.push_back(handle);
    if (!m_deliveryScheduled) {
        m_deliveryScheduled = true;
        QMetaObject::invokeMethod(this, &ModbusChannel::deliverFailures, Qt::QueuedConnection);
    }
}

void ModbusChannel::deliverFailures()
{
    m_deliveryScheduled = false;
    const std::vector<quint64> order = std::exchange(m_deferredOrder, {});
    const QPointer<ModbusChannel> self(this);
    for (quint64 handle : order) {
        const auto it = m_deferred.find(handle);
        if (it == m_deferred.end())
            continue; // cancelled meanwhile
        const Deferred d = std::move(*it);
        m_deferred.erase(it);
        d.handler(nullptr, d.failure);
        if (!self)
            return;
    }
}

quint64 ModbusChannel::send(quint8 unit, const QByteArray &pdu, int timeoutMs, ReplyHandler handler)
{
    const quint64 handle = m_nextHandle++;
    const bool mayConnect = m_connectOnDemand && Clock::system()->nowMs() >= m_holdOffUntil;
    if (m_requests.size() >= MaxRequests || (!m_stream && !m_connecting && !mayConnect)) {
        failLater(handle, std::move(handler), Failure::NotSent);
        return handle;
    }
    Request r;
    r.handle = handle;
    r.deadline = Clock::system()->nowMs() + timeoutMs;
    r.unit = unit;
    r.pdu = pdu;
    r.handler = std::move(handler);
    m_requests.insert(handle, std::move(r));
    m_queue.push_back(handle);
    if (!m_timeoutTimer.isActive() || m_timeoutTimer.remainingTime() > timeoutMs)
        m_timeoutTimer.start(timeoutMs);
    if (m_stream)
        pump();
    else if (!m_connecting)
        open(timeoutMs); // made for this request: it may take as long as the request may wait
    return handle;
}

void ModbusChannel::cancel(quint64 handle)
{
    if (m_deferred.remove(handle))
        return;
    const auto it = m_requests.find(handle);
    if (it == m_requests.end())
        return;
    if (it->sequence)
        m_byTransaction.remove(it->transactionId);
    m_requests.erase(it); // a queued handle left in m_queue is skipped
    pump();
}

// Gives the next transaction id to a request and its frame for the wire.
QByteArray ModbusChannel::take(Request &request)
{
    quint16 tid = m_nextTransaction++;
    while (m_byTransaction.contains(tid))
        tid = m_nextTransaction++;
    request.transactionId = tid;
    request.sequence = m_nextSequence++;
    m_byTransaction.insert(tid, request.handle);
    const QByteArray frame = MbapCodec::encode(MbapFrame{tid, 0, request.unit, request.pdu});
    request.pdu.clear();
    return frame;
}

// Writes queued requests while the window has room, in one write.
void ModbusChannel::pump()
{
    if (!m_stream)
        return;
    QByteArray out;
    while (!m_queue.empty() && m_byTransaction.size() < m_window) {
        const quint64 handle = m_queue.front();
        m_queue.pop_front();
        const auto it = m_requests.find(handle);
        if (it != m_requests.end())
            out += take(*it);
    }
    if (!out.isEmpty())
        m_stream->write(out);
}

void ModbusChannel::armTimeoutTimer()
{
    if (m_requests.isEmpty()) {
        m_timeoutTimer.stop();
        return;
    }
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const Request &r : std::as_const(m_requests))
        earliest = std::min(earliest, r.deadline);
    m_timeoutTimer.start(int(std::max<qint64>(0, earliest - Clock::system()->nowMs())));
}

void ModbusChannel::expire()
{
    const qint64 now = Clock::system()->nowMs();
    std::vector<ReplyHandler> expired;
    for (auto it = m_requests.begin(); it != m_requests.end();) {
        if (it->deadline > now) {
            ++it;
            continue;
        }
        if (it->sequence)
            m_byTransaction.remove(it->transactionId);
        if (it->handle == m_probeHandle)
            m_probeHandle = 0;
        if (!it->probe)
            expired.push_back(std::move(it->handler));
        it = m_requests.erase(it);
    }
    armTimeoutTimer();
    pump();
    const QPointer<ModbusChannel> self(this);
    for (const ReplyHandler &handler : expired) {
        handler(nullptr, Failure::TimedOut);
        if (!self)
            return;
    }
}

void ModbusChannel::onReadyRead()
{
    const bool stillOpen = m_stream->readInto(m_buffer);
    const QString readError = stillOpen ? QString() : m_stream->errorString();
    const QPointer<ModbusChannel> self(this);
    qsizetype offset = 0;
    while (true) {
        const MbapCodec::Decoded decoded =
            MbapCodec::decode(QByteArrayView(m_buffer).sliced(offset));
        if (decoded.status == MbapCodec::Status::NeedMore)
            break;
        if (decoded.status == MbapCodec::Status::Malformed) {
            qCWarning(lcModbus) << m_peer << "sent a malformed frame:" << decoded.error;
            connectionLost(Tr::tr("malformed answer: %1").arg(decoded.error));
            return;
        }
        offset += decoded.consumed;
        m_answered = true;
        m_failuresInRow = 0;
        const auto byTid = m_byTransaction.find(decoded.frame.transactionId);
        if (byTid == m_byTransaction.end())
            continue; // late answer of a request that already gave up: dropped
        const auto it = m_requests.find(*byTid);
        m_byTransaction.erase(byTid);
        Request request = std::move(*it);
        m_requests.erase(it);
        noteAnswer(request, decoded.frame);
        pump();
        if (!request.probe)
            request.handler(&decoded.frame, Failure::None);
        if (!self || !m_stream)
            return; // the handler closed or deleted the channel
    }
    m_buffer.remove(0, offset);
    if (!stillOpen)
        connectionLost(readError); // after the answers that arrived before the end
}

// Modbus TCP servers answer a connection's requests in the order they read them. After an
// exception some (libmodbus) discard what they have not read yet; a request written after
// the one that failed, still unanswered when a later one's answer arrives, went that way.
void ModbusChannel::noteAnswer(const Request &answered, const MbapFrame &frame)
{
    if (answered.handle == m_probeHandle)
        m_probeHandle = 0;
    const quint64 lastWritten = m_nextSequence - 1;
    if (!answered.probe && frame.isException() && lastWritten > answered.sequence) {
        const bool laterUnanswered =
            std::any_of(m_byTransaction.cbegin(), m_byTransaction.cend(), [&](quint64 handle) {
                const auto r = m_requests.constFind(handle);
                return r != m_requests.cend() && r->sequence > answered.sequence;
            });
        if (laterUnanswered) {
            m_suspectFrom =
                m_suspectTo ? std::min(m_suspectFrom, answered.sequence) : answered.sequence;
            m_suspectTo = lastWritten;
        }
    }
    if (!m_suspectTo)
        return;
    if (answered.sequence > m_suspectFrom) {
        for (auto it = m_byTransaction.begin(); it != m_byTransaction.end();) {
            const auto r = m_requests.find(*it);
            if (r->sequence > m_suspectFrom && r->sequence < answered.sequence &&
                r->sequence <= m_suspectTo) {
                if (r->handle == m_probeHandle)
                    m_probeHandle = 0;
                if (!r->probe)
                    failLater(r->handle, std::move(r->handler), Failure::Dropped);
                m_requests.erase(r);
                it = m_byTransaction.erase(it);
            } else {
                ++it;
            }
        }
        if (answered.sequence > m_suspectTo) {
            m_suspectFrom = m_suspectTo = 0;
            return;
        }
    }
    sendProbe();
}

void ModbusChannel::sendProbe()
{
    if (m_probeHandle || m_probePdu.isEmpty() || !m_stream)
        return;
    Request r;
    r.handle = m_nextHandle++;
    r.deadline = Clock::system()->nowMs() + m_probeTimeoutMs;
    r.unit = m_probeUnit;
    r.pdu = m_probePdu;
    r.probe = true;
    m_probeHandle = r.handle;
    // Past the window and the queue: its answer must come after everything written so far.
    const QByteArray frame = take(r);
    m_requests.insert(r.handle, std::move(r));
    m_stream->write(frame);
    if (!m_timeoutTimer.isActive() || m_timeoutTimer.remainingTime() > m_probeTimeoutMs)
        m_timeoutTimer.start(m_probeTimeoutMs);
}

} // namespace tandem::modbus
