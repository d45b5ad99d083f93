// `tandemctl cert ...` and the OPC UA security options of `pair add|set`
// (packaging/man/tandemctl.1): the own certificate made on first use, the trust list's
// moves, the JSON shape scripts rely on, and every wrong input refused with what is wrong
// and nothing changed. The certificates the tests bring are made with OpenSSL directly
// (tests/support/testcertificates.h), not by the product.
#include "buildpaths.h"
#include "ctlrunner.h"
#include "pki/certificate.h"
#include "pki/pkistore.h"
#include "testcertificates.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace Qt::StringLiterals;
using tandem::test::CtlResult;

class TestTandemctlSecurity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void ownCertificateIsMadeOnceAndShown();
    void trustListMoves();
    void listJsonShape();
    void wrongCertificateInputsAreRefused();
    void renewAndImport();
    void importPkcs12ThroughTheBinary();
    void pairSecurityOptions();
    void pairSecurityRefusals();

private:
    CtlResult ctl(const QStringList &args);
    QJsonObject json(const QStringList &args);
    QString stateDir() const { return m_dir->filePath(QStringLiteral("state")); }
    QString file(const QString &name, const QByteArray &bytes);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTandemctlSecurity::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

CtlResult TestTandemctlSecurity::ctl(const QStringList &args)
{
    return test::runCtl(QStringList{QStringLiteral("--config"),
                                    m_dir->filePath(QStringLiteral("tandem.xml")),
                                    QStringLiteral("--state-dir"), stateDir()} +
                        args);
}

