#include "testcertificates.h"

#include <QFile>
#include <QMap>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <sys/stat.h>

namespace tandem::test {

namespace {

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

std::shared_ptr<EVP_PKEY> keyFor(int slot, int bits)
{
    static QMap<QPair<int, int>, std::shared_ptr<EVP_PKEY>> cache;
    if (slot >= 0 && cache.contains({slot, bits}))
        return cache.value({slot, bits});
    std::shared_ptr<EVP_PKEY> key(EVP_RSA_gen(unsigned(bits)), EVP_PKEY_free);
    Q_ASSERT(key);
    if (slot >= 0)
        cache.insert({slot, bits}, key);
    return key;
}

void addExtension(X509 *x509, X509 *issuer, int nid, const QString &value)
{
    if (value.isEmpty())
        return;
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, x509, nullptr, nullptr, 0);
    X509_EXTENSION *extension =
        X509V3_EXT_conf_nid(nullptr, &context, nid, value.toLatin1().constData());
    Q_ASSERT(extension);
    X509_add_ext(x509, extension, -1);
    X509_EXTENSION_free(extension);
}

void setName(X509_NAME *name, const QString &commonName)
{
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>("Tandem Tests"), -1, -1, 0);
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
}

} // namespace

CertificateSpec caSpec(const QString &commonName)
{
    CertificateSpec spec;
    spec.commonName = commonName;
    spec.uri.clear();
    spec.dns.clear();
    spec.keyUsage = QStringLiteral("critical,keyCertSign,cRLSign");
    spec.extendedKeyUsage.clear();
    spec.basicConstraints = QStringLiteral("critical,CA:TRUE");
    return spec;
}

TestCertificate makeCertificate(const CertificateSpec &spec)
{
    TestCertificate result;
    result.key = keyFor(spec.keySlot, spec.keyBits);
    std::shared_ptr<X509> x509(X509_new(), X509_free);
    X509_set_version(x509.get(), X509_VERSION_3);
    ASN1_INTEGER_set(X509_get_serialNumber(x509.get()), spec.serial);
    ASN1_TIME_set(X509_getm_notBefore(x509.get()), time_t(spec.notBefore.toSecsSinceEpoch()));
    ASN1_TIME_set(X509_getm_notAfter(x509.get()), time_t(spec.notAfter.toSecsSinceEpoch()));
    setName(X509_get_subject_name(x509.get()), spec.commonName);
    X509 *issuer = spec.issuer ? spec.issuer->x509.get() : x509.get();
    X509_set_issuer_name(x509.get(), X509_get_subject_name(issuer));
    X509_set_pubkey(x509.get(), result.key.get());

    QStringList alternatives;
    if (!spec.uri.isEmpty())
        alternatives << QStringLiteral("URI:") + spec.uri;
    for (const QString &dns : spec.dns)
        alternatives << QStringLiteral("DNS:") + dns;
    for (const QString &ip : spec.ips)
        alternatives << QStringLiteral("IP:") + ip;
    addExtension(x509.get(), issuer, NID_basic_constraints, spec.basicConstraints);
    addExtension(x509.get(), issuer, NID_key_usage, spec.keyUsage);
    addExtension(x509.get(), issuer, NID_ext_key_usage, spec.extendedKeyUsage);
    addExtension(x509.get(), issuer, NID_subject_key_identifier, QStringLiteral("hash"));
    if (spec.issuer)
        addExtension(x509.get(), issuer, NID_authority_key_identifier,
                     QStringLiteral("keyid:always"));
    addExtension(x509.get(), issuer, NID_subject_alt_name, alternatives.join(QLatin1Char(',')));
    EVP_PKEY *signer = spec.issuer ? spec.issuer->key.get() : result.key.get();
    const int signedBytes = X509_sign(x509.get(), signer, spec.sha1 ? EVP_sha1() : EVP_sha256());
    Q_ASSERT(signedBytes > 0);

    unsigned char *der = nullptr;
    const int length = i2d_X509(x509.get(), &der);
    result.der = QByteArray(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    BIO *pem = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(pem, x509.get());
    result.pem = bioBytes(pem);
    BIO_free(pem);
    BIO *keyPem = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(keyPem, result.key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    result.keyPem = bioBytes(keyPem);
    BIO_free(keyPem);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    X509_digest(x509.get(), EVP_sha1(), digest, &digestLength);
    result.thumbprint = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), int(digestLength)).toHex().toUpper());
    result.x509 = x509;
    return result;
}

QByteArray makeRevocationList(const TestCertificate &ca,
                              const QList<const TestCertificate *> &revoked,
                              const QDateTime &thisUpdate)
{
    X509_CRL *crl = X509_CRL_new();
    X509_CRL_set_version(crl, X509_CRL_VERSION_2);
    X509_CRL_set_issuer_name(crl, X509_get_subject_name(ca.x509.get()));
    ASN1_TIME *last = ASN1_TIME_set(nullptr, time_t(thisUpdate.toSecsSinceEpoch()));
    ASN1_TIME *next = ASN1_TIME_set(nullptr, time_t(thisUpdate.addDays(30).toSecsSinceEpoch()));
    X509_CRL_set1_lastUpdate(crl, last);
    X509_CRL_set1_nextUpdate(crl, next);
    for (const TestCertificate *certificate : revoked) {
        X509_REVOKED *entry = X509_REVOKED_new();
        X509_REVOKED_set_serialNumber(entry, X509_get_serialNumber(certificate->x509.get()));
        X509_REVOKED_set_revocationDate(entry, last);
        X509_CRL_add0_revoked(crl, entry);
    }
    ASN1_TIME_free(last);
    ASN1_TIME_free(next);
    X509_CRL_sort(crl);
    X509_CRL_sign(crl, ca.key.get(), EVP_sha256());
    unsigned char *der = nullptr;
    const int length = i2d_X509_CRL(crl, &der);
    QByteArray bytes(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    X509_CRL_free(crl);
    return bytes;
}

QByteArray makePkcs12(const TestCertificate &certificate, const QByteArray &password)
{
    PKCS12 *p12 = PKCS12_create(password.constData(), "tandem", certificate.key.get(),
                                certificate.x509.get(), nullptr, 0, 0, 0, 0, 0);
    Q_ASSERT(p12);
    unsigned char *der = nullptr;
    const int length = i2d_PKCS12(p12, &der);
    QByteArray bytes(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    PKCS12_free(p12);
    return bytes;
}

QByteArray encryptedKeyPem(const TestCertificate &certificate, const QByteArray &password)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PKCS8PrivateKey(bio, certificate.key.get(), EVP_aes_256_cbc(),
                                  password.constData(), int(password.size()), nullptr, nullptr);
    const QByteArray bytes = bioBytes(bio);
    BIO_free(bio);
    return bytes;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int fileMode(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

} // namespace tandem::test
