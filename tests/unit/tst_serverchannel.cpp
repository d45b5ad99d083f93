// The server side of one opc.tcp connection, driven with bytes from the client-side
// encoders and judged by parsing its output as a client would: Hello/Acknowledge limits,
// token issue, renewal and expiry, requests in and responses out (chunked, or a fault when
// too large), every protocol violation ending in its ERR, and core's Client against it.
#include "opcua/client.h"
#include "opcua/serverchannel.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <limits>
#include <memory>

using namespace tandem::opcua;

Q_DECLARE_METATYPE(tandem::opcua::ConnectionLimits)

namespace {

constexpr quint32 ChannelId = 7;
constexpr quint32 OpenHandle = 4711;
const QString Url = QStringLiteral("opc.tcp://127.0.0.1:4840/tandem");

template <typename T> std::optional<T> decodeAs(const QByteArray &body)
{
    Reader r(body);
    if (readMessageTypeId(r) != T::BinaryEncodingId)
        return std::nullopt;
    T value;
    QString error;
    if (!decodeMessageBody(r, &value, &error))
        return std::nullopt;
    return value;
}

// The frames of a byte stream, whole ones only.
QList<QByteArray> framesOf(const QByteArray &bytes)
{
    QList<QByteArray> frames;
    qsizetype pos = 0;
    while (bytes.size() - pos >= MessageHeaderSize) {
        Reader r(QByteArrayView(bytes).sliced(pos + 4, 4));
        const quint32 size = r.readUInt32();
        if (size < MessageHeaderSize || pos + qsizetype(size) > bytes.size())
            break;
        frames << bytes.mid(pos, size);
        pos += size;
    }
    return frames;
}

// A client made of the client-side encoders and a reassembler for what the server sends.
struct Peer
{
    explicit Peer(const ConnectionLimits &offered = {})
        : limits(offered)
        , in(offered)
    {}

    QByteArray hello(const QString &url = Url) const { return encodeHello({limits, url}); }

    QByteArray secure(MessageType type, quint32 requestId, const QByteArray &body,
                      const QString &policy = {})
    {
        SecureMessage message;
        message.type = type;
        message.secureChannelId = channelId;
        message.tokenId = tokenId;
        message.securityPolicyUri = policy;
        message.requestId = requestId;
        message.body = body;
        QByteArray bytes;
        for (const QByteArray &chunk : encodeSecureMessage(message, limits, &sequence))
            bytes += chunk;
        return bytes;
    }

    QByteArray open(SecurityTokenRequestType type, quint32 lifetimeMs,
                    MessageSecurityMode mode = MessageSecurityMode::None,
                    const QString &policy = {}, quint32 protocolVersion = ProtocolVersion)
    {
        OpenSecureChannelRequest request;
        request.requestHeader.requestHandle = OpenHandle;
        request.clientProtocolVersion = protocolVersion;
        request.requestType = type;
        request.securityMode = mode;
        request.requestedLifetime = lifetimeMs;
        return secure(MessageType::OpenSecureChannel, nextRequestId++, encodeMessage(request),
                      policy);
    }

    template <typename T> QByteArray request(const T &message)
    {
        return secure(MessageType::Message, nextRequestId++, encodeMessage(message));
    }

    bool takeAcknowledge()
    {
        const std::optional<Acknowledge> ack = in.takeAcknowledge();
        if (!ack)
            return false;
        limits = negotiate(limits, *ack);
        in.setLimits(limits);
        return true;
    }

    ConnectionLimits limits; // offered, then negotiated
    ChunkReassembler in;
    quint32 sequence = 1;
    quint32 channelId = 0;
    quint32 tokenId = 0;
    quint32 nextRequestId = 1;
};

bool helloOnly(ServerChannel &server, Peer &peer)
{
    return server.feed(peer.hello()) && peer.in.feed(server.takeOutput()) &&
           peer.takeAcknowledge() && server.state() == ServerChannel::State::AwaitingOpen;
}

// Hello and OpenSecureChannel (Issue) through to an open channel.
bool handshake(ServerChannel &server, Peer &peer, quint32 lifetimeMs = 60000)
{
    if (!helloOnly(server, peer))
        return false;
    if (!server.feed(peer.open(SecurityTokenRequestType::Issue, lifetimeMs)) ||
        !peer.in.feed(server.takeOutput()))
        return false;
    const QList<SecureMessage> messages = peer.in.takeMessages();
    if (messages.size() != 1)
        return false;
    const auto response = decodeAs<OpenSecureChannelResponse>(messages[0].body);
    if (!response)
        return false;
    peer.channelId = response->securityToken.channelId;
    peer.tokenId = response->securityToken.tokenId;
    return server.state() == ServerChannel::State::Open;
}

GetEndpointsRequest getEndpoints(quint32 handle)
{
    GetEndpointsRequest request;
    request.requestHeader.requestHandle = handle;
    request.endpointUrl = Url;
    return request;
}

EndpointDescription endpoint(const QString &url)
{
    EndpointDescription e;
    e.endpointUrl = url;
    e.server.applicationUri = QStringLiteral("urn:tandem:test-server");
    e.server.applicationName = {QStringLiteral("en"), QStringLiteral("Test server")};
    e.server.applicationType = ApplicationType::Server;
    e.securityMode = MessageSecurityMode::None;
    e.securityPolicyUri = SecurityPolicyNone;
    e.userIdentityTokens = {
        UserTokenPolicy{QStringLiteral("anonymous"), UserTokenType::Anonymous, {}, {}, {}}};
    e.transportProfileUri =
        QStringLiteral("http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary");
    return e;
}

// A GetEndpointsResponse body of exactly `size` bytes (a certificate pads it).
QByteArray responseOfSize(qsizetype size, quint32 handle)
{
    GetEndpointsResponse response;
    response.responseHeader.requestHandle = handle;
    response.endpoints = {endpoint(Url)};
    response.endpoints[0].serverCertificate = QByteArray("");
    const qsizetype base = encodeMessage(response).size();
    response.endpoints[0].serverCertificate = QByteArray(size - base, 'c');
    return encodeMessage(response);
}

} // namespace

