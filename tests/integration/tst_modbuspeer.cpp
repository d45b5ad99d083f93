// The test peers themselves: the pymodbus server that fail-over tests use as primary
// and secondary, and the blocking client they talk through. If these lie, every
// fail-over test above them does too.
#include "modbuspeer.h"
#include "modbustestclient.h"

#include "modbus/mbapcodec.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using tandem::modbus::MbapCodec;
using tandem::modbus::MbapFrame;
using tandem::test::ModbusPeer;
using tandem::test::ModbusTestClient;

namespace {
constexpr quint8 Unit = 1;
const auto Localhost = QStringLiteral("127.0.0.1");
} // namespace

class TestModbusPeer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void offsetsTellPeersApart();
    void counterRunsAndStops();
    void anyUnitAnswers();
    void setCommandsChangeData();
    void writesThroughTheClient();
    void addressRange();
    void injectedExceptions_data();
    void injectedExceptions();
    void hungPeerKeepsConnectionButDoesNotAnswer();
    void killedPeerDropsConnection();
    void closedInputKeepsServing();
    void wrongTransactionIsReported();
    void flushAfterErrorDiscardsWhatFollows();
    void maxConnectionsClosesTheRest();

private:
    quint16 readOne(ModbusTestClient &client, quint16 address0);

    std::unique_ptr<ModbusPeer> m_primary;
    std::unique_ptr<ModbusPeer> m_secondary;
    std::unique_ptr<ModbusTestClient> m_client; // connected to the primary
};

void TestModbusPeer::init()
{
    QElapsedTimer timer;
    timer.start();
    m_primary = std::make_unique<ModbusPeer>();
    QVERIFY(m_primary->start(0));
    const qint64 firstStart = timer.restart();
    m_secondary = std::make_unique<ModbusPeer>();
    QVERIFY(m_secondary->start(1000));
    qInfo("peers started in %lld and %lld ms", firstStart, timer.elapsed());
    QVERIFY(m_primary->port() != m_secondary->port());
    QCOMPARE(m_primary->address(), QStringLiteral("127.0.0.1:%1").arg(m_primary->port()));
    m_client = std::make_unique<ModbusTestClient>();
    QVERIFY2(m_client->connectTo(Localhost, m_primary->port()),
             qPrintable(m_client->errorString()));
}

void TestModbusPeer::cleanup()
{
    // Also runs after a failed check: no peer outlives its test.
    m_client.reset();
    m_primary.reset();
    m_secondary.reset();
}

quint16 TestModbusPeer::readOne(ModbusTestClient &client, quint16 address0)
{
    const ModbusTestClient::Reply r = client.readHoldingRegisters(Unit, address0, 1);
    if (!r.ok) {
        qWarning().noquote() << "read failed:" << r.error;
        return 0xFFFF;
    }
    return r.registers.value(0);
}

void TestModbusPeer::offsetsTellPeersApart()
{
    ModbusTestClient secondary;
    QVERIFY(secondary.connectTo(Localhost, m_secondary->port()));

    ModbusTestClient::Reply r = m_client->readHoldingRegisters(Unit, 1, 1);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.registers, QList<quint16>{0});
    r = secondary.readHoldingRegisters(Unit, 1, 1);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.registers, QList<quint16>{1000});
    r = secondary.readInputRegisters(Unit, 0, 2);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.registers.size(), 2);
    QVERIFY(r.registers[0] >= 1000);
    QCOMPARE(r.registers[1], quint16(1000));
}

void TestModbusPeer::counterRunsAndStops()
{
    const quint16 first = readOne(*m_client, 0);
    QVERIFY(first < 0xFFFF);
    QTRY_VERIFY_WITH_TIMEOUT(readOne(*m_client, 0) >= first + 2, 5000);

    // The secondary's running counter is the clock: while it ticks three times, the
    // stopped primary must not move.
    ModbusTestClient secondary;
    QVERIFY(secondary.connectTo(Localhost, m_secondary->port()));
    QVERIFY(m_primary->command(QStringLiteral("stop-counter")));
    const quint16 frozen = readOne(*m_client, 0);
    const quint16 clock = readOne(secondary, 0);
    QTRY_VERIFY_WITH_TIMEOUT(readOne(secondary, 0) >= clock + 3, 5000);
    QCOMPARE(readOne(*m_client, 0), frozen);

    QVERIFY(m_primary->command(QStringLiteral("start-counter")));
    QTRY_VERIFY_WITH_TIMEOUT(readOne(*m_client, 0) > frozen, 5000);
}

void TestModbusPeer::anyUnitAnswers()
{
    for (quint8 unit : {quint8(0), quint8(1), quint8(17), quint8(255)}) {
        const ModbusTestClient::Reply r = m_client->readHoldingRegisters(unit, 1, 1);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.unitId, unit);
    }
}

