// The certificate store under the state directory (pki/...), Tandem's own application
// instance certificate (create, renew, import) and the trust list operations that
// `tandemctl cert` and the console's certificate dialog will call. Certificates from
// outside are made here with OpenSSL's own API (testcertificates.h), and the own
// certificate's fields are read back with that API too, not with core/pki's accessors.
#include "testcertificates.h"

#include "base/clock.h"
#include "pki/applicationcertificate.h"
#include "pki/certificatevalidator.h"
#include "pki/pkistore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <sys/stat.h>

using namespace tandem;
using namespace tandem::pki;
using namespace tandem::test;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(bytes);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

// The suffixes of the old and the new pair's files; nullptr: that file is absent.
QStringList pairFiles(const char *old, const char *fresh)
{
    return {old ? QString::fromLatin1(old) : QString(),
            fresh ? QString::fromLatin1(fresh) : QString()};
}

ApplicationCertificateRequest request()
{
    ApplicationCertificateRequest request;
    request.host = QStringLiteral("scada-01");
    request.ipAddresses = {QStringLiteral("10.1.2.3"), QStringLiteral("fd00::3")};
    return request;
}

// Alternative names of one type, read with OpenSSL directly.
QStringList alternativeNames(X509 *x509, int type)
{
    QStringList names;
    auto *all = static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(x509, NID_subject_alt_name, nullptr, nullptr));
    for (int i = 0; all && i < sk_GENERAL_NAME_num(all); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(all, i);
        if (name->type != type)
            continue;
        const ASN1_STRING *value = name->d.ia5;
        names << QString::fromLatin1(
            type == GEN_IPADD
                ? QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(value)),
                             ASN1_STRING_length(value))
                      .toHex()
                : QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(value)),
                             ASN1_STRING_length(value)));
    }
    GENERAL_NAMES_free(all);
    return names;
}

} // namespace

class TestPki final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void layoutIsCreatedPrivate();
    void ownCertificateIsCreatedOnFirstUse();
    void ownCertificateFields();
    void ownCertificatePassesValidation();
    void privateKeyPermissions();
    void renewKeepsWorkingState();
    void interruptedInstallRecovers_data();
    void interruptedInstallRecovers();
    void unusableKeyIsNeverOverwritten();
    void importPemAndKey();
    void importDer();
    void importEncryptedKey();
    void importPkcs12();
    void importRefusesMismatchedKey();
    void importRefusesCertificateWithoutUri();
    void importRefusesExpired();
    void trustOperations();
    void trustFromFile();
    void addIssuerAndRevocationList();
    void corruptFileIsReportedByName();
    void listJson();
    void rejectedIsCapped();
    void rejectedFileNameIsSafe();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PkiStore> m_store;
    ManualClock m_clock;
    QString m_error;
};

void TestPki::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<PkiStore>(m_dir->filePath(QStringLiteral("state")));
    m_clock.setWall(QDateTime(QDate(2027, 1, 15), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
    m_error.clear();
}

void TestPki::layoutIsCreatedPrivate()
{
    QVERIFY2(m_store->ensureLayout(&m_error), qPrintable(m_error));
    const QString pki = m_dir->filePath(QStringLiteral("state/pki"));
    QCOMPARE(m_store->root(), pki);
    for (const char *folder :
         {"", "/own", "/own/certs", "/own/private", "/trusted", "/trusted/certs", "/trusted/crl",
          "/issuers", "/issuers/certs", "/issuers/crl", "/rejected", "/rejected/certs"}) {
        const QString path = pki + QLatin1String(folder);
        QVERIFY2(QFileInfo(path).isDir(), qPrintable(path));
        QCOMPARE(modeOf(path), 0700);
    }
    QCOMPARE(m_store->path(PkiStore::Folder::IssuerCrl), pki + QLatin1String("/issuers/crl"));

    // A folder someone opened up is closed again.
    QVERIFY(::chmod(QFile::encodeName(pki + QLatin1String("/own/private")).constData(), 0755) == 0);
    QVERIFY(m_store->ensureLayout(&m_error));
    QCOMPARE(modeOf(pki + QLatin1String("/own/private")), 0700);

    // The key's folder must be a real folder, never a link somewhere else.
    QVERIFY(QDir(pki + QLatin1String("/own/private")).removeRecursively());
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("elsewhere"))));
    QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("elsewhere")),
                        pki + QLatin1String("/own/private")));
    QVERIFY(!m_store->ensureLayout(&m_error));
    QVERIFY2(m_error.contains(QLatin1String("own/private")), qPrintable(m_error));
}

