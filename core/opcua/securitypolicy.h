#pragma once

// The RSA security policies of OPC 10000-7 (the SecurityPolicy profiles) with the
// parameters OPC 10000-6 §6.1 and §6.7 use: which algorithm signs and encrypts, key and
// block sizes, nonce length and the asymmetric key lengths a policy allows. Also the
// "POLICY:MODE" text ("Basic256Sha256:SignAndEncrypt", "None:None") the configuration and
// the command line use for a channel's security setting.

#include "config/opcuasecurity.h"
#include "securechannelservices.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>
#include <span>

namespace tandem::opcua {

// The policies by the names the configuration uses (config/opcuasecurity.h).
using SecurityPolicyId = tandem::UaSecurityPolicy;

enum class AsymmetricSignatureAlgorithm : quint8
{
    None,
    RsaPkcs1Sha1,   // RSA-PKCS1-v1_5-SHA1
    RsaPkcs1Sha256, // RSA-PKCS1-v1_5-SHA256
    RsaPssSha256,   // RSA-PSS-SHA256, MGF1-SHA256, salt of 32 bytes
};

enum class AsymmetricEncryptionAlgorithm : quint8
{
    None,
    RsaPkcs1,      // RSA-PKCS1-v1_5
    RsaOaepSha1,   // RSA-OAEP with SHA-1 and MGF1-SHA1
    RsaOaepSha256, // RSA-OAEP with SHA-256 and MGF1-SHA256
};

enum class SymmetricSignatureAlgorithm : quint8
{
    None,
    HmacSha1,
    HmacSha256,
};

enum class SymmetricEncryptionAlgorithm : quint8
{
    None,
    Aes128Cbc,
    Aes256Cbc,
};

enum class KeyDerivationAlgorithm : quint8
{
    None,
    PSha1,   // P_SHA1 of RFC 2246 §5
    PSha256, // P_SHA256 of RFC 5246 §5
};

enum class DigestAlgorithm : quint8
{
    None,
    Sha1,
    Sha256,
};

// One policy's parameters. Lengths are in bytes unless the name says bits.
struct SecurityPolicy
{
    SecurityPolicyId id;
    const char *name; // as OPC 10000-7 writes it: "Basic256Sha256"
    const char *uri;  // "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256"
    bool deprecated;  // Basic128Rsa15 and Basic256: only where explicitly allowed

    AsymmetricSignatureAlgorithm asymmetricSignature;
    const char *asymmetricSignatureUri; // SignatureData.algorithm (OPC 10000-4 §7.37)
    AsymmetricEncryptionAlgorithm asymmetricEncryption;
    const char *asymmetricEncryptionUri;  // UserIdentityToken.encryptionAlgorithm
    DigestAlgorithm certificateSignature; // the least digest a certificate must be signed with

    SymmetricSignatureAlgorithm symmetricSignature;
    int symmetricSignatureSize; // the HMAC's size: 20 (SHA-1) or 32 (SHA-256)
    SymmetricEncryptionAlgorithm symmetricEncryption;
    int symmetricBlockSize; // AES block, also the initialization vector's length

    KeyDerivationAlgorithm keyDerivation;
    int derivedSignatureKeyLength;  // the HMAC key (DerivedSignatureKeyLength)
    int derivedEncryptionKeyLength; // the AES key (EncryptionKeyLength)

    int nonceLength; // SecureChannelNonceLength
    int minAsymmetricKeyBits;
    int maxAsymmetricKeyBits;

    bool isNone() const { return id == SecurityPolicyId::None; }
    QString uriString() const { return QString::fromLatin1(uri); }
    QString nameString() const { return QString::fromLatin1(name); }
    // Length of the bytes P_hash must produce for one side's keys: signing key,
    // encrypting key and initialization vector (OPC 10000-6 §6.7.5).
    int derivedKeyMaterialLength() const
    {
        return derivedSignatureKeyLength + derivedEncryptionKeyLength + symmetricBlockSize;
    }
    // True for uri as it names this policy's asymmetric signature algorithm. Besides the
    // URI of OPC 10000-7, RSA-PSS-SHA256 is also accepted under the xmldsig-more URI some
    // stacks send.
    bool acceptsAsymmetricSignatureUri(QStringView uri) const;
};

// Every policy Tandem knows, None first.
std::span<const SecurityPolicy> securityPolicies();
const SecurityPolicy &securityPolicy(SecurityPolicyId id);
// nullptr when uri names no policy Tandem knows.
const SecurityPolicy *securityPolicyByUri(QStringView uri);
// By the spec's short name ("Basic256Sha256"), case-insensitive; nullptr when unknown.
const SecurityPolicy *securityPolicyByName(QStringView name);

// "None", "Sign", "SignAndEncrypt"; "Invalid" for MessageSecurityMode::Invalid.
QString messageSecurityModeName(MessageSecurityMode mode);
// Case-insensitive; nullopt for anything but the three names above.
std::optional<MessageSecurityMode> messageSecurityModeByName(QStringView name);

// A channel's security: a policy and a mode that go together (None only with None).
struct SecuritySetting
{
    SecurityPolicyId policy = SecurityPolicyId::None;
    MessageSecurityMode mode = MessageSecurityMode::None;

    const SecurityPolicy &securityPolicy() const { return opcua::securityPolicy(policy); }
    // "Basic256Sha256:SignAndEncrypt", "None:None".
    QString toString() const;

    // Reads "POLICY:MODE" with the spec's names. nullopt with *error naming what is
    // wrong: no colon, an unknown policy or mode (listing the known ones), or a policy
    // and mode that do not go together.
    static std::optional<SecuritySetting> parse(QStringView text, QString *error);

    // The same setting as the configuration holds it.
    static SecuritySetting from(const UaSecuritySetting &setting)
    {
        return {setting.policy, MessageSecurityMode(quint32(setting.mode))};
    }

    friend bool operator==(const SecuritySetting &, const SecuritySetting &) = default;
};

// "POLICY:MODE[,POLICY:MODE...]": at least one, none twice. nullopt with *error naming
// the entry that is wrong.
std::optional<QList<SecuritySetting>> parseSecuritySettings(QStringView text, QString *error);
QString securitySettingsToString(const QList<SecuritySetting> &settings);

} // namespace tandem::opcua
