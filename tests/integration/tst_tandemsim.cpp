// Runs the real tandem-sim binary and talks Modbus TCP to it byte for byte, plus mbpoll as
// an independent client, since the demo, the tests and the benchmarks all stand on it.
#include "buildpaths.h"
#include "modbus/mbapcodec.h"
#include "simpeer.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <initializer_list>
#include <memory>
#include <optional>

using tandem::modbus::MbapCodec;
using tandem::modbus::MbapFrame;
using tandem::test::SimPeer;

namespace {

constexpr int Offset = 1000;
constexpr int AnswerTimeoutMs = 5000;

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    for (const int v : values)
        out.append(char(v));
    return out;
}

QByteArray be16(quint16 value)
{
    return bytes({value >> 8, value & 0xFF});
}

// function, address, quantity: the shape of FC1-4 requests.
QByteArray readRequest(quint8 function, quint16 address, quint16 quantity)
{
    return char(function) + be16(address) + be16(quantity);
}

QList<quint16> registersIn(const MbapFrame &answer)
{
    QList<quint16> values;
    for (qsizetype i = 2; i + 1 < answer.pdu.size(); i += 2)
        values.append(qFromBigEndian<quint16>(answer.pdu.constData() + i));
    return values;
}

// A deliberately plain blocking client: it checks the simulator without sharing any of
// its code beyond the MBAP framing.
class Client final
{
public:
    bool connectTo(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        return socket.waitForConnected(AnswerTimeoutMs);
    }

    quint16 send(const QByteArray &pdu, quint8 unit = 1)
    {
        const quint16 id = m_nextId++;
        socket.write(MbapCodec::encode(MbapFrame{id, 0, unit, pdu}));
        socket.flush();
        return id;
    }

    std::optional<MbapFrame> receive(int timeoutMs = AnswerTimeoutMs)
    {
        const QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            // The event loop (run by QTRY) may have buffered bytes already.
            m_buffer += socket.readAll();
            const MbapCodec::Decoded decoded = MbapCodec::decode(m_buffer);
            if (decoded.status == MbapCodec::Status::Complete) {
                m_buffer.remove(0, decoded.consumed);
                return decoded.frame;
            }
            if (decoded.status == MbapCodec::Status::Malformed)
                return std::nullopt;
            if (!socket.waitForReadyRead(int(deadline.remainingTime())))
                return std::nullopt;
        }
    }

    // Sends one request and waits for the answer carrying its transaction id.
    std::optional<MbapFrame> request(const QByteArray &pdu, quint8 unit = 1)
    {
        const quint16 id = send(pdu, unit);
        std::optional<MbapFrame> answer = receive();
        if (answer && (answer->transactionId != id || answer->unitId != unit)) {
            qWarning() << "answer for transaction" << answer->transactionId << "unit"
                       << answer->unitId << "to request" << id << "unit" << unit;
            return std::nullopt;
        }
        return answer;
    }

    std::optional<QList<quint16>> readHolding(quint16 address, quint16 quantity = 1)
    {
        const std::optional<MbapFrame> answer = request(readRequest(0x03, address, quantity));
        if (!answer || answer->isException() || answer->pdu.size() != 2 + 2 * quantity)
            return std::nullopt;
        return registersIn(*answer);
    }

    QTcpSocket socket;

private:
    QByteArray m_buffer;
    quint16 m_nextId = 1;
};

// A plain POSIX socket: QTcpSocket reports a reset and an orderly close alike.
int rawConnect(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Waits until fd is readable, then reads; returns recv's result, errno as left by recv.
ssize_t rawReceive(int fd, char *buffer, size_t size)
{
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, AnswerTimeoutMs) != 1) {
        errno = ETIMEDOUT;
        return -1;
    }
    return ::recv(fd, buffer, size, 0);
}

} // namespace

