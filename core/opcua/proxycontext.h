#pragma once

// What the parts of a pair's OPC UA proxy (OpcUaProxy) share: the pair and its settings,
// the engine's sessions with the pair's two servers, the clock, and the way back to the
// clients. The proxy owns one and hands it to ProxySessions, RequestForwarder and
// ProxySubscriptions; none of them sees the client connections themselves.

#include "base/clock.h"
#include "engine/pairruntime.h"
#include "services.h"

#include <QPointer>

#include <array>
#include <memory>

namespace tandem::opcua {

class Client;
class LocalPki;

// The proxy's client connections as its parts reach them: by id, and possibly closed
// meanwhile (a part that answers late, after a server did, does not know). What goes to a
// closed connection is dropped.
class ClientConnections
{
public:
    virtual bool isOpen(int connection) const = 0;
    // The client's address:port, for the log; empty once the connection closed.
    virtual QString peer(int connection) const = 0;
    virtual void respond(int connection, quint32 requestId, quint32 requestHandle,
                         const QByteArray &body) = 0;
    virtual void fault(int connection, quint32 requestId, quint32 requestHandle,
                       quint32 status) = 0;

protected:
    ~ClientConnections() = default;
};

class ProxyContext final
{
public:
    // runtime null: no servers at all (tests, the fuzz target).
    ProxyContext(PairRuntime *runtime, const Clock *clock, ClientConnections &clients);

    PairRuntime *runtime() const { return m_runtime; }
    // The pair's settings: the runtime's, or without one (tests, the fuzz target) these.
    const PairConfig &config() const { return m_runtime ? m_runtime->config() : m_config; }
    void setConfig(const PairConfig &config) { m_config = config; }
    const OpcUaLimits &limits() const { return config().opcuaLimits; }
    // The pair's name for the log: empty without a runtime.
    QString logName() const { return m_runtime ? m_runtime->config().name : QString(); }
    const Clock *clock() const { return m_clock; }
    qint64 nowMs() const { return m_clock->nowMs(); }

    // The engine's client of that server when its session is open, else null.
    Client *backend(Side side) const;
    // The engine's client of that server as the proxy last took it, whatever its state.
    Client *client(Side side) const;
    void setClient(Side side, Client *client);

    // The engine's certificates (null: None only).
    LocalPki *pki() const { return m_pki.get(); }
    void setPki(std::shared_ptr<LocalPki> pki) { m_pki = std::move(pki); }

    ClientConnections &clients() const { return m_connections; }
    template <typename Response>
    void reply(int connection, quint32 requestId, const Response &response) const
    {
        m_connections.respond(connection, requestId, response.responseHeader.requestHandle,
                              encodeMessage(response));
    }
    void fault(int connection, quint32 requestId, quint32 requestHandle, quint32 status) const
    {
        m_connections.fault(connection, requestId, requestHandle, status);
    }

private:
    PairRuntime *m_runtime;
    const Clock *m_clock;
    ClientConnections &m_connections;
    PairConfig m_config; // without a runtime
    std::array<QPointer<Client>, 2> m_clients;
    std::shared_ptr<LocalPki> m_pki;
};

// A server's answer that concerns its session with the proxy, not the client's: the
// client must not take it for the end of its own session.
bool isBackendSessionStatus(quint32 code);

// The time now, as a response header carries it.
DateTime utcNow();

// A response to a request: its handle, the time now.
template <typename Response> Response answerTo(const RequestHeader &header)
{
    Response response;
    response.responseHeader.requestHandle = header.requestHandle;
    response.responseHeader.timestamp = utcNow();
    return response;
}

} // namespace tandem::opcua
