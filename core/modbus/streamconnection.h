#pragma once

#include "config/endpoint.h"

#include <QByteArray>
#include <QObject>
#include <QTcpServer>

class QSocketNotifier;

namespace tandem::modbus {

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
    // Sends at once; what the socket cannot take now is sent when it can.
    void write(const QByteArray &data);
    void abort();
    QString peer() const { return m_peer; }
    quint16 peerPort() const { return m_peerPort; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void readyRead();
    void closed();

private:
    void flushPending();

    int m_fd;
    QSocketNotifier *m_readNotifier;
    QSocketNotifier *m_writeNotifier;
    QByteArray m_pending;
    QString m_peer;
    quint16 m_peerPort = 0;
    QString m_error;
    bool m_readPaused = false;
};

// A listener that hands over accepted sockets as bare descriptors.
class StreamListener final : public QTcpServer
{
    Q_OBJECT

public:
    using QTcpServer::QTcpServer;

    // Listens on a pair's endpoint ("localhost", a wildcard or an address); false with
    // *error naming the address when it cannot.
    bool listenOn(const Endpoint &endpoint, QString *error);

Q_SIGNALS:
    void accepted(int fd);

protected:
    void incomingConnection(qintptr fd) override { Q_EMIT accepted(int(fd)); }
};

} // namespace tandem::modbus
