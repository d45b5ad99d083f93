#pragma once

#include "opcua/client.h"
#include "pki/certificate.h"
#include "pki/certificatestatus.h"

#include <QString>

#include <memory>
#include <optional>

namespace tandem {

// How the console's own OPC UA connections (Browse OPC UA Servers, Browse Items) secure
// their channel: Tandem's own certificate from the state directory's pki/ (made on first
// use, as the engine's links do) and the server's certificate judged by the same trust
// list, so whatever the console trusts the engine trusts too (OPC 10000-4 §6.1.3). A
// certificate refused as unknown is kept, so the caller can offer the operator to trust
// it and connect again.
class ConsoleChannelSecurity final
{
public:
    // pairName: named in the copy to rejected/ only; may be empty.
    ConsoleChannelSecurity(const QString &stateDir, const QString &pairName);

    // The security for a connection to `url` with `setting`. false with *error when the
    // own certificate cannot be had (an unwritable state directory, a damaged key).
    bool clientSecurity(const opcua::SecuritySetting &setting, const QString &url,
                        opcua::ClientSecurity *security, QString *error);

    // The certificate the last check refused, with why; nullopt after a check that passed
    // or when the refusal named no certificate that parses.
    std::optional<pki::Certificate> refusedCertificate() const;
    pki::CertificateStatus refusedStatus() const;
    // Trusting helps only with an unknown certificate; an expired or mismatched one stays
    // refused however the operator answers.
    bool canOfferTrust() const;

private:
    struct Refusal
    {
        std::optional<pki::Certificate> certificate;
        pki::CertificateStatus status = pki::CertificateStatus::Good;
    };

    QString m_stateDir;
    QString m_pairName;
    std::shared_ptr<Refusal> m_refusal = std::make_shared<Refusal>();
};

} // namespace tandem
