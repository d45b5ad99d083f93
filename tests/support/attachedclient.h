#pragma once

// A client of an OpcUaProxy without a socket: bytes go straight into
// OpcUaProxy::receive() and the answers come back through the write function. The unit
// test of the proxy's session layer and its fuzz target talk to it this way. Header only,
// on tandem_core alone, so the fuzz build can use it.

#include "opcua/opcuaproxy.h"
#include "opcua/transport.h"

#include <optional>

namespace tandem::test {

class AttachedClient
{
public:
    // peer: the client's address as the proxy sees it (sessions and logins are counted
    // per address).
    explicit AttachedClient(opcua::OpcUaProxy *proxy,
                            const QString &peer = QStringLiteral("test client"))
        : m_proxy(proxy)
    {
        m_connection = proxy->attach([this](const QByteArray &bytes) { m_answers.feed(bytes); },
                                     [this] { m_closed = true; }, peer);
    }
    // Gone from the proxy as a dropped socket would be.
    void disconnect() { m_proxy->detach(m_connection); }

    int connection() const { return m_connection; }
    bool isClosed() const { return m_closed; }
    opcua::ChunkReassembler &answers() { return m_answers; }
    const opcua::NodeId &authenticationToken() const { return m_token; }

    // Hello and OpenSecureChannel; true once the channel is open.
    bool openChannel(const QString &url = QStringLiteral("opc.tcp://127.0.0.1:4841/test"))
    {
        m_proxy->receive(m_connection, opcua::encodeHello({opcua::ConnectionLimits{}, url}));
        if (!m_answers.takeAcknowledge())
            return false;
        opcua::OpenSecureChannelRequest open;
        open.requestedLifetime = 600000;
        send(opcua::MessageType::OpenSecureChannel, opcua::encodeMessage(open));
        const auto opened = take<opcua::OpenSecureChannelResponse>();
        if (!opened)
            return false;
        m_tokenId = opened->securityToken.tokenId;
        return true;
    }

    // CreateSession, then ActivateSession with this identity token (null: anonymous).
    // Returns the ActivateSession answer's status (Good, or the fault's).
    opcua::StatusCode openSession(const opcua::ExtensionObject &identity = {})
    {
        const opcua::StatusCode created = createSession();
        return created.isGood() ? activateSession(identity) : created;
    }
    // The two halves of openSession().
    opcua::StatusCode createSession()
    {
        opcua::CreateSessionRequest create;
        create.requestedSessionTimeout = 60000;
        const auto created = call<opcua::CreateSessionResponse>(create);
        if (!created)
            return m_lastFault;
        m_token = created->authenticationToken;
        m_serverNonce = created->serverNonce;
        m_serverCertificate = created->serverCertificate;
        return {};
    }
    // What the last CreateSession answered, to encrypt a password or sign a user token with.
    const QByteArray &serverNonce() const { return m_serverNonce; }
    const QByteArray &serverCertificate() const { return m_serverCertificate; }
    // ActivateSession whose answer may come later (a password checked on a worker thread):
    // takeActivated() gives it once it came.
    void sendActivate(const opcua::ExtensionObject &identity,
                      const opcua::SignatureData &userTokenSignature = {})
    {
        opcua::ActivateSessionRequest activate;
        activate.userIdentityToken = identity;
        activate.userTokenSignature = userTokenSignature;
        activate.requestHeader.authenticationToken = m_token;
        activate.requestHeader.requestHandle = ++m_handle;
        send(opcua::MessageType::Message, opcua::encodeMessage(activate));
    }
    // The answer to sendActivate() (Good or the fault's status); nullopt while none came.
    std::optional<opcua::StatusCode> takeActivated()
    {
        const opcua::StatusCode before = m_lastFault;
        m_lastFault = opcua::StatusCode{1}; // a code no fault carries: "none came"
        if (const auto activated = take<opcua::ActivateSessionResponse>()) {
            m_serverNonce = activated->serverNonce;
            m_lastFault = before;
            return opcua::StatusCode{};
        }
        if (m_lastFault.code == 1) {
            m_lastFault = before;
            return std::nullopt;
        }
        return m_lastFault;
    }
    opcua::StatusCode activateSession(const opcua::ExtensionObject &identity = {})
    {
        opcua::ActivateSessionRequest activate;
        activate.userIdentityToken = identity;
        return call<opcua::ActivateSessionResponse>(activate) ? opcua::StatusCode{} : m_lastFault;
    }

    void send(opcua::MessageType type, const QByteArray &body)
    {
        opcua::SecureMessage message;
        message.type = type;
        message.secureChannelId = quint32(m_connection);
        message.tokenId = m_tokenId;
        message.securityPolicyUri = opcua::SecurityPolicyNone;
        message.requestId = m_requestId++;
        message.body = body;
        for (const QByteArray &chunk :
             opcua::encodeSecureMessage(message, opcua::ConnectionLimits{}, &m_sequence))
            m_proxy->receive(m_connection, chunk);
    }

    // Sends a request with this session's token and takes its answer now; nullopt when
    // the proxy answered with a ServiceFault (lastFault()) or not at once.
    template <typename Response, typename Request> std::optional<Response> call(Request request)
    {
        request.requestHeader.authenticationToken = m_token;
        request.requestHeader.requestHandle = ++m_handle;
        send(opcua::MessageType::Message, opcua::encodeMessage(request));
        return take<Response>();
    }

    // The next answer of type Response among those that came; a ServiceFault on the way
    // is kept as lastFault().
    template <typename Response> std::optional<Response> take()
    {
        for (const opcua::SecureMessage &m : m_answers.takeMessages()) {
            opcua::Reader r(m.body);
            const quint32 type = opcua::readMessageTypeId(r);
            QString error;
            if (type == opcua::ServiceFault::BinaryEncodingId) {
                opcua::ServiceFault fault;
                if (opcua::decodeMessageBody(r, &fault, &error))
                    m_lastFault = fault.responseHeader.serviceResult;
                continue;
            }
            if (type != Response::BinaryEncodingId)
                continue;
            Response response;
            if (opcua::decodeMessageBody(r, &response, &error))
                return response;
        }
        return std::nullopt;
    }
    opcua::StatusCode lastFault() const { return m_lastFault; }

private:
    opcua::OpcUaProxy *m_proxy;
    int m_connection = 0;
    bool m_closed = false;
    opcua::ChunkReassembler m_answers{opcua::ConnectionLimits{}};
    quint32 m_sequence = 1;
    quint32 m_requestId = 1;
    quint32 m_handle = 0;
    quint32 m_tokenId = 0;
    opcua::NodeId m_token;
    QByteArray m_serverNonce;
    QByteArray m_serverCertificate;
    opcua::StatusCode m_lastFault;
};

} // namespace tandem::test