void TestPki::ownCertificateIsCreatedOnFirstUse()
{
    QVERIFY(!ApplicationCertificate::load(*m_store, &m_error));
    QVERIFY2(m_error.isEmpty(), qPrintable(m_error)); // none yet is no error

    const auto created =
        ApplicationCertificate::loadOrCreate(*m_store, request(), m_clock, &m_error);
    QVERIFY2(created, qPrintable(m_error));
    QCOMPARE(created->applicationUri(), QStringLiteral("urn:scada-01:tandem"));
    QCOMPARE(readFile(ApplicationCertificate::certificatePath(*m_store)),
             created->certificate().der());
    QCOMPARE(ApplicationCertificate::certificatePath(*m_store),
             m_store->root() + QLatin1String("/own/certs/tandem.der"));
    QCOMPARE(ApplicationCertificate::keyPath(*m_store),
             m_store->root() + QLatin1String("/own/private/tandem.pem"));

    // The second use loads the same certificate and key.
    const auto again = ApplicationCertificate::loadOrCreate(*m_store, request(), m_clock, &m_error);
    QVERIFY2(again, qPrintable(m_error));
    QCOMPARE(again->certificate().thumbprint(), created->certificate().thumbprint());
    QCOMPARE(again->privateKey().pem(), created->privateKey().pem());
    QVERIFY(again->privateKey().matches(again->certificate()));
    QCOMPARE(QDir(m_store->path(PkiStore::Folder::OwnCerts)).entryList(QDir::Files),
             QStringList{QStringLiteral("tandem.der")});
}

void TestPki::ownCertificateFields()
{
    const auto own = ApplicationCertificate::loadOrCreate(*m_store, request(), m_clock, &m_error);
    QVERIFY2(own, qPrintable(m_error));
    const QByteArray der = readFile(ApplicationCertificate::certificatePath(*m_store));
    const auto *data = reinterpret_cast<const unsigned char *>(der.constData());
    X509 *x509 = d2i_X509(nullptr, &data, long(der.size()));
    QVERIFY(x509);

    QCOMPARE(X509_get_version(x509), long(X509_VERSION_3));
    char subject[256];
    X509_NAME_oneline(X509_get_subject_name(x509), subject, sizeof subject);
    QCOMPARE(QByteArray(subject), QByteArray("/O=Tandem/CN=Tandem@scada-01"));
    QCOMPARE(X509_NAME_cmp(X509_get_subject_name(x509), X509_get_issuer_name(x509)), 0);
    // Self-signed: its own key verifies it.
    QCOMPARE(X509_verify(x509, X509_get0_pubkey(x509)), 1);
    QCOMPARE(EVP_PKEY_get_bits(X509_get0_pubkey(x509)), 2048);
    QCOMPARE(EVP_PKEY_get_base_id(X509_get0_pubkey(x509)), EVP_PKEY_RSA);
    QCOMPARE(X509_get_signature_nid(x509), NID_sha256WithRSAEncryption);

    QCOMPARE(alternativeNames(x509, GEN_URI), QStringList{QStringLiteral("urn:scada-01:tandem")});
    QCOMPARE(alternativeNames(x509, GEN_DNS), QStringList{QStringLiteral("scada-01")});
    QCOMPARE(alternativeNames(x509, GEN_IPADD),
             (QStringList{QStringLiteral("0a010203"),
                          QStringLiteral("fd000000000000000000000000000003")}));

    QVERIFY(X509_get_extension_flags(x509) & EXFLAG_KUSAGE);
    QCOMPARE(X509_get_key_usage(x509),
             quint32(KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION | KU_KEY_ENCIPHERMENT |
                     KU_DATA_ENCIPHERMENT | KU_KEY_CERT_SIGN));
    QCOMPARE(X509_get_extended_key_usage(x509), quint32(XKU_SSL_SERVER | XKU_SSL_CLIENT));
    QVERIFY(!(X509_get_extension_flags(x509) & EXFLAG_CA));

    // Valid from a day before the clock (a peer's clock may lag) for 5 years.
    const QDateTime now = m_clock.wallTime().toUTC();
    int days = 0, seconds = 0;
    QVERIFY(ASN1_TIME_diff(&days, &seconds, nullptr, X509_get0_notBefore(x509)));
    const qint64 notBefore = QDateTime::currentSecsSinceEpoch() + qint64(days) * 86400 + seconds;
    QVERIFY(ASN1_TIME_diff(&days, &seconds, nullptr, X509_get0_notAfter(x509)));
    const qint64 notAfter = QDateTime::currentSecsSinceEpoch() + qint64(days) * 86400 + seconds;
    QVERIFY(qAbs(notBefore - now.addDays(-1).toSecsSinceEpoch()) <= 2);
    QVERIFY(qAbs(notAfter - now.addYears(5).toSecsSinceEpoch()) <= 2);
    X509_free(x509);

    // The product's own reading agrees.
    const CertificateInfo info = own->certificate().info();
    QCOMPARE(info.subject, QStringLiteral("CN=Tandem@scada-01, O=Tandem"));
    QCOMPARE(info.ipAddresses,
             (QStringList{QStringLiteral("10.1.2.3"), QStringLiteral("fd00::3")}));
    QCOMPARE(info.dnsNames, QStringList{QStringLiteral("scada-01")});
    QCOMPARE(info.keyBits, 2048);
    QCOMPARE(info.signatureAlgorithm, QStringLiteral("sha256WithRSAEncryption"));
    QCOMPARE(info.notAfter, now.addYears(5));
    QVERIFY(info.selfSigned);
    QVERIFY(!info.certificateAuthority);
    QCOMPARE(info.thumbprint.size(), 40);

    // The validity is configurable.
    ApplicationCertificateRequest shorter = request();
    shorter.validityYears = 2;
    const auto renewed = ApplicationCertificate::renew(*m_store, shorter, m_clock, &m_error);
    QVERIFY2(renewed, qPrintable(m_error));
    QCOMPARE(renewed->certificate().notAfter(), now.addYears(2));
}