class TestTandemSim final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void readsOffsetAndCounter();
    void writesReadBack();
    void coils();
    void inputTablesAndSet();
    void anyUnitId();
    void exceptions();
    void pipelinedRequestsAnsweredInOrder();
    void forcedException();
    void hangAndResume();
    void dropResetsConnections();
    void malformedFrameClosesOnlyThatConnection();
    void commandErrors();
    void stdinEndKeepsRunning();
    void portInUse();
    void badOptions();
    void quitAndSigterm();
    void mbpollAgrees();

private:
    bool start(const QStringList &extra = {});
    QString command(const QString &line);

    std::unique_ptr<SimPeer> m_sim;
    quint16 m_port = 0;
};

bool TestTandemSim::start(const QStringList &extra)
{
    m_sim = std::make_unique<SimPeer>();
    if (!m_sim->start(Offset, 0, extra))
        return false;
    m_port = m_sim->port();
    return true;
}

// Sends one stdin command and waits for its one-line answer.
QString TestTandemSim::command(const QString &line)
{
    return m_sim->reply(line, AnswerTimeoutMs).value_or(QStringLiteral("(no answer)"));
}

void TestTandemSim::cleanup()
{
    m_sim.reset();
}

void TestTandemSim::readsOffsetAndCounter()
{
    QVERIFY(start({QStringLiteral("--tick"), QStringLiteral("20")}));
    Client c;
    QVERIFY(c.connectTo(m_port));
    const auto values = c.readHolding(0, 2);
    QVERIFY(values);
    QCOMPARE(values->at(1), quint16(Offset));
    QVERIFY(values->at(0) >= Offset);
    const quint16 first = values->at(0);
    QTRY_VERIFY(c.readHolding(0).value_or(QList<quint16>{first}).at(0) > first);

    // The input register counter runs as well.
    const auto inputFirst = c.request(readRequest(0x04, 0, 1));
    QVERIFY(inputFirst && !inputFirst->isException());
    const quint16 input = registersIn(*inputFirst).at(0);
    QVERIFY(input >= Offset);
    QTRY_VERIFY(registersIn(c.request(readRequest(0x04, 0, 1)).value_or(*inputFirst)).at(0) >
                input);

    // stop-ticking freezes the counter; start-ticking moves it again.
    QCOMPARE(command(QStringLiteral("stop-ticking")), QStringLiteral("ok stop-ticking"));
    const quint16 frozen = c.readHolding(0).value_or(QList<quint16>{0}).at(0);
    QVERIFY(!QTest::qWaitFor(
        [&] { return c.readHolding(0).value_or(QList<quint16>{0}).at(0) != frozen; }, 200));
    QCOMPARE(command(QStringLiteral("start-ticking")), QStringLiteral("ok start-ticking"));
    QTRY_VERIFY(c.readHolding(0).value_or(QList<quint16>{frozen}).at(0) != frozen);
}

