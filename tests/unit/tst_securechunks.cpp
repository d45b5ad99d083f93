// The secured chunk layer (core/opcua/securechunks) between a client and a server side, both
// Tandem's, over ChunkReassembler as the channels use it: every policy and mode round trips,
// chunks stay within the buffer, a flipped byte anywhere is refused before anything is read,
// sequence numbers must follow, and a renewed token's predecessor is accepted only until
// the peer switched or its time ran out; and whole chunks are byte for byte node-opcua's
// (tests/unit/opcua-vectors/crypto-vectors.json). Certificates come from OpenSSL's own API
// (testcertificates.h), not from the product.
#include "buildpaths.h"
#include "opcua/securechunks.h"
#include "opcua/securitypolicy.h"
#include "opcua/sessionsignature.h"
#include "opcua/transport.h"
#include "testcertificates.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace tandem;
using namespace tandem::opcua;

Q_DECLARE_METATYPE(tandem::opcua::SecurityPolicyId)
Q_DECLARE_METATYPE(tandem::opcua::MessageSecurityMode)

namespace {

constexpr quint32 ChannelId = 7;
constexpr qsizetype ChunkSize = 8192;

const test::TestCertificate &certificate(bool server, int bits)
{
    static QMap<QPair<bool, int>, test::TestCertificate> made;
    const QPair<bool, int> key{server, bits};
    if (!made.contains(key)) {
        test::CertificateSpec spec;
        spec.commonName = server ? QStringLiteral("Server") : QStringLiteral("Client");
        spec.uri = server ? QStringLiteral("urn:test:server") : QStringLiteral("urn:test:client");
        spec.keyBits = bits;
        spec.keySlot = server ? 1 : 2;
        made.insert(key, test::makeCertificate(spec));
    }
    return made[key];
}

AsymmetricKey keyOf(const test::TestCertificate &c)
{
    return AsymmetricKey::fromOpenSsl(c.key.get());
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

SecureMessage message(MessageType type, quint32 tokenId, quint32 requestId, QByteArray body)
{
    SecureMessage m;
    m.type = type;
    m.secureChannelId = ChannelId;
    m.tokenId = tokenId;
    m.requestId = requestId;
    m.body = std::move(body);
    return m;
}

// Both ends of one channel, opened with token 1.
struct Channel
{
    std::shared_ptr<SecureChunks> client =
        std::make_shared<SecureChunks>(SecureChunks::Role::Client);
    std::shared_ptr<SecureChunks> server =
        std::make_shared<SecureChunks>(SecureChunks::Role::Server);
    ChunkReassembler atClient, atServer;
    quint32 clientSequence = 1, serverSequence = 1;
    QByteArray clientNonce, serverNonce;

    Channel(SecurityPolicyId policy, MessageSecurityMode mode, int clientBits = 2048,
            int serverBits = 2048)
    {
        const auto &c = certificate(false, clientBits);
        const auto &s = certificate(true, serverBits);
        client->setOwnCertificate(c.der, keyOf(c));
        CryptoError error;
        if (!client->setPeerCertificate(s.der, &error))
            qFatal("%s", qPrintable(error.toString()));
        client->setPolicy(policy);
        client->setMode(mode);
        server->setOwnCertificate(s.der, keyOf(s));
        server->setAcceptedPolicies({SecurityPolicyId::None, policy});
        atClient.setSecurity(client);
        atServer.setSecurity(server);
        const SecurityPolicy &p = securityPolicy(policy);
        clientNonce = randomBytes(p.nonceLength);
        serverNonce = randomBytes(p.nonceLength);
    }

    QList<QByteArray> fromClient(const SecureMessage &m)
    {
        CryptoError error;
        const auto chunks = client->encode(m, ChunkSize, &clientSequence, &error);
        if (!chunks)
            qFatal("client encode: %s", qPrintable(error.toString()));
        return *chunks;
    }
    QList<QByteArray> fromServer(const SecureMessage &m)
    {
        CryptoError error;
        const auto chunks = server->encode(m, ChunkSize, &serverSequence, &error);
        if (!chunks)
            qFatal("server encode: %s", qPrintable(error.toString()));
        return *chunks;
    }

    // OPN both ways; both sides then hold token 1.
    bool open()
    {
        if (!atServer.feed(fromClient(message(MessageType::OpenSecureChannel, 0, 1,
                                              QByteArray("open request")))
                               .join()))
            return false;
        if (atServer.takeMessages().size() != 1)
            return false;
        server->setMode(client->mode());
        CryptoError error;
        if (!server->addToken(1, clientNonce, serverNonce, 60000, &error))
            return false;
        if (!atClient.feed(fromServer(message(MessageType::OpenSecureChannel, 0, 1,
                                              QByteArray("open response")))
                               .join()))
            return false;
        return atClient.takeMessages().size() == 1 &&
               client->addToken(1, clientNonce, serverNonce, 60000, &error);
    }
};

} // namespace

class TestSecureChunks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void tamperedMessageChunkIsRefused_data();
    void tamperedMessageChunkIsRefused();
    void tamperedOpenChunkIsRefused();
    void replayedOrSkippedSequenceNumberIsRefused();
    void renewalKeepsOldTokenUntilTheSwitch();
    void oldTokenExpiresAfterItsLifetime();
    void policyNotAcceptedIsRejected();
    void wrongReceiverThumbprintIsRefused();
    void sameBytesAsNodeOpcua();
    void sessionSignatures();
};

