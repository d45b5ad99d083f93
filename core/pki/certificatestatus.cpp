#include "certificatestatus.h"

#include <utility>

namespace tandem::pki {

QString statusName(CertificateStatus status)
{
#define TANDEM_PKI_STATUS_NAME(name, value) {CertificateStatus::name, #name},
    static const std::pair<CertificateStatus, const char *> names[] = {
        {CertificateStatus::Good, "Good"}, TANDEM_PKI_STATUS_CODES(TANDEM_PKI_STATUS_NAME)};
#undef TANDEM_PKI_STATUS_NAME
    for (const auto &[code, name] : names)
        if (code == status)
            return QLatin1String(name);
    return QStringLiteral("0x") +
           QString::number(quint32(status), 16).toUpper().rightJustified(8, QLatin1Char('0'));
}

CertificateStatus statusForPeer(CertificateStatus status)
{
    switch (status) {
    case CertificateStatus::BadCertificateUntrusted:
    case CertificateStatus::BadCertificateChainIncomplete:
    case CertificateStatus::BadCertificateInvalid:
        return CertificateStatus::BadSecurityChecksFailed;
    default:
        return status;
    }
}

} // namespace tandem::pki
