// Hostile clients against a real tandemd:
// a tandemd limited to 256 descriptors, between two pymodbus servers, is attacked in turn
// by a client that never reads its answers, by 400 connections that never send a byte and
// by 300 clients that send garbage. Meanwhile a real client must keep getting its answers,
// the engine's memory must stay flat and at most 50 client events may be posted.
#include "modbustestclient.h"
#include "pairrig.h"
#include "tandemdprocess.h"

#include "modbus/mbapcodec.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <vector>

using namespace tandem;
using namespace tandem::test;
using tandem::modbus::MbapCodec;
using tandem::modbus::MbapFrame;

namespace {
constexpr int DescriptorLimit = 256;
constexpr int IdleConnections = 400;
constexpr int UnreadAnswers = 200000;
constexpr int GarbageClients = 300;
constexpr qint64 MaxGrowthKiB = 32 * 1024;
constexpr int MaxClientEvents = 50;

// A client that sends requests as fast as the engine takes them and never reads a byte:
// a bare socket with a small receive buffer, so Qt does not read for it either.
class NeverReadingClient final
{
public:
    explicit NeverReadingClient(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const int small = 4096;
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
        ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
        // Reads of 125 registers: each answer is 259 bytes, 52 MB for all of them.
        for (int i = 0; i < UnreadAnswers; ++i)
            m_requests +=
                MbapCodec::encode(MbapFrame{quint16(i), 0, 1, QByteArray::fromHex("030000007d")});
    }
    ~NeverReadingClient() { ::close(m_fd); }
    bool isConnected() const { return m_connected; }

    // Writes what the engine takes now; false once the engine closed the connection.
    bool pump()
    {
        while (m_sent < m_requests.size()) {
            const ssize_t n = ::send(m_fd, m_requests.constData() + m_sent,
                                     size_t(m_requests.size() - m_sent), MSG_NOSIGNAL);
            if (n > 0) {
                m_sent += n;
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
                return true;
            return false;
        }
        return true;
    }
    // The engine closed it (reset or end of stream): seen without reading any answer.
    bool isClosedByEngine() const
    {
        pollfd p{m_fd, POLLOUT, 0};
        return ::poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP));
    }
    bool allSent() const { return m_sent == m_requests.size(); }
    int requestsSent() const { return int(m_sent / 12); }

private:
    int m_fd = -1;
    bool m_connected = false;
    QByteArray m_requests;
    qsizetype m_sent = 0;
};

// Garbage: protocol id 0x4142 and a length past any Modbus frame.
const QByteArray Garbage = QByteArray::fromHex("0001414200ff01") + QByteArray(32, 'x');
} // namespace

class TestHostileClients final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_rig.init()); }
    void cleanup() { m_rig.cleanup(); }
    void endpointSurvivesHostileClients();

private:
    // A fresh client connects and reads the primary's offset, within timeoutMs.
    bool realClientServed(int timeoutMs, qint64 *elapsedMs = nullptr);
    int clientEvents();
    // Spins the event loop until done() or the deadline, feeding the never-reading client.
    bool spinUntil(const std::function<bool()> &done, int timeoutMs);

    ModbusPairRig m_rig;
    NeverReadingClient *m_neverReads = nullptr;
};

bool TestHostileClients::realClientServed(int timeoutMs, qint64 *elapsedMs)
{
    QElapsedTimer timer;
    timer.start();
    ModbusTestClient client;
    bool ok = false;
    // Connecting may wait behind the attackers' connections still in the listen queue.
    while (!ok && timer.elapsed() < timeoutMs) {
        if (!client.isConnected() &&
            !client.connectTo(QStringLiteral("127.0.0.1"), m_rig.port,
                              int(std::max<qint64>(1, timeoutMs - timer.elapsed())))) {
            continue;
        }
        const ModbusTestClient::Reply reply = client.readHoldingRegisters(1, 1, 1, 2000);
        ok = reply.ok && reply.registers == QList<quint16>{0};
        if (!ok) {
            qInfo().noquote() << "real client:" << reply.error;
            client.disconnectFromHost();
        }
    }
    if (elapsedMs)
        *elapsedMs = timer.elapsed();
    return ok;
}

int TestHostileClients::clientEvents()
{
    static const QRegularExpression about(QStringLiteral("clients? of 'line1'"));
    return int(m_rig.engine->events().filter(about).size());
}

bool TestHostileClients::spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        if (m_neverReads)
            m_neverReads->pump();
        m_rig.engine->lines(); // keeps tandemd's stderr drained
        QTest::qWait(5);
    }
    return true;
}

