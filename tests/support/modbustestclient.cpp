#include "modbustestclient.h"

#include "modbus/mbapcodec.h"

#include <QDeadlineTimer>
#include <QtEndian>

namespace tandem::test {

using modbus::MbapCodec;
using modbus::MbapFrame;

namespace {

QByteArray be16(quint16 value)
{
    QByteArray out(2, Qt::Uninitialized);
    qToBigEndian<quint16>(value, out.data());
    return out;
}

quint16 at16(const QByteArray &bytes, qsizetype index)
{
    return qFromBigEndian<quint16>(bytes.constData() + index);
}

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}

} // namespace

ModbusTestClient::ModbusTestClient() = default;

ModbusTestClient::~ModbusTestClient()
{
    m_socket.abort();
}

bool ModbusTestClient::connectTo(const QString &host, quint16 port, int timeoutMs)
{
    m_socket.abort();
    m_buffer.clear();
    m_abandoned.clear();
    m_socket.connectToHost(host, port);
    if (!m_socket.waitForConnected(timeoutMs)) {
        m_socket.abort();
        return false;
    }
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    return true;
}

bool ModbusTestClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void ModbusTestClient::disconnectFromHost()
{
    m_socket.disconnectFromHost();
    if (m_socket.state() != QAbstractSocket::UnconnectedState &&
        !m_socket.waitForDisconnected(1000))
        m_socket.abort();
    m_buffer.clear();
    m_abandoned.clear();
}

ModbusTestClient::Reply ModbusTestClient::readRequest(quint8 functionCode, quint8 unit,
                                                      quint16 address0, quint16 count,
                                                      int timeoutMs)
{
    return request(unit, char(functionCode) + be16(address0) + be16(count), timeoutMs);
}

ModbusTestClient::Reply ModbusTestClient::readCoils(quint8 unit, quint16 address0, quint16 count,
                                                    int timeoutMs)
{
    return readRequest(0x01, unit, address0, count, timeoutMs);
}

ModbusTestClient::Reply ModbusTestClient::readDiscreteInputs(quint8 unit, quint16 address0,
                                                             quint16 count, int timeoutMs)
{
    return readRequest(0x02, unit, address0, count, timeoutMs);
}

ModbusTestClient::Reply ModbusTestClient::readHoldingRegisters(quint8 unit, quint16 address0,
                                                               quint16 count, int timeoutMs)
{
    return readRequest(0x03, unit, address0, count, timeoutMs);
}

ModbusTestClient::Reply ModbusTestClient::readInputRegisters(quint8 unit, quint16 address0,
                                                             quint16 count, int timeoutMs)
{
    return readRequest(0x04, unit, address0, count, timeoutMs);
}

ModbusTestClient::Reply ModbusTestClient::writeSingleCoil(quint8 unit, quint16 address0, bool value,
                                                          int timeoutMs)
{
    return request(unit, '\x05' + be16(address0) + be16(value ? 0xFF00 : 0x0000), timeoutMs);
}

ModbusTestClient::Reply ModbusTestClient::writeSingleRegister(quint8 unit, quint16 address0,
                                                              quint16 value, int timeoutMs)
{
    return request(unit, '\x06' + be16(address0) + be16(value), timeoutMs);
}

ModbusTestClient::Reply ModbusTestClient::writeMultipleRegisters(quint8 unit, quint16 address0,
                                                                 const QList<quint16> &values,
                                                                 int timeoutMs)
{
    QByteArray pdu = '\x10' + be16(address0) + be16(quint16(values.size()));
    pdu.append(char(values.size() * 2));
    for (quint16 value : values)
        pdu.append(be16(value));
    return request(unit, pdu, timeoutMs);
}

