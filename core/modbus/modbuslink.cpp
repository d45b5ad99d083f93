#include "modbuslink.h"

#include "base/clock.h"
#include "base/logging.h"

#include <QCoreApplication>
#include <QtEndian>

#include <cstring>

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
    m_control = makeChannel(ModbusChannel::MaxRequests);
    m_data = makeChannel(DataWindow);
    // Data connections are made by the proxy (it knows whether clients share one) or by
    // the first request once this is open.
    connect(m_control, &ModbusChannel::opened, this, [this] {
        m_open = true;
        m_data->setConnectOnDemand(true, m_timeoutMs);
        for (const QPointer<ModbusChannel> &channel : std::as_const(m_clientChannels))
            if (channel)
                channel->setConnectOnDemand(true, m_timeoutMs);
        Q_EMIT opened();
    });
    connect(m_control, &ModbusChannel::openFailed, this, [this](const QString &reason) {
        close();
        Q_EMIT openFailed(reason);
    });
    connect(m_control, &ModbusChannel::closed, this, [this](const QString &reason) {
        close();
        Q_EMIT closed(reason);
    });
    // A data connection that fails says nothing about the server: see the class comment.
    connect(m_data, &ModbusChannel::closed, this, [this](const QString &reason) {
        qCDebug(lcModbus) << m_machine << "data connection lost:" << reason;
    });
}

ModbusLink::~ModbusLink()
{
    stopPolls();
}

ModbusChannel *ModbusLink::makeChannel(int window)
{
    auto *channel = new ModbusChannel(m_host, m_port, this);
    channel->setWindow(window);
    channel->setProbe(m_statusAddress.unit, readRequest(m_statusAddress, DataType::Default),
                      m_timeoutMs);
    return channel;
}

ModbusChannel *ModbusLink::createClientChannel()
{
    m_clientChannels.removeAll(nullptr);
    ModbusChannel *channel = makeChannel(DataWindow);
    channel->setConnectOnDemand(m_open, m_timeoutMs);
    m_clientChannels.append(channel);
    return channel;
}

void ModbusLink::open(int timeoutMs)
{
    if (m_open || m_control->isConnecting())
        return;
    m_timeoutMs = timeoutMs; // the status timeout as it is now: the configuration may change
    const QByteArray probe = readRequest(m_statusAddress, DataType::Default);
    m_control->setProbe(m_statusAddress.unit, probe, timeoutMs);
    m_data->setProbe(m_statusAddress.unit, probe, timeoutMs);
    for (const QPointer<ModbusChannel> &channel : std::as_const(m_clientChannels))
        if (channel)
            channel->setProbe(m_statusAddress.unit, probe, timeoutMs);
    m_control->open(timeoutMs);
}

void ModbusLink::closeChannels()
{
    m_control->close();
    m_data->setConnectOnDemand(false, m_timeoutMs);
    m_data->close();
    for (const QPointer<ModbusChannel> &channel : std::as_const(m_clientChannels)) {
        if (!channel)
            continue;
        channel->setConnectOnDemand(false, m_timeoutMs);
        channel->close();
    }
}

void ModbusLink::close()
{
    stopPolls();
    ++m_generation;
    m_open = false;
    closeChannels();
}

quint64 ModbusLink::send(quint8 unit, const QByteArray &pdu, int timeoutMs, ReplyHandler handler)
{
    return m_data->send(unit, pdu, timeoutMs, std::move(handler));
}

void ModbusLink::cancel(quint64 handle)
{
    m_data->cancel(handle);
}

int ModbusLink::pendingCount() const
{
    return m_data->pendingCount();
}

void ModbusLink::queryStatus(int timeoutMs)
{
    sendStatus(m_generation, Clock::system()->nowMs() + timeoutMs, timeoutMs);
}

void ModbusLink::sendStatus(quint64 generation, qint64 deadline, int timeoutMs)
{
    const int remaining = int(std::max<qint64>(1, deadline - Clock::system()->nowMs()));
    m_control->send(
        m_statusAddress.unit, readRequest(m_statusAddress, DataType::Default), remaining,
        [this, generation, deadline, timeoutMs](const MbapFrame *answer, Failure failure) {
            if (generation != m_generation)
                return; // closed meanwhile; closed() or the closer said what happened
            if (failure == Failure::Dropped && deadline > Clock::system()->nowMs()) {
                // A monitor poll's exception made the server discard it: ask again.
                sendStatus(generation, deadline, timeoutMs);
                return;
            }
            if (!answer) {
                Q_EMIT statusReceived(
                    false, false,
                    failure == Failure::TimedOut || failure == Failure::Dropped
                        ? Tr::tr("no answer to the status query within %1 ms").arg(timeoutMs)
                        : ModbusChannel::failureText(failure));
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
    poll.inFlight = m_control->send(
        poll.address.unit, readRequest(poll.address, poll.item.dataType), m_pollTimeoutMs,
        [this, index, generation](const MbapFrame *answer, Failure failure) {
            if (generation != m_pollGeneration || index >= m_polls.size())
                return;
            Poll &p = m_polls[index];
            p.inFlight = 0;
            if (!answer) {
                // Discarded after another poll's exception says nothing about this item:
                // the next poll tells.
                if (m_open && failure != Failure::Dropped)
                    Q_EMIT monitorSample(index, MonitorSample{false, {}, false});
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
