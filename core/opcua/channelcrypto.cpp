#include "channelcrypto.h"

#include "openssl_p.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <memory>

namespace tandem::opcua {

namespace {

struct Free
{
    void operator()(EVP_KDF *p) const { EVP_KDF_free(p); }
    void operator()(EVP_KDF_CTX *p) const { EVP_KDF_CTX_free(p); }
    void operator()(EVP_CIPHER *p) const { EVP_CIPHER_free(p); }
    void operator()(EVP_CIPHER_CTX *p) const { EVP_CIPHER_CTX_free(p); }
};

using detail::bytes;
using detail::fail;
using detail::openSslReason;

const char *digestName(KeyDerivationAlgorithm algorithm)
{
    switch (algorithm) {
    case KeyDerivationAlgorithm::PSha1:
        return "SHA1";
    case KeyDerivationAlgorithm::PSha256:
        return "SHA256";
    case KeyDerivationAlgorithm::None:
        break;
    }
    return nullptr;
}

const char *digestName(SymmetricSignatureAlgorithm algorithm)
{
    switch (algorithm) {
    case SymmetricSignatureAlgorithm::HmacSha1:
        return "SHA1";
    case SymmetricSignatureAlgorithm::HmacSha256:
        return "SHA256";
    case SymmetricSignatureAlgorithm::None:
        break;
    }
    return nullptr;
}

const char *cipherName(SymmetricEncryptionAlgorithm algorithm)
{
    switch (algorithm) {
    case SymmetricEncryptionAlgorithm::Aes128Cbc:
        return "AES-128-CBC";
    case SymmetricEncryptionAlgorithm::Aes256Cbc:
        return "AES-256-CBC";
    case SymmetricEncryptionAlgorithm::None:
        break;
    }
    return nullptr;
}

bool hasKeyLengths(const SecurityPolicy &policy, const DerivedKeys &keys, bool forEncryption,
                   CryptoError *error)
{
    if (keys.signingKey.size() != policy.derivedSignatureKeyLength)
        return fail(error, Status::BadInternalError,
                    QStringLiteral("the signing key has %1 bytes, %2 needs %3")
                        .arg(keys.signingKey.size())
                        .arg(policy.nameString())
                        .arg(policy.derivedSignatureKeyLength));
    if (forEncryption && (keys.encryptingKey.size() != policy.derivedEncryptionKeyLength ||
                          keys.initializationVector.size() != policy.symmetricBlockSize))
        return fail(error, Status::BadInternalError,
                    QStringLiteral("the encrypting key or initialization vector has %1/%2 "
                                   "bytes, %3 needs %4/%5")
                        .arg(keys.encryptingKey.size())
                        .arg(keys.initializationVector.size())
                        .arg(policy.nameString())
                        .arg(policy.derivedEncryptionKeyLength)
                        .arg(policy.symmetricBlockSize));
    return true;
}

std::optional<QByteArray> hmac(const SecurityPolicy &policy, const DerivedKeys &keys,
                               QByteArrayView data, CryptoError *error)
{
    const char *digest = digestName(policy.symmetricSignature);
    if (!digest) {
        fail(error, Status::BadSecurityPolicyRejected,
             QStringLiteral("the security policy %1 signs nothing").arg(policy.nameString()));
        return std::nullopt;
    }
    if (!hasKeyLengths(policy, keys, false, error))
        return std::nullopt;
    QByteArray mac(policy.symmetricSignatureSize, Qt::Uninitialized);
    size_t size = 0;
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, digest, nullptr, bytes(keys.signingKey),
                   size_t(keys.signingKey.size()), bytes(data), size_t(data.size()), bytes(mac),
                   size_t(mac.size()), &size) ||
        size != size_t(mac.size())) {
        fail(error, Status::BadInternalError,
             QStringLiteral("HMAC-%1 failed: %2").arg(QLatin1String(digest), openSslReason()));
        return std::nullopt;
    }
    return mac;
}

