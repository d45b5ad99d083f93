#include "certificatevalidator.h"

#include "openssl_p.h"
#include "pkistore.h"
#include "revocationlist.h"

#include "base/clock.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace tandem::pki {

using namespace detail;

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CertificateValidator)
};

constexpr int MaxChainLength = 10;

QString label(const Certificate &certificate)
{
    return QStringLiteral("\"%1\" [%2]").arg(certificate.subject(), certificate.thumbprint());
}

bool contains(const QList<Certificate> &list, const Certificate &certificate)
{
    return std::any_of(list.begin(), list.end(),
                       [&](const Certificate &c) { return c == certificate; });
}

bool verifiedBy(const Certificate &child, const Certificate &issuer)
{
    EVP_PKEY *key = X509_get0_pubkey(issuer.handle());
    const bool verified = key && X509_verify(child.handle(), key) == 1;
    ERR_clear_error();
    return verified;
}

// The subject of `candidate` is the issuer of `child` and, where both name key
// identifiers, they agree.
bool namesIssuer(const Certificate &candidate, const Certificate &child)
{
    if (X509_NAME_cmp(X509_get_subject_name(candidate.handle()),
                      X509_get_issuer_name(child.handle())) != 0)
        return false;
    const ASN1_OCTET_STRING *authority = X509_get0_authority_key_id(child.handle());
    const ASN1_OCTET_STRING *subject = X509_get0_subject_key_id(candidate.handle());
    return !authority || !subject || ASN1_OCTET_STRING_cmp(authority, subject) == 0;
}

