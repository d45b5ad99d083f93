// MBAP framing on a byte stream: round trips, split and coalesced frames, and the
// malformed headers that must close a client rather than stall or over-allocate it.
#include "modbus/mbapcodec.h"

#include <QTest>

using namespace tandem::modbus;

class TestMbapCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesTheWireFormat();
    void roundTripAtEverySplit();
    void coalescedFramesComeOneByOne();
    void malformed_data();
    void malformed();
    void largestFrame();
    void exceptionAnswer();
    void readOnlyRequests();
};

void TestMbapCodec::encodesTheWireFormat()
{
    // Read 2 holding registers from 0x006B, transaction 0x1234, unit 0x11.
    const MbapFrame frame{0x1234, 0, 0x11, QByteArray::fromHex("03006b0002")};
    QCOMPARE(MbapCodec::encode(frame).toHex(), QByteArray("12340000000611"
                                                          "03006b0002"));
}

void TestMbapCodec::roundTripAtEverySplit()
{
    const MbapFrame frame{0xBEEF, 0, 1, QByteArray::fromHex("10000a000204000a0102")};
    const QByteArray wire = MbapCodec::encode(frame);
    for (qsizetype cut = 0; cut < wire.size(); ++cut) {
        const auto partial = MbapCodec::decode(QByteArrayView(wire).first(cut));
        QCOMPARE(partial.status, MbapCodec::Status::NeedMore);
        QCOMPARE(partial.consumed, 0);
    }
    const auto whole = MbapCodec::decode(wire);
    QCOMPARE(whole.status, MbapCodec::Status::Complete);
    QCOMPARE(whole.consumed, wire.size());
    QVERIFY(whole.frame == frame);
}

void TestMbapCodec::coalescedFramesComeOneByOne()
{
    const MbapFrame a{1, 0, 1, QByteArray::fromHex("0300000001")};
    const MbapFrame b{2, 0, 2, QByteArray::fromHex("0400100004")};
    QByteArray stream = MbapCodec::encode(a) + MbapCodec::encode(b) + QByteArray::fromHex("0003");
    auto first = MbapCodec::decode(stream);
    QCOMPARE(first.status, MbapCodec::Status::Complete);
    QVERIFY(first.frame == a);
    stream.remove(0, first.consumed);
    auto second = MbapCodec::decode(stream);
    QVERIFY(second.frame == b);
    stream.remove(0, second.consumed);
    QCOMPARE(MbapCodec::decode(stream).status, MbapCodec::Status::NeedMore);
}

void TestMbapCodec::malformed_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("protocol 1") << QByteArray::fromHex("00010001000601")
                                << "protocol identifier is 1";
    QTest::newRow("length 0") << QByteArray::fromHex("00010000000001") << "length is 0";
    QTest::newRow("length 1: no function code")
        << QByteArray::fromHex("00010000000101") << "length is 1";
    QTest::newRow("length 255") << QByteArray::fromHex("000100000"
                                                       "0ff01")
                                << "length is 255";
    QTest::newRow("length 65535") << QByteArray::fromHex("0001000"
                                                         "0ffff01")
                                  << "length is 65535";
}

void TestMbapCodec::malformed()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, messagePart);
    const auto decoded = MbapCodec::decode(wire);
    QCOMPARE(decoded.status, MbapCodec::Status::Malformed);
    QCOMPARE(decoded.consumed, 0);
    QVERIFY2(decoded.error.contains(messagePart), qPrintable(decoded.error));
}

void TestMbapCodec::largestFrame()
{
    const MbapFrame frame{7, 0, 1, QByteArray(MbapCodec::MaxPduSize, '\x03')};
    const QByteArray wire = MbapCodec::encode(frame);
    QCOMPARE(wire.size(), 260);
    const auto decoded = MbapCodec::decode(wire);
    QCOMPARE(decoded.status, MbapCodec::Status::Complete);
    QCOMPARE(decoded.frame.pdu.size(), MbapCodec::MaxPduSize);
}

void TestMbapCodec::exceptionAnswer()
{
    const MbapFrame request{0x0102, 0, 9, QByteArray::fromHex("0600010003")};
    const MbapFrame answer =
        MbapCodec::exceptionFor(request, ExceptionCode::GatewayTargetFailedToRespond);
    QCOMPARE(MbapCodec::encode(answer).toHex(), QByteArray("01020000000309"
                                                           "860b"));
    QVERIFY(answer.isException());
    QCOMPARE(answer.exceptionCode(), quint8(0x0B));
    QCOMPARE(request.exceptionCode(), quint8(0));
}

void TestMbapCodec::readOnlyRequests()
{
    for (const char *hex : {"0100000008", "0200000008", "0300000001", "0400000001", "2b0e0100"})
        QVERIFY2(MbapCodec::isReadOnly(QByteArray::fromHex(hex)), hex);
    for (const char *hex :
         {"050000ff00", "0600000001", "0f000000080100", "10000000010200ff", "17", "2b0d", ""})
        QVERIFY2(!MbapCodec::isReadOnly(QByteArray::fromHex(hex)), hex);
}

QTEST_GUILESS_MAIN(TestMbapCodec)
#include "tst_mbapcodec.moc"
