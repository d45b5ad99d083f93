#pragma once

// The server side of one opc.tcp connection (OPC 10000-6, 7.1 and 6.7; OPC 10000-4, 5.5):
// Hello/Acknowledge, OpenSecureChannel issue and renew under SecurityPolicy None or one of
// the offered secured settings (SecureChunks signs, encrypts and checks the chunks),
// service requests in and responses out as MSG chunks, CloseSecureChannel, and the ERR
// message that ends a broken connection. No I/O here: the owner feeds the bytes it reads and
// writes the bytes it takes, so a proxy or a test server drives it the same way.

#include "securechunks.h"
#include "services.h"
#include "transport.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace tandem::opcua {

struct ServerChannelOptions
{
    // What this server accepts / sends at most. maxChunkCount 0 with a maxMessageSize: as
    // many chunks as a message of that size needs in the chunk size agreed in the Hello.
    ConnectionLimits limits;
    quint32 minTokenLifetimeMs = 10000, maxTokenLifetimeMs = 3600000; // revised lifetime clamp

    // The settings a client may open a channel with; None:None alone is the unsecured
    // server of old. Any other needs the own certificate (DER, issuers' after it) and key.
    // A channel under None is always possible, for discovery: discoveryOnly() tells when
    // None:None is not offered and the owner must serve nothing but the discovery services.
    QList<SecuritySetting> offered = {SecuritySetting{}};
    QByteArray ownCertificate;
    AsymmetricKey ownKey;
    // Judges a client's certificate chain (DER, its own first) when it opens a secured
    // channel under policy: Good, or the status to answer with and the reason for the log.
    // Unset: every certificate is taken.
    std::function<StatusCode(const QByteArray &certificate, const SecurityPolicy &policy,
                             QString *reason)>
        checkClientCertificate;
};

class ServerChannel final
{
public:
    struct Request // one service request (a MSG message)
    {
        quint32 requestId = 0;
        quint32 typeId = 0; // the binary encoding id from the body, 0 if not numeric ns0
        QByteArray body;    // the whole message body (type NodeId included)
    };

    ServerChannel(quint32 secureChannelId, const ServerChannelOptions &options = {});

    // Bytes from the client. Returns false once the connection must be closed; output then
    // ends with an ERR message (when the peer deserves one) and error() says why.
    bool feed(QByteArrayView bytes);
    QList<Request> takeRequests(); // service requests in arrival order
    QByteArray takeOutput();       // bytes to write to the socket (ACK, OPN, MSG, ERR)

    // Answers a request: encodes body (a full message body from encodeMessage) as MSG
    // chunks within the negotiated limits. A body beyond the client's maxMessageSize or
    // chunk count becomes a ServiceFault BadResponseTooLarge for requestHandle instead.
    void sendResponse(quint32 requestId, quint32 requestHandle, const QByteArray &body);
    void sendServiceFault(quint32 requestId, quint32 requestHandle, StatusCode status);
    void fail(StatusCode status, const QString &reason); // ERR to the client, then closed

    enum class State
    {
        AwaitingHello,
        AwaitingOpen,
        Open,
        Closed,
    };
    State state() const { return m_state; }
    bool closedByClient() const { return m_closedByClient; } // CloseSecureChannel, no ERR
    const QString &error() const { return m_error; }         // empty unless failed
    StatusCode errorStatus() const { return m_errorStatus; }
    QString endpointUrl() const { return m_endpointUrl; } // from the client's Hello
    quint32 secureChannelId() const { return m_secureChannelId; }
    quint32 tokenId() const { return m_tokenId; } // current token
    quint32 revisedLifetimeMs() const { return m_revisedLifetimeMs; }
    // The channel's policy and mode once opened (None:None before).
    SecuritySetting securitySetting() const;
    // An unsecured channel where None:None is not offered: for GetEndpoints and FindServers
    // only (OPC 10000-4 §5.4).
    bool discoveryOnly() const { return m_discoveryOnly; }
    // The client's certificate chain as its OpenSecureChannel carried it (empty under None).
    const QByteArray &clientCertificate() const { return m_chunks->peerCertificateChain(); }
    // The own certificate the channel is secured with (empty under None).
    const QByteArray &serverCertificate() const { return m_options.ownCertificate; }

    // Token expiry: the owner calls this on a timer with a monotonic clock (ms); true when
    // the current token is older than 125 % of its lifetime without a renewal (the channel
    // must then be closed, OPC 10000-4 5.5.2).
    bool tokenExpired(qint64 nowMs) const;
    // The monotonic time that stamps tokens issued from now on (owner calls before feed).
    void setNow(qint64 nowMs)
    {
        m_nowMs = nowMs;
        m_chunks->setNow(nowMs);
    }

private:
    bool beginFrame();
    bool checkChunkPrefix();
    bool endFrame();
    bool failFromReassembler();
    void handleHello(const Hello &hello);
    void handleMessage(const SecureMessage &message);
    void handleOpen(const SecureMessage &message);
    void send(MessageType type, quint32 requestId, const QByteArray &body);
    bool checkOpenSecurity(const OpenSecureChannelRequest &request);
    quint32 outgoingTokenId() const;

    quint32 m_secureChannelId;
    ServerChannelOptions m_options;
    std::shared_ptr<SecureChunks> m_chunks;
    bool m_discoveryOnly = false;
    ChunkReassembler m_reassembler;
    ConnectionLimits m_sendLimits; // chunk size we send, message limits the client accepts
    State m_state = State::AwaitingHello;
    bool m_closedByClient = false;
    QString m_error;
    StatusCode m_errorStatus;
    QString m_endpointUrl;
    quint32 m_helloProtocolVersion = ProtocolVersion;

    // The frame being received: its header, then its size and the bytes handed on so far;
    // its first 16 bytes are kept to check channel and token before the rest arrives.
    QByteArray m_prefix;
    std::optional<MessageType> m_frameType;
    quint32 m_frameSize = 0;
    quint32 m_frameFed = 0;

    quint32 m_tokenId = 0;
    std::optional<quint32> m_previousTokenId; // valid until the client uses the new one
    quint32 m_revisedLifetimeMs = 0;
    qint64 m_tokenIssuedAtMs = 0;
    qint64 m_nowMs = 0;
    quint32 m_nextSequenceNumber = 1;

    QList<Request> m_requests;
    QByteArray m_output;
};

} // namespace tandem::opcua
