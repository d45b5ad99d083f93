#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace tandem::modbus {

// One Modbus TCP application data unit: the MBAP header fields and the PDU
// (function code + data). The length field is derived, never stored.
struct MbapFrame
{
    quint16 transactionId = 0;
    quint16 protocolId = 0;
    quint8 unitId = 0;
    QByteArray pdu;

    quint8 functionCode() const { return pdu.isEmpty() ? 0 : quint8(pdu.at(0)); }
    bool isException() const { return functionCode() & 0x80; }
    quint8 exceptionCode() const
    {
        return isException() && pdu.size() >= 2 ? quint8(pdu.at(1)) : 0;
    }

    friend bool operator==(const MbapFrame &, const MbapFrame &) = default;
};

// Exception codes Tandem itself answers with (Modbus Application Protocol v1.1b3, 7).
enum class ExceptionCode : quint8
{
    IllegalFunction = 0x01,
    IllegalDataAddress = 0x02,
    ServerDeviceFailure = 0x04,
    GatewayPathUnavailable = 0x0A,
    GatewayTargetFailedToRespond = 0x0B,
};

// Encodes and splits MBAP frames on a TCP byte stream. Bounded: a header announcing
// more than a PDU can hold is malformed, so a peer cannot make us buffer without limit.
class MbapCodec final
{
public:
    static constexpr int HeaderSize = 7;   // transaction, protocol, length, unit
    static constexpr int MaxPduSize = 253; // so an ADU is at most 260 bytes
    static constexpr int MaxAduSize = HeaderSize + MaxPduSize;

    enum class Status
    {
        Complete,
        NeedMore,
        Malformed
    };

    struct Decoded
    {
        Status status = Status::NeedMore;
        MbapFrame frame;        // when Complete
        qsizetype consumed = 0; // bytes of the input the frame took
        QString error;          // when Malformed
    };

    static QByteArray encode(const MbapFrame &frame);
    // Looks at the front of a stream buffer; consumes nothing on NeedMore or Malformed.
    static Decoded decode(QByteArrayView buffer);

    static MbapFrame exceptionFor(const MbapFrame &request, ExceptionCode code);
    // Requests that only read (safe to send to two servers, or to replay at fail-over).
    static bool isReadOnly(const QByteArray &pdu);
};

} // namespace tandem::modbus