void TestSecureChunks::roundTrip_data()
{
    QTest::addColumn<SecurityPolicyId>("policy");
    QTest::addColumn<MessageSecurityMode>("mode");
    QTest::addColumn<int>("bits");
    for (const SecurityPolicy &p : securityPolicies()) {
        if (p.isNone())
            continue;
        for (MessageSecurityMode mode :
             {MessageSecurityMode::Sign, MessageSecurityMode::SignAndEncrypt}) {
            const QByteArray name =
                p.nameString().toLatin1() + ':' + messageSecurityModeName(mode).toLatin1();
            QTest::newRow(name + " 2048") << p.id << mode << 2048;
            if (p.maxAsymmetricKeyBits >= 4096) // the extra padding byte of OPN
                QTest::newRow(name + " 4096") << p.id << mode << 4096;
        }
    }
}

void TestSecureChunks::roundTrip()
{
    QFETCH(SecurityPolicyId, policy);
    QFETCH(MessageSecurityMode, mode);
    QFETCH(int, bits);
    Channel ch(policy, mode, bits, bits);
    QVERIFY(ch.open());

    // A body of several chunks, each within the buffer and as full as the policy allows.
    const QByteArray body = randomBytes(3 * ChunkSize + 123);
    const QList<QByteArray> chunks = ch.fromClient(message(MessageType::Message, 1, 2, body));
    QVERIFY(chunks.size() >= 4);
    for (const QByteArray &chunk : chunks)
        QVERIFY(chunk.size() <= ChunkSize);
    QVERIFY(chunks.constFirst().size() > ChunkSize - 64);
    for (const QByteArray &chunk : chunks)
        QVERIFY(!chunk.contains(body.mid(1000, 32)) || mode == MessageSecurityMode::Sign);
    QVERIFY2(ch.atServer.feed(chunks.join()), qPrintable(ch.atServer.error()));
    auto received = ch.atServer.takeMessages();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received[0].body, body);
    QCOMPARE(received[0].tokenId, 1u);

    const QByteArray answer = randomBytes(100);
    QVERIFY(ch.atClient.feed(ch.fromServer(message(MessageType::Message, 1, 2, answer)).join()));
    received = ch.atClient.takeMessages();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received[0].body, answer);

    // CLO is secured like MSG.
    QVERIFY(ch.atServer.feed(
        ch.fromClient(message(MessageType::CloseSecureChannel, 1, 3, "close")).join()));
    received = ch.atServer.takeMessages();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received[0].type, MessageType::CloseSecureChannel);
    QCOMPARE(received[0].body, QByteArray("close"));
}