class TestServerChannel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helloIsAcknowledgedWithNegotiatedLimits();
    void openIssuesTheFirstToken_data();
    void openIssuesTheFirstToken();
    void renewKeepsTheOldTokenUntilTheNewIsUsed();
    void requestsComeOutInArrivalOrder();
    void responseDecodesBack();
    void largeResponseIsSplitForASmallReceiveBuffer();
    void responseLimits_data();
    void responseLimits();
    void serviceFaultCarriesStatusAndHandle();
    void abortedRequestIsDropped();
    void protocolErrorsEndWithError_data();
    void protocolErrorsEndWithError();
    void closeSecureChannelEndsCleanly();
    void clientErrorEndsWithoutAnswer();
    void failSendsErrorAndStops();
    void tokenExpiresAfter125PercentOfItsLifetime();
    void endToEndWithTheClient();
};

void TestServerChannel::helloIsAcknowledgedWithNegotiatedLimits()
{
    ServerChannelOptions options;
    options.limits = {65536, 65536, 1 << 20, 32};
    ServerChannel server(ChannelId, options);
    QCOMPARE(server.state(), ServerChannel::State::AwaitingHello);
    Peer peer({16384, 32768, 0, 0}); // the client receives 16 KiB chunks, sends 32 KiB ones
    QVERIFY(server.feed(peer.hello()));
    const QByteArray output = server.takeOutput();
    QCOMPARE(framesOf(output).size(), 1);
    QVERIFY(peer.in.feed(output));
    const std::optional<Acknowledge> ack = peer.in.takeAcknowledge();
    QVERIFY(ack);
    QCOMPARE(ack->limits.receiveBufferSize, 32768u); // ours, no larger than the client sends
    QCOMPARE(ack->limits.sendBufferSize, 16384u);    // what the client receives
    QCOMPARE(ack->limits.maxMessageSize, 1u << 20);  // what we accept
    QCOMPARE(ack->limits.maxChunkCount, 32u);
    QCOMPARE(server.state(), ServerChannel::State::AwaitingOpen);
    QCOMPARE(server.endpointUrl(), Url);
    QCOMPARE(server.secureChannelId(), ChannelId);
    QVERIFY(server.error().isEmpty());
    QCOMPARE(server.tokenId(), 0u);
}

void TestServerChannel::openIssuesTheFirstToken_data()
{
    QTest::addColumn<quint32>("requested");
    QTest::addColumn<quint32>("revised");
    QTest::newRow("within the range") << 60000u << 60000u;
    QTest::newRow("below the minimum") << 500u << 10000u;
    QTest::newRow("zero") << 0u << 10000u;
    QTest::newRow("above the maximum") << 100000000u << 3600000u;
}

void TestServerChannel::openIssuesTheFirstToken()
{
    QFETCH(quint32, requested);
    QFETCH(quint32, revised);
    ServerChannel server(ChannelId);
    Peer peer;
    QVERIFY(helloOnly(server, peer));
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    QVERIFY(server.feed(peer.open(SecurityTokenRequestType::Issue, requested)));
    const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);
    QVERIFY(peer.in.feed(server.takeOutput()));
    const QList<SecureMessage> messages = peer.in.takeMessages();
    QCOMPARE(messages.size(), 1);
    const SecureMessage &message = messages[0];
    QCOMPARE(message.type, MessageType::OpenSecureChannel);
    QCOMPARE(message.securityPolicyUri, SecurityPolicyNone);
    QCOMPARE(message.secureChannelId, ChannelId);
    QCOMPARE(message.requestId, 1u);
    QCOMPARE(message.firstSequenceNumber, 1u);
    const auto response = decodeAs<OpenSecureChannelResponse>(message.body);
    QVERIFY(response);
    QCOMPARE(response->responseHeader.requestHandle, OpenHandle);
    QVERIFY(response->responseHeader.serviceResult.isGood());
    QCOMPARE(response->serverProtocolVersion, 0u);
    QCOMPARE(response->securityToken.channelId, ChannelId);
    QCOMPARE(response->securityToken.tokenId, 1u);
    QCOMPARE(response->securityToken.revisedLifetime, revised);
    const QDateTime createdAt = response->securityToken.createdAt.toQDateTime();
    QVERIFY2(createdAt >= before && createdAt <= after,
             qPrintable(createdAt.toString(Qt::ISODate)));
    QVERIFY(response->serverNonce.isEmpty());
    QCOMPARE(server.state(), ServerChannel::State::Open);
    QCOMPARE(server.tokenId(), 1u);
    QCOMPARE(server.revisedLifetimeMs(), revised);
}

