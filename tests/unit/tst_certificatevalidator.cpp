// Certificate validation as OPC 10000-4 §6.1.3 (Table 106) asks, each refusal with its
// precise status code, against certificates made here with OpenSSL's own API
// (testcertificates.h) at a wall time a ManualClock sets.
#include "testcertificates.h"

#include "base/clock.h"
#include "pki/certificatevalidator.h"
#include "pki/pkistore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::pki;
using namespace tandem::test;

Q_DECLARE_METATYPE(tandem::pki::CertificateStatus)

namespace {

// Leaf certificates share one key, CAs another: only their names and extensions differ.
CertificateSpec leafSpec()
{
    CertificateSpec spec;
    spec.keySlot = 0;
    return spec;
}

QString describe(const ValidationResult &result)
{
    return statusName(result.status) + QLatin1String(": ") + result.message;
}

} // namespace

#define VERIFY_STATUS(result, expected)                                                            \
    QVERIFY2(                                                                                      \
        (result).status == (expected),                                                             \
        qPrintable(QStringLiteral("expected %1, got %2: %3")                                       \
                       .arg(statusName(expected), statusName((result).status), (result).message)))

class TestCertificateValidator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void trustedSelfSignedIsGood();
    void untrustedIsRefusedAndCopiedToRejected();
    void expiredIsTimeInvalid();
    void notYetValidIsTimeInvalid();
    void validityFollowsTheClock();
    void uriMismatchIsUriInvalid();
    void hostNameMismatchIsAWaivableWarning();
    void hostNameMatchesAnIpAddress();
    void chainWithCaInIssuersAndLeafTrusted();
    void chainWithCaTrusted();
    void chainLeafRevoked_data();
    void chainLeafRevoked();
    void caWithoutRevocationListIsRevocationUnknown();
    void newestRevocationListCounts();
    void chainSentByThePeer();
    void intermediateWithoutListOrRevoked();
    void missingIssuerIsChainIncomplete();
    void expiredIssuerIsIssuerTimeInvalid();
    void issuerThatIsNoCa();
    void wrongKeyUsage_data();
    void wrongKeyUsage();
    void tamperedSignatureIsInvalid();
    void tamperedSelfSignedIsInvalid();
    void garbageIsInvalid();
    void policyCheck();
    void trustIsCheckedBeforeValidity();
    void statusCodesHaveTheirOpcUaValues();

private:
    ValidationResult validate(const TestCertificate &certificate,
                              const ValidationOptions &options = {})
    {
        return CertificateValidator(*m_store, m_clock).validate(certificate.der, options);
    }
    void put(PkiStore::Folder folder, const QString &name, const QByteArray &bytes)
    {
        QVERIFY(m_store->ensureLayout(&m_error));
        writeFile(m_store->path(folder) + QLatin1Char('/') + name, bytes);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PkiStore> m_store;
    ManualClock m_clock;
    QString m_error;
};

void TestCertificateValidator::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<PkiStore>(m_dir->path());
    QVERIFY2(m_store->ensureLayout(&m_error), qPrintable(m_error));
    m_clock.setWall(QDateTime(QDate(2027, 1, 15), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
}

void TestCertificateValidator::trustedSelfSignedIsGood()
{
    const TestCertificate server = makeCertificate(leafSpec());
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("server.der"), server.der);
    ValidationOptions options;
    options.expectedApplicationUri = QStringLiteral("urn:testhost:server");
    options.expectedHost = QStringLiteral("TESTHOST");
    const ValidationResult result = validate(server, options);
    VERIFY_STATUS(result, CertificateStatus::Good);
    QVERIFY(result.message.isEmpty());
    QCOMPARE(result.chain.size(), 1);
    QCOMPARE(result.certificate->thumbprint(), server.thumbprint);
    QVERIFY(result.rejectedPath.isEmpty());
    // A PEM copy in trusted/ counts the same as DER.
    QVERIFY(QFile::remove(m_store->path(PkiStore::Folder::TrustedCerts) +
                          QLatin1String("/server.der")));
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("server.pem"), server.pem);
    VERIFY_STATUS(validate(server, options), CertificateStatus::Good);
}