void TestTandemSim::writesReadBack()
{
    QVERIFY(start({QStringLiteral("--tick"), QStringLiteral("0")}));
    Client c;
    QVERIFY(c.connectTo(m_port));

    // FC6 answers with an echo of the request.
    const QByteArray writeSingle = char(0x06) + be16(9) + be16(0xBEEF);
    auto answer = c.request(writeSingle);
    QVERIFY(answer);
    QCOMPARE(answer->pdu, writeSingle);
    QCOMPARE(c.readHolding(9).value(), QList<quint16>{0xBEEF});

    // FC16 answers with function, address and quantity.
    const QByteArray writeMultiple =
        char(0x10) + be16(100) + be16(3) + char(6) + be16(1) + be16(2) + be16(65535);
    answer = c.request(writeMultiple);
    QVERIFY(answer);
    QCOMPARE(answer->pdu, writeMultiple.left(5));
    QCOMPARE(c.readHolding(99, 5).value(), (QList<quint16>{0, 1, 2, 65535, 0}));

    // The last register, and FC16 at its limit of 123.
    QByteArray full = char(0x10) + be16(65536 - 123) + be16(123) + char(246);
    for (int i = 0; i < 123; ++i)
        full += be16(quint16(i));
    answer = c.request(full);
    QVERIFY(answer && !answer->isException());
    QCOMPARE(c.readHolding(65535).value(), QList<quint16>{122});

    // FC23 writes first, then reads.
    const QByteArray readWrite =
        char(0x17) + be16(199) + be16(3) + be16(200) + be16(1) + char(2) + be16(4242);
    answer = c.request(readWrite);
    QVERIFY(answer);
    QCOMPARE(answer->functionCode(), quint8(0x17));
    QCOMPARE(quint8(answer->pdu.at(1)), quint8(6));
    QCOMPARE(registersIn(*answer), (QList<quint16>{0, 4242, 0}));

    // Offset and counter registers are writable too; with ticking off the value stays.
    QVERIFY(c.request(char(0x06) + be16(0) + be16(7)));
    QCOMPARE(c.readHolding(0, 2).value(), (QList<quint16>{7, quint16(Offset)}));
}

void TestTandemSim::coils()
{
    QVERIFY(start());
    Client c;
    QVERIFY(c.connectTo(m_port));

    const QByteArray on = char(0x05) + be16(4) + be16(0xFF00);
    auto answer = c.request(on);
    QVERIFY(answer);
    QCOMPARE(answer->pdu, on);
    answer = c.request(readRequest(0x01, 0, 8));
    QVERIFY(answer);
    QCOMPARE(answer->pdu, bytes({0x01, 1, 0x10}));

    // FC15: ten coils 1,0,1,1,0,0,0,0 | 1,1 starting at coil 20; bits LSB first.
    const QByteArray writeCoils = char(0x0F) + be16(20) + be16(10) + bytes({2, 0x0D, 0x03});
    answer = c.request(writeCoils);
    QVERIFY(answer);
    QCOMPARE(answer->pdu, writeCoils.left(5));
    answer = c.request(readRequest(0x01, 20, 10));
    QVERIFY(answer);
    QCOMPARE(answer->pdu, bytes({0x01, 2, 0x0D, 0x03}));
    // Unaligned read across the written range: coils 18..29 -> 0,0,1,0,1,1,0,0 | 0,0,1,1.
    answer = c.request(readRequest(0x01, 18, 12));
    QVERIFY(answer);
    QCOMPARE(answer->pdu, bytes({0x01, 2, 0x34, 0x0C}));

    const QByteArray off = char(0x05) + be16(4) + be16(0x0000);
    QVERIFY(c.request(off));
    answer = c.request(readRequest(0x01, 0, 1));
    QVERIFY(answer);
    QCOMPARE(answer->pdu, bytes({0x01, 1, 0x00}));
    // Only 0xFF00 and 0x0000 are coil values.
    answer = c.request(char(0x05) + be16(4) + be16(0x0001));
    QVERIFY(answer);
    QCOMPARE(answer->pdu, bytes({0x85, 0x03}));
}

