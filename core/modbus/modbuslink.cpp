#include "modbuslink.h"

#include "streamconnection.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QtEndian>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcModbus, "tandem.modbus", QtInfoMsg)

namespace tandem::modbus {

namespace {
// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ModbusLink)
};

quint8 readFunction(Table table)
{
    switch (table) {
    case Table::Coils:
        return 0x01;
    case Table::DiscreteInputs:
        return 0x02;
    case Table::InputRegisters:
        return 0x04;
    case Table::HoldingRegisters:
        return 0x03;
    }
    return 0x03;
}

QString exceptionText(quint8 code)
{
    switch (code) {
    case 0x01:
        return Tr::tr("exception 0x01 (illegal function)");
    case 0x02:
        return Tr::tr("exception 0x02 (illegal data address)");
    case 0x03:
        return Tr::tr("exception 0x03 (illegal data value)");
    case 0x04:
        return Tr::tr("exception 0x04 (server device failure)");
    case 0x0A:
        return Tr::tr("exception 0x0A (gateway path unavailable)");
    case 0x0B:
        return Tr::tr("exception 0x0B (gateway target device failed to respond)");
    default:
        return Tr::tr("exception 0x%1").arg(code, 2, 16, QLatin1Char('0'));
    }
}
} // namespace

ModbusLink::ModbusLink(const QString &host, quint16 port, const QString &statusItem,
                       QObject *parent)
    : ServerLink(parent)
    , m_host(host)
    , m_port(port)
{
    m_machine = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                                : QStringLiteral("%1:%2").arg(host).arg(port);
    QString error;
    if (const auto address = ItemAddress::parse(
            statusItem.isEmpty() ? QStringLiteral("400001") : statusItem, &error))
        m_statusAddress = *address;
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        close();
        Q_EMIT openFailed(Tr::tr("no connection within the status timeout"));
    });
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &ModbusLink::expire);
    m_clock.start();
}

ModbusLink::~ModbusLink()
{
    m_closing = true;
    stopPolls();
    if (m_connecting)
        m_connecting->abort();
}

void ModbusLink::open(int timeoutMs)
{
    if (m_connecting || m_stream)
        return;
    m_connecting = new QTcpSocket(this);
    connect(m_connecting, &QTcpSocket::connected, this, &ModbusLink::onConnected);
    connect(m_connecting, &QTcpSocket::errorOccurred, this, &ModbusLink::onConnectError);
    m_connectTimer.start(timeoutMs);
    m_connecting->connectToHost(m_host, m_port);
}

void ModbusLink::onConnected()
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
    connect(m_stream, &StreamConnection::readyRead, this, &ModbusLink::onReadyRead);
    m_open = true;
    Q_EMIT opened();
}

void ModbusLink::onConnectError()
{
    if (!m_connecting || m_closing)
        return;
    const QString reason = m_connecting->errorString();
    close();
    Q_EMIT openFailed(reason);
}

void ModbusLink::close()
{
    m_connectTimer.stop();
    stopPolls();
    m_closing = true;
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
    m_closing = false;
    m_open = false;
    m_buffer.clear();
    failAll(Tr::tr("connection closed"));
}

void ModbusLink::failAll(const QString &error)
{
    m_timeoutTimer.stop();
    const QHash<quint16, Pending> pending = std::exchange(m_pending, {});
    m_handles.clear();
    for (const Pending &p : pending)
        p.handler(nullptr, error);
}

quint64 ModbusLink::send(quint8 unit, const QByteArray &pdu, int timeoutMs, ReplyHandler handler)
{
    const quint64 handle = m_nextHandle++;
    if (!m_open) {
        handler(nullptr, Tr::tr("not connected"));
        return handle;
    }
    if (m_pending.size() >= 65000) {
        handler(nullptr, Tr::tr("too many requests in flight"));
        return handle;
    }
    quint16 tid = m_nextTransaction++;
    while (m_pending.contains(tid))
        tid = m_nextTransaction++;
    const qint64 deadline = m_clock.elapsed() + timeoutMs;
    m_pending.insert(tid, Pending{handle, deadline, std::move(handler)});
    m_handles.insert(handle, tid);
    m_stream->write(MbapCodec::encode(MbapFrame{tid, 0, unit, pdu}));
    if (!m_timeoutTimer.isActive() || m_timeoutTimer.remainingTime() > timeoutMs)
        m_timeoutTimer.start(timeoutMs);
    return handle;
}

