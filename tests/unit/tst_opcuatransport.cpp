// OPC UA framing without sockets: Hello/Acknowledge/Error, chunking of secure messages
// and their reassembly within the negotiated limits, abort chunks, sequence numbers, and
// every limit refused before anything is buffered.
#include "opcua/transport.h"

#include <QTest>

using namespace tandem::opcua;

namespace {

QByteArray body(qsizetype size)
{
    QByteArray b(size, '\0');
    for (qsizetype i = 0; i < size; ++i)
        b[i] = char(i * 7 + 3);
    return b;
}

SecureMessage message(quint32 requestId, const QByteArray &body,
                      MessageType type = MessageType::Message)
{
    SecureMessage m;
    m.type = type;
    m.secureChannelId = 5;
    m.tokenId = 9;
    m.requestId = requestId;
    m.body = body;
    return m;
}

} // namespace

class TestOpcUaTransport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helloRoundTrip();
    void acknowledgeAndNegotiation();
    void errorMessage();
    void chunkedMessageReassembles_data();
    void chunkedMessageReassembles();
    void interleavedRequestsStayApart();
    void openSecureChannelCarriesThePolicy();
    void otherSecurityPoliciesAreRefused();
    void oversizedChunkIsRefusedFromItsHeader();
    void tooManyChunksOrBytesAreRefused();
    void partialRequestsTogetherStayWithinTheMessageSize();
    void abortChunkDropsTheRequest();
    void sequenceNumbersMustFollow();
    void sequenceNumbersMayWrap();
    void garbageIsRefusedAndStaysRefused();
};

void TestOpcUaTransport::helloRoundTrip()
{
    Hello hello;
    hello.limits = {65536, 32768, 1 << 20, 64};
    hello.endpointUrl = QStringLiteral("opc.tcp://127.0.0.1:4840/tandem");
    const QByteArray bytes = encodeHello(hello);
    QCOMPARE(bytes.left(4), QByteArray("HELF"));
    QCOMPARE(bytes.size(), 8 + 20 + 4 + hello.endpointUrl.size());
    QCOMPARE(quint8(bytes[4]), quint8(bytes.size())); // little-endian size
    ChunkReassembler server;
    QVERIFY(server.feed(bytes));
    const std::optional<Hello> got = server.takeHello();
    QVERIFY(got);
    QCOMPARE(got->endpointUrl, hello.endpointUrl);
    QCOMPARE(got->limits.sendBufferSize, 32768u);
    QCOMPARE(got->limits.maxChunkCount, 64u);
    QVERIFY(!server.takeHello()); // taken once
}

void TestOpcUaTransport::acknowledgeAndNegotiation()
{
    Acknowledge ack;
    ack.limits = {16384, 131072, 0, 0}; // the server's: receive 16 KiB, no message limits
    ChunkReassembler client;
    QVERIFY(client.feed(encodeAcknowledge(ack)));
    const std::optional<Acknowledge> got = client.takeAcknowledge();
    QVERIFY(got);
    const ConnectionLimits offered{65536, 65536, 1 << 20, 32};
    const ConnectionLimits l = negotiate(offered, *got);
    QCOMPARE(l.sendBufferSize, 16384u);           // what the server can receive
    QCOMPARE(l.receiveBufferSize, 65536u);        // ours, smaller than its send size
    QCOMPARE(l.maxMessageSize, quint32(1 << 20)); // 0 means no limit: ours applies
    QCOMPARE(l.maxChunkCount, 32u);

    Acknowledge tiny;
    tiny.limits = {1024, 1024, 0, 0};
    ChunkReassembler refusing;
    QVERIFY(!refusing.feed(encodeAcknowledge(tiny)));
    QVERIFY(refusing.error().contains(QStringLiteral("minimum")));
}

void TestOpcUaTransport::errorMessage()
{
    ChunkReassembler client;
    QVERIFY(client.feed(encodeError({StatusCode{0x80820000}, QStringLiteral("internal")})));
    const auto e = client.takeError();
    QVERIFY(e);
    QCOMPARE(e->error.code, 0x80820000u);
    QCOMPARE(e->reason, QStringLiteral("internal"));
}

void TestOpcUaTransport::chunkedMessageReassembles_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("feedPiece");
    QTest::newRow("empty body") << 0 << 1000;
    QTest::newRow("one chunk") << 100 << 1000;
    QTest::newRow("exactly full") << 8192 - 24 << 1000;
    QTest::newRow("many chunks, byte by byte") << 50000 << 1;
    QTest::newRow("many chunks, odd pieces") << 100000 << 777;
}

