#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <openssl/types.h>

#include <memory>
#include <optional>

namespace tandem::pki {

// What an operator or a script sees of a certificate: the details pane, and each entry of
// the trust lists as `tandemctl cert list --json` prints them.
struct CertificateInfo
{
    QString thumbprint; // SHA-1 of the DER bytes, upper-case hex, as OPC UA tools show it
    QString subject;    // "CN=Tandem@host, O=Tandem"
    QString commonName;
    QString issuer;
    QDateTime notBefore; // UTC
    QDateTime notAfter;  // UTC
    QString applicationUri;
    QStringList dnsNames;
    QStringList ipAddresses;
    int keyBits = 0;
    QString signatureAlgorithm; // "sha256WithRSAEncryption"
    QString serialNumber;       // hex
    bool selfSigned = false;
    bool certificateAuthority = false;

    // Keys: thumbprint, subject, issuer, not-before, not-after (ISO 8601, UTC),
    // application-uri, dns, ip, key-bits, signature-algorithm, serial, self-signed, ca.
    QJsonObject toJson() const;
};

// An X.509 certificate, parsed once and shared (copies are cheap and immutable).
class Certificate final
{
public:
    // A DER certificate, or the first certificate of a PEM text.
    static std::optional<Certificate> fromData(const QByteArray &bytes, QString *error);
    static std::optional<Certificate> fromFile(const QString &path, QString *error);
    // An OPC UA certificate chain: DER certificates one after the other, the application's
    // own first (OPC 10000-6 §6.2.3). A single certificate is a chain of one.
    static std::optional<QList<Certificate>> chainFromDer(const QByteArray &bytes, QString *error);

    const QByteArray &der() const { return m_der; }
    QByteArray pem() const;
    QString thumbprint() const;
    QString subject() const;
    QString commonName() const;
    QString issuer() const;
    QDateTime notBefore() const;
    QDateTime notAfter() const;
    bool isValidAt(const QDateTime &time) const;
    // The first URI of the subjectAltName: an OPC UA application's ApplicationUri.
    QString applicationUri() const;
    QStringList dnsNames() const;
    QStringList ipAddresses() const;
    int keyBits() const;
    bool hasRsaKey() const;
    QString signatureAlgorithm() const;
    bool signedWithSha1() const;
    // The keyUsage bits (OpenSSL's KU_* values); nullopt when the extension is absent.
    std::optional<quint32> keyUsage() const;
    // The extendedKeyUsage bits (OpenSSL's XKU_* values); nullopt when absent.
    std::optional<quint32> extendedKeyUsage() const;
    // basicConstraints cA = TRUE.
    bool isCertificateAuthority() const;
    // Subject and issuer name are the same and the certificate's own key verifies it.
    bool isSelfSigned() const;
    // OpenSSL found an extension it could not decode, or the version is not 3.
    bool hasInvalidStructure() const;
    CertificateInfo info() const;

    // For OpenSSL calls; owned by this object.
    X509 *handle() const { return m_x509.get(); }

    bool operator==(const Certificate &other) const { return m_der == other.m_der; }

private:
    Certificate(std::shared_ptr<X509> x509, QByteArray der);

    std::shared_ptr<X509> m_x509;
    QByteArray m_der;
};

// "CN=Tandem@host, O=Tandem": the most specific part first, as RFC 4514 writes names.
QString nameText(const X509_NAME *name);
// A thumbprint as typed by an operator, normalised ("ab:cd ..." → "ABCD..."); empty when it
// is no SHA-1 thumbprint.
QString normalizedThumbprint(const QString &text);

} // namespace tandem::pki
