#pragma once

#include "certificate.h"
#include "revocationlist.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tandem::pki {

// The certificate store in the layout the OPC UA world shares (UaExpert, the OPC
// Foundation's stacks, node-opcua), under the state directory:
//
//   pki/own/certs        Tandem's application instance certificate (tandem.der)
//   pki/own/private      its private key (tandem.pem, mode 0600)
//   pki/trusted/certs    certificates trusted: applications, or CAs whose certificates are
//   pki/trusted/crl      revocation lists of the trusted CAs
//   pki/issuers/certs    CAs that complete a chain but are not trusted by themselves
//   pki/issuers/crl      their revocation lists
//   pki/rejected/certs   certificates refused as untrusted, for the operator to trust
//
// Every folder is 0700; files are written crash-safely (DurableFile). Certificates are kept
// as DER, named as UaExpert names them: "<CN> [<thumbprint>].der". The store reads the
// folders on each call, so certificates an operator copies in by hand count at once.
class PkiStore final
{
public:
    enum class Folder
    {
        OwnCerts,
        OwnPrivate,
        TrustedCerts,
        TrustedCrl,
        IssuerCerts,
        IssuerCrl,
        RejectedCerts,
    };
    enum class List
    {
        Trusted,
        Issuers,
        Rejected,
    };

    // One file of a list: its certificate, or why it cannot be read.
    struct Entry
    {
        QString path;
        std::optional<Certificate> certificate;
        QString error; // names the file; empty when the certificate was read
    };

    // How many certificates rejected/certs keeps; the oldest go first. A peer that
    // presents a new certificate on every connection must not fill the disk.
    static constexpr int MaxRejected = 100;

    explicit PkiStore(const QString &stateDir);

    QString root() const { return m_root; }
    QString path(Folder folder) const;
    // Creates the folders (0700), and tightens them when they exist with wider permissions.
    bool ensureLayout(QString *error) const;

    // Every file of a list in file-name order; a damaged one is an entry with its error
    // and does not stop the listing.
    QList<Entry> entries(List list) const;
    QList<Certificate> certificates(List list) const;
    // The revocation lists of trusted/crl and issuers/crl (damaged files are skipped).
    QList<RevocationList> revocationLists() const;
    std::optional<Entry> find(List list, const QString &thumbprint) const;

    // Trusts a certificate given as a file, or one of rejected/ by its thumbprint; it
    // leaves rejected/. Returns the certificate trusted.
    std::optional<Certificate> trust(const QString &thumbprintOrFile, QString *error) const;
    bool trustCertificate(const Certificate &certificate, QString *error) const;
    // A CA that completes chains without being trusted itself (issuers/certs).
    bool addIssuer(const Certificate &certificate, QString *error) const;
    // Files a CRL beside the CA (trusted or issuer) that signed it.
    bool addRevocationList(const QByteArray &bytes, QString *error) const;
    // Moves a trusted or issuer certificate to rejected/.
    std::optional<Certificate> reject(const QString &thumbprint, QString *error) const;
    // Deletes a certificate from every list that holds it.
    bool remove(const QString &thumbprint, QString *error) const;
    // Copies a refused certificate to rejected/certs (keeping at most MaxRejected); returns
    // its path, empty on error.
    QString storeRejected(const Certificate &certificate, QString *error) const;

    // {"trusted": [...], "issuers": [...], "rejected": [...]}: each entry is the
    // certificate's CertificateInfo::toJson() plus "file"; a damaged file is
    // {"file", "error"}.
    QJsonObject toJson() const;

    // "<CN> [<thumbprint>].der"
    static QString fileNameFor(const Certificate &certificate);

private:
    Folder certsFolder(List list) const;
    bool writeCertificate(Folder folder, const Certificate &certificate, QString *error) const;
    bool removeMatching(Folder folder, const QString &thumbprint, int *removed,
                        QString *error) const;
    QStringList files(Folder folder) const;

    QString m_root;
};

} // namespace tandem::pki