void TestPki::ownCertificatePassesValidation()
{
    // A second Tandem (the other node of a pair) that trusts this one accepts its
    // certificate as a server's and as a client's, with URI and host checked.
    const auto own = ApplicationCertificate::loadOrCreate(*m_store, request(), m_clock, &m_error);
    QVERIFY2(own, qPrintable(m_error));
    PkiStore peer(m_dir->filePath(QStringLiteral("peer")));
    QVERIFY(peer.trustCertificate(own->certificate(), &m_error));
    ValidationOptions options;
    options.expectedApplicationUri = QStringLiteral("urn:scada-01:tandem");
    for (const QString &host : {QStringLiteral("scada-01"), QStringLiteral("10.1.2.3")}) {
        options.expectedHost = host;
        for (PeerRole role : {PeerRole::Server, PeerRole::Client}) {
            options.peer = role;
            const ValidationResult result =
                CertificateValidator(peer, m_clock).validate(own->certificate().der(), options);
            QVERIFY2(result.isGood(), qPrintable(statusName(result.status) + result.message));
        }
    }
}

void TestPki::privateKeyPermissions()
{
    QVERIFY(ApplicationCertificate::loadOrCreate(*m_store, request(), m_clock, &m_error));
    const QString key = ApplicationCertificate::keyPath(*m_store);
    QCOMPARE(modeOf(key), 0600);
    QCOMPARE(modeOf(m_store->path(PkiStore::Folder::OwnPrivate)), 0700);
    QVERIFY(readFile(key).startsWith("-----BEGIN PRIVATE KEY-----"));
    // A key someone made readable is closed again when loaded.
    QVERIFY(::chmod(QFile::encodeName(key).constData(), 0644) == 0);
    QVERIFY(ApplicationCertificate::load(*m_store, &m_error));
    QCOMPARE(modeOf(key), 0600);
    // A renewal's key is written 0600 from the start.
    QVERIFY(ApplicationCertificate::renew(*m_store, request(), m_clock, &m_error));
    QCOMPARE(modeOf(key), 0600);
}

void TestPki::renewKeepsWorkingState()
{
    const auto before =
        ApplicationCertificate::loadOrCreate(*m_store, request(), m_clock, &m_error);
    QVERIFY2(before, qPrintable(m_error));
    const TestCertificate peer = makeCertificate(CertificateSpec());
    QVERIFY(m_store->trustCertificate(*Certificate::fromData(peer.der, &m_error), &m_error));
    const QJsonObject listsBefore = m_store->toJson();

    m_clock.advance(3600 * 1000);
    const auto renewed = ApplicationCertificate::renew(*m_store, request(), m_clock, &m_error);
    QVERIFY2(renewed, qPrintable(m_error));
    QVERIFY(renewed->certificate().thumbprint() != before->certificate().thumbprint());
    QVERIFY(renewed->privateKey().pem() != before->privateKey().pem()); // a new key
    QVERIFY(renewed->privateKey().matches(renewed->certificate()));
    QVERIFY(!renewed->privateKey().matches(before->certificate()));
    QCOMPARE(renewed->applicationUri(), before->applicationUri());
    QCOMPARE(renewed->certificate().notBefore(), m_clock.wallTime().toUTC().addDays(-1));

    // What is loaded next is the new pair; nothing is left aside; the lists are untouched.
    const auto loaded = ApplicationCertificate::load(*m_store, &m_error);
    QVERIFY2(loaded, qPrintable(m_error));
    QCOMPARE(loaded->certificate().der(), renewed->certificate().der());
    QVERIFY(loaded->privateKey().matches(loaded->certificate()));
    QCOMPARE(QDir(m_store->path(PkiStore::Folder::OwnCerts)).entryList(QDir::Files),
             QStringList{QStringLiteral("tandem.der")});
    QCOMPARE(QDir(m_store->path(PkiStore::Folder::OwnPrivate)).entryList(QDir::Files),
             QStringList{QStringLiteral("tandem.pem")});
    QCOMPARE(m_store->toJson(), listsBefore);
    QVERIFY(CertificateValidator(*m_store, m_clock).validate(peer.der, {}).isGood());
}

