#pragma once

// The encrypted secret of a UserNameIdentityToken (OPC 10000-4, 7.41.2.2 and 7.36.2.2):
// servers that offer user names on an unsecured endpoint mostly want the password
// encrypted with their certificate's public key under a security policy's asymmetric
// algorithm, so that it never crosses the network in clear text.

#include <QByteArray>
#include <QString>

#include <optional>

namespace tandem::opcua {

struct EncryptedSecret
{
    QByteArray data;   // the token's password field
    QString algorithm; // the token's encryptionAlgorithm URI
};

// True when policyUri names a policy whose user token encryption Tandem can do:
// Basic128Rsa15 (RSA PKCS#1 v1.5), Basic256, Basic256Sha256, Aes128_Sha256_RsaOaep
// (RSA-OAEP with SHA-1) and Aes256_Sha256_RsaPss (RSA-OAEP with SHA-256).
bool canEncryptUserToken(const QString &policyUri);

// Encrypts length (UInt32) + secret + serverNonce with the public key of the DER
// certificate, block by block as the key size requires. nullopt with *error set when the
// certificate or policy is unusable.
std::optional<EncryptedSecret>
encryptUserTokenSecret(const QByteArray &derCertificate, const QString &policyUri,
                       const QByteArray &secret, const QByteArray &serverNonce, QString *error);

} // namespace tandem::opcua
