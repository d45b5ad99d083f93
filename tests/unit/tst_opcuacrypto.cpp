// The cryptography of OPC UA secure channels (core/opcua/securitypolicy, channelcrypto and
// asymmetriccrypto) against node-opcua, an independent implementation:
// tests/unit/opcua-vectors/crypto-vectors.json holds what node-opcua derives, signs,
// encrypts and pads with the fixed keys and nonces of make-crypto-vectors.js, and Tandem
// must produce the same bytes, read node-opcua's chunks and cipher texts, and refuse
// tampered or malformed input with the status the spec names.
#include "buildpaths.h"
#include "opcua/asymmetriccrypto.h"
#include "opcua/channelcrypto.h"
#include "opcua/securitypolicy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tandem;
using namespace tandem::opcua;

Q_DECLARE_METATYPE(tandem::opcua::SecurityPolicyId)
Q_DECLARE_METATYPE(tandem::opcua::MessageSecurityMode)

namespace {

QByteArray hexOf(const QJsonValue &value)
{
    return QByteArray::fromHex(value.toString().toLatin1());
}

const SecurityPolicy &policyNamed(const QJsonValue &name)
{
    const SecurityPolicy *policy = securityPolicyByName(name.toString());
    if (!policy)
        qFatal("no policy named %s", qPrintable(name.toString()));
    return *policy;
}

QByteArray readSource(const char *path)
{
    QFile file(test::sourcePath(path));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", path);
    return file.readAll();
}

AsymmetricKey keyFrom(const char *path)
{
    CryptoError error;
    AsymmetricKey key = AsymmetricKey::fromPem(readSource(path), &error);
    if (key.isNull())
        qFatal("%s: %s", path, qPrintable(error.toString()));
    return key;
}

DerivedKeys keysFrom(const QJsonObject &side)
{
    return DerivedKeys{hexOf(side[u"signingKey"]), hexOf(side[u"encryptingKey"]),
                       hexOf(side[u"initializationVector"])};
}

QByteArray flipped(QByteArray bytes, qsizetype at)
{
    bytes[at] = char(bytes[at] ^ 0x01);
    return bytes;
}

} // namespace

class TestOpcUaCrypto final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void policyTableMatchesNodeOpcua();
    void policyLookups();
    void securitySettingText_data();
    void securitySettingText();
    void securitySettingRefusals_data();
    void securitySettingRefusals();
    void securitySettingLists();

    void derivedKeysMatchNodeOpcua();
    void nonceOfWrongLengthIsRefused();
    void freshNonces();
    void hmacMatchesNodeOpcua();
    void wrongHmacIsRefused();
    void aesMatchesNodeOpcua();
    void aesRefusesPartialBlocks();
    void paddingMatchesNodeOpcua();
    void badPaddingIsRefused();
    void maxBodySizeMatchesNodeOpcua();
    void symmetricChunkMatchesNodeOpcua();
    void nodeOpcuaChunkReadsBack();

    void rsaSignatureMatchesNodeOpcua();
    void wrongRsaSignatureIsRefused();
    void nodeOpcuaCipherTextDecrypts();
    void nodeOpcuaPssSignatureVerifies();
    void rsaRoundTrip_data();
    void rsaRoundTrip();
    void truncatedOrDamagedRsaCipherTextIsRefused();
    void keyOutsidePolicyLimitsIsRefused();
    void asymmetricChunkWithExtraPaddingRoundTrips();

private:
    QJsonObject m_vectors;
    QByteArray m_message;
    AsymmetricKey m_key2048;
    AsymmetricKey m_public2048;
    AsymmetricKey m_key1024;
    AsymmetricKey m_key4096;
};

void TestOpcUaCrypto::initTestCase()
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(
        readSource("tests/unit/opcua-vectors/crypto-vectors.json"), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    m_vectors = document.object();
    m_message = hexOf(m_vectors[u"message"]);
    QVERIFY(!m_message.isEmpty());
    m_key2048 = keyFrom("tests/unit/opcua-vectors/test-rsa2048.key.pem");
    m_public2048 = keyFrom("tests/unit/opcua-vectors/test-rsa2048.pub.pem");
    m_key1024 = keyFrom("tests/unit/opcua-vectors/test-rsa1024.key.pem");
    m_key4096 = keyFrom("tests/unit/opcua-vectors/test-rsa4096.key.pem");
    QVERIFY(m_key2048.hasPrivateKey());
    QVERIFY(!m_public2048.hasPrivateKey());
    QCOMPARE(m_key2048.bits(), 2048);
    QCOMPARE(m_key1024.bits(), 1024);
    QCOMPARE(m_key4096.bits(), 4096);
}