void TestOpcUaTransport::chunkedMessageReassembles()
{
    QFETCH(int, size);
    QFETCH(int, feedPiece);
    ConnectionLimits limits{8192, 8192, 1 << 20, 64};
    quint32 sequence = 1;
    const QList<QByteArray> chunks = encodeSecureMessage(message(7, body(size)), limits, &sequence);
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        QVERIFY(chunks[i].size() <= 8192);
        QCOMPARE(chunks[i].at(3), i + 1 == chunks.size() ? 'F' : 'C');
    }
    QCOMPARE(sequence, quint32(1 + chunks.size()));
    const QByteArray stream = chunks.join();
    ChunkReassembler r(limits);
    for (qsizetype i = 0; i < stream.size(); i += feedPiece) {
        QVERIFY2(r.feed(QByteArrayView(stream).sliced(
                     i, std::min<qsizetype>(feedPiece, stream.size() - i))),
                 qPrintable(r.error()));
        if (i + feedPiece < stream.size())
            QVERIFY(r.bufferedBytes() < 8192);
    }
    const QList<SecureMessage> done = r.takeMessages();
    QCOMPARE(done.size(), 1);
    QCOMPARE(done[0].body, body(size));
    QCOMPARE(done[0].requestId, 7u);
    QCOMPARE(done[0].tokenId, 9u);
    QCOMPARE(done[0].secureChannelId, 5u);
    QCOMPARE(done[0].firstSequenceNumber, 1u);
    QCOMPARE(done[0].lastSequenceNumber, quint32(chunks.size()));
}

void TestOpcUaTransport::interleavedRequestsStayApart()
{
    ConnectionLimits limits{8192, 8192, 1 << 20, 64};
    quint32 sequence = 10;
    const QList<QByteArray> a = encodeSecureMessage(message(1, body(20000)), limits, &sequence);
    const QList<QByteArray> b =
        encodeSecureMessage(message(2, QByteArray(9000, 'x')), limits, &sequence);
    // a's and b's chunks alternate on the channel, so their sequence numbers are
    // renumbered in sending order: they sit after header (8), channel (4) and token (4).
    QList<QByteArray> order;
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        if (i < a.size())
            order.append(a[i]);
        if (i < b.size())
            order.append(b[i]);
    }
    ChunkReassembler r(limits);
    quint32 renumber = 10;
    for (QByteArray chunk : order) {
        for (int i = 0; i < 4; ++i)
            chunk[16 + i] = char(renumber >> (8 * i) & 0xff);
        ++renumber;
        QVERIFY2(r.feed(chunk), qPrintable(r.error()));
    }
    const QList<SecureMessage> done = r.takeMessages();
    QCOMPARE(done.size(), 2);
    QCOMPARE(done[0].requestId, 2u); // b is shorter: it completes first
    QCOMPARE(done[0].body, QByteArray(9000, 'x'));
    QCOMPARE(done[1].body, body(20000));
}

void TestOpcUaTransport::openSecureChannelCarriesThePolicy()
{
    quint32 sequence = 51;
    SecureMessage open = message(1, QByteArray("request"), MessageType::OpenSecureChannel);
    open.secureChannelId = 0;
    const QList<QByteArray> chunks = encodeSecureMessage(open, {}, &sequence);
    QCOMPARE(chunks.size(), 1);
    QVERIFY(chunks[0].startsWith("OPNF"));
    QVERIFY(chunks[0].contains(SecurityPolicyNone.toUtf8()));
    ChunkReassembler r;
    QVERIFY(r.feed(chunks[0]));
    const QList<SecureMessage> done = r.takeMessages();
    QCOMPARE(done.size(), 1);
    QCOMPARE(done[0].type, MessageType::OpenSecureChannel);
    QCOMPARE(done[0].securityPolicyUri, SecurityPolicyNone);
    QCOMPARE(done[0].body, QByteArray("request"));
}

void TestOpcUaTransport::otherSecurityPoliciesAreRefused()
{
    quint32 sequence = 1;
    SecureMessage open = message(1, QByteArray("x"), MessageType::OpenSecureChannel);
    open.securityPolicyUri =
        QStringLiteral("http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256");
    ChunkReassembler r;
    QVERIFY(!r.feed(encodeSecureMessage(open, {}, &sequence).constFirst()));
    QCOMPARE(r.errorStatus().code, Status::BadSecurityChecksFailed);
    QVERIFY(r.error().contains(QStringLiteral("Basic256Sha256")));
}

void TestOpcUaTransport::oversizedChunkIsRefusedFromItsHeader()
{
    ChunkReassembler r({8192, 8192, 0, 0});
    // Only the header of a 1 GiB chunk: refused at once, nothing waits for the rest.
    QByteArray header("MSGF");
    const quint32 size = 1u << 30;
    header.append(char(size & 0xff))
        .append(char(size >> 8 & 0xff))
        .append(char(size >> 16 & 0xff))
        .append(char(size >> 24));
    QVERIFY(!r.feed(header));
    QCOMPARE(r.errorStatus().code, Status::BadTcpMessageTooLarge);
    QCOMPARE(r.bufferedBytes(), 0);
}

void TestOpcUaTransport::tooManyChunksOrBytesAreRefused()
{
    {
        ConnectionLimits limits{8192, 8192, 0, 3};
        quint32 sequence = 1;
        ChunkReassembler r(limits);
        QVERIFY(!r.feed(encodeSecureMessage(message(1, body(30000)), limits, &sequence).join()));
        QCOMPARE(r.errorStatus().code, Status::BadResponseTooLarge);
        QVERIFY(r.error().contains(QStringLiteral("more than 3 chunks")));
    }
    {
        ConnectionLimits limits{8192, 8192, 10000, 0};
        quint32 sequence = 1;
        ChunkReassembler r(limits);
        QVERIFY(!r.feed(encodeSecureMessage(message(1, body(10001)), limits, &sequence).join()));
        QVERIFY(r.error().contains(QStringLiteral("maximum message size of 10000")));
    }
}

