#pragma once

#include "certificate.h"
#include "certificatestatus.h"

#include <QList>
#include <QString>

#include <optional>

namespace tandem {
class Clock;
}

namespace tandem::pki {

class PkiStore;

// Which side of a connection the certificate's owner is: a server's certificate must allow
// serverAuth, a client's clientAuth, where it lists extended key uses at all.
enum class PeerRole
{
    Server,
    Client,
};

struct ValidationOptions
{
    PeerRole peer = PeerRole::Server;
    QString expectedApplicationUri; // empty: not checked
    QString expectedHost;           // a host name or IP address; empty: not checked
    // BadCertificateHostNameInvalid is a warning a pair may waive (OPC 10000-4 §6.1.3): the
    // certificate then passes, and the result lists the waived code.
    bool waiveHostName = false;
    // The security policy's key length range in bits (0: no limit), and whether it still
    // accepts SHA-1 signatures; a certificate outside is BadCertificatePolicyCheckFailed.
    int minimumKeyBits = 0;
    int maximumKeyBits = 0;
    bool sha1SignatureAllowed = true;
    // Copy a certificate refused as unknown to rejected/certs for the operator to trust.
    bool storeRejected = true;
};

struct ValidationResult
{
    CertificateStatus status = CertificateStatus::Good;
    // What failed, naming the certificate by subject and thumbprint; empty when Good.
    QString message;
    // Warnings the options waived (BadCertificateHostNameInvalid).
    QList<CertificateStatus> waived;
    std::optional<Certificate> certificate; // the peer's own certificate, when it parsed
    QList<Certificate> chain;               // as built: the peer's first, its issuers after
    QString rejectedPath;                   // where the copy in rejected/certs went
    bool isGood() const { return status == CertificateStatus::Good; }
};

// Validates a peer's application instance certificate against the trust list, in the steps
// and order of OPC 10000-4 §6.1.3 (Table 106): structure, chain, signature, security policy,
// trust list, validity period, host name, URI, certificate usage, revocation lists found,
// revocation. The first step that fails gives the result. A certificate neither trusted
// itself nor issued by a trusted CA is copied to rejected/certs.
//
// The chain is built from the certificates the peer sent after its own, issuers/certs and
// trusted/certs. Each CA of the chain needs a revocation list (trusted/crl or issuers/crl):
// without one the certificate it issued is BadCertificateRevocationUnknown (its own
// certificate) or BadCertificateIssuerRevocationUnknown (a CA's).
class CertificateValidator final
{
public:
    CertificateValidator(const PkiStore &store, const Clock &clock);

    // `certificates`: DER, as OPC UA carries it, the peer's own certificate first and any
    // CA certificates after it (OPC 10000-6 §6.2.3).
    ValidationResult validate(const QByteArray &certificates,
                              const ValidationOptions &options) const;
    ValidationResult validate(const QList<Certificate> &chain,
                              const ValidationOptions &options) const;

private:
    const PkiStore &m_store;
    const Clock &m_clock;
};

} // namespace tandem::pki
