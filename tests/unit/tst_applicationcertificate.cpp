// Tandem's own application instance certificate: created on first use with the fields
// OPC 10000-6 §6.2.2 asks for, renewed without ever leaving a certificate without its key
// (crashes included, through the test hook), replaced by an imported PEM, DER or PKCS#12.
// The fields are read back with OpenSSL's own API, not core/pki's accessors; certificates
// to import are made here with that API too (testcertificates.h).
#include "testcertificates.h"

#include "base/clock.h"
#include "pki/applicationcertificate.h"
#include "pki/certificatevalidator.h"
#include "pki/pkistore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSysInfo>
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

class TestApplicationCertificate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void ownCertificateIsCreatedOnFirstUse();
    void ownCertificateFields();
    void ownCertificatePassesValidation();
    void privateKeyPermissions();
    void renewKeepsWorkingState();
    void interruptedInstallRecovers_data();
    void interruptedInstallRecovers();
    void crashDuringRenewalLeavesAWorkingPair_data();
    void crashDuringRenewalLeavesAWorkingPair();
    void unusableKeyIsNeverOverwritten();
    void requestForThisMachine();
    void importPemAndKey();
    void importDer();
    void importEncryptedKey();
    void importPkcs12();
    void importRefusesMismatchedKey();
    void importRefusesCertificateWithoutUri();
    void importRefusesExpired();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PkiStore> m_store;
    ManualClock m_clock;
    QString m_error;
};

void TestApplicationCertificate::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<PkiStore>(m_dir->filePath(QStringLiteral("state")));
    m_clock.setWall(QDateTime(QDate(2027, 1, 15), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
    m_error.clear();
}

void TestApplicationCertificate::ownCertificateIsCreatedOnFirstUse()
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

void TestApplicationCertificate::ownCertificateFields()
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

void TestApplicationCertificate::ownCertificatePassesValidation()
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

void TestApplicationCertificate::privateKeyPermissions()
{
    QVERIFY(ApplicationCertificate::loadOrCreate(*m_store, request(), m_clock, &m_error));
    const QString key = ApplicationCertificate::keyPath(*m_store);
    QCOMPARE(fileMode(key), 0600);
    QCOMPARE(fileMode(m_store->path(PkiStore::Folder::OwnPrivate)), 0700);
    QVERIFY(readFile(key).startsWith("-----BEGIN PRIVATE KEY-----"));
    // A key someone made readable is closed again when loaded.
    QVERIFY(::chmod(QFile::encodeName(key).constData(), 0644) == 0);
    QVERIFY(ApplicationCertificate::load(*m_store, &m_error));
    QCOMPARE(fileMode(key), 0600);
    // A renewal's key is written 0600 from the start.
    QVERIFY(ApplicationCertificate::renew(*m_store, request(), m_clock, &m_error));
    QCOMPARE(fileMode(key), 0600);
}

void TestApplicationCertificate::renewKeepsWorkingState()
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

void TestApplicationCertificate::interruptedInstallRecovers_data()
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

void TestApplicationCertificate::interruptedInstallRecovers()
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
    QCOMPARE(fileMode(key), 0600);
}

void TestApplicationCertificate::crashDuringRenewalLeavesAWorkingPair_data()
{
    QTest::addColumn<QString>("point");
    QTest::addColumn<bool>("newWins");
    QTest::newRow("new pair written") << QStringLiteral("pki-own-staged") << false;
    QTest::newRow("old pair set aside") << QStringLiteral("pki-own-aside") << true;
    QTest::newRow("new pair in place") << QStringLiteral("pki-own-installed") << true;
}

