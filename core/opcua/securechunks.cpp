#include "securechunks.h"

#include "pki/certificate.h"

#include <openssl/x509.h>

namespace tandem::opcua {

namespace {

// Message header, SecureChannelId and TokenId: the plain text start of a MSG or CLO chunk.
constexpr qsizetype SymmetricHeadersSize = MessageHeaderSize + 8;

template <typename T> std::optional<T> failed(CryptoError *error, quint32 status, QString message)
{
    if (error)
        *error = CryptoError{status, std::move(message)};
    return std::nullopt;
}

void setSizeField(QByteArray &frame, quint32 size)
{
    for (int i = 0; i < 4; ++i)
        frame[4 + i] = char((size >> (8 * i)) & 0xff);
}

// The chunk as it would have been sent unsecured: headers, then sequence header and body.
QByteArray rebuilt(QByteArrayView headers, QByteArrayView plain)
{
    QByteArray frame;
    frame.reserve(headers.size() + plain.size());
    frame.append(headers);
    frame.append(plain);
    setSizeField(frame, quint32(frame.size()));
    return frame;
}

struct ParsedChain
{
    QByteArray leaf;
    AsymmetricKey key;
    QByteArray thumbprint;
};

std::optional<ParsedChain> parseChain(const QByteArray &chain, CryptoError *error)
{
    QString reason;
    const auto certificates = pki::Certificate::chainFromDer(chain, &reason);
    if (!certificates || certificates->isEmpty())
        return failed<ParsedChain>(error, Status::BadCertificateInvalid,
                                   QStringLiteral("the certificate does not parse: %1")
                                       .arg(reason.isEmpty() ? QStringLiteral("empty") : reason));
    const pki::Certificate &leaf = certificates->constFirst();
    ParsedChain parsed;
    parsed.leaf = leaf.der();
    parsed.key = AsymmetricKey::fromOpenSsl(X509_get0_pubkey(leaf.handle()));
    parsed.thumbprint = QByteArray::fromHex(leaf.thumbprint().toLatin1());
    if (parsed.key.isNull() || !parsed.key.isRsa())
        return failed<ParsedChain>(
            error, Status::BadCertificateInvalid,
            QStringLiteral("the certificate %1 holds no RSA key").arg(leaf.thumbprint()));
    return parsed;
}

QString typeText(QByteArrayView frame)
{
    return QString::fromLatin1(frame.first(3));
}

} // namespace

SecureChunks::SecureChunks(Role role)
    : m_role(role)
    , m_policyFixed(role == Role::Client) // None until setPolicy()
    , m_accepted{SecurityPolicyId::None}
{}

void SecureChunks::setOwnCertificate(const QByteArray &certificateChain,
                                     const AsymmetricKey &privateKey)
{
    m_ownChain = certificateChain;
    m_ownKey = privateKey;
    const auto parsed = parseChain(certificateChain, nullptr);
    m_ownCertificate = parsed ? parsed->leaf : QByteArray();
    m_ownThumbprint = parsed ? parsed->thumbprint : QByteArray();
}

bool SecureChunks::setPeerCertificate(const QByteArray &certificateChain, CryptoError *error)
{
    const auto parsed = parseChain(certificateChain, error);
    if (!parsed)
        return false;
    m_peerChain = certificateChain;
    m_peerCertificate = parsed->leaf;
    m_peerKey = parsed->key;
    m_peerThumbprint = parsed->thumbprint;
    return true;
}

void SecureChunks::setPolicy(SecurityPolicyId policy)
{
    m_policy = policy;
    m_policyFixed = true;
}

void SecureChunks::setAcceptedPolicies(const QList<SecurityPolicyId> &policies)
{
    m_accepted = policies;
    m_policyFixed = false;
}

bool SecureChunks::addToken(quint32 tokenId, QByteArrayView clientNonce, QByteArrayView serverNonce,
                            quint32 lifetimeMs, CryptoError *error)
{
    Token token;
    token.id = tokenId;
    token.issuedAtMs = m_nowMs;
    token.lifetimeMs = lifetimeMs;
    if (isSecured()) {
        auto keys = deriveChannelKeys(policy(), clientNonce, serverNonce, error);
        if (!keys)
            return false;
        token.keys = std::move(*keys);
    }
    m_previous = std::exchange(m_current, std::move(token));
    return true;
}

const DerivedKeys &SecureChunks::sendingKeys(const Token &token) const
{
    return m_role == Role::Client ? token.keys.client : token.keys.server;
}

const DerivedKeys &SecureChunks::receivingKeys(const Token &token) const
{
    return m_role == Role::Client ? token.keys.server : token.keys.client;
}

const SecureChunks::Token *SecureChunks::tokenFor(quint32 tokenId) const
{
    if (m_current && m_current->id == tokenId)
        return &*m_current;
    if (m_previous && m_previous->id == tokenId)
        return &*m_previous;
    return nullptr;
}

QByteArray SecureChunks::asymmetricHeader() const
{
    Writer w;
    w.writeString(policy().uriString());
    w.writeByteString(m_ownChain);
    w.writeByteString(m_peerThumbprint);
    return w.take();
}

qsizetype SecureChunks::maxChunkBody(const SecureMessage &message, qsizetype chunkSize) const
{
    const bool open = message.type == MessageType::OpenSecureChannel;
    if (!isSecured()) {
        // The None header: an empty policy URI is written as None's, no certificates.
        const qsizetype security = open ? 4 + SecurityPolicyNone.size() + 4 + 4 : 4;
        return std::max<qsizetype>(0, chunkSize - MessageHeaderSize - 4 - security -
                                          SequenceHeaderSize);
    }
    if (open)
        return maxBodySize(chunkSize, MessageHeaderSize + 4 + asymmetricHeader().size(),
                           asymmetricBlocks(policy(), m_ownKey, m_peerKey),
                           MessageSecurityMode::SignAndEncrypt);
    return maxBodySize(chunkSize, SymmetricHeadersSize, symmetricBlocks(policy()), m_mode);
}

std::optional<QList<QByteArray>> SecureChunks::encode(const SecureMessage &message,
                                                      qsizetype chunkSize,
                                                      quint32 *nextSequenceNumber,
                                                      CryptoError *error) const
{
    if (!isSecured()) {
        ConnectionLimits limits;
        limits.sendBufferSize = quint32(chunkSize);
        return encodeSecureMessage(message, limits, nextSequenceNumber);
    }
    const bool open = message.type == MessageType::OpenSecureChannel;
    const Token *token = open ? nullptr : tokenFor(message.tokenId);
    if (open && (m_ownKey.isNull() || m_peerKey.isNull()))
        return failed<QList<QByteArray>>(
            error, Status::BadInternalError,
            QStringLiteral("OpenSecureChannel under %1 needs both certificates")
                .arg(policy().nameString()));
    if (!open && !token)
        return failed<QList<QByteArray>>(
            error, Status::BadSecureChannelTokenUnknown,
            QStringLiteral("no keys for security token %1").arg(message.tokenId));
    if (!open && m_mode != MessageSecurityMode::Sign &&
        m_mode != MessageSecurityMode::SignAndEncrypt)
        return failed<QList<QByteArray>>(
            error, Status::BadSecurityModeRejected,
            QStringLiteral("no security mode set for %1").arg(policy().nameString()));
    Writer security;
    if (open)
        security.writeRaw(asymmetricHeader());
    else
        security.writeUInt32(message.tokenId);
    const qsizetype room = maxChunkBody(message, chunkSize);
    if (room <= 0)
        return failed<QList<QByteArray>>(
            error, Status::BadTcpMessageTooLarge,
            QStringLiteral("a chunk of %1 bytes has no room for a body under %2")
                .arg(chunkSize)
                .arg(policy().nameString()));
    QList<QByteArray> chunks;
    qsizetype offset = 0;
    do {
        const QByteArrayView part = QByteArrayView(message.body)
                                        .sliced(offset)
                                        .first(std::min(room, message.body.size() - offset));
        offset += part.size();
        const bool last = offset >= message.body.size();
        Writer headers;
        headers.writeRaw(messageTypeCode(message.type));
        headers.writeByte(last ? 'F' : 'C');
        headers.writeUInt32(0); // the size, once known
        headers.writeUInt32(message.secureChannelId);
        headers.writeRaw(security.data());
        Writer plain;
        const quint32 sequence = (*nextSequenceNumber)++;
        if (sequence > SequenceNumberWrapAbove)
            *nextSequenceNumber = 1;
        plain.writeUInt32(sequence);
        plain.writeUInt32(message.requestId);
        plain.writeRaw(part);
        auto chunk = sealChunk(headers.data(), plain.data(), token, error);
        if (!chunk)
            return std::nullopt;
        chunks << std::move(*chunk);
    } while (offset < message.body.size());
    return chunks;
}

std::optional<QByteArray> SecureChunks::sealChunk(QByteArrayView headers, QByteArrayView plain,
                                                  const Token *token, CryptoError *error) const
{
    const bool open = token == nullptr;
    const bool encrypt = open || m_mode == MessageSecurityMode::SignAndEncrypt;
    const EncryptionBlocks blocks =
        open ? asymmetricBlocks(policy(), m_ownKey, m_peerKey) : symmetricBlocks(policy());
    QByteArray toEncrypt = plain.toByteArray();
    if (encrypt)
        toEncrypt += encryptionPadding(toEncrypt.size(), blocks);
    const qsizetype secured = encrypt ? (toEncrypt.size() + blocks.signatureSize) /
                                            blocks.plainTextBlockSize * blocks.cipherTextBlockSize
                                      : toEncrypt.size() + blocks.signatureSize;
    QByteArray frame = headers.toByteArray();
    setSizeField(frame, quint32(headers.size() + secured));
    const QByteArray signedBytes = frame + toEncrypt;
    const auto signature = open ? asymmetricSign(policy(), m_ownKey, signedBytes, error)
                                : symmetricSign(policy(), sendingKeys(*token), signedBytes, error);
    if (!signature)
        return std::nullopt;
    if (!encrypt)
        return signedBytes + *signature;
    const auto cipher =
        open ? asymmetricEncrypt(policy(), m_peerKey, toEncrypt + *signature, error)
             : symmetricEncrypt(policy(), sendingKeys(*token), toEncrypt + *signature, error);
    if (!cipher)
        return std::nullopt;
    Q_ASSERT(cipher->size() == secured);
    return frame + *cipher;
}

std::optional<QByteArray> SecureChunks::decode(QByteArrayView frame, CryptoError *error)
{
    if (frame.size() < MessageHeaderSize)
        return failed<QByteArray>(
            error, Status::BadDecodingError,
            QStringLiteral("a chunk of %1 bytes has no message header").arg(frame.size()));
    if (frame.first(3) == QByteArrayView("OPN"))
        return decodeOpen(frame, error);
    if (!isSecured())
        return frame.toByteArray();
    return decodeSymmetric(frame, error);
}

std::optional<QByteArray> SecureChunks::decodeOpen(QByteArrayView frame, CryptoError *error)
{
    Reader r(frame.sliced(MessageHeaderSize));
    r.readUInt32(); // SecureChannelId: the channel judges it
    const QString uri = r.readString();
    const QByteArray sender = r.readByteString("sender certificate");
    const QByteArray thumbprint = r.readByteString("receiver certificate thumbprint");
    if (!r.ok())
        return failed<QByteArray>(
            error, Status::BadDecodingError,
            QStringLiteral("the asymmetric security header: %1").arg(r.error()));
    const SecurityPolicy *named = securityPolicyByUri(uri);
    if (!named)
        return failed<QByteArray>(error, Status::BadSecurityPolicyRejected,
                                  QStringLiteral("unknown security policy %1").arg(uri));
    if (m_policyFixed && named->id != m_policy)
        return failed<QByteArray>(error, Status::BadSecurityPolicyRejected,
                                  QStringLiteral("security policy %1 where the channel uses %2")
                                      .arg(named->nameString(), policy().nameString()));
    if (!m_policyFixed && !m_accepted.contains(named->id))
        return failed<QByteArray>(
            error, Status::BadSecurityPolicyRejected,
            QStringLiteral("security policy %1 is not offered").arg(named->nameString()));
    m_policy = named->id;
    m_policyFixed = true;
    if (!isSecured())
        return frame.toByteArray();

    const qsizetype headersSize = MessageHeaderSize + r.position();
    if (m_ownKey.isNull() || m_ownThumbprint.isEmpty())
        return failed<QByteArray>(
            error, Status::BadSecurityPolicyRejected,
            QStringLiteral("no own certificate for %1").arg(policy().nameString()));
    if (sender.isEmpty())
        return failed<QByteArray>(error, Status::BadCertificateInvalid,
                                  QStringLiteral("OpenSecureChannel without sender certificate"));
    if (thumbprint != m_ownThumbprint)
        return failed<QByteArray>(
            error, Status::BadSecurityChecksFailed,
            QStringLiteral("the receiver thumbprint %1 is not this application's certificate (%2)")
                .arg(QString::fromLatin1(thumbprint.toHex().toUpper()),
                     QString::fromLatin1(m_ownThumbprint.toHex().toUpper())));
    if (m_peerChain.isEmpty()) {
        if (!setPeerCertificate(sender, error))
            return std::nullopt;
    } else {
        const auto parsed = parseChain(sender, error);
        if (!parsed)
            return std::nullopt;
        if (parsed->leaf != m_peerCertificate)
            return failed<QByteArray>(
                error, Status::BadSecurityChecksFailed,
                QStringLiteral("the sender certificate %1 is not the one of this channel (%2)")
                    .arg(QString::fromLatin1(parsed->thumbprint.toHex().toUpper()),
                         QString::fromLatin1(m_peerThumbprint.toHex().toUpper())));
    }
    if (!checkAsymmetricKey(policy(), m_peerKey, error))
        return std::nullopt;

    const auto plain = asymmetricDecrypt(policy(), m_ownKey, frame.sliced(headersSize), error);
    if (!plain)
        return std::nullopt;
    const qsizetype signatureSize = asymmetricSignatureSize(m_peerKey);
    if (plain->size() < signatureSize + SequenceHeaderSize)
        return failed<QByteArray>(error, Status::BadSecurityChecksFailed,
                                  QStringLiteral("the decrypted chunk of %1 bytes is shorter "
                                                 "than its signature")
                                      .arg(plain->size()));
    const QByteArrayView content = QByteArrayView(*plain).first(plain->size() - signatureSize);
    QByteArray signedBytes = frame.first(headersSize).toByteArray();
    signedBytes.append(content);
    if (!asymmetricVerify(policy(), m_peerKey, signedBytes,
                          QByteArrayView(*plain).sliced(content.size()), error))
        return std::nullopt;
    const auto length =
        unpaddedLength(content, asymmetricBlocks(policy(), m_peerKey, m_ownKey), error);
    if (!length)
        return std::nullopt;
    if (*length < SequenceHeaderSize)
        return failed<QByteArray>(error, Status::BadSecurityChecksFailed,
                                  QStringLiteral("the chunk has no sequence header"));
    return rebuilt(frame.first(headersSize), content.first(*length));
}

std::optional<QByteArray> SecureChunks::decodeSymmetric(QByteArrayView frame, CryptoError *error)
{
    if (frame.size() < SymmetricHeadersSize)
        return failed<QByteArray>(error, Status::BadDecodingError,
                                  QStringLiteral("a %1 chunk of %2 bytes has no security header")
                                      .arg(typeText(frame))
                                      .arg(frame.size()));
    Reader r(frame.sliced(MessageHeaderSize + 4));
    const quint32 tokenId = r.readUInt32();
    const Token *token = tokenFor(tokenId);
    if (!token)
        return failed<QByteArray>(error, Status::BadSecureChannelTokenUnknown,
                                  QStringLiteral("security token %1 is not in use (current: %2)")
                                      .arg(tokenId)
                                      .arg(currentTokenId()));
    if (token != &*m_current && (m_nowMs - token->issuedAtMs) * 4 > qint64(token->lifetimeMs) * 5)
        return failed<QByteArray>(error, Status::BadSecureChannelTokenUnknown,
                                  QStringLiteral("security token %1 has expired (current: %2)")
                                      .arg(tokenId)
                                      .arg(currentTokenId()));
    const DerivedKeys &keys = receivingKeys(*token);
    const bool encrypted = m_mode == MessageSecurityMode::SignAndEncrypt;
    QByteArray plain;
    if (encrypted) {
        auto decrypted =
            symmetricDecrypt(policy(), keys, frame.sliced(SymmetricHeadersSize), error);
        if (!decrypted)
            return std::nullopt;
        plain = std::move(*decrypted);
    } else {
        plain = frame.sliced(SymmetricHeadersSize).toByteArray();
    }
    const qsizetype signatureSize = policy().symmetricSignatureSize;
    if (plain.size() < signatureSize + SequenceHeaderSize)
        return failed<QByteArray>(error, Status::BadSecurityChecksFailed,
                                  QStringLiteral("a %1 chunk of %2 bytes is shorter than its "
                                                 "sequence header and signature")
                                      .arg(typeText(frame))
                                      .arg(frame.size()));
    const QByteArrayView content = QByteArrayView(plain).first(plain.size() - signatureSize);
    QByteArray signedBytes = frame.first(SymmetricHeadersSize).toByteArray();
    signedBytes.append(content);
    if (!symmetricVerify(policy(), keys, signedBytes, QByteArrayView(plain).sliced(content.size()),
                         error))
        return std::nullopt;
    qsizetype length = content.size();
    if (encrypted) {
        const auto unpadded = unpaddedLength(content, symmetricBlocks(policy()), error);
        if (!unpadded)
            return std::nullopt;
        length = *unpadded;
    }
    if (length < SequenceHeaderSize)
        return failed<QByteArray>(error, Status::BadSecurityChecksFailed,
                                  QStringLiteral("the chunk has no sequence header"));
    // The peer has switched to the newest token: the one before it is done (§6.7.4).
    if (tokenId == currentTokenId())
        m_previous.reset();
    return rebuilt(frame.first(SymmetricHeadersSize), content.first(length));
}

} // namespace tandem::opcua