void ModbusTestClient::sendRaw(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

ModbusTestClient::Reply ModbusTestClient::request(quint8 unit, const QByteArray &pdu, int timeoutMs)
{
    Reply reply;
    if (!isConnected()) {
        reply.disconnected = true;
        reply.error = QStringLiteral("not connected");
        return reply;
    }
    MbapFrame frame;
    frame.transactionId = ++m_transactionId;
    frame.unitId = unit;
    frame.pdu = pdu;
    m_socket.write(MbapCodec::encode(frame));
    m_socket.flush();

    const QDeadlineTimer deadline(timeoutMs);
    bool lastLook = false; // the wait ended: take what is buffered, then give up
    for (;;) {
        m_buffer += m_socket.readAll();
        const MbapCodec::Decoded decoded = MbapCodec::decode(m_buffer);
        if (decoded.status == MbapCodec::Status::Malformed) {
            reply.pdu = m_buffer;
            reply.error =
                QStringLiteral("malformed answer (%1): %2").arg(decoded.error, hex(m_buffer));
            m_buffer.clear();
            return reply;
        }
        if (decoded.status == MbapCodec::Status::Complete) {
            m_buffer.remove(0, decoded.consumed);
            const MbapFrame &answer = decoded.frame;
            if (answer.transactionId != frame.transactionId &&
                m_abandoned.remove(answer.transactionId)) {
                ++m_lateReplies;
                continue;
            }
            reply.transactionId = answer.transactionId;
            reply.unitId = answer.unitId;
            reply.pdu = answer.pdu;
            if (answer.transactionId != frame.transactionId) {
                reply.wrongTransaction = true;
                m_abandoned.insert(frame.transactionId); // its answer, if any, is late now
                reply.error = QStringLiteral("answer has transaction id %1, request had %2")
                                  .arg(answer.transactionId)
                                  .arg(frame.transactionId);
                return reply;
            }
            if (answer.unitId != unit) {
                reply.error = QStringLiteral("answer has unit id %1, request had %2")
                                  .arg(answer.unitId)
                                  .arg(unit);
                return reply;
            }
            checkAnswer(pdu, &reply);
            return reply;
        }
        if (lastLook || m_socket.state() != QAbstractSocket::ConnectedState)
            break;
        if (deadline.hasExpired() || !m_socket.waitForReadyRead(int(deadline.remainingTime())))
            lastLook = true;
    }
    if (m_socket.state() != QAbstractSocket::ConnectedState) {
        reply.disconnected = true;
        reply.error = QStringLiteral("connection closed: %1").arg(m_socket.errorString());
    } else {
        reply.timedOut = true;
        reply.error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
        m_abandoned.insert(frame.transactionId);
    }
    return reply;
}

void ModbusTestClient::checkAnswer(const QByteArray &request, Reply *reply)
{
    const QByteArray &pdu = reply->pdu;
    const quint8 functionCode = quint8(request.at(0));
    if (pdu.isEmpty()) {
        reply->error = QStringLiteral("empty answer");
        return;
    }
    const quint8 answerCode = quint8(pdu.at(0));
    if (answerCode == (functionCode | 0x80)) {
        if (pdu.size() != 2) {
            reply->error = QStringLiteral("malformed exception answer: %1").arg(hex(pdu));
            return;
        }
        reply->exceptionCode = quint8(pdu.at(1));
        reply->error =
            QStringLiteral("exception 0x%1").arg(reply->exceptionCode, 2, 16, QLatin1Char('0'));
        return;
    }
    if (answerCode != functionCode) {
        reply->error = QStringLiteral("answer has function code %1, request had %2")
                           .arg(answerCode)
                           .arg(functionCode);
        return;
    }
    const auto malformed = [&] {
        reply->error =
            QStringLiteral("malformed answer to function %1: %2").arg(functionCode).arg(hex(pdu));
    };
    switch (functionCode) {
    case 0x01:
    case 0x02: {
        const quint16 count = request.size() >= 5 ? at16(request, 3) : 0;
        const int bytes = (count + 7) / 8;
        if (pdu.size() != 2 + bytes || quint8(pdu.at(1)) != bytes)
            return malformed();
        for (int i = 0; i < count; ++i)
            reply->bits.append((quint8(pdu.at(2 + i / 8)) >> (i % 8)) & 1);
        break;
    }
    case 0x03:
    case 0x04: {
        const quint16 count = request.size() >= 5 ? at16(request, 3) : 0;
        if (pdu.size() != 2 + 2 * count || quint8(pdu.at(1)) != 2 * count)
            return malformed();
        for (int i = 0; i < count; ++i)
            reply->registers.append(at16(pdu, 2 + 2 * i));
        break;
    }
    case 0x05:
    case 0x06:
        if (pdu != request)
            return malformed();
        break;
    case 0x0F:
    case 0x10:
        if (pdu.size() != 5 || pdu.left(5) != request.left(5))
            return malformed();
        break;
    default:
        break;
    }
    reply->ok = true;
}

} // namespace tandem::test
