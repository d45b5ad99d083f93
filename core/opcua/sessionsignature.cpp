#include "sessionsignature.h"

#include "pki/certificate.h"

#include <openssl/x509.h>

namespace tandem::opcua {

namespace {

bool refuse(CryptoError *error, const QString &message)
{
    if (error)
        *error = CryptoError{Status::BadApplicationSignatureInvalid, message};
    return false;
}

QByteArray joined(QByteArrayView certificate, QByteArrayView nonce)
{
    QByteArray data = certificate.toByteArray();
    data.append(nonce);
    return data;
}

} // namespace

std::optional<SignatureData> signSession(const SecurityPolicy &policy, const AsymmetricKey &ownKey,
                                         QByteArrayView certificate, QByteArrayView nonce,
                                         CryptoError *error)
{
    const auto signature = asymmetricSign(policy, ownKey, joined(certificate, nonce), error);
    if (!signature)
        return std::nullopt;
    return SignatureData{QString::fromLatin1(policy.asymmetricSignatureUri), *signature};
}

bool verifySessionSignature(const SecurityPolicy &policy, const QByteArray &signerCertificateChain,
                            const SignatureData &signature, QByteArrayView certificate,
                            QByteArrayView nonce, CryptoError *error)
{
    if (!policy.acceptsAsymmetricSignatureUri(signature.algorithm))
        return refuse(error, QStringLiteral("the session is signed with '%1', not with %2")
                                 .arg(signature.algorithm,
                                      QString::fromLatin1(policy.asymmetricSignatureUri)));
    QString reason;
    const auto chain = pki::Certificate::chainFromDer(signerCertificateChain, &reason);
    if (!chain || chain->isEmpty())
        return refuse(error,
                      QStringLiteral("the signer's certificate does not parse: %1").arg(reason));
    const AsymmetricKey key =
        AsymmetricKey::fromOpenSsl(X509_get0_pubkey(chain->constFirst().handle()));
    CryptoError failure;
    if (!asymmetricVerify(policy, key, joined(certificate, nonce), signature.signature, &failure))
        return refuse(
            error, QStringLiteral("the session signature does not match: %1").arg(failure.message));
    return true;
}

} // namespace tandem::opcua
