// libFuzzer target: one Modbus TCP client of a pair's proxy sending whatever it likes while
// the pair fails over under it. The pair is real (PairRuntime, ModbusLink, ModbusProxy on
// loopback); its two servers are FakeFailoverBackend: a small Modbus server in this
// process that answers reads with its own id, echoes writes, and on command drops every
// connection mid-stream (a crashed server that comes back at once), which makes the pair
// fail over while requests are in flight. The input is a list of records
// [kind:1][length:2, little-endian][bytes]:
//   kind 0: raw bytes on the client's connection (framing, anything);
//   kind 1: a request with this PDU, framed by the harness with a fresh transaction id;
//   kind 2: the active server drops its connections (fail-over mid-stream);
//   kind 3: a pause: the event loop runs for `length % 8` ms.
// Whatever the client sends, it gets only well-formed MBAP frames, each answering a
// transaction it sent; every request taken is answered or dropped by its deadline (none
// stays in flight); the proxy forgets the client once it leaves; nothing crashes or leaks.
#include "events/eventlog.h"
#include "modbus/mbapcodec.h"
#include "modbus/modbuslink.h"
#include "modbus/modbusproxy.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtEndian>

#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace tandem;
using namespace tandem::modbus;

namespace {

// Not a real device: stands in for a Modbus server that crashes and restarts, which a
// fuzz run cannot do to a real one hundreds of times a second.
class FakeFailoverBackend final : public QObject
{
public:
    explicit FakeFailoverBackend(quint16 id)
        : m_id(id)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                m_connections.insert(socket);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    m_connections.remove(socket);
                    m_buffers.remove(socket);
                    socket->deleteLater();
                });
            }
        });
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            abort();
    }
    quint16 port() const { return m_server.serverPort(); }

    // A crash: every connection reset at once, requests on them unanswered.
    void dropConnections()
    {
        for (QTcpSocket *socket : QSet<QTcpSocket *>(m_connections))
            socket->abort();
    }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        while (true) {
            const MbapCodec::Decoded d = MbapCodec::decode(buffer);
            if (d.status == MbapCodec::Status::Malformed) {
                socket->abort();
                return;
            }
            if (d.status != MbapCodec::Status::Complete)
                break;
            buffer.remove(0, d.consumed);
            const MbapFrame &request = d.frame;
            const quint8 function = request.functionCode();
            const QByteArray &pdu = request.pdu;
            const quint16 count =
                pdu.size() >= 5 ? qFromBigEndian<quint16>(pdu.constData() + 3) : 0;
            MbapFrame answer{request.transactionId, 0, request.unitId, {}};
            if ((function == 0x03 || function == 0x04) && count >= 1 && count <= 125) {
                answer.pdu = QByteArray(1, char(function)) + char(count * 2);
                for (int i = 0; i < count; ++i)
                    answer.pdu += QByteArray{char(m_id >> 8), char(m_id & 0xFF)};
            } else if (function == 0x06 && pdu.size() == 5) {
                answer.pdu = pdu;
            } else {
                answer = MbapCodec::exceptionFor(request, ExceptionCode::IllegalFunction);
            }
            socket->write(MbapCodec::encode(answer));
        }
    }

    quint16 m_id;
    QTcpServer m_server;
    QSet<QTcpSocket *> m_connections;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

struct Rig
{
    EventLog events;
    FakeFailoverBackend primary{1};
    FakeFailoverBackend secondary{2};
    std::unique_ptr<PairRuntime> runtime;
    std::unique_ptr<ModbusProxy> proxy;
};
Rig *g_rig = nullptr;

