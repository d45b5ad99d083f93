// What clients can do to a pair: a flood of pipelined requests, or a
// request that makes the server throw away its input, must not fail the pair over nor
// cost another client its answers. A real tandemd between a real pymodbus pair, with
// the status timing of the fail-over tests (interval 200 ms, timeout 100 ms).
//
// ctest runs floodCausesNoSwitch a second time against tandemd built with
// AddressSanitizer and UBSan (TANDEM_TEST_TANDEMD, the fuzz preset's build): the test
// fails if the engine dies or a sanitizer reports anything.
#include "modbuspeer.h"
#include "pairrig.h"
#include "tandemdprocess.h"

#include "modbus/mbapcodec.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace tandem;
using namespace tandem::test;
using tandem::modbus::MbapCodec;
using tandem::modbus::MbapFrame;

namespace {

// FC 3 of `count` registers from protocol address 1: the peer's offset, which tells the
// servers apart. A count of 0 is refused with exception 0x03.
QByteArray read(quint16 tid, quint16 count = 1)
{
    return MbapCodec::encode(MbapFrame{
        tid, 0, 1, QByteArray::fromHex("030001") + char(count >> 8) + char(count & 0xFF)});
}

// A client that writes its requests at once and collects the answers as they come.
class PipeliningClient final
{
public:
    explicit PipeliningClient(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] {
            m_buffer += m_socket.readAll();
            MbapCodec::Decoded d;
            while ((d = MbapCodec::decode(m_buffer)).status == MbapCodec::Status::Complete) {
                answers.append(d.frame);
                m_buffer.remove(0, d.consumed);
            }
        });
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }

    QList<MbapFrame> answers;

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// An answer to a read from protocol address 1 that holds `value`.
bool reads(const MbapFrame &answer, quint16 value)
{
    return answer.pdu.size() >= 4 && answer.pdu.at(0) == 0x03 && answer.pdu.at(1) >= 2 &&
           quint16((quint8(answer.pdu.at(2)) << 8) | quint8(answer.pdu.at(3))) == value;
}
} // namespace

class TestModbusFlood final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo().noquote() << "tandemd:" << TandemdProcess::program(); }
    void init();
    void cleanup();
    void floodCausesNoSwitch_data();
    void floodCausesNoSwitch();
    void flushingServerIsNotLost_data();
    void flushingServerIsNotLost();

private:
    bool startEngine(bool perClient);
    void checkPrimaryNeverLost();

    ModbusPairRig m_rig;
};

void TestModbusFlood::init()
{
    QVERIFY(m_rig.init());
}

void TestModbusFlood::cleanup()
{
    m_rig.cleanup();
}

bool TestModbusFlood::startEngine(bool perClient)
{
    PairConfig pair = m_rig.pair(ConnectionMode::Warm, 200, 100);
    pair.connectionPerClient = perClient;
    return m_rig.engine->startWithPair(pair);
}

// No switch, no lost status, and the engine ends as it should: no crash, and nothing a
// sanitizer reported (the ASan build's reports go to stderr and make it exit non-zero).
void TestModbusFlood::checkPrimaryNeverLost()
{
    const QJsonObject status = m_rig.engine->pairStatus(QStringLiteral("line1"));
    QCOMPARE(status[QLatin1String("active")].toString(), QStringLiteral("primary"));
    QCOMPARE(status[QLatin1String("failovers")].toInt(), 0);
    // The first choice at start is no promotion: any promotion here is a switch.
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Promoted active connection")), 0);
    QCOMPARE(
        m_rig.engine->countEvents(QStringLiteral("Unable to retrieve status for server 'line1'")),
        0);
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Disconnected from 'line1'")), 0);
    QVERIFY(m_rig.engine->stop());
    const QStringList reports = m_rig.engine->lines().filter(
        QRegularExpression(QStringLiteral("AddressSanitizer|LeakSanitizer|runtime error:")));
    QVERIFY2(reports.isEmpty(), qPrintable(reports.join(QLatin1Char('\n'))));
    QVERIFY2(m_rig.engine->exitedCleanly(), qPrintable(QString::number(m_rig.engine->exitCode())));
}