void TestCertificateValidator::untrustedIsRefusedAndCopiedToRejected()
{
    const TestCertificate server = makeCertificate(leafSpec());
    const ValidationResult result = validate(server);
    VERIFY_STATUS(result, CertificateStatus::BadCertificateUntrusted);
    QVERIFY2(result.message.contains(server.thumbprint), qPrintable(describe(result)));
    QVERIFY2(result.message.contains(QLatin1String("CN=Test Server")),
             qPrintable(describe(result)));

    // UaExpert's naming: "<CN> [<thumbprint>].der", the DER bytes as received.
    const QString expected = m_store->path(PkiStore::Folder::RejectedCerts) +
                             QStringLiteral("/Test Server [%1].der").arg(server.thumbprint);
    QCOMPARE(result.rejectedPath, expected);
    QFile copy(expected);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), server.der);
    QCOMPARE(m_store->entries(PkiStore::List::Rejected).size(), 1);

    // Seen again: still one copy.
    VERIFY_STATUS(validate(server), CertificateStatus::BadCertificateUntrusted);
    QCOMPARE(m_store->entries(PkiStore::List::Rejected).size(), 1);

    // Trusting it from rejected/ makes it pass and leaves rejected/ empty.
    QVERIFY2(m_store->trust(server.thumbprint.toLower(), &m_error), qPrintable(m_error));
    VERIFY_STATUS(validate(server), CertificateStatus::Good);
    QVERIFY(m_store->entries(PkiStore::List::Rejected).isEmpty());

    // Not copied when the caller says so.
    const TestCertificate other = makeCertificate([] {
        CertificateSpec spec = leafSpec();
        spec.commonName = QStringLiteral("Other");
        return spec;
    }());
    ValidationOptions quiet;
    quiet.storeRejected = false;
    const ValidationResult refused = validate(other, quiet);
    VERIFY_STATUS(refused, CertificateStatus::BadCertificateUntrusted);
    QVERIFY(refused.rejectedPath.isEmpty());
    QVERIFY(m_store->entries(PkiStore::List::Rejected).isEmpty());
}

void TestCertificateValidator::expiredIsTimeInvalid()
{
    CertificateSpec spec = leafSpec();
    spec.notBefore = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    spec.notAfter = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    const TestCertificate expired = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("expired.der"), expired.der);
    const ValidationResult result = validate(expired);
    VERIFY_STATUS(result, CertificateStatus::BadCertificateTimeInvalid);
    QVERIFY2(result.message.contains(QLatin1String("2025-01-01")), qPrintable(describe(result)));
}

void TestCertificateValidator::notYetValidIsTimeInvalid()
{
    CertificateSpec spec = leafSpec();
    spec.notBefore = QDateTime(QDate(2028, 1, 1), QTime(0, 0), Qt::UTC);
    const TestCertificate future = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("future.der"), future.der);
    VERIFY_STATUS(validate(future), CertificateStatus::BadCertificateTimeInvalid);
}

void TestCertificateValidator::validityFollowsTheClock()
{
    const TestCertificate server = makeCertificate(leafSpec()); // valid until 2030-01-01
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("server.der"), server.der);
    m_clock.setWall(QDateTime(QDate(2029, 12, 31), QTime(23, 59), Qt::UTC).toMSecsSinceEpoch());
    VERIFY_STATUS(validate(server), CertificateStatus::Good);
    m_clock.advance(2 * 60 * 1000);
    VERIFY_STATUS(validate(server), CertificateStatus::BadCertificateTimeInvalid);
}

void TestCertificateValidator::uriMismatchIsUriInvalid()
{
    const TestCertificate server = makeCertificate(leafSpec());
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("server.der"), server.der);
    ValidationOptions options;
    options.expectedApplicationUri = QStringLiteral("urn:otherhost:server");
    const ValidationResult result = validate(server, options);
    VERIFY_STATUS(result, CertificateStatus::BadCertificateUriInvalid);
    QVERIFY2(result.message.contains(QLatin1String("urn:testhost:server")),
             qPrintable(describe(result)));
    QVERIFY2(result.message.contains(QLatin1String("urn:otherhost:server")),
             qPrintable(describe(result)));

    // A certificate without any URI fails the same way.
    CertificateSpec spec = leafSpec();
    spec.uri.clear();
    spec.commonName = QStringLiteral("No URI");
    const TestCertificate bare = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("bare.der"), bare.der);
    VERIFY_STATUS(validate(bare, options), CertificateStatus::BadCertificateUriInvalid);
}