std::optional<QByteArray> aesCbc(const SecurityPolicy &policy, const DerivedKeys &keys,
                                 QByteArrayView input, bool encrypt, CryptoError *error)
{
    const char *name = cipherName(policy.symmetricEncryption);
    if (!name) {
        fail(error, Status::BadSecurityPolicyRejected,
             QStringLiteral("the security policy %1 encrypts nothing").arg(policy.nameString()));
        return std::nullopt;
    }
    if (!hasKeyLengths(policy, keys, true, error))
        return std::nullopt;
    if (input.size() % policy.symmetricBlockSize != 0) {
        if (encrypt)
            fail(error, Status::BadInternalError,
                 QStringLiteral("%1 bytes to encrypt are not whole blocks of %2 bytes; the "
                                "padding is missing")
                     .arg(input.size())
                     .arg(policy.symmetricBlockSize));
        else
            fail(error, Status::BadSecurityChecksFailed,
                 QStringLiteral("the cipher text of %1 bytes is not whole blocks of %2 bytes")
                     .arg(input.size())
                     .arg(policy.symmetricBlockSize));
        return std::nullopt;
    }
    std::unique_ptr<EVP_CIPHER, Free> cipher(EVP_CIPHER_fetch(nullptr, name, nullptr));
    std::unique_ptr<EVP_CIPHER_CTX, Free> context(EVP_CIPHER_CTX_new());
    QByteArray output(input.size(), Qt::Uninitialized);
    int written = 0;
    int last = 0;
    // OpenSSL's PKCS#7 padding is off: the chunk carries the padding of OPC 10000-6.
    const bool ok =
        cipher && context &&
        EVP_CipherInit_ex2(context.get(), cipher.get(), bytes(keys.encryptingKey),
                           bytes(keys.initializationVector), encrypt ? 1 : 0, nullptr) == 1 &&
        EVP_CIPHER_CTX_set_padding(context.get(), 0) == 1 &&
        EVP_CipherUpdate(context.get(), bytes(output), &written, bytes(input), int(input.size())) ==
            1 &&
        EVP_CipherFinal_ex(context.get(), bytes(output) + written, &last) == 1 &&
        written + last == output.size();
    if (!ok) {
        fail(error, Status::BadInternalError,
             QStringLiteral("%1 %2 failed: %3")
                 .arg(QLatin1String(name),
                      encrypt ? QStringLiteral("encryption") : QStringLiteral("decryption"),
                      openSslReason()));
        return std::nullopt;
    }
    return output;
}

} // namespace

QString CryptoError::toString() const
{
    return statusCodeText(StatusCode{status}) + QLatin1String(": ") + message;
}

std::optional<QByteArray> makeNonce(const SecurityPolicy &policy, CryptoError *error)
{
    QByteArray nonce(policy.nonceLength, Qt::Uninitialized);
    if (nonce.isEmpty() || RAND_bytes(bytes(nonce), int(nonce.size())) != 1) {
        fail(error, Status::BadInternalError,
             QStringLiteral("no nonce for %1: %2")
                 .arg(policy.nameString(),
                      nonce.isEmpty() ? QStringLiteral("the policy uses none") : openSslReason()));
        return std::nullopt;
    }
    return nonce;
}

std::optional<QByteArray> pseudoRandomBytes(KeyDerivationAlgorithm algorithm, QByteArrayView secret,
                                            QByteArrayView seed, int length, CryptoError *error)
{
    const char *digest = digestName(algorithm);
    if (!digest || length <= 0 || secret.isEmpty() || seed.isEmpty()) {
        fail(error, Status::BadInternalError,
             QStringLiteral("P_hash needs a digest, a secret, a seed and a length"));
        return std::nullopt;
    }
    // TLS 1.2's PRF with no label is P_hash of RFC 5246 §5 itself; with SHA-1 as its digest
    // it is P_SHA1 (only MD5-SHA1 would select TLS 1.0's split PRF).
    std::unique_ptr<EVP_KDF, Free> kdf(EVP_KDF_fetch(nullptr, "TLS1-PRF", nullptr));
    std::unique_ptr<EVP_KDF_CTX, Free> context(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char *>(digest), 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SECRET, const_cast<char *>(secret.data()),
                                          size_t(secret.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SEED, const_cast<char *>(seed.data()),
                                          size_t(seed.size())),
        OSSL_PARAM_construct_end(),
    };
    QByteArray output(length, Qt::Uninitialized);
    if (!context || EVP_KDF_derive(context.get(), bytes(output), size_t(length), params) != 1) {
        fail(error, Status::BadInternalError,
             QStringLiteral("P_%1 failed: %2").arg(QLatin1String(digest), openSslReason()));
        return std::nullopt;
    }
    return output;
}

