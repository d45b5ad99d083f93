// The Modbus proxy and its server connections against small servers in the test's own
// event loop, which can hold their answers, discard their input after an exception (as
// libmodbus does) or close a connection on request: what a client can do to a pair must
// never cost the status query, another client's request or the engine itself.
#include "base/clock.h"
#include "events/eventlog.h"
#include "modbus/modbuslink.h"
#include "modbus/modbusproxy.h"

#include <QMap>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

#include <memory>

using namespace tandem;
using namespace tandem::modbus;

namespace {

QByteArray readPdu(quint8 function, quint16 address, quint16 count)
{
    QByteArray pdu(5, Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(pdu.data());
    p[0] = function;
    qToBigEndian<quint16>(address, p + 1);
    qToBigEndian<quint16>(count, p + 3);
    return pdu;
}

QByteArray writePdu(quint16 address, quint16 value)
{
    QByteArray pdu = readPdu(0x06, address, value);
    return pdu;
}

QByteArray frame(quint16 tid, const QByteArray &pdu)
{
    return MbapCodec::encode(MbapFrame{tid, 0, 1, pdu});
}

// A Modbus TCP server: holding and input registers all read as its id; writes echo.
class FakeServer final : public QObject
{
    Q_OBJECT

public:
    explicit FakeServer(quint16 id)
        : m_id(id)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &FakeServer::onNewConnection);
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
    }

    ~FakeServer() override
    {
        // Its sockets would tell a half-destroyed server they were closed.
        for (QTcpSocket *socket : std::exchange(m_connections, {})) {
            socket->disconnect(this);
            socket->abort();
        }
    }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return int(m_connections.size()); }
    int statusReads() const { return m_statusReads; }
    int requests() const { return m_requests; }
    int held() const { return int(m_held.size()); }

    // Holds the answers to everything but status reads (FC 3, address 0, one register).
    bool hold = false;
    // Like libmodbus: after answering with an exception, discards what it has not read.
    bool flushAfterException = false;
    // Closes the connection a write to this address came on, without answering it.
    int closeOnWriteTo = -1;
    // Closes connections beyond this many as soon as they are made.
    int maxConnections = 1000;

    void release()
    {
        hold = false;
        for (const auto &[socket, answer] : std::as_const(m_held))
            if (socket)
                socket->write(answer);
        m_held.clear();
    }

private:
    void onNewConnection()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            if (m_connections.size() >= maxConnections) {
                socket->abort();
                socket->deleteLater();
                continue;
            }
            m_connections.append(socket);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_connections.removeAll(socket);
                socket->deleteLater();
            });
        }
    }

    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        qsizetype offset = 0;
        while (true) {
            const MbapCodec::Decoded d = MbapCodec::decode(QByteArrayView(buffer).sliced(offset));
            if (d.status != MbapCodec::Status::Complete)
                break;
            offset += d.consumed;
            ++m_requests;
            const MbapFrame &request = d.frame;
            const QByteArray &pdu = request.pdu;
            const quint8 function = request.functionCode();
            const quint16 address =
                pdu.size() >= 3 ? qFromBigEndian<quint16>(pdu.constData() + 1) : 0;
            const quint16 count =
                pdu.size() >= 5 ? qFromBigEndian<quint16>(pdu.constData() + 3) : 0;
            const bool status = function == 0x03 && address == 0 && count == 1;
            m_statusReads += status ? 1 : 0;
            if (function == 0x06 && address == closeOnWriteTo) {
                m_buffers.remove(socket);
                socket->abort();
                return;
            }
            MbapFrame answer{request.transactionId, 0, request.unitId, {}};
            bool exception = false;
            if (function == 0x03 || function == 0x04) {
                if (count < 1 || count > 125) {
                    answer = MbapCodec::exceptionFor(request, ExceptionCode(0x03));
                    exception = true;
                } else {
                    answer.pdu = QByteArray(1, char(function)) + char(count * 2);
                    for (int i = 0; i < count; ++i) {
                        answer.pdu += char(m_id >> 8);
                        answer.pdu += char(m_id & 0xFF);
                    }
                }
            } else if (function == 0x06) {
                answer.pdu = pdu;
            } else {
                answer = MbapCodec::exceptionFor(request, ExceptionCode::IllegalFunction);
                exception = true;
            }
            if (hold && !status) {
                m_held.append({socket, MbapCodec::encode(answer)});
                continue;
            }
            if (exception && flushAfterException) {
                buffer.clear();
                socket->readAll();
                socket->write(MbapCodec::encode(answer));
                return;
            }
            socket->write(MbapCodec::encode(answer));
        }
        buffer.remove(0, offset);
    }

    quint16 m_id;
    QTcpServer m_server;
    QList<QTcpSocket *> m_connections;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<std::pair<QPointer<QTcpSocket>, QByteArray>> m_held;
    int m_statusReads = 0;
    int m_requests = 0;
};