void TestSecureChunks::tamperedMessageChunkIsRefused_data()
{
    QTest::addColumn<MessageSecurityMode>("mode");
    QTest::newRow("Sign") << MessageSecurityMode::Sign;
    QTest::newRow("SignAndEncrypt") << MessageSecurityMode::SignAndEncrypt;
}

void TestSecureChunks::tamperedMessageChunkIsRefused()
{
    QFETCH(MessageSecurityMode, mode);
    Channel ch(SecurityPolicyId::Basic256Sha256, mode);
    QVERIFY(ch.open());
    const QByteArray chunk =
        ch.fromClient(message(MessageType::Message, 1, 2, "read request")).constFirst();
    for (qsizetype i = 0; i < chunk.size(); ++i) {
        QByteArray tampered = chunk;
        tampered[i] = char(tampered[i] ^ 0x01);
        CryptoError error;
        QVERIFY2(!ch.server->decode(tampered, &error), qPrintable(QString::number(i)));
        // The token id names keys that do not exist; everything else fails the signature.
        const quint32 expected = i >= 12 && i < 16 ? Status::BadSecureChannelTokenUnknown
                                                   : Status::BadSecurityChecksFailed;
        QVERIFY2(error.status == expected,
                 qPrintable(QStringLiteral("byte %1: %2").arg(i).arg(error.toString())));
    }
    // Through the reassembler: the channel breaks and nothing comes out.
    QByteArray tampered = chunk;
    tampered[chunk.size() - 40] = char(tampered[chunk.size() - 40] ^ 0x80);
    QVERIFY(!ch.atServer.feed(tampered));
    QCOMPARE(ch.atServer.errorStatus().code, Status::BadSecurityChecksFailed);
    QVERIFY(ch.atServer.takeMessages().isEmpty());
}

void TestSecureChunks::tamperedOpenChunkIsRefused()
{
    Channel ch(SecurityPolicyId::Aes128_Sha256_RsaOaep, MessageSecurityMode::Sign);
    const QByteArray chunk =
        ch.fromClient(message(MessageType::OpenSecureChannel, 0, 1, "open")).constFirst();
    // Each byte of the encrypted part (after the certificate) and of the message header.
    const qsizetype encryptedStart = chunk.size() - 256;
    for (qsizetype i :
         {qsizetype(3), qsizetype(5), encryptedStart, encryptedStart + 100, chunk.size() - 1}) {
        QByteArray tampered = chunk;
        tampered[i] = char(tampered[i] ^ 0x01);
        SecureChunks server(SecureChunks::Role::Server);
        const auto &s = certificate(true, 2048);
        server.setOwnCertificate(s.der, keyOf(s));
        server.setAcceptedPolicies({SecurityPolicyId::Aes128_Sha256_RsaOaep});
        CryptoError error;
        QVERIFY(!server.decode(tampered, &error));
        QVERIFY2(error.status == Status::BadSecurityChecksFailed,
                 qPrintable(QStringLiteral("byte %1: %2").arg(i).arg(error.toString())));
    }
}