void TestHostileClients::endpointSurvivesHostileClients()
{
    QElapsedTimer total;
    total.start();
    m_rig.engine->setDescriptorLimit(DescriptorLimit);
    QVERIFY(m_rig.engine->startWithPair(m_rig.pair(ConnectionMode::Warm, 1000, 500)));
    QVERIFY(realClientServed(3000));
    const qint64 rssBefore = m_rig.engine->residentKiB();
    QVERIFY(rssBefore > 0);

    // 1. A client that pipelines 200,000 reads of 125 registers and never reads an answer.
    // It goes on sending while the other attacks run; the servers answer some 5,000 reads a
    // second here, so left alone its answers would pile up in the engine at over 1 MB/s.
    QElapsedTimer neverReadsTimer;
    neverReadsTimer.start();
    auto neverReads = std::make_unique<NeverReadingClient>(m_rig.port);
    QVERIFY(neverReads->isConnected());
    m_neverReads = neverReads.get();
    qint64 rssPeak = rssBefore;
    spinUntil(
        [&] {
            rssPeak = std::max(rssPeak, m_rig.engine->residentKiB());
            return neverReads->isClosedByEngine();
        },
        1500);
    qInfo() << "never-reading client: sent" << neverReads->requestsSent() << "of" << UnreadAnswers
            << "requests in" << neverReadsTimer.elapsed() << "ms; engine RSS" << rssBefore << "->"
            << rssPeak << "KiB";
    qint64 servedMs = 0;
    QVERIFY(realClientServed(5000, &servedMs));
    qInfo() << "real client served in" << servedMs << "ms beside the never-reading client";

    // 2. 400 connections that never send a byte, against 256 descriptors.
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    int connected = 0; // from their side: the handshake is done, accepted or not yet
    for (int i = 0; i < IdleConnections; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        QObject::connect(idle.back().get(), &QTcpSocket::connected, this, [&] { ++connected; });
        idle.back()->connectToHost(QStringLiteral("127.0.0.1"), m_rig.port);
    }
    spinUntil([&] { return connected == IdleConnections; }, 3000);
    qInfo() << "idle connections up (from their side):" << connected << "of" << IdleConnections;
    QVERIFY(realClientServed(8000, &servedMs));
    qInfo() << "real client served in" << servedMs << "ms beside" << IdleConnections
            << "idle connections";
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Out of file descriptors")), 1);
    const int clients =
        m_rig.engine->pairStatus(QStringLiteral("line1"))[QLatin1String("clients")].toInt();
    qInfo() << "engine's clients of line1 now:" << clients;
    QVERIFY(clients <= DescriptorLimit);

    // 3. 300 clients that send garbage, 50 at a time.
    QElapsedTimer garbageTimer;
    garbageTimer.start();
    for (int batch = 0; batch < GarbageClients / 50; ++batch) {
        std::vector<std::unique_ptr<QTcpSocket>> garbage;
        for (int i = 0; i < 50; ++i) {
            garbage.push_back(std::make_unique<QTcpSocket>());
            QTcpSocket *s = garbage.back().get();
            QObject::connect(s, &QTcpSocket::connected, s, [s] { s->write(Garbage); });
            s->connectToHost(QStringLiteral("127.0.0.1"), m_rig.port);
        }
        QVERIFY(spinUntil(
            [&] {
                return std::all_of(garbage.begin(), garbage.end(), [](const auto &s) {
                    return s->state() == QAbstractSocket::UnconnectedState;
                });
            },
            10000));
    }
    qInfo() << GarbageClients << "garbage clients closed in" << garbageTimer.elapsed() << "ms";
    QVERIFY(realClientServed(5000, &servedMs));
    qInfo() << "real client served in" << servedMs << "ms after the garbage clients";

    // The never-reading client, read from no more since its answers passed the output limit,
    // is closed when they are still unread after the stall time.
    QVERIFY(spinUntil(
        [&] {
            rssPeak = std::max(rssPeak, m_rig.engine->residentKiB());
            return neverReads->isClosedByEngine();
        },
        15000 - int(neverReadsTimer.elapsed())));
    qInfo() << "never-reading client closed by the engine after" << neverReadsTimer.elapsed()
            << "ms, having sent" << neverReads->requestsSent() << "requests";
    const qint64 rssAfter = m_rig.engine->residentKiB();
    const int events = clientEvents();
    rssPeak = std::max(rssPeak, rssAfter);
    qInfo() << "engine RSS" << rssBefore << "KiB before, peak" << rssPeak << "KiB, after"
            << rssAfter << "KiB (growth" << rssPeak - rssBefore << "KiB); client events:" << events
            << "; total" << total.elapsed() << "ms";
    QVERIFY2(rssPeak - rssBefore < MaxGrowthKiB,
             qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(rssPeak - rssBefore)));
    QVERIFY2(events <= MaxClientEvents, qPrintable(QString::number(events)));
    QVERIFY(events > 0); // the garbage clients were noticed
    m_neverReads = nullptr;
    neverReads.reset();
    idle.clear();
    QVERIFY(m_rig.engine->stop());
    QVERIFY(m_rig.engine->exitedCleanly());
}

QTEST_GUILESS_MAIN(TestHostileClients)
#include "tst_hostileclients.moc"