QJsonObject TestTandemctlSecurity::json(const QStringList &args)
{
    const CtlResult r = ctl(args + QStringList{QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning() << r.err;
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QString TestTandemctlSecurity::file(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    test::writeFile(path, bytes);
    return path;
}

void TestTandemctlSecurity::ownCertificateIsMadeOnceAndShown()
{
    const QJsonObject first = json({QStringLiteral("cert"), QStringLiteral("show")});
    const QString thumbprint = first.value(QStringLiteral("thumbprint")).toString();
    QCOMPARE(thumbprint.size(), 40);
    QVERIFY2(first.value(QStringLiteral("application-uri")).toString().startsWith(u"urn:"_s) &&
                 first.value(QStringLiteral("application-uri")).toString().endsWith(u":tandem"_s),
             qPrintable(first.value(QStringLiteral("application-uri")).toString()));
    QCOMPARE(first.value(QStringLiteral("key-bits")).toInt(), 2048);
    // In the shared layout, and read back from there: the same certificate the next time.
    const QString der = first.value(QStringLiteral("file")).toString();
    QCOMPARE(der, QDir(stateDir()).filePath(QStringLiteral("pki/own/certs/tandem.der")));
    QString error;
    const auto onDisk = pki::Certificate::fromFile(der, &error);
    QVERIFY2(onDisk, qPrintable(error));
    QCOMPARE(onDisk->thumbprint(), thumbprint);
    QCOMPARE(json({QStringLiteral("cert"), QStringLiteral("show")})
                 .value(QStringLiteral("thumbprint"))
                 .toString(),
             thumbprint);
    const CtlResult text = ctl({QStringLiteral("cert"), QStringLiteral("show")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("thumbprint (SHA-1): ") + thumbprint),
             qPrintable(text.out));
}

void TestTandemctlSecurity::trustListMoves()
{
    const test::TestCertificate server = test::makeCertificate({});
    const pki::PkiStore store(stateDir());
    QString error;
    QVERIFY2(store.ensureLayout(&error), qPrintable(error));
    // As the engine files a certificate it refused.
    const auto refused = pki::Certificate::fromData(server.der, &error);
    QVERIFY2(refused, qPrintable(error));
    QVERIFY2(!store.storeRejected(*refused, &error).isEmpty(), qPrintable(error));
    auto thumbprints = [&](const QString &list) {
        QStringList out;
        const QJsonArray entries = json({QStringLiteral("cert"), QStringLiteral("list")})
                                       .value(list)
                                       .toArray();
        for (const QJsonValue &e : entries)
            out << e.toObject().value(QStringLiteral("thumbprint")).toString();
        return out;
    };
    QCOMPARE(thumbprints(u"rejected"_s), QStringList{server.thumbprint});
    QCOMPARE(thumbprints(u"trusted"_s), QStringList{});

    // Typed as an operator copies it from a dialog: lower case with colons.
    QString typed;
    for (int i = 0; i < server.thumbprint.size(); i += 2)
        typed += (i ? QStringLiteral(":") : QString()) + server.thumbprint.mid(i, 2).toLower();
    CtlResult r = ctl({QStringLiteral("cert"), QStringLiteral("trust"), typed});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(server.thumbprint), qPrintable(r.out));
    QCOMPARE(thumbprints(u"trusted"_s), QStringList{server.thumbprint});
    QCOMPARE(thumbprints(u"rejected"_s), QStringList{});

    r = ctl({QStringLiteral("cert"), QStringLiteral("reject"), server.thumbprint});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(thumbprints(u"trusted"_s), QStringList{});
    QCOMPARE(thumbprints(u"rejected"_s), QStringList{server.thumbprint});

    r = ctl({QStringLiteral("cert"), QStringLiteral("remove"), server.thumbprint});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(thumbprints(u"rejected"_s), QStringList{});

    // A file: PEM as a plant's IT hands it out.
    const test::TestCertificate other = test::makeCertificate(
        {.commonName = QStringLiteral("Other"), .uri = QStringLiteral("urn:other")});
    r = ctl({QStringLiteral("cert"), QStringLiteral("trust"),
             file(QStringLiteral("other.pem"), other.pem)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(thumbprints(u"trusted"_s), QStringList{other.thumbprint});
}

void TestTandemctlSecurity::listJsonShape()
{
    const test::TestCertificate server = test::makeCertificate({});
    const pki::PkiStore store(stateDir());
    QString error;
    QVERIFY(store.ensureLayout(&error));
    QVERIFY(store.trustCertificate(*pki::Certificate::fromData(server.der, &error), &error));
    const QJsonObject list = json({QStringLiteral("cert"), QStringLiteral("list")});
    QCOMPARE(list.keys(), (QStringList{QStringLiteral("issuers"), QStringLiteral("rejected"),
                                       QStringLiteral("trusted")}));
    QVERIFY(list.value(QStringLiteral("issuers")).toArray().isEmpty());
    const QJsonObject entry = list.value(QStringLiteral("trusted")).toArray().at(0).toObject();
    QCOMPARE(entry.value(QStringLiteral("thumbprint")).toString(), server.thumbprint);
    QCOMPARE(entry.value(QStringLiteral("subject")).toString().section(QLatin1Char(','), 0, 0),
             QStringLiteral("CN=Test Server"));
    QCOMPARE(entry.value(QStringLiteral("not-after")).toString(),
             QStringLiteral("2030-01-01T00:00:00Z"));
    QCOMPARE(entry.value(QStringLiteral("application-uri")).toString(),
             QStringLiteral("urn:testhost:server"));
    // The text form names the same.
    const CtlResult text = ctl({QStringLiteral("cert"), QStringLiteral("list")});
    QVERIFY2(text.out.contains(server.thumbprint) && text.out.contains(u"urn:testhost:server"_s),
             qPrintable(text.out));
}

void TestTandemctlSecurity::wrongCertificateInputsAreRefused()
{
    const QString thumbprint =
        json({QStringLiteral("cert"), QStringLiteral("show")}).value(u"thumbprint"_s).toString();
    struct Case
    {
        QStringList args;
        int exitCode;
        QString says;
    };
    const QString garbage = file(QStringLiteral("garbage.der"), QByteArray("not a certificate"));
    const test::TestCertificate a = test::makeCertificate({.keySlot = 1});
    const test::TestCertificate b = test::makeCertificate({.keySlot = 2});
    const QList<Case> cases = {
        {{u"cert"_s, u"trust"_s, u"12AB"_s}, 1, u"12AB"_s},
        {{u"cert"_s, u"trust"_s, m_dir->filePath(u"missing.der"_s)}, 1, u"missing.der"_s},
        {{u"cert"_s, u"trust"_s, garbage}, 1, u"garbage.der"_s},
        {{u"cert"_s, u"reject"_s, u"0123456789ABCDEF0123456789ABCDEF01234567"_s},
         1,
         u"0123456789ABCDEF0123456789ABCDEF01234567"_s},
        {{u"cert"_s, u"remove"_s, u"0123456789ABCDEF0123456789ABCDEF01234567"_s},
         1,
         u"0123456789ABCDEF0123456789ABCDEF01234567"_s},
        {{u"cert"_s, u"import"_s, file(u"a.pem"_s, a.pem), file(u"b.key"_s, b.keyPem)},
         1,
         u"not imported"_s},
        {{u"cert"_s, u"import"_s, m_dir->filePath(u"none.pem"_s), m_dir->filePath(u"none.key"_s)},
         2,
         u"none.pem"_s},
        {{u"cert"_s, u"import"_s}, 2, u"CERT KEY"_s},
        {{u"cert"_s, u"trust"_s}, 2, u""_s},
        {{u"cert"_s, u"polish"_s}, 2, u"cert polish"_s},
    };
    for (const Case &c : cases) {
        const CtlResult r = ctl(c.args);
        QVERIFY2(
            r.exitCode == c.exitCode,
            qPrintable(c.args.join(u' ') + QStringLiteral(": exit %1, ").arg(r.exitCode) + r.err));
        QVERIFY2(r.err.contains(c.says), qPrintable(c.args.join(u' ') + u": "_s + r.err));
    }
    // Nothing changed: the own certificate is the one made first, the lists are empty.
    QCOMPARE(
        json({QStringLiteral("cert"), QStringLiteral("show")}).value(u"thumbprint"_s).toString(),
        thumbprint);
    const QJsonObject list = json({QStringLiteral("cert"), QStringLiteral("list")});
    for (const QString &l : {u"trusted"_s, u"issuers"_s, u"rejected"_s})
        QVERIFY2(list.value(l).toArray().isEmpty(), qPrintable(l));
}

void TestTandemctlSecurity::renewAndImport()
{
    const QString first =
        json({QStringLiteral("cert"), QStringLiteral("show")}).value(u"thumbprint"_s).toString();
    CtlResult r = ctl({QStringLiteral("cert"), QStringLiteral("renew")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString renewed =
        json({QStringLiteral("cert"), QStringLiteral("show")}).value(u"thumbprint"_s).toString();
    QVERIFY(renewed.size() == 40 && renewed != first);
    QVERIFY2(r.out.contains(renewed), qPrintable(r.out));

    const test::TestCertificate plant = test::makeCertificate(
        {.commonName = QStringLiteral("Tandem Line 1"), .uri = QStringLiteral("urn:line1:tandem")});
    r = ctl({QStringLiteral("cert"), QStringLiteral("import"), file(u"plant.der"_s, plant.der),
             file(u"plant.key"_s, plant.keyPem)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject own = json({QStringLiteral("cert"), QStringLiteral("show")});
    QCOMPARE(own.value(u"thumbprint"_s).toString(), plant.thumbprint);
    QCOMPARE(own.value(u"application-uri"_s).toString(), QStringLiteral("urn:line1:tandem"));
}

void TestTandemctlSecurity::importPkcs12ThroughTheBinary()
{
    const test::TestCertificate plant = test::makeCertificate(
        {.commonName = QStringLiteral("Tandem P12"), .uri = QStringLiteral("urn:p12:tandem")});
    const QString p12 = file(QStringLiteral("plant.p12"), test::makePkcs12(plant, "s3cret"));
    auto run = [&](const QByteArray &password) {
        QProcess p;
        p.start(test::tandemctlPath(),
                {QStringLiteral("--config"), m_dir->filePath(QStringLiteral("tandem.xml")),
                 QStringLiteral("--state-dir"), stateDir(), QStringLiteral("cert"),
                 QStringLiteral("import"), p12, QStringLiteral("--password-stdin")});
        p.write(password + '\n');
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            qFatal("tandemctl did not finish");
        return std::pair{p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
    };
    const auto [wrongExit, wrongErr] = run("wrong");
    QCOMPARE(wrongExit, 1);
    QVERIFY2(wrongErr.contains(QStringLiteral("not imported")), qPrintable(wrongErr));
    const auto [exit, err] = run("s3cret");
    QVERIFY2(exit == 0, qPrintable(err));
    QCOMPARE(
        json({QStringLiteral("cert"), QStringLiteral("show")}).value(u"thumbprint"_s).toString(),
        plant.thumbprint);
}

void TestTandemctlSecurity::pairSecurityOptions()
{
    CtlResult r = ctl({u"pair"_s, u"add"_s, u"ua"_s, u"--protocol"_s, u"opcua"_s, u"--primary"_s,
                       u"127.0.0.1:4840"_s, u"--secondary"_s, u"127.0.0.1:4841"_s, u"--listen"_s,
                       u"opc.tcp://127.0.0.1:4850"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    auto security = [&] {
        const QJsonArray pairs =
            QJsonDocument::fromJson(ctl({u"pair"_s, u"list"_s, u"--json"_s}).out.toUtf8()).array();
        return pairs.at(0).toObject().value(QStringLiteral("opcua-security")).toObject();
    };
    // A new pair: None to the servers, Basic256Sha256 SignAndEncrypt to its clients.
    QJsonObject s = security();
    QCOMPARE(s.value(u"primary"_s).toObject().value(u"security"_s).toString(),
             QStringLiteral("None:None"));
    QCOMPARE(s.value(u"listen"_s).toArray(), QJsonArray{u"Basic256Sha256:SignAndEncrypt"_s});

    r = ctl({u"pair"_s, u"set"_s, u"ua"_s, u"--security"_s, u"Basic256Sha256:SignAndEncrypt"_s,
             u"--secondary-security"_s, u"aes256_sha256_rsapss:sign"_s, u"--primary-certificate"_s,
             u"0123456789abcdef0123456789abcdef01234567"_s, u"--listen-security"_s,
             u"Aes128_Sha256_RsaOaep:Sign,None:None"_s, u"--waive-host-name"_s, u"yes"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    s = security();
    QCOMPARE(s.value(u"primary"_s).toObject().value(u"security"_s).toString(),
             QStringLiteral("Basic256Sha256:SignAndEncrypt"));
    QCOMPARE(s.value(u"primary"_s).toObject().value(u"certificate"_s).toString(),
             QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567"));
    QCOMPARE(s.value(u"secondary"_s).toObject().value(u"security"_s).toString(),
             QStringLiteral("Aes256_Sha256_RsaPss:Sign"));
    QCOMPARE(s.value(u"listen"_s).toArray(),
             (QJsonArray{u"Aes128_Sha256_RsaOaep:Sign"_s, u"None:None"_s}));
    QCOMPARE(s.value(u"waive-host-name"_s).toBool(), true);
    QCOMPARE(s.value(u"allow-deprecated"_s).toBool(), false);

    // Deprecated policies need the pair's consent, given in the same command or before.
    r = ctl({u"pair"_s, u"set"_s, u"ua"_s, u"--primary-security"_s, u"Basic256:Sign"_s,
             u"--allow-deprecated"_s, u"yes"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(security().value(u"primary"_s).toObject().value(u"security"_s).toString(),
             QStringLiteral("Basic256:Sign"));
    r = ctl({u"pair"_s, u"set"_s, u"ua"_s, u"--primary-certificate"_s, u"none"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(security().value(u"primary"_s).toObject().value(u"certificate"_s).toString(),
             QString());
}

void TestTandemctlSecurity::pairSecurityRefusals()
{
    CtlResult r = ctl({u"pair"_s, u"add"_s, u"ua"_s, u"--protocol"_s, u"opcua"_s, u"--primary"_s,
                       u"127.0.0.1:4840"_s, u"--secondary"_s, u"127.0.0.1:4841"_s, u"--listen"_s,
                       u"opc.tcp://127.0.0.1:4850"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = ctl({u"pair"_s, u"add"_s, u"mb"_s, u"--protocol"_s, u"modbus-tcp"_s, u"--primary"_s,
             u"127.0.0.1:5020"_s, u"--secondary"_s, u"127.0.0.1:5021"_s, u"--listen"_s,
             u"127.0.0.1:1502"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QByteArray before = test::readFile(m_dir->filePath(QStringLiteral("tandem.xml")));
    struct Case
    {
        QStringList args;
        int exitCode;
        QString says;
    };
    const QList<Case> cases = {
        {{u"pair"_s, u"set"_s, u"ua"_s, u"--security"_s, u"Basic256Sha256"_s},
         2,
         u"--security: \"Basic256Sha256\" is not a security setting: write POLICY:MODE"_s},
        {{u"pair"_s, u"set"_s, u"ua"_s, u"--security"_s, u"Basic512:Sign"_s},
         2,
         u"unknown security policy \"Basic512\""_s},
        {{u"pair"_s, u"set"_s, u"ua"_s, u"--security"_s, u"None:Sign"_s},
         2,
         u"the security policy None goes only with the mode None"_s},
        {{u"pair"_s, u"set"_s, u"ua"_s, u"--listen-security"_s,
          u"None:None,,Basic256Sha256:Sign"_s},
         2,
         u"--listen-security: empty entry"_s},
        {{u"pair"_s, u"set"_s, u"ua"_s, u"--primary-security"_s, u"Basic128Rsa15:Sign"_s},
         1,
         u"pair[ua]/opcua-security/primary: the security policy Basic128Rsa15 is deprecated"_s},
        {{u"pair"_s, u"set"_s, u"ua"_s, u"--listen-security"_s, u"Basic256:Sign"_s,
          u"--allow-deprecated"_s, u"yes"_s},
         1,
         u"the deprecated security policy Basic256 is not offered to clients"_s},
        {{u"pair"_s, u"set"_s, u"ua"_s, u"--secondary-certificate"_s, u"xyz"_s},
         1,
         u"'XYZ' is not a certificate thumbprint"_s},
        {{u"pair"_s, u"set"_s, u"mb"_s, u"--security"_s, u"Basic256Sha256:Sign"_s},
         2,
         u"security policies are for OPC UA pairs"_s},
    };
    for (const Case &c : cases) {
        const CtlResult r2 = ctl(c.args);
        QVERIFY2(
            r2.exitCode == c.exitCode,
            qPrintable(c.args.join(u' ') + QStringLiteral(": exit %1, ").arg(r2.exitCode) + r2.err));
        QVERIFY2(r2.err.contains(c.says), qPrintable(c.args.join(u' ') + u": "_s + r2.err));
    }
    QCOMPARE(test::readFile(m_dir->filePath(QStringLiteral("tandem.xml"))), before);
}

QTEST_GUILESS_MAIN(TestTandemctlSecurity)
#include "tst_tandemctlsecurity.moc"