void ModbusLink::cancel(quint64 handle)
{
    const auto it = m_handles.find(handle);
    if (it == m_handles.end())
        return;
    m_pending.remove(*it);
    m_handles.erase(it);
}

void ModbusLink::armTimeoutTimer()
{
    if (m_pending.isEmpty()) {
        m_timeoutTimer.stop();
        return;
    }
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const Pending &p : std::as_const(m_pending))
        earliest = std::min(earliest, p.deadline);
    m_timeoutTimer.start(int(std::max<qint64>(0, earliest - m_clock.elapsed())));
}

void ModbusLink::expire()
{
    const qint64 now = m_clock.elapsed();
    QList<ReplyHandler> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->deadline <= now) {
            m_handles.remove(it->handle);
            expired.append(std::move(it->handler));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    armTimeoutTimer();
    for (const ReplyHandler &handler : expired)
        handler(nullptr, Tr::tr("no answer in time"));
}

void ModbusLink::onReadyRead()
{
    const bool stillOpen = m_stream->readInto(m_buffer);
    const QString readError = stillOpen ? QString() : m_stream->errorString();
    qsizetype offset = 0;
    while (true) {
        const MbapCodec::Decoded decoded =
            MbapCodec::decode(QByteArrayView(m_buffer).sliced(offset));
        if (decoded.status == MbapCodec::Status::NeedMore)
            break;
        if (decoded.status == MbapCodec::Status::Malformed) {
            qCWarning(lcModbus) << m_machine << "sent a malformed frame:" << decoded.error;
            const QString reason = Tr::tr("malformed answer: %1").arg(decoded.error);
            close();
            Q_EMIT closed(reason);
            return;
        }
        offset += decoded.consumed;
        const auto it = m_pending.find(decoded.frame.transactionId);
        if (it == m_pending.end())
            continue; // late answer of a request that already gave up: dropped
        Pending pending = std::move(*it);
        m_pending.erase(it);
        m_handles.remove(pending.handle);
        pending.handler(&decoded.frame, QString());
        if (!m_stream)
            return; // the handler closed the link
    }
    m_buffer.remove(0, offset);
    if (!stillOpen) {
        close();
        Q_EMIT closed(readError); // after the answers that arrived before the end
    }
}

void ModbusLink::queryStatus(int timeoutMs)
{
    send(m_statusAddress.unit, readRequest(m_statusAddress, DataType::Default), timeoutMs,
         [this, timeoutMs](const MbapFrame *answer, const QString &error) {
             if (!answer) {
                 Q_EMIT statusReceived(
                     false, false,
                     error == Tr::tr("no answer in time")
                         ? Tr::tr("no answer to the status query within %1 ms").arg(timeoutMs)
                         : error);
                 return;
             }
             // Any answer proves the server alive, except a gateway saying its device is gone.
             const quint8 code = answer->exceptionCode();
             if (code == 0x0A || code == 0x0B)
                 Q_EMIT statusReceived(false, false, exceptionText(code));
             else
                 Q_EMIT statusReceived(true, false, QString());
         });
}

void ModbusLink::stopPolls()
{
    qDeleteAll(m_rateTimers);
    m_rateTimers.clear();
    m_polls.clear();
    ++m_pollGeneration;
}

