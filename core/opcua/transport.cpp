#include "transport.h"

#include "securechunks.h"

namespace tandem::opcua {

namespace {

constexpr qint32 MaxUrlLength = 4096;

struct Header
{
    MessageType type;
    char chunkType;
    quint32 size;
};

std::optional<MessageType> parseType(QByteArrayView code)
{
    static const std::pair<const char *, MessageType> types[] = {
        {"HEL", MessageType::Hello},
        {"ACK", MessageType::Acknowledge},
        {"ERR", MessageType::Error},
        {"RHE", MessageType::ReverseHello},
        {"OPN", MessageType::OpenSecureChannel},
        {"MSG", MessageType::Message},
        {"CLO", MessageType::CloseSecureChannel},
    };
    for (const auto &[text, type] : types)
        if (code == QByteArrayView(text, 3))
            return type;
    return std::nullopt;
}

QByteArray frame(MessageType type, char chunkType, const QByteArray &body)
{
    Writer w;
    w.writeRaw(messageTypeCode(type));
    w.writeByte(quint8(chunkType));
    w.writeUInt32(quint32(MessageHeaderSize + body.size()));
    w.writeRaw(body);
    return w.take();
}

void writeLimits(Writer &w, const ConnectionLimits &l)
{
    w.writeUInt32(ProtocolVersion);
    w.writeUInt32(l.receiveBufferSize);
    w.writeUInt32(l.sendBufferSize);
    w.writeUInt32(l.maxMessageSize);
    w.writeUInt32(l.maxChunkCount);
}

ConnectionLimits readLimits(Reader &r)
{
    r.readUInt32(); // protocol version: 0 is the only one; a newer peer talks 0 with us
    ConnectionLimits l;
    l.receiveBufferSize = r.readUInt32();
    l.sendBufferSize = r.readUInt32();
    l.maxMessageSize = r.readUInt32();
    l.maxChunkCount = r.readUInt32();
    return l;
}

quint32 smaller(quint32 a, quint32 b)
{
    // 0 means "no limit" in maxMessageSize and maxChunkCount.
    if (a == 0)
        return b;
    if (b == 0)
        return a;
    return std::min(a, b);
}

} // namespace

QByteArray messageTypeCode(MessageType type)
{
    switch (type) {
    case MessageType::Hello:
        return "HEL";
    case MessageType::Acknowledge:
        return "ACK";
    case MessageType::Error:
        return "ERR";
    case MessageType::ReverseHello:
        return "RHE";
    case MessageType::OpenSecureChannel:
        return "OPN";
    case MessageType::Message:
        return "MSG";
    case MessageType::CloseSecureChannel:
        return "CLO";
    }
    return "???";
}

QByteArray encodeHello(const Hello &hello)
{
    Writer w;
    writeLimits(w, hello.limits);
    w.writeString(hello.endpointUrl);
    return frame(MessageType::Hello, 'F', w.take());
}

QByteArray encodeAcknowledge(const Acknowledge &ack)
{
    Writer w;
    writeLimits(w, ack.limits);
    return frame(MessageType::Acknowledge, 'F', w.take());
}

QByteArray encodeError(const ErrorMessage &error)
{
    Writer w;
    w.writeUInt32(error.error.code);
    w.writeString(error.reason);
    return frame(MessageType::Error, 'F', w.take());
}

ConnectionLimits negotiate(const ConnectionLimits &offered, const Acknowledge &ack)
{
    ConnectionLimits l;
    // What we send must fit the server's receive buffer, and what it sends ours.
    l.sendBufferSize = std::min(offered.sendBufferSize, ack.limits.receiveBufferSize);
    l.receiveBufferSize = std::min(offered.receiveBufferSize, ack.limits.sendBufferSize);
    l.maxMessageSize = smaller(offered.maxMessageSize, ack.limits.maxMessageSize);
    l.maxChunkCount = smaller(offered.maxChunkCount, ack.limits.maxChunkCount);
    return l;
}

QList<QByteArray> encodeSecureMessage(const SecureMessage &message, const ConnectionLimits &limits,
                                      quint32 *nextSequenceNumber)
{
    Writer security;
    if (message.type == MessageType::OpenSecureChannel) {
        security.writeString(message.securityPolicyUri.isEmpty() ? SecurityPolicyNone
                                                                 : message.securityPolicyUri);
        security.writeByteString(QByteArray()); // sender certificate: none
        security.writeByteString(QByteArray()); // receiver thumbprint: none
    } else {
        security.writeUInt32(message.tokenId);
    }
    const qsizetype overhead = MessageHeaderSize + 4 + security.size() + 8;
    const qsizetype room = std::max<qsizetype>(1, qsizetype(limits.sendBufferSize) - overhead);
    QList<QByteArray> chunks;
    qsizetype offset = 0;
    do {
        const QByteArray part = message.body.mid(offset, room);
        offset += part.size();
        const bool last = offset >= message.body.size();
        Writer w;
        w.writeUInt32(message.secureChannelId);
        w.writeRaw(security.data());
        const quint32 sequence = (*nextSequenceNumber)++;
        if (sequence > SequenceNumberWrapAbove)
            *nextSequenceNumber = 1;
        w.writeUInt32(sequence);
        w.writeUInt32(message.requestId);
        w.writeRaw(part);
        chunks << frame(message.type, last ? 'F' : 'C', w.take());
    } while (offset < message.body.size());
    return chunks;
}

ChunkReassembler::ChunkReassembler(const ConnectionLimits &limits, const Limits &codecLimits)
    : m_limits(limits)
    , m_codecLimits(codecLimits)
{}

bool ChunkReassembler::fail(quint32 status, const QString &message)
{
    if (m_error.isEmpty()) {
        m_error = message;
        m_errorStatus.code = status;
    }
    m_buffer.clear();
    m_partial.clear();
    return false;
}

bool ChunkReassembler::feed(QByteArrayView bytes)
{
    if (!ok())
        return false;
    m_buffer.append(bytes);
    while (m_buffer.size() >= MessageHeaderSize) {
        Reader header(QByteArrayView(m_buffer).first(MessageHeaderSize), m_codecLimits);
        const QByteArrayView code = header.readRaw(3, "message type");
        const char chunkType = char(header.readByte());
        const quint32 size = header.readUInt32();
        if (!parseType(code))
            return fail(Status::BadTcpMessageTypeInvalid,
                        QStringLiteral("unknown message type '%1'")
                            .arg(QString::fromLatin1(code.toByteArray().toHex())));
        if (size < MessageHeaderSize)
            return fail(Status::BadDecodingError,
                        QStringLiteral("message size %1 is smaller than its header").arg(size));
        // Checked before waiting for (and buffering) the rest of it.
        if (size > m_limits.receiveBufferSize)
            return fail(Status::BadTcpMessageTooLarge,
                        QStringLiteral("a chunk of %1 bytes exceeds the receive buffer of %2")
                            .arg(size)
                            .arg(m_limits.receiveBufferSize));
        if (chunkType != 'F' && chunkType != 'C' && chunkType != 'A')
            return fail(Status::BadTcpMessageTypeInvalid,
                        QStringLiteral("unknown chunk type 0x%1")
                            .arg(quint8(chunkType), 2, 16, QLatin1Char('0')));
        if (qsizetype(size) > m_buffer.size())
            return true; // wait for the rest
        const QByteArray frame = m_buffer.left(size);
        m_buffer.remove(0, size);
        if (!handleFrame(frame))
            return false;
    }
    return true;
}

bool ChunkReassembler::handleFrame(QByteArrayView frame)
{
    const MessageType type = *parseType(frame.first(3));
    const char chunkType = frame.at(3);
    Reader r(frame.sliced(MessageHeaderSize), m_codecLimits);
    switch (type) {
    case MessageType::Hello: {
        Hello hello;
        hello.limits = readLimits(r);
        hello.endpointUrl = r.readString();
        if (!r.ok())
            return fail(Status::BadDecodingError, QStringLiteral("Hello: %1").arg(r.error()));
        if (hello.endpointUrl.toUtf8().size() > MaxUrlLength)
            return fail(Status::BadTcpEndpointUrlInvalid,
                        QStringLiteral("Hello: endpoint URL too long"));
        m_hello = hello;
        return true;
    }
    case MessageType::Acknowledge: {
        Acknowledge ack;
        ack.limits = readLimits(r);
        if (!r.ok())
            return fail(Status::BadDecodingError, QStringLiteral("Acknowledge: %1").arg(r.error()));
        if (ack.limits.receiveBufferSize < MinBufferSize ||
            ack.limits.sendBufferSize < MinBufferSize)
            return fail(Status::BadDecodingError,
                        QStringLiteral("Acknowledge: buffer sizes below the minimum of %1")
                            .arg(MinBufferSize));
        m_ack = ack;
        return true;
    }
    case MessageType::Error: {
        ErrorMessage e;
        e.error.code = r.readUInt32();
        e.reason = r.readString();
        if (!r.ok())
            return fail(Status::BadDecodingError, QStringLiteral("Error: %1").arg(r.error()));
        m_peerError = e;
        return true;
    }
    case MessageType::ReverseHello:
        return fail(Status::BadTcpMessageTypeInvalid,
                    QStringLiteral("ReverseHello is not supported"));
    default:
        return handleChunk(type, chunkType, frame);
    }
}

bool ChunkReassembler::handleChunk(MessageType type, char chunkType, QByteArrayView frame)
{
    QByteArray opened;
    if (m_security) {
        CryptoError error;
        auto decoded = m_security->decode(frame, &error);
        if (!decoded)
            return fail(error.status,
                        QStringLiteral("%1 chunk: %2")
                            .arg(QString::fromLatin1(messageTypeCode(type)), error.message));
        opened = std::move(*decoded);
        frame = opened;
    }
    const bool secured = m_security && m_security->isSecured();
    Reader r(frame.sliced(MessageHeaderSize), m_codecLimits);
    SecureMessage m;
    m.type = type;
    m.secureChannelId = r.readUInt32();
    if (type == MessageType::OpenSecureChannel) {
        m.securityPolicyUri = r.readString();
        m.senderCertificate = r.readByteString("sender certificate");
        r.readByteString("receiver certificate thumbprint");
        if (r.ok() && !m_security && m.securityPolicyUri != SecurityPolicyNone)
            return fail(Status::BadSecurityChecksFailed,
                        QStringLiteral("security policy %1 is not supported (only None)")
                            .arg(m.securityPolicyUri));
    } else {
        m.tokenId = r.readUInt32();
    }
    const quint32 sequence = r.readUInt32();
    m.requestId = r.readUInt32();
    if (!r.ok())
        return fail(Status::BadDecodingError,
                    QStringLiteral("%1 chunk: %2")
                        .arg(QString::fromLatin1(messageTypeCode(type)), r.error()));
    // Every chunk carries the next number; without security an OPN may start a new series,
    // on a secured channel a renewal continues it (OPC 10000-6 §6.7.2.4). A sender may wrap
    // once it passed SequenceNumberWrapAbove; one that wraps right at it is accepted too.
    if (m_lastSequenceNumber && (secured || type != MessageType::OpenSecureChannel)) {
        const quint32 last = *m_lastSequenceNumber;
        const bool next =
            sequence == last + 1 || (last >= SequenceNumberWrapAbove && sequence < 1024);
        if (!next)
            return fail(
                Status::BadSequenceNumberInvalid,
                QStringLiteral("sequence number %1 does not follow %2").arg(sequence).arg(last));
    }
    m_lastSequenceNumber = sequence;
    const QByteArrayView body = frame.sliced(MessageHeaderSize + r.position());

    if (chunkType == 'A') {
        Reader a(body, m_codecLimits);
        ErrorMessage e;
        e.error.code = a.readUInt32();
        e.reason = a.readString();
        m_partial.remove(m.requestId);
        m_aborted.append({m.requestId, e});
        return true;
    }
    if (!m_partial.contains(m.requestId) && m_partial.size() >= MaxPartialMessages)
        return fail(Status::BadDecodingError,
                    QStringLiteral("more than %1 chunked requests are open at once")
                        .arg(MaxPartialMessages));
    Partial &partial = m_partial[m.requestId];
    if (partial.chunks == 0) {
        partial.message = m;
        partial.message.firstSequenceNumber = sequence;
    } else if (partial.message.type != type) {
        return fail(
            Status::BadDecodingError,
            QStringLiteral("request %1 mixes chunks of different message types").arg(m.requestId));
    }
    ++partial.chunks;
    partial.message.lastSequenceNumber = sequence;
    if (m_limits.maxChunkCount != 0 && quint32(partial.chunks) > m_limits.maxChunkCount)
        return fail(Status::BadResponseTooLarge,
                    QStringLiteral("request %1 has more than %2 chunks")
                        .arg(m.requestId)
                        .arg(m_limits.maxChunkCount));
    if (m_limits.maxMessageSize != 0 &&
        quint64(partial.message.body.size()) + quint64(body.size()) > m_limits.maxMessageSize)
        return fail(Status::BadResponseTooLarge,
                    QStringLiteral("request %1 exceeds the maximum message size of %2")
                        .arg(m.requestId)
                        .arg(m_limits.maxMessageSize));
    // All requests being reassembled at once together stay within one message: each within
    // the limit is not enough when 64 of them may be open.
    const quint64 cap = m_limits.maxMessageSize != 0 ? m_limits.maxMessageSize
                                                     : quint64(MaxPartialBytesWithoutLimit);
    quint64 buffered = quint64(body.size());
    for (const Partial &p : std::as_const(m_partial))
        buffered += quint64(p.message.body.size());
    if (chunkType != 'F' && buffered > cap)
        return fail(Status::BadResponseTooLarge,
                    QStringLiteral("the requests being reassembled hold more than %1 bytes "
                                   "(%2 requests open)")
                        .arg(cap)
                        .arg(m_partial.size()));
    partial.message.body.append(body);
    if (chunkType == 'F') {
        m_done.append(std::move(partial.message));
        m_partial.remove(m.requestId);
    }
    return true;
}

std::optional<Hello> ChunkReassembler::takeHello()
{
    return std::exchange(m_hello, std::nullopt);
}

std::optional<Acknowledge> ChunkReassembler::takeAcknowledge()
{
    return std::exchange(m_ack, std::nullopt);
}

std::optional<ErrorMessage> ChunkReassembler::takeError()
{
    return std::exchange(m_peerError, std::nullopt);
}

QList<SecureMessage> ChunkReassembler::takeMessages()
{
    return std::exchange(m_done, {});
}

QList<std::pair<quint32, ErrorMessage>> ChunkReassembler::takeAborted()
{
    return std::exchange(m_aborted, {});
}

} // namespace tandem::opcua