void TestServerChannel::renewKeepsTheOldTokenUntilTheNewIsUsed()
{
    ServerChannel server(ChannelId);
    Peer peer;
    QVERIFY(handshake(server, peer));
    QCOMPARE(peer.tokenId, 1u);

    QVERIFY(server.feed(peer.open(SecurityTokenRequestType::Renew, 120000)));
    QVERIFY(peer.in.feed(server.takeOutput()));
    QList<SecureMessage> messages = peer.in.takeMessages();
    QCOMPARE(messages.size(), 1);
    const auto renewed = decodeAs<OpenSecureChannelResponse>(messages[0].body);
    QVERIFY(renewed);
    QCOMPARE(renewed->securityToken.tokenId, 2u);
    QCOMPARE(renewed->securityToken.channelId, ChannelId);
    QCOMPARE(renewed->securityToken.revisedLifetime, 120000u);
    QCOMPARE(server.tokenId(), 2u);

    // Requests already under way with the old token are still accepted, and answered
    // with it, until the client uses the new one.
    QVERIFY(server.feed(peer.request(getEndpoints(1))));
    QList<ServerChannel::Request> requests = server.takeRequests();
    QCOMPARE(requests.size(), 1);
    server.sendResponse(requests[0].requestId, 1, responseOfSize(200, 1));
    QVERIFY(peer.in.feed(server.takeOutput()));
    messages = peer.in.takeMessages();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].tokenId, 1u);

    peer.tokenId = 2;
    QVERIFY(server.feed(peer.request(getEndpoints(2))));
    requests = server.takeRequests();
    QCOMPARE(requests.size(), 1);
    server.sendResponse(requests[0].requestId, 2, responseOfSize(200, 2));
    QVERIFY(peer.in.feed(server.takeOutput()));
    messages = peer.in.takeMessages();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].tokenId, 2u);

    // Once the new token was used, the old one is gone.
    peer.tokenId = 1;
    QVERIFY(!server.feed(peer.request(getEndpoints(3))));
    QVERIFY(server.takeRequests().isEmpty());
    QCOMPARE(server.errorStatus().code, Status::BadSecureChannelTokenUnknown);
    QVERIFY(peer.in.feed(server.takeOutput()));
    const std::optional<ErrorMessage> error = peer.in.takeError();
    QVERIFY(error);
    QCOMPARE(error->error.code, Status::BadSecureChannelTokenUnknown);
}

void TestServerChannel::requestsComeOutInArrivalOrder()
{
    ServerChannel server(ChannelId);
    Peer peer({65536, 8192, 0, 0}); // small chunks, so one request comes in several
    // The whole conversation up front, as a client pipelining it would send it: the
    // channel id and the first token are known in advance here.
    QByteArray stream = peer.hello();
    stream += peer.open(SecurityTokenRequestType::Issue, 60000);
    peer.channelId = ChannelId;
    peer.tokenId = 1;
    const GetEndpointsRequest first = getEndpoints(10);
    ReadRequest second;
    second.requestHeader.requestHandle = 11;
    second.nodesToRead = {ReadValueId::value(NodeId(0, Id::ServiceLevel))};
    WriteRequest third;
    third.requestHeader.requestHandle = 12;
    for (int i = 0; i < 500; ++i)
        third.nodesToWrite.append(
            {NodeId(2, QStringLiteral("Line1.Setpoint%1").arg(i)), AttributeId::Value, {}, {}});
    stream += peer.request(first);
    stream += peer.request(second);
    const QByteArray thirdBytes = peer.request(third);
    QVERIFY(framesOf(thirdBytes).size() > 1);
    stream += thirdBytes;

    // One byte at a time: framing must not depend on how TCP cuts the stream.
    for (char byte : std::as_const(stream))
        QVERIFY(server.feed(QByteArrayView(&byte, 1)));
    QCOMPARE(server.state(), ServerChannel::State::Open);
    QVERIFY(peer.in.feed(server.takeOutput()));
    QVERIFY(peer.in.takeAcknowledge());
    QCOMPARE(peer.in.takeMessages().size(), 1); // the OPN response

    const QList<ServerChannel::Request> requests = server.takeRequests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests[0].requestId, 2u);
    QCOMPARE(requests[0].typeId, GetEndpointsRequest::BinaryEncodingId);
    QCOMPARE(requests[0].body, encodeMessage(first));
    QCOMPARE(requests[1].requestId, 3u);
    QCOMPARE(requests[1].typeId, ReadRequest::BinaryEncodingId);
    QCOMPARE(requests[1].body, encodeMessage(second));
    QCOMPARE(requests[2].requestId, 4u);
    QCOMPARE(requests[2].typeId, WriteRequest::BinaryEncodingId);
    QCOMPARE(requests[2].body, encodeMessage(third));
    QVERIFY(server.takeRequests().isEmpty());

    // A body whose type is not a numeric id of namespace 0 still comes through.
    Writer w;
    writeNodeId(w, NodeId(3, QStringLiteral("Custom")));
    QVERIFY(server.feed(peer.secure(MessageType::Message, 5, w.data())));
    const QList<ServerChannel::Request> odd = server.takeRequests();
    QCOMPARE(odd.size(), 1);
    QCOMPARE(odd[0].typeId, 0u);
    QCOMPARE(odd[0].body, w.data());
}

