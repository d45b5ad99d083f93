// libFuzzer target: the OPC UA client's response path, with a server that says whatever
// the input says. FakeScriptedUaServer (in this process, on loopback) acknowledges the
// client's Hello, records each request it sends, and answers them in order with the
// input's bodies: the client decodes every answer as it would a real server's. The input
// is a list of records [kind:1][length:2, little-endian][bytes]:
//   kind 0: raw bytes to the client (framing, chunks, errors, anything);
//   kind 1: a service message body (encoding id, response header, fields) answering the
//           oldest request not yet answered (as OPN to an OpenSecureChannel, else MSG);
//   kind 2: the client calls a service once its session is open: bytes[0] picks Read,
//           Browse, BrowseNext, CreateSubscription, CreateMonitoredItems, Republish,
//           GetEndpoints or a polite disconnect;
//   kind 3: a pause: the event loop runs for `length % 8` ms.
// The client must never crash or hang, every call's callback runs exactly once (at the
// latest when the connection is dropped), and nothing leaks.
#include "opcua/client.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>

using namespace tandem::opcua;

namespace {

// Not a real OPC UA server: stands in for one that answers with whatever bytes the fuzzer
// chose, which no real server would.
class FakeScriptedUaServer final : public QObject
{
public:
    FakeScriptedUaServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                if (m_socket) {
                    socket->abort();
                    socket->deleteLater();
                    continue;
                }
                m_socket = socket;
                connect(socket, &QTcpSocket::readyRead, this, &FakeScriptedUaServer::onData);
            }
        });
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            abort();
    }
    QString url() const
    {
        return QStringLiteral("opc.tcp://127.0.0.1:%1/fuzz").arg(m_server.serverPort());
    }

    void reset()
    {
        if (m_socket) {
            m_socket->abort();
            m_socket->deleteLater();
        }
        m_socket = nullptr;
        m_reader = ChunkReassembler();
        m_pending.clear();
        m_sequence = 1;
    }
    bool hasConnection() const
    {
        return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
    }
    bool hasPending() const { return !m_pending.empty(); }
    void sendRaw(const QByteArray &bytes)
    {
        if (hasConnection())
            m_socket->write(bytes);
    }
    // Answers the oldest request with this body.
    void answer(const QByteArray &body)
    {
        if (!hasConnection() || m_pending.empty())
            return;
        const SecureMessage request = m_pending.front();
        m_pending.pop_front();
        SecureMessage response;
        response.type = request.type;
        response.secureChannelId =
            request.type == MessageType::OpenSecureChannel ? 1 : request.secureChannelId;
        response.tokenId = request.tokenId;
        response.securityPolicyUri = SecurityPolicyNone;
        response.requestId = request.requestId;
        response.body = body;
        for (const QByteArray &chunk :
             encodeSecureMessage(response, ConnectionLimits{}, &m_sequence))
            m_socket->write(chunk);
    }

private:
    void onData()
    {
        if (!m_reader.feed(m_socket->readAll())) {
            m_socket->abort();
            return;
        }
        if (m_reader.takeHello())
            m_socket->write(encodeAcknowledge(Acknowledge{ConnectionLimits{}}));
        for (const SecureMessage &m : m_reader.takeMessages())
            if (m.type != MessageType::CloseSecureChannel)
                m_pending.push_back(m);
    }

    QTcpServer m_server;
    QPointer<QTcpSocket> m_socket;
    ChunkReassembler m_reader;
    std::deque<SecureMessage> m_pending;
    quint32 m_sequence = 1;
};

FakeScriptedUaServer *g_server = nullptr;

void pump(int ms)
{
    const QDeadlineTimer until(ms);
    do
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
    while (!until.hasExpired());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("tandem.*=false\nqt.*=false"));
    g_server = new FakeScriptedUaServer;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_server->reset();
    int calls = 0, callbacks = 0;
    const auto done = [&callbacks](const auto &, const CallStatus &) { ++callbacks; };
    {
        auto client = std::make_unique<Client>();
        client->connectToServer(g_server->url(), Identity{}, true, 2000);
        const QDeadlineTimer connectBy(2000);
        while (!g_server->hasConnection() && !connectBy.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        size_t at = 0;
        while (at + 3 <= size && g_server->hasConnection()) {
            const quint8 kind = data[at] % 4;
            const size_t length =
                std::min<size_t>(data[at + 1] | (data[at + 2] << 8), size - at - 3);
            const QByteArray bytes(reinterpret_cast<const char *>(data + at + 3),
                                   qsizetype(length));
            at += 3 + length;
            switch (kind) {
            case 0:
                g_server->sendRaw(bytes);
                break;
            case 1: {
                const QDeadlineTimer wait(5); // the request the answer is for may be on its way
                while (!g_server->hasPending() && !wait.hasExpired())
                    QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
                g_server->answer(bytes);
                break;
            }
            case 2: {
                if (client->state() != Client::State::SessionOpen)
                    break;
                const quint8 what = bytes.isEmpty() ? 0 : quint8(bytes[0]) % 8;
                const NodeId node(0, quint32(2256 + (bytes.size() > 1 ? quint8(bytes[1]) : 0)));
                ++calls;
                switch (what) {
                case 0:
                    client->read({ReadValueId::value(node)}, done, 500);
                    break;
                case 1:
                    client->browse({BrowseDescription::childrenOf(node)}, done, 500);
                    break;
                case 2:
                    client->browseNext({bytes.mid(1)}, false, done, 500);
                    break;
                case 3:
                    client->createSubscription(CreateSubscriptionRequest{}, done, 500);
                    break;
                case 4: {
                    MonitoredItemCreateRequest item;
                    item.itemToMonitor = ReadValueId::value(node);
                    client->createMonitoredItems(1, {item}, done, 500);
                    break;
                }
                case 5:
                    client->republish(1, 1, done, 500);
                    break;
                case 6:
                    client->getEndpoints(g_server->url(), done, 500);
                    break;
                case 7:
                    --calls;
                    client->disconnectFromServer();
                    break;
                }
                break;
            }
            case 3:
                pump(int(length % 8));
                break;
            }
            QCoreApplication::processEvents();
        }
        pump(1);
        client->abort(); // pending callbacks run with BadConnectionClosed
        pump(1);
        if (callbacks != calls) {
            fprintf(stderr, "%d call(s), %d callback(s)\n", calls, callbacks);
            abort(); // each callback runs exactly once
        }
    }
    QCoreApplication::processEvents();
    return 0;
}