void TestApplicationCertificate::crashDuringRenewalLeavesAWorkingPair()
{
    // A real crash: this test program renews in a child process that the test hook kills
    // (SIGKILL) at the checkpoint, as a power cut would.
    QFETCH(QString, point);
    QFETCH(bool, newWins);
    const auto old = ApplicationCertificate::loadOrCreate(*m_store, request(), m_clock, &m_error);
    QVERIFY2(old, qPrintable(m_error));
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TANDEM_TEST_CRASH_AT"), point);
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--renew-in"), m_dir->filePath(QStringLiteral("state"))});
    QVERIFY(child.waitForFinished(60000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    const auto loaded = ApplicationCertificate::load(*m_store, &m_error);
    QVERIFY2(loaded, qPrintable(m_error));
    QVERIFY(loaded->privateKey().matches(loaded->certificate()));
    QCOMPARE(loaded->certificate().thumbprint() != old->certificate().thumbprint(), newWins);
    QCOMPARE(QDir(m_store->path(PkiStore::Folder::OwnCerts)).entryList(QDir::Files),
             QStringList{QStringLiteral("tandem.der")});
    QCOMPARE(QDir(m_store->path(PkiStore::Folder::OwnPrivate)).entryList(QDir::Files),
             QStringList{QStringLiteral("tandem.pem")});

    // Without the hook the child renews to the end.
    child.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--renew-in"), m_dir->filePath(QStringLiteral("state"))});
    QVERIFY(child.waitForFinished(60000));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
    QVERIFY(ApplicationCertificate::load(*m_store, &m_error)->certificate().thumbprint() !=
            loaded->certificate().thumbprint());
}

void TestApplicationCertificate::unusableKeyIsNeverOverwritten()
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

void TestApplicationCertificate::requestForThisMachine()
{
    const ApplicationCertificateRequest here = ApplicationCertificateRequest::forThisMachine();
    QCOMPARE(here.host, QSysInfo::machineHostName());
    QCOMPARE(here.applicationUri(), QStringLiteral("urn:%1:tandem").arg(here.host));
    QCOMPARE(here.validityYears, 5);
    QCOMPARE(here.keyBits, 2048);
    for (const QString &ip : here.ipAddresses) {
        const QHostAddress address(ip);
        QVERIFY2(!address.isNull() && !address.isLoopback() && !address.isLinkLocal(),
                 qPrintable(ip));
    }
    const auto own = ApplicationCertificate::makeSelfSigned(here, m_clock, &m_error);
    QVERIFY2(own, qPrintable(m_error));
    QCOMPARE(own->certificate().ipAddresses().size(), here.ipAddresses.size());
    // A host name is required: the URI and the DNS name are made of it.
    QVERIFY(!ApplicationCertificate::makeSelfSigned({}, m_clock, &m_error));
    QVERIFY2(m_error.contains(QLatin1String("host name")), qPrintable(m_error));
}

void TestApplicationCertificate::importPemAndKey()
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
    QCOMPARE(fileMode(ApplicationCertificate::keyPath(*m_store)), 0600);
}

void TestApplicationCertificate::importDer()
{
    const TestCertificate plant = makeCertificate(CertificateSpec());
    const auto imported =
        ApplicationCertificate::importPem(*m_store, plant.der, plant.keyPem, {}, m_clock, &m_error);
    QVERIFY2(imported, qPrintable(m_error));
    QCOMPARE(ApplicationCertificate::load(*m_store, &m_error)->certificate().der(), plant.der);
}

void TestApplicationCertificate::importEncryptedKey()
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

void TestApplicationCertificate::importPkcs12()
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

void TestApplicationCertificate::importRefusesMismatchedKey()
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

void TestApplicationCertificate::importRefusesCertificateWithoutUri()
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

void TestApplicationCertificate::importRefusesExpired()
{
    CertificateSpec spec;
    spec.notAfter = QDateTime(QDate(2026, 12, 31), QTime(0, 0), Qt::UTC);
    const TestCertificate expired = makeCertificate(spec);
    QVERIFY(!ApplicationCertificate::importPem(*m_store, expired.pem, expired.keyPem, {}, m_clock,
                                               &m_error));
    QVERIFY2(m_error.contains(QLatin1String("2026-12-31")), qPrintable(m_error));
}

// `tst_applicationcertificate --renew-in STATE_DIR`: the child process of
// crashDuringRenewalLeavesAWorkingPair.
int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--renew-in") == 0) {
        const PkiStore store(QString::fromLocal8Bit(argv[2]));
        ManualClock clock;
        QString error;
        return ApplicationCertificate::renew(store, request(), clock, &error) ? 0 : 1;
    }
    QCoreApplication app(argc, argv);
    TestApplicationCertificate test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_applicationcertificate.moc"