void TestServerChannel::responseDecodesBack()
{
    ServerChannel server(ChannelId);
    Peer peer;
    QVERIFY(handshake(server, peer));
    QVERIFY(server.feed(peer.request(getEndpoints(33))));
    const QList<ServerChannel::Request> requests = server.takeRequests();
    QCOMPARE(requests.size(), 1);

    GetEndpointsResponse response;
    response.responseHeader.requestHandle = 33;
    response.endpoints = {endpoint(Url)};
    server.sendResponse(requests[0].requestId, 33, encodeMessage(response));
    const QByteArray output = server.takeOutput();
    QCOMPARE(framesOf(output).size(), 1);
    QVERIFY(peer.in.feed(output));
    const QList<SecureMessage> messages = peer.in.takeMessages();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].type, MessageType::Message);
    QCOMPARE(messages[0].requestId, requests[0].requestId);
    QCOMPARE(messages[0].secureChannelId, ChannelId);
    QCOMPARE(messages[0].tokenId, 1u);
    QCOMPARE(messages[0].firstSequenceNumber, 2u); // the OPN response had 1
    const auto got = decodeAs<GetEndpointsResponse>(messages[0].body);
    QVERIFY(got);
    QCOMPARE(got->responseHeader.requestHandle, 33u);
    QCOMPARE(got->endpoints.size(), 1);
    QCOMPARE(got->endpoints[0].endpointUrl, Url);
    QCOMPARE(got->endpoints[0].securityPolicyUri, SecurityPolicyNone);
    QCOMPARE(got->endpoints[0].userIdentityTokens.size(), 1);
    QCOMPARE(got->endpoints[0].server.applicationUri, QStringLiteral("urn:tandem:test-server"));
}

void TestServerChannel::largeResponseIsSplitForASmallReceiveBuffer()
{
    ServerChannel server(ChannelId);
    Peer peer({8192, 65536, 0, 0});
    QVERIFY(handshake(server, peer));
    QVERIFY(server.feed(peer.request(getEndpoints(5))));
    const QList<ServerChannel::Request> requests = server.takeRequests();
    QCOMPARE(requests.size(), 1);

    const QByteArray body = responseOfSize(50000, 5);
    server.sendResponse(requests[0].requestId, 5, body);
    const QByteArray output = server.takeOutput();
    const QList<QByteArray> frames = framesOf(output);
    const qsizetype room = 8192 - 24;
    QCOMPARE(frames.size(), (body.size() + room - 1) / room);
    for (qsizetype i = 0; i < frames.size(); ++i) {
        QVERIFY(frames[i].size() <= 8192);
        QCOMPARE(frames[i].left(4),
                 i + 1 < frames.size() ? QByteArray("MSGC") : QByteArray("MSGF"));
    }
    QVERIFY(peer.in.feed(output));
    const QList<SecureMessage> messages = peer.in.takeMessages();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].body, body);
    QCOMPARE(messages[0].lastSequenceNumber - messages[0].firstSequenceNumber + 1,
             quint32(frames.size()));
    const auto got = decodeAs<GetEndpointsResponse>(messages[0].body);
    QVERIFY(got);
    QCOMPARE(got->endpoints.size(), 1);
}

void TestServerChannel::responseLimits_data()
{
    QTest::addColumn<ConnectionLimits>("clientLimits");
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<bool>("tooLarge");
    const qsizetype room = 8192 - 24;
    QTest::newRow("at the message size")
        << ConnectionLimits{65536, 65536, 30000, 0} << qsizetype(30000) << false;
    QTest::newRow("beyond the message size")
        << ConnectionLimits{65536, 65536, 30000, 0} << qsizetype(30001) << true;
    QTest::newRow("at the chunk count") << ConnectionLimits{8192, 65536, 0, 3} << 3 * room << false;
    QTest::newRow("beyond the chunk count")
        << ConnectionLimits{8192, 65536, 0, 3} << 3 * room + 1 << true;
}

