#pragma once

// The requests of a pair's OPC UA proxy that go to the pair's active server: Read, Write,
// Browse, BrowseNext and TranslateBrowsePathsToNodeIds. The proxy's own nodes (ProxyNodes)
// are answered here and the rest forwarded as one request, the answers put back in the
// client's order. Requests still waiting when the active server changes (or its session
// does) are sent again to the new one if they only read, and answered with
// BadCommunicationError if they write, unless the pair replays writes
// (PairConfig::writeReplay). In Hot, reads and browses also go to the standby, whose good
// answer is kept: it answers the client at once if the standby becomes active first.

#include "engine/side.h"
#include "proxynodes.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace tandem::opcua {

class Client;
class ProxyContext;

class RequestForwarder final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultRequestTimeoutMs = 10000;
    static constexpr int MaxRequestTimeoutMs = 60000;

    // state: the pair as the proxy's own nodes show it, taken at each request.
    RequestForwarder(ProxyContext &context, const ProxyNodes &nodes,
                     std::function<ProxyState()> state);
    ~RequestForwarder() override;

    // Each answers the client on `connection` once, whatever happens to the servers.
    void read(int connection, quint32 requestId, ReadRequest request);
    void write(int connection, quint32 requestId, WriteRequest request);
    void browse(int connection, quint32 requestId, BrowseRequest request);
    void browseNext(int connection, quint32 requestId, BrowseNextRequest request);
    void translateBrowsePaths(int connection, quint32 requestId,
                              TranslateBrowsePathsToNodeIdsRequest request);

    // Answers BadTimeout to the requests past their deadline (and suspects their server).
    void expire(qint64 nowMs);
    // The engine's session with that server is now `current`: what went to the old one
    // hears nothing from it any more.
    void sessionChanged(Side side, Client *current);
    // The active server changed: what waited for one or went to the old one moves on.
    void activeChanged(Side previous, Side current);

private:
    struct Forward;

    // replayable: sent again to the new active server when the old one fails first;
    // toStandby: in Hot also sent to the standby (read-only services).
    template <typename Request, typename Response>
    void forward(int connection, quint32 requestId, Request request, bool replayable,
                 bool toStandby, std::function<void(Response &)> adjust = {});
    // For Read, Write and Browse: answers the operations the proxy answers itself (local()
    // gives the result; nullopt: the server's), forwards the others as one request and
    // puts the answers back in the client's order, each through adjust().
    template <typename Request, typename Response, typename Operation, typename Result>
    void splitAndForward(int connection, quint32 requestId, Request request,
                         QList<Operation> Request::*operations, QList<Result> Response::*results,
                         const std::function<std::optional<Result>(const Operation &)> &local,
                         bool replayable, bool toStandby,
                         std::function<void(const Operation &, Result &)> adjust = {});
    void dispatch(Forward *forward);
    void finish(Forward *forward);
    // The answer goes to the client, and the request is done.
    void fail(Forward *forward, quint32 status);
    int requestTimeoutMs(const RequestHeader &header) const;

    ProxyContext &m_context;
    const ProxyNodes &m_nodes;
    std::function<ProxyState()> m_state;
    std::map<quint64, std::unique_ptr<Forward>> m_forwards;
    quint64 m_nextForward = 1;
};

} // namespace tandem::opcua