bool hostMatches(const Certificate &certificate, const QString &host)
{
    const QHostAddress address(host);
    if (!address.isNull()) {
        for (const QString &ip : certificate.ipAddresses())
            if (QHostAddress(ip).isEqual(address, QHostAddress::ConvertV4MappedToIPv4))
                return true;
        return false;
    }
    for (const QString &dns : certificate.dnsNames())
        if (dns.compare(host, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

// What a validation step found: the status and its message.
struct Failure
{
    CertificateStatus status;
    QString message;
};

} // namespace

CertificateValidator::CertificateValidator(const PkiStore &store, const Clock &clock)
    : m_store(store)
    , m_clock(clock)
{}

ValidationResult CertificateValidator::validate(const QByteArray &certificates,
                                                const ValidationOptions &options) const
{
    QString error;
    const auto chain = Certificate::chainFromDer(certificates, &error);
    if (!chain) {
        ValidationResult result;
        result.status = CertificateStatus::BadCertificateInvalid;
        result.message = Tr::tr("the peer's certificate cannot be read: %1").arg(error);
        return result;
    }
    return validate(*chain, options);
}

ValidationResult CertificateValidator::validate(const QList<Certificate> &presented,
                                                const ValidationOptions &options) const
{
    ValidationResult result;
    const auto fail = [&result](CertificateStatus status, const QString &message) {
        result.status = status;
        result.message = message;
        return result;
    };
    if (presented.isEmpty())
        return fail(CertificateStatus::BadCertificateInvalid, Tr::tr("no certificate"));
    const Certificate &leaf = presented.first();
    result.certificate = leaf;

    // Certificate structure.
    for (const Certificate &certificate : presented)
        if (certificate.hasInvalidStructure())
            return fail(CertificateStatus::BadCertificateInvalid,
                        Tr::tr("the certificate %1 is malformed (not X.509 version 3, or an "
                               "extension that cannot be decoded)")
                            .arg(label(certificate)));

    // Build the chain, and check each signature on the way.
    const QList<Certificate> trusted = m_store.certificates(PkiStore::List::Trusted);
    QList<Certificate> candidates = trusted + m_store.certificates(PkiStore::List::Issuers);
    candidates += presented.mid(1);
    QList<Certificate> &chain = result.chain;
    chain << leaf;
    const auto refuseUnknown = [&](CertificateStatus status, const QString &message) {
        if (options.storeRejected) {
            QString error;
            result.rejectedPath = m_store.storeRejected(leaf, &error);
            const QString stored =
                result.rejectedPath.isEmpty()
                    ? Tr::tr("it could not be copied to rejected/: %1").arg(error)
                    : Tr::tr("it was copied to %1").arg(result.rejectedPath);
            return fail(status, message + QLatin1String("; ") + stored);
        }
        return fail(status, message);
    };
    while (!chain.last().isSelfSigned()) {
        const Certificate current = chain.last();
        if (chain.size() >= MaxChainLength)
            return refuseUnknown(CertificateStatus::BadCertificateChainIncomplete,
                                 Tr::tr("the chain of %1 is longer than %2 certificates")
                                     .arg(label(leaf))
                                     .arg(MaxChainLength));
        bool named = false;
        std::optional<Certificate> issuer;
        for (const Certificate &candidate : candidates) {
            if (candidate == current || !namesIssuer(candidate, current))
                continue;
            named = true;
            if (verifiedBy(current, candidate)) {
                issuer = candidate;
                break;
            }
        }
        const bool selfIssued = X509_NAME_cmp(X509_get_subject_name(current.handle()),
                                              X509_get_issuer_name(current.handle())) == 0;
        if (!issuer && (named || selfIssued))
            return fail(CertificateStatus::BadCertificateInvalid,
                        Tr::tr("the signature of %1 does not verify with the key of its issuer "
                               "\"%2\"")
                            .arg(label(current), current.issuer()));
        if (!issuer)
            return refuseUnknown(CertificateStatus::BadCertificateChainIncomplete,
                                 Tr::tr("the issuer \"%1\" of %2 is in neither trusted/certs "
                                        "nor issuers/certs")
                                     .arg(current.issuer(), label(current)));
        if (contains(chain, *issuer))
            return refuseUnknown(CertificateStatus::BadCertificateChainIncomplete,
                                 Tr::tr("the chain of %1 runs in a circle").arg(label(leaf)));
        chain << *issuer;
    }

    // Security policy: the key length and signature algorithm the policy allows.
    const int bits = leaf.keyBits();
    if ((options.minimumKeyBits > 0 && bits < options.minimumKeyBits) ||
        (options.maximumKeyBits > 0 && bits > options.maximumKeyBits))
        return fail(CertificateStatus::BadCertificatePolicyCheckFailed,
                    Tr::tr("the key of %1 has %2 bits; the security policy asks for %3 to %4")
                        .arg(label(leaf))
                        .arg(bits)
                        .arg(options.minimumKeyBits)
                        .arg(options.maximumKeyBits));
    if (!options.sha1SignatureAllowed && leaf.signedWithSha1())
        return fail(CertificateStatus::BadCertificatePolicyCheckFailed,
                    Tr::tr("%1 is signed with SHA-1, which the security policy does not accept")
                        .arg(label(leaf)));

    // Trust list: the certificate itself or a CA of its chain is trusted.
    if (!std::any_of(chain.begin(), chain.end(),
                     [&](const Certificate &c) { return contains(trusted, c); }))
        return refuseUnknown(CertificateStatus::BadCertificateUntrusted,
                             Tr::tr("the certificate %1 is not trusted, nor is a CA of its "
                                    "chain")
                                 .arg(label(leaf)));

    // Validity period.
    const QDateTime now = m_clock.wallTime();
    for (qsizetype i = 0; i < chain.size(); ++i) {
        const Certificate &certificate = chain[i];
        if (certificate.isValidAt(now))
            continue;
        const QString period =
            Tr::tr("%1 is valid from %2 to %3, and it is %4")
                .arg(label(certificate), certificate.notBefore().toString(Qt::ISODate),
                     certificate.notAfter().toString(Qt::ISODate),
                     now.toUTC().toString(Qt::ISODate));
        return fail(i == 0 ? CertificateStatus::BadCertificateTimeInvalid
                           : CertificateStatus::BadCertificateIssuerTimeInvalid,
                    period);
    }

    // Host name: a warning the pair may waive.
    if (!options.expectedHost.isEmpty() && !hostMatches(leaf, options.expectedHost)) {
        if (!options.waiveHostName)
            return fail(CertificateStatus::BadCertificateHostNameInvalid,
                        Tr::tr("%1 names the hosts %2, not %3")
                            .arg(label(leaf),
                                 (leaf.dnsNames() + leaf.ipAddresses()).join(QLatin1String(", ")),
                                 options.expectedHost));
        result.waived << CertificateStatus::BadCertificateHostNameInvalid;
    }

    // URI: the ApplicationUri in the subjectAltName is the one the application claims.
    if (!options.expectedApplicationUri.isEmpty() &&
        leaf.applicationUri() != options.expectedApplicationUri)
        return fail(CertificateStatus::BadCertificateUriInvalid,
                    Tr::tr("%1 carries the ApplicationUri \"%2\", not \"%3\"")
                        .arg(label(leaf), leaf.applicationUri(), options.expectedApplicationUri));

    // Certificate usage: an application instance certificate signs and encrypts keys and
    // data (OPC 10000-6 §6.2.2); each CA of the chain signs certificates.
    constexpr quint32 ApplicationUses =
        KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT | KU_DATA_ENCIPHERMENT;
    const auto uses = leaf.keyUsage();
    if (uses && (*uses & ApplicationUses) != ApplicationUses)
        return fail(CertificateStatus::BadCertificateUseNotAllowed,
                    Tr::tr("the key usage of %1 does not allow digitalSignature, "
                           "keyEncipherment and dataEncipherment")
                        .arg(label(leaf)));
    const auto extendedUses = leaf.extendedKeyUsage();
    const quint32 role = options.peer == PeerRole::Server ? XKU_SSL_SERVER : XKU_SSL_CLIENT;
    if (extendedUses && !(*extendedUses & role))
        return fail(
            CertificateStatus::BadCertificateUseNotAllowed,
            options.peer == PeerRole::Server
                ? Tr::tr("the extended key usage of %1 does not allow serverAuth").arg(label(leaf))
                : Tr::tr("the extended key usage of %1 does not allow clientAuth")
                      .arg(label(leaf)));
    for (qsizetype i = 1; i < chain.size(); ++i) {
        const auto caUses = chain[i].keyUsage();
        if (!chain[i].isCertificateAuthority() || (caUses && !(*caUses & KU_KEY_CERT_SIGN)))
            return fail(CertificateStatus::BadCertificateIssuerUseNotAllowed,
                        Tr::tr("%1 issued %2 but is no CA allowed to sign certificates")
                            .arg(label(chain[i]), label(chain[i - 1])));
    }

    // Revocation: each CA of the chain has a revocation list, and it does not list the
    // certificate the CA issued. The newest list of a CA counts.
    const QList<RevocationList> lists = m_store.revocationLists();
    QList<RevocationList> found;
    for (qsizetype i = 0; i + 1 < chain.size(); ++i) {
        std::optional<RevocationList> newest;
        for (const RevocationList &list : lists)
            if (list.isIssuedBy(chain[i + 1]) &&
                (!newest || newest->thisUpdate() < list.thisUpdate()))
                newest = list;
        if (!newest)
            return fail(i == 0 ? CertificateStatus::BadCertificateRevocationUnknown
                               : CertificateStatus::BadCertificateIssuerRevocationUnknown,
                        Tr::tr("the CA %1 that issued %2 has no revocation list in trusted/crl "
                               "or issuers/crl")
                            .arg(label(chain[i + 1]), label(chain[i])));
        found << *newest;
    }
    for (qsizetype i = 0; i < found.size(); ++i)
        if (found[i].revokes(chain[i]))
            return fail(
                i == 0 ? CertificateStatus::BadCertificateRevoked
                       : CertificateStatus::BadCertificateIssuerRevoked,
                Tr::tr("%1 is revoked by its CA %2").arg(label(chain[i]), label(chain[i + 1])));
    return result;
}

} // namespace tandem::pki