void TestServerChannel::responseLimits()
{
    QFETCH(ConnectionLimits, clientLimits);
    QFETCH(qsizetype, size);
    QFETCH(bool, tooLarge);
    ServerChannel server(ChannelId);
    Peer peer(clientLimits);
    QVERIFY(handshake(server, peer));
    QVERIFY(server.feed(peer.request(getEndpoints(99))));
    const QList<ServerChannel::Request> requests = server.takeRequests();
    QCOMPARE(requests.size(), 1);

    const QByteArray body = responseOfSize(size, 99);
    QCOMPARE(body.size(), size);
    server.sendResponse(requests[0].requestId, 99, body);
    QVERIFY(peer.in.feed(server.takeOutput()));
    const QList<SecureMessage> messages = peer.in.takeMessages();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].requestId, requests[0].requestId);
    if (!tooLarge) {
        QCOMPARE(messages[0].body, body);
        return;
    }
    const auto fault = decodeAs<ServiceFault>(messages[0].body);
    QVERIFY(fault);
    QCOMPARE(fault->responseHeader.serviceResult.code, Status::BadResponseTooLarge);
    QCOMPARE(fault->responseHeader.requestHandle, 99u);
    QCOMPARE(server.state(), ServerChannel::State::Open); // the channel lives on
}

void TestServerChannel::serviceFaultCarriesStatusAndHandle()
{
    ServerChannel server(ChannelId);
    Peer peer;
    QVERIFY(handshake(server, peer));
    QVERIFY(server.feed(peer.request(getEndpoints(8))));
    const QList<ServerChannel::Request> requests = server.takeRequests();
    QCOMPARE(requests.size(), 1);
    server.sendServiceFault(requests[0].requestId, 8, StatusCode{Status::BadServiceUnsupported});
    QVERIFY(peer.in.feed(server.takeOutput()));
    const QList<SecureMessage> messages = peer.in.takeMessages();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].requestId, requests[0].requestId);
    const auto fault = decodeAs<ServiceFault>(messages[0].body);
    QVERIFY(fault);
    QCOMPARE(fault->responseHeader.serviceResult.code, Status::BadServiceUnsupported);
    QCOMPARE(fault->responseHeader.requestHandle, 8u);
    QVERIFY(!fault->responseHeader.timestamp.isMin());
}

void TestServerChannel::abortedRequestIsDropped()
{
    ServerChannel server(ChannelId);
    Peer peer({65536, 8192, 0, 0});
    QVERIFY(handshake(server, peer));

    // The first chunk of a long request, then its abort chunk.
    const quint32 sequence = peer.sequence;
    const QList<QByteArray> started =
        framesOf(peer.secure(MessageType::Message, 20, responseOfSize(20000, 0)));
    QVERIFY(started.size() > 1);
    peer.sequence = sequence + 1;
    Writer reason;
    reason.writeUInt32(Status::BadRequestTooLarge);
    reason.writeString(QStringLiteral("changed my mind"));
    QByteArray abortChunk = peer.secure(MessageType::Message, 20, reason.data());
    abortChunk[3] = 'A';
    QVERIFY(server.feed(started[0]));
    QVERIFY(server.feed(abortChunk));
    QVERIFY(server.takeRequests().isEmpty());

    QVERIFY(server.feed(peer.request(getEndpoints(21))));
    const QList<ServerChannel::Request> requests = server.takeRequests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests[0].typeId, GetEndpointsRequest::BinaryEncodingId);
    QVERIFY(server.takeOutput().isEmpty());
    QCOMPARE(server.state(), ServerChannel::State::Open);
}

void TestServerChannel::protocolErrorsEndWithError_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<quint32>("status");
    const auto row = [](const char *scenario, quint32 status) {
        QTest::newRow(scenario) << QString::fromLatin1(scenario) << status;
    };
    row("garbage before Hello", Status::BadTcpMessageTypeInvalid);
    row("MSG before Hello", Status::BadTcpMessageTypeInvalid);
    row("Hello buffers below the minimum", Status::BadConnectionRejected);
    row("endpoint URL too long", Status::BadTcpEndpointUrlInvalid);
    row("second Hello", Status::BadTcpMessageTypeInvalid);
    row("Acknowledge from the client", Status::BadTcpMessageTypeInvalid);
    row("ReverseHello from the client", Status::BadTcpMessageTypeInvalid);
    row("MSG before OPN", Status::BadSecureChannelIdInvalid);
    row("CLO before OPN", Status::BadSecureChannelIdInvalid);
    row("security policy Basic256Sha256", Status::BadSecurityPolicyRejected);
    row("security mode Sign", Status::BadSecurityModeRejected);
    row("protocol version mismatch", Status::BadProtocolVersionUnsupported);
    row("OPN body undecodable", Status::BadDecodingError);
    row("OPN body of another type", Status::BadDecodingError);
    row("Renew before Issue", Status::BadRequestTypeInvalid);
    row("second Issue", Status::BadRequestTypeInvalid);
    row("Renew of another channel", Status::BadSecureChannelIdInvalid);
    row("MSG on another channel", Status::BadSecureChannelIdInvalid);
    row("MSG with an unknown token", Status::BadSecureChannelTokenUnknown);
    row("chunk beyond the negotiated buffer", Status::BadTcpMessageTooLarge);
    row("request beyond the chunk count", Status::BadRequestTooLarge);
    row("request beyond the message size", Status::BadRequestTooLarge);
    row("unknown chunk type", Status::BadTcpMessageTypeInvalid);
    row("sequence number gap", Status::BadSequenceNumberInvalid);
}