// A client that pipelines requests and collects the answers as they come.
class PipelinedClient final
{
public:
    explicit PipelinedClient(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] {
            m_buffer += m_socket.readAll();
            while (true) {
                const MbapCodec::Decoded d = MbapCodec::decode(m_buffer);
                if (d.status != MbapCodec::Status::Complete)
                    break;
                m_buffer.remove(0, d.consumed);
                answers.append(d.frame);
            }
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool waitConnected() { return m_socket.waitForConnected(5000); }
    // Answers by transaction id: a request sent again may be answered after a later one.
    QMap<quint16, MbapFrame> byTransaction() const
    {
        QMap<quint16, MbapFrame> map;
        for (const MbapFrame &answer : answers)
            map.insert(answer.transactionId, answer);
        return map;
    }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    QList<MbapFrame> answers;

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// A pair of two fake servers behind a proxy, in the test's event loop.
struct Pair
{
    Pair(FakeServer &primary, FakeServer &secondary, PairConfig config)
    {
        config.name = QStringLiteral("line1");
        config.primary = QStringLiteral("%1:%2").arg(primary.host()).arg(primary.port());
        config.secondary = QStringLiteral("%1:%2").arg(secondary.host()).arg(secondary.port());
        const auto makeLink = [&primary, &secondary](Side side, QObject *parent) -> ServerLink * {
            FakeServer &server = side == Side::Primary ? primary : secondary;
            return new ModbusLink(server.host(), server.port(), {}, parent);
        };
        runtime = std::make_unique<PairRuntime>(config, makeLink, &events);
        // Port 0 (a free one), which the pair's own parser refuses.
        const Endpoint endpoint{QStringLiteral("127.0.0.1"), 0, {}};
        proxy = std::make_unique<ModbusProxy>(runtime.get(), endpoint, &events);
        QString error;
        listening = proxy->listen(&error);
        runtime->start();
    }
    ~Pair()
    {
        proxy.reset();
        runtime->stop();
    }
    ModbusLink *link(Side side) const { return static_cast<ModbusLink *>(runtime->link(side)); }

    EventLog events;
    std::unique_ptr<PairRuntime> runtime;
    std::unique_ptr<ModbusProxy> proxy;
    bool listening = false;
};

PairConfig warm(int intervalMs, int timeoutMs, bool perClient = false)
{
    PairConfig config;
    config.protocol = Protocol::ModbusTcp;
    config.endpoint = QStringLiteral("127.0.0.1:0");
    config.mode = ConnectionMode::Warm;
    config.statusIntervalMs = intervalMs;
    config.statusTimeoutMs = timeoutMs;
    config.connectionPerClient = perClient;
    return config;
}

bool isRead(const MbapFrame &answer, quint16 value)
{
    return answer.functionCode() == 0x03 && answer.pdu.size() >= 4 &&
           qFromBigEndian<quint16>(answer.pdu.constData() + 2) == value;
}

} // namespace

class TestModbusProxy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sendNeverAnswersInsideTheCall();
    void floodWhileTheActiveServerHoldsAnswers();
    void pipelinedClientIsReadAtItsCap();
    void discardedRequestsAreSentAgain();
    void lostDataConnectionIsNoLostServer();
    void connectionPerClient();
    void refusedDataConnectionIsAnsweredWithAnException();
    void clientLimitClosesTheLongestIdle();
};

