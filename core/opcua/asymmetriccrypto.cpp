#include "asymmetriccrypto.h"

#include "openssl_p.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace tandem::opcua {

namespace {

struct Free
{
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(BIGNUM *p) const { BN_free(p); }
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
};

using detail::bytes;
using detail::fail;
using detail::openSslReason;

AsymmetricKey adopt(EVP_PKEY *key)
{
    AsymmetricKey result = AsymmetricKey::fromOpenSsl(key);
    EVP_PKEY_free(key); // fromOpenSsl took its own reference
    return result;
}

const char *signatureDigest(AsymmetricSignatureAlgorithm algorithm)
{
    switch (algorithm) {
    case AsymmetricSignatureAlgorithm::RsaPkcs1Sha1:
        return "SHA1";
    case AsymmetricSignatureAlgorithm::RsaPkcs1Sha256:
    case AsymmetricSignatureAlgorithm::RsaPssSha256:
        return "SHA256";
    case AsymmetricSignatureAlgorithm::None:
        break;
    }
    return nullptr;
}

// Bytes an RSA block loses to the encryption padding (RFC 8017 §7.1 and §7.2).
int paddingOverhead(AsymmetricEncryptionAlgorithm algorithm)
{
    switch (algorithm) {
    case AsymmetricEncryptionAlgorithm::RsaPkcs1:
        return 11;
    case AsymmetricEncryptionAlgorithm::RsaOaepSha1:
        return 2 * 20 + 2;
    case AsymmetricEncryptionAlgorithm::RsaOaepSha256:
        return 2 * 32 + 2;
    case AsymmetricEncryptionAlgorithm::None:
        break;
    }
    return 0;
}

bool usableKey(const SecurityPolicy &policy, const AsymmetricKey &key, bool needPrivate,
               CryptoError *error)
{
    if (!checkAsymmetricKey(policy, key, error))
        return false;
    if (needPrivate && !key.hasPrivateKey())
        return fail(error, Status::BadInternalError,
                    QStringLiteral("the RSA key holds no private key"));
    return true;
}

// Sets the policy's signature padding on a signing or verifying context.
bool setSignaturePadding(const SecurityPolicy &policy, EVP_PKEY_CTX *context)
{
    if (policy.asymmetricSignature != AsymmetricSignatureAlgorithm::RsaPssSha256)
        return EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PADDING) == 1;
    // RSA-PSS-SHA2-256 of OPC 10000-7: MGF1 with SHA-256 and a salt as long as the hash.
    return EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PSS_PADDING) == 1 &&
           EVP_PKEY_CTX_set_rsa_mgf1_md(context, EVP_sha256()) == 1 &&
           EVP_PKEY_CTX_set_rsa_pss_saltlen(context, RSA_PSS_SALTLEN_DIGEST) == 1;
}

// Sets the policy's encryption padding on an encrypting or decrypting context.
bool setEncryptionPadding(const SecurityPolicy &policy, EVP_PKEY_CTX *context)
{
    switch (policy.asymmetricEncryption) {
    case AsymmetricEncryptionAlgorithm::RsaPkcs1:
        return EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PADDING) == 1;
    case AsymmetricEncryptionAlgorithm::RsaOaepSha1:
    case AsymmetricEncryptionAlgorithm::RsaOaepSha256: {
        const EVP_MD *md =
            policy.asymmetricEncryption == AsymmetricEncryptionAlgorithm::RsaOaepSha256
                ? EVP_sha256()
                : EVP_sha1();
        return EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_OAEP_PADDING) == 1 &&
               EVP_PKEY_CTX_set_rsa_oaep_md(context, md) == 1 &&
               EVP_PKEY_CTX_set_rsa_mgf1_md(context, md) == 1;
    }
    case AsymmetricEncryptionAlgorithm::None:
        break;
    }
    return false;
}

} // namespace

AsymmetricKey AsymmetricKey::fromPem(QByteArrayView pem, CryptoError *error)
{
    std::unique_ptr<BIO, Free> bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!key && bio) {
        ERR_clear_error();
        BIO_reset(bio.get());
        key = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
    }
    if (!key) {
        fail(
            error, Status::BadInternalError,
            QStringLiteral("the PEM text holds no private or public key: %1").arg(openSslReason()));
        return {};
    }
    return adopt(key);
}

AsymmetricKey AsymmetricKey::fromDer(QByteArrayView der, CryptoError *error)
{
    const unsigned char *p = bytes(der);
    EVP_PKEY *key = d2i_AutoPrivateKey(nullptr, &p, long(der.size()));
    if (!key) {
        ERR_clear_error();
        p = bytes(der);
        key = d2i_PUBKEY(nullptr, &p, long(der.size()));
    }
    if (!key) {
        fail(
            error, Status::BadInternalError,
            QStringLiteral("the DER bytes hold no private or public key: %1").arg(openSslReason()));
        return {};
    }
    return adopt(key);
}