void TestTandemSim::inputTablesAndSet()
{
    QVERIFY(start({QStringLiteral("--tick"), QStringLiteral("0")}));
    Client c;
    QVERIFY(c.connectTo(m_port));
    auto answer = c.request(readRequest(0x04, 0, 3));
    QVERIFY(answer);
    QCOMPARE(registersIn(*answer), (QList<quint16>{quint16(Offset), 0, 0}));

    QCOMPARE(command(QStringLiteral("set 300003 0x1234")), QStringLiteral("ok set 300003 0x1234"));
    QCOMPARE(command(QStringLiteral("set 100005 1")), QStringLiteral("ok set 100005 1"));
    QCOMPARE(command(QStringLiteral("set 400010 -1")), QStringLiteral("ok set 400010 -1"));
    QCOMPARE(command(QStringLiteral("set 000001 1")), QStringLiteral("ok set 000001 1"));
    QCOMPARE(command(QStringLiteral("set 465536 9")), QStringLiteral("ok set 465536 9"));
    answer = c.request(readRequest(0x04, 2, 1));
    QVERIFY(answer);
    QCOMPARE(registersIn(*answer), QList<quint16>{0x1234});
    answer = c.request(readRequest(0x02, 0, 5));
    QVERIFY(answer);
    QCOMPARE(answer->pdu, bytes({0x02, 1, 0x10}));
    QCOMPARE(c.readHolding(9).value(), QList<quint16>{0xFFFF});
    QCOMPARE(c.readHolding(65535).value(), QList<quint16>{9});
    answer = c.request(readRequest(0x01, 0, 1));
    QVERIFY(answer);
    QCOMPARE(answer->pdu, bytes({0x01, 1, 0x01}));
}

void TestTandemSim::anyUnitId()
{
    QVERIFY(start());
    Client c;
    QVERIFY(c.connectTo(m_port));
    for (const int unit : {0, 1, 17, 255}) {
        const auto answer = c.request(readRequest(0x03, 1, 1), quint8(unit));
        QVERIFY2(answer, qPrintable(QString::number(unit)));
        QCOMPARE(registersIn(*answer), QList<quint16>{quint16(Offset)});
    }
}

void TestTandemSim::exceptions()
{
    QVERIFY(start());
    Client c;
    QVERIFY(c.connectTo(m_port));
    const auto check = [&c](const QByteArray &pdu, quint8 function, quint8 code) {
        const std::optional<MbapFrame> answer = c.request(pdu);
        if (!answer)
            return false;
        if (answer->pdu != bytes({function | 0x80, code})) {
            qWarning() << "request" << pdu.toHex(' ') << "answered" << answer->pdu.toHex(' ');
            return false;
        }
        return true;
    };
    // 0x01: functions the simulator does not implement.
    QVERIFY(check(bytes({0x07}), 0x07, 0x01));
    QVERIFY(check(bytes({0x2B, 0x0E, 0x01, 0x00}), 0x2B, 0x01));
    // 0x03: quantities outside the protocol limits, and PDUs of the wrong shape.
    QVERIFY(check(readRequest(0x03, 0, 0), 0x03, 0x03));
    QVERIFY(check(readRequest(0x03, 0, 126), 0x03, 0x03));
    QVERIFY(check(readRequest(0x04, 0, 126), 0x04, 0x03));
    QVERIFY(check(readRequest(0x01, 0, 2001), 0x01, 0x03));
    QVERIFY(check(readRequest(0x02, 0, 2001), 0x02, 0x03));
    QVERIFY(check(bytes({0x03, 0, 0, 0}), 0x03, 0x03));
    // 124 registers do not fit in a PDU; the request is cut to the 253 bytes a PDU holds.
    const QByteArray tooMany = char(0x10) + be16(0) + be16(124) + char(248) + QByteArray(248, '\0');
    QVERIFY(check(tooMany.left(MbapCodec::MaxPduSize), 0x10, 0x03));
    QVERIFY(check(char(0x10) + be16(0) + be16(2) + char(2) + be16(1), 0x10, 0x03));
    QVERIFY(
        check(char(0x0F) + be16(0) + be16(1969) + char(247) + QByteArray(247, '\0'), 0x0F, 0x03));
    // 0x02: a range that runs past address 65535.
    QVERIFY(check(readRequest(0x03, 65535, 2), 0x03, 0x02));
    QVERIFY(check(readRequest(0x01, 65000, 537), 0x01, 0x02));
    QVERIFY(check(char(0x10) + be16(65535) + be16(2) + char(4) + be16(1) + be16(2), 0x10, 0x02));
    // The limits themselves are fine.
    auto answer = c.request(readRequest(0x03, 65536 - 125, 125));
    QVERIFY(answer && !answer->isException());
    QCOMPARE(answer->pdu.size(), 2 + 250);
    answer = c.request(readRequest(0x01, 65536 - 2000, 2000));
    QVERIFY(answer && !answer->isException());
    QCOMPARE(answer->pdu.size(), 2 + 250);
    // A quantity error is reported before an address error, as the specification orders.
    QVERIFY(check(readRequest(0x03, 65535, 200), 0x03, 0x03));
}

