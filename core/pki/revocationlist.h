#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <openssl/types.h>

#include <memory>
#include <optional>

namespace tandem::pki {

class Certificate;

// A certificate revocation list (X.509 CRL) a CA issued, from trusted/crl or issuers/crl.
class RevocationList final
{
public:
    // A DER CRL or the first CRL of a PEM text.
    static std::optional<RevocationList> fromData(const QByteArray &bytes, QString *error);

    QByteArray der() const;
    QString issuer() const;
    QDateTime thisUpdate() const;
    QDateTime nextUpdate() const; // null when the CRL names none
    // The CRL names `ca` as its issuer and `ca`'s key verifies its signature.
    bool isIssuedBy(const Certificate &ca) const;
    // The CRL lists `certificate`'s serial number (a removeFromCRL entry does not count).
    bool revokes(const Certificate &certificate) const;

    X509_CRL *handle() const { return m_crl.get(); }

private:
    explicit RevocationList(std::shared_ptr<X509_CRL> crl);

    std::shared_ptr<X509_CRL> m_crl;
};

} // namespace tandem::pki
