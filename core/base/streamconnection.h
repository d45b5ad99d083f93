#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>

#include <functional>
#include <vector>

class QSocketNotifier;

namespace tandem {

// A client's TCP connection on a bare non-blocking socket. The proxy answers in one
// write() per frame with no extra copy or FIONREAD per read, which is what most of
// QTcpSocket's per-request cost on the proxy's hot path was.
class StreamConnection final : public QObject
{
    Q_OBJECT

public:
    explicit StreamConnection(int fd, QObject *parent = nullptr);
    ~StreamConnection() override;

    // Appends what can be read now, up to about maxBytes; false when the peer closed or an
    // error occurred. What is left stays in the socket and makes readyRead() fire again.
    bool readInto(QByteArray &buffer, qsizetype maxBytes = 64 * 1024);
    // Stops and restarts readyRead() (back-pressure): the peer's further bytes wait in the
    // socket, and TCP flow control slows the peer down.
    void pauseReading();
    void resumeReading();
    bool isReadingPaused() const { return m_readPaused; }
    // Sends at once; what the socket cannot take now is sent when it can (outputDrained()
    // says when some of it went).
    void write(const QByteArray &data);
    // Bytes written and not taken by the socket yet: what a client that does not read its
    // answers costs the engine.
    qsizetype pendingBytes() const { return m_pending.size(); }
    // Past `bytes` (asked each time) of unread output the connection stops reading, so the
    // peer, whose further requests wait in the socket, makes no new answers; still past it
    // after stallMs, it is closed: outputStalled(), then closed().
    void setOutputLimit(std::function<qsizetype()> bytes, int stallMs);
    void abort();
    // Closes it for the engine's own reasons (a limit) and says so with closed().
    void evict();
    bool isOpen() const { return m_fd >= 0; }
    int descriptor() const { return m_fd; }
    QString peer() const { return m_peer; }
    quint16 peerPort() const { return m_peerPort; }
    QString errorString() const { return m_error; }

    // For the listener's choice of whom to close first: when the peer last sent something
    // (or connected), and whether its owner is still working for it (requests in flight).
    qint64 lastActivityMs() const { return m_lastActivity; }
    void setBusy(bool busy) { m_busy = busy; }
    bool isBusy() const { return m_busy || !m_pending.isEmpty(); }

Q_SIGNALS:
    void readyRead();
    // Some pending output was sent (pendingBytes() went down).
    void outputDrained();
    void outputStalled(qsizetype pendingBytes);
    void closed();

private:
    void flushPending();
    void updateReading();
    void checkOutputLimit();

    int m_fd;
    QSocketNotifier *m_readNotifier;
    QSocketNotifier *m_writeNotifier;
    QByteArray m_pending;
    QString m_peer;
    quint16 m_peerPort = 0;
    QString m_error;
    bool m_readPaused = false;
    bool m_busy = false;
    qint64 m_lastActivity = 0;
    std::function<qsizetype()> m_outputLimit;
    bool m_outputHeld = false; // over the output limit: not read from
    QTimer *m_stallTimer = nullptr;
};

// A pair's listener, shared by the Modbus TCP and OPC UA proxies, that hands over accepted
// connections and keeps accepting whatever clients do:
// - at the pair's client limit a new client takes the place of the longest idle one (no
//   request in flight, nothing to send), or is refused when every client is busy, so idle
//   connections cannot lock the real clients out;
// - when the process runs out of descriptors (EMFILE, ENFILE) it says so once, closes the
//   longest idle clients and keeps a few descriptors spare from then on. QTcpServer alone
//   (Qt 6.4) takes EMFILE for a passing error: it tries again at once, for ever, and never
//   accepts a client while the connections that took the descriptors stay;
// - a client whose unread answers pass the pair's output limit is read from no more, and
//   closed when they are still unread after OutputStallMs.
// QTcpServer only binds and listens here; the listener accepts on its socket itself.
class StreamListener final : public QTcpServer
{
    Q_OBJECT

public:
    // Descriptors kept free for the engine (server connections, files) after running out.
    static constexpr int SpareDescriptors = 8;
    // How long a client's answers may stay over the output limit before it is closed.
    static constexpr int OutputStallMs = 10000;
    // Quiet time after which running out again is reported again.
    static constexpr int ExhaustionQuietMs = 60000;

    explicit StreamListener(QObject *parent = nullptr);

    // Listens on address:port; false with *error naming `shownHost` (as the user wrote the
    // address) when it cannot.
    bool listenOn(const QHostAddress &address, quint16 port, const QString &shownHost,
                  QString *error);
    // The most clients at once, asked at each new connection (a setting may change).
    void setClientLimit(std::function<int()> limit) { m_clientLimit = std::move(limit); }
    // Bytes of unread output a client may leave (asked each time); see
    // StreamConnection::setOutputLimit.
    void setOutputLimit(std::function<qsizetype()> bytes) { m_outputLimit = std::move(bytes); }
    int connectionCount();

Q_SIGNALS:
    // A new client; its parent is the listener's parent.
    void accepted(tandem::StreamConnection *connection);
    // A client was closed (evicted: it was the longest idle one) or refused (every client
    // was busy) for a new one; limit: the number of clients allowed then.
    void clientClosedForLimit(const QString &peer, quint16 peerPort, int limit, bool evicted);
    // The process ran out of descriptors while `connected` clients were connected; once
    // per episode (until ExhaustionQuietMs without it).
    void descriptorsExhausted(int connected, const QString &error);
    // A client left more than the output limit unread for OutputStallMs and is being closed;
    // socket: its descriptor, still open during the signal.
    void clientStalled(const QString &peer, quint16 peerPort, int socket, qsizetype pending);

private:
    void acceptPending();
    void admit(int fd);
    // Out of descriptors: false when nothing could be closed to make room.
    bool makeRoom(int error);
    StreamConnection *longestIdle();
    void prune();

    std::vector<QPointer<StreamConnection>> m_connections;
    std::function<int()> m_clientLimit;
    std::function<qsizetype()> m_outputLimit;
    int m_ceiling = 0; // descriptors allow this many clients since running out (0: no ceiling)
    bool m_exhausted = false;
    QTimer m_quietTimer;
    QTimer m_retryTimer;
    QSocketNotifier *m_acceptNotifier = nullptr;
};

} // namespace tandem