void ModbusLink::setMonitorItems(const QList<MonitorItem> &items, int timeoutMs)
{
    stopPolls();
    m_pollTimeoutMs = timeoutMs;
    // One timer per update rate, not per item: 200 pairs x 20 items would otherwise be
    // 4000 timers firing each second.
    QHash<int, QList<int>> byRate;
    for (qsizetype i = 0; i < items.size(); ++i) {
        Poll poll;
        poll.item = items[i];
        QString error;
        const auto address = ItemAddress::parse(items[i].itemId, &error);
        if (address) {
            poll.address = *address;
            poll.active = true;
            byRate[items[i].updateRateMs].append(int(i));
        } else {
            QTimer::singleShot(0, this,
                               [this, i, error] { Q_EMIT monitorAddFailed(int(i), error); });
        }
        m_polls.append(poll);
    }
    for (auto it = byRate.cbegin(); it != byRate.cend(); ++it) {
        auto *timer = new QTimer(this);
        timer->setInterval(it.key());
        const QList<int> indices = it.value();
        connect(timer, &QTimer::timeout, this, [this, indices] {
            for (int index : indices)
                pollItem(index);
        });
        timer->start();
        m_rateTimers.append(timer);
        QTimer::singleShot(0, this, [this, indices, generation = m_pollGeneration] {
            if (generation == m_pollGeneration)
                for (int index : indices)
                    pollItem(index);
        });
    }
}

void ModbusLink::pollItem(int index)
{
    if (index >= m_polls.size() || !m_open)
        return;
    Poll &poll = m_polls[index];
    if (!poll.active || poll.inFlight)
        return;
    const quint64 generation = m_pollGeneration;
    poll.inFlight =
        send(poll.address.unit, readRequest(poll.address, poll.item.dataType), m_pollTimeoutMs,
             [this, index, generation](const MbapFrame *answer, const QString &error) {
                 if (generation != m_pollGeneration || index >= m_polls.size())
                     return;
                 Poll &p = m_polls[index];
                 p.inFlight = 0;
                 if (!answer) {
                     if (m_open)
                         Q_EMIT monitorSample(index, MonitorSample{false, {}, false});
                     Q_UNUSED(error)
                     return;
                 }
                 const quint8 code = answer->exceptionCode();
                 if (!p.added && (code == 0x01 || code == 0x02)) {
                     // The server does not have this item: it cannot be added.
                     p.active = false;
                     Q_EMIT monitorAddFailed(index, exceptionText(code));
                     return;
                 }
                 p.added = true;
                 Q_EMIT monitorSample(index, decodeRead(p.address, p.item.dataType, *answer));
             });
}

QByteArray ModbusLink::readRequest(const ItemAddress &address, DataType type)
{
    QByteArray pdu(5, Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(pdu.data());
    p[0] = readFunction(address.table);
    qToBigEndian<quint16>(address.offset, p + 1);
    qToBigEndian<quint16>(quint16(address.isBitTable() ? 1 : ItemAddress::width(type)), p + 3);
    return pdu;
}

MonitorSample ModbusLink::decodeRead(const ItemAddress &address, DataType type,
                                     const MbapFrame &answer)
{
    MonitorSample sample;
    const QByteArray &pdu = answer.pdu;
    if (answer.isException() || pdu.size() < 3 || quint8(pdu.at(1)) != pdu.size() - 2)
        return sample;
    const auto *data = reinterpret_cast<const uchar *>(pdu.constData() + 2);
    const int bytes = quint8(pdu.at(1));
    if (address.isBitTable()) {
        sample.good = true;
        sample.value = bool(data[0] & 1);
        return sample;
    }
    const int words = ItemAddress::width(type);
    if (bytes < 2 * words)
        return sample;
    // Multi-register values: first register holds the most significant word (Modicon).
    quint64 raw = 0;
    for (int i = 0; i < words; ++i)
        raw = (raw << 16) | qFromBigEndian<quint16>(data + 2 * i);
    sample.good = true;
    switch (type) {
    case DataType::Boolean:
        sample.value = raw != 0;
        break;
    case DataType::Short:
        sample.value = int(qint16(raw));
        break;
    case DataType::DWord:
        sample.value = quint32(raw);
        break;
    case DataType::Long:
        sample.value = qint32(quint32(raw));
        break;
    case DataType::Float: {
        const quint32 bits = quint32(raw);
        float f;
        std::memcpy(&f, &bits, sizeof f);
        sample.value = double(f);
        break;
    }
    case DataType::Double: {
        double d;
        std::memcpy(&d, &raw, sizeof d);
        sample.value = d;
        break;
    }
    case DataType::Default:
    case DataType::Word:
        sample.value = uint(quint16(raw));
        break;
    }
    return sample;
}

} // namespace tandem::modbus