AsymmetricKey AsymmetricKey::fromOpenSsl(EVP_PKEY *key)
{
    AsymmetricKey result;
    if (key && EVP_PKEY_up_ref(key) == 1)
        result.m_key.reset(key, EVP_PKEY_free);
    return result;
}

bool AsymmetricKey::isRsa() const
{
    return m_key && EVP_PKEY_is_a(m_key.get(), "RSA");
}

bool AsymmetricKey::hasPrivateKey() const
{
    if (!isRsa())
        return false;
    BIGNUM *d = nullptr;
    const bool has = EVP_PKEY_get_bn_param(m_key.get(), OSSL_PKEY_PARAM_RSA_D, &d) == 1 && d;
    BN_clear_free(d);
    ERR_clear_error(); // a public key's missing parameter is no error to keep
    return has;
}

int AsymmetricKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

int AsymmetricKey::size() const
{
    return m_key ? EVP_PKEY_get_size(m_key.get()) : 0;
}

bool checkAsymmetricKey(const SecurityPolicy &policy, const AsymmetricKey &key, CryptoError *error)
{
    if (policy.isNone())
        return fail(error, Status::BadSecurityPolicyRejected,
                    QStringLiteral("the security policy None uses no asymmetric key"));
    if (!key.isRsa())
        return fail(error, Status::BadCertificatePolicyCheckFailed,
                    key.isNull() ? QStringLiteral("no key was given")
                                 : QStringLiteral("the key is not an RSA key"));
    if (key.bits() < policy.minAsymmetricKeyBits || key.bits() > policy.maxAsymmetricKeyBits)
        return fail(error, Status::BadCertificatePolicyCheckFailed,
                    QStringLiteral("the RSA key of %1 bits is outside the %2 to %3 bits %4 "
                                   "allows")
                        .arg(key.bits())
                        .arg(policy.minAsymmetricKeyBits)
                        .arg(policy.maxAsymmetricKeyBits)
                        .arg(policy.nameString()));
    return true;
}

int asymmetricSignatureSize(const AsymmetricKey &signerKey)
{
    return signerKey.size();
}

int asymmetricPlainTextBlockSize(const SecurityPolicy &policy, const AsymmetricKey &receiverKey)
{
    return receiverKey.size() - paddingOverhead(policy.asymmetricEncryption);
}

int asymmetricCipherTextBlockSize(const AsymmetricKey &receiverKey)
{
    return receiverKey.size();
}

EncryptionBlocks asymmetricBlocks(const SecurityPolicy &policy, const AsymmetricKey &senderKey,
                                  const AsymmetricKey &receiverKey)
{
    return EncryptionBlocks{asymmetricPlainTextBlockSize(policy, receiverKey),
                            asymmetricCipherTextBlockSize(receiverKey),
                            asymmetricSignatureSize(senderKey)};
}

std::optional<QByteArray> asymmetricSign(const SecurityPolicy &policy,
                                         const AsymmetricKey &privateKey, QByteArrayView data,
                                         CryptoError *error)
{
    if (!usableKey(policy, privateKey, true, error))
        return std::nullopt;
    std::unique_ptr<EVP_MD_CTX, Free> context(EVP_MD_CTX_new());
    EVP_PKEY_CTX *keyContext = nullptr; // owned by context
    QByteArray signature(privateKey.size(), Qt::Uninitialized);
    size_t size = size_t(signature.size());
    const bool ok = context &&
                    EVP_DigestSignInit_ex(context.get(), &keyContext,
                                          signatureDigest(policy.asymmetricSignature), nullptr,
                                          nullptr, privateKey.openSslKey(), nullptr) == 1 &&
                    setSignaturePadding(policy, keyContext) &&
                    EVP_DigestSign(context.get(), bytes(signature), &size, bytes(data),
                                   size_t(data.size())) == 1 &&
                    size == size_t(signature.size());
    if (!ok) {
        fail(error, Status::BadInternalError,
             QStringLiteral("signing with %1 failed: %2")
                 .arg(QLatin1String(policy.asymmetricSignatureUri), openSslReason()));
        return std::nullopt;
    }
    return signature;
}