void TestCertificateValidator::hostNameMismatchIsAWaivableWarning()
{
    const TestCertificate server = makeCertificate(leafSpec());
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("server.der"), server.der);
    ValidationOptions options;
    options.expectedHost = QStringLiteral("plc-7.plant.local");
    const ValidationResult refused = validate(server, options);
    VERIFY_STATUS(refused, CertificateStatus::BadCertificateHostNameInvalid);
    QVERIFY2(refused.message.contains(QLatin1String("plc-7.plant.local")),
             qPrintable(describe(refused)));

    options.waiveHostName = true;
    const ValidationResult waived = validate(server, options);
    VERIFY_STATUS(waived, CertificateStatus::Good);
    QCOMPARE(waived.waived,
             QList<CertificateStatus>{CertificateStatus::BadCertificateHostNameInvalid});

    // Waiving the host name waives nothing else.
    options.expectedApplicationUri = QStringLiteral("urn:elsewhere");
    VERIFY_STATUS(validate(server, options), CertificateStatus::BadCertificateUriInvalid);
}

void TestCertificateValidator::hostNameMatchesAnIpAddress()
{
    CertificateSpec spec = leafSpec();
    spec.ips = {QStringLiteral("192.168.10.20"), QStringLiteral("fd00::20")};
    const TestCertificate server = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("server.der"), server.der);
    ValidationOptions options;
    options.expectedHost = QStringLiteral("192.168.10.20");
    VERIFY_STATUS(validate(server, options), CertificateStatus::Good);
    options.expectedHost = QStringLiteral("fd00:0::20");
    VERIFY_STATUS(validate(server, options), CertificateStatus::Good);
    options.expectedHost = QStringLiteral("192.168.10.21");
    VERIFY_STATUS(validate(server, options), CertificateStatus::BadCertificateHostNameInvalid);
}

void TestCertificateValidator::chainWithCaInIssuersAndLeafTrusted()
{
    const TestCertificate ca = makeCertificate(caSpec(QStringLiteral("Plant CA")));
    CertificateSpec spec = leafSpec();
    spec.issuer = &ca;
    spec.serial = 7;
    const TestCertificate leaf = makeCertificate(spec);
    put(PkiStore::Folder::IssuerCerts, QStringLiteral("ca.der"), ca.der);
    put(PkiStore::Folder::IssuerCrl, QStringLiteral("ca.crl"),
        makeRevocationList(ca, {}, m_clock.wallTime().addDays(-1)));

    // The CA in issuers/ completes the chain but trusts nothing by itself.
    VERIFY_STATUS(validate(leaf), CertificateStatus::BadCertificateUntrusted);

    put(PkiStore::Folder::TrustedCerts, QStringLiteral("leaf.der"), leaf.der);
    const ValidationResult result = validate(leaf);
    VERIFY_STATUS(result, CertificateStatus::Good);
    QCOMPARE(result.chain.size(), 2);
    QCOMPARE(result.chain[1].der(), ca.der);
}

void TestCertificateValidator::chainWithCaTrusted()
{
    const TestCertificate ca = makeCertificate(caSpec(QStringLiteral("Plant CA")));
    CertificateSpec spec = leafSpec();
    spec.issuer = &ca;
    const TestCertificate leaf = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("ca.der"), ca.der);
    put(PkiStore::Folder::TrustedCrl, QStringLiteral("ca.crl"),
        makeRevocationList(ca, {}, m_clock.wallTime().addDays(-1)));
    // Trusted through its CA: the leaf itself is in no list.
    VERIFY_STATUS(validate(leaf), CertificateStatus::Good);
    QVERIFY(m_store->entries(PkiStore::List::Rejected).isEmpty());
}

void TestCertificateValidator::chainLeafRevoked_data()
{
    QTest::addColumn<bool>("caTrusted");
    QTest::newRow("CA in issuers, leaf trusted") << false;
    QTest::newRow("CA trusted") << true;
}

