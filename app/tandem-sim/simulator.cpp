#include "simulator.h"

#include "modbus/mbapcodec.h"

#include <QLoggingCategory>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtEndian>

#include <sys/socket.h>

#include <algorithm>
#include <cstring>

Q_LOGGING_CATEGORY(lcSim, "tandem.sim", QtInfoMsg)

namespace tandem::sim {

using modbus::MbapCodec;
using modbus::Table;

namespace {

// Protocol limits (Modbus Application Protocol v1.1b3, 6.1 to 6.17): what one PDU of at
// most 253 bytes can carry.
constexpr int MaxReadBits = 2000;
constexpr int MaxReadRegisters = 125;
constexpr int MaxWriteBits = 1968;
constexpr int MaxWriteRegisters = 123;
constexpr int MaxReadWriteWriteRegisters = 121;

constexpr quint8 IllegalFunction = 0x01;
constexpr quint8 IllegalDataAddress = 0x02;
constexpr quint8 IllegalDataValue = 0x03;

// Qt's buffer in front of each connection. Bounded so a hung simulator stops taking data
// and TCP flow control pushes back on the client, as a real stuck server would.
constexpr qint64 SocketReadBuffer = 64 * 1024;

quint16 be16(QByteArrayView data, qsizetype at)
{
    return qFromBigEndian<quint16>(data.data() + at);
}

void appendException(QByteArray &out, quint8 functionCode, quint8 code)
{
    out.append(char(functionCode | 0x80));
    out.append(char(code));
}

// Grows out by count bytes and hands back where they start, for writing in place.
uchar *grow(QByteArray &out, qsizetype count)
{
    const qsizetype at = out.size();
    out.resize(at + count);
    return reinterpret_cast<uchar *>(out.data()) + at;
}

bool rangeFits(quint16 address, int quantity)
{
    return int(address) + quantity <= Simulator::TableSize;
}

// Decimal, or hexadecimal with 0x; a leading 0 does not mean octal (011 is eleven).
std::optional<qint64> parseNumber(const QString &text)
{
    bool ok = false;
    qint64 value = 0;
    if (text.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        value = text.mid(2).toLongLong(&ok, 16);
    else
        value = text.toLongLong(&ok, 10);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

const QLatin1String CommandList("hang, resume, drop, exception CODE, normal, set REF VALUE, "
                                "stop-ticking, start-ticking, quit");

} // namespace

Simulator::Simulator(quint16 offset, QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_coils(TableSize, 0)
    , m_discreteInputs(TableSize, 0)
    , m_inputRegisters(TableSize, 0)
    , m_holdingRegisters(TableSize, 0)
{
    m_holdingRegisters[0] = offset;
    m_holdingRegisters[1] = offset;
    m_inputRegisters[0] = offset;
    m_outbox.reserve(MbapCodec::MaxAduSize * 16);

    connect(m_server, &QTcpServer::newConnection, this, &Simulator::acceptClients);
    connect(&m_ticker, &QTimer::timeout, this, &Simulator::tick);
    // Precise: coarse timers may slip by 5 %, and the counter's rate should be --tick.
    m_ticker.setTimerType(Qt::PreciseTimer);
    setTickInterval(m_tickInterval);
}

Simulator::~Simulator()
{
    // The sockets are children and go with this object; none may call back into it.
    for (const auto &client : m_clients)
        client->socket->disconnect(this);
    m_clients.clear();
}

bool Simulator::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_server->listen(address, port))
        return true;
    *error = m_server->errorString();
    return false;
}

QHostAddress Simulator::serverAddress() const
{
    return m_server->serverAddress();
}

quint16 Simulator::serverPort() const
{
    return m_server->serverPort();
}

void Simulator::setTickInterval(int intervalMs)
{
    m_tickInterval = intervalMs;
    if (m_ticking && intervalMs > 0)
        m_ticker.start(intervalMs);
    else
        m_ticker.stop();
}

void Simulator::setTicking(bool ticking)
{
    m_ticking = ticking;
    setTickInterval(m_tickInterval);
}

void Simulator::setHung(bool hung)
{
    m_hung = hung;
    if (hung)
        return;
    // Nothing signals again for bytes that arrived during the hang: serve them now.
    std::vector<QTcpSocket *> sockets;
    for (const auto &client : m_clients)
        sockets.push_back(client->socket);
    for (QTcpSocket *socket : sockets)
        if (Client *client = clientFor(socket))
            serve(client);
}

void Simulator::dropClients()
{
    std::vector<QTcpSocket *> sockets;
    for (const auto &client : m_clients)
        sockets.push_back(client->socket);
    for (QTcpSocket *socket : sockets) {
        // A zero linger time makes close() send RST instead of FIN: the peer sees a
        // connection reset, as when a server crashes, not an orderly shutdown.
        if (const qintptr fd = socket->socketDescriptor(); fd >= 0) {
            const linger reset{1, 0};
            ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        }
        socket->abort();
        removeClient(socket);
    }
}

void Simulator::setForcedException(std::optional<quint8> code)
{
    m_forcedException = code;
}

void Simulator::setValue(Table table, quint16 address, quint16 value)
{
    switch (table) {
    case Table::Coils:
        m_coils[address] = value ? 1 : 0;
        break;
    case Table::DiscreteInputs:
        m_discreteInputs[address] = value ? 1 : 0;
        break;
    case Table::InputRegisters:
        m_inputRegisters[address] = value;
        break;
    case Table::HoldingRegisters:
        m_holdingRegisters[address] = value;
        break;
    }
}

quint16 Simulator::value(Table table, quint16 address) const
{
    switch (table) {
    case Table::Coils:
        return m_coils[address];
    case Table::DiscreteInputs:
        return m_discreteInputs[address];
    case Table::InputRegisters:
        return m_inputRegisters[address];
    case Table::HoldingRegisters:
        return m_holdingRegisters[address];
    }
    return 0;
}

Simulator::CommandResult Simulator::runCommand(const QString &line)
{
    const QString command = line.simplified();
    if (command.isEmpty())
        return {};
    const QStringList words = command.split(QLatin1Char(' '));
    const QString &verb = words.first();
    const auto ok = [&command] { return CommandResult{QStringLiteral("ok ") + command}; };
    const auto error = [](const QString &why) {
        return CommandResult{QStringLiteral("error: ") + why};
    };
    const auto arguments = [&words](qsizetype expected) { return words.size() - 1 == expected; };

    static const QStringList bare{QStringLiteral("hang"),         QStringLiteral("resume"),
                                  QStringLiteral("drop"),         QStringLiteral("normal"),
                                  QStringLiteral("stop-ticking"), QStringLiteral("start-ticking"),
                                  QStringLiteral("quit")};
    if (bare.contains(verb)) {
        if (!arguments(0))
            return error(QStringLiteral("'%1' takes no arguments").arg(verb));
        if (verb == QLatin1String("hang"))
            setHung(true);
        else if (verb == QLatin1String("resume"))
            setHung(false);
        else if (verb == QLatin1String("drop"))
            dropClients();
        else if (verb == QLatin1String("normal"))
            setForcedException(std::nullopt);
        else if (verb == QLatin1String("stop-ticking"))
            setTicking(false);
        else if (verb == QLatin1String("start-ticking"))
            setTicking(true);
        CommandResult result = ok();
        result.quit = verb == QLatin1String("quit");
        return result;
    }
    if (verb == QLatin1String("exception")) {
        if (!arguments(1))
            return error(QStringLiteral("usage: exception CODE (1 to 255, e.g. 11 or 0x0B)"));
        const std::optional<qint64> code = parseNumber(words.at(1));
        if (!code || *code < 1 || *code > 255)
            return error(QStringLiteral("exception code '%1' must be a number from 1 to 255 "
                                        "(decimal, or hexadecimal like 0x0B)")
                             .arg(words.at(1)));
        setForcedException(quint8(*code));
        return ok();
    }
    if (verb == QLatin1String("set")) {
        if (!arguments(2))
            return error(QStringLiteral("usage: set REF VALUE (e.g. set 400010 1234 or "
                                        "set 000001 1)"));
        QString why;
        // Every unit id shares one data set, so a `UNIT:` prefix is accepted and ignored.
        const std::optional<modbus::ItemAddress> ref =
            modbus::ItemAddress::parse(words.at(1), &why);
        if (!ref)
            return error(why);
        const std::optional<qint64> value = parseNumber(words.at(2));
        if (ref->isBitTable()) {
            if (!value || (*value != 0 && *value != 1))
                return error(QStringLiteral("value '%1' for %2 must be 0 or 1: coils and "
                                            "discrete inputs hold single bits")
                                 .arg(words.at(2), words.at(1)));
        } else if (!value || *value < -32768 || *value > 65535) {
            return error(QStringLiteral("value '%1' for %2 must be a number from -32768 to "
                                        "65535 (a 16-bit register)")
                             .arg(words.at(2), words.at(1)));
        }
        setValue(ref->table, ref->offset, quint16(*value));
        return ok();
    }
    return error(QStringLiteral("unknown command '%1' (commands: %2)").arg(verb, CommandList));
}

void Simulator::acceptClients()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        // Answers are small and often pipelined: Nagle would hold them back for the
        // client's delayed ACK and ruin latency.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        socket->setReadBufferSize(SocketReadBuffer);
        auto client = std::make_unique<Client>();
        client->socket = socket;
        client->inbox.reserve(MbapCodec::MaxAduSize * 2);
        Client *raw = client.get();
        m_clients.push_back(std::move(client));
        // Kept: the socket forgets its peer once it is closed.
        const QString peer = socket->peerAddress().toString() + QLatin1Char(':') +
                             QString::number(socket->peerPort());
        qCInfo(lcSim).noquote() << "client" << peer << "connected";
        connect(socket, &QTcpSocket::readyRead, this, [this, raw] { serve(raw); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket, peer] {
            qCInfo(lcSim).noquote() << "client" << peer << "disconnected";
            removeClient(socket);
        });
        // Data may have come with the connection itself.
        if (socket->bytesAvailable() > 0)
            serve(raw);
    }
}