void TestPki::interruptedInstallRecovers_data()
{
    // Which files a crash left behind, by name: "" in place, ".new" being installed, ".old"
    // set aside; and which pair must win.
    QTest::addColumn<QStringList>("certFiles"); // old, new (empty: absent)
    QTest::addColumn<QStringList>("keyFiles");
    QTest::addColumn<bool>("newWins");
    QTest::newRow("staged only") << pairFiles("", ".new") << pairFiles("", ".new") << false;
    QTest::newRow("certificate set aside")
        << pairFiles(".old", ".new") << pairFiles("", ".new") << true;
    QTest::newRow("both set aside")
        << pairFiles(".old", ".new") << pairFiles(".old", ".new") << true;
    QTest::newRow("certificate in place")
        << pairFiles(".old", "") << pairFiles(".old", ".new") << true;
    QTest::newRow("both in place") << pairFiles(".old", "") << pairFiles(".old", "") << true;
    QTest::newRow("new certificate lost")
        << pairFiles(".old", nullptr) << pairFiles(".old", ".new") << false;
}

void TestPki::interruptedInstallRecovers()
{
    QFETCH(QStringList, certFiles);
    QFETCH(QStringList, keyFiles);
    QFETCH(bool, newWins);
    QVERIFY(m_store->ensureLayout(&m_error));
    const auto old = ApplicationCertificate::makeSelfSigned(request(), m_clock, &m_error);
    const auto fresh = ApplicationCertificate::makeSelfSigned(request(), m_clock, &m_error);
    QVERIFY(old && fresh);
    const QString cert = ApplicationCertificate::certificatePath(*m_store);
    const QString key = ApplicationCertificate::keyPath(*m_store);
    if (!certFiles[0].isNull())
        writeFile(cert + certFiles[0], old->certificate().der());
    if (!certFiles[1].isNull())
        writeFile(cert + certFiles[1], fresh->certificate().der());
    if (!keyFiles[0].isNull())
        writeFile(key + keyFiles[0], old->privateKey().pem());
    if (!keyFiles[1].isNull())
        writeFile(key + keyFiles[1], fresh->privateKey().pem());

    const auto loaded = ApplicationCertificate::load(*m_store, &m_error);
    QVERIFY2(loaded, qPrintable(m_error));
    const ApplicationCertificate &expected = newWins ? *fresh : *old;
    QCOMPARE(loaded->certificate().der(), expected.certificate().der());
    QVERIFY(loaded->privateKey().matches(loaded->certificate()));
    // Tidied: the pair in place, nothing beside it.
    QCOMPARE(readFile(cert), expected.certificate().der());
    QCOMPARE(QDir(m_store->path(PkiStore::Folder::OwnCerts)).entryList(QDir::Files),
             QStringList{QStringLiteral("tandem.der")});
    QCOMPARE(QDir(m_store->path(PkiStore::Folder::OwnPrivate)).entryList(QDir::Files),
             QStringList{QStringLiteral("tandem.pem")});
    QCOMPARE(modeOf(key), 0600);
}

void TestPki::unusableKeyIsNeverOverwritten()
{
    const auto own = ApplicationCertificate::loadOrCreate(*m_store, request(), m_clock, &m_error);
    QVERIFY(own);
    const QString key = ApplicationCertificate::keyPath(*m_store);
    writeFile(key, "-----BEGIN PRIVATE KEY-----\ndamaged\n-----END PRIVATE KEY-----\n");
    QVERIFY(!ApplicationCertificate::loadOrCreate(*m_store, request(), m_clock, &m_error));
    QVERIFY2(m_error.contains(QLatin1String("tandem.pem")), qPrintable(m_error));
    QVERIFY(readFile(key).contains("damaged"));
    QCOMPARE(readFile(ApplicationCertificate::certificatePath(*m_store)), own->certificate().der());
    // An explicit renewal replaces it.
    QVERIFY2(ApplicationCertificate::renew(*m_store, request(), m_clock, &m_error),
             qPrintable(m_error));
    QVERIFY(ApplicationCertificate::load(*m_store, &m_error));
}