void TestCertificateValidator::chainLeafRevoked()
{
    QFETCH(bool, caTrusted);
    const TestCertificate ca = makeCertificate(caSpec(QStringLiteral("Plant CA")));
    CertificateSpec spec = leafSpec();
    spec.issuer = &ca;
    spec.serial = 42;
    const TestCertificate leaf = makeCertificate(spec);
    spec.serial = 43;
    spec.commonName = QStringLiteral("Sibling");
    const TestCertificate sibling = makeCertificate(spec);
    put(caTrusted ? PkiStore::Folder::TrustedCerts : PkiStore::Folder::IssuerCerts,
        QStringLiteral("ca.der"), ca.der);
    if (!caTrusted) {
        put(PkiStore::Folder::TrustedCerts, QStringLiteral("leaf.der"), leaf.der);
        put(PkiStore::Folder::TrustedCerts, QStringLiteral("sibling.der"), sibling.der);
    }
    // The CRL as PEM, and in the folder of the CA's list.
    const QByteArray crlDer = makeRevocationList(ca, {&leaf}, m_clock.wallTime().addDays(-1));
    const QByteArray crlPem =
        "-----BEGIN X509 CRL-----\n" + crlDer.toBase64() + "\n-----END X509 CRL-----\n";
    put(caTrusted ? PkiStore::Folder::TrustedCrl : PkiStore::Folder::IssuerCrl,
        QStringLiteral("ca.crl"), crlPem);

    const ValidationResult result = validate(leaf);
    VERIFY_STATUS(result, CertificateStatus::BadCertificateRevoked);
    QVERIFY2(result.message.contains(leaf.thumbprint), qPrintable(describe(result)));
    VERIFY_STATUS(validate(sibling), CertificateStatus::Good);
}

void TestCertificateValidator::caWithoutRevocationListIsRevocationUnknown()
{
    const TestCertificate ca = makeCertificate(caSpec(QStringLiteral("Plant CA")));
    CertificateSpec spec = leafSpec();
    spec.issuer = &ca;
    const TestCertificate leaf = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("ca.der"), ca.der);
    const ValidationResult result = validate(leaf);
    VERIFY_STATUS(result, CertificateStatus::BadCertificateRevocationUnknown);
    QVERIFY2(result.message.contains(QLatin1String("Plant CA")), qPrintable(describe(result)));

    // A list signed by another CA of the same name does not count.
    const TestCertificate impostor = makeCertificate(caSpec(QStringLiteral("Plant CA")));
    put(PkiStore::Folder::TrustedCrl, QStringLiteral("impostor.crl"),
        makeRevocationList(impostor, {}, m_clock.wallTime()));
    VERIFY_STATUS(validate(leaf), CertificateStatus::BadCertificateRevocationUnknown);

    // A self-signed certificate has no CA, so needs no list.
    const TestCertificate selfSigned = makeCertificate(leafSpec());
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("self.der"), selfSigned.der);
    VERIFY_STATUS(validate(selfSigned), CertificateStatus::Good);
}

void TestCertificateValidator::newestRevocationListCounts()
{
    const TestCertificate ca = makeCertificate(caSpec(QStringLiteral("Plant CA")));
    CertificateSpec spec = leafSpec();
    spec.issuer = &ca;
    spec.serial = 5;
    const TestCertificate leaf = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("ca.der"), ca.der);
    put(PkiStore::Folder::TrustedCrl, QStringLiteral("a-old.crl"),
        makeRevocationList(ca, {}, m_clock.wallTime().addDays(-20)));
    VERIFY_STATUS(validate(leaf), CertificateStatus::Good);
    put(PkiStore::Folder::TrustedCrl, QStringLiteral("b-new.crl"),
        makeRevocationList(ca, {&leaf}, m_clock.wallTime().addDays(-1)));
    VERIFY_STATUS(validate(leaf), CertificateStatus::BadCertificateRevoked);
}

void TestCertificateValidator::chainSentByThePeer()
{
    const TestCertificate root = makeCertificate(caSpec(QStringLiteral("Root CA")));
    CertificateSpec intermediateSpec = caSpec(QStringLiteral("Line CA"));
    intermediateSpec.issuer = &root;
    intermediateSpec.serial = 2;
    const TestCertificate intermediate = makeCertificate(intermediateSpec);
    CertificateSpec spec = leafSpec();
    spec.issuer = &intermediate;
    const TestCertificate leaf = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("root.der"), root.der);
    put(PkiStore::Folder::TrustedCrl, QStringLiteral("root.crl"),
        makeRevocationList(root, {}, m_clock.wallTime()));
    put(PkiStore::Folder::IssuerCrl, QStringLiteral("line.crl"),
        makeRevocationList(intermediate, {}, m_clock.wallTime()));

    // Alone the leaf's chain breaks at the intermediate CA the store does not hold.
    VERIFY_STATUS(validate(leaf), CertificateStatus::BadCertificateChainIncomplete);
    // OPC UA sends the chain as DER certificates one after the other.
    const ValidationResult result =
        CertificateValidator(*m_store, m_clock).validate(leaf.der + intermediate.der, {});
    VERIFY_STATUS(result, CertificateStatus::Good);
    QCOMPARE(result.chain.size(), 3);
    QCOMPARE(result.chain[2].der(), root.der);
}

