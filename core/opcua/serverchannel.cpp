#include "serverchannel.h"

#include <QDateTime>

#include <algorithm>

namespace tandem::opcua {

namespace {

// Message header, then SecureChannelId and TokenId of a MSG or CLO chunk.
constexpr qsizetype ChunkPrefixSize = MessageHeaderSize + 8;
// Header, SecureChannelId, TokenId, sequence number and request id of a MSG chunk.
constexpr qsizetype MessageChunkOverhead = MessageHeaderSize + 4 + 4 + 8;
// What a secured MSG chunk needs beyond an unsecured one at most: a 32-byte signature, the
// padding's two size bytes and up to a cipher block of padding, with room to spare.
constexpr quint32 SecuredChunkOverhead = 128;
constexpr qsizetype MaxReasonBytes = 4096; // OPC 10000-6, 7.1.2.5

std::optional<MessageType> typeFromCode(QByteArrayView code)
{
    for (MessageType type : {MessageType::Hello, MessageType::Acknowledge, MessageType::Error,
                             MessageType::ReverseHello, MessageType::OpenSecureChannel,
                             MessageType::Message, MessageType::CloseSecureChannel})
        if (code == messageTypeCode(type))
            return type;
    return std::nullopt;
}

QString typeName(MessageType type)
{
    return QString::fromLatin1(messageTypeCode(type));
}

DateTime utcNow()
{
    return DateTime::fromQDateTime(QDateTime::currentDateTimeUtc());
}

ServerChannelOptions normalized(ServerChannelOptions options)
{
    // Buffers below the spec's minimum would make every client refuse our Acknowledge.
    options.limits.receiveBufferSize = std::max(MinBufferSize, options.limits.receiveBufferSize);
    options.limits.sendBufferSize = std::max(MinBufferSize, options.limits.sendBufferSize);
    options.maxTokenLifetimeMs = std::max(options.minTokenLifetimeMs, options.maxTokenLifetimeMs);
    return options;
}

} // namespace

ServerChannel::ServerChannel(quint32 secureChannelId, const ServerChannelOptions &options)
    : m_secureChannelId(secureChannelId)
    , m_options(normalized(options))
    , m_chunks(std::make_shared<SecureChunks>(SecureChunks::Role::Server))
    , m_reassembler(m_options.limits)
{
    QList<SecurityPolicyId> policies{SecurityPolicyId::None};
    for (const SecuritySetting &setting : std::as_const(m_options.offered))
        if (!policies.contains(setting.policy))
            policies << setting.policy;
    m_chunks->setAcceptedPolicies(policies);
    m_chunks->setOwnCertificate(m_options.ownCertificate, m_options.ownKey);
    m_reassembler.setSecurity(m_chunks);
}

SecuritySetting ServerChannel::securitySetting() const
{
    return m_chunks->isSecured() ? SecuritySetting{m_chunks->policy().id, m_chunks->mode()}
                                 : SecuritySetting{};
}

// The request's mode against the offered settings and the channel's policy, the client's
// certificate against the trust list (OPC 10000-4 §5.5.2), the nonce's length.
bool ServerChannel::checkOpenSecurity(const OpenSecureChannelRequest &request)
{
    const SecuritySetting asked{m_chunks->policy().id, request.securityMode};
    m_discoveryOnly = asked == SecuritySetting{} && !m_options.offered.contains(asked);
    if (!m_options.offered.contains(asked) && !m_discoveryOnly) {
        fail(StatusCode{Status::BadSecurityModeRejected},
             QStringLiteral("OpenSecureChannel: %1 is not offered")
                 .arg(m_chunks->policy().nameString() + QLatin1Char(':') +
                      messageSecurityModeName(request.securityMode)));
        return false;
    }
    if (!m_chunks->isSecured())
        return true;
    if (request.requestType == SecurityTokenRequestType::Renew &&
        request.securityMode != m_chunks->mode()) {
        fail(StatusCode{Status::BadSecurityModeRejected},
             QStringLiteral("OpenSecureChannel: a renewal may not change the security mode"));
        return false;
    }
    if (request.clientNonce.size() != m_chunks->policy().nonceLength) {
        fail(StatusCode{Status::BadNonceInvalid},
             QStringLiteral("OpenSecureChannel: the client nonce has %1 bytes, %2 wants %3")
                 .arg(request.clientNonce.size())
                 .arg(m_chunks->policy().nameString())
                 .arg(m_chunks->policy().nonceLength));
        return false;
    }
    if (request.requestType == SecurityTokenRequestType::Issue &&
        m_options.checkClientCertificate) {
        QString reason;
        const StatusCode verdict = m_options.checkClientCertificate(
            m_chunks->peerCertificateChain(), m_chunks->policy(), &reason);
        if (verdict.isBad()) {
            fail(verdict, QStringLiteral("OpenSecureChannel: the client's certificate is "
                                         "refused: %1")
                              .arg(reason.isEmpty() ? statusCodeText(verdict) : reason));
            return false;
        }
    }
    m_chunks->setMode(request.securityMode);
    return true;
}

bool ServerChannel::feed(QByteArrayView bytes)
{
    if (m_state == State::Closed)
        return false;
    // Frame by frame, so each frame is judged in the state the previous ones left (the
    // limits of the Hello apply from the next frame on, a MSG before the OPN is refused).
    while (!bytes.isEmpty()) {
        if (m_frameSize == 0) {
            const qsizetype take =
                std::min<qsizetype>(MessageHeaderSize - m_prefix.size(), bytes.size());
            m_prefix.append(bytes.first(take));
            bytes = bytes.sliced(take);
            if (m_prefix.size() < MessageHeaderSize)
                break;
            if (!beginFrame())
                return false;
            if (m_frameFed == m_frameSize && !endFrame())
                return false;
            continue;
        }
        const qsizetype take = std::min<qsizetype>(m_frameSize - m_frameFed, bytes.size());
        const QByteArrayView part = bytes.first(take);
        bytes = bytes.sliced(take);
        if (m_prefix.size() < ChunkPrefixSize) {
            m_prefix.append(part.first(std::min(ChunkPrefixSize - m_prefix.size(), take)));
            if (m_prefix.size() == ChunkPrefixSize && !checkChunkPrefix())
                return false;
        }
        if (!m_reassembler.feed(part))
            return failFromReassembler();
        m_frameFed += quint32(take);
        if (m_frameFed == m_frameSize && !endFrame())
            return false;
    }
    return m_state != State::Closed;
}

bool ServerChannel::beginFrame()
{
    Reader header(m_prefix);
    const QByteArrayView code = header.readRaw(3, "message type");
    header.readByte(); // chunk type: the reassembler checks it
    const quint32 size = header.readUInt32();
    m_frameType = typeFromCode(code);
    if (m_frameType) {
        const MessageType type = *m_frameType;
        if (m_state == State::AwaitingHello && type != MessageType::Hello) {
            fail(StatusCode{Status::BadTcpMessageTypeInvalid},
                 QStringLiteral("expected Hello, got %1").arg(typeName(type)));
            return false;
        }
        if (m_state != State::AwaitingHello &&
            (type == MessageType::Hello || type == MessageType::Acknowledge ||
             type == MessageType::ReverseHello)) {
            fail(StatusCode{Status::BadTcpMessageTypeInvalid},
                 QStringLiteral("unexpected %1 from the client").arg(typeName(type)));
            return false;
        }
        if (m_state == State::AwaitingOpen &&
            (type == MessageType::Message || type == MessageType::CloseSecureChannel)) {
            fail(StatusCode{Status::BadSecureChannelIdInvalid},
                 QStringLiteral("%1 before a secure channel was opened").arg(typeName(type)));
            return false;
        }
    }
    // The reassembler judges type, chunk type and size before anything more is buffered.
    if (!m_reassembler.feed(m_prefix))
        return failFromReassembler();
    if (!m_frameType) {
        fail(StatusCode{Status::BadTcpMessageTypeInvalid}, QStringLiteral("unknown message type"));
        return false;
    }
    m_frameSize = size;
    m_frameFed = quint32(MessageHeaderSize);
    return true;
}

bool ServerChannel::checkChunkPrefix()
{
    if (m_frameType != MessageType::Message && m_frameType != MessageType::CloseSecureChannel)
        return true;
    Reader r(QByteArrayView(m_prefix).sliced(MessageHeaderSize));
    const quint32 channelId = r.readUInt32();
    const quint32 tokenId = r.readUInt32();
    if (channelId != m_secureChannelId) {
        fail(StatusCode{Status::BadSecureChannelIdInvalid},
             QStringLiteral("secure channel id %1 is not this channel's (%2)")
                 .arg(channelId)
                 .arg(m_secureChannelId));
        return false;
    }
    // After a renewal the previous token stays good until the client uses the new one.
    if (tokenId == m_tokenId) {
        m_previousTokenId.reset();
    } else if (!m_previousTokenId || tokenId != *m_previousTokenId) {
        fail(StatusCode{Status::BadSecureChannelTokenUnknown},
             QStringLiteral("security token %1 is not in use (current: %2)")
                 .arg(tokenId)
                 .arg(m_tokenId));
        return false;
    }
    return true;
}

bool ServerChannel::endFrame()
{
    const MessageType type = *m_frameType;
    if (type == MessageType::Hello && m_prefix.size() >= MessageHeaderSize + 4) {
        Reader r(QByteArrayView(m_prefix).sliced(MessageHeaderSize));
        m_helloProtocolVersion = r.readUInt32();
    }
    m_prefix.clear();
    m_frameType.reset();
    m_frameSize = 0;
    m_frameFed = 0;

    if (const auto hello = m_reassembler.takeHello())
        handleHello(*hello);
    if (const auto error = m_reassembler.takeError()) {
        // The client gives up; it expects no answer.
        m_state = State::Closed;
        m_errorStatus = error->error;
        m_error =
            QStringLiteral("the client reported %1%2")
                .arg(statusCodeText(error->error),
                     error->reason.isEmpty() ? QString() : QLatin1String(": ") + error->reason);
        return false;
    }
    m_reassembler.takeAborted(); // the client gave up on those requests: nothing to answer
    const QList<SecureMessage> messages = m_reassembler.takeMessages();
    for (const SecureMessage &message : messages) {
        if (m_state == State::Closed)
            break;
        handleMessage(message);
    }
    return m_state != State::Closed;
}

bool ServerChannel::failFromReassembler()
{
    StatusCode status = m_reassembler.errorStatus();
    // The reassembler speaks as a client; here its verdicts concern the client's messages.
    if (status.code == Status::BadResponseTooLarge)
        status.code = Status::BadRequestTooLarge;
    fail(status, m_reassembler.error());
    return false;
}

void ServerChannel::handleHello(const Hello &hello)
{
    const ConnectionLimits &ours = m_options.limits;
    const ConnectionLimits &theirs = hello.limits;
    if (theirs.receiveBufferSize < MinBufferSize || theirs.sendBufferSize < MinBufferSize) {
        fail(StatusCode{Status::BadConnectionRejected},
             QStringLiteral("Hello: buffer sizes %1/%2 are below the minimum of %3")
                 .arg(theirs.receiveBufferSize)
                 .arg(theirs.sendBufferSize)
                 .arg(MinBufferSize));
        return;
    }
    Acknowledge ack;
    ack.limits.receiveBufferSize = std::min(ours.receiveBufferSize, theirs.sendBufferSize);
    ack.limits.sendBufferSize = std::min(ours.sendBufferSize, theirs.receiveBufferSize);
    ack.limits.maxMessageSize = ours.maxMessageSize;
    ack.limits.maxChunkCount = ours.maxChunkCount;
    if (ours.maxChunkCount == 0 && ours.maxMessageSize != 0) {
        // A secured chunk also carries a signature, padding and whole cipher blocks.
        const bool secured = std::any_of(m_options.offered.cbegin(), m_options.offered.cend(),
                                         [](const SecuritySetting &setting) {
                                             return setting.policy != SecurityPolicyId::None;
                                         });
        const quint32 room = ack.limits.receiveBufferSize - quint32(MessageChunkOverhead) -
                             (secured ? SecuredChunkOverhead : 0);
        ack.limits.maxChunkCount = (ours.maxMessageSize + room - 1) / room + 1;
    }

    m_reassembler.setLimits(ack.limits); // from the next frame on
    m_sendLimits.receiveBufferSize = ack.limits.receiveBufferSize;
    m_sendLimits.sendBufferSize = ack.limits.sendBufferSize;
    m_sendLimits.maxMessageSize = theirs.maxMessageSize; // 0: no limit
    m_sendLimits.maxChunkCount = theirs.maxChunkCount;
    m_endpointUrl = hello.endpointUrl;
    m_output += encodeAcknowledge(ack);
    m_state = State::AwaitingOpen;
}

void ServerChannel::handleMessage(const SecureMessage &message)
{
    switch (message.type) {
    case MessageType::OpenSecureChannel:
        handleOpen(message);
        return;
    case MessageType::CloseSecureChannel:
        m_state = State::Closed;
        m_closedByClient = true;
        return;
    case MessageType::Message: {
        Reader r(message.body);
        const quint32 typeId = readMessageTypeId(r);
        m_requests.append({message.requestId, typeId, message.body});
        return;
    }
    default:
        fail(StatusCode{Status::BadTcpMessageTypeInvalid},
             QStringLiteral("unexpected %1 from the client").arg(typeName(message.type)));
        return;
    }
}

void ServerChannel::handleOpen(const SecureMessage &message)
{
    Reader r(message.body);
    const quint32 typeId = readMessageTypeId(r);
    if (typeId != OpenSecureChannelRequest::BinaryEncodingId) {
        fail(StatusCode{Status::BadDecodingError},
             QStringLiteral("OpenSecureChannel: the body is a message of type i=%1").arg(typeId));
        return;
    }
    OpenSecureChannelRequest request;
    QString error;
    if (!decodeMessageBody(r, &request, &error)) {
        fail(StatusCode{Status::BadDecodingError},
             QStringLiteral("OpenSecureChannel: %1").arg(error));
        return;
    }
    // The version of the Hello, or the one our Acknowledge answered with (OPC 10000-6, 6.7.4).
    if (request.clientProtocolVersion != m_helloProtocolVersion &&
        request.clientProtocolVersion != ProtocolVersion) {
        fail(StatusCode{Status::BadProtocolVersionUnsupported},
             QStringLiteral("OpenSecureChannel: protocol version %1 differs from the Hello's %2")
                 .arg(request.clientProtocolVersion)
                 .arg(m_helloProtocolVersion));
        return;
    }
    if (!checkOpenSecurity(request))
        return;
    if (request.requestType == SecurityTokenRequestType::Issue) {
        if (m_state != State::AwaitingOpen) {
            fail(StatusCode{Status::BadRequestTypeInvalid},
                 QStringLiteral("OpenSecureChannel: Issue on a channel that is already open"));
            return;
        }
    } else if (request.requestType == SecurityTokenRequestType::Renew) {
        if (m_state != State::Open) {
            fail(StatusCode{Status::BadRequestTypeInvalid},
                 QStringLiteral("OpenSecureChannel: Renew before a channel was issued"));
            return;
        }
        if (message.secureChannelId != m_secureChannelId) {
            fail(StatusCode{Status::BadSecureChannelIdInvalid},
                 QStringLiteral("OpenSecureChannel: Renew of channel %1, this is %2")
                     .arg(message.secureChannelId)
                     .arg(m_secureChannelId));
            return;
        }
        m_previousTokenId = m_tokenId;
    } else {
        fail(StatusCode{Status::BadRequestTypeInvalid},
             QStringLiteral("OpenSecureChannel: unknown request type %1")
                 .arg(qint32(request.requestType)));
        return;
    }

    const quint32 tokenId = m_tokenId + 1 == 0 ? 1 : m_tokenId + 1;
    const quint32 lifetimeMs = std::clamp(request.requestedLifetime, m_options.minTokenLifetimeMs,
                                          m_options.maxTokenLifetimeMs);
    QByteArray serverNonce;
    if (m_chunks->isSecured()) {
        // The new token's keys from both nonces (OPC 10000-6 §6.7.5).
        CryptoError error;
        const auto nonce = makeNonce(m_chunks->policy(), &error);
        if (!nonce ||
            !m_chunks->addToken(tokenId, request.clientNonce, *nonce, lifetimeMs, &error)) {
            fail(StatusCode{error.status},
                 QStringLiteral("OpenSecureChannel: %1").arg(error.message));
            return;
        }
        serverNonce = *nonce;
    }
    m_tokenId = tokenId;
    m_revisedLifetimeMs = lifetimeMs;
    m_tokenIssuedAtMs = m_nowMs;
    m_state = State::Open;

    OpenSecureChannelResponse response;
    response.responseHeader.timestamp = utcNow();
    response.responseHeader.requestHandle = request.requestHeader.requestHandle;
    response.serverProtocolVersion = ProtocolVersion;
    response.securityToken.channelId = m_secureChannelId;
    response.securityToken.tokenId = m_tokenId;
    response.securityToken.createdAt = response.responseHeader.timestamp;
    response.securityToken.revisedLifetime = m_revisedLifetimeMs;
    response.serverNonce = serverNonce;
    send(MessageType::OpenSecureChannel, message.requestId, encodeMessage(response));
}

QList<ServerChannel::Request> ServerChannel::takeRequests()
{
    return std::exchange(m_requests, {});
}

QByteArray ServerChannel::takeOutput()
{
    return std::exchange(m_output, {});
}

void ServerChannel::sendResponse(quint32 requestId, quint32 requestHandle, const QByteArray &body)
{
    if (m_state != State::Open)
        return;
    SecureMessage shape;
    shape.type = MessageType::Message;
    const qsizetype room =
        std::max<qsizetype>(1, m_chunks->maxChunkBody(shape, m_sendLimits.sendBufferSize));
    const qsizetype chunks = std::max<qsizetype>(1, (body.size() + room - 1) / room);
    if ((m_sendLimits.maxMessageSize != 0 &&
         body.size() > qsizetype(m_sendLimits.maxMessageSize)) ||
        (m_sendLimits.maxChunkCount != 0 && chunks > qsizetype(m_sendLimits.maxChunkCount))) {
        sendServiceFault(requestId, requestHandle, StatusCode{Status::BadResponseTooLarge});
        return;
    }
    send(MessageType::Message, requestId, body);
}

void ServerChannel::sendServiceFault(quint32 requestId, quint32 requestHandle, StatusCode status)
{
    if (m_state != State::Open)
        return;
    ServiceFault fault;
    fault.responseHeader.timestamp = utcNow();
    fault.responseHeader.requestHandle = requestHandle;
    fault.responseHeader.serviceResult = status;
    send(MessageType::Message, requestId, encodeMessage(fault));
}

void ServerChannel::fail(StatusCode status, const QString &reason)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_errorStatus = status;
    m_error = reason.isEmpty() ? statusCodeText(status) : reason;
    QByteArray sent = m_error.toUtf8();
    if (sent.size() > MaxReasonBytes) {
        qsizetype end = MaxReasonBytes;
        while (end > 0 && (quint8(sent.at(end)) & 0xC0) == 0x80)
            --end; // not within a character
        sent.truncate(end);
    }
    m_output += encodeError({status, QString::fromUtf8(sent)});
}

bool ServerChannel::tokenExpired(qint64 nowMs) const
{
    if (m_state != State::Open)
        return false;
    return (nowMs - m_tokenIssuedAtMs) * 4 > qint64(m_revisedLifetimeMs) * 5;
}

quint32 ServerChannel::outgoingTokenId() const
{
    // The old token secures our messages until the client has used the new one (6.7.4).
    return m_previousTokenId.value_or(m_tokenId);
}

void ServerChannel::send(MessageType type, quint32 requestId, const QByteArray &body)
{
    SecureMessage message;
    message.type = type;
    message.secureChannelId = m_secureChannelId;
    message.tokenId = outgoingTokenId();
    message.requestId = requestId;
    message.body = body;
    CryptoError error;
    const auto chunks =
        m_chunks->encode(message, m_sendLimits.sendBufferSize, &m_nextSequenceNumber, &error);
    if (!chunks) {
        fail(StatusCode{error.status},
             QStringLiteral("securing an answer failed: %1").arg(error.message));
        return;
    }
    for (const QByteArray &chunk : *chunks)
        m_output += chunk;
}

} // namespace tandem::opcua