void TestTandemSim::pipelinedRequestsAnsweredInOrder()
{
    QVERIFY(start());
    Client c;
    QVERIFY(c.connectTo(m_port));
    // Two frames in one write.
    QByteArray both = MbapCodec::encode(MbapFrame{0x1001, 0, 1, readRequest(0x03, 1, 1)});
    both += MbapCodec::encode(MbapFrame{0x1002, 0, 2, char(0x06) + be16(5) + be16(55)});
    c.socket.write(both);
    auto first = c.receive();
    auto second = c.receive();
    QVERIFY(first && second);
    QCOMPARE(first->transactionId, quint16(0x1001));
    QCOMPARE(first->unitId, quint8(1));
    QCOMPARE(registersIn(*first), QList<quint16>{quint16(Offset)});
    QCOMPARE(second->transactionId, quint16(0x1002));
    QCOMPARE(second->unitId, quint8(2));
    QCOMPARE(second->functionCode(), quint8(0x06));

    // Many frames in two writes, the second one holding only the tail of the last frame.
    QByteArray burst;
    for (quint16 id = 0; id < 200; ++id)
        burst += MbapCodec::encode(MbapFrame{quint16(0x2000 + id), 0, 1, readRequest(0x03, 4, 2)});
    c.socket.write(burst.left(burst.size() - 3));
    c.socket.flush();
    QVERIFY(c.socket.waitForBytesWritten(AnswerTimeoutMs) || c.socket.bytesToWrite() == 0);
    c.socket.write(burst.right(3));
    for (quint16 id = 0; id < 200; ++id) {
        const auto answer = c.receive();
        QVERIFY(answer);
        QCOMPARE(answer->transactionId, quint16(0x2000 + id));
        QCOMPARE(registersIn(*answer), (QList<quint16>{0, 55}));
    }
}

void TestTandemSim::forcedException()
{
    QVERIFY(start());
    Client c;
    QVERIFY(c.connectTo(m_port));
    QCOMPARE(command(QStringLiteral("exception 11")), QStringLiteral("ok exception 11"));
    auto answer = c.request(readRequest(0x03, 0, 1));
    QVERIFY(answer);
    QCOMPARE(answer->pdu, bytes({0x83, 0x0B}));
    answer = c.request(char(0x06) + be16(0) + be16(1));
    QVERIFY(answer);
    QCOMPARE(answer->pdu, bytes({0x86, 0x0B}));
    QCOMPARE(command(QStringLiteral("exception 0x0A")), QStringLiteral("ok exception 0x0A"));
    answer = c.request(readRequest(0x04, 0, 1));
    QVERIFY(answer);
    QCOMPARE(answer->pdu, bytes({0x84, 0x0A}));
    QCOMPARE(command(QStringLiteral("normal")), QStringLiteral("ok normal"));
    QCOMPARE(c.readHolding(1).value(), QList<quint16>{quint16(Offset)});
}

