#include "mbapcodec.h"

#include <QCoreApplication>
#include <QtEndian>

namespace tandem::modbus {

QByteArray MbapCodec::encode(const MbapFrame &frame)
{
    Q_ASSERT(!frame.pdu.isEmpty() && frame.pdu.size() <= MaxPduSize);
    QByteArray out(HeaderSize + frame.pdu.size(), Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(out.data());
    qToBigEndian<quint16>(frame.transactionId, p);
    qToBigEndian<quint16>(frame.protocolId, p + 2);
    qToBigEndian<quint16>(quint16(frame.pdu.size() + 1), p + 4);
    p[6] = frame.unitId;
    memcpy(p + HeaderSize, frame.pdu.constData(), size_t(frame.pdu.size()));
    return out;
}

MbapCodec::Decoded MbapCodec::decode(QByteArrayView buffer)
{
    Decoded result;
    if (buffer.size() < HeaderSize)
        return result;
    const auto *p = reinterpret_cast<const uchar *>(buffer.data());
    const quint16 protocolId = qFromBigEndian<quint16>(p + 2);
    const quint16 length = qFromBigEndian<quint16>(p + 4);
    if (protocolId != 0) {
        result.status = Status::Malformed;
        result.error =
            QCoreApplication::translate("Tandem", "protocol identifier is %1, Modbus uses 0")
                .arg(protocolId);
        return result;
    }
    // length counts the unit id and the PDU; a PDU has at least a function code.
    if (length < 2 || length > MaxPduSize + 1) {
        result.status = Status::Malformed;
        result.error =
            QCoreApplication::translate("Tandem", "MBAP length is %1, must be from 2 to %2")
                .arg(length)
                .arg(MaxPduSize + 1);
        return result;
    }
    const qsizetype total = HeaderSize - 1 + length;
    if (buffer.size() < total)
        return result;
    result.status = Status::Complete;
    result.consumed = total;
    result.frame.transactionId = qFromBigEndian<quint16>(p);
    result.frame.protocolId = protocolId;
    result.frame.unitId = p[6];
    result.frame.pdu = QByteArray(reinterpret_cast<const char *>(p + HeaderSize), length - 1);
    return result;
}

MbapFrame MbapCodec::exceptionFor(const MbapFrame &request, ExceptionCode code)
{
    MbapFrame answer;
    answer.transactionId = request.transactionId;
    answer.unitId = request.unitId;
    answer.pdu.append(char(request.functionCode() | 0x80));
    answer.pdu.append(char(code));
    return answer;
}

bool MbapCodec::isReadOnly(const QByteArray &pdu)
{
    if (pdu.isEmpty())
        return false;
    switch (quint8(pdu.at(0))) {
    case 0x01: // read coils
    case 0x02: // read discrete inputs
    case 0x03: // read holding registers
    case 0x04: // read input registers
    case 0x07: // read exception status
    case 0x0B: // get comm event counter
    case 0x0C: // get comm event log
    case 0x11: // report server id
    case 0x14: // read file record
    case 0x18: // read FIFO queue
        return true;
    case 0x2B: // encapsulated interface: only MEI 0x0E, read device identification
        return pdu.size() >= 2 && quint8(pdu.at(1)) == 0x0E;
    default:
        return false;
    }
}

} // namespace tandem::modbus
