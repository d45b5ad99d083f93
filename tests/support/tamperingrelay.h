#pragma once

// A TCP relay between an OPC UA client and server on loopback for the secured-channel tests:
// it passes whole frames on and can flip one byte of the first MSG chunk after a secured
// OpenSecureChannel, so a test sees what a tampered message does to the receiving side.

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>
#include <vector>

namespace tandem::test {

// A relay that flips one byte of the first MSG chunk sent after a secured OPN (one whose
// plain text header does not name the policy None) in one direction, deep in the chunk: in
// the encrypted part or the signed body. Unarmed it only relays.
class TamperingRelay final : public QObject
{
public:
    enum class Direction
    {
        FromServer,
        FromClient,
    };

    TamperingRelay(quint16 serverPort, Direction direction, bool armed = true)
        : m_direction(direction)
        , m_armed(armed)
    {
        m_listener.listen(QHostAddress::LocalHost);
        connect(&m_listener, &QTcpServer::newConnection, this, [this, serverPort] {
            auto *pipe = new Pipe;
            pipe->client = m_listener.nextPendingConnection();
            pipe->server = new QTcpSocket(this);
            pipe->server->connectToHost(QHostAddress::LocalHost, serverPort);
            pipe->client->setParent(this);
            connect(pipe->client, &QTcpSocket::readyRead, this, [this, pipe] {
                forward(pipe, pipe->fromClient, pipe->client, pipe->server,
                        m_direction == Direction::FromClient);
            });
            connect(pipe->server, &QTcpSocket::readyRead, this, [this, pipe] {
                forward(pipe, pipe->fromServer, pipe->server, pipe->client,
                        m_direction == Direction::FromServer);
            });
            connect(pipe->server, &QTcpSocket::disconnected, pipe->client,
                    &QTcpSocket::disconnectFromHost);
            connect(pipe->client, &QTcpSocket::disconnected, pipe->server,
                    &QTcpSocket::disconnectFromHost);
            m_pipes.emplace_back(pipe);
        });
    }
    quint16 port() const { return m_listener.serverPort(); }
    bool tampered() const { return m_tampered; }

private:
    struct Pipe
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *server = nullptr;
        QByteArray fromClient, fromServer;
        bool securedOpen = false;
    };

    void forward(Pipe *pipe, QByteArray &buffer, QTcpSocket *from, QTcpSocket *to, bool watched)
    {
        buffer += from->readAll();
        // Whole frames only, so the flip lands in the chunk it is meant for.
        while (buffer.size() >= 8) {
            const quint32 size = quint32(quint8(buffer[4])) | quint32(quint8(buffer[5])) << 8 |
                                 quint32(quint8(buffer[6])) << 16 |
                                 quint32(quint8(buffer[7])) << 24;
            if (qsizetype(size) > buffer.size())
                return;
            QByteArray frame = buffer.left(size);
            buffer.remove(0, size);
            if (frame.startsWith("OPN") && !frame.contains("SecurityPolicy#None"))
                pipe->securedOpen = true;
            else if (watched && m_armed && frame.startsWith("MSG") && pipe->securedOpen &&
                     !m_tampered) {
                frame[frame.size() - 20] = char(frame[frame.size() - 20] ^ 0x01);
                m_tampered = true;
            }
            to->write(frame);
        }
    }

    Direction m_direction;
    bool m_armed;
    QTcpServer m_listener;
    std::vector<std::unique_ptr<Pipe>> m_pipes;
    bool m_tampered = false;
};

} // namespace tandem::test