void TestModbusProxy::sendNeverAnswersInsideTheCall()
{
    // Not connected: the failure comes on the next turn of the event loop.
    ModbusLink link(QStringLiteral("127.0.0.1"), 1, {});
    bool called = false;
    ModbusChannel::Failure failure = ModbusChannel::Failure::None;
    link.send(1, readPdu(0x03, 0, 1), 1000, [&](const MbapFrame *answer, ModbusChannel::Failure f) {
        QVERIFY(!answer);
        called = true;
        failure = f;
    });
    QVERIFY(!called);
    QTRY_VERIFY(called);
    QCOMPARE(failure, ModbusChannel::Failure::NotSent);

    // At the cap of a connection whose server holds every answer.
    FakeServer server(7);
    server.hold = true;
    ModbusChannel channel(server.host(), server.port());
    QSignalSpy opened(&channel, &ModbusChannel::opened);
    channel.open(1000);
    QVERIFY(opened.wait());
    int answered = 0;
    for (int i = 0; i < ModbusChannel::MaxRequests; ++i)
        channel.send(1, readPdu(0x03, 5, 1), 60000,
                     [&](const MbapFrame *, ModbusChannel::Failure) { ++answered; });
    called = false;
    channel.send(1, readPdu(0x03, 5, 1), 60000,
                 [&](const MbapFrame *answer, ModbusChannel::Failure f) {
                     QVERIFY(!answer);
                     called = true;
                     failure = f;
                 });
    QVERIFY(!called);
    QTRY_VERIFY(called);
    QCOMPARE(failure, ModbusChannel::Failure::NotSent);
    QCOMPARE(answered, 0);

    // close() abandons what it held, also on the next turn.
    channel.close();
    QCOMPARE(answered, 0);
    QTRY_COMPARE(answered, ModbusChannel::MaxRequests);
}

// status queries waited behind clients' requests on one connection, and a link
// at its request cap failed the status query inside send(), inside the proxy's overdue
// check: the fail-over that followed answered and freed the requests that check was
// walking. Under AddressSanitizer this test stopped with a heap-use-after-free there.
void TestModbusProxy::floodWhileTheActiveServerHoldsAnswers()
{
    FakeServer primary(0);
    FakeServer secondary(1000);
    Pair pair(primary, secondary, warm(2000, 100));
    QVERIFY(pair.listening);
    QTRY_COMPARE(pair.runtime->active(), Side::Primary);
    QSignalSpy switched(pair.runtime.get(), &PairRuntime::activeChanged);
    QSignalSpy status(pair.link(Side::Primary), &ServerLink::statusReceived);

    primary.hold = true;
    constexpr int Clients = 70;
    constexpr int PerClient = 1000; // 70000 in all: past the link's old cap of 65000
    std::vector<std::unique_ptr<PipelinedClient>> clients;
    // More than a listen backlog: connected while the event loop runs, not one by one.
    for (int c = 0; c < Clients; ++c)
        clients.push_back(std::make_unique<PipelinedClient>(pair.proxy->port()));
    QTRY_COMPARE(pair.proxy->clientCount(), Clients);
    for (auto &client : clients)
        QTRY_VERIFY(client->isOpen());
    for (auto &client : clients) {
        QByteArray bytes;
        for (int i = 1; i <= PerClient; ++i)
            bytes += frame(quint16(i), writePdu(10, quint16(i))); // writes: never replayed
        client->send(bytes);
    }
    // The pair takes no more than its cap; the held requests are overdue, so the
    // primary's status is asked for, on its own connection, and it answers.
    QTRY_COMPARE(pair.proxy->inFlightCount(), ModbusProxy::PairInFlightCap);
    QTRY_VERIFY(status.count() >= 1);
    for (const QList<QVariant> &s : std::as_const(status))
        QVERIFY2(s.at(0).toBool(), qPrintable(s.at(2).toString()));
    QCOMPARE(pair.runtime->active(), Side::Primary);
    QVERIFY(switched.isEmpty());

    primary.release();
    for (auto &client : clients)
        QTRY_COMPARE_WITH_TIMEOUT(client->answers.size(), PerClient, 30000);
    for (auto &client : clients)
        for (int i = 0; i < PerClient; ++i) {
            const MbapFrame &answer = client->answers.at(i);
            QCOMPARE(answer.transactionId, quint16(i + 1));
            QCOMPARE(answer.pdu, writePdu(10, quint16(i + 1)));
        }
    QVERIFY(pair.proxy->inFlightPeak() <= ModbusProxy::PairInFlightCap);
    QVERIFY(switched.isEmpty());
    QCOMPARE(secondary.requests(), secondary.statusReads()); // nothing but status went there
}