void TestTandemSim::hangAndResume()
{
    QVERIFY(start());
    Client c;
    QVERIFY(c.connectTo(m_port));
    QVERIFY(c.readHolding(1));
    QCOMPARE(command(QStringLiteral("hang")), QStringLiteral("ok hang"));
    const quint16 stalled = c.send(readRequest(0x03, 1, 1));
    // A bounded wait for an answer that must not come, with the connection still up.
    QVERIFY(!c.socket.waitForReadyRead(300));
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
    // New connections are accepted but not served.
    Client late;
    QVERIFY(late.connectTo(m_port));
    const quint16 lateId = late.send(readRequest(0x03, 1, 1));
    QVERIFY(!late.socket.waitForReadyRead(300));
    QCOMPARE(late.socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);

    // Resuming answers what queued up meanwhile, then serves as usual.
    QCOMPARE(command(QStringLiteral("resume")), QStringLiteral("ok resume"));
    auto answer = c.receive();
    QVERIFY(answer);
    QCOMPARE(answer->transactionId, stalled);
    answer = late.receive();
    QVERIFY(answer);
    QCOMPARE(answer->transactionId, lateId);
    QCOMPARE(c.readHolding(1).value(), QList<quint16>{quint16(Offset)});
    QCOMPARE(late.readHolding(1).value(), QList<quint16>{quint16(Offset)});
}

void TestTandemSim::dropResetsConnections()
{
    QVERIFY(start());
    Client c;
    QVERIFY(c.connectTo(m_port));
    QVERIFY(c.readHolding(1));
    const int raw = rawConnect(m_port);
    QVERIFY(raw >= 0);
    const auto closeRaw = qScopeGuard([raw] { ::close(raw); });
    // One exchange, so the simulator surely holds this connection when it drops.
    const QByteArray request = MbapCodec::encode(MbapFrame{7, 0, 1, readRequest(0x03, 1, 1)});
    QCOMPARE(::send(raw, request.constData(), size_t(request.size()), MSG_NOSIGNAL),
             ssize_t(request.size()));
    char buffer[64];
    QCOMPARE(rawReceive(raw, buffer, sizeof buffer), ssize_t(11));

    QCOMPARE(command(QStringLiteral("drop")), QStringLiteral("ok drop"));
    QTRY_COMPARE(c.socket.state(), QAbstractSocket::UnconnectedState);
    // A reset, not an orderly close (recv would return 0 for that).
    errno = 0;
    QCOMPARE(rawReceive(raw, buffer, sizeof buffer), ssize_t(-1));
    QCOMPARE(errno, ECONNRESET);

    // The simulator itself keeps listening.
    Client again;
    QVERIFY(again.connectTo(m_port));
    QCOMPARE(again.readHolding(1).value(), QList<quint16>{quint16(Offset)});
}