void TestOpcUaCrypto::policyTableMatchesNodeOpcua()
{
    const QJsonArray entries = m_vectors[u"policies"].toArray();
    QCOMPARE(entries.size(), qsizetype(securityPolicies().size()));
    for (const QJsonValue &value : entries) {
        const QJsonObject node = value.toObject();
        const SecurityPolicy &policy = policyNamed(node[u"policy"]);
        QCOMPARE(policy.uriString(), node[u"uri"].toString());
        if (policy.isNone()) {
            QCOMPARE(policy.nonceLength, 0);
            continue;
        }
        QCOMPARE(policy.derivedSignatureKeyLength, node[u"derivedSignatureKeyLength"].toInt());
        QCOMPARE(policy.derivedEncryptionKeyLength, node[u"derivedEncryptionKeyLength"].toInt());
        QCOMPARE(policy.symmetricBlockSize, node[u"encryptingBlockSize"].toInt());
        QCOMPARE(policy.symmetricSignatureSize, node[u"signatureLength"].toInt());
        QCOMPARE(policy.symmetricEncryption == SymmetricEncryptionAlgorithm::Aes128Cbc
                     ? QStringLiteral("aes-128-cbc")
                     : QStringLiteral("aes-256-cbc"),
                 node[u"symmetricEncryptionAlgorithm"].toString());
        QCOMPARE(policy.keyDerivation == KeyDerivationAlgorithm::PSha1 ? QStringLiteral("SHA1")
                                                                       : QStringLiteral("SHA256"),
                 node[u"keyDerivationHash"].toString());
        QVERIFY2(
            policy.acceptsAsymmetricSignatureUri(node[u"asymmetricSignatureAlgorithm"].toString()),
            policy.name);
        QCOMPARE(QString::fromLatin1(policy.asymmetricEncryptionUri),
                 node[u"asymmetricEncryptionAlgorithm"].toString());
        QCOMPARE(asymmetricPlainTextBlockSize(policy, m_key2048),
                 256 - node[u"blockPaddingSize"].toInt());
    }
    // OPC 10000-7 deprecates these two; the table must say so.
    QVERIFY(securityPolicy(SecurityPolicyId::Basic128Rsa15).deprecated);
    QVERIFY(securityPolicy(SecurityPolicyId::Basic256).deprecated);
    QVERIFY(!securityPolicy(SecurityPolicyId::Basic256Sha256).deprecated);
}

void TestOpcUaCrypto::policyLookups()
{
    for (const SecurityPolicy &policy : securityPolicies()) {
        QCOMPARE(securityPolicyByUri(policy.uriString()), &policy);
        QCOMPARE(securityPolicyByName(policy.nameString()), &policy);
        QCOMPARE(&securityPolicy(policy.id), &policy);
    }
    QCOMPARE(securityPolicyByUri(u"http://opcfoundation.org/UA/SecurityPolicy#Basic192"), nullptr);
    QCOMPARE(securityPolicyByUri(u"Basic256Sha256"), nullptr);
    QCOMPARE(securityPolicyByName(u"basic256sha256"),
             &securityPolicy(SecurityPolicyId::Basic256Sha256));
    QCOMPARE(securityPolicyByName(u"Basic256Sha"), nullptr);
    QVERIFY(!securityPolicy(SecurityPolicyId::Basic256Sha256)
                 .acceptsAsymmetricSignatureUri(u"http://www.w3.org/2000/09/xmldsig#rsa-sha1"));
}

void TestOpcUaCrypto::securitySettingText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<SecurityPolicyId>("policy");
    QTest::addColumn<MessageSecurityMode>("mode");
    QTest::addColumn<QString>("printed");

    QTest::newRow("Basic256Sha256:SignAndEncrypt")
        << QStringLiteral("Basic256Sha256:SignAndEncrypt") << SecurityPolicyId::Basic256Sha256
        << MessageSecurityMode::SignAndEncrypt << QStringLiteral("Basic256Sha256:SignAndEncrypt");
    QTest::newRow("None:None") << QStringLiteral("None:None") << SecurityPolicyId::None
                               << MessageSecurityMode::None << QStringLiteral("None:None");
    QTest::newRow("Aes256_Sha256_RsaPss:Sign")
        << QStringLiteral("Aes256_Sha256_RsaPss:Sign") << SecurityPolicyId::Aes256_Sha256_RsaPss
        << MessageSecurityMode::Sign << QStringLiteral("Aes256_Sha256_RsaPss:Sign");
    QTest::newRow("other case, blanks")
        << QStringLiteral(" aes128_sha256_rsaoaep : signandencrypt ")
        << SecurityPolicyId::Aes128_Sha256_RsaOaep << MessageSecurityMode::SignAndEncrypt
        << QStringLiteral("Aes128_Sha256_RsaOaep:SignAndEncrypt");
    QTest::newRow("deprecated") << QStringLiteral("Basic128Rsa15:Sign")
                                << SecurityPolicyId::Basic128Rsa15 << MessageSecurityMode::Sign
                                << QStringLiteral("Basic128Rsa15:Sign");
}

void TestOpcUaCrypto::securitySettingText()
{
    QFETCH(QString, text);
    QFETCH(SecurityPolicyId, policy);
    QFETCH(MessageSecurityMode, mode);
    QFETCH(QString, printed);

    QString error;
    const auto setting = SecuritySetting::parse(text, &error);
    QVERIFY2(setting, qPrintable(error));
    QCOMPARE(setting->policy, policy);
    QCOMPARE(setting->mode, mode);
    QCOMPARE(setting->toString(), printed);
    QCOMPARE(SecuritySetting::parse(printed, &error), setting);
}

void TestOpcUaCrypto::securitySettingRefusals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("errorNames");

    QTest::newRow("no colon") << QStringLiteral("Basic256Sha256")
                              << QStringList{QStringLiteral("\"Basic256Sha256\""),
                                             QStringLiteral("POLICY:MODE")};
    QTest::newRow("unknown policy")
        << QStringLiteral("Basic265Sha256:Sign")
        << QStringList{QStringLiteral("unknown security policy \"Basic265Sha256\""),
                       QStringLiteral("Aes256_Sha256_RsaPss")};
    QTest::newRow("policy by URI")
        << QStringLiteral("http://opcfoundation.org/UA/SecurityPolicy#None:None")
        << QStringList{QStringLiteral("unknown security policy \"http\"")};
    QTest::newRow("unknown mode") << QStringLiteral("Basic256Sha256:Encrypt")
                                  << QStringList{
                                         QStringLiteral("unknown security mode \"Encrypt\""),
                                         QStringLiteral("SignAndEncrypt")};
    QTest::newRow("empty mode") << QStringLiteral("Basic256Sha256:")
                                << QStringList{QStringLiteral("unknown security mode \"\"")};
    QTest::newRow("None signs nothing")
        << QStringLiteral("None:Sign") << QStringList{QStringLiteral("None goes only with")};
    QTest::newRow("policy without security")
        << QStringLiteral("Basic256Sha256:None")
        << QStringList{QStringLiteral("Basic256Sha256 needs the mode Sign or SignAndEncrypt")};
    QTest::newRow("empty") << QString() << QStringList{QStringLiteral("POLICY:MODE")};
}

