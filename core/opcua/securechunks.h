#pragma once

// The secured chunks of one secure channel (OPC 10000-6 §6.7.2 to §6.7.6), used by the
// client and the server side alike. OpenSecureChannel chunks carry the asymmetric security
// header (policy URI, the sender's certificate chain, the thumbprint of the receiver's
// certificate) and are signed with the sender's private key and encrypted with the
// receiver's public key; MSG and CLO chunks carry the token id and are signed with HMAC and,
// in SignAndEncrypt, encrypted with AES-CBC under the keys derived from both nonces.
//
// decode() checks a received chunk's signature and decrypts it before anything behind its
// security header is read, and hands back the chunk as it would look unsecured; the
// ChunkReassembler then reads it like any other (sequence numbers included). No I/O here.

#include "asymmetriccrypto.h"
#include "channelcrypto.h"
#include "securitypolicy.h"
#include "transport.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace tandem::opcua {

class SecureChunks final
{
public:
    enum class Role : quint8
    {
        Client,
        Server,
    };

    explicit SecureChunks(Role role);

    Role role() const { return m_role; }

    // The own certificate (DER, its issuers' after it) and private key: needed for every
    // policy but None.
    void setOwnCertificate(const QByteArray &certificateChain, const AsymmetricKey &privateKey);
    // The peer's certificate chain (DER, its own first). The client sets the server's from
    // its endpoint description before the first OpenSecureChannel; the server learns the
    // client's from that request. BadCertificateInvalid when it does not parse or holds no
    // RSA key.
    bool setPeerCertificate(const QByteArray &certificateChain, CryptoError *error);
    const QByteArray &peerCertificateChain() const { return m_peerChain; }
    // The peer's own certificate (the first of its chain).
    const QByteArray &peerCertificate() const { return m_peerCertificate; }
    const QByteArray &ownCertificate() const { return m_ownCertificate; }
    const AsymmetricKey &ownKey() const { return m_ownKey; }
    const AsymmetricKey &peerKey() const { return m_peerKey; }

    // The client's policy, before its first OpenSecureChannel (None unless set).
    void setPolicy(SecurityPolicyId policy);
    // The server's: the policies an OpenSecureChannel may name (None alone unless set);
    // the first one fixes the channel's policy (a renewal must name the same).
    void setAcceptedPolicies(const QList<SecurityPolicyId> &policies);
    const SecurityPolicy &policy() const { return opcua::securityPolicy(m_policy); }
    bool isSecured() const { return m_policy != SecurityPolicyId::None; }

    // The mode of MSG and CLO chunks (OpenSecureChannel is signed and encrypted under any
    // policy but None). The server sets it from the first request.
    void setMode(MessageSecurityMode mode) { m_mode = mode; }
    MessageSecurityMode mode() const { return m_mode; }

    // A token's keys from both nonces (OPC 10000-6 §6.7.5). The newest token before it stays
    // usable in both directions until the peer uses the new one, and no longer than 125 %
    // of its own lifetime after it was issued (OPC 10000-4 §5.5.2).
    bool addToken(quint32 tokenId, QByteArrayView clientNonce, QByteArrayView serverNonce,
                  quint32 lifetimeMs, CryptoError *error);
    // The monotonic time (ms) tokens are issued at and expire by; the owner sets it before
    // each call.
    void setNow(qint64 nowMs) { m_nowMs = nowMs; }
    quint32 currentTokenId() const { return m_current ? m_current->id : 0; }
    bool hasPreviousToken() const { return m_previous.has_value(); }

    // Body bytes one chunk of chunkSize bytes carries for message's type and headers.
    qsizetype maxChunkBody(const SecureMessage &message, qsizetype chunkSize) const;
    // message as chunks of at most chunkSize bytes, numbered from *nextSequenceNumber.
    std::optional<QList<QByteArray>> encode(const SecureMessage &message, qsizetype chunkSize,
                                            quint32 *nextSequenceNumber, CryptoError *error) const;
    // One received chunk (the whole frame, message header included): verified and decrypted,
    // returned without padding and signature and with its size field set to what is left.
    // Nothing behind the security header is read before the signature matched.
    std::optional<QByteArray> decode(QByteArrayView frame, CryptoError *error);

private:
    struct Token
    {
        quint32 id = 0;
        ChannelKeys keys;
        qint64 issuedAtMs = 0;
        quint32 lifetimeMs = 0;
    };
    const DerivedKeys &sendingKeys(const Token &token) const;
    const DerivedKeys &receivingKeys(const Token &token) const;
    const Token *tokenFor(quint32 tokenId) const;
    QByteArray asymmetricHeader() const;
    std::optional<QByteArray> decodeOpen(QByteArrayView frame, CryptoError *error);
    std::optional<QByteArray> decodeSymmetric(QByteArrayView frame, CryptoError *error);
    std::optional<QByteArray> sealChunk(QByteArrayView headers, QByteArrayView plain,
                                        const Token *token, CryptoError *error) const;

    Role m_role;
    SecurityPolicyId m_policy = SecurityPolicyId::None;
    bool m_policyFixed = false;
    QList<SecurityPolicyId> m_accepted;
    MessageSecurityMode m_mode = MessageSecurityMode::None;
    QByteArray m_ownChain, m_ownCertificate;
    AsymmetricKey m_ownKey;
    QByteArray m_ownThumbprint; // SHA-1 of m_ownCertificate, 20 bytes
    QByteArray m_peerChain, m_peerCertificate;
    AsymmetricKey m_peerKey;
    QByteArray m_peerThumbprint;
    std::optional<Token> m_current, m_previous;
    qint64 m_nowMs = 0;
};

} // namespace tandem::opcua