std::optional<DerivedKeys> deriveKeys(const SecurityPolicy &policy, QByteArrayView secret,
                                      QByteArrayView seed, CryptoError *error)
{
    const auto material = pseudoRandomBytes(policy.keyDerivation, secret, seed,
                                            policy.derivedKeyMaterialLength(), error);
    if (!material)
        return std::nullopt;
    const qsizetype signing = policy.derivedSignatureKeyLength;
    const qsizetype encrypting = policy.derivedEncryptionKeyLength;
    return DerivedKeys{material->left(signing), material->mid(signing, encrypting),
                       material->mid(signing + encrypting)};
}

std::optional<ChannelKeys> deriveChannelKeys(const SecurityPolicy &policy,
                                             QByteArrayView clientNonce, QByteArrayView serverNonce,
                                             CryptoError *error)
{
    if (policy.isNone()) {
        fail(error, Status::BadSecurityPolicyRejected,
             QStringLiteral("the security policy None derives no keys"));
        return std::nullopt;
    }
    for (const auto &[nonce, side] :
         {std::pair(clientNonce, "client"), std::pair(serverNonce, "server")}) {
        if (nonce.size() != policy.nonceLength) {
            fail(error, Status::BadNonceInvalid,
                 QStringLiteral("the %1 nonce has %2 bytes, %3 needs %4")
                     .arg(QLatin1String(side))
                     .arg(nonce.size())
                     .arg(policy.nameString())
                     .arg(policy.nonceLength));
            return std::nullopt;
        }
    }
    auto client = deriveKeys(policy, serverNonce, clientNonce, error);
    if (!client)
        return std::nullopt;
    auto server = deriveKeys(policy, clientNonce, serverNonce, error);
    if (!server)
        return std::nullopt;
    return ChannelKeys{std::move(*client), std::move(*server)};
}

std::optional<QByteArray> symmetricSign(const SecurityPolicy &policy, const DerivedKeys &keys,
                                        QByteArrayView data, CryptoError *error)
{
    return hmac(policy, keys, data, error);
}

bool symmetricVerify(const SecurityPolicy &policy, const DerivedKeys &keys, QByteArrayView data,
                     QByteArrayView signature, CryptoError *error)
{
    const auto expected = hmac(policy, keys, data, error);
    if (!expected)
        return false;
    if (signature.size() != expected->size())
        return fail(error, Status::BadSecurityChecksFailed,
                    QStringLiteral("the signature has %1 bytes, %2 signs with %3")
                        .arg(signature.size())
                        .arg(policy.nameString())
                        .arg(expected->size()));
    if (CRYPTO_memcmp(expected->constData(), signature.data(), size_t(signature.size())) != 0)
        return fail(error, Status::BadSecurityChecksFailed,
                    QStringLiteral("the signature does not match the signed bytes"));
    return true;
}

std::optional<QByteArray> symmetricEncrypt(const SecurityPolicy &policy, const DerivedKeys &keys,
                                           QByteArrayView plainText, CryptoError *error)
{
    return aesCbc(policy, keys, plainText, true, error);
}

std::optional<QByteArray> symmetricDecrypt(const SecurityPolicy &policy, const DerivedKeys &keys,
                                           QByteArrayView cipherText, CryptoError *error)
{
    return aesCbc(policy, keys, cipherText, false, error);
}

EncryptionBlocks symmetricBlocks(const SecurityPolicy &policy)
{
    return EncryptionBlocks{policy.symmetricBlockSize, policy.symmetricBlockSize,
                            policy.symmetricSignatureSize};
}

