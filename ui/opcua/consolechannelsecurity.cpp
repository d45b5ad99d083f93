#include "consolechannelsecurity.h"

#include "opcua/localpki.h"
#include "opcua/securitypolicy.h"

#include <QCoreApplication>
#include <QUrl>

namespace tandem {

ConsoleChannelSecurity::ConsoleChannelSecurity(const QString &stateDir, const QString &pairName)
    : m_stateDir(stateDir)
    , m_pairName(pairName)
{}

bool ConsoleChannelSecurity::clientSecurity(const opcua::SecuritySetting &setting,
                                            const QString &url, opcua::ClientSecurity *security,
                                            QString *error)
{
    *m_refusal = {};
    security->setting = setting;
    if (setting.policy == opcua::SecurityPolicyId::None)
        return true;
    if (m_stateDir.isEmpty()) {
        *error = QCoreApplication::translate("tandem::ConsoleChannelSecurity",
                                             "no state directory holds Tandem's certificates");
        return false;
    }
    // No event log: the console reports a refusal itself, and the engine posts its own
    // when its links meet the certificate.
    auto pki = std::make_shared<opcua::LocalPki>(m_stateDir, nullptr);
    QString reason;
    const auto own = pki->own(&reason);
    if (!own) {
        *error = QCoreApplication::translate("tandem::ConsoleChannelSecurity",
                                             "Tandem's own certificate cannot be used: %1")
                     .arg(reason);
        return false;
    }
    security->ownCertificate = own->certificate().der();
    security->ownKey = opcua::AsymmetricKey::fromOpenSsl(own->privateKey().handle());
    security->checkServerCertificate = [pki, refusal = m_refusal, setting, host = QUrl(url).host(),
                                        url, pair = m_pairName](
                                           const QByteArray &certificate,
                                           const opcua::EndpointDescription &endpoint) {
        const opcua::SecurityPolicy &policy = setting.securityPolicy();
        pki::ValidationOptions options;
        options.peer = pki::PeerRole::Server;
        options.expectedApplicationUri = endpoint.server.applicationUri;
        options.expectedHost = host;
        options.minimumKeyBits = policy.minAsymmetricKeyBits;
        options.maximumKeyBits = policy.maxAsymmetricKeyBits;
        options.sha1SignatureAllowed = policy.deprecated;
        const pki::ValidationResult result = pki->validate(certificate, options, pair, url);
        if (result.isGood())
            return opcua::CallStatus{};
        refusal->status = result.status;
        refusal->certificate = result.certificate;
        return opcua::CallStatus{opcua::StatusCode{pki::statusCode(result.status)}, result.message};
    };
    return true;
}

std::optional<pki::Certificate> ConsoleChannelSecurity::refusedCertificate() const
{
    return m_refusal->certificate;
}

pki::CertificateStatus ConsoleChannelSecurity::refusedStatus() const
{
    return m_refusal->status;
}

bool ConsoleChannelSecurity::canOfferTrust() const
{
    return m_refusal->certificate &&
           m_refusal->status == pki::CertificateStatus::BadCertificateUntrusted;
}

} // namespace tandem
