#pragma once

// The results of certificate validation (OPC 10000-4 §6.1.3, Table 106), with their OPC UA
// status code values (OPC 10000-4 §7.39, StatusCode.csv). The pki folder stands below opcua
// in the layers, so it names these codes itself; the numbers are the ones on the wire, so
// the OPC UA stack passes them on as they are.

#include <QString>

namespace tandem::pki {

#define TANDEM_PKI_STATUS_CODES(X)                                                                 \
    X(BadCertificateInvalid, 0x80120000)                                                           \
    X(BadSecurityChecksFailed, 0x80130000)                                                         \
    X(BadCertificateTimeInvalid, 0x80140000)                                                       \
    X(BadCertificateIssuerTimeInvalid, 0x80150000)                                                 \
    X(BadCertificateHostNameInvalid, 0x80160000)                                                   \
    X(BadCertificateUriInvalid, 0x80170000)                                                        \
    X(BadCertificateUseNotAllowed, 0x80180000)                                                     \
    X(BadCertificateIssuerUseNotAllowed, 0x80190000)                                               \
    X(BadCertificateUntrusted, 0x801A0000)                                                         \
    X(BadCertificateRevocationUnknown, 0x801B0000)                                                 \
    X(BadCertificateIssuerRevocationUnknown, 0x801C0000)                                           \
    X(BadCertificateRevoked, 0x801D0000)                                                           \
    X(BadCertificateIssuerRevoked, 0x801E0000)                                                     \
    X(BadCertificateChainIncomplete, 0x810D0000)                                                   \
    X(BadCertificatePolicyCheckFailed, 0x81140000)

enum class CertificateStatus : quint32
{
    Good = 0,
#define TANDEM_PKI_STATUS_ENUM(name, value) name = value,
    TANDEM_PKI_STATUS_CODES(TANDEM_PKI_STATUS_ENUM)
#undef TANDEM_PKI_STATUS_ENUM
};

// "BadCertificateUntrusted", "Good".
QString statusName(CertificateStatus status);
// What a server answers a client whose certificate it refused (OpenSecureChannel,
// ActivateSession): an unknown or badly signed certificate learns nothing of what the trust
// list holds, so BadCertificateUntrusted, BadCertificateChainIncomplete and
// BadCertificateInvalid become BadSecurityChecksFailed (OPC 10000-4 §6.1.3, Table 106); the
// others, which the client can act on (an expired certificate, a wrong URI), pass as they are.
// The server's own log and events keep the precise status.
CertificateStatus statusForPeer(CertificateStatus status);
// The numeric OPC UA status code.
constexpr quint32 statusCode(CertificateStatus status)
{
    return quint32(status);
}

} // namespace tandem::pki