void TestPki::importPemAndKey()
{
    QVERIFY(ApplicationCertificate::loadOrCreate(*m_store, request(), m_clock, &m_error));
    CertificateSpec spec;
    spec.commonName = QStringLiteral("Tandem (plant CA)");
    spec.uri = QStringLiteral("urn:plant:tandem");
    const TestCertificate plant = makeCertificate(spec);
    const auto imported =
        ApplicationCertificate::importPem(*m_store, plant.pem, plant.keyPem, {}, m_clock, &m_error);
    QVERIFY2(imported, qPrintable(m_error));
    QCOMPARE(imported->certificate().der(), plant.der);
    QCOMPARE(imported->applicationUri(), QStringLiteral("urn:plant:tandem"));
    const auto loaded =
        ApplicationCertificate::loadOrCreate(*m_store, request(), m_clock, &m_error);
    QVERIFY2(loaded, qPrintable(m_error));
    QCOMPARE(loaded->certificate().thumbprint(), plant.thumbprint);
    QCOMPARE(readFile(ApplicationCertificate::certificatePath(*m_store)), plant.der);
    QCOMPARE(modeOf(ApplicationCertificate::keyPath(*m_store)), 0600);
}

void TestPki::importDer()
{
    const TestCertificate plant = makeCertificate(CertificateSpec());
    const auto imported =
        ApplicationCertificate::importPem(*m_store, plant.der, plant.keyPem, {}, m_clock, &m_error);
    QVERIFY2(imported, qPrintable(m_error));
    QCOMPARE(ApplicationCertificate::load(*m_store, &m_error)->certificate().der(), plant.der);
}

void TestPki::importEncryptedKey()
{
    const TestCertificate plant = makeCertificate(CertificateSpec());
    const QByteArray key = encryptedKeyPem(plant, "s3cret");
    QVERIFY(!ApplicationCertificate::importPem(*m_store, plant.pem, key, {}, m_clock, &m_error));
    QVERIFY2(m_error.contains(QLatin1String("encrypted")), qPrintable(m_error));
    QVERIFY(
        !ApplicationCertificate::importPem(*m_store, plant.pem, key, "wrong", m_clock, &m_error));
    QVERIFY2(m_error.contains(QLatin1String("password")), qPrintable(m_error));
    QVERIFY2(
        ApplicationCertificate::importPem(*m_store, plant.pem, key, "s3cret", m_clock, &m_error),
        qPrintable(m_error));
    // Kept unencrypted, readable by the engine without a password.
    QVERIFY(
        readFile(ApplicationCertificate::keyPath(*m_store)).startsWith("-----BEGIN PRIVATE KEY"));
}

void TestPki::importPkcs12()
{
    QVERIFY(ApplicationCertificate::loadOrCreate(*m_store, request(), m_clock, &m_error));
    const TestCertificate plant = makeCertificate(CertificateSpec());
    const QByteArray p12 = makePkcs12(plant, "pfx-pass");
    QVERIFY(!ApplicationCertificate::importPkcs12(*m_store, p12, "nope", m_clock, &m_error));
    QVERIFY2(m_error.contains(QLatin1String("password")), qPrintable(m_error));
    QVERIFY(
        !ApplicationCertificate::importPkcs12(*m_store, "not a pkcs12", "x", m_clock, &m_error));
    QVERIFY2(m_error.contains(QLatin1String("PKCS#12")), qPrintable(m_error));
    const auto imported =
        ApplicationCertificate::importPkcs12(*m_store, p12, "pfx-pass", m_clock, &m_error);
    QVERIFY2(imported, qPrintable(m_error));
    QCOMPARE(imported->certificate().der(), plant.der);
    const auto loaded = ApplicationCertificate::load(*m_store, &m_error);
    QVERIFY2(loaded, qPrintable(m_error));
    QCOMPARE(loaded->certificate().thumbprint(), plant.thumbprint);
    QVERIFY(loaded->privateKey().matches(loaded->certificate()));

    // An empty password works too.
    const TestCertificate other = makeCertificate(CertificateSpec());
    QVERIFY2(ApplicationCertificate::importPkcs12(*m_store, makePkcs12(other, ""), "", m_clock,
                                                  &m_error),
             qPrintable(m_error));
}