void TestModbusProxy::pipelinedClientIsReadAtItsCap()
{
    FakeServer primary(0);
    FakeServer secondary(1000);
    Pair pair(primary, secondary, warm(1000, 500));
    QVERIFY(pair.listening);
    QTRY_COMPARE(pair.runtime->active(), Side::Primary);
    PipelinedClient client(pair.proxy->port());
    QVERIFY(client.waitConnected());
    QByteArray bytes;
    for (int i = 1; i <= 1000; ++i)
        bytes += frame(quint16(i), readPdu(0x03, 5, 1));
    client.send(bytes);
    QTRY_COMPARE(client.answers.size(), 1000);
    for (int i = 0; i < 1000; ++i) {
        QCOMPARE(client.answers.at(i).transactionId, quint16(i + 1));
        QVERIFY(isRead(client.answers.at(i), 0));
    }
    QVERIFY(pair.proxy->inFlightPeak() <= ModbusProxy::ClientInFlightCap);
    QCOMPARE(pair.proxy->inFlightCount(), 0);
}

// libmodbus discards its unread input after some exceptions: requests that came after the
// bad one on the same connection get no answer. They are found out and sent again, and
// the server is not taken for lost.
void TestModbusProxy::discardedRequestsAreSentAgain()
{
    FakeServer primary(0);
    FakeServer secondary(1000);
    primary.flushAfterException = true;
    Pair pair(primary, secondary, warm(1000, 500));
    QVERIFY(pair.listening);
    QTRY_COMPARE(pair.runtime->active(), Side::Primary);
    QSignalSpy switched(pair.runtime.get(), &PairRuntime::activeChanged);
    PipelinedClient bad(pair.proxy->port());
    PipelinedClient good(pair.proxy->port());
    QVERIFY(bad.waitConnected());
    QVERIFY(good.waitConnected());

    for (int round = 0; round < 20; ++round) {
        // A read of no registers is refused (0x03); the others on the connection behind
        // it are discarded by the server.
        bad.send(frame(1, readPdu(0x03, 5, 0)) + frame(2, readPdu(0x03, 5, 1)) +
                 frame(3, readPdu(0x03, 5, 2)));
        good.send(frame(7, readPdu(0x03, 5, 1)) + frame(8, readPdu(0x04, 5, 1)));
        QTRY_COMPARE(bad.answers.size(), 3);
        QTRY_COMPARE(good.answers.size(), 2);
        const QMap<quint16, MbapFrame> fromBad = bad.byTransaction();
        const QMap<quint16, MbapFrame> fromGood = good.byTransaction();
        QCOMPARE(fromBad.keys(), QList<quint16>({1, 2, 3}));
        QCOMPARE(fromGood.keys(), QList<quint16>({7, 8}));
        QCOMPARE(fromBad[1].exceptionCode(), quint8(0x03));
        for (const MbapFrame &answer : {fromBad[2], fromBad[3], fromGood[7]})
            QVERIFY2(isRead(answer, 0), answer.pdu.toHex().constData());
        QCOMPARE(fromGood[8].functionCode(), quint8(0x04));
        bad.answers.clear();
        good.answers.clear();
    }
    QVERIFY(switched.isEmpty());
    QCOMPARE(pair.runtime->active(), Side::Primary);
}

// A server that closes the connection a client's request came on has not failed: the
// other clients' requests are answered, by the same server.
void TestModbusProxy::lostDataConnectionIsNoLostServer()
{
    FakeServer primary(0);
    FakeServer secondary(1000);
    primary.closeOnWriteTo = 99;
    Pair pair(primary, secondary, warm(1000, 200));
    QVERIFY(pair.listening);
    QTRY_COMPARE(pair.runtime->active(), Side::Primary);
    QSignalSpy switched(pair.runtime.get(), &PairRuntime::activeChanged);
    PipelinedClient bad(pair.proxy->port());
    PipelinedClient good(pair.proxy->port());
    QVERIFY(bad.waitConnected());
    QVERIFY(good.waitConnected());
    for (int round = 0; round < 5; ++round) {
        bad.send(frame(1, writePdu(99, 1)));
        good.send(frame(2, readPdu(0x03, 5, 1)));
        QTRY_COMPARE(bad.answers.size(), 1);
        QTRY_COMPARE(good.answers.size(), 1);
        // The write may have reached the server: it is not sent twice.
        QCOMPARE(bad.answers.at(0).exceptionCode(),
                 quint8(ExceptionCode::GatewayTargetFailedToRespond));
        QVERIFY(isRead(good.answers.at(0), 0));
        bad.answers.clear();
        good.answers.clear();
    }
    QVERIFY(switched.isEmpty());
}