void TestModbusPeer::setCommandsChangeData()
{
    QVERIFY(m_primary->command(QStringLiteral("set 10 4321")));
    ModbusTestClient::Reply r = m_client->readHoldingRegisters(Unit, 9, 3);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.registers, (QList<quint16>{0, 4321, 0}));

    QVERIFY(m_primary->command(QStringLiteral("setcoil 3 1")));
    QVERIFY(m_primary->command(QStringLiteral("setcoil 9 1")));
    r = m_client->readCoils(Unit, 0, 10);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.bits,
             (QList<bool>{false, false, false, true, false, false, false, false, false, true}));
    QVERIFY(m_primary->command(QStringLiteral("setcoil 3 0")));
    r = m_client->readCoils(Unit, 3, 1);
    QCOMPARE(r.bits, QList<bool>{false});

    // A refused command is not acknowledged, and the peer stays usable.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refused")));
    QVERIFY(!m_primary->command(QStringLiteral("set 5000 1")));
    QVERIFY(m_primary->command(QStringLiteral("set 11 7")));
}

void TestModbusPeer::writesThroughTheClient()
{
    ModbusTestClient::Reply r = m_client->writeSingleRegister(Unit, 20, 777);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(readOne(*m_client, 20), quint16(777));

    r = m_client->writeMultipleRegisters(Unit, 30, {1, 2, 0xFFFF});
    QVERIFY2(r.ok, qPrintable(r.error));
    r = m_client->readHoldingRegisters(Unit, 30, 3);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.registers, (QList<quint16>{1, 2, 0xFFFF}));

    r = m_client->writeSingleCoil(Unit, 5, true);
    QVERIFY2(r.ok, qPrintable(r.error));
    r = m_client->readCoils(Unit, 5, 1);
    QCOMPARE(r.bits, QList<bool>{true});

    // Transaction ids go up by one per request.
    const quint16 before = m_client->lastTransactionId();
    r = m_client->readHoldingRegisters(Unit, 0, 1);
    QCOMPARE(r.transactionId, quint16(before + 1));
}

void TestModbusPeer::addressRange()
{
    ModbusTestClient::Reply r = m_client->readHoldingRegisters(Unit, 999, 1);
    QVERIFY2(r.ok, qPrintable(r.error));
    r = m_client->readInputRegisters(Unit, 0, 125);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.registers.size(), 125);
    r = m_client->readCoils(Unit, 992, 8);
    QVERIFY2(r.ok, qPrintable(r.error));
    r = m_client->readDiscreteInputs(Unit, 0, 1000);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.bits.size(), 1000);
    r = m_client->readHoldingRegisters(Unit, 1000, 1);
    QVERIFY(!r.ok);
    QCOMPARE(r.exceptionCode, quint8(0x02));
}

void TestModbusPeer::injectedExceptions_data()
{
    QTest::addColumn<int>("code");
    QTest::newRow("gateway target failed to respond") << 11;
    QTest::newRow("gateway path unavailable") << 10;
    QTest::newRow("server device failure") << 4;
}

void TestModbusPeer::injectedExceptions()
{
    QFETCH(int, code);
    QVERIFY(m_primary->command(QStringLiteral("exception %1").arg(code)));
    ModbusTestClient::Reply r = m_client->readHoldingRegisters(Unit, 1, 1);
    QVERIFY(!r.ok);
    QCOMPARE(r.exceptionCode, quint8(code));
    QCOMPARE(r.pdu, QByteArray::fromHex("83") + char(code));
    r = m_client->readCoils(Unit, 0, 1);
    QCOMPARE(r.exceptionCode, quint8(code));
    // A write is refused without being applied.
    r = m_client->writeSingleRegister(Unit, 40, 99);
    QCOMPARE(r.exceptionCode, quint8(code));
    QCOMPARE(r.pdu.at(0), char(0x86));

    QVERIFY(m_primary->command(QStringLiteral("normal")));
    r = m_client->readHoldingRegisters(Unit, 40, 1);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.registers, QList<quint16>{0});
}

void TestModbusPeer::hungPeerKeepsConnectionButDoesNotAnswer()
{
    QCOMPARE(readOne(*m_client, 1), quint16(0));
    m_primary->hang();
    QVERIFY(m_primary->isHung());
    ModbusTestClient::Reply r = m_client->readHoldingRegisters(Unit, 1, 1, 500);
    QVERIFY(r.timedOut);
    QVERIFY(!r.disconnected);
    QVERIFY(!r.ok);
    QVERIFY(m_client->isConnected());
    QVERIFY(m_primary->isRunning());

    m_primary->resume();
    // The late answer to the abandoned request is dropped, not taken for this one.
    r = m_client->readHoldingRegisters(Unit, 1, 1);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.registers, QList<quint16>{0});
    QCOMPARE(m_client->lateReplies(), 1);
    QVERIFY(m_primary->command(QStringLiteral("normal")));
}

