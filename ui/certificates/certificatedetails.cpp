#include "certificatedetails.h"

#include "pki/certificate.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>

namespace tandem {

QString CertificateDetails::groupedThumbprint(const QString &thumbprint)
{
    QStringList groups;
    for (qsizetype i = 0; i < thumbprint.size(); i += 4)
        groups.append(thumbprint.mid(i, 4));
    return groups.join(QLatin1Char(' '));
}

QString CertificateDetails::validUntil(const pki::CertificateInfo &info)
{
    return QLocale().toString(info.notAfter.toLocalTime().date(), QLocale::ShortFormat);
}

QString CertificateDetails::text(const pki::CertificateInfo &info)
{
    QStringList lines;
    const auto line = [&lines](const QString &label, const QString &value) {
        if (!value.isEmpty())
            lines.append(tr("%1: %2").arg(label, value));
    };
    const QLocale locale;
    line(tr("Subject"), info.subject);
    line(tr("Thumbprint (SHA-1)"), groupedThumbprint(info.thumbprint));
    line(tr("Application URI"), info.applicationUri);
    line(tr("Issuer"), info.selfSigned ? tr("%1 (self-signed)").arg(info.issuer) : info.issuer);
    line(tr("Valid from"), locale.toString(info.notBefore.toLocalTime(), QLocale::ShortFormat));
    line(tr("Valid until"), locale.toString(info.notAfter.toLocalTime(), QLocale::ShortFormat));
    if (info.notAfter.isValid() && info.notAfter < QDateTime::currentDateTimeUtc())
        lines.append(tr("This certificate has expired."));
    else if (info.notBefore.isValid() && info.notBefore > QDateTime::currentDateTimeUtc())
        lines.append(tr("This certificate is not valid yet."));
    line(tr("Host names"), info.dnsNames.join(QStringLiteral(", ")));
    line(tr("IP addresses"), info.ipAddresses.join(QStringLiteral(", ")));
    line(tr("Key"), tr("RSA %1 bits, %2").arg(info.keyBits).arg(info.signatureAlgorithm));
    line(tr("Serial number"), info.serialNumber);
    if (info.certificateAuthority)
        line(tr("Certificate authority"), tr("yes"));
    return lines.join(QLatin1Char('\n'));
}

} // namespace tandem