void TestPki::importRefusesMismatchedKey()
{
    const auto own = ApplicationCertificate::loadOrCreate(*m_store, request(), m_clock, &m_error);
    QVERIFY(own);
    const TestCertificate plant = makeCertificate(CertificateSpec());
    const TestCertificate stranger = makeCertificate(CertificateSpec());
    QVERIFY(!ApplicationCertificate::importPem(*m_store, plant.pem, stranger.keyPem, {}, m_clock,
                                               &m_error));
    QVERIFY2(m_error.contains(QLatin1String("does not belong")), qPrintable(m_error));
    // The own certificate is untouched.
    QCOMPARE(ApplicationCertificate::load(*m_store, &m_error)->certificate().der(),
             own->certificate().der());
    QVERIFY(
        !ApplicationCertificate::importPem(*m_store, plant.pem, "garbage", {}, m_clock, &m_error));
    QVERIFY2(m_error.contains(QLatin1String("key")), qPrintable(m_error));
    QVERIFY(!ApplicationCertificate::importPem(*m_store, "garbage", plant.keyPem, {}, m_clock,
                                               &m_error));
    QVERIFY2(m_error.contains(QLatin1String("certificate")), qPrintable(m_error));
}

void TestPki::importRefusesCertificateWithoutUri()
{
    CertificateSpec spec;
    spec.uri.clear();
    const TestCertificate bare = makeCertificate(spec);
    QVERIFY(
        !ApplicationCertificate::importPem(*m_store, bare.pem, bare.keyPem, {}, m_clock, &m_error));
    QVERIFY2(m_error.contains(QLatin1String("ApplicationUri")), qPrintable(m_error));
    QVERIFY(!ApplicationCertificate::importPkcs12(*m_store, makePkcs12(bare, "p"), "p", m_clock,
                                                  &m_error));
    QVERIFY2(m_error.contains(QLatin1String("ApplicationUri")), qPrintable(m_error));
    QVERIFY(!QFile::exists(ApplicationCertificate::certificatePath(*m_store)));
}

void TestPki::importRefusesExpired()
{
    CertificateSpec spec;
    spec.notAfter = QDateTime(QDate(2026, 12, 31), QTime(0, 0), Qt::UTC);
    const TestCertificate expired = makeCertificate(spec);
    QVERIFY(!ApplicationCertificate::importPem(*m_store, expired.pem, expired.keyPem, {}, m_clock,
                                               &m_error));
    QVERIFY2(m_error.contains(QLatin1String("2026-12-31")), qPrintable(m_error));
}

void TestPki::trustOperations()
{
    QVERIFY(m_store->ensureLayout(&m_error));
    const TestCertificate server = makeCertificate(CertificateSpec());
    const CertificateValidator validator(*m_store, m_clock);
    QCOMPARE(validator.validate(server.der, {}).status, CertificateStatus::BadCertificateUntrusted);
    QCOMPARE(m_store->entries(PkiStore::List::Rejected).size(), 1);

    // Trust by thumbprint, as an operator types it (lower case, colons).
    QString typed;
    for (int i = 0; i < server.thumbprint.size(); i += 2)
        typed += (i ? QStringLiteral(":") : QString()) + server.thumbprint.mid(i, 2).toLower();
    const auto trusted = m_store->trust(typed, &m_error);
    QVERIFY2(trusted, qPrintable(m_error));
    QCOMPARE(trusted->thumbprint(), server.thumbprint);
    QVERIFY(m_store->entries(PkiStore::List::Rejected).isEmpty());
    QCOMPARE(m_store->entries(PkiStore::List::Trusted).size(), 1);
    QVERIFY(validator.validate(server.der, {}).isGood());

    // Reject: out of trusted, into rejected, refused again.
    const auto rejected = m_store->reject(server.thumbprint, &m_error);
    QVERIFY2(rejected, qPrintable(m_error));
    QVERIFY(m_store->entries(PkiStore::List::Trusted).isEmpty());
    QVERIFY(m_store->find(PkiStore::List::Rejected, server.thumbprint));
    QCOMPARE(validator.validate(server.der, {}).status, CertificateStatus::BadCertificateUntrusted);

    // Remove: gone from every list.
    QVERIFY2(m_store->remove(server.thumbprint, &m_error), qPrintable(m_error));
    QVERIFY(m_store->entries(PkiStore::List::Rejected).isEmpty());
    QVERIFY(!m_store->remove(server.thumbprint, &m_error));
    QVERIFY2(m_error.contains(server.thumbprint), qPrintable(m_error));

    // Clear errors for what is not there or not a thumbprint.
    QVERIFY(!m_store->trust(server.thumbprint, &m_error));
    QVERIFY2(m_error.contains(QLatin1String("rejected/certs")), qPrintable(m_error));
    QVERIFY(!m_store->trust(QStringLiteral("no-such-file"), &m_error));
    QVERIFY2(m_error.contains(QLatin1String("neither")), qPrintable(m_error));
    QVERIFY(!m_store->reject(server.thumbprint, &m_error));
    QVERIFY(!m_store->remove(QStringLiteral("12ab"), &m_error));
}

