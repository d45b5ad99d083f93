#include "streamconnection.h"

#include "clock.h"

#include <QHostAddress>
#include <QSocketNotifier>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <limits>

namespace tandem {

StreamConnection::StreamConnection(int fd, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_lastActivity(Clock::system()->nowMs())
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0) {
        QHostAddress host(reinterpret_cast<sockaddr *>(&address));
        const quint16 port = address.ss_family == AF_INET6
                                 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&address)->sin6_port)
                                 : ntohs(reinterpret_cast<sockaddr_in *>(&address)->sin_port);
        m_peer = QStringLiteral("%1:%2").arg(host.toString()).arg(port);
        m_peerPort = port;
    }
    m_readNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &StreamConnection::readyRead);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &StreamConnection::flushPending);
}

StreamConnection::~StreamConnection()
{
    abort();
}

bool StreamConnection::readInto(QByteArray &buffer, qsizetype maxBytes)
{
    if (m_fd < 0)
        return false;
    char chunk[4096];
    for (qsizetype total = 0; total < maxBytes;) {
        const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
        if (n > 0) {
            buffer.append(chunk, qsizetype(n));
            total += n;
            m_lastActivity = Clock::system()->nowMs();
            if (size_t(n) < sizeof chunk)
                return true;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        if (n < 0 && errno == EINTR)
            continue;
        m_error = n == 0 ? tr("connection closed by the peer")
                         : QString::fromLocal8Bit(::strerror(errno));
        return false;
    }
    return true;
}

void StreamConnection::pauseReading()
{
    m_readPaused = true;
    updateReading();
}

void StreamConnection::resumeReading()
{
    m_readPaused = false;
    updateReading();
}

void StreamConnection::updateReading()
{
    if (m_fd >= 0)
        m_readNotifier->setEnabled(!m_readPaused && !m_outputHeld);
}

void StreamConnection::setOutputLimit(std::function<qsizetype()> bytes, int stallMs)
{
    m_outputLimit = std::move(bytes);
    if (!m_stallTimer) {
        m_stallTimer = new QTimer(this);
        m_stallTimer->setSingleShot(true);
        connect(m_stallTimer, &QTimer::timeout, this, [this] {
            if (!m_outputHeld || m_fd < 0)
                return;
            Q_EMIT outputStalled(m_pending.size());
            evict();
        });
    }
    m_stallTimer->setInterval(stallMs);
}

void StreamConnection::checkOutputLimit()
{
    if (!m_outputLimit || m_fd < 0)
        return;
    const bool over = m_pending.size() > m_outputLimit();
    if (over == m_outputHeld)
        return;
    m_outputHeld = over;
    if (over)
        m_stallTimer->start();
    else
        m_stallTimer->stop();
    updateReading();
}

void StreamConnection::write(const QByteArray &data)
{
    if (m_fd < 0)
        return;
    if (!m_pending.isEmpty()) {
        m_pending.append(data);
        checkOutputLimit();
        return;
    }
    qsizetype offset = 0;
    while (offset < data.size()) {
        const ssize_t n =
            ::send(m_fd, data.constData() + offset, size_t(data.size() - offset), MSG_NOSIGNAL);
        if (n > 0) {
            offset += n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            m_pending = data.mid(offset);
            m_writeNotifier->setEnabled(true);
            checkOutputLimit();
            return;
        } else {
            return; // the read side reports the broken connection
        }
    }
}

void StreamConnection::flushPending()
{
    const qsizetype before = m_pending.size();
    const QByteArray pending = std::exchange(m_pending, {});
    m_writeNotifier->setEnabled(false);
    write(pending);
    checkOutputLimit();
    if (m_pending.size() < before)
        Q_EMIT outputDrained();
}

void StreamConnection::abort()
{
    if (m_fd < 0)
        return;
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    // SO_LINGER 0: the client sees a reset, as from a server that gave up on it.
    const linger hard{1, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    ::close(m_fd);
    m_fd = -1;
}

void StreamConnection::evict()
{
    if (m_fd < 0)
        return;
    abort();
    Q_EMIT closed();
}

StreamListener::StreamListener(QObject *parent)
    : QTcpServer(parent)
{
    m_quietTimer.setSingleShot(true);
    m_quietTimer.setInterval(ExhaustionQuietMs);
    connect(&m_quietTimer, &QTimer::timeout, this, [this] {
        m_exhausted = false;
        m_ceiling = 0;
    });
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_acceptNotifier)
            m_acceptNotifier->setEnabled(true);
        acceptPending();
    });
}

void StreamListener::prune()
{
    std::erase_if(m_connections,
                  [](const QPointer<StreamConnection> &c) { return !c || !c->isOpen(); });
}

