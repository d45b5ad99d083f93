#include "revocationlist.h"

#include "certificate.h"
#include "openssl_p.h"

#include <QCoreApplication>

#include <openssl/pem.h>

namespace tandem::pki {

using namespace detail;

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevocationList)
};

} // namespace

RevocationList::RevocationList(std::shared_ptr<X509_CRL> crl)
    : m_crl(std::move(crl))
{}

std::optional<RevocationList> RevocationList::fromData(const QByteArray &bytes, QString *error)
{
    X509_CRL *crl = nullptr;
    if (isPem(bytes)) {
        const Owned<BIO> bio = memoryBio(bytes);
        crl = PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr);
    } else {
        const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
        crl = d2i_X509_CRL(nullptr, &data, long(bytes.size()));
    }
    if (!crl) {
        const QString reason = lastError();
        *error = reason.isEmpty() ? Tr::tr("not a certificate revocation list")
                                  : Tr::tr("not a certificate revocation list (%1)").arg(reason);
        return std::nullopt;
    }
    return RevocationList(std::shared_ptr<X509_CRL>(crl, X509_CRL_free));
}

QByteArray RevocationList::der() const
{
    unsigned char *der = nullptr;
    const int length = i2d_X509_CRL(m_crl.get(), &der);
    if (length <= 0)
        return {};
    QByteArray bytes(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return bytes;
}

QString RevocationList::issuer() const
{
    return nameText(X509_CRL_get_issuer(m_crl.get()));
}

QDateTime RevocationList::thisUpdate() const
{
    return toDateTime(X509_CRL_get0_lastUpdate(m_crl.get()));
}

QDateTime RevocationList::nextUpdate() const
{
    return toDateTime(X509_CRL_get0_nextUpdate(m_crl.get()));
}

bool RevocationList::isIssuedBy(const Certificate &ca) const
{
    if (X509_NAME_cmp(X509_CRL_get_issuer(m_crl.get()), X509_get_subject_name(ca.handle())) != 0)
        return false;
    EVP_PKEY *key = X509_get0_pubkey(ca.handle());
    const bool verified = key && X509_CRL_verify(m_crl.get(), key) == 1;
    ERR_clear_error();
    return verified;
}

bool RevocationList::revokes(const Certificate &certificate) const
{
    X509_REVOKED *entry = nullptr;
    return X509_CRL_get0_by_cert(m_crl.get(), &entry, certificate.handle()) == 1;
}

} // namespace tandem::pki