void TestModbusPeer::killedPeerDropsConnection()
{
    const quint16 port = m_primary->port();
    QCOMPARE(readOne(*m_client, 1), quint16(0));
    m_primary->kill();
    QVERIFY(!m_primary->isRunning());
    const ModbusTestClient::Reply r = m_client->readHoldingRegisters(Unit, 1, 1);
    QVERIFY2(r.disconnected, qPrintable(r.error));
    QVERIFY(!r.timedOut);
    QVERIFY(!m_client->isConnected());
    QVERIFY(!m_client->connectTo(Localhost, port, 1000));
    QCOMPARE(m_client->errorString(), QStringLiteral("Connection refused"));

    // The other peer is untouched.
    QVERIFY(m_client->connectTo(Localhost, m_secondary->port()));
    QCOMPARE(readOne(*m_client, 1), quint16(1000));
}

void TestModbusPeer::closedInputKeepsServing()
{
    m_primary->closeInput();
    QCOMPARE(readOne(*m_client, 1), quint16(0));
    const quint16 now = readOne(*m_client, 0);
    QTRY_VERIFY_WITH_TIMEOUT(readOne(*m_client, 0) > now, 5000);
    QVERIFY(m_primary->isRunning());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("input closed")));
    QVERIFY(!m_primary->command(QStringLiteral("normal")));
    m_primary->stop();
    QVERIFY(!m_primary->isRunning());
    m_secondary->stop();
    QVERIFY(!m_secondary->isRunning());
}

void TestModbusPeer::wrongTransactionIsReported()
{
    // A stray request the client did not make: its answer arrives first.
    m_client->sendRaw(QByteArray::fromHex("abcd00000006010300010001"));
    m_client->setNextTransactionId(7);
    ModbusTestClient::Reply r = m_client->readHoldingRegisters(Unit, 1, 1);
    QVERIFY(r.wrongTransaction);
    QVERIFY(!r.ok);
    QCOMPARE(r.transactionId, quint16(0xabcd));
    // The answer to transaction 7 still comes; it is late now and dropped.
    r = m_client->request(Unit, QByteArray::fromHex("0300010001"), 2000);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.transactionId, quint16(8));
    QCOMPARE(m_client->lateReplies(), 1);
}

// Like libmodbus: the request pipelined behind a refused one is never answered, and the
// next one is.
void TestModbusPeer::flushAfterErrorDiscardsWhatFollows()
{
    QVERIFY(m_primary->command(QStringLiteral("flush-after-error on")));
    QTcpSocket socket;
    socket.connectToHost(Localhost, m_primary->port());
    QVERIFY(socket.waitForConnected(3000));
    const auto read = [](quint16 tid, quint16 count) {
        return MbapCodec::encode(MbapFrame{
            tid, 0, Unit, QByteArray::fromHex("03000a") + char(count >> 8) + char(count)});
    };
    QList<MbapFrame> answers;
    QByteArray buffer;
    const auto receive = [&](quint16 untilTid) {
        while (answers.isEmpty() || answers.last().transactionId != untilTid) {
            if (!socket.waitForReadyRead(3000))
                return false;
            buffer += socket.readAll();
            MbapCodec::Decoded d;
            while ((d = MbapCodec::decode(buffer)).status == MbapCodec::Status::Complete) {
                answers.append(d.frame);
                buffer.remove(0, d.consumed);
            }
        }
        return true;
    };
    socket.write(read(1, 1) + read(2, 0) + read(3, 1)); // one segment: read together
    QVERIFY(receive(2));
    socket.write(read(4, 1));
    QVERIFY(receive(4));
    QCOMPARE(answers.size(), 3);
    QCOMPARE(answers[0].transactionId, quint16(1));
    QCOMPARE(answers[1].exceptionCode(), quint8(0x03));
    QCOMPARE(answers[2].transactionId, quint16(4)); // 3 was discarded
    const auto stats = m_primary->stats();
    QVERIFY(stats);
    QCOMPARE(stats->flushes, 1);
    QCOMPARE(stats->flushedBytes, 12);

    QVERIFY(m_primary->command(QStringLiteral("flush-after-error off")));
    answers.clear();
    socket.write(read(5, 0) + read(6, 1));
    QVERIFY(receive(6));
    QCOMPARE(answers.size(), 2);
}

void TestModbusPeer::maxConnectionsClosesTheRest()
{
    QVERIFY(m_primary->command(QStringLiteral("max-connections 1")));
    ModbusTestClient second;
    // The kernel accepts it; the server closes it at once.
    if (second.connectTo(Localhost, m_primary->port())) {
        const ModbusTestClient::Reply r = second.readHoldingRegisters(Unit, 1, 1);
        QVERIFY(!r.ok);
        QVERIFY2(r.disconnected, qPrintable(r.error));
    }
    QCOMPARE(readOne(*m_client, 1), quint16(0)); // the first one is served as before
    auto stats = m_primary->stats();
    QVERIFY(stats);
    QCOMPARE(stats->connections, 1);
    QCOMPARE(stats->refused, 1);
    QVERIFY(m_primary->command(QStringLiteral("max-connections 0")));
    ModbusTestClient third;
    QVERIFY(third.connectTo(Localhost, m_primary->port()));
    QCOMPARE(readOne(third, 1), quint16(0));
}

QTEST_GUILESS_MAIN(TestModbusPeer)
#include "tst_modbuspeer.moc"