void TestOpcUaCrypto::securitySettingRefusals()
{
    QFETCH(QString, text);
    QFETCH(QStringList, errorNames);

    QString error;
    QVERIFY(!SecuritySetting::parse(text, &error));
    for (const QString &name : errorNames)
        QVERIFY2(error.contains(name), qPrintable(error));
}

void TestOpcUaCrypto::securitySettingLists()
{
    QString error;
    const auto settings = parseSecuritySettings(
        u"Basic256Sha256:SignAndEncrypt, Aes256_Sha256_RsaPss:Sign,None:None", &error);
    QVERIFY2(settings, qPrintable(error));
    QCOMPARE(settings->size(), 3);
    QCOMPARE(settings->at(1),
             (SecuritySetting{SecurityPolicyId::Aes256_Sha256_RsaPss, MessageSecurityMode::Sign}));
    QCOMPARE(securitySettingsToString(*settings),
             QStringLiteral("Basic256Sha256:SignAndEncrypt,Aes256_Sha256_RsaPss:Sign,None:None"));

    QVERIFY(!parseSecuritySettings(u"None:None,Basic256Sha256:Sign,none:none", &error));
    QVERIFY2(error.contains(QLatin1String("None:None is listed twice")), qPrintable(error));
    QVERIFY(!parseSecuritySettings(u"None:None,,Basic256Sha256:Sign", &error));
    QVERIFY2(error.contains(QLatin1String("empty entry")), qPrintable(error));
    QVERIFY(!parseSecuritySettings(u"None:None,Basic256Sha256:Sing", &error));
    QVERIFY2(error.contains(QLatin1String("\"Sing\"")), qPrintable(error));
}

void TestOpcUaCrypto::derivedKeysMatchNodeOpcua()
{
    const QJsonArray entries = m_vectors[u"derivedKeys"].toArray();
    QCOMPARE(entries.size(), 5); // every policy but None
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const SecurityPolicy &policy = policyNamed(entry[u"policy"]);
        CryptoError error;
        const auto keys = deriveChannelKeys(policy, hexOf(entry[u"clientNonce"]),
                                            hexOf(entry[u"serverNonce"]), &error);
        QVERIFY2(keys, qPrintable(error.toString()));
        QCOMPARE(keys->client, keysFrom(entry[u"client"].toObject()));
        QCOMPARE(keys->server, keysFrom(entry[u"server"].toObject()));
        QCOMPARE(keys->client.signingKey.size(), policy.derivedSignatureKeyLength);
        QCOMPARE(keys->client.encryptingKey.size(), policy.derivedEncryptionKeyLength);
        QCOMPARE(keys->client.initializationVector.size(), policy.symmetricBlockSize);
    }
}

void TestOpcUaCrypto::nonceOfWrongLengthIsRefused()
{
    const SecurityPolicy &policy = securityPolicy(SecurityPolicyId::Basic256Sha256);
    const QByteArray nonce(32, 'n');
    CryptoError error;
    QVERIFY(!deriveChannelKeys(policy, nonce.left(16), nonce, &error));
    QCOMPARE(error.status, Status::BadNonceInvalid);
    QVERIFY2(error.message.contains(QLatin1String("client nonce has 16 bytes")),
             qPrintable(error.message));
    QVERIFY(!deriveChannelKeys(policy, nonce, QByteArray(), &error));
    QCOMPARE(error.status, Status::BadNonceInvalid);
    QVERIFY2(error.message.contains(QLatin1String("server nonce")), qPrintable(error.message));

    QVERIFY(!deriveChannelKeys(securityPolicy(SecurityPolicyId::None), nonce, nonce, &error));
    QCOMPARE(error.status, Status::BadSecurityPolicyRejected);
}

void TestOpcUaCrypto::freshNonces()
{
    for (const SecurityPolicy &policy : securityPolicies()) {
        CryptoError error;
        const auto first = makeNonce(policy, &error);
        if (policy.isNone()) {
            QVERIFY(!first);
            QCOMPARE(error.status, Status::BadInternalError);
            continue;
        }
        QVERIFY2(first, qPrintable(error.toString()));
        QCOMPARE(first->size(), policy.nonceLength);
        const auto second = makeNonce(policy, &error);
        QVERIFY(second);
        QVERIFY(*first != *second);
        // A fresh nonce is one the channel's own derivation accepts.
        QVERIFY2(deriveChannelKeys(policy, *first, *second, &error), qPrintable(error.toString()));
    }
}

