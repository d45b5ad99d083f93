// libFuzzer target: one client of a pair's OPC UA proxy sending whatever it likes, through
// the server-side dispatcher (OpcUaProxy::receive) with no servers behind it. The harness
// opens a channel and an activated session first, so the input reaches the services:
// the input is a list of records [kind:1][length:2, little-endian][bytes]:
//   kind 0: raw bytes on the connection (framing, chunks, anything);
//   kind 1: a service request, [type id:2][rest]: the harness writes the encoding id and a
//           request header with the session's token, then rest, as one MSG message.
// The proxy must answer or close that channel; it must never crash, hang or grow without
// bound, and a closed channel stays closed.
#include "opcua/opcuaproxy.h"
#include "opcua/transport.h"

#include <QCoreApplication>

#include <cstdlib>
#include <memory>

using namespace tandem;
using namespace tandem::opcua;

namespace {

struct Harness
{
    std::unique_ptr<OpcUaProxy> proxy;
    int connection = 0;
    bool closed = false;
    ChunkReassembler answers{ConnectionLimits{}};
    quint32 sequence = 1;
    quint32 requestId = 1;
    quint32 tokenId = 0;
    NodeId authenticationToken;

    void send(MessageType type, const QByteArray &body)
    {
        SecureMessage message;
        message.type = type;
        message.secureChannelId = quint32(connection);
        message.tokenId = tokenId;
        message.securityPolicyUri = SecurityPolicyNone;
        message.requestId = requestId++;
        message.body = body;
        for (const QByteArray &chunk : encodeSecureMessage(message, ConnectionLimits{}, &sequence))
            proxy->receive(connection, chunk);
    }

    template <typename Response> std::optional<Response> take()
    {
        for (const SecureMessage &m : answers.takeMessages()) {
            Reader r(m.body);
            if (readMessageTypeId(r) != Response::BinaryEncodingId)
                continue;
            Response response;
            QString error;
            if (decodeMessageBody(r, &response, &error))
                return response;
        }
        return std::nullopt;
    }

    bool open()
    {
        Endpoint endpoint;
        endpoint.host = QStringLiteral("127.0.0.1");
        endpoint.port = 4841;
        endpoint.path = QStringLiteral("/fuzz");
        proxy = std::make_unique<OpcUaProxy>(nullptr, endpoint);
        connection = proxy->attach([this](const QByteArray &bytes) { answers.feed(bytes); },
                                   [this] { closed = true; }, QStringLiteral("fuzzer"));
        proxy->receive(connection, encodeHello({ConnectionLimits{},
                                                QStringLiteral("opc.tcp://127.0.0.1:4841/fuzz")}));
        if (!answers.takeAcknowledge())
            return false;
        OpenSecureChannelRequest open;
        open.requestedLifetime = 600000;
        send(MessageType::OpenSecureChannel, encodeMessage(open));
        const auto opened = take<OpenSecureChannelResponse>();
        if (!opened)
            return false;
        tokenId = opened->securityToken.tokenId;
        CreateSessionRequest create;
        create.requestedSessionTimeout = 60000;
        send(MessageType::Message, encodeMessage(create));
        const auto created = take<CreateSessionResponse>();
        if (!created)
            return false;
        authenticationToken = created->authenticationToken;
        ActivateSessionRequest activate;
        activate.requestHeader.authenticationToken = authenticationToken;
        send(MessageType::Message, encodeMessage(activate));
        return take<ActivateSessionResponse>().has_value();
    }
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv); // the proxy's timers need one
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Harness h;
    if (!h.open())
        abort(); // the harness's own well-formed session must work
    size_t at = 0;
    while (at + 3 <= size && !h.closed) {
        const quint8 kind = data[at];
        const size_t length = std::min<size_t>(data[at + 1] | (data[at + 2] << 8), size - at - 3);
        const QByteArray bytes(reinterpret_cast<const char *>(data + at + 3), qsizetype(length));
        at += 3 + length;
        if (kind % 2 == 0) {
            h.proxy->receive(h.connection, bytes);
        } else if (bytes.size() >= 2) {
            Writer w;
            writeNodeId(w, NodeId(0, quint32(quint8(bytes[0]) | (quint8(bytes[1]) << 8))));
            RequestHeader header;
            header.authenticationToken = h.authenticationToken;
            header.requestHandle = 7;
            encode(w, header);
            QByteArray body = w.take();
            body.append(bytes.mid(2));
            h.send(MessageType::Message, body);
        }
        h.answers.takeMessages(); // the answers are not judged, only that there are some
        if (!h.answers.ok() && !h.closed)
            abort(); // the proxy sent bytes a client cannot parse
    }
    QCoreApplication::processEvents();
    if (h.closed && h.proxy->clientCount() != 0)
        abort(); // a closed channel must be gone
    return 0;
}