void TestModbusFlood::floodCausesNoSwitch_data()
{
    QTest::addColumn<bool>("perClient");
    QTest::newRow("shared") << false;
    QTest::newRow("per-client") << true;
}

// 24 clients pipeline 400 reads each: far more than the server answers within the
// status timeout. Status queries go on their own connection and are answered in time.
void TestModbusFlood::floodCausesNoSwitch()
{
    QFETCH(bool, perClient);
    QVERIFY(startEngine(perClient));
    constexpr int Clients = 24;
    constexpr int Reads = 400;
    std::vector<std::unique_ptr<PipeliningClient>> clients;
    for (int c = 0; c < Clients; ++c)
        clients.push_back(std::make_unique<PipeliningClient>(m_rig.port));
    for (auto &client : clients)
        QTRY_VERIFY(client->isConnected());
    for (auto &client : clients) {
        QByteArray requests;
        for (int i = 1; i <= Reads; ++i)
            requests += read(quint16(i));
        client->send(requests);
    }
    for (auto &client : clients)
        QTRY_COMPARE_WITH_TIMEOUT(client->answers.size(), Reads, 120000);
    for (auto &client : clients) {
        for (int i = 0; i < Reads; ++i) {
            const MbapFrame &answer = client->answers.at(i);
            QCOMPARE(answer.transactionId, quint16(i + 1));
            QVERIFY2(reads(answer, 0), answer.pdu.toHex().constData());
        }
    }
    const auto stats = m_rig.primary->stats();
    QVERIFY(stats);
    QVERIFY(stats->requests >= Clients * Reads);
    checkPrimaryNeverLost();
}

void TestModbusFlood::flushingServerIsNotLost_data()
{
    floodCausesNoSwitch_data();
}

// A server that, like libmodbus, throws away a connection's unread input after refusing a
// request: a client's bad reads must not make the primary lost, nor cost the other
// clients their answers, which keep coming from the primary.
void TestModbusFlood::flushingServerIsNotLost()
{
    QFETCH(bool, perClient);
    QVERIFY(m_rig.primary->command(QStringLiteral("flush-after-error on")));
    QVERIFY(m_rig.secondary->command(QStringLiteral("flush-after-error on")));
    QVERIFY(startEngine(perClient));
    constexpr int Others = 4;
    constexpr int Rounds = 30;
    PipeliningClient bad(m_rig.port);
    std::vector<std::unique_ptr<PipeliningClient>> others;
    for (int c = 0; c < Others; ++c)
        others.push_back(std::make_unique<PipeliningClient>(m_rig.port));
    QTRY_VERIFY(bad.isConnected());
    for (auto &client : others)
        QTRY_VERIFY(client->isConnected());
    for (int round = 0; round < Rounds; ++round) {
        const quint16 base = quint16(round * 3);
        // A read of no registers (refused: 0x03) with good reads right behind it.
        bad.send(read(base + 1, 0) + read(base + 2) + read(base + 3));
        for (auto &client : others)
            client->send(read(base + 1) + read(base + 2) + read(base + 3));
        QTRY_COMPARE(bad.answers.size(), 3 * (round + 1));
        for (auto &client : others)
            QTRY_COMPARE(client->answers.size(), 3 * (round + 1));
    }
    for (auto &client : others)
        for (const MbapFrame &answer : std::as_const(client->answers))
            QVERIFY2(reads(answer, 0), answer.pdu.toHex().constData());
    // The bad client gets the server's refusal for its bad reads and data for the rest.
    int refused = 0;
    for (const MbapFrame &answer : std::as_const(bad.answers)) {
        if (answer.transactionId % 3 == 1) {
            QCOMPARE(answer.exceptionCode(), quint8(0x03));
            ++refused;
        } else {
            QVERIFY2(reads(answer, 0), answer.pdu.toHex().constData());
        }
    }
    QCOMPARE(refused, Rounds);
    const auto stats = m_rig.primary->stats();
    QVERIFY(stats);
    QCOMPARE(stats->flushes, Rounds);
    QVERIFY(stats->flushedBytes > 0); // requests were thrown away, and sent again
    checkPrimaryNeverLost();
}

QTEST_GUILESS_MAIN(TestModbusFlood)
#include "tst_modbusflood.moc"