Simulator::Client *Simulator::clientFor(const QTcpSocket *socket) const
{
    const auto it = std::find_if(m_clients.cbegin(), m_clients.cend(),
                                 [socket](const auto &c) { return c->socket == socket; });
    return it == m_clients.cend() ? nullptr : it->get();
}

void Simulator::removeClient(QTcpSocket *socket)
{
    const auto it = std::find_if(m_clients.begin(), m_clients.end(),
                                 [socket](const auto &c) { return c->socket == socket; });
    if (it == m_clients.end())
        return;
    m_clients.erase(it);
    // Later: this may run inside one of the socket's own signals.
    socket->disconnect(this);
    socket->deleteLater();
}

void Simulator::serve(Client *client)
{
    QTcpSocket *const socket = client->socket;
    // Closing (after a malformed frame): the rest of its bytes would only repeat the error.
    if (m_hung || socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray &inbox = client->inbox;
    if (const qint64 available = socket->bytesAvailable(); available > 0) {
        const qsizetype had = inbox.size();
        inbox.resize(had + available);
        const qint64 got = socket->read(inbox.data() + had, available);
        inbox.resize(had + std::max<qint64>(got, 0));
    }

    m_outbox.resize(0);
    qsizetype used = 0;
    QString malformed;
    for (;;) {
        const MbapCodec::Decoded decoded = MbapCodec::decode(QByteArrayView(inbox).sliced(used));
        if (decoded.status == MbapCodec::Status::NeedMore)
            break;
        if (decoded.status == MbapCodec::Status::Malformed) {
            malformed = decoded.error;
            break;
        }
        used += decoded.consumed;
        const modbus::MbapFrame &request = decoded.frame;
        // The MBAP header is written in place (the length once the PDU is known) rather
        // than through MbapCodec::encode, which would allocate a frame per answer.
        const qsizetype header = m_outbox.size();
        uchar *h = grow(m_outbox, MbapCodec::HeaderSize);
        qToBigEndian<quint16>(request.transactionId, h);
        qToBigEndian<quint16>(0, h + 2);
        h[6] = request.unitId;
        answerPdu(request.pdu, m_outbox);
        const qsizetype pduSize = m_outbox.size() - header - MbapCodec::HeaderSize;
        qToBigEndian<quint16>(quint16(pduSize + 1),
                              reinterpret_cast<uchar *>(m_outbox.data()) + header + 4);
    }
    inbox.remove(0, used);

    if (!m_outbox.isEmpty()) {
        // Copied into the socket's buffer (not shared), so m_outbox keeps its capacity;
        // flushing now saves an event loop round trip per answer.
        socket->write(m_outbox.constData(), m_outbox.size());
        socket->flush();
    }
    if (!malformed.isEmpty()) {
        qCWarning(lcSim).noquote() << "closing the connection from"
                                   << socket->peerAddress().toString() + QLatin1Char(':') +
                                          QString::number(socket->peerPort())
                                   << "after a malformed frame:" << malformed;
        // Last: disconnecting can remove the client (and its inbox) right away.
        socket->disconnectFromHost();
    }
}

void Simulator::tick()
{
    ++m_holdingRegisters[0];
    ++m_inputRegisters[0];
}

void Simulator::answerPdu(QByteArrayView request, QByteArray &out)
{
    const quint8 functionCode = request.isEmpty() ? 0 : quint8(request.at(0));
    if (m_forcedException) {
        appendException(out, functionCode, *m_forcedException);
        return;
    }
    switch (functionCode) {
    case 0x01:
        readBits(m_coils, request, out);
        break;
    case 0x02:
        readBits(m_discreteInputs, request, out);
        break;
    case 0x03:
        readRegisters(m_holdingRegisters, request, out);
        break;
    case 0x04:
        readRegisters(m_inputRegisters, request, out);
        break;
    case 0x05:
        writeSingleCoil(request, out);
        break;
    case 0x06:
        writeSingleRegister(request, out);
        break;
    case 0x0F:
        writeMultipleCoils(request, out);
        break;
    case 0x10:
        writeMultipleRegisters(request, out);
        break;
    case 0x17:
        readWriteMultipleRegisters(request, out);
        break;
    default:
        appendException(out, functionCode, IllegalFunction);
        break;
    }
}

// The checks follow the specification's order: quantity (and PDU shape) first, giving
// 0x03, then the address range, giving 0x02.

void Simulator::readBits(const std::vector<quint8> &table, QByteArrayView request, QByteArray &out)
{
    const quint8 functionCode = quint8(request.at(0));
    if (request.size() != 5) {
        appendException(out, functionCode, IllegalDataValue);
        return;
    }
    const quint16 address = be16(request, 1);
    const int quantity = be16(request, 3);
    if (quantity < 1 || quantity > MaxReadBits) {
        appendException(out, functionCode, IllegalDataValue);
        return;
    }
    if (!rangeFits(address, quantity)) {
        appendException(out, functionCode, IllegalDataAddress);
        return;
    }
    const int byteCount = (quantity + 7) / 8;
    uchar *p = grow(out, 2 + byteCount);
    p[0] = functionCode;
    p[1] = uchar(byteCount);
    std::memset(p + 2, 0, size_t(byteCount));
    const quint8 *bits = table.data() + address;
    for (int i = 0; i < quantity; ++i)
        if (bits[i])
            p[2 + i / 8] |= uchar(1u << (i % 8));
}

void Simulator::readRegisters(const std::vector<quint16> &table, QByteArrayView request,
                              QByteArray &out)
{
    const quint8 functionCode = quint8(request.at(0));
    if (request.size() != 5) {
        appendException(out, functionCode, IllegalDataValue);
        return;
    }
    const quint16 address = be16(request, 1);
    const int quantity = be16(request, 3);
    if (quantity < 1 || quantity > MaxReadRegisters) {
        appendException(out, functionCode, IllegalDataValue);
        return;
    }
    if (!rangeFits(address, quantity)) {
        appendException(out, functionCode, IllegalDataAddress);
        return;
    }
    uchar *p = grow(out, 2 + 2 * quantity);
    p[0] = functionCode;
    p[1] = uchar(2 * quantity);
    qToBigEndian<quint16>(table.data() + address, quantity, p + 2);
}

void Simulator::writeSingleCoil(QByteArrayView request, QByteArray &out)
{
    if (request.size() != 5) {
        appendException(out, 0x05, IllegalDataValue);
        return;
    }
    const quint16 value = be16(request, 3);
    if (value != 0xFF00 && value != 0x0000) {
        appendException(out, 0x05, IllegalDataValue);
        return;
    }
    m_coils[be16(request, 1)] = value ? 1 : 0;
    out.append(request.data(), request.size()); // the answer echoes the request
}

void Simulator::writeSingleRegister(QByteArrayView request, QByteArray &out)
{
    if (request.size() != 5) {
        appendException(out, 0x06, IllegalDataValue);
        return;
    }
    m_holdingRegisters[be16(request, 1)] = be16(request, 3);
    out.append(request.data(), request.size());
}

void Simulator::writeMultipleCoils(QByteArrayView request, QByteArray &out)
{
    if (request.size() < 6) {
        appendException(out, 0x0F, IllegalDataValue);
        return;
    }
    const quint16 address = be16(request, 1);
    const int quantity = be16(request, 3);
    const int byteCount = quint8(request.at(5));
    if (quantity < 1 || quantity > MaxWriteBits || byteCount != (quantity + 7) / 8 ||
        request.size() != 6 + byteCount) {
        appendException(out, 0x0F, IllegalDataValue);
        return;
    }
    if (!rangeFits(address, quantity)) {
        appendException(out, 0x0F, IllegalDataAddress);
        return;
    }
    const auto *bits = reinterpret_cast<const uchar *>(request.data()) + 6;
    for (int i = 0; i < quantity; ++i)
        m_coils[address + i] = (bits[i / 8] >> (i % 8)) & 1;
    out.append(request.data(), 5); // function, address, quantity
}

void Simulator::writeMultipleRegisters(QByteArrayView request, QByteArray &out)
{
    if (request.size() < 6) {
        appendException(out, 0x10, IllegalDataValue);
        return;
    }
    const quint16 address = be16(request, 1);
    const int quantity = be16(request, 3);
    const int byteCount = quint8(request.at(5));
    if (quantity < 1 || quantity > MaxWriteRegisters || byteCount != 2 * quantity ||
        request.size() != 6 + byteCount) {
        appendException(out, 0x10, IllegalDataValue);
        return;
    }
    if (!rangeFits(address, quantity)) {
        appendException(out, 0x10, IllegalDataAddress);
        return;
    }
    qFromBigEndian<quint16>(request.data() + 6, quantity, m_holdingRegisters.data() + address);
    out.append(request.data(), 5);
}

void Simulator::readWriteMultipleRegisters(QByteArrayView request, QByteArray &out)
{
    if (request.size() < 10) {
        appendException(out, 0x17, IllegalDataValue);
        return;
    }
    const quint16 readAddress = be16(request, 1);
    const int readQuantity = be16(request, 3);
    const quint16 writeAddress = be16(request, 5);
    const int writeQuantity = be16(request, 7);
    const int byteCount = quint8(request.at(9));
    if (readQuantity < 1 || readQuantity > MaxReadRegisters || writeQuantity < 1 ||
        writeQuantity > MaxReadWriteWriteRegisters || byteCount != 2 * writeQuantity ||
        request.size() != 10 + byteCount) {
        appendException(out, 0x17, IllegalDataValue);
        return;
    }
    if (!rangeFits(readAddress, readQuantity) || !rangeFits(writeAddress, writeQuantity)) {
        appendException(out, 0x17, IllegalDataAddress);
        return;
    }
    // The specification performs the write before the read.
    qFromBigEndian<quint16>(request.data() + 10, writeQuantity,
                            m_holdingRegisters.data() + writeAddress);
    uchar *p = grow(out, 2 + 2 * readQuantity);
    p[0] = 0x17;
    p[1] = uchar(2 * readQuantity);
    qToBigEndian<quint16>(m_holdingRegisters.data() + readAddress, readQuantity, p + 2);
}

} // namespace tandem::sim
