#pragma once

// Certificates, revocation lists and PKCS#12 files the pki tests make at run time with
// OpenSSL's own API, independently of core/pki's code, so a test never checks the product
// against certificates the product made.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <openssl/types.h>

#include <memory>

namespace tandem::test {

// A certificate with its key, as DER and PEM.
struct TestCertificate
{
    std::shared_ptr<X509> x509;
    std::shared_ptr<EVP_PKEY> key;
    QByteArray der;
    QByteArray pem;
    QByteArray keyPem;
    // The SHA-1 thumbprint, computed here with OpenSSL (upper-case hex).
    QString thumbprint;
};

struct CertificateSpec
{
    QString commonName = QStringLiteral("Test Server");
    QString uri = QStringLiteral("urn:testhost:server");
    QStringList dns = {QStringLiteral("testhost")};
    QStringList ips;
    // Around the ManualClock's wall time at its start (2027-01-15).
    QDateTime notBefore = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    QDateTime notAfter = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
    // OpenSSL configuration strings; empty: no such extension.
    QString keyUsage = QStringLiteral(
        "critical,digitalSignature,nonRepudiation,keyEncipherment,dataEncipherment,keyCertSign");
    QString extendedKeyUsage = QStringLiteral("serverAuth,clientAuth");
    QString basicConstraints = QStringLiteral("critical,CA:FALSE");
    const TestCertificate *issuer = nullptr; // null: self-signed
    int keyBits = 2048;
    // Sign with SHA-1 instead of SHA-256.
    bool sha1 = false;
    // Which cached key to use: certificates with the same slot share a key (key generation
    // under the sanitizers is slow). -1: a fresh key.
    int keySlot = -1;
    long serial = 1;
};

// A CA's spec: CA:TRUE, keyCertSign and cRLSign, no subjectAltName.
CertificateSpec caSpec(const QString &commonName);

TestCertificate makeCertificate(const CertificateSpec &spec);
// A CRL of `ca` listing `revoked` (their serial numbers).
QByteArray makeRevocationList(const TestCertificate &ca,
                              const QList<const TestCertificate *> &revoked,
                              const QDateTime &thisUpdate);
QByteArray makePkcs12(const TestCertificate &certificate, const QByteArray &password);
// The key as PKCS#8 PEM encrypted with AES-256 and `password`.
QByteArray encryptedKeyPem(const TestCertificate &certificate, const QByteArray &password);

// Files the pki tests write and inspect.
void writeFile(const QString &path, const QByteArray &bytes);
QByteArray readFile(const QString &path); // empty when it cannot be read
int fileMode(const QString &path);        // the permission bits; -1 when it is missing

} // namespace tandem::test
