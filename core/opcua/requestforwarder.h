#pragma once

// The requests of a pair's OPC UA proxy that go to the pair's active server: Read, Write,
// Browse, BrowseNext, TranslateBrowsePathsToNodeIds and Call. The proxy's own nodes
// (ProxyNodes, ProxyMethods) are answered here and the rest forwarded as one request, the
// answers put back in the client's order. Requests still waiting when the active server
// changes (or its session does) are sent again to the new one if they only read, and
// answered with BadCommunicationError if they write or call a method, unless the pair
// replays writes (PairConfig::writeReplay). In Hot, reads and browses also go to the
// standby, whose good answer is kept: it answers the client at once if the standby becomes
// active first.
// Browse continuation points are the proxy's own (BrowseContinuations), so a BrowseNext
// goes on where the list was, on whichever server is active. RegisterNodes gives the
// client its own node ids back (OPC 10000-4 §5.8.5 allows it): the servers' registered ids
// are theirs alone (node-opcua counts them on each) and would not survive a switch.

#include "browsecontinuations.h"
#include "engine/side.h"
#include "proxynodes.h"

#include <QObject>
#include <QPointer>

#include <array>
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

    // The proxy's own methods: a result for the calls it answers, nullopt for the servers'.
    using LocalCall = std::function<std::optional<CallMethodResult>(const CallMethodRequest &)>;

    // Each answers the client on `connection` once, whatever happens to the servers.
    // session: the client's session (ProxySession::id), whose continuation points they are.
    void read(int connection, quint32 requestId, ReadRequest request);
    void write(int connection, quint32 requestId, WriteRequest request);
    void browse(int connection, quint32 requestId, quint32 session, BrowseRequest request);
    void browseNext(int connection, quint32 requestId, quint32 session, BrowseNextRequest request);
    void translateBrowsePaths(int connection, quint32 requestId,
                              TranslateBrowsePathsToNodeIdsRequest request);
    void call(int connection, quint32 requestId, CallRequest request, const LocalCall &local);
    void registerNodes(int connection, quint32 requestId, const RegisterNodesRequest &request);
    void unregisterNodes(int connection, quint32 requestId, const UnregisterNodesRequest &request);
    // The session ended: its continuation points go, on the servers too.
    void sessionEnding(quint32 session);
    const BrowseContinuations &continuations() const { return m_continuations; }

    // Answers BadTimeout to the requests past their deadline (and suspects their server).
    void expire(qint64 nowMs);
    // The engine's session with that server is now `current`: what went to the old one
    // hears nothing from it any more.
    void sessionChanged(Side side, Client *current);
    // The active server changed: what waited for one or went to the old one moves on.
    void activeChanged(Side previous, Side current);

private:
    struct Forward;
    struct Continuing;
    // What a server answered, for the one whose answer it is.
    template <typename Response>
    using Answer = std::function<void(Forward *, Response &, BackendSession)>;
    // A server's good answer that no client gets (the standby's when the active one answered,
    // one for a client that has gone): what it holds on the server is let go.
    template <typename Response> using Unused = std::function<void(Response &, BackendSession)>;

    // A request of the client's, sent to the active server as `send` makes it there, at
    // each attempt.
    Forward *newForward(int connection, quint32 requestId, const RequestHeader &header,
                        bool replayable, bool toStandby);
    // One attempt: request to that server, its answer to `answer` (errors answer the client).
    template <typename Request, typename Response>
    void callServer(Forward *f, Client *client, BackendSession server, bool standby,
                    const Request &request, Answer<Response> answer, Unused<Response> unused);
    // replayable: sent again to the new active server when the old one fails first;
    // toStandby: in Hot also sent to the standby (read-only services).
    template <typename Request, typename Response>
    void forward(int connection, quint32 requestId, Request request, bool replayable,
                 bool toStandby, std::function<void(Response &, BackendSession)> adjust = {},
                 Unused<Response> unused = {});
    // For Read, Write, Browse and Call: answers the operations the proxy answers itself
    // (local() gives the result; nullopt: the server's), forwards the others as one request
    // and puts the answers back in the client's order, each through adjust().
    template <typename Request, typename Response, typename Operation, typename Result>
    void
    splitAndForward(int connection, quint32 requestId, Request request,
                    QList<Operation> Request::*operations, QList<Result> Response::*results,
                    const std::function<std::optional<Result>(const Operation &)> &local,
                    bool replayable, bool toStandby,
                    std::function<void(const Operation &, Result &, BackendSession)> adjust = {},
                    Unused<Response> unused = {});
    void dispatch(Forward *forward);
    void finish(Forward *forward);
    // The answer goes to the client, and the request is done.
    void fail(Forward *forward, quint32 status);
    int requestTimeoutMs(const RequestHeader &header) const;

    // BrowseNext: the next step of the point the client request has come to.
    void continueBrowse(Forward *f, Client *client, BackendSession server,
                        const std::shared_ptr<Continuing> &state);
    void continued(Forward *f, const std::shared_ptr<Continuing> &state, BrowseResult result,
                   BackendSession server, bool restarted);
    // The client's page of a point whose references are read; the point goes when done.
    BrowseResult pageOf(BrowsePoint &point);
    // Lets a server's continuation points go, if that session is still there.
    void releaseOnServer(BackendSession server, const QList<QByteArray> &points);
    void releasePoint(const BrowsePoint &point);
    template <typename Response> Unused<Response> releaseUnused();
    BackendSession backendSession(Side side) const;

    ProxyContext &m_context;
    const ProxyNodes &m_nodes;
    std::function<ProxyState()> m_state;
    std::map<quint64, std::unique_ptr<Forward>> m_forwards;
    quint64 m_nextForward = 1;
    BrowseContinuations m_continuations;
    std::array<quint64, 2> m_generations{1, 1}; // of the engine's session with each server
};

} // namespace tandem::opcua
