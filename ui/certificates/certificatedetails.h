#pragma once

#include <QCoreApplication>
#include <QString>

namespace tandem::pki {
struct CertificateInfo;
}

namespace tandem {

// How the console writes out a certificate: the Certificates dialog's details pane and the
// untrusted-certificate dialog show the same lines, in the words `tandemctl cert show` uses.
class CertificateDetails final
{
    Q_DECLARE_TR_FUNCTIONS(CertificateDetails)

public:
    // "1A2B 3C4D …": the SHA-1 thumbprint in groups of four, easier to compare aloud with
    // what a server's own configuration shows.
    static QString groupedThumbprint(const QString &thumbprint);
    // One "label: value" line per detail that has a value.
    static QString text(const pki::CertificateInfo &info);
    // The last day it is valid, in the operator's locale.
    static QString validUntil(const pki::CertificateInfo &info);
};

} // namespace tandem
