#include "streamconnection.h"

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

namespace tandem::modbus {

StreamConnection::StreamConnection(int fd, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
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
    if (m_fd >= 0)
        m_readNotifier->setEnabled(false);
}

void StreamConnection::resumeReading()
{
    m_readPaused = false;
    if (m_fd >= 0)
        m_readNotifier->setEnabled(true);
}

void StreamConnection::write(const QByteArray &data)
{
    if (m_fd < 0)
        return;
    if (!m_pending.isEmpty()) {
        m_pending.append(data);
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
            return;
        } else {
            return; // the read side reports the broken connection
        }
    }
}

void StreamConnection::flushPending()
{
    const QByteArray pending = std::exchange(m_pending, {});
    m_writeNotifier->setEnabled(false);
    write(pending);
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

bool StreamListener::listenOn(const Endpoint &endpoint, QString *error)
{
    const QHostAddress address = endpoint.host == QLatin1String("localhost")
                                     ? QHostAddress(QHostAddress::LocalHost)
                                 : endpoint.isWildcard() ? QHostAddress(QHostAddress::Any)
                                                         : QHostAddress(endpoint.host);
    if (address.isNull()) {
        *error = tr("cannot listen on %1: not a local address").arg(endpoint.host);
        return false;
    }
    if (!listen(address, endpoint.port)) {
        *error = tr("cannot listen on %1:%2: %3")
                     .arg(endpoint.host)
                     .arg(endpoint.port)
                     .arg(errorString());
        return false;
    }
    return true;
}

} // namespace tandem::modbus
