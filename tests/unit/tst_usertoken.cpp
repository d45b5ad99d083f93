// The encrypted password of an OPC UA user name token, decrypted by an independent
// implementation (the openssl command) for every padding Tandem does: the plain text must
// be the UInt32 length, the password and the server nonce, block by block.
#include "opcua/usertoken.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace tandem::opcua;

class TestUserToken final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void decryptsToLengthSecretAndNonce_data();
    void decryptsToLengthSecretAndNonce();
    void refusals();

private:
    QByteArray decrypt(const QByteArray &block, const QStringList &options);

    QTemporaryDir m_dir;
    QByteArray m_certificate; // DER, RSA 2048
};

void TestUserToken::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   m_dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                   m_dir.filePath(QStringLiteral("cert.der")), QStringLiteral("-outform"),
                   QStringLiteral("DER"), QStringLiteral("-subj"), QStringLiteral("/CN=server"),
                   QStringLiteral("-days"), QStringLiteral("1")});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);
    QFile file(m_dir.filePath(QStringLiteral("cert.der")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_certificate = file.readAll();
}

QByteArray TestUserToken::decrypt(const QByteArray &block, const QStringList &options)
{
    QProcess openssl;
    QStringList args{QStringLiteral("pkeyutl"), QStringLiteral("-decrypt"),
                     QStringLiteral("-inkey"), m_dir.filePath(QStringLiteral("key.pem"))};
    for (const QString &option : options)
        args << QStringLiteral("-pkeyopt") << option;
    openssl.start(QStringLiteral("openssl"), args);
    openssl.write(block);
    openssl.closeWriteChannel();
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
        return {};
    return openssl.readAllStandardOutput();
}

void TestUserToken::decryptsToLengthSecretAndNonce_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("secretSize");
    const QStringList sha1{QStringLiteral("rsa_padding_mode:oaep"),
                           QStringLiteral("rsa_oaep_md:sha1")};
    const QStringList sha256{QStringLiteral("rsa_padding_mode:oaep"),
                             QStringLiteral("rsa_oaep_md:sha256"),
                             QStringLiteral("rsa_mgf1_md:sha256")};
    const QStringList pkcs1{QStringLiteral("rsa_padding_mode:pkcs1")};
    const QString oaep = QStringLiteral("http://www.w3.org/2001/04/xmlenc#rsa-oaep");
    QTest::newRow("Basic256Sha256") << QStringLiteral("Basic256Sha256") << oaep << sha1 << 12;
    QTest::newRow("Basic256") << QStringLiteral("Basic256") << oaep << sha1 << 12;
    QTest::newRow("Aes128_Sha256_RsaOaep")
        << QStringLiteral("Aes128_Sha256_RsaOaep") << oaep << sha1 << 12;
    QTest::newRow("Aes256_Sha256_RsaPss")
        << QStringLiteral("Aes256_Sha256_RsaPss")
        << QStringLiteral("http://opcfoundation.org/UA/security/rsa-oaep-sha2-256") << sha256 << 12;
    QTest::newRow("Basic128Rsa15")
        << QStringLiteral("Basic128Rsa15")
        << QStringLiteral("http://www.w3.org/2001/04/xmlenc#rsa-1_5") << pkcs1 << 12;
    // Longer than one RSA block (214 bytes for OAEP-SHA1 with a 2048-bit key).
    QTest::newRow("two blocks") << QStringLiteral("Basic256Sha256") << oaep << sha1 << 400;
}

void TestUserToken::decryptsToLengthSecretAndNonce()
{
    QFETCH(QString, policy);
    QFETCH(QString, algorithm);
    QFETCH(QStringList, options);
    QFETCH(int, secretSize);
    const QByteArray secret = QByteArray("pässwörd-").repeated(secretSize).left(secretSize);
    const QByteArray nonce = QByteArray::fromHex("00112233445566778899aabbccddeeff"
                                                 "00112233445566778899aabbccddeeff");
    const QString uri = QStringLiteral("http://opcfoundation.org/UA/SecurityPolicy#") + policy;
    QVERIFY(canEncryptUserToken(uri));
    QString error;
    const auto encrypted = encryptUserTokenSecret(m_certificate, uri, secret, nonce, &error);
    QVERIFY2(encrypted, qPrintable(error));
    QCOMPARE(encrypted->algorithm, algorithm);
    QCOMPARE(encrypted->data.size() % 256, 0);
    QByteArray plain;
    for (qsizetype offset = 0; offset < encrypted->data.size(); offset += 256) {
        const QByteArray block = decrypt(encrypted->data.mid(offset, 256), options);
        QVERIFY2(!block.isEmpty(), "openssl could not decrypt a block");
        plain += block;
    }
    QCOMPARE(qFromLittleEndian<quint32>(plain.constData()), quint32(secret.size() + nonce.size()));
    QCOMPARE(plain.mid(4), secret + nonce);
}

void TestUserToken::refusals()
{
    QString error;
    const QString none = QStringLiteral("http://opcfoundation.org/UA/SecurityPolicy#None");
    QVERIFY(!canEncryptUserToken(none));
    QVERIFY(!encryptUserTokenSecret(m_certificate, none, "x", {}, &error));
    QVERIFY(error.contains(QStringLiteral("not one Tandem can encrypt")));
    const QString basic = QStringLiteral("http://opcfoundation.org/UA/SecurityPolicy#Basic256");
    QVERIFY(!encryptUserTokenSecret({}, basic, "x", {}, &error));
    QVERIFY(error.contains(QStringLiteral("no certificate")));
    QVERIFY(!encryptUserTokenSecret("not a certificate", basic, "x", {}, &error));
    QVERIFY(error.contains(QStringLiteral("not a valid X.509")));
}

QTEST_GUILESS_MAIN(TestUserToken)
#include "tst_usertoken.moc"