void TestCertificateValidator::intermediateWithoutListOrRevoked()
{
    const TestCertificate root = makeCertificate(caSpec(QStringLiteral("Root CA")));
    CertificateSpec intermediateSpec = caSpec(QStringLiteral("Line CA"));
    intermediateSpec.issuer = &root;
    intermediateSpec.serial = 9;
    const TestCertificate intermediate = makeCertificate(intermediateSpec);
    CertificateSpec spec = leafSpec();
    spec.issuer = &intermediate;
    const TestCertificate leaf = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("root.der"), root.der);
    put(PkiStore::Folder::IssuerCerts, QStringLiteral("line.der"), intermediate.der);
    put(PkiStore::Folder::IssuerCrl, QStringLiteral("line.crl"),
        makeRevocationList(intermediate, {}, m_clock.wallTime()));
    // The root has no list: the intermediate's revocation is unknown.
    VERIFY_STATUS(validate(leaf), CertificateStatus::BadCertificateIssuerRevocationUnknown);
    put(PkiStore::Folder::TrustedCrl, QStringLiteral("root.crl"),
        makeRevocationList(root, {&intermediate}, m_clock.wallTime()));
    VERIFY_STATUS(validate(leaf), CertificateStatus::BadCertificateIssuerRevoked);
}

void TestCertificateValidator::missingIssuerIsChainIncomplete()
{
    const TestCertificate ca = makeCertificate(caSpec(QStringLiteral("Unknown CA")));
    CertificateSpec spec = leafSpec();
    spec.issuer = &ca;
    const TestCertificate leaf = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("leaf.der"), leaf.der);
    const ValidationResult result = validate(leaf);
    VERIFY_STATUS(result, CertificateStatus::BadCertificateChainIncomplete);
    QVERIFY2(result.message.contains(QLatin1String("Unknown CA")), qPrintable(describe(result)));
}

void TestCertificateValidator::expiredIssuerIsIssuerTimeInvalid()
{
    CertificateSpec caSpecExpired = caSpec(QStringLiteral("Old CA"));
    caSpecExpired.notBefore = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    caSpecExpired.notAfter = QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC);
    const TestCertificate ca = makeCertificate(caSpecExpired);
    CertificateSpec spec = leafSpec();
    spec.issuer = &ca;
    const TestCertificate leaf = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("ca.der"), ca.der);
    put(PkiStore::Folder::TrustedCrl, QStringLiteral("ca.crl"),
        makeRevocationList(ca, {}, m_clock.wallTime()));
    VERIFY_STATUS(validate(leaf), CertificateStatus::BadCertificateIssuerTimeInvalid);
}

void TestCertificateValidator::issuerThatIsNoCa()
{
    CertificateSpec notCa = caSpec(QStringLiteral("Not a CA"));
    notCa.basicConstraints = QStringLiteral("critical,CA:FALSE");
    notCa.keyUsage = QStringLiteral("critical,digitalSignature,keyCertSign,cRLSign");
    const TestCertificate issuer = makeCertificate(notCa);
    CertificateSpec spec = leafSpec();
    spec.issuer = &issuer;
    const TestCertificate leaf = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("issuer.der"), issuer.der);
    put(PkiStore::Folder::TrustedCrl, QStringLiteral("issuer.crl"),
        makeRevocationList(issuer, {}, m_clock.wallTime()));
    VERIFY_STATUS(validate(leaf), CertificateStatus::BadCertificateIssuerUseNotAllowed);
}