void TestSecureChunks::replayedOrSkippedSequenceNumberIsRefused()
{
    Channel ch(SecurityPolicyId::Aes256_Sha256_RsaPss, MessageSecurityMode::SignAndEncrypt);
    QVERIFY(ch.open());
    const QByteArray first = ch.fromClient(message(MessageType::Message, 1, 2, "a")).join();
    QVERIFY(ch.atServer.feed(first));
    QVERIFY(!ch.atServer.feed(first)); // the same chunk again, validly signed
    QCOMPARE(ch.atServer.errorStatus().code, Status::BadSequenceNumberInvalid);

    Channel skip(SecurityPolicyId::Aes256_Sha256_RsaPss, MessageSecurityMode::Sign);
    QVERIFY(skip.open());
    ++skip.clientSequence; // one number goes missing
    QVERIFY(!skip.atServer.feed(skip.fromClient(message(MessageType::Message, 1, 2, "b")).join()));
    QCOMPARE(skip.atServer.errorStatus().code, Status::BadSequenceNumberInvalid);

    // The wrap once past 4294966271 is no gap.
    Channel wrap(SecurityPolicyId::Basic256Sha256, MessageSecurityMode::Sign);
    QVERIFY(wrap.open());
    wrap.clientSequence = SequenceNumberWrapAbove + 1;
    // A fresh reassembler takes the first number as it comes.
    ChunkReassembler atServer;
    atServer.setSecurity(wrap.server);
    QVERIFY(atServer.feed(wrap.fromClient(message(MessageType::Message, 1, 2, "c")).join()));
    QCOMPARE(wrap.clientSequence, 1u);
    QVERIFY2(atServer.feed(wrap.fromClient(message(MessageType::Message, 1, 3, "d")).join()),
             qPrintable(atServer.error()));
    QCOMPARE(atServer.takeMessages().size(), 2);
}

void TestSecureChunks::renewalKeepsOldTokenUntilTheSwitch()
{
    Channel ch(SecurityPolicyId::Basic256Sha256, MessageSecurityMode::SignAndEncrypt);
    QVERIFY(ch.open());
    // Renewal: new nonces, new keys under token 2 on both sides.
    const QByteArray clientNonce = randomBytes(32), serverNonce = randomBytes(32);
    CryptoError error;
    QVERIFY(ch.atServer.feed(
        ch.fromClient(message(MessageType::OpenSecureChannel, 0, 5, "renew")).join()));
    QVERIFY(ch.server->addToken(2, clientNonce, serverNonce, 60000, &error));
    QVERIFY(ch.atClient.feed(
        ch.fromServer(message(MessageType::OpenSecureChannel, 0, 5, "renewed")).join()));
    QVERIFY(ch.client->addToken(2, clientNonce, serverNonce, 60000, &error));
    // A client chunk under token 1, kept aside to be sent late (its own sequence series).
    quint32 scratch = 1000;
    const auto stale =
        ch.client->encode(message(MessageType::Message, 1, 9, "late"), ChunkSize, &scratch, &error);
    QVERIFY(stale);
    // A client message still under token 1 (sent before it saw the answer) is accepted.
    QVERIFY2(ch.atServer.feed(ch.fromClient(message(MessageType::Message, 1, 6, "old")).join()),
             qPrintable(ch.atServer.error()));
    // The server answers under token 1 until the client has used token 2.
    QVERIFY(ch.atClient.feed(ch.fromServer(message(MessageType::Message, 1, 6, "old")).join()));
    QVERIFY(ch.server->hasPreviousToken());
    QVERIFY(ch.atServer.feed(ch.fromClient(message(MessageType::Message, 2, 7, "new")).join()));
    QVERIFY(!ch.server->hasPreviousToken());
    QVERIFY(ch.atClient.feed(ch.fromServer(message(MessageType::Message, 2, 7, "new")).join()));
    QVERIFY(!ch.client->hasPreviousToken());
    QCOMPARE(ch.atServer.takeMessages().size(), 3);
    QCOMPARE(ch.atClient.takeMessages().size(), 3);
    // Token 1 is done: its chunk, validly signed with its keys, is refused now.
    QVERIFY(!ch.server->decode(stale->constFirst(), &error));
    QCOMPARE(error.status, Status::BadSecureChannelTokenUnknown);
    QVERIFY(!ch.client->encode(message(MessageType::Message, 1, 10, "x"), ChunkSize,
                               &ch.clientSequence, &error));
    QCOMPARE(error.status, Status::BadSecureChannelTokenUnknown);
}

