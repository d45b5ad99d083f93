#pragma once

// The asymmetric (RSA) cryptography of a secure channel (OPC 10000-6 §6.7.2 and §6.7.4):
// the OpenSecureChannel chunks are signed with the sender's private key and encrypted with
// the receiver's public key, block by block, under the policy's algorithms. The keys come
// from certificates elsewhere; here an AsymmetricKey is only an OpenSSL key to use.

#include "channelcrypto.h"

#include <QByteArray>
#include <QByteArrayView>

#include <openssl/types.h>

#include <memory>
#include <optional>

namespace tandem::opcua {

// An RSA key: a private key (which also holds its public half) or a public key alone.
// Copies share the one OpenSSL key.
class AsymmetricKey final
{
public:
    AsymmetricKey() = default;

    // A private key (PKCS#8 or traditional) or a public key (SubjectPublicKeyInfo), in PEM
    // or DER. A null key with *error (BadInternalError) when the bytes hold none.
    static AsymmetricKey fromPem(QByteArrayView pem, CryptoError *error);
    static AsymmetricKey fromDer(QByteArrayView der, CryptoError *error);
    // Shares key (takes a reference of its own), e.g. a certificate's public key.
    static AsymmetricKey fromOpenSsl(EVP_PKEY *key);

    bool isNull() const { return !m_key; }
    bool isRsa() const;
    bool hasPrivateKey() const;
    int bits() const;
    int size() const; // bytes of the modulus: the size of a signature or cipher text block
    EVP_PKEY *openSslKey() const { return m_key.get(); }

private:
    std::shared_ptr<EVP_PKEY> m_key;
};

// Whether key may be used under policy: an RSA key between the policy's
// MinAsymmetricKeyLength and MaxAsymmetricKeyLength (OPC 10000-7).
// BadCertificatePolicyCheckFailed naming the key's length otherwise, and
// BadSecurityPolicyRejected for the policy None.
bool checkAsymmetricKey(const SecurityPolicy &policy, const AsymmetricKey &key, CryptoError *error);

// A signature is as long as the signer's modulus.
int asymmetricSignatureSize(const AsymmetricKey &signerKey);
// The plain text one RSA block of the receiver's key carries under the policy's padding:
// the modulus less 11 bytes (PKCS#1 v1.5), 42 (OAEP-SHA1) or 66 (OAEP-SHA256).
int asymmetricPlainTextBlockSize(const SecurityPolicy &policy, const AsymmetricKey &receiverKey);
int asymmetricCipherTextBlockSize(const AsymmetricKey &receiverKey);
// An OpenSecureChannel chunk's sizes: signed with senderKey, encrypted for receiverKey.
EncryptionBlocks asymmetricBlocks(const SecurityPolicy &policy, const AsymmetricKey &senderKey,
                                  const AsymmetricKey &receiverKey);

// The policy's asymmetric signature of data with privateKey.
std::optional<QByteArray> asymmetricSign(const SecurityPolicy &policy,
                                         const AsymmetricKey &privateKey, QByteArrayView data,
                                         CryptoError *error);
// True when signature is publicKey's signature of data; BadSecurityChecksFailed otherwise.
bool asymmetricVerify(const SecurityPolicy &policy, const AsymmetricKey &publicKey,
                      QByteArrayView data, QByteArrayView signature, CryptoError *error);

// Encrypts plainText of any length for publicKey, one RSA block per
// asymmetricPlainTextBlockSize() bytes (the last may be shorter).
std::optional<QByteArray> asymmetricEncrypt(const SecurityPolicy &policy,
                                            const AsymmetricKey &publicKey,
                                            QByteArrayView plainText, CryptoError *error);
// Decrypts whole blocks of the modulus' size; BadSecurityChecksFailed for a cipher text
// that is not whole blocks or a block that does not decrypt.
std::optional<QByteArray> asymmetricDecrypt(const SecurityPolicy &policy,
                                            const AsymmetricKey &privateKey,
                                            QByteArrayView cipherText, CryptoError *error);

} // namespace tandem::opcua
