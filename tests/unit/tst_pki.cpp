// The certificate store under the state directory (pki/...) and the trust list operations
// that `tandemctl cert` and the console's certificate dialog will call, on certificates made
// here with OpenSSL's own API (testcertificates.h). Tandem's own certificate is
// tst_applicationcertificate's.
#include "testcertificates.h"

#include "base/clock.h"
#include "pki/certificatevalidator.h"
#include "pki/pkistore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace tandem;
using namespace tandem::pki;
using namespace tandem::test;

class TestPki final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void layoutIsCreatedPrivate();
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
        QCOMPARE(fileMode(path), 0700);
    }
    QCOMPARE(m_store->path(PkiStore::Folder::IssuerCrl), pki + QLatin1String("/issuers/crl"));

    // A folder someone opened up is closed again.
    QVERIFY(::chmod(QFile::encodeName(pki + QLatin1String("/own/private")).constData(), 0755) == 0);
    QVERIFY(m_store->ensureLayout(&m_error));
    QCOMPARE(fileMode(pki + QLatin1String("/own/private")), 0700);

    // The key's folder must be a real folder, never a link somewhere else.
    QVERIFY(QDir(pki + QLatin1String("/own/private")).removeRecursively());
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("elsewhere"))));
    QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("elsewhere")),
                        pki + QLatin1String("/own/private")));
    QVERIFY(!m_store->ensureLayout(&m_error));
    QVERIFY2(m_error.contains(QLatin1String("own/private")), qPrintable(m_error));
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
    QCOMPARE(fileMode(kept), 0600);
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
    writeFile(trusted + QLatin1String("/b-huge.der"), QByteArray(2 << 20, '0'));
    // A temporary file of an interrupted write is no entry.
    writeFile(trusted + QLatin1String("/d.der.x1y2.writing"), a.der.left(10));

    const QList<PkiStore::Entry> entries = m_store->entries(PkiStore::List::Trusted);
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries[0].certificate->thumbprint(), a.thumbprint);
    QVERIFY(!entries[1].certificate);
    QVERIFY2(entries[1].error.contains(QLatin1String("b-broken.der")),
             qPrintable(entries[1].error));
    QVERIFY(!entries[2].certificate);
    QVERIFY2(entries[2].error.contains(QLatin1String("b-huge.der")), qPrintable(entries[2].error));
    QCOMPARE(entries[3].certificate->thumbprint(), c.thumbprint);

    const QJsonArray list = m_store->toJson().value(QLatin1String("trusted")).toArray();
    QCOMPARE(list.size(), 4);
    QCOMPARE(list[1].toObject().value(QLatin1String("file")).toString(),
             QStringLiteral("b-broken.der"));
    QVERIFY(!list[1].toObject().value(QLatin1String("error")).toString().isEmpty());
    QCOMPARE(list[3].toObject().value(QLatin1String("thumbprint")).toString(), c.thumbprint);

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