QByteArray encryptionPadding(qsizetype bytesToEncrypt, const EncryptionBlocks &blocks)
{
    Q_ASSERT(blocks.plainTextBlockSize > 0);
    // Without the ExtraPaddingSize byte the padding's length must fit PaddingSize's byte.
    Q_ASSERT(blocks.extraPaddingSize() || blocks.plainTextBlockSize <= 256);
    const qsizetype sizeBytes = blocks.extraPaddingSize() ? 2 : 1;
    const qsizetype used = bytesToEncrypt + blocks.signatureSize + sizeBytes;
    const qsizetype padding =
        (blocks.plainTextBlockSize - used % blocks.plainTextBlockSize) % blocks.plainTextBlockSize;
    const char low = char(padding & 0xff);
    QByteArray footer(1 + padding, low);
    if (blocks.extraPaddingSize())
        footer.append(char(padding >> 8));
    return footer;
}

std::optional<qsizetype> unpaddedLength(QByteArrayView decrypted, const EncryptionBlocks &blocks,
                                        CryptoError *error)
{
    const bool extra = blocks.extraPaddingSize();
    const qsizetype sizeBytes = extra ? 2 : 1;
    if (decrypted.size() < sizeBytes) {
        fail(error, Status::BadSecurityChecksFailed,
             QStringLiteral("the decrypted chunk of %1 bytes is too short for its padding")
                 .arg(decrypted.size()));
        return std::nullopt;
    }
    const auto at = [&](qsizetype i) { return quint8(decrypted[i]); };
    // The last padding byte (or PaddingSize itself when there is no padding) is the low
    // byte of the padding's length; ExtraPaddingSize, when present, follows as the high one.
    const qsizetype end = decrypted.size();
    const quint8 low = extra ? at(end - 2) : at(end - 1);
    const qsizetype padding = extra ? (qsizetype(at(end - 1)) << 8 | low) : low;
    const qsizetype footer = padding + sizeBytes;
    if (footer > decrypted.size()) {
        fail(error, Status::BadSecurityChecksFailed,
             QStringLiteral("the padding of %1 bytes is longer than the decrypted chunk of %2")
                 .arg(padding)
                 .arg(decrypted.size()));
        return std::nullopt;
    }
    const qsizetype start = end - footer; // the PaddingSize byte
    for (qsizetype i = start; i < start + 1 + padding; ++i) {
        if (at(i) != low) {
            fail(error, Status::BadSecurityChecksFailed,
                 QStringLiteral("padding byte %1 of %2 is 0x%3, not the padding size 0x%4")
                     .arg(i - start)
                     .arg(padding + 1)
                     .arg(at(i), 2, 16, QLatin1Char('0'))
                     .arg(low, 2, 16, QLatin1Char('0')));
            return std::nullopt;
        }
    }
    return start;
}

qsizetype maxBodySize(qsizetype chunkSize, qsizetype headerSize, const EncryptionBlocks &blocks,
                      MessageSecurityMode mode)
{
    qsizetype size = 0;
    switch (mode) {
    case MessageSecurityMode::None:
    case MessageSecurityMode::Invalid:
        size = chunkSize - headerSize - SequenceHeaderSize;
        break;
    case MessageSecurityMode::Sign:
        size = chunkSize - headerSize - SequenceHeaderSize - blocks.signatureSize;
        break;
    case MessageSecurityMode::SignAndEncrypt: {
        // Whole cipher text blocks after the headers; the plain text they hold carries the
        // sequence header, the body, PaddingSize (and ExtraPaddingSize) and the signature.
        const qsizetype cipherBlocks = (chunkSize - headerSize) / blocks.cipherTextBlockSize;
        size = cipherBlocks * blocks.plainTextBlockSize - SequenceHeaderSize -
               blocks.signatureSize - (blocks.extraPaddingSize() ? 2 : 1);
        break;
    }
    }
    return qMax<qsizetype>(size, 0);
}

} // namespace tandem::opcua
