// StreamConnection's output limit, shared by the Modbus TCP and OPC UA
// proxies: past the limit of unread output it stops reading from the peer, goes on when the
// peer reads, and closes a peer that leaves it unread for the stall time. Real loopback
// TCP connections; the peer is a bare socket that reads only when the test says so.
#include "base/streamconnection.h"

#include <QSignalSpy>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace tandem;

namespace {
constexpr qsizetype Limit = 64 * 1024;
constexpr int StallMs = 300;

// A connected loopback pair: the engine's end (for StreamConnection) and the peer's, whose
// receive buffer is small so unread output piles up in the engine quickly.
struct Loopback
{
    int engine = -1;
    int peer = -1;

    Loopback()
    {
        const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        ::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address);
        ::listen(listener, 1);
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);
        peer = ::socket(AF_INET, SOCK_STREAM, 0);
        const int small = 4096;
        ::setsockopt(peer, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        ::connect(peer, reinterpret_cast<sockaddr *>(&address), sizeof address);
        engine = ::accept(listener, nullptr, nullptr);
        ::close(listener);
    }
    ~Loopback()
    {
        if (peer >= 0)
            ::close(peer);
    }
    // Reads what the engine sent, until nothing is left for now.
    qsizetype drain()
    {
        qsizetype total = 0;
        char buffer[65536];
        ssize_t n;
        while ((n = ::recv(peer, buffer, sizeof buffer, MSG_DONTWAIT)) > 0)
            total += n;
        return total;
    }
};

// Fills the connection's output past the limit (the peer reads nothing).
void overfill(StreamConnection &connection)
{
    const QByteArray chunk(16 * 1024, 'a');
    while (connection.pendingBytes() <= Limit)
        connection.write(chunk);
}
} // namespace

class TestStreamConnection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stalledPeerIsClosed();
    void readingPeerIsReadAgain();
};

void TestStreamConnection::stalledPeerIsClosed()
{
    Loopback loopback;
    QVERIFY(loopback.engine >= 0);
    StreamConnection connection(loopback.engine);
    connection.setOutputLimit([] { return Limit; }, StallMs);
    QSignalSpy readable(&connection, &StreamConnection::readyRead);
    QSignalSpy stalled(&connection, &StreamConnection::outputStalled);
    QSignalSpy closed(&connection, &StreamConnection::closed);
    overfill(connection);
    // What the peer sends now is not read: no new requests, so no new answers.
    QCOMPARE(::send(loopback.peer, "request", 7, 0), ssize_t(7));
    QVERIFY(closed.wait(StallMs * 10));
    QVERIFY(readable.isEmpty());
    QCOMPARE(stalled.size(), 1);
    QVERIFY(stalled.at(0).at(0).value<qsizetype>() > Limit);
    QVERIFY(!connection.isOpen());
}

void TestStreamConnection::readingPeerIsReadAgain()
{
    Loopback loopback;
    StreamConnection connection(loopback.engine);
    connection.setOutputLimit([] { return Limit; }, StallMs);
    QSignalSpy readable(&connection, &StreamConnection::readyRead);
    QSignalSpy closed(&connection, &StreamConnection::closed);
    overfill(connection);
    QCOMPARE(::send(loopback.peer, "request", 7, 0), ssize_t(7));
    // The peer reads its answers (with room to read them fast, whatever the machine's
    // load): the output drains, and its request is read.
    const int large = 1 << 20;
    ::setsockopt(loopback.peer, SOL_SOCKET, SO_RCVBUF, &large, sizeof large);
    QTRY_VERIFY_WITH_TIMEOUT((loopback.drain(), connection.pendingBytes() == 0), 10000);
    QTRY_VERIFY(!readable.isEmpty());
    QByteArray request;
    QVERIFY(connection.readInto(request));
    QCOMPARE(request, QByteArray("request"));
    // Past the stall time it is still open.
    QVERIFY(!closed.wait(StallMs * 2));
    QVERIFY(connection.isOpen());
}

QTEST_GUILESS_MAIN(TestStreamConnection)
#include "tst_streamconnection.moc"