void TestOpcUaCrypto::hmacMatchesNodeOpcua()
{
    const QJsonArray derived = m_vectors[u"derivedKeys"].toArray();
    const QJsonArray entries = m_vectors[u"hmac"].toArray();
    QCOMPARE(entries.size(), derived.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries[i].toObject();
        const SecurityPolicy &policy = policyNamed(entry[u"policy"]);
        const DerivedKeys keys = keysFrom(derived[i].toObject()[u"client"].toObject());
        CryptoError error;
        const auto signature = symmetricSign(policy, keys, hexOf(entry[u"data"]), &error);
        QVERIFY2(signature, qPrintable(error.toString()));
        QCOMPARE(signature->toHex(), entry[u"signature"].toString().toLatin1());
        QVERIFY2(symmetricVerify(policy, keys, hexOf(entry[u"data"]), *signature, &error),
                 qPrintable(error.toString()));
    }
}

void TestOpcUaCrypto::wrongHmacIsRefused()
{
    const QJsonObject entry = m_vectors[u"hmac"].toArray()[2].toObject();
    const SecurityPolicy &policy = policyNamed(entry[u"policy"]);
    QCOMPARE(policy.id, SecurityPolicyId::Basic256Sha256);
    const DerivedKeys keys =
        keysFrom(m_vectors[u"derivedKeys"].toArray()[2].toObject()[u"client"].toObject());
    const QByteArray data = hexOf(entry[u"data"]);
    const QByteArray signature = hexOf(entry[u"signature"]);

    CryptoError error;
    QVERIFY(!symmetricVerify(policy, keys, data, flipped(signature, 31), &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
    QVERIFY2(error.message.contains(QLatin1String("does not match")), qPrintable(error.message));
    QVERIFY(!symmetricVerify(policy, keys, flipped(data, 0), signature, &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
    QVERIFY(!symmetricVerify(policy, keys, data, signature.left(31), &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
    QVERIFY2(error.message.contains(QLatin1String("31 bytes")), qPrintable(error.message));
    // The other side's key is a wrong key, too.
    const DerivedKeys serverKeys =
        keysFrom(m_vectors[u"derivedKeys"].toArray()[2].toObject()[u"server"].toObject());
    QVERIFY(!symmetricVerify(policy, serverKeys, data, signature, &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
}

void TestOpcUaCrypto::aesMatchesNodeOpcua()
{
    const QJsonArray derived = m_vectors[u"derivedKeys"].toArray();
    const QJsonArray entries = m_vectors[u"aes"].toArray();
    QCOMPARE(entries.size(), derived.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries[i].toObject();
        const SecurityPolicy &policy = policyNamed(entry[u"policy"]);
        const DerivedKeys keys = keysFrom(derived[i].toObject()[u"client"].toObject());
        CryptoError error;
        const auto cipherText = symmetricEncrypt(policy, keys, hexOf(entry[u"plainText"]), &error);
        QVERIFY2(cipherText, qPrintable(error.toString()));
        QCOMPARE(cipherText->toHex(), entry[u"cipherText"].toString().toLatin1());
        const auto plainText = symmetricDecrypt(policy, keys, *cipherText, &error);
        QVERIFY2(plainText, qPrintable(error.toString()));
        QCOMPARE(*plainText, hexOf(entry[u"plainText"]));
    }
}

void TestOpcUaCrypto::aesRefusesPartialBlocks()
{
    const QJsonObject entry = m_vectors[u"aes"].toArray()[2].toObject();
    const SecurityPolicy &policy = policyNamed(entry[u"policy"]);
    const DerivedKeys keys =
        keysFrom(m_vectors[u"derivedKeys"].toArray()[2].toObject()[u"client"].toObject());
    CryptoError error;
    // A truncated cipher text came from the network: the chunk fails the security checks.
    QVERIFY(!symmetricDecrypt(policy, keys, hexOf(entry[u"cipherText"]).chopped(1), &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
    QVERIFY2(error.message.contains(QLatin1String("63 bytes is not whole blocks")),
             qPrintable(error.message));
    // Plain text without its padding is Tandem's own mistake.
    QVERIFY(!symmetricEncrypt(policy, keys, hexOf(entry[u"plainText"]).chopped(3), &error));
    QCOMPARE(error.status, Status::BadInternalError);
    QVERIFY2(error.message.contains(QLatin1String("padding is missing")),
             qPrintable(error.message));
    // Keys of another policy's lengths (AES-128 keys under AES-256).
    const DerivedKeys aes128 =
        keysFrom(m_vectors[u"derivedKeys"].toArray()[3].toObject()[u"client"].toObject());
    QVERIFY(!symmetricEncrypt(policy, aes128, hexOf(entry[u"plainText"]), &error));
    QCOMPARE(error.status, Status::BadInternalError);
}

void TestOpcUaCrypto::paddingMatchesNodeOpcua()
{
    const QJsonArray entries = m_vectors[u"padding"].toArray();
    QVERIFY(entries.size() >= 50);
    int withExtraByte = 0;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const EncryptionBlocks blocks{entry[u"plainTextBlockSize"].toInt(),
                                      entry[u"cipherTextBlockSize"].toInt(),
                                      entry[u"signatureSize"].toInt()};
        const qsizetype bytesToEncrypt = SequenceHeaderSize + entry[u"bodyLength"].toInt();
        const QByteArray footer = encryptionPadding(bytesToEncrypt, blocks);
        const QString what = entry[u"layout"].toString() + QStringLiteral(", body ") +
                             QString::number(entry[u"bodyLength"].toInt());
        QVERIFY2(footer.toHex() == entry[u"footer"].toString().toLatin1(), qPrintable(what));
        QCOMPARE(
            (bytesToEncrypt + footer.size() + blocks.signatureSize) % blocks.plainTextBlockSize, 0);
        withExtraByte += blocks.extraPaddingSize() ? 1 : 0;

        // The receiver finds where the body ends.
        const QByteArray decrypted = QByteArray(bytesToEncrypt, '\xaa') + footer;
        CryptoError error;
        const auto length = unpaddedLength(decrypted, blocks, &error);
        QVERIFY2(length, qPrintable(what + error.toString()));
        QCOMPARE(*length, bytesToEncrypt);
    }
    QVERIFY(withExtraByte >= 9); // the RSA 3072 and 4096 layouts
}

void TestOpcUaCrypto::badPaddingIsRefused()
{
    const EncryptionBlocks symmetric{16, 16, 32};
    const QByteArray body(8 + 15, 'b');
    const QByteArray footer = encryptionPadding(body.size(), symmetric);
    QCOMPARE(footer.size(), 1 + 8); // as in the vectors: 15 bytes of body take 8 of padding
    CryptoError error;

    // A padding byte that is not the padding size.
    QByteArray damaged = body + footer;
    damaged[body.size() + 3] = 0x07;
    QVERIFY(!unpaddedLength(damaged, symmetric, &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
    QVERIFY2(error.message.contains(QLatin1String("padding byte 3 of 9 is 0x07")),
             qPrintable(error.message));
    // The PaddingSize byte itself differs.
    damaged = body + footer;
    damaged[body.size()] = 0x09;
    QVERIFY(!unpaddedLength(damaged, symmetric, &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
    // A padding longer than what was decrypted.
    QVERIFY(!unpaddedLength(QByteArray(5, '\x08'), symmetric, &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
    QVERIFY2(error.message.contains(QLatin1String("longer than the decrypted chunk")),
             qPrintable(error.message));
    QVERIFY(!unpaddedLength(QByteArray(), symmetric, &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);

    // With ExtraPaddingSize (RSA 4096): a wrong high byte makes the padding too long, a
    // footer without it misreads the low byte.
    const EncryptionBlocks rsa4096{470, 512, 512};
    const QByteArray longBody(8 + 1, 'b');
    const QByteArray longFooter = encryptionPadding(longBody.size(), rsa4096);
    QCOMPARE(quint8(longFooter.back()), quint8(1)); // 417 bytes of padding: 0x01a1
    QVERIFY(unpaddedLength(longBody + longFooter, rsa4096, &error));
    QVERIFY(!unpaddedLength(longBody + longFooter.chopped(1) + '\x02', rsa4096, &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
    QVERIFY(!unpaddedLength(longBody + longFooter.chopped(1), rsa4096, &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
}

void TestOpcUaCrypto::maxBodySizeMatchesNodeOpcua()
{
    const QJsonArray entries = m_vectors[u"maxBodySize"].toArray();
    QVERIFY(entries.size() >= 20);
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const bool encrypt = entry[u"mode"].toString() == QLatin1String("SignAndEncrypt");
        const EncryptionBlocks blocks{entry[u"plainTextBlockSize"].toInt(),
                                      entry[u"cipherTextBlockSize"].toInt(),
                                      entry[u"signatureSize"].toInt()};
        const qsizetype chunkSize = entry[u"chunkSize"].toInt();
        const qsizetype headerSize = entry[u"headerSize"].toInt();
        const qsizetype body =
            maxBodySize(chunkSize, headerSize, blocks,
                        encrypt ? MessageSecurityMode::SignAndEncrypt : MessageSecurityMode::Sign);
        QCOMPARE(body, qsizetype(entry[u"maxBodySize"].toInt()));
        if (!encrypt)
            continue;
        // The full body, padded and signed, fills the chunk's whole cipher blocks.
        const qsizetype plain = SequenceHeaderSize + body +
                                encryptionPadding(SequenceHeaderSize + body, blocks).size() +
                                blocks.signatureSize;
        const qsizetype cipher = plain / blocks.plainTextBlockSize * blocks.cipherTextBlockSize;
        QVERIFY(headerSize + cipher <= chunkSize);
        QVERIFY(headerSize + cipher + blocks.cipherTextBlockSize > chunkSize);
    }
    QCOMPARE(maxBodySize(8192, 16, EncryptionBlocks{16, 16, 32}, MessageSecurityMode::None),
             8192 - 16 - 8);
    QCOMPARE(
        maxBodySize(100, 90, EncryptionBlocks{214, 256, 256}, MessageSecurityMode::SignAndEncrypt),
        0);
}

// Tandem builds the MSG chunk node-opcua built: header, then sequence header, body,
// padding and HMAC, all but the 16 header bytes encrypted. Both are deterministic.
void TestOpcUaCrypto::symmetricChunkMatchesNodeOpcua()
{
    const QJsonArray derived = m_vectors[u"derivedKeys"].toArray();
    const QJsonArray chunks = m_vectors[u"chunks"].toArray();
    QCOMPARE(chunks.size(), 5);
    for (const QJsonValue &value : chunks) {
        const QJsonObject entry = value.toObject();
        const SecurityPolicy &policy = policyNamed(entry[u"policy"]);
        const bool encrypt = entry[u"mode"].toString() == QLatin1String("SignAndEncrypt");
        DerivedKeys keys;
        for (const QJsonValue &d : derived)
            if (d.toObject()[u"policy"] == entry[u"policy"])
                keys = keysFrom(d.toObject()[u"client"].toObject());
        const QByteArray expected = hexOf(entry[u"chunk"]);
        const QByteArray body = hexOf(entry[u"body"]);

        const EncryptionBlocks blocks = symmetricBlocks(policy);
        QByteArray plain = QByteArray::fromHex("0300000004000000") + body; // sequence 3, request 4
        if (encrypt)
            plain += encryptionPadding(plain.size(), blocks);
        const qsizetype encryptedSize = plain.size() + blocks.signatureSize;
        QByteArray header = QByteArray::fromHex("4d534746000000000100000002000000");
        const quint32 total = quint32(header.size() + encryptedSize);
        for (int i = 0; i < 4; ++i)
            header[4 + i] = char(total >> (8 * i));

        CryptoError error;
        const auto signature = symmetricSign(policy, keys, header + plain, &error);
        QVERIFY2(signature, qPrintable(error.toString()));
        QByteArray chunk = header;
        if (encrypt) {
            const auto cipher = symmetricEncrypt(policy, keys, plain + *signature, &error);
            QVERIFY2(cipher, qPrintable(error.toString()));
            chunk += *cipher;
        } else {
            chunk += plain + *signature;
        }
        QVERIFY2(chunk == expected, qPrintable(entry[u"policy"].toString() + QLatin1Char(' ') +
                                               entry[u"mode"].toString()));
    }
}

// The receiving side: decrypt node-opcua's chunk, check its HMAC, strip the padding.
void TestOpcUaCrypto::nodeOpcuaChunkReadsBack()
{
    const QJsonArray derived = m_vectors[u"derivedKeys"].toArray();
    for (const QJsonValue &value : m_vectors[u"chunks"].toArray()) {
        const QJsonObject entry = value.toObject();
        const SecurityPolicy &policy = policyNamed(entry[u"policy"]);
        const bool encrypt = entry[u"mode"].toString() == QLatin1String("SignAndEncrypt");
        DerivedKeys keys;
        for (const QJsonValue &d : derived)
            if (d.toObject()[u"policy"] == entry[u"policy"])
                keys = keysFrom(d.toObject()[u"client"].toObject());
        const QByteArray chunk = hexOf(entry[u"chunk"]);
        const EncryptionBlocks blocks = symmetricBlocks(policy);
        CryptoError error;

        QByteArray rest = chunk.mid(16);
        if (encrypt) {
            const auto plain = symmetricDecrypt(policy, keys, rest, &error);
            QVERIFY2(plain, qPrintable(error.toString()));
            rest = *plain;
        }
        const QByteArray signedPart = chunk.left(16) + rest.chopped(blocks.signatureSize);
        QVERIFY2(
            symmetricVerify(policy, keys, signedPart, rest.right(blocks.signatureSize), &error),
            qPrintable(error.toString()));
        qsizetype end = rest.size() - blocks.signatureSize;
        if (encrypt) {
            const auto length = unpaddedLength(QByteArrayView(rest).first(end), blocks, &error);
            QVERIFY2(length, qPrintable(error.toString()));
            end = *length;
        }
        QCOMPARE(rest.mid(SequenceHeaderSize, end - SequenceHeaderSize), hexOf(entry[u"body"]));

        // A flipped bit anywhere in the encrypted part fails the signature check.
        if (encrypt) {
            const auto plain = symmetricDecrypt(policy, keys, flipped(chunk, 20).mid(16), &error);
            QVERIFY(plain);
            QVERIFY(!symmetricVerify(policy, keys,
                                     chunk.left(16) + plain->chopped(blocks.signatureSize),
                                     plain->right(blocks.signatureSize), &error));
            QCOMPARE(error.status, Status::BadSecurityChecksFailed);
        }
    }
}

void TestOpcUaCrypto::rsaSignatureMatchesNodeOpcua()
{
    const QJsonArray entries = m_vectors[u"rsaSignatures"].toArray();
    QCOMPARE(entries.size(), 2);
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const SecurityPolicy &policy = policyNamed(entry[u"policy"]);
        CryptoError error;
        const auto signature = asymmetricSign(policy, m_key2048, hexOf(entry[u"data"]), &error);
        QVERIFY2(signature, qPrintable(error.toString()));
        QCOMPARE(signature->size(), asymmetricSignatureSize(m_key2048));
        QCOMPARE(signature->toHex(), entry[u"signature"].toString().toLatin1());
        QVERIFY2(asymmetricVerify(policy, m_public2048, hexOf(entry[u"data"]), *signature, &error),
                 qPrintable(error.toString()));
    }
}

void TestOpcUaCrypto::wrongRsaSignatureIsRefused()
{
    const QJsonObject entry = m_vectors[u"rsaSignatures"].toArray()[0].toObject();
    const SecurityPolicy &policy = policyNamed(entry[u"policy"]);
    const QByteArray data = hexOf(entry[u"data"]);
    const QByteArray signature = hexOf(entry[u"signature"]);
    CryptoError error;

    QVERIFY(!asymmetricVerify(policy, m_public2048, data, flipped(signature, 100), &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
    QVERIFY2(error.message.contains(QLatin1String("does not match")), qPrintable(error.message));
    QVERIFY(!asymmetricVerify(policy, m_public2048, flipped(data, 5), signature, &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
    QVERIFY(!asymmetricVerify(policy, m_public2048, data, signature.chopped(1), &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
    QVERIFY2(error.message.contains(QLatin1String("255 bytes")), qPrintable(error.message));
    // The right bytes under another policy's algorithm (RSA-PSS) do not verify either.
    QVERIFY(!asymmetricVerify(securityPolicy(SecurityPolicyId::Aes256_Sha256_RsaPss), m_public2048,
                              data, signature, &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
    // Signing needs the private key.
    QVERIFY(!asymmetricSign(policy, m_public2048, data, &error));
    QCOMPARE(error.status, Status::BadInternalError);
}

void TestOpcUaCrypto::nodeOpcuaCipherTextDecrypts()
{
    int decrypted = 0;
    for (const QJsonValue &value : m_vectors[u"rsaFromNode"].toArray()) {
        const QJsonObject entry = value.toObject();
        if (entry[u"kind"].toString() != QLatin1String("encryption"))
            continue;
        const SecurityPolicy &policy = policyNamed(entry[u"policy"]);
        const QByteArray cipherText = hexOf(entry[u"cipherText"]);
        QCOMPARE(cipherText.size() % asymmetricCipherTextBlockSize(m_key2048), 0);
        CryptoError error;
        const auto plainText = asymmetricDecrypt(policy, m_key2048, cipherText, &error);
        QVERIFY2(plainText, qPrintable(policy.nameString() + error.toString()));
        QCOMPARE(*plainText, hexOf(entry[u"plainText"]));
        ++decrypted;
    }
    QCOMPARE(decrypted, 3); // OAEP-SHA1, OAEP-SHA256, PKCS#1 v1.5
}

void TestOpcUaCrypto::nodeOpcuaPssSignatureVerifies()
{
    const QJsonArray entries = m_vectors[u"rsaFromNode"].toArray();
    const QJsonObject entry = entries.last().toObject();
    QCOMPARE(entry[u"kind"].toString(), QStringLiteral("signature"));
    const SecurityPolicy &policy = policyNamed(entry[u"policy"]);
    QCOMPARE(policy.asymmetricSignature, AsymmetricSignatureAlgorithm::RsaPssSha256);
    CryptoError error;
    QVERIFY2(asymmetricVerify(policy, m_public2048, hexOf(entry[u"data"]),
                              hexOf(entry[u"signature"]), &error),
             qPrintable(error.toString()));
    QVERIFY(!asymmetricVerify(policy, m_public2048, hexOf(entry[u"data"]),
                              flipped(hexOf(entry[u"signature"]), 7), &error));
    QCOMPARE(error.status, Status::BadSecurityChecksFailed);
    // PKCS#1 v1.5 verification does not accept a PSS signature.
    QVERIFY(!asymmetricVerify(securityPolicy(SecurityPolicyId::Basic256Sha256), m_public2048,
                              hexOf(entry[u"data"]), hexOf(entry[u"signature"]), &error));
}

void TestOpcUaCrypto::rsaRoundTrip_data()
{
    QTest::addColumn<SecurityPolicyId>("policy");
    for (const SecurityPolicy &policy : securityPolicies())
        if (!policy.isNone())
            QTest::newRow(policy.name) << policy.id;
}

void TestOpcUaCrypto::rsaRoundTrip()
{
    QFETCH(SecurityPolicyId, policy);
    const SecurityPolicy &p = securityPolicy(policy);
    CryptoError error;

    // Three blocks and a bit: the last block is short.
    QByteArray plain(3 * asymmetricPlainTextBlockSize(p, m_public2048) + 5, Qt::Uninitialized);
    for (qsizetype i = 0; i < plain.size(); ++i)
        plain[i] = char(i * 31 + 7);
    const auto cipher = asymmetricEncrypt(p, m_public2048, plain, &error);
    QVERIFY2(cipher, qPrintable(error.toString()));
    QCOMPARE(cipher->size(), 4 * asymmetricCipherTextBlockSize(m_public2048));
    const auto back = asymmetricDecrypt(p, m_key2048, *cipher, &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(*back, plain);

    const auto signature = asymmetricSign(p, m_key2048, m_message, &error);
    QVERIFY2(signature, qPrintable(error.toString()));
    QVERIFY2(asymmetricVerify(p, m_public2048, m_message, *signature, &error),
             qPrintable(error.toString()));
    if (p.asymmetricSignature == AsymmetricSignatureAlgorithm::RsaPssSha256) {
        // PSS is randomised: a second signature differs and verifies as well.
        const auto second = asymmetricSign(p, m_key2048, m_message, &error);
        QVERIFY(second);
        QVERIFY(*second != *signature);
        QVERIFY(asymmetricVerify(p, m_public2048, m_message, *second, &error));
    }
}

void TestOpcUaCrypto::truncatedOrDamagedRsaCipherTextIsRefused()
{
    for (SecurityPolicyId id :
         {SecurityPolicyId::Basic256Sha256, SecurityPolicyId::Aes256_Sha256_RsaPss}) {
        const SecurityPolicy &policy = securityPolicy(id);
        CryptoError error;
        const auto cipher = asymmetricEncrypt(policy, m_public2048, m_message, &error);
        QVERIFY2(cipher, qPrintable(error.toString()));

        QVERIFY(!asymmetricDecrypt(policy, m_key2048, cipher->chopped(1), &error));
        QCOMPARE(error.status, Status::BadSecurityChecksFailed);
        QVERIFY2(error.message.contains(QLatin1String("255 bytes is not whole blocks")),
                 qPrintable(error.message));
        QVERIFY(!asymmetricDecrypt(policy, m_key2048, QByteArray(), &error));
        QCOMPARE(error.status, Status::BadSecurityChecksFailed);
        QVERIFY(!asymmetricDecrypt(policy, m_key2048, flipped(*cipher, 40), &error));
        QCOMPARE(error.status, Status::BadSecurityChecksFailed);
        QVERIFY2(error.message.contains(QLatin1String("block 1 of 1 does not decrypt")),
                 qPrintable(error.message));
        // OAEP with the other hash does not decrypt it.
        const SecurityPolicy &other = securityPolicy(id == SecurityPolicyId::Basic256Sha256
                                                         ? SecurityPolicyId::Aes256_Sha256_RsaPss
                                                         : SecurityPolicyId::Basic256Sha256);
        QVERIFY(!asymmetricDecrypt(other, m_key2048, *cipher, &error));
        QCOMPARE(error.status, Status::BadSecurityChecksFailed);
        // Decrypting needs the private key.
        QVERIFY(!asymmetricDecrypt(policy, m_public2048, *cipher, &error));
        QCOMPARE(error.status, Status::BadInternalError);
    }
}

void TestOpcUaCrypto::keyOutsidePolicyLimitsIsRefused()
{
    const SecurityPolicy &basic256Sha256 = securityPolicy(SecurityPolicyId::Basic256Sha256);
    CryptoError error;
    QVERIFY(!checkAsymmetricKey(basic256Sha256, m_key1024, &error));
    QCOMPARE(error.status, Status::BadCertificatePolicyCheckFailed);
    QVERIFY2(error.message.contains(QLatin1String("1024 bits is outside the 2048 to 4096 bits "
                                                  "Basic256Sha256 allows")),
             qPrintable(error.message));
    // Every operation checks the key before using it.
    QVERIFY(!asymmetricSign(basic256Sha256, m_key1024, m_message, &error));
    QCOMPARE(error.status, Status::BadCertificatePolicyCheckFailed);
    QVERIFY(!asymmetricVerify(basic256Sha256, m_key1024, m_message, QByteArray(128, 'x'), &error));
    QCOMPARE(error.status, Status::BadCertificatePolicyCheckFailed);
    QVERIFY(!asymmetricEncrypt(basic256Sha256, m_key1024, m_message, &error));
    QCOMPARE(error.status, Status::BadCertificatePolicyCheckFailed);
    QVERIFY(!asymmetricDecrypt(basic256Sha256, m_key1024, QByteArray(128, 'x'), &error));
    QCOMPARE(error.status, Status::BadCertificatePolicyCheckFailed);

    // The deprecated policies allow 1024 bits but not 4096.
    const SecurityPolicy &basic128Rsa15 = securityPolicy(SecurityPolicyId::Basic128Rsa15);
    QVERIFY2(checkAsymmetricKey(basic128Rsa15, m_key1024, &error), qPrintable(error.message));
    QVERIFY(!checkAsymmetricKey(securityPolicy(SecurityPolicyId::Basic256), m_key4096, &error));
    QCOMPARE(error.status, Status::BadCertificatePolicyCheckFailed);
    QVERIFY(checkAsymmetricKey(basic256Sha256, m_key4096, &error));

    QVERIFY(!checkAsymmetricKey(basic256Sha256, AsymmetricKey(), &error));
    QCOMPARE(error.status, Status::BadCertificatePolicyCheckFailed);
    QVERIFY(!checkAsymmetricKey(securityPolicy(SecurityPolicyId::None), m_key2048, &error));
    QCOMPARE(error.status, Status::BadSecurityPolicyRejected);

    QVERIFY(AsymmetricKey::fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
                                   &error)
                .isNull());
    QCOMPARE(error.status, Status::BadInternalError);
    QVERIFY(AsymmetricKey::fromDer(QByteArray(40, 'x'), &error).isNull());
}

// An OpenSecureChannel-like chunk between a 2048-bit sender and a 4096-bit receiver: the
// receiver's key is over 2048 bits, so the footer carries ExtraPaddingSize.
void TestOpcUaCrypto::asymmetricChunkWithExtraPaddingRoundTrips()
{
    const SecurityPolicy &policy = securityPolicy(SecurityPolicyId::Basic256Sha256);
    const EncryptionBlocks blocks = asymmetricBlocks(policy, m_key2048, m_key4096);
    QCOMPARE(blocks.plainTextBlockSize, 512 - 42);
    QCOMPARE(blocks.cipherTextBlockSize, 512);
    QCOMPARE(blocks.signatureSize, 256);
    QVERIFY(blocks.extraPaddingSize());
    QVERIFY(!asymmetricBlocks(policy, m_key4096, m_key2048).extraPaddingSize());

    const QByteArray header = QByteArray("OPNF") + QByteArray(40, 'h');
    const QByteArray body = QByteArray(8, 's') + m_message;
    QByteArray plain = body + encryptionPadding(body.size(), blocks);
    CryptoError error;
    const auto signature = asymmetricSign(policy, m_key2048, header + plain, &error);
    QVERIFY2(signature, qPrintable(error.toString()));
    plain += *signature;
    QCOMPARE(plain.size() % blocks.plainTextBlockSize, 0);
    const auto cipher = asymmetricEncrypt(policy, m_key4096, plain, &error);
    QVERIFY2(cipher, qPrintable(error.toString()));
    QCOMPARE(cipher->size(), plain.size() / blocks.plainTextBlockSize * 512);

    const auto decrypted = asymmetricDecrypt(policy, m_key4096, *cipher, &error);
    QVERIFY2(decrypted, qPrintable(error.toString()));
    QCOMPARE(*decrypted, plain);
    QVERIFY(asymmetricVerify(policy, m_public2048, header + decrypted->chopped(256),
                             decrypted->right(256), &error));
    const auto length = unpaddedLength(decrypted->chopped(256), blocks, &error);
    QVERIFY2(length, qPrintable(error.toString()));
    QCOMPARE(decrypted->left(*length), body);
}

QTEST_GUILESS_MAIN(TestOpcUaCrypto)
#include "tst_opcuacrypto.moc"