void TestSecureChunks::oldTokenExpiresAfterItsLifetime()
{
    Channel ch(SecurityPolicyId::Aes128_Sha256_RsaOaep, MessageSecurityMode::Sign);
    ch.client->setNow(0);
    ch.server->setNow(0);
    QVERIFY(ch.open()); // token 1: 60 s
    CryptoError error;
    const QByteArray n1 = randomBytes(32), n2 = randomBytes(32);
    ch.server->setNow(45000);
    ch.client->setNow(45000);
    QVERIFY(ch.server->addToken(2, n1, n2, 60000, &error));
    QVERIFY(ch.client->addToken(2, n1, n2, 60000, &error));
    const QByteArray old = ch.fromClient(message(MessageType::Message, 1, 2, "old")).join();
    ch.server->setNow(75000); // 125 % of 60 s after token 1 was issued
    QVERIFY(ch.server->decode(old, &error));
    ch.server->setNow(75001);
    QVERIFY(!ch.server->decode(old, &error));
    QCOMPARE(error.status, Status::BadSecureChannelTokenUnknown);
    QVERIFY(error.message.contains(QStringLiteral("expired")));
}

void TestSecureChunks::policyNotAcceptedIsRejected()
{
    Channel ch(SecurityPolicyId::Basic256Sha256, MessageSecurityMode::Sign);
    ch.server->setAcceptedPolicies({SecurityPolicyId::Aes256_Sha256_RsaPss});
    QVERIFY(!ch.atServer.feed(
        ch.fromClient(message(MessageType::OpenSecureChannel, 0, 1, "open")).join()));
    QCOMPARE(ch.atServer.errorStatus().code, Status::BadSecurityPolicyRejected);
    QVERIFY(ch.atServer.error().contains(QStringLiteral("Basic256Sha256")));
}

void TestSecureChunks::wrongReceiverThumbprintIsRefused()
{
    Channel ch(SecurityPolicyId::Basic256Sha256, MessageSecurityMode::Sign);
    // The client encrypts for another server's certificate than the one answering.
    CryptoError error;
    QVERIFY(ch.client->setPeerCertificate(certificate(true, 4096).der, &error));
    QVERIFY(!ch.atServer.feed(
        ch.fromClient(message(MessageType::OpenSecureChannel, 0, 1, "open")).join()));
    QCOMPARE(ch.atServer.errorStatus().code, Status::BadSecurityChecksFailed);
    QVERIFY(ch.atServer.error().contains(QStringLiteral("receiver thumbprint")));
}