void TestServerChannel::protocolErrorsEndWithError()
{
    QFETCH(QString, scenario);
    QFETCH(quint32, status);
    ServerChannelOptions options;
    options.limits = {32768, 65536, 65536, 4};
    ServerChannel server(ChannelId, options);
    Peer peer({65536, 65536, 0, 0});
    const auto is = [&scenario](const char *name) { return scenario == QLatin1String(name); };

    QByteArray bytes;
    if (is("garbage before Hello")) {
        bytes = "GET / HTTP/1.1\r\nHost: plc\r\n\r\n";
    } else if (is("MSG before Hello")) {
        bytes = peer.request(getEndpoints(1));
    } else if (is("Hello buffers below the minimum")) {
        peer.limits.receiveBufferSize = 4096;
        bytes = peer.hello();
    } else if (is("endpoint URL too long")) {
        bytes = peer.hello(QStringLiteral("opc.tcp://plc/") + QString(5000, QLatin1Char('x')));
    } else {
        const bool needsChannel =
            is("second Issue") || is("Renew of another channel") || is("MSG on another channel") ||
            is("MSG with an unknown token") || is("chunk beyond the negotiated buffer") ||
            is("request beyond the chunk count") || is("request beyond the message size") ||
            is("unknown chunk type") || is("sequence number gap");
        QVERIFY(needsChannel ? handshake(server, peer) : helloOnly(server, peer));
        if (is("second Hello")) {
            bytes = peer.hello();
        } else if (is("Acknowledge from the client")) {
            bytes = encodeAcknowledge({peer.limits});
        } else if (is("ReverseHello from the client")) {
            Writer w;
            w.writeString(QStringLiteral("urn:plc"));
            w.writeString(Url);
            bytes = "RHEF";
            Writer size;
            size.writeUInt32(quint32(8 + w.size()));
            bytes += size.data() + w.data();
        } else if (is("MSG before OPN")) {
            bytes = peer.request(getEndpoints(1));
        } else if (is("CLO before OPN")) {
            bytes = peer.secure(MessageType::CloseSecureChannel, 1,
                                encodeMessage(CloseSecureChannelRequest{}));
        } else if (is("security policy Basic256Sha256")) {
            bytes = peer.open(SecurityTokenRequestType::Issue, 60000, MessageSecurityMode::None,
                              QStringLiteral("http://opcfoundation.org/UA/SecurityPolicy#"
                                             "Basic256Sha256"));
        } else if (is("security mode Sign")) {
            bytes = peer.open(SecurityTokenRequestType::Issue, 60000, MessageSecurityMode::Sign);
        } else if (is("protocol version mismatch")) {
            bytes =
                peer.open(SecurityTokenRequestType::Issue, 60000, MessageSecurityMode::None, {}, 3);
        } else if (is("OPN body undecodable")) {
            Writer w;
            writeNodeId(w, NodeId(0, OpenSecureChannelRequest::BinaryEncodingId));
            w.writeRaw("\x01\x02\x03");
            bytes = peer.secure(MessageType::OpenSecureChannel, 1, w.data());
        } else if (is("OPN body of another type")) {
            bytes = peer.secure(MessageType::OpenSecureChannel, 1, encodeMessage(getEndpoints(1)));
        } else if (is("Renew before Issue")) {
            bytes = peer.open(SecurityTokenRequestType::Renew, 60000);
        } else if (is("second Issue")) {
            bytes = peer.open(SecurityTokenRequestType::Issue, 60000);
        } else if (is("Renew of another channel")) {
            peer.channelId = ChannelId + 1;
            bytes = peer.open(SecurityTokenRequestType::Renew, 60000);
        } else if (is("MSG on another channel")) {
            peer.channelId = ChannelId + 1;
            bytes = peer.request(getEndpoints(1));
        } else if (is("MSG with an unknown token")) {
            peer.tokenId = 5;
            bytes = peer.request(getEndpoints(1));
        } else if (is("chunk beyond the negotiated buffer")) {
            // We receive at most 32 KiB; this client ignores the Acknowledge.
            peer.limits.sendBufferSize = 65536;
            bytes = peer.secure(MessageType::Message, 1, responseOfSize(40000, 0));
            QCOMPARE(framesOf(bytes).size(), 1);
        } else if (is("request beyond the chunk count")) {
            peer.limits.sendBufferSize = 8192;
            bytes = peer.secure(MessageType::Message, 1, responseOfSize(5 * 8000, 0));
            QCOMPARE(framesOf(bytes).size(), 5);
        } else if (is("request beyond the message size")) {
            bytes = peer.secure(MessageType::Message, 1, responseOfSize(65537, 0));
            QCOMPARE(framesOf(bytes).size(), 3);
        } else if (is("unknown chunk type")) {
            bytes = peer.request(getEndpoints(1));
            bytes[3] = 'X';
        } else if (is("sequence number gap")) {
            peer.sequence += 2;
            bytes = peer.request(getEndpoints(1));
        } else {
            QFAIL(qPrintable(scenario));
        }
    }
    server.takeOutput();

    QVERIFY(!server.feed(bytes));
    QCOMPARE(server.state(), ServerChannel::State::Closed);
    QCOMPARE(server.errorStatus().code, status);
    QVERIFY(!server.error().isEmpty());
    QVERIFY(!server.closedByClient());
    QVERIFY(server.takeRequests().isEmpty());
    const QByteArray output = server.takeOutput();
    const QList<QByteArray> frames = framesOf(output);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames.last().left(4), QByteArray("ERRF"));
    ChunkReassembler client;
    QVERIFY(client.feed(frames.last()));
    const std::optional<ErrorMessage> error = client.takeError();
    QVERIFY(error);
    QCOMPARE(error->error.code, status);
    QCOMPARE(error->reason, server.error());

    // Closed for good: nothing more is read or written.
    QVERIFY(!server.feed(peer.request(getEndpoints(2))));
    server.sendResponse(1, 1, responseOfSize(200, 1));
    server.sendServiceFault(1, 1, StatusCode{Status::BadTimeout});
    server.fail(StatusCode{Status::BadShutdown}, QStringLiteral("again"));
    QVERIFY(server.takeOutput().isEmpty());
    QCOMPARE(server.errorStatus().code, status);
}