void TestTandemSim::malformedFrameClosesOnlyThatConnection()
{
    QVERIFY(start());
    Client bad;
    Client good;
    QVERIFY(bad.connectTo(m_port));
    QVERIFY(good.connectTo(m_port));
    QVERIFY(good.readHolding(1));
    // Protocol id 5: not Modbus.
    bad.socket.write(
        bytes({0x00, 0x01, 0x00, 0x05, 0x00, 0x06, 0x01, 0x03, 0x00, 0x00, 0x00, 0x01}));
    QTRY_COMPARE(bad.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(good.socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(good.readHolding(1).value(), QList<quint16>{quint16(Offset)});
    QTRY_VERIFY(m_sim->errorOutput().contains(QLatin1String("malformed frame")));

    // A length no PDU can have is malformed as well; the frame before it is still answered.
    Client greedy;
    QVERIFY(greedy.connectTo(m_port));
    greedy.socket.write(MbapCodec::encode(MbapFrame{9, 0, 1, readRequest(0x03, 1, 1)}) +
                        bytes({0x00, 0x02, 0x00, 0x00, 0x01, 0x00, 0x01}));
    const auto answer = greedy.receive();
    QVERIFY(answer);
    QCOMPARE(answer->transactionId, quint16(9));
    QTRY_COMPARE(greedy.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(good.readHolding(1).value(), QList<quint16>{quint16(Offset)});
}

void TestTandemSim::commandErrors()
{
    QVERIFY(start());
    const auto isError = [this](const QString &line, const QString &mentions) {
        const QString answer = command(line);
        if (answer.startsWith(QLatin1String("error: ")) && answer.contains(mentions))
            return true;
        qWarning() << line << "answered" << answer;
        return false;
    };
    QVERIFY(isError(QStringLiteral("bogus"), QStringLiteral("unknown command 'bogus'")));
    QVERIFY(isError(QStringLiteral("hang now"), QStringLiteral("'hang' takes no arguments")));
    QVERIFY(isError(QStringLiteral("exception"), QStringLiteral("exception CODE")));
    QVERIFY(isError(QStringLiteral("exception 0"), QStringLiteral("'0'")));
    QVERIFY(isError(QStringLiteral("exception 256"), QStringLiteral("1 to 255")));
    QVERIFY(isError(QStringLiteral("exception eleven"), QStringLiteral("'eleven'")));
    QVERIFY(isError(QStringLiteral("set 400001"), QStringLiteral("set REF VALUE")));
    QVERIFY(isError(QStringLiteral("set 700001 1"), QStringLiteral("'700001'")));
    QVERIFY(isError(QStringLiteral("set 400000 1"), QStringLiteral("from 1 to 65536")));
    QVERIFY(isError(QStringLiteral("set 400001 65536"), QStringLiteral("'65536'")));
    QVERIFY(isError(QStringLiteral("set 000001 2"), QStringLiteral("0 or 1")));
    // Blank lines are no commands and get no answer; the next command still does.
    QCOMPARE(command(QStringLiteral("\n  \nnormal")), QStringLiteral("ok normal"));
    QCOMPARE(command(QStringLiteral("  set   400003   5 ")), QStringLiteral("ok set 400003 5"));
}

void TestTandemSim::stdinEndKeepsRunning()
{
    QVERIFY(start());
    m_sim->closeInput();
    // Bounded: the simulator must still be running after reading end of input.
    QVERIFY(!m_sim->waitForExit(300));
    Client c;
    QVERIFY(c.connectTo(m_port));
    QCOMPARE(c.readHolding(1).value(), QList<quint16>{quint16(Offset)});
    QVERIFY(m_sim->isRunning());
}

void TestTandemSim::portInUse()
{
    QVERIFY(start());
    QProcess second;
    const QString endpoint = QStringLiteral("127.0.0.1:%1").arg(m_port);
    second.start(tandem::test::tandemSimPath(), {QStringLiteral("--listen"), endpoint});
    QVERIFY(second.waitForFinished(10000));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 1);
    const QString err = QString::fromUtf8(second.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("cannot listen on %1: ").arg(endpoint)), qPrintable(err));
    QVERIFY(second.readAllStandardOutput().isEmpty());
}

void TestTandemSim::badOptions()
{
    const auto run = [](const QStringList &args) {
        QProcess p;
        p.start(tandem::test::tandemSimPath(), args);
        if (!p.waitForFinished(10000))
            return std::pair<int, QString>{-1, QString()};
        return std::pair<int, QString>{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                                       QString::fromUtf8(p.readAllStandardError())};
    };
    const QList<std::pair<QStringList, QString>> cases{
        {{QStringLiteral("--listen"), QStringLiteral("nonsense")}, QStringLiteral("no port")},
        {{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:70000")},
         QStringLiteral("port '70000'")},
        {{QStringLiteral("--listen"), QStringLiteral("plc.example:502")},
         QStringLiteral("'plc.example' is not an IP address")},
        {{QStringLiteral("--listen"), QStringLiteral("::1:502")}, QStringLiteral("brackets")},
        {{QStringLiteral("--offset"), QStringLiteral("-1")}, QStringLiteral("--offset '-1'")},
        {{QStringLiteral("--tick"), QStringLiteral("fast")}, QStringLiteral("--tick 'fast'")},
        {{QStringLiteral("--colour")}, QStringLiteral("colour")},
        {{QStringLiteral("extra")}, QStringLiteral("unexpected argument 'extra'")},
    };
    for (const auto &[args, message] : cases) {
        const auto [code, err] = run(args);
        QVERIFY2(code == 2, qPrintable(args.join(QLatin1Char(' '))));
        QVERIFY2(err.contains(message), qPrintable(err));
    }
}

void TestTandemSim::quitAndSigterm()
{
    QVERIFY(start());
    QCOMPARE(command(QStringLiteral("quit")), QStringLiteral("ok quit"));
    QVERIFY(m_sim->waitForExit(AnswerTimeoutMs));
    QCOMPARE(m_sim->exitCode(), 0); // and not ended by a signal

    QVERIFY(start());
    Client c;
    QVERIFY(c.connectTo(m_port));
    QVERIFY(c.readHolding(1));
    m_sim->terminate();
    QVERIFY(m_sim->waitForExit(AnswerTimeoutMs));
    QCOMPARE(m_sim->exitCode(), 0);
}

void TestTandemSim::mbpollAgrees()
{
    const QString mbpoll = QStandardPaths::findExecutable(QStringLiteral("mbpoll"));
    QVERIFY2(!mbpoll.isEmpty(), "mbpoll is needed for this test (apt-get install mbpoll)");
    QVERIFY(start({QStringLiteral("--tick"), QStringLiteral("0")}));
    const auto run = [&](const QStringList &extra) {
        QProcess p;
        p.start(mbpoll,
                QStringList{QStringLiteral("-m"), QStringLiteral("tcp"), QStringLiteral("-p"),
                            QString::number(m_port), QStringLiteral("-a"), QStringLiteral("1"),
                            QStringLiteral("-1"), QStringLiteral("-o"), QStringLiteral("5")} +
                    extra);
        if (!p.waitForFinished(20000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            qWarning() << "mbpoll failed:" << p.readAllStandardOutput() << p.readAllStandardError();
            return QString();
        }
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    // mbpoll's -r is 1-based (the Modicon reference without the table digit): -r 2 is
    // 400002, the offset; it prints each value as "[REF]: \tVALUE".
    QString out = run({QStringLiteral("-r"), QStringLiteral("1"), QStringLiteral("-c"),
                       QStringLiteral("2"), QStringLiteral("127.0.0.1")});
    QVERIFY2(out.contains(QRegularExpression(QStringLiteral("\\[1\\]:\\s+%1\\n").arg(Offset))),
             qPrintable(out));
    QVERIFY2(out.contains(QRegularExpression(QStringLiteral("\\[2\\]:\\s+%1\\n").arg(Offset))),
             qPrintable(out));
    // Writing through mbpoll (FC6) lands where our own client reads 400010.
    out = run({QStringLiteral("-r"), QStringLiteral("10"), QStringLiteral("127.0.0.1"),
               QStringLiteral("4321")});
    QVERIFY(!out.isEmpty());
    Client c;
    QVERIFY(c.connectTo(m_port));
    QCOMPARE(c.readHolding(9).value(), QList<quint16>{4321});
    // Input registers and coils by table: -t 3 and -t 0.
    QCOMPARE(command(QStringLiteral("set 000003 1")), QStringLiteral("ok set 000003 1"));
    out = run({QStringLiteral("-t"), QStringLiteral("0"), QStringLiteral("-r"), QStringLiteral("3"),
               QStringLiteral("127.0.0.1")});
    QVERIFY2(out.contains(QRegularExpression(QStringLiteral("\\[3\\]:\\s+1\\n"))), qPrintable(out));
    out = run({QStringLiteral("-t"), QStringLiteral("3"), QStringLiteral("-r"), QStringLiteral("1"),
               QStringLiteral("127.0.0.1")});
    QVERIFY2(out.contains(QRegularExpression(QStringLiteral("\\[1\\]:\\s+%1\\n").arg(Offset))),
             qPrintable(out));
}

QTEST_GUILESS_MAIN(TestTandemSim)
#include "tst_tandemsim.moc"
