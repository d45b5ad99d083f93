#include "usertoken.h"

#include "asymmetriccrypto.h"
#include "binarycodec.h"

#include <QCoreApplication>

#include <openssl/x509.h>

#include <memory>

namespace tandem::opcua {

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(UserToken)
};

// The policy whose asymmetric encryption a user token policy names; None and unknown URIs
// have none.
const SecurityPolicy *encryptingPolicy(const QString &policyUri)
{
    const SecurityPolicy *policy = securityPolicyByUri(policyUri);
    return policy && !policy->isNone() ? policy : nullptr;
}

struct Free
{
    void operator()(X509 *p) const { X509_free(p); }
};

} // namespace

bool canEncryptUserToken(const QString &policyUri)
{
    return encryptingPolicy(policyUri) != nullptr;
}

std::optional<EncryptedSecret> encryptUserTokenSecret(const QByteArray &derCertificate,
                                                      const QString &policyUri,
                                                      const QByteArray &secret,
                                                      const QByteArray &serverNonce, QString *error)
{
    const SecurityPolicy *policy = encryptingPolicy(policyUri);
    if (!policy) {
        *error = Tr::tr("the security policy %1 is not one Tandem can encrypt a password for")
                     .arg(policyUri);
        return std::nullopt;
    }
    if (derCertificate.isEmpty()) {
        *error = Tr::tr("the server sent no certificate to encrypt the password with");
        return std::nullopt;
    }
    const auto *der = reinterpret_cast<const unsigned char *>(derCertificate.constData());
    std::unique_ptr<X509, Free> certificate(d2i_X509(nullptr, &der, derCertificate.size()));
    if (!certificate) {
        *error = Tr::tr("the server's certificate is not a valid X.509 certificate");
        return std::nullopt;
    }
    const AsymmetricKey key = AsymmetricKey::fromOpenSsl(X509_get0_pubkey(certificate.get()));
    if (key.isNull() || !key.isRsa()) {
        *error = Tr::tr("the server's certificate holds no RSA key");
        return std::nullopt;
    }
    Writer plain;
    plain.writeUInt32(quint32(secret.size() + serverNonce.size()));
    plain.writeRaw(secret);
    plain.writeRaw(serverNonce);
    CryptoError failure;
    const auto encrypted = asymmetricEncrypt(*policy, key, plain.data(), &failure);
    if (!encrypted) {
        *error = Tr::tr("encrypting the password failed") + QLatin1String(": ") + failure.message;
        return std::nullopt;
    }
    return EncryptedSecret{*encrypted, QString::fromLatin1(policy->asymmetricEncryptionUri)};
}

} // namespace tandem::opcua