void TestServerChannel::closeSecureChannelEndsCleanly()
{
    ServerChannel server(ChannelId);
    Peer peer;
    QVERIFY(handshake(server, peer));
    CloseSecureChannelRequest close;
    QVERIFY(!server.feed(peer.secure(MessageType::CloseSecureChannel, 9, encodeMessage(close))));
    QCOMPARE(server.state(), ServerChannel::State::Closed);
    QVERIFY(server.closedByClient());
    QVERIFY(server.error().isEmpty());
    QVERIFY(server.errorStatus().isGood());
    QVERIFY(server.takeOutput().isEmpty());
    QVERIFY(server.takeRequests().isEmpty());
    QVERIFY(!server.feed(peer.request(getEndpoints(1))));
    server.sendResponse(1, 1, responseOfSize(200, 1));
    QVERIFY(server.takeOutput().isEmpty());
    QVERIFY(!server.tokenExpired(std::numeric_limits<qint64>::max() / 8));
}

void TestServerChannel::clientErrorEndsWithoutAnswer()
{
    ServerChannel server(ChannelId);
    Peer peer;
    QVERIFY(handshake(server, peer));
    QVERIFY(!server.feed(encodeError({StatusCode{Status::BadTimeout}, QStringLiteral("bye")})));
    QCOMPARE(server.state(), ServerChannel::State::Closed);
    QVERIFY(server.takeOutput().isEmpty());
    QVERIFY(!server.closedByClient());
    QCOMPARE(server.errorStatus().code, Status::BadTimeout);
    QVERIFY2(server.error().contains(QLatin1String("bye")), qPrintable(server.error()));
}

void TestServerChannel::failSendsErrorAndStops()
{
    ServerChannel server(ChannelId);
    Peer peer;
    QVERIFY(handshake(server, peer));
    server.fail(StatusCode{Status::BadShutdown}, QStringLiteral("the server shuts down"));
    QCOMPARE(server.state(), ServerChannel::State::Closed);
    QCOMPARE(server.errorStatus().code, Status::BadShutdown);
    QCOMPARE(server.error(), QStringLiteral("the server shuts down"));
    QVERIFY(peer.in.feed(server.takeOutput()));
    const std::optional<ErrorMessage> error = peer.in.takeError();
    QVERIFY(error);
    QCOMPARE(error->error.code, Status::BadShutdown);
    QCOMPARE(error->reason, QStringLiteral("the server shuts down"));
    QVERIFY(!server.feed(peer.request(getEndpoints(1))));
    QVERIFY(server.takeOutput().isEmpty());

    // The reason sent stays within the 4096 bytes the spec allows; error() keeps it whole.
    ServerChannel other(ChannelId);
    other.fail(StatusCode{Status::BadInternalError}, QString(5000, QChar(0x00E9)));
    ChunkReassembler client;
    QVERIFY(client.feed(other.takeOutput()));
    const std::optional<ErrorMessage> truncated = client.takeError();
    QVERIFY(truncated);
    QVERIFY(truncated->reason.toUtf8().size() <= 4096);
    QVERIFY(truncated->reason.size() > 1000);
    QCOMPARE(other.error().size(), 5000);
}

void TestServerChannel::tokenExpiresAfter125PercentOfItsLifetime()
{
    ServerChannel server(ChannelId);
    Peer peer;
    server.setNow(1000);
    QVERIFY(helloOnly(server, peer));
    QVERIFY(!server.tokenExpired(1000000)); // no token yet
    QVERIFY(server.feed(peer.open(SecurityTokenRequestType::Issue, 20000)));
    peer.channelId = ChannelId;
    peer.tokenId = 1;
    QCOMPARE(server.tokenId(), 1u);
    QCOMPARE(server.revisedLifetimeMs(), 20000u);
    QVERIFY(!server.tokenExpired(1000 + 25000));
    QVERIFY(server.tokenExpired(1000 + 25001));

    // A renewal stamps the new token with the time set before its OPN was fed.
    server.setNow(16000);
    QVERIFY(server.feed(peer.open(SecurityTokenRequestType::Renew, 10000)));
    QCOMPARE(server.tokenId(), 2u);
    QCOMPARE(server.revisedLifetimeMs(), 10000u);
    QVERIFY(!server.tokenExpired(1000 + 25001));
    QVERIFY(!server.tokenExpired(16000 + 12500));
    QVERIFY(server.tokenExpired(16000 + 12501));
}