bool asymmetricVerify(const SecurityPolicy &policy, const AsymmetricKey &publicKey,
                      QByteArrayView data, QByteArrayView signature, CryptoError *error)
{
    if (!usableKey(policy, publicKey, false, error))
        return false;
    if (signature.size() != publicKey.size())
        return fail(error, Status::BadSecurityChecksFailed,
                    QStringLiteral("the signature has %1 bytes, the signer's key %2")
                        .arg(signature.size())
                        .arg(publicKey.size()));
    std::unique_ptr<EVP_MD_CTX, Free> context(EVP_MD_CTX_new());
    EVP_PKEY_CTX *keyContext = nullptr; // owned by context
    if (!context ||
        EVP_DigestVerifyInit_ex(context.get(), &keyContext,
                                signatureDigest(policy.asymmetricSignature), nullptr, nullptr,
                                publicKey.openSslKey(), nullptr) != 1 ||
        !setSignaturePadding(policy, keyContext))
        return fail(error, Status::BadInternalError,
                    QStringLiteral("verifying with %1 failed: %2")
                        .arg(QLatin1String(policy.asymmetricSignatureUri), openSslReason()));
    if (EVP_DigestVerify(context.get(), bytes(signature), size_t(signature.size()), bytes(data),
                         size_t(data.size())) != 1) {
        ERR_clear_error();
        return fail(error, Status::BadSecurityChecksFailed,
                    QStringLiteral("the %1 signature does not match the signed bytes")
                        .arg(policy.nameString()));
    }
    return true;
}

std::optional<QByteArray> asymmetricEncrypt(const SecurityPolicy &policy,
                                            const AsymmetricKey &publicKey,
                                            QByteArrayView plainText, CryptoError *error)
{
    if (!usableKey(policy, publicKey, false, error))
        return std::nullopt;
    const int blockSize = asymmetricPlainTextBlockSize(policy, publicKey);
    const int cipherBlockSize = asymmetricCipherTextBlockSize(publicKey);
    std::unique_ptr<EVP_PKEY_CTX, Free> context(
        EVP_PKEY_CTX_new_from_pkey(nullptr, publicKey.openSslKey(), nullptr));
    bool ok = context && EVP_PKEY_encrypt_init(context.get()) == 1 &&
              setEncryptionPadding(policy, context.get());
    const qsizetype blocks = (plainText.size() + blockSize - 1) / blockSize;
    QByteArray cipherText(blocks * cipherBlockSize, Qt::Uninitialized);
    for (qsizetype i = 0; ok && i < blocks; ++i) {
        const QByteArrayView block =
            plainText.sliced(i * blockSize)
                .first(qMin<qsizetype>(blockSize, plainText.size() - i * blockSize));
        size_t size = size_t(cipherBlockSize);
        ok = EVP_PKEY_encrypt(context.get(), bytes(cipherText) + i * cipherBlockSize, &size,
                              bytes(block), size_t(block.size())) == 1 &&
             size == size_t(cipherBlockSize);
    }
    if (!ok) {
        fail(error, Status::BadInternalError,
             QStringLiteral("encrypting with %1 failed: %2")
                 .arg(QLatin1String(policy.asymmetricEncryptionUri), openSslReason()));
        return std::nullopt;
    }
    return cipherText;
}

std::optional<QByteArray> asymmetricDecrypt(const SecurityPolicy &policy,
                                            const AsymmetricKey &privateKey,
                                            QByteArrayView cipherText, CryptoError *error)
{
    if (!usableKey(policy, privateKey, true, error))
        return std::nullopt;
    const int cipherBlockSize = asymmetricCipherTextBlockSize(privateKey);
    if (cipherText.isEmpty() || cipherText.size() % cipherBlockSize != 0) {
        fail(error, Status::BadSecurityChecksFailed,
             QStringLiteral("the cipher text of %1 bytes is not whole blocks of %2 bytes")
                 .arg(cipherText.size())
                 .arg(cipherBlockSize));
        return std::nullopt;
    }
    std::unique_ptr<EVP_PKEY_CTX, Free> context(
        EVP_PKEY_CTX_new_from_pkey(nullptr, privateKey.openSslKey(), nullptr));
    if (!context || EVP_PKEY_decrypt_init(context.get()) != 1 ||
        !setEncryptionPadding(policy, context.get())) {
        fail(error, Status::BadInternalError,
             QStringLiteral("decrypting with %1 failed: %2")
                 .arg(QLatin1String(policy.asymmetricEncryptionUri), openSslReason()));
        return std::nullopt;
    }
    const qsizetype blocks = cipherText.size() / cipherBlockSize;
    QByteArray plainText(cipherText.size(), Qt::Uninitialized);
    qsizetype written = 0;
    for (qsizetype i = 0; i < blocks; ++i) {
        size_t size = size_t(cipherBlockSize);
        if (EVP_PKEY_decrypt(context.get(), bytes(plainText) + written, &size,
                             bytes(cipherText) + i * cipherBlockSize,
                             size_t(cipherBlockSize)) != 1) {
            ERR_clear_error();
            fail(error, Status::BadSecurityChecksFailed,
                 QStringLiteral("block %1 of %2 does not decrypt with %3")
                     .arg(i + 1)
                     .arg(blocks)
                     .arg(QLatin1String(policy.asymmetricEncryptionUri)));
            return std::nullopt;
        }
        written += qsizetype(size);
    }
    plainText.truncate(written);
    return plainText;
}

} // namespace tandem::opcua