void TestModbusProxy::connectionPerClient()
{
    FakeServer primary(0);
    FakeServer secondary(1000);
    Pair pair(primary, secondary, warm(1000, 500, true));
    QVERIFY(pair.listening);
    QTRY_COMPARE(pair.runtime->active(), Side::Primary);
    QCOMPARE(primary.connections(), 1); // the control connection
    std::vector<std::unique_ptr<PipelinedClient>> clients;
    for (int c = 0; c < 3; ++c) {
        clients.push_back(std::make_unique<PipelinedClient>(pair.proxy->port()));
        QVERIFY(clients.back()->waitConnected());
    }
    QTRY_COMPARE(primary.connections(), 4);
    for (auto &client : clients)
        client->send(frame(1, readPdu(0x03, 5, 1)));
    for (auto &client : clients) {
        QTRY_COMPARE(client->answers.size(), 1);
        QVERIFY(isRead(client->answers.at(0), 0));
    }
    QCOMPARE(secondary.connections(), 1); // Warm: the standby has the control connection only
    clients.pop_back();
    QTRY_COMPARE(primary.connections(), 3);
}

// A server that takes no more connections: the client gets an exception, not silence.
void TestModbusProxy::refusedDataConnectionIsAnsweredWithAnException()
{
    FakeServer primary(0);
    FakeServer secondary(1000);
    primary.maxConnections = 1;
    Pair pair(primary, secondary, warm(1000, 200));
    QVERIFY(pair.listening);
    QTRY_COMPARE(pair.runtime->active(), Side::Primary);
    QSignalSpy switched(pair.runtime.get(), &PairRuntime::activeChanged);
    PipelinedClient client(pair.proxy->port());
    QVERIFY(client.waitConnected());
    client.send(frame(1, readPdu(0x03, 5, 1)));
    QTRY_COMPARE(client.answers.size(), 1);
    QVERIFY(client.answers.at(0).isException());
    QVERIFY(switched.isEmpty());
    QCOMPARE(pair.runtime->active(), Side::Primary);
}

// At the pair's client limit a new client takes the place of the one idle longest; a client
// with a request answered since is not it.
void TestModbusProxy::clientLimitClosesTheLongestIdle()
{
    FakeServer primary(0);
    FakeServer secondary(1000);
    PairConfig config = warm(1000, 500);
    config.clientLimit = 2;
    Pair pair(primary, secondary, config);
    QVERIFY(pair.listening);
    QTRY_COMPARE(pair.runtime->active(), Side::Primary);
    QSignalSpy posted(&pair.events, &EventLog::eventPosted);
    PipelinedClient busy(pair.proxy->port());
    QVERIFY(busy.waitConnected());
    QTRY_COMPARE(pair.proxy->clientCount(), 1);
    PipelinedClient idle(pair.proxy->port());
    QVERIFY(idle.waitConnected());
    QTRY_COMPARE(pair.proxy->clientCount(), 2);
    const qint64 idleSince = Clock::system()->nowMs();
    QTRY_VERIFY(Clock::system()->nowMs() > idleSince); // the next activity is later
    busy.send(frame(1, readPdu(0x03, 5, 1)));
    QTRY_COMPARE(busy.answers.size(), 1);
    PipelinedClient fresh(pair.proxy->port());
    QVERIFY(fresh.waitConnected());
    QTRY_VERIFY(!idle.isOpen());
    QVERIFY(busy.isOpen());
    QCOMPARE(pair.proxy->clientCount(), 2);
    fresh.send(frame(2, readPdu(0x03, 5, 1)));
    busy.send(frame(3, readPdu(0x03, 5, 1)));
    QTRY_COMPARE(fresh.answers.size(), 1);
    QTRY_COMPARE(busy.answers.size(), 2);
    QVERIFY(fresh.isOpen());
    QTRY_VERIFY(!posted.isEmpty());
    const Event event = posted.last().at(0).value<Event>();
    QCOMPARE(event.id, QStringLiteral("client-limit"));
    QVERIFY2(event.text.contains(QStringLiteral("longest idle of 2 clients")),
             qPrintable(event.text));
}

QTEST_GUILESS_MAIN(TestModbusProxy)
#include "tst_modbusproxy.moc"
