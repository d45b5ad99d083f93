#include "securitypolicy.h"

#include <QCoreApplication>
#include <QStringList>

namespace tandem::opcua {

namespace {

constexpr const char *RsaSha1Uri = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
constexpr const char *RsaSha256Uri = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
constexpr const char *RsaPssSha256Uri = "http://opcfoundation.org/UA/security/rsa-pss-sha2-256";
// The name some stacks (node-opcua among them) write into SignatureData for RSA-PSS-SHA256.
constexpr const char *RsaPssSha256XmlDsigUri =
    "http://www.w3.org/2001/04/xmldsig-more#rsa-pss-sha256";
constexpr const char *Rsa15Uri = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";
constexpr const char *RsaOaepUri = "http://www.w3.org/2001/04/xmlenc#rsa-oaep";
constexpr const char *RsaOaepSha256Uri = "http://opcfoundation.org/UA/security/rsa-oaep-sha2-256";

using AS = AsymmetricSignatureAlgorithm;
using AE = AsymmetricEncryptionAlgorithm;
using SS = SymmetricSignatureAlgorithm;
using SE = SymmetricEncryptionAlgorithm;
using KD = KeyDerivationAlgorithm;
using DA = DigestAlgorithm;

// OPC 10000-7: the SecurityPolicy profiles None, Basic128Rsa15, Basic256, Basic256Sha256,
// Aes128_Sha256_RsaOaep and Aes256_Sha256_RsaPss. Key lengths in bytes, asymmetric key
// limits in bits. Indexed by SecurityPolicyId.
constexpr SecurityPolicy Policies[] = {
    {SecurityPolicyId::None, "None", "http://opcfoundation.org/UA/SecurityPolicy#None", false,
     AS::None, "", AE::None, "", DA::None, SS::None, 0, SE::None, 0, KD::None, 0, 0, 0, 0, 0},
    {SecurityPolicyId::Basic128Rsa15, "Basic128Rsa15",
     "http://opcfoundation.org/UA/SecurityPolicy#Basic128Rsa15", true, AS::RsaPkcs1Sha1, RsaSha1Uri,
     AE::RsaPkcs1, Rsa15Uri, DA::Sha1, SS::HmacSha1, 20, SE::Aes128Cbc, 16, KD::PSha1, 16, 16, 16,
     1024, 2048},
    {SecurityPolicyId::Basic256, "Basic256", "http://opcfoundation.org/UA/SecurityPolicy#Basic256",
     true, AS::RsaPkcs1Sha1, RsaSha1Uri, AE::RsaOaepSha1, RsaOaepUri, DA::Sha1, SS::HmacSha1, 20,
     SE::Aes256Cbc, 16, KD::PSha1, 24, 32, 32, 1024, 2048},
    {SecurityPolicyId::Basic256Sha256, "Basic256Sha256",
     "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256", false, AS::RsaPkcs1Sha256,
     RsaSha256Uri, AE::RsaOaepSha1, RsaOaepUri, DA::Sha256, SS::HmacSha256, 32, SE::Aes256Cbc, 16,
     KD::PSha256, 32, 32, 32, 2048, 4096},
    {SecurityPolicyId::Aes128_Sha256_RsaOaep, "Aes128_Sha256_RsaOaep",
     "http://opcfoundation.org/UA/SecurityPolicy#Aes128_Sha256_RsaOaep", false, AS::RsaPkcs1Sha256,
     RsaSha256Uri, AE::RsaOaepSha1, RsaOaepUri, DA::Sha256, SS::HmacSha256, 32, SE::Aes128Cbc, 16,
     KD::PSha256, 32, 16, 32, 2048, 4096},
    {SecurityPolicyId::Aes256_Sha256_RsaPss, "Aes256_Sha256_RsaPss",
     "http://opcfoundation.org/UA/SecurityPolicy#Aes256_Sha256_RsaPss", false, AS::RsaPssSha256,
     RsaPssSha256Uri, AE::RsaOaepSha256, RsaOaepSha256Uri, DA::Sha256, SS::HmacSha256, 32,
     SE::Aes256Cbc, 16, KD::PSha256, 32, 32, 32, 2048, 4096},
};

constexpr bool tableIsIndexedById()
{
    for (std::size_t i = 0; i < std::size(Policies); ++i)
        if (std::size_t(Policies[i].id) != i)
            return false;
    return true;
}
static_assert(tableIsIndexedById(), "Policies must be in SecurityPolicyId order");

} // namespace

bool SecurityPolicy::acceptsAsymmetricSignatureUri(QStringView candidate) const
{
    if (candidate == QLatin1String(asymmetricSignatureUri))
        return true;
    return asymmetricSignature == AsymmetricSignatureAlgorithm::RsaPssSha256 &&
           candidate == QLatin1String(RsaPssSha256XmlDsigUri);
}

std::span<const SecurityPolicy> securityPolicies()
{
    return Policies;
}

const SecurityPolicy &securityPolicy(SecurityPolicyId id)
{
    return Policies[std::size_t(id)];
}

const SecurityPolicy *securityPolicyByUri(QStringView uri)
{
    for (const SecurityPolicy &p : Policies)
        if (uri == QLatin1String(p.uri))
            return &p;
    return nullptr;
}

const SecurityPolicy *securityPolicyByName(QStringView name)
{
    for (const SecurityPolicy &p : Policies)
        if (name.compare(QLatin1String(p.name), Qt::CaseInsensitive) == 0)
            return &p;
    return nullptr;
}

QString messageSecurityModeName(MessageSecurityMode mode)
{
    return uaSecurityModeName(UaSecurityMode(quint32(mode)));
}

std::optional<MessageSecurityMode> messageSecurityModeByName(QStringView name)
{
    if (const auto mode = uaSecurityModeFromName(name))
        return MessageSecurityMode(quint32(*mode));
    return std::nullopt;
}

QString SecuritySetting::toString() const
{
    return UaSecuritySetting{policy, UaSecurityMode(quint32(mode))}.toString();
}

std::optional<SecuritySetting> SecuritySetting::parse(QStringView text, QString *error)
{
    if (const auto setting = UaSecuritySetting::parse(text, error))
        return from(*setting);
    return std::nullopt;
}

std::optional<QList<SecuritySetting>> parseSecuritySettings(QStringView text, QString *error)
{
    const auto parsed = parseUaSecuritySettings(text, error);
    if (!parsed)
        return std::nullopt;
    QList<SecuritySetting> settings;
    for (const UaSecuritySetting &setting : *parsed)
        settings.append(SecuritySetting::from(setting));
    return settings;
}

QString securitySettingsToString(const QList<SecuritySetting> &settings)
{
    QStringList texts;
    for (const SecuritySetting &s : settings)
        texts << s.toString();
    return texts.join(QLatin1Char(','));
}

} // namespace tandem::opcua