// Each request within the maximum message size is not enough: 64 requests reassembled at
// once could hold 64 times it (a GiB at 16 MiB). All of them together stay within one.
void TestOpcUaTransport::partialRequestsTogetherStayWithinTheMessageSize()
{
    const ConnectionLimits limits{8192, 8192, 100000, 0};
    ChunkReassembler r(limits);
    quint32 sequence = 1;
    int fed = 0;
    for (quint32 id = 1; id <= 20 && r.ok(); ++id) {
        // The first chunk of a request whose last never comes.
        const QList<QByteArray> chunks =
            encodeSecureMessage(message(id, body(20000)), limits, &sequence);
        r.feed(chunks.first());
        sequence -= quint32(chunks.size() - 1); // only the first was sent
        ++fed;
    }
    QVERIFY2(!r.ok(), "20 first chunks of 8 KiB were all buffered");
    QCOMPARE(r.errorStatus().code, Status::BadResponseTooLarge);
    QVERIFY2(r.error().contains(QLatin1String("requests being reassembled hold more than 100000 "
                                              "bytes")),
             qPrintable(r.error()));
    QCOMPARE(fed, 13); // 12 chunks of 8,168 bytes fit in 100000, the 13th does not

    // Completed requests free their share.
    ChunkReassembler ok(limits);
    sequence = 1;
    for (quint32 id = 1; id <= 20; ++id)
        QVERIFY(ok.feed(encodeSecureMessage(message(id, body(60000)), limits, &sequence).join()));
    QCOMPARE(ok.takeMessages().size(), 20);
}

void TestOpcUaTransport::abortChunkDropsTheRequest()
{
    ConnectionLimits limits{8192, 8192, 0, 0};
    quint32 sequence = 1;
    QList<QByteArray> chunks = encodeSecureMessage(message(4, body(20000)), limits, &sequence);
    // Replace the final chunk by an abort chunk with an error and a reason.
    Writer abortBody;
    abortBody.writeUInt32(0x80B90000);
    abortBody.writeString(QStringLiteral("too large for me"));
    QByteArray abort = chunks.last().left(24) + abortBody.data();
    abort[3] = 'A';
    const quint32 total = quint32(abort.size());
    for (int i = 0; i < 4; ++i)
        abort[4 + i] = char(total >> (8 * i) & 0xff);
    chunks.last() = abort;
    ChunkReassembler r(limits);
    QVERIFY2(r.feed(chunks.join()), qPrintable(r.error()));
    QCOMPARE(r.takeMessages().size(), 0);
    const auto aborted = r.takeAborted();
    QCOMPARE(aborted.size(), 1);
    QCOMPARE(aborted[0].first, 4u);
    QCOMPARE(aborted[0].second.reason, QStringLiteral("too large for me"));
}

void TestOpcUaTransport::sequenceNumbersMustFollow()
{
    quint32 sequence = 100;
    const QByteArray first = encodeSecureMessage(message(1, "a"), {}, &sequence).constFirst();
    sequence = 102; // 101 went missing
    const QByteArray third = encodeSecureMessage(message(2, "b"), {}, &sequence).constFirst();
    ChunkReassembler r;
    QVERIFY(r.feed(first));
    QVERIFY(!r.feed(third));
    QCOMPARE(r.errorStatus().code, Status::BadSequenceNumberInvalid);
    QVERIFY(r.error().contains(QStringLiteral("102 does not follow 100")));
}

void TestOpcUaTransport::sequenceNumbersMayWrap()
{
    quint32 sequence = 4294966272u; // past the wrap threshold
    const QList<QByteArray> a = encodeSecureMessage(message(1, "a"), {}, &sequence);
    QCOMPARE(sequence, 1u); // the encoder wrapped
    const QList<QByteArray> b = encodeSecureMessage(message(2, "b"), {}, &sequence);
    ChunkReassembler r;
    QVERIFY2(r.feed(a.join() + b.join()), qPrintable(r.error()));
    QCOMPARE(r.takeMessages().size(), 2);
}

void TestOpcUaTransport::garbageIsRefusedAndStaysRefused()
{
    ChunkReassembler r;
    QVERIFY(!r.feed("GET / HTTP/1.1\r\n\r\n"));
    QCOMPARE(r.errorStatus().code, Status::BadTcpMessageTypeInvalid);
    QVERIFY(!r.feed(encodeError({StatusCode{0}, QString()})));
    QVERIFY(!r.takeError()); // nothing more is read from a broken stream
    ChunkReassembler small;
    QVERIFY(!small.feed(QByteArray("MSGF\x04\x00\x00\x00", 8)));
    QVERIFY(small.error().contains(QStringLiteral("smaller than its header")));
}

QTEST_GUILESS_MAIN(TestOpcUaTransport)
#include "tst_opcuatransport.moc"