void TestPki::trustFromFile()
{
    const TestCertificate server = makeCertificate(CertificateSpec());
    const QString file = m_dir->filePath(QStringLiteral("server.pem"));
    writeFile(file, server.pem);
    const auto trusted = m_store->trust(file, &m_error);
    QVERIFY2(trusted, qPrintable(m_error));
    // Kept as DER under its UaExpert name.
    const QString kept = m_store->path(PkiStore::Folder::TrustedCerts) +
                         QStringLiteral("/Test Server [%1].der").arg(server.thumbprint);
    QCOMPARE(readFile(kept), server.der);
    QCOMPARE(modeOf(kept), 0600);
    QVERIFY(CertificateValidator(*m_store, m_clock).validate(server.der, {}).isGood());

    const QString damaged = m_dir->filePath(QStringLiteral("damaged.der"));
    writeFile(damaged, "nonsense");
    QVERIFY(!m_store->trust(damaged, &m_error));
    QVERIFY2(m_error.contains(QLatin1String("damaged.der")), qPrintable(m_error));
}

void TestPki::addIssuerAndRevocationList()
{
    const TestCertificate ca = makeCertificate(caSpec(QStringLiteral("Plant CA")));
    CertificateSpec spec;
    spec.issuer = &ca;
    spec.serial = 77;
    const TestCertificate leaf = makeCertificate(spec);
    const auto caCertificate = Certificate::fromData(ca.der, &m_error);
    const auto leafCertificate = Certificate::fromData(leaf.der, &m_error);

    QVERIFY(!m_store->addIssuer(*leafCertificate, &m_error));
    QVERIFY2(m_error.contains(QLatin1String("no CA")), qPrintable(m_error));
    const QByteArray crl = makeRevocationList(ca, {&leaf}, m_clock.wallTime());
    QVERIFY(!m_store->addRevocationList(crl, &m_error)); // its CA is not known yet
    QVERIFY2(m_error.contains(QLatin1String("Plant CA")), qPrintable(m_error));

    QVERIFY2(m_store->addIssuer(*caCertificate, &m_error), qPrintable(m_error));
    QVERIFY(m_store->trustCertificate(*leafCertificate, &m_error));
    QCOMPARE(CertificateValidator(*m_store, m_clock).validate(leaf.der, {}).status,
             CertificateStatus::BadCertificateRevocationUnknown);
    QVERIFY2(m_store->addRevocationList(crl, &m_error), qPrintable(m_error));
    QCOMPARE(QDir(m_store->path(PkiStore::Folder::IssuerCrl)).entryList(QDir::Files),
             QStringList{QStringLiteral("Plant CA [%1].crl").arg(ca.thumbprint)});
    QCOMPARE(CertificateValidator(*m_store, m_clock).validate(leaf.der, {}).status,
             CertificateStatus::BadCertificateRevoked);
    QVERIFY(!m_store->addRevocationList("garbage", &m_error));
}

void TestPki::corruptFileIsReportedByName()
{
    QVERIFY(m_store->ensureLayout(&m_error));
    CertificateSpec spec;
    spec.commonName = QStringLiteral("A");
    const TestCertificate a = makeCertificate(spec);
    spec.commonName = QStringLiteral("C");
    const TestCertificate c = makeCertificate(spec);
    const QString trusted = m_store->path(PkiStore::Folder::TrustedCerts);
    writeFile(trusted + QLatin1String("/a.der"), a.der);
    writeFile(trusted + QLatin1String("/b-broken.der"), a.der.left(100));
    writeFile(trusted + QLatin1String("/c.pem"), c.pem);
    // A temporary file of an interrupted write is no entry.
    writeFile(trusted + QLatin1String("/d.der.x1y2.writing"), a.der.left(10));

    const QList<PkiStore::Entry> entries = m_store->entries(PkiStore::List::Trusted);
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries[0].certificate->thumbprint(), a.thumbprint);
    QVERIFY(!entries[1].certificate);
    QVERIFY2(entries[1].error.contains(QLatin1String("b-broken.der")),
             qPrintable(entries[1].error));
    QCOMPARE(entries[2].certificate->thumbprint(), c.thumbprint);

    const QJsonArray list = m_store->toJson().value(QLatin1String("trusted")).toArray();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list[1].toObject().value(QLatin1String("file")).toString(),
             QStringLiteral("b-broken.der"));
    QVERIFY(!list[1].toObject().value(QLatin1String("error")).toString().isEmpty());
    QCOMPARE(list[2].toObject().value(QLatin1String("thumbprint")).toString(), c.thumbprint);

    // Validation goes on with the readable ones.
    QVERIFY(CertificateValidator(*m_store, m_clock).validate(c.der, {}).isGood());
}

