#include "proxycontext.h"

#include "client.h"

namespace tandem::opcua {

ProxyContext::ProxyContext(PairRuntime *runtime, const Clock *clock, ClientConnections &clients)
    : m_runtime(runtime)
    , m_clock(clock)
    , m_connections(clients)
{}

Client *ProxyContext::backend(Side side) const
{
    if (side == Side::None)
        return nullptr;
    Client *client = m_clients[size_t(side)];
    return client && client->state() == Client::State::SessionOpen ? client : nullptr;
}

Client *ProxyContext::client(Side side) const
{
    return m_clients[size_t(side)];
}

void ProxyContext::setClient(Side side, Client *client)
{
    m_clients[size_t(side)] = client;
}

bool isBackendSessionStatus(quint32 code)
{
    switch (code & 0xFFFF0000) {
    case Status::BadSessionIdInvalid:
    case Status::BadSessionClosed:
    case Status::BadSessionNotActivated:
    case Status::BadSecureChannelIdInvalid:
    case Status::BadSecureChannelClosed:
    case Status::BadConnectionClosed:
    case Status::BadNotConnected:
        return true;
    default:
        return false;
    }
}

DateTime utcNow()
{
    return DateTime::fromQDateTime(QDateTime::currentDateTimeUtc());
}

} // namespace tandem::opcua