void pump(int ms)
{
    const QDeadlineTimer until(ms);
    do
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    while (!until.hasExpired());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("tandem.*=false\nqt.*=false"));
    g_rig = new Rig;
    PairConfig config;
    config.name = QStringLiteral("fuzz");
    config.protocol = Protocol::ModbusTcp;
    config.mode = ConnectionMode::Warm;
    config.statusIntervalMs = PairConfig::MinStatusIntervalMs;
    config.statusTimeoutMs = 50;
    config.primary = QStringLiteral("127.0.0.1:%1").arg(g_rig->primary.port());
    config.secondary = QStringLiteral("127.0.0.1:%1").arg(g_rig->secondary.port());
    config.endpoint = QStringLiteral("127.0.0.1:0");
    const auto makeLink = [](Side side, QObject *parent) -> ServerLink * {
        const FakeFailoverBackend &server =
            side == Side::Primary ? g_rig->primary : g_rig->secondary;
        return new ModbusLink(QStringLiteral("127.0.0.1"), server.port(), {}, parent);
    };
    g_rig->runtime = std::make_unique<PairRuntime>(config, makeLink, &g_rig->events);
    // No event log for the proxy: naming a malformed client's process scans /proc, a tenth
    // of a second per input that would leave little time for the proxy itself.
    g_rig->proxy = std::make_unique<ModbusProxy>(
        g_rig->runtime.get(), Endpoint{QStringLiteral("127.0.0.1"), 0, {}}, nullptr);
    QString error;
    if (!g_rig->proxy->listen(&error)) {
        fprintf(stderr, "cannot listen: %s\n", qPrintable(error));
        abort();
    }
    g_rig->runtime->start();
    pump(300); // both servers connected and polled
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ModbusProxy *proxy = g_rig->proxy.get();
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, proxy->port());
    QDeadlineTimer connectBy(5000);
    while (client.state() != QAbstractSocket::ConnectedState) {
        if (connectBy.hasExpired())
            abort();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    QSet<quint16> sent; // transaction ids the client used, as the proxy would parse them
    QByteArray sentStream;
    quint16 nextTid = 1;
    size_t at = 0;
    while (at + 3 <= size && client.state() == QAbstractSocket::ConnectedState) {
        const quint8 kind = data[at] % 4;
        const size_t length = std::min<size_t>(data[at + 1] | (data[at + 2] << 8), size - at - 3);
        const QByteArray bytes(reinterpret_cast<const char *>(data + at + 3), qsizetype(length));
        at += 3 + length;
        switch (kind) {
        case 0:
            client.write(bytes);
            sentStream += bytes;
            break;
        case 1: {
            // A frame holds a PDU (encode asserts it); frames without one come from case 0.
            if (bytes.isEmpty())
                break;
            const QByteArray frame = MbapCodec::encode(MbapFrame{nextTid++, 0, 1, bytes.left(253)});
            client.write(frame);
            sentStream += frame;
            break;
        }
        case 2:
            (g_rig->runtime->active() == Side::Primary ? g_rig->primary : g_rig->secondary)
                .dropConnections();
            break;
        case 3:
            pump(int(length % 8));
            break;
        }
        QCoreApplication::processEvents();
    }
    for (QByteArrayView rest(sentStream); !rest.isEmpty();) {
        const MbapCodec::Decoded d = MbapCodec::decode(rest);
        if (d.status != MbapCodec::Status::Complete)
            break;
        sent.insert(d.frame.transactionId);
        rest = rest.sliced(d.consumed);
    }

    // Every request ends: answered, or dropped with its client, by its deadline.
    const QDeadlineTimer settled(3 * proxy->requestDeadlineMs() + 1000);
    QByteArray received;
    while (proxy->inFlightCount() > 0) {
        if (settled.hasExpired()) {
            fprintf(stderr, "%d request(s) still in flight\n", proxy->inFlightCount());
            abort();
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    pump(1);
    received += client.readAll();
    for (QByteArrayView rest(received); !rest.isEmpty();) {
        const MbapCodec::Decoded d = MbapCodec::decode(rest);
        if (d.status == MbapCodec::Status::Malformed)
            abort(); // the proxy sent bytes that are not an MBAP frame
        if (d.status == MbapCodec::Status::NeedMore)
            break; // the rest of it is still on its way
        if (!sent.contains(d.frame.transactionId))
            abort(); // an answer to a transaction this client never sent
        rest = rest.sliced(d.consumed);
    }
    client.abort();
    const QDeadlineTimer gone(5000);
    while (proxy->clientCount() > 0) {
        if (gone.hasExpired())
            abort(); // a client that left is not forgotten
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return 0;
}