void TestPki::listJson()
{
    const TestCertificate trusted = makeCertificate(CertificateSpec());
    CertificateSpec spec;
    spec.commonName = QStringLiteral("Stranger");
    spec.uri = QStringLiteral("urn:stranger");
    const TestCertificate stranger = makeCertificate(spec);
    const TestCertificate ca = makeCertificate(caSpec(QStringLiteral("Plant CA")));
    QVERIFY(m_store->trustCertificate(*Certificate::fromData(trusted.der, &m_error), &m_error));
    QVERIFY(m_store->addIssuer(*Certificate::fromData(ca.der, &m_error), &m_error));
    CertificateValidator(*m_store, m_clock).validate(stranger.der, {});

    const QJsonObject json = m_store->toJson();
    QCOMPARE(json.keys(), (QStringList{QStringLiteral("issuers"), QStringLiteral("rejected"),
                                       QStringLiteral("trusted")}));
    const QJsonObject entry = json.value(QLatin1String("trusted")).toArray().at(0).toObject();
    QCOMPARE(entry.value(QLatin1String("thumbprint")).toString(), trusted.thumbprint);
    QCOMPARE(entry.value(QLatin1String("subject")).toString(),
             QStringLiteral("CN=Test Server, O=Tandem Tests"));
    QCOMPARE(entry.value(QLatin1String("not-after")).toString(),
             QStringLiteral("2030-01-01T00:00:00Z"));
    QCOMPARE(entry.value(QLatin1String("application-uri")).toString(),
             QStringLiteral("urn:testhost:server"));
    QCOMPARE(entry.value(QLatin1String("dns")).toArray(), QJsonArray{QStringLiteral("testhost")});
    QCOMPARE(entry.value(QLatin1String("key-bits")).toInt(), 2048);
    const QJsonObject issuer = json.value(QLatin1String("issuers")).toArray().at(0).toObject();
    QVERIFY(issuer.value(QLatin1String("ca")).toBool());
    QCOMPARE(issuer.value(QLatin1String("application-uri")).toString(), QString());
    const QJsonObject rejected = json.value(QLatin1String("rejected")).toArray().at(0).toObject();
    QCOMPARE(rejected.value(QLatin1String("application-uri")).toString(),
             QStringLiteral("urn:stranger"));
    QCOMPARE(rejected.value(QLatin1String("file")).toString(),
             QStringLiteral("Stranger [%1].der").arg(stranger.thumbprint));
}

void TestPki::rejectedIsCapped()
{
    const CertificateValidator validator(*m_store, m_clock);
    QString first;
    for (int i = 0; i < PkiStore::MaxRejected + 5; ++i) {
        CertificateSpec spec;
        spec.keySlot = 0; // one key: only signing is per certificate
        spec.serial = 1000 + i;
        spec.commonName = QStringLiteral("Flood %1").arg(i);
        const ValidationResult result = validator.validate(makeCertificate(spec).der, {});
        QCOMPARE(result.status, CertificateStatus::BadCertificateUntrusted);
        if (i == 0)
            first = result.rejectedPath;
        // Distinct modification times, oldest first.
        const QDateTime stamp = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i);
        QFile file(result.rejectedPath);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(stamp, QFileDevice::FileModificationTime));
    }
    QCOMPARE(m_store->entries(PkiStore::List::Rejected).size(), PkiStore::MaxRejected);
    QVERIFY(!QFile::exists(first));
}

void TestPki::rejectedFileNameIsSafe()
{
    CertificateSpec spec;
    spec.commonName = QStringLiteral("../../etc/evil\nname");
    const TestCertificate evil = makeCertificate(spec);
    const ValidationResult result = CertificateValidator(*m_store, m_clock).validate(evil.der, {});
    QCOMPARE(QFileInfo(result.rejectedPath).path(), m_store->path(PkiStore::Folder::RejectedCerts));
    QCOMPARE(QFileInfo(result.rejectedPath).fileName(),
             QStringLiteral("_._.._etc_evil_name [%1].der").arg(evil.thumbprint));
    QVERIFY(QFile::exists(result.rejectedPath));
}

QTEST_GUILESS_MAIN(TestPki)
#include "tst_pki.moc"