// Whole MSG chunks node-opcua's ChunkManager signed (and encrypted) with the keys of fixed
// nonces (tests/unit/opcua-vectors/make-crypto-vectors.js): Tandem's chunk layer makes the
// same bytes from the same nonces and reads node-opcua's.
void TestSecureChunks::sameBytesAsNodeOpcua()
{
    QFile file(test::sourcePath("tests/unit/opcua-vectors/crypto-vectors.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject vectors = QJsonDocument::fromJson(file.readAll()).object();
    QHash<QString, std::pair<QByteArray, QByteArray>> nonces;
    for (const QJsonValue &value : vectors[u"derivedKeys"].toArray()) {
        const QJsonObject o = value.toObject();
        nonces.insert(o[u"policy"].toString(),
                      {QByteArray::fromHex(o[u"clientNonce"].toString().toLatin1()),
                       QByteArray::fromHex(o[u"serverNonce"].toString().toLatin1())});
    }
    const QJsonArray chunks = vectors[u"chunks"].toArray();
    QVERIFY(!chunks.isEmpty());
    for (const QJsonValue &value : chunks) {
        const QJsonObject o = value.toObject();
        const QString name = o[u"policy"].toString();
        const SecurityPolicy *policy = securityPolicyByName(name);
        QVERIFY(policy);
        const auto mode = messageSecurityModeByName(o[u"mode"].toString());
        QVERIFY(mode);
        const QByteArray body = QByteArray::fromHex(o[u"body"].toString().toLatin1());
        const QByteArray chunk = QByteArray::fromHex(o[u"chunk"].toString().toLatin1());
        const auto [clientNonce, serverNonce] = nonces.value(name);
        CryptoError error;

        // node-opcua's chunk was made with the client's keys: the server side reads it.
        auto server = std::make_shared<SecureChunks>(SecureChunks::Role::Server);
        server->setPolicy(policy->id);
        server->setMode(*mode);
        QVERIFY(server->addToken(2, clientNonce, serverNonce, 60000, &error));
        ChunkReassembler reassembler;
        reassembler.setSecurity(server);
        QVERIFY2(reassembler.feed(chunk), qPrintable(name + u' ' + reassembler.error()));
        const QList<SecureMessage> received = reassembler.takeMessages();
        QCOMPARE(received.size(), 1);
        QCOMPARE(received[0].body, body);
        QCOMPARE(received[0].requestId, 4u);
        QCOMPARE(received[0].firstSequenceNumber, 3u);

        // Tandem's client side makes the same bytes.
        SecureChunks client(SecureChunks::Role::Client);
        client.setPolicy(policy->id);
        client.setMode(*mode);
        QVERIFY(client.addToken(2, clientNonce, serverNonce, 60000, &error));
        SecureMessage m = message(MessageType::Message, 2, 4, body);
        m.secureChannelId = 1;
        quint32 sequence = 3;
        const auto made = client.encode(m, 8192, &sequence, &error);
        QVERIFY2(made, qPrintable(error.toString()));
        QCOMPARE(made->size(), 1);
        QVERIFY2(made->constFirst() == chunk, qPrintable(name + u':' + o[u"mode"].toString()));
    }
}

// CreateSession's and ActivateSession's proofs (OPC 10000-4 §5.6.2, §5.6.3): a signature
// verifies with the signer's certificate only over the same certificate and nonce and under
// the channel's algorithm; anything else is BadApplicationSignatureInvalid.
void TestSecureChunks::sessionSignatures()
{
    const auto &c = certificate(false, 2048);
    const auto &s = certificate(true, 2048);
    const QByteArray nonce = randomBytes(32);
    for (const SecurityPolicy &policy : securityPolicies()) {
        if (policy.isNone())
            continue;
        CryptoError error;
        const auto signature = signSession(policy, keyOf(c), s.der, nonce, &error);
        QVERIFY2(signature, qPrintable(error.toString()));
        QCOMPARE(signature->algorithm, QString::fromLatin1(policy.asymmetricSignatureUri));
        QVERIFY2(verifySessionSignature(policy, c.der, *signature, s.der, nonce, &error),
                 qPrintable(error.toString()));
        // Another nonce, another signer, another algorithm, a flipped bit.
        QByteArray otherNonce = nonce;
        otherNonce[0] = char(otherNonce[0] ^ 1);
        QVERIFY(!verifySessionSignature(policy, c.der, *signature, s.der, otherNonce, &error));
        QCOMPARE(error.status, Status::BadApplicationSignatureInvalid);
        QVERIFY(!verifySessionSignature(policy, s.der, *signature, s.der, nonce, &error));
        QCOMPARE(error.status, Status::BadApplicationSignatureInvalid);
        SignatureData renamed = *signature;
        renamed.algorithm = QStringLiteral("http://www.w3.org/2000/09/xmldsig#dsa-sha1");
        QVERIFY(!verifySessionSignature(policy, c.der, renamed, s.der, nonce, &error));
        QCOMPARE(error.status, Status::BadApplicationSignatureInvalid);
        SignatureData flipped = *signature;
        flipped.signature[10] = char(flipped.signature[10] ^ 0x40);
        QVERIFY(!verifySessionSignature(policy, c.der, flipped, s.der, nonce, &error));
        QCOMPARE(error.status, Status::BadApplicationSignatureInvalid);
    }
}

QTEST_GUILESS_MAIN(TestSecureChunks)
#include "tst_securechunks.moc"
