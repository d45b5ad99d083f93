#pragma once

// The security of an OPC UA pair's channels, as tandem.xml, tandemctl and the General tab
// name it: a security policy of OPC 10000-7 and a message security mode per link to a
// server, the policy/mode pairs the pair's endpoint offers its clients, and the pair's
// exceptions (deprecated policies, a host name that does not match). The text form is
// "POLICY:MODE" with the spec's names: "Basic256Sha256:SignAndEncrypt",
// "Aes256_Sha256_RsaPss:Sign", "None:None". The OPC UA stack (opcua/securitypolicy.h)
// holds what each policy means for the bytes.

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace tandem {

enum class UaSecurityPolicy : quint8
{
    None,
    Basic128Rsa15, // deprecated
    Basic256,      // deprecated
    Basic256Sha256,
    Aes128_Sha256_RsaOaep,
    Aes256_Sha256_RsaPss,
};

// The values of OPC UA's MessageSecurityMode (OPC 10000-4 §7.20).
enum class UaSecurityMode : quint8
{
    None = 1,
    Sign = 2,
    SignAndEncrypt = 3,
};

// "Basic256Sha256"
QString uaSecurityPolicyName(UaSecurityPolicy policy);
// Case-insensitive, by the spec's short name.
std::optional<UaSecurityPolicy> uaSecurityPolicyFromName(QStringView name);
// Basic128Rsa15 and Basic256: SHA-1 based, only on links to servers and only when the pair
// allows them.
bool isDeprecated(UaSecurityPolicy policy);
// "None", "Sign", "SignAndEncrypt"
QString uaSecurityModeName(UaSecurityMode mode);
std::optional<UaSecurityMode> uaSecurityModeFromName(QStringView name);

// A channel's security: a policy and a mode that go together (None only with None).
struct UaSecuritySetting
{
    UaSecurityPolicy policy = UaSecurityPolicy::None;
    UaSecurityMode mode = UaSecurityMode::None;

    bool isNone() const { return policy == UaSecurityPolicy::None; }
    QString toString() const; // "Basic256Sha256:SignAndEncrypt"

    // Reads "POLICY:MODE". nullopt with *error naming what is wrong: no colon, an unknown
    // policy or mode (listing the known ones), or a policy and mode that do not go together.
    static std::optional<UaSecuritySetting> parse(QStringView text, QString *error);

    friend bool operator==(const UaSecuritySetting &, const UaSecuritySetting &) = default;
};

// "POLICY:MODE[,POLICY:MODE...]": at least one, none twice.
std::optional<QList<UaSecuritySetting>> parseUaSecuritySettings(QStringView text, QString *error);
QString uaSecuritySettingsToString(const QList<UaSecuritySetting> &settings);

// The security of an OPC UA pair.
struct OpcUaSecurity
{
    // The link to one server: what it uses, and the certificate the server must present
    // (its SHA-1 thumbprint, learned when the operator first trusts it; empty: any
    // certificate the trust list accepts).
    struct Link
    {
        UaSecuritySetting setting;
        QString serverCertificate;

        friend bool operator==(const Link &, const Link &) = default;
    };

    Link primary, secondary;
    // What the pair's endpoint offers its clients, in order of preference. A new pair
    // offers Basic256Sha256 SignAndEncrypt; None only when chosen.
    QList<UaSecuritySetting> listen = {
        {UaSecurityPolicy::Basic256Sha256, UaSecurityMode::SignAndEncrypt}};
    // Basic128Rsa15 and Basic256 on the links to the servers (never on the endpoint).
    bool allowDeprecated = false;
    // A server certificate whose host names do not include the host the link connects to
    // is accepted (BadCertificateHostNameInvalid is a warning OPC 10000-4 §6.1.3 lets a
    // client waive); the certificate must still be trusted.
    bool waiveHostName = false;

    const Link &link(bool secondarySide) const { return secondarySide ? secondary : primary; }
    // What a tandem.xml pair without <opcua-security> had before security existed: None
    // everywhere, so an existing installation keeps working as it did.
    static OpcUaSecurity unsecured();
    // "1A2B..." : 40 hexadecimal digits, as the thumbprints of certificates are written.
    static bool isThumbprint(const QString &text);

    friend bool operator==(const OpcUaSecurity &, const OpcUaSecurity &) = default;
};

} // namespace tandem
