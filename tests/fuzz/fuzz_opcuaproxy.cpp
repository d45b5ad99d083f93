// libFuzzer target: one client of a pair's OPC UA proxy sending whatever it likes, through
// the server-side dispatcher (OpcUaProxy::receive) with no servers behind it. The harness
// opens a channel and an activated session first, so the input reaches the services:
// the input is a list of records [kind:1][length:2, little-endian][bytes]:
//   kind 0: raw bytes on the connection (framing, chunks, anything);
//   kind 1: a service request, [type id:2][rest]: the harness writes the encoding id and a
//           request header with the session's token, then rest, as one MSG message.
// The proxy must answer or close that channel; it must never crash, hang or grow without
// bound, and a closed channel stays closed.
#include "attachedclient.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdlib>

using namespace tandem;
using namespace tandem::opcua;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv); // the proxy's timers need one
    QLoggingCategory::setFilterRules(QStringLiteral("tandem.*=false")); // a line per run is slow
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Endpoint endpoint;
    endpoint.host = QStringLiteral("127.0.0.1");
    endpoint.port = 4841;
    endpoint.path = QStringLiteral("/test");
    OpcUaProxy proxy(nullptr, endpoint);
    test::AttachedClient client(&proxy);
    if (!client.openChannel() || !client.openSession().isGood())
        abort(); // the harness's own well-formed session must work
    size_t at = 0;
    while (at + 3 <= size && !client.isClosed()) {
        const quint8 kind = data[at];
        const size_t length = std::min<size_t>(data[at + 1] | (data[at + 2] << 8), size - at - 3);
        const QByteArray bytes(reinterpret_cast<const char *>(data + at + 3), qsizetype(length));
        at += 3 + length;
        if (kind % 2 == 0) {
            proxy.receive(client.connection(), bytes);
        } else if (bytes.size() >= 2) {
            Writer w;
            writeNodeId(w, NodeId(0, quint32(quint8(bytes[0]) | (quint8(bytes[1]) << 8))));
            RequestHeader header;
            header.authenticationToken = client.authenticationToken();
            header.requestHandle = 7;
            encode(w, header);
            QByteArray body = w.take();
            body.append(bytes.mid(2));
            client.send(MessageType::Message, body);
        }
        client.answers().takeMessages(); // the answers are not judged, only their form
        if (!client.answers().ok() && !client.isClosed())
            abort(); // the proxy sent bytes a client cannot parse
    }
    QCoreApplication::processEvents();
    if (client.isClosed() && proxy.clientCount() != 0)
        abort(); // a closed channel must be gone
    return 0;
}