void TestCertificateValidator::wrongKeyUsage_data()
{
    QTest::addColumn<QString>("keyUsage");
    QTest::addColumn<QString>("extendedKeyUsage");
    QTest::addColumn<bool>("asClient");
    QTest::addColumn<CertificateStatus>("expected");
    const QString full = QStringLiteral("critical,digitalSignature,nonRepudiation,keyEncipherment,"
                                        "dataEncipherment,keyCertSign");
    QTest::newRow("signature only")
        << QStringLiteral("critical,digitalSignature,keyCertSign") << QStringLiteral("serverAuth")
        << false << CertificateStatus::BadCertificateUseNotAllowed;
    QTest::newRow("no dataEncipherment")
        << QStringLiteral("critical,digitalSignature,keyEncipherment,keyCertSign")
        << QStringLiteral("serverAuth") << false << CertificateStatus::BadCertificateUseNotAllowed;
    QTest::newRow("client certificate as server") << full << QStringLiteral("clientAuth") << false
                                                  << CertificateStatus::BadCertificateUseNotAllowed;
    QTest::newRow("client certificate as client")
        << full << QStringLiteral("clientAuth") << true << CertificateStatus::Good;
    QTest::newRow("server certificate as client") << full << QStringLiteral("serverAuth") << true
                                                  << CertificateStatus::BadCertificateUseNotAllowed;
    QTest::newRow("no extended key usage") << full << QString() << false << CertificateStatus::Good;
}

void TestCertificateValidator::wrongKeyUsage()
{
    QFETCH(QString, keyUsage);
    QFETCH(QString, extendedKeyUsage);
    QFETCH(bool, asClient);
    QFETCH(CertificateStatus, expected);
    CertificateSpec spec = leafSpec();
    spec.keyUsage = keyUsage;
    spec.extendedKeyUsage = extendedKeyUsage;
    const TestCertificate certificate = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("peer.der"), certificate.der);
    ValidationOptions options;
    options.peer = asClient ? PeerRole::Client : PeerRole::Server;
    VERIFY_STATUS(validate(certificate, options), expected);
}

void TestCertificateValidator::tamperedSignatureIsInvalid()
{
    const TestCertificate ca = makeCertificate(caSpec(QStringLiteral("Plant CA")));
    CertificateSpec spec = leafSpec();
    spec.issuer = &ca;
    TestCertificate leaf = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("ca.der"), ca.der);
    put(PkiStore::Folder::TrustedCrl, QStringLiteral("ca.crl"),
        makeRevocationList(ca, {}, m_clock.wallTime()));
    VERIFY_STATUS(validate(leaf), CertificateStatus::Good);
    // The signature is the last bytes of the DER.
    leaf.der[leaf.der.size() - 5] = char(leaf.der[leaf.der.size() - 5] ^ 0x01);
    const ValidationResult result = validate(leaf);
    VERIFY_STATUS(result, CertificateStatus::BadCertificateInvalid);
    QVERIFY2(result.message.contains(QLatin1String("signature")), qPrintable(describe(result)));
}

void TestCertificateValidator::tamperedSelfSignedIsInvalid()
{
    TestCertificate server = makeCertificate(leafSpec());
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("server.der"), server.der);
    server.der[server.der.size() - 5] = char(server.der[server.der.size() - 5] ^ 0x01);
    VERIFY_STATUS(validate(server), CertificateStatus::BadCertificateInvalid);
}

void TestCertificateValidator::garbageIsInvalid()
{
    TestCertificate garbage;
    garbage.der = QByteArray("this is no certificate");
    const ValidationResult result = validate(garbage);
    VERIFY_STATUS(result, CertificateStatus::BadCertificateInvalid);
    QVERIFY(!result.certificate);
    garbage.der = makeCertificate(leafSpec()).der.left(200);
    VERIFY_STATUS(validate(garbage), CertificateStatus::BadCertificateInvalid);
    garbage.der.clear();
    VERIFY_STATUS(validate(garbage), CertificateStatus::BadCertificateInvalid);
    // Nothing unreadable lands in rejected/.
    QVERIFY(m_store->entries(PkiStore::List::Rejected).isEmpty());
}

void TestCertificateValidator::policyCheck()
{
    CertificateSpec spec = leafSpec();
    spec.keyBits = 1024;
    const TestCertificate small = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("small.der"), small.der);
    ValidationOptions options;
    VERIFY_STATUS(validate(small, options), CertificateStatus::Good);
    options.minimumKeyBits = 2048;
    options.maximumKeyBits = 4096;
    VERIFY_STATUS(validate(small, options), CertificateStatus::BadCertificatePolicyCheckFailed);

    spec = leafSpec();
    spec.sha1 = true;
    spec.commonName = QStringLiteral("SHA-1");
    const TestCertificate sha1 = makeCertificate(spec);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("sha1.der"), sha1.der);
    VERIFY_STATUS(validate(sha1, options), CertificateStatus::Good);
    options.sha1SignatureAllowed = false;
    VERIFY_STATUS(validate(sha1, options), CertificateStatus::BadCertificatePolicyCheckFailed);
}

