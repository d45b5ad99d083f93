#pragma once

// OPC UA Connection Protocol and Secure Conversation framing (OPC 10000-6, 7.1 and 6.7):
// message headers, Hello/Acknowledge/Error, the chunks of OpenSecureChannel (OPN), MSG and
// CloseSecureChannel (CLO), and the reassembly of chunked messages within the negotiated
// limits. Chunks are written here for SecurityPolicy None; a secured channel's chunks are
// sealed and opened by SecureChunks (securechunks.h), which the reassembler consults for
// every chunk before reading it. No I/O here: bytes in, messages out.

#include "binarycodec.h"
#include "statuscodes.h"
#include "types.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace tandem::opcua {

class SecureChunks;

constexpr quint32 ProtocolVersion = 0;
constexpr quint32 MinBufferSize = 8192; // the spec's minimum receive/send buffer
constexpr qsizetype MessageHeaderSize = 8;
// Sequence numbers may wrap to a number below 1024 once they passed this one (OPC 10000-6
// §6.7.2.4).
constexpr quint32 SequenceNumberWrapAbove = 4294966271u;
const QString SecurityPolicyNone =
    QStringLiteral("http://opcfoundation.org/UA/SecurityPolicy#None");

enum class MessageType : quint8
{
    Hello,
    Acknowledge,
    Error,
    ReverseHello,
    OpenSecureChannel,
    Message,
    CloseSecureChannel,
};
QByteArray messageTypeCode(MessageType type); // "HEL", "ACK", ...

// The limits both sides agreed on in Hello/Acknowledge.
struct ConnectionLimits
{
    quint32 receiveBufferSize = 65536;         // the largest chunk this side accepts
    quint32 sendBufferSize = 65536;            // the largest chunk this side sends
    quint32 maxMessageSize = 16 * 1024 * 1024; // 0: no limit (we never offer that)
    quint32 maxChunkCount = 256;               // 0: no limit (idem)
};

struct Hello
{
    ConnectionLimits limits;
    QString endpointUrl;
};

struct Acknowledge
{
    ConnectionLimits limits; // the server's view: its receive size is our send size
};

struct ErrorMessage
{
    StatusCode error;
    QString reason;
};

QByteArray encodeHello(const Hello &hello);
QByteArray encodeAcknowledge(const Acknowledge &ack);
QByteArray encodeError(const ErrorMessage &error);
// The limits the client uses after the server's Acknowledge (each side's minimum).
ConnectionLimits negotiate(const ConnectionLimits &offered, const Acknowledge &ack);

// One message of the Secure Conversation, reassembled from its chunks.
struct SecureMessage
{
    MessageType type = MessageType::Message; // OpenSecureChannel, Message, CloseSecureChannel
    quint32 secureChannelId = 0;
    quint32 tokenId = 0;          // MSG/CLO: the security token the chunks were sent with
    QString securityPolicyUri;    // OPN only
    QByteArray senderCertificate; // OPN only: the sender's certificate chain (DER)
    quint32 requestId = 0;
    quint32 firstSequenceNumber = 0;
    quint32 lastSequenceNumber = 0;
    QByteArray body; // the service message: NodeId of its type, then the structure
};

// Splits a message body into chunks no larger than limits.sendBufferSize, numbering them
// from *nextSequenceNumber (wrapping as the spec requires).
QList<QByteArray> encodeSecureMessage(const SecureMessage &message, const ConnectionLimits &limits,
                                      quint32 *nextSequenceNumber);

// Frames a byte stream into messages and reassembles chunked ones. Errors are final:
// the connection must be closed with the error (an ERR message to the peer).
class ChunkReassembler final
{
public:
    // Requests being reassembled at once; more is a peer flooding us.
    static constexpr int MaxPartialMessages = 64;
    // What all of them may hold together when no maximum message size was agreed; with
    // one, that size is the bound.
    static constexpr qsizetype MaxPartialBytesWithoutLimit = 16 * 1024 * 1024;

    explicit ChunkReassembler(const ConnectionLimits &limits = {}, const Limits &codecLimits = {});

    void setLimits(const ConnectionLimits &limits) { m_limits = limits; }
    // The channel's chunk security: each OPN, MSG and CLO chunk is verified and decrypted
    // by it before anything behind its security header is read. Null: SecurityPolicy None.
    void setSecurity(std::shared_ptr<SecureChunks> security) { m_security = std::move(security); }
    // Appends received bytes. Returns false once the stream is broken (see error()).
    bool feed(QByteArrayView bytes);
    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    StatusCode errorStatus() const { return m_errorStatus; }

    // Connection-level messages, complete.
    std::optional<Hello> takeHello();
    std::optional<Acknowledge> takeAcknowledge();
    std::optional<ErrorMessage> takeError();
    // Completed secure messages in arrival order.
    QList<SecureMessage> takeMessages();
    // Requests the peer aborted with an 'A' chunk: requestId → reason.
    QList<std::pair<quint32, ErrorMessage>> takeAborted();
    qsizetype bufferedBytes() const { return m_buffer.size(); }

private:
    bool fail(quint32 status, const QString &message);
    bool handleFrame(QByteArrayView frame);
    bool handleChunk(MessageType type, char chunkType, QByteArrayView frame);

    ConnectionLimits m_limits;
    Limits m_codecLimits;
    QByteArray m_buffer;
    QString m_error;
    StatusCode m_errorStatus;
    std::optional<Hello> m_hello;
    std::optional<Acknowledge> m_ack;
    std::optional<ErrorMessage> m_peerError;
    QList<SecureMessage> m_done;
    QList<std::pair<quint32, ErrorMessage>> m_aborted;
    struct Partial
    {
        SecureMessage message;
        int chunks = 0;
    };
    QHash<quint32, Partial> m_partial; // by requestId
    std::optional<quint32> m_lastSequenceNumber;
    std::shared_ptr<SecureChunks> m_security;
};

} // namespace tandem::opcua