int StreamListener::connectionCount()
{
    prune();
    return int(m_connections.size());
}

StreamConnection *StreamListener::longestIdle()
{
    prune();
    StreamConnection *idle = nullptr;
    for (const QPointer<StreamConnection> &c : m_connections)
        if (!c->isBusy() && (!idle || c->lastActivityMs() < idle->lastActivityMs()))
            idle = c.data();
    return idle;
}

void StreamListener::acceptPending()
{
    // A bounded batch per turn of the event loop: a flood of connections does not starve the
    // clients and servers already connected.
    for (int batch = 0; batch < 64; ++batch) {
        const int fd = ::accept4(int(socketDescriptor()), nullptr, nullptr, SOCK_CLOEXEC);
        if (fd >= 0) {
            admit(fd);
            continue;
        }
        const int error = errno;
        if (error == EAGAIN || error == EWOULDBLOCK)
            return;
        // A client gone before it was accepted, or a network error it left behind.
        if (error == EINTR || error == ECONNABORTED || error == EPROTO || error == ENETDOWN ||
            error == ENOPROTOOPT || error == EHOSTDOWN || error == ENONET ||
            error == EHOSTUNREACH || error == ENETUNREACH)
            continue;
        if ((error == EMFILE || error == ENFILE || error == ENOBUFS || error == ENOMEM) &&
            makeRoom(error))
            continue; // descriptors were freed: the waiting client gets one
        // Nothing to free now (the descriptors are held elsewhere) or an error of the socket
        // itself: tried again shortly, not in a tight loop.
        m_acceptNotifier->setEnabled(false);
        m_retryTimer.start(250);
        return;
    }
}

void StreamListener::admit(int fd)
{
    auto *connection = new StreamConnection(fd, parent());
    int limit = m_clientLimit ? std::max(1, m_clientLimit()) : std::numeric_limits<int>::max();
    if (m_ceiling > 0)
        limit = std::min(limit, m_ceiling);
    if (connectionCount() >= limit) {
        StreamConnection *idle = longestIdle();
        if (!idle) {
            Q_EMIT clientClosedForLimit(connection->peer(), connection->peerPort(), limit, false);
            connection->abort();
            connection->deleteLater();
            return;
        }
        const QString peer = idle->peer();
        const quint16 peerPort = idle->peerPort();
        idle->evict();
        Q_EMIT clientClosedForLimit(peer, peerPort, limit, true);
    }
    if (m_outputLimit) {
        connection->setOutputLimit(m_outputLimit, OutputStallMs);
        connect(connection, &StreamConnection::outputStalled, this,
                [this, connection](qsizetype pending) {
                    Q_EMIT clientStalled(connection->peer(), connection->peerPort(),
                                         connection->descriptor(), pending);
                });
    }
    m_connections.push_back(connection);
    Q_EMIT accepted(connection);
}

bool StreamListener::makeRoom(int error)
{
    const int connected = connectionCount();
    if (!m_exhausted) {
        m_exhausted = true;
        Q_EMIT descriptorsExhausted(connected, QString::fromLocal8Bit(::strerror(error)));
    }
    m_quietTimer.start();
    // With most descriptors held by this pair's clients, fewer clients from now on; with
    // few, the descriptors are held elsewhere and one idle client gives way at a time.
    if (connected > 2 * SpareDescriptors)
        m_ceiling = m_ceiling > 0 ? std::min(m_ceiling, connected - SpareDescriptors)
                                  : connected - SpareDescriptors;
    const int keep = connected > 2 * SpareDescriptors ? m_ceiling : connected - 1;
    bool closed = false;
    while (connectionCount() > keep) {
        StreamConnection *idle = longestIdle();
        if (!idle)
            break;
        const QString peer = idle->peer();
        const quint16 peerPort = idle->peerPort();
        idle->evict();
        Q_EMIT clientClosedForLimit(peer, peerPort, std::max(keep, 1), true);
        closed = true;
    }
    return closed;
}

bool StreamListener::listenOn(const QHostAddress &address, quint16 port, const QString &shownHost,
                              QString *error)
{
    if (address.isNull()) {
        *error = tr("cannot listen on %1: not a local address").arg(shownHost);
        return false;
    }
    if (!listen(address, port)) {
        *error = tr("cannot listen on %1:%2: %3").arg(shownHost).arg(port).arg(errorString());
        return false;
    }
    // From here on the listener accepts itself (see the class comment).
    pauseAccepting();
    delete m_acceptNotifier;
    m_acceptNotifier = new QSocketNotifier(socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_acceptNotifier, &QSocketNotifier::activated, this, &StreamListener::acceptPending);
    return true;
}

} // namespace tandem