void TestCertificateValidator::trustIsCheckedBeforeValidity()
{
    // Table 106's order: an unknown certificate is untrusted, whatever else is wrong.
    CertificateSpec spec = leafSpec();
    spec.notAfter = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    spec.keyUsage = QStringLiteral("critical,digitalSignature,keyCertSign");
    const TestCertificate bad = makeCertificate(spec);
    ValidationOptions options;
    options.expectedApplicationUri = QStringLiteral("urn:elsewhere");
    VERIFY_STATUS(validate(bad, options), CertificateStatus::BadCertificateUntrusted);
    put(PkiStore::Folder::TrustedCerts, QStringLiteral("bad.der"), bad.der);
    VERIFY_STATUS(validate(bad, options), CertificateStatus::BadCertificateTimeInvalid);
}

void TestCertificateValidator::statusCodesHaveTheirOpcUaValues()
{
    // OPC 10000-4 §7.39, as node-opcua's status code table has them.
    QCOMPARE(statusCode(CertificateStatus::BadCertificateInvalid), 0x80120000u);
    QCOMPARE(statusCode(CertificateStatus::BadSecurityChecksFailed), 0x80130000u);
    QCOMPARE(statusCode(CertificateStatus::BadCertificateTimeInvalid), 0x80140000u);
    QCOMPARE(statusCode(CertificateStatus::BadCertificateIssuerTimeInvalid), 0x80150000u);
    QCOMPARE(statusCode(CertificateStatus::BadCertificateHostNameInvalid), 0x80160000u);
    QCOMPARE(statusCode(CertificateStatus::BadCertificateUriInvalid), 0x80170000u);
    QCOMPARE(statusCode(CertificateStatus::BadCertificateUseNotAllowed), 0x80180000u);
    QCOMPARE(statusCode(CertificateStatus::BadCertificateIssuerUseNotAllowed), 0x80190000u);
    QCOMPARE(statusCode(CertificateStatus::BadCertificateUntrusted), 0x801A0000u);
    QCOMPARE(statusCode(CertificateStatus::BadCertificateRevocationUnknown), 0x801B0000u);
    QCOMPARE(statusCode(CertificateStatus::BadCertificateIssuerRevocationUnknown), 0x801C0000u);
    QCOMPARE(statusCode(CertificateStatus::BadCertificateRevoked), 0x801D0000u);
    QCOMPARE(statusCode(CertificateStatus::BadCertificateIssuerRevoked), 0x801E0000u);
    QCOMPARE(statusCode(CertificateStatus::BadCertificateChainIncomplete), 0x810D0000u);
    QCOMPARE(statusCode(CertificateStatus::BadCertificatePolicyCheckFailed), 0x81140000u);
    QCOMPARE(statusName(CertificateStatus::BadCertificateUntrusted),
             QStringLiteral("BadCertificateUntrusted"));
    QCOMPARE(statusName(CertificateStatus::Good), QStringLiteral("Good"));
    QCOMPARE(statusName(CertificateStatus(0x80AB0000)), QStringLiteral("0x80AB0000"));

    // What a refused client is told: nothing of the trust list, the rest as it is.
    QCOMPARE(statusForPeer(CertificateStatus::BadCertificateUntrusted),
             CertificateStatus::BadSecurityChecksFailed);
    QCOMPARE(statusForPeer(CertificateStatus::BadCertificateChainIncomplete),
             CertificateStatus::BadSecurityChecksFailed);
    QCOMPARE(statusForPeer(CertificateStatus::BadCertificateInvalid),
             CertificateStatus::BadSecurityChecksFailed);
    QCOMPARE(statusForPeer(CertificateStatus::BadCertificateTimeInvalid),
             CertificateStatus::BadCertificateTimeInvalid);
    QCOMPARE(statusForPeer(CertificateStatus::BadCertificateUriInvalid),
             CertificateStatus::BadCertificateUriInvalid);
    QCOMPARE(statusForPeer(CertificateStatus::Good), CertificateStatus::Good);
}

QTEST_GUILESS_MAIN(TestCertificateValidator)
#include "tst_certificatevalidator.moc"
