#include "opcuasecurity.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace tandem {

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SecuritySetting)
};

struct PolicyName
{
    UaSecurityPolicy policy;
    const char *name;
};

// OPC 10000-7's names.
constexpr PolicyName Policies[] = {
    {UaSecurityPolicy::None, "None"},
    {UaSecurityPolicy::Basic128Rsa15, "Basic128Rsa15"},
    {UaSecurityPolicy::Basic256, "Basic256"},
    {UaSecurityPolicy::Basic256Sha256, "Basic256Sha256"},
    {UaSecurityPolicy::Aes128_Sha256_RsaOaep, "Aes128_Sha256_RsaOaep"},
    {UaSecurityPolicy::Aes256_Sha256_RsaPss, "Aes256_Sha256_RsaPss"},
};

struct ModeName
{
    UaSecurityMode mode;
    const char *name;
};

constexpr ModeName Modes[] = {
    {UaSecurityMode::None, "None"},
    {UaSecurityMode::Sign, "Sign"},
    {UaSecurityMode::SignAndEncrypt, "SignAndEncrypt"},
};

template <typename Table> QString knownNames(const Table &table)
{
    QStringList names;
    for (const auto &entry : table)
        names << QString::fromLatin1(entry.name);
    return names.join(QLatin1String(", "));
}

} // namespace

QString uaSecurityPolicyName(UaSecurityPolicy policy)
{
    for (const PolicyName &p : Policies)
        if (p.policy == policy)
            return QString::fromLatin1(p.name);
    return QString();
}

std::optional<UaSecurityPolicy> uaSecurityPolicyFromName(QStringView name)
{
    for (const PolicyName &p : Policies)
        if (name.compare(QLatin1String(p.name), Qt::CaseInsensitive) == 0)
            return p.policy;
    return std::nullopt;
}

bool isDeprecated(UaSecurityPolicy policy)
{
    return policy == UaSecurityPolicy::Basic128Rsa15 || policy == UaSecurityPolicy::Basic256;
}

QString uaSecurityModeName(UaSecurityMode mode)
{
    for (const ModeName &m : Modes)
        if (m.mode == mode)
            return QString::fromLatin1(m.name);
    return QStringLiteral("Invalid");
}

std::optional<UaSecurityMode> uaSecurityModeFromName(QStringView name)
{
    for (const ModeName &m : Modes)
        if (name.compare(QLatin1String(m.name), Qt::CaseInsensitive) == 0)
            return m.mode;
    return std::nullopt;
}

QString UaSecuritySetting::toString() const
{
    return uaSecurityPolicyName(policy) + QLatin1Char(':') + uaSecurityModeName(mode);
}

std::optional<UaSecuritySetting> UaSecuritySetting::parse(QStringView text, QString *error)
{
    const QStringView trimmed = text.trimmed();
    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        *error = Tr::tr("\"%1\" is not a security setting: write POLICY:MODE, e.g. "
                        "Basic256Sha256:SignAndEncrypt or None:None")
                     .arg(trimmed);
        return std::nullopt;
    }
    const QStringView policyName = trimmed.left(colon).trimmed();
    const QStringView modeName = trimmed.mid(colon + 1).trimmed();
    const auto policy = uaSecurityPolicyFromName(policyName);
    if (!policy) {
        *error = Tr::tr("unknown security policy \"%1\" in \"%2\"; known policies: %3")
                     .arg(policyName, trimmed, knownNames(Policies));
        return std::nullopt;
    }
    const auto mode = uaSecurityModeFromName(modeName);
    if (!mode) {
        *error = Tr::tr("unknown security mode \"%1\" in \"%2\"; known modes: %3")
                     .arg(modeName, trimmed, knownNames(Modes));
        return std::nullopt;
    }
    const bool nonePolicy = *policy == UaSecurityPolicy::None;
    if (nonePolicy != (*mode == UaSecurityMode::None)) {
        *error = nonePolicy
                     ? Tr::tr("\"%1\": the security policy None goes only with the mode None")
                           .arg(trimmed)
                     : Tr::tr("\"%1\": the security policy %2 needs the mode Sign or "
                              "SignAndEncrypt")
                           .arg(trimmed, uaSecurityPolicyName(*policy));
        return std::nullopt;
    }
    return UaSecuritySetting{*policy, *mode};
}

std::optional<QList<UaSecuritySetting>> parseUaSecuritySettings(QStringView text, QString *error)
{
    QList<UaSecuritySetting> settings;
    const QList<QStringView> entries = text.split(QLatin1Char(','));
    for (const QStringView entry : entries) {
        if (entry.trimmed().isEmpty()) {
            *error = Tr::tr("empty entry in the security settings \"%1\"").arg(text);
            return std::nullopt;
        }
        const auto setting = UaSecuritySetting::parse(entry, error);
        if (!setting)
            return std::nullopt;
        if (settings.contains(*setting)) {
            *error = Tr::tr("the security setting %1 is listed twice").arg(setting->toString());
            return std::nullopt;
        }
        settings.append(*setting);
    }
    return settings;
}

QString uaSecuritySettingsToString(const QList<UaSecuritySetting> &settings)
{
    QStringList texts;
    for (const UaSecuritySetting &s : settings)
        texts << s.toString();
    return texts.join(QLatin1Char(','));
}

OpcUaSecurity OpcUaSecurity::unsecured()
{
    OpcUaSecurity security;
    security.listen = {UaSecuritySetting{}};
    return security;
}

bool OpcUaSecurity::isThumbprint(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9A-Fa-f]{40}$"));
    return hex.match(text).hasMatch();
}

} // namespace tandem