void TestServerChannel::endToEndWithTheClient()
{
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress::LocalHost));
    const QString url = QStringLiteral("opc.tcp://127.0.0.1:%1/tandem").arg(listener.serverPort());
    ServerChannelOptions options;
    options.minTokenLifetimeMs = 1000; // so the client renews within the test
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<ServerChannel> channel;
    QPointer<QTcpSocket> socket;
    bool expired = false;
    connect(&listener, &QTcpServer::newConnection, &listener, [&] {
        socket = listener.nextPendingConnection();
        QVERIFY(socket);
        QVERIFY(!channel); // one connection only
        channel = std::make_unique<ServerChannel>(42, options);
        connect(socket, &QTcpSocket::readyRead, socket, [&] {
            channel->setNow(clock.elapsed());
            const bool alive = channel->feed(socket->readAll());
            for (const ServerChannel::Request &request : channel->takeRequests()) {
                Reader r(request.body);
                readMessageTypeId(r);
                GetEndpointsRequest get;
                QString error;
                if (request.typeId != GetEndpointsRequest::BinaryEncodingId ||
                    !decodeMessageBody(r, &get, &error)) {
                    channel->sendServiceFault(request.requestId, 0,
                                              StatusCode{Status::BadServiceUnsupported});
                    continue;
                }
                GetEndpointsResponse response;
                response.responseHeader.requestHandle = get.requestHeader.requestHandle;
                response.endpoints = {endpoint(get.endpointUrl)};
                channel->sendResponse(request.requestId, get.requestHeader.requestHandle,
                                      encodeMessage(response));
            }
            expired = expired || channel->tokenExpired(clock.elapsed());
            socket->write(channel->takeOutput());
            if (!alive)
                socket->disconnectFromHost();
        });
    });

    Client client;
    client.setRequestedTokenLifetime(1200);
    QSignalSpy connected(&client, &Client::connected);
    QSignalSpy failed(&client, &Client::connectFailed);
    client.connectToServer(url, Identity{}, false, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !failed.isEmpty(), 6000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][0].toString()));
    QCOMPARE(client.state(), Client::State::ChannelOpen);
    QCOMPARE(client.securityToken().channelId, 42u);
    QCOMPARE(client.securityToken().tokenId, 1u);
    QCOMPARE(client.securityToken().revisedLifetime, 1200u);
    QVERIFY(channel);
    QCOMPARE(channel->endpointUrl(), url);

    std::optional<GetEndpointsResponse> got;
    CallStatus gotStatus;
    client.getEndpoints(url, [&](const GetEndpointsResponse &response, const CallStatus &status) {
        got = response;
        gotStatus = status;
    });
    QTRY_VERIFY(got);
    QVERIFY2(gotStatus.isGood(), qPrintable(gotStatus.message));
    QCOMPARE(got->endpoints.size(), 1);
    QCOMPARE(got->endpoints[0].endpointUrl, url);
    QCOMPARE(got->endpoints[0].securityMode, MessageSecurityMode::None);
    QCOMPARE(got->endpoints[0].securityPolicyUri, SecurityPolicyNone);
    QCOMPARE(got->endpoints[0].userIdentityTokens.size(), 1);
    QCOMPARE(got->endpoints[0].userIdentityTokens[0].tokenType, UserTokenType::Anonymous);

    // The client renews at 75 % of the lifetime (at least after 1 s).
    QTRY_VERIFY_WITH_TIMEOUT(client.tokenRenewals() >= 2, 8000);
    QCOMPARE(client.state(), Client::State::ChannelOpen);
    QCOMPARE(client.securityToken().tokenId, quint32(1 + client.tokenRenewals()));
    QVERIFY(channel->tokenId() >= client.securityToken().tokenId);
    QVERIFY(!expired);

    // Requests go on with the new token.
    got.reset();
    client.getEndpoints(url, [&](const GetEndpointsResponse &response, const CallStatus &status) {
        got = response;
        gotStatus = status;
    });
    QTRY_VERIFY(got);
    QVERIFY2(gotStatus.isGood(), qPrintable(gotStatus.message));
    QCOMPARE(got->endpoints.size(), 1);

    QSignalSpy disconnected(&client, &Client::disconnected);
    client.disconnectFromServer();
    QTRY_VERIFY(channel->closedByClient());
    QVERIFY(channel->error().isEmpty());
    QTRY_COMPARE(disconnected.size(), 1);
    QCOMPARE(disconnected[0][0].toString(), QString());
}

QTEST_MAIN(TestServerChannel)
#include "tst_serverchannel.moc"
