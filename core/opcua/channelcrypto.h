#pragma once

// The symmetric cryptography of a secure channel (OPC 10000-6 §6.7): the keys derived from
// the nonces of OpenSecureChannel, HMAC signatures and AES-CBC encryption of MSG and CLO
// chunks, and the padding of an encrypted chunk with its PaddingSize and ExtraPaddingSize
// bytes. Every primitive is OpenSSL's; this file only applies them as the spec says. No
// chunk framing here: the secure channel hands in the bytes to sign, encrypt or check.

#include "securitypolicy.h"
#include "statuscodes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace tandem::opcua {

// Why a cryptographic step failed: the status the channel reports to its peer (mostly
// BadSecurityChecksFailed) and a sentence naming what was wrong.
struct CryptoError
{
    quint32 status = Status::Good;
    QString message;

    // "BadSecurityChecksFailed (0x80130000): the chunk's signature does not match".
    QString toString() const;
};

// The SequenceHeader (SequenceNumber, RequestId) that starts the encrypted part of a chunk.
constexpr qsizetype SequenceHeaderSize = 8;

// One side's keys (OPC 10000-6 §6.7.5): it signs and encrypts with its own, and checks
// and decrypts with the other side's.
struct DerivedKeys
{
    QByteArray signingKey;
    QByteArray encryptingKey;
    QByteArray initializationVector;

    friend bool operator==(const DerivedKeys &, const DerivedKeys &) = default;
};

struct ChannelKeys
{
    DerivedKeys client; // the client signs and encrypts with these, the server checks
    DerivedKeys server; // the server signs and encrypts with these, the client checks
};

// A fresh nonce of the policy's SecureChannelNonceLength from OpenSSL's random generator,
// for the OpenSecureChannel request or response. BadInternalError when it has none to give.
std::optional<QByteArray> makeNonce(const SecurityPolicy &policy, CryptoError *error);

// P_SHA1 or P_SHA256 (RFC 2246/5246 §5, the PRF of OPC 10000-6 §6.7.5): length bytes from
// secret and seed. nullopt with *error (BadInternalError) when OpenSSL refuses.
std::optional<QByteArray> pseudoRandomBytes(KeyDerivationAlgorithm algorithm, QByteArrayView secret,
                                            QByteArrayView seed, int length, CryptoError *error);

// The signing key, encrypting key and initialization vector, in that order, from
// P_hash(secret, seed) with the policy's lengths.
std::optional<DerivedKeys> deriveKeys(const SecurityPolicy &policy, QByteArrayView secret,
                                      QByteArrayView seed, CryptoError *error);

// Both sides' keys of a channel (or of a renewed token): the client's from
// P_hash(serverNonce, clientNonce), the server's from P_hash(clientNonce, serverNonce).
// BadNonceInvalid when a nonce is not the policy's SecureChannelNonceLength long,
// BadSecurityPolicyRejected for the policy None.
std::optional<ChannelKeys> deriveChannelKeys(const SecurityPolicy &policy,
                                             QByteArrayView clientNonce, QByteArrayView serverNonce,
                                             CryptoError *error);

// The policy's HMAC over data with keys.signingKey.
std::optional<QByteArray> symmetricSign(const SecurityPolicy &policy, const DerivedKeys &keys,
                                        QByteArrayView data, CryptoError *error);
// True when signature is the HMAC of data (compared in constant time);
// BadSecurityChecksFailed otherwise.
bool symmetricVerify(const SecurityPolicy &policy, const DerivedKeys &keys, QByteArrayView data,
                     QByteArrayView signature, CryptoError *error);

// AES-CBC with keys.encryptingKey and keys.initializationVector, without OpenSSL's padding:
// the input must already be a whole number of blocks (the chunk's own padding does that).
// Encrypting anything else is the caller's error (BadInternalError); a cipher text that is
// not whole blocks came from the network (BadSecurityChecksFailed).
std::optional<QByteArray> symmetricEncrypt(const SecurityPolicy &policy, const DerivedKeys &keys,
                                           QByteArrayView plainText, CryptoError *error);
std::optional<QByteArray> symmetricDecrypt(const SecurityPolicy &policy, const DerivedKeys &keys,
                                           QByteArrayView cipherText, CryptoError *error);

// The sizes that shape an encrypted chunk (OPC 10000-6 §6.7.2.5): each plainTextBlockSize
// bytes encrypt to cipherTextBlockSize bytes, and signatureSize bytes of signature end the
// chunk (inside the encrypted part).
struct EncryptionBlocks
{
    int plainTextBlockSize = 0;
    int cipherTextBlockSize = 0;
    int signatureSize = 0;

    // The ExtraPaddingSize byte is present when the encrypting key is larger than 2048
    // bits, i.e. its cipher text block is larger than 256 bytes.
    bool extraPaddingSize() const { return cipherTextBlockSize > 256; }
};

// The symmetric (MSG, CLO) chunk's sizes under policy.
EncryptionBlocks symmetricBlocks(const SecurityPolicy &policy);

// The footer to append after bytesToEncrypt bytes (SequenceHeader and body) so that these,
// the footer and the signature fill whole plain text blocks: PaddingSize, that many bytes of
// padding each equal to PaddingSize, and the ExtraPaddingSize byte (the high byte of the
// padding's length) when blocks.extraPaddingSize(). The padding is as short as possible.
// Only an encrypted chunk has this footer; a chunk that is only signed has none.
QByteArray encryptionPadding(qsizetype bytesToEncrypt, const EncryptionBlocks &blocks);

// The length of decrypted, whose signature is already checked and cut off, without its
// padding footer. BadSecurityChecksFailed when the footer is longer than the data or a
// padding byte differs from PaddingSize.
std::optional<qsizetype> unpaddedLength(QByteArrayView decrypted, const EncryptionBlocks &blocks,
                                        CryptoError *error);

// How many body bytes fit in a chunk of chunkSize bytes whose message and security headers
// take headerSize bytes, so that sequence header, body, padding and signature fill it
// (OPC 10000-6 §6.7.2.5). Sign adds only the signature; None neither. 0 when nothing fits.
qsizetype maxBodySize(qsizetype chunkSize, qsizetype headerSize, const EncryptionBlocks &blocks,
                      MessageSecurityMode mode);

} // namespace tandem::opcua
