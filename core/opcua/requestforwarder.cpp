#include "requestforwarder.h"

#include "client.h"
#include "proxycontext.h"

namespace tandem::opcua {

struct RequestForwarder::Forward
{
    quint64 id = 0;
    int connection = 0;
    quint32 requestId = 0;
    quint32 requestHandle = 0;
    bool replayable = true;
    qint64 deadline = 0;
    Side side = Side::None; // where it went; None: waiting for a server
    quint64 attempt = 0;
    QPointer<Client> client;
    // Hot: a read-only request goes to the standby too; its good answer is kept, and
    // answers the client at once if the standby becomes active before the active answered.
    bool toStandby = false;
    Side standby = Side::None;
    std::function<void()> standbyAnswer;
    std::function<void()> standbyUnused; // when the standby's kept answer is not taken
    // Sends this attempt to a server; standby: the copy whose answer is only kept.
    std::function<void(Forward *, Client *, BackendSession, bool standby)> send;
};

// A BrowseNext on its way: its points one after the other, each page from the proxy's
// point, its server's point or a browse repeated on the active server.
struct RequestForwarder::Continuing
{
    static constexpr int MaxRounds = 64; // server pages read for one empty client page

    quint32 session = 0;
    QList<QByteArray> points;
    QList<BrowseResult> results;
    qsizetype index = 0; // the point in progress
    int rounds = 0;
    bool restartedOnInvalid = false; // its server forgot its point: browsed again once
    RequestHeader header;
};

RequestForwarder::RequestForwarder(ProxyContext &context, const ProxyNodes &nodes,
                                   std::function<ProxyState()> state)
    : m_context(context)
    , m_nodes(nodes)
    , m_state(std::move(state))
{}

RequestForwarder::~RequestForwarder() = default;

int RequestForwarder::requestTimeoutMs(const RequestHeader &header) const
{
    if (header.timeoutHint == 0)
        return DefaultRequestTimeoutMs;
    return int(std::min<quint32>(header.timeoutHint, MaxRequestTimeoutMs));
}

RequestForwarder::Forward *RequestForwarder::newForward(int connection, quint32 requestId,
                                                        const RequestHeader &header,
                                                        bool replayable, bool toStandby)
{
    auto f = std::make_unique<Forward>();
    f->id = m_nextForward++;
    f->connection = connection;
    f->requestId = requestId;
    f->requestHandle = header.requestHandle;
    f->replayable = replayable;
    f->deadline = m_context.nowMs() + requestTimeoutMs(header);
    f->toStandby = toStandby;
    Forward *raw = f.get();
    m_forwards.emplace(raw->id, std::move(f));
    return raw;
}

template <typename Request, typename Response>
void RequestForwarder::callServer(Forward *f, Client *client, BackendSession server, bool standby,
                                  const Request &request, Answer<Response> answer,
                                  Unused<Response> unused)
{
    const quint64 id = f->id;
    const quint64 attempt = f->attempt;
    const int left = int(std::max<qint64>(1, f->deadline - m_context.nowMs()));
    client->call<Response>(
        request,
        [this, self = QPointer<RequestForwarder>(this), id, attempt, standby, server,
         answer = std::move(answer),
         unused = std::move(unused)](Response response, const CallStatus &status) {
            if (!self)
                return; // the pair stopped while the server answered
            const auto it = m_forwards.find(id);
            if (it == m_forwards.end() || it->second->attempt != attempt) {
                // answered already, or sent again elsewhere
                if (status.isGood() && unused)
                    unused(response, server);
                return;
            }
            Forward *f = it->second.get();
            if (standby) {
                if (status.isGood()) {
                    f->standbyAnswer = [this, id, answer, response, server]() mutable {
                        const auto it = m_forwards.find(id);
                        if (it != m_forwards.end())
                            answer(it->second.get(), response, server);
                    };
                    if (unused)
                        f->standbyUnused = [unused, response, server]() mutable {
                            unused(response, server);
                        };
                }
                return;
            }
            if (!status.isGood()) {
                quint32 code = status.status.code;
                if (isBackendSessionStatus(code)) {
                    // The server's session with the proxy ended under the request:
                    // a read goes again once a server is there, a write fails.
                    if (f->replayable) {
                        f->side = Side::None;
                        f->client = nullptr;
                        return; // dispatched again by sessionChanged/activeChanged
                    }
                    code = Status::BadCommunicationError;
                }
                if ((code & 0xFFFF0000) == Status::BadTimeout && m_context.runtime())
                    m_context.runtime()->suspect(f->side);
                fail(f, code);
                return;
            }
            answer(f, response, server);
        },
        left);
}

template <typename Request, typename Response>
void RequestForwarder::forward(int connection, quint32 requestId, Request request, bool replayable,
                               bool toStandby,
                               std::function<void(Response &, BackendSession)> adjust,
                               Unused<Response> unused)
{
    Forward *f = newForward(connection, requestId, request.requestHeader, replayable, toStandby);
    // The client's answer from a server's response.
    Answer<Response> answer = [this, adjust = std::move(adjust),
                               unused](Forward *f, Response &response, BackendSession server) {
        if (m_context.clients().isOpen(f->connection)) {
            response.responseHeader.requestHandle = f->requestHandle;
            response.responseHeader.timestamp = utcNow();
            if (adjust)
                adjust(response, server);
            m_context.reply(f->connection, f->requestId, response);
        } else if (unused) {
            unused(response, server);
        }
        finish(f);
    };
    f->send = [this, request = std::move(request), answer,
               unused](Forward *f, Client *client, BackendSession server, bool standby) {
        callServer<Request, Response>(f, client, server, standby, request, answer, unused);
    };
    dispatch(f);
}

void RequestForwarder::dispatch(Forward *f)
{
    PairRuntime *runtime = m_context.runtime();
    const Side side = runtime ? runtime->active() : Side::None;
    Client *client = side == Side::None ? nullptr : m_context.backend(side);
    if (!client) {
        f->side = Side::None;
        f->client = nullptr;
        // Waits for the server that is on its way, or for the switch to the other one when
        // the active one's session is gone (its loss is being decided); the deadline holds.
        const bool otherServes = side != Side::None && m_context.backend(otherSide(side));
        if (runtime && (runtime->isSwitching() || otherServes))
            return;
        fail(f, Status::BadNoCommunication);
        return;
    }
    f->side = side;
    f->client = client;
    ++f->attempt;
    f->standby = Side::None;
    f->standbyAnswer = nullptr;
    if (auto unused = std::exchange(f->standbyUnused, nullptr))
        unused();
    Client *standby = f->toStandby && runtime->config().mode == ConnectionMode::Hot
                          ? m_context.backend(otherSide(side))
                          : nullptr;
    if (standby)
        f->standby = otherSide(side);
    const quint64 id = f->id;
    f->send(f, client, backendSession(side), false);
    if (standby && m_forwards.count(id)) // a client that failed at once answered already
        f->send(f, standby, backendSession(otherSide(side)), true);
}

void RequestForwarder::finish(Forward *f)
{
    if (auto unused = std::exchange(f->standbyUnused, nullptr))
        unused();
    m_forwards.erase(f->id);
}

BackendSession RequestForwarder::backendSession(Side side) const
{
    return side == Side::None ? BackendSession{}
                              : BackendSession{side, m_generations[size_t(side)]};
}

void RequestForwarder::fail(Forward *f, quint32 status)
{
    m_context.fault(f->connection, f->requestId, f->requestHandle, status);
    finish(f);
}

void RequestForwarder::expire(qint64 t)
{
    std::vector<Forward *> overdue;
    for (const auto &[id, f] : m_forwards)
        if (t >= f->deadline)
            overdue.push_back(f.get());
    for (Forward *f : overdue) {
        if (f->side != Side::None && m_context.runtime())
            m_context.runtime()->suspect(f->side);
        fail(f, Status::BadTimeout);
    }
}

void RequestForwarder::sessionChanged(Side side, Client *current)
{
    if (side != Side::None)
        ++m_generations[size_t(side)]; // the old session's continuation points are gone
    std::vector<Forward *> orphaned;
    for (const auto &[id, f] : m_forwards)
        if ((f->side == side && f->client != current) || (f->side == Side::None && current))
            orphaned.push_back(f.get());
    for (Forward *f : orphaned) {
        if (f->side == Side::None || f->replayable) {
            dispatch(f);
            continue;
        }
        fail(f, Status::BadCommunicationError);
    }
}

void RequestForwarder::activeChanged(Side previous, Side current)
{
    std::vector<Forward *> moved;
    for (const auto &[id, f] : m_forwards)
        if (f->side == Side::None || (f->side == previous && previous != current))
            moved.push_back(f.get());
    for (Forward *f : moved) {
        if (f->standbyAnswer && f->standby == current) {
            f->standbyUnused = nullptr;
            f->standbyAnswer(); // Hot: the new active server has answered already
            continue;
        }
        if (f->side == Side::None || f->replayable) {
            dispatch(f);
            continue;
        }
        fail(f, Status::BadCommunicationError);
    }
}

template <typename Request, typename Response, typename Operation, typename Result>
void RequestForwarder::splitAndForward(
    int connection, quint32 requestId, Request request, QList<Operation> Request::*operations,
    QList<Result> Response::*results,
    const std::function<std::optional<Result>(const Operation &)> &local, bool replayable,
    bool toStandby, std::function<void(const Operation &, Result &, BackendSession)> adjust,
    Unused<Response> unused)
{
    const QList<Operation> all = request.*operations;
    if (all.isEmpty()) {
        m_context.fault(connection, requestId, request.requestHeader.requestHandle,
                        Status::BadNothingToDo);
        return;
    }
    QList<Result> merged(all.size());
    QList<qsizetype> remote;
    Request forwarded = std::move(request);
    (forwarded.*operations).clear();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (std::optional<Result> mine = local(all[i])) {
            merged[i] = std::move(*mine);
        } else {
            remote.append(i);
            (forwarded.*operations).append(all[i]);
        }
    }
    if (remote.isEmpty()) {
        auto response = answerTo<Response>(forwarded.requestHeader);
        response.*results = merged;
        m_context.reply(connection, requestId, response);
        return;
    }
    forward<Request, Response>(
        connection, requestId, std::move(forwarded), replayable, toStandby,
        [merged, remote, all, results, adjust = std::move(adjust)](Response &response,
                                                                   BackendSession server) mutable {
            if ((response.*results).size() != remote.size())
                return; // the client sees the server's answer as it is
            for (qsizetype k = 0; k < remote.size(); ++k) {
                Result result = (response.*results)[k];
                if (adjust)
                    adjust(all[remote[k]], result, server);
                merged[remote[k]] = std::move(result);
            }
            response.*results = merged;
            response.diagnosticInfos.clear();
        },
        std::move(unused));
}

void RequestForwarder::read(int connection, quint32 requestId, ReadRequest request)
{
    const ProxyState s = m_state();
    const TimestampsToReturn timestamps = request.timestampsToReturn;
    splitAndForward<ReadRequest, ReadResponse, ReadValueId, DataValue>(
        connection, requestId, std::move(request), &ReadRequest::nodesToRead,
        &ReadResponse::results,
        [this, &s, timestamps](const ReadValueId &node) -> std::optional<DataValue> {
            if (!m_nodes.answers(node))
                return std::nullopt;
            return m_nodes.read(node, s, timestamps);
        },
        true, true,
        [this](const ReadValueId &node, DataValue &value, BackendSession) {
            if (node.nodeId == NodeId(0, Id::NamespaceArray) &&
                node.attributeId == AttributeId::Value)
                m_nodes.extendNamespaceArray(value);
        });
}

void RequestForwarder::write(int connection, quint32 requestId, WriteRequest request)
{
    const bool replay = m_context.runtime() && m_context.runtime()->config().writeReplay;
    splitAndForward<WriteRequest, WriteResponse, WriteValue, StatusCode>(
        connection, requestId, std::move(request), &WriteRequest::nodesToWrite,
        &WriteResponse::results,
        [this](const WriteValue &w) -> std::optional<StatusCode> {
            if (!m_nodes.answers(ReadValueId{w.nodeId, w.attributeId, {}, {}}))
                return std::nullopt;
            return StatusCode{Status::BadNotWritable};
        },
        replay, false);
}

void RequestForwarder::browse(int connection, quint32 requestId, quint32 session,
                              BrowseRequest request)
{
    // Each server continuation point becomes one of the proxy's (BrowseContinuations), for
    // whichever server answered (in Hot the standby may).
    const quint64 browse = m_nextForward; // the serial of this client request
    const ViewDescription view = request.view;
    const quint32 max = request.requestedMaxReferencesPerNode;
    splitAndForward<BrowseRequest, BrowseResponse, BrowseDescription, BrowseResult>(
        connection, requestId, std::move(request), &BrowseRequest::nodesToBrowse,
        &BrowseResponse::results,
        [this](const BrowseDescription &d) -> std::optional<BrowseResult> {
            if (!m_nodes.isTandemNode(d.nodeId))
                return std::nullopt;
            return m_nodes.browse(d);
        },
        true, true,
        [this, session, browse, view, max](const BrowseDescription &d, BrowseResult &result,
                                           BackendSession server) {
            if (!result.continuationPoint.isEmpty()) {
                QList<BrowsePoint> freed;
                const BrowsePoint *point =
                    m_continuations.open(session, browse, view, d, max, server,
                                         result.continuationPoint, result.references, &freed);
                for (const BrowsePoint &old : freed)
                    releasePoint(old);
                if (point) {
                    result.continuationPoint = point->id;
                } else {
                    releaseOnServer(server, {result.continuationPoint});
                    result = {StatusCode{Status::BadNoContinuationPoints}, {}, {}};
                }
            }
            if (result.statusCode.isGood())
                if (auto tandem = m_nodes.objectsReference(d))
                    result.references.append(*tandem);
        },
        releaseUnused<BrowseResponse>());
}

template <typename Response> RequestForwarder::Unused<Response> RequestForwarder::releaseUnused()
{
    return [this](Response &response, BackendSession server) {
        QList<QByteArray> points;
        for (const BrowseResult &result : response.results)
            if (!result.continuationPoint.isEmpty())
                points.append(result.continuationPoint);
        releaseOnServer(server, points);
    };
}

void RequestForwarder::releaseOnServer(BackendSession server, const QList<QByteArray> &points)
{
    QList<QByteArray> held;
    for (const QByteArray &point : points)
        if (!point.isEmpty())
            held.append(point);
    if (held.isEmpty() || server.side == Side::None || backendSession(server.side) != server)
        return; // that session is gone, and its points with it
    if (Client *client = m_context.backend(server.side))
        client->browseNext(held, true, [](const BrowseNextResponse &, const CallStatus &) {});
}

void RequestForwarder::releasePoint(const BrowsePoint &point)
{
    releaseOnServer(point.server, {point.serverPoint});
    if (point.restart)
        releaseOnServer(point.restart->server, {point.restart->serverPoint});
}

void RequestForwarder::sessionEnding(quint32 session)
{
    for (const BrowsePoint &point : m_continuations.takeSession(session))
        releasePoint(point);
}

void RequestForwarder::browseNext(int connection, quint32 requestId, quint32 session,
                                  BrowseNextRequest request)
{
    const RequestHeader &header = request.requestHeader;
    if (request.continuationPoints.isEmpty()) {
        m_context.fault(connection, requestId, header.requestHandle, Status::BadNothingToDo);
        return;
    }
    auto state = std::make_shared<Continuing>();
    state->session = session;
    state->points = request.continuationPoints;
    state->results.resize(request.continuationPoints.size());
    state->header = header;
    bool needsServer = false;
    for (qsizetype i = 0; i < state->points.size(); ++i) {
        const QByteArray &id = state->points[i];
        if (request.releaseContinuationPoints) {
            // OPC 10000-4 §5.8.3.2: released, and no references.
            const std::optional<BrowsePoint> point = m_continuations.take(session, id);
            if (point)
                releasePoint(*point);
            else
                state->results[i].statusCode = StatusCode{Status::BadContinuationPointInvalid};
            continue;
        }
        const BrowsePoint *point = m_continuations.find(session, id);
        if (point && BrowseContinuations::next(*point, {}) != BrowseContinuations::Step::Pending)
            needsServer = true;
    }
    if (!needsServer) { // from the proxy's points alone
        for (qsizetype i = 0; i < state->points.size() && !request.releaseContinuationPoints; ++i) {
            BrowsePoint *point = m_continuations.find(session, state->points[i]);
            state->results[i] =
                point ? pageOf(*point)
                      : BrowseResult{StatusCode{Status::BadContinuationPointInvalid}, {}, {}};
        }
        auto response = answerTo<BrowseNextResponse>(header);
        response.results = state->results;
        m_context.reply(connection, requestId, response);
        return;
    }
    Forward *f = newForward(connection, requestId, header, true, false);
    f->send = [this, state](Forward *f, Client *client, BackendSession server, bool) {
        continueBrowse(f, client, server, state);
    };
    dispatch(f);
}

BrowseResult RequestForwarder::pageOf(BrowsePoint &point)
{
    BrowseResult result;
    result.references = BrowseContinuations::takePage(point);
    if (point.pending.isEmpty() && point.exhausted())
        m_continuations.take(point.session, point.id); // the list is done
    else
        result.continuationPoint = point.id;
    return result;
}

void RequestForwarder::continueBrowse(Forward *f, Client *client, BackendSession server,
                                      const std::shared_ptr<Continuing> &state)
{
    for (; state->index < state->points.size(); ++state->index, state->rounds = 0) {
        BrowsePoint *point = m_continuations.find(state->session, state->points[state->index]);
        if (!point) {
            state->results[state->index].statusCode =
                StatusCode{Status::BadContinuationPointInvalid};
            continue;
        }
        const auto step = BrowseContinuations::next(*point, server);
        if (step == BrowseContinuations::Step::Pending) {
            state->results[state->index] = pageOf(*point);
            continue;
        }
        if (step == BrowseContinuations::Step::Continue) {
            BrowseNextRequest next;
            next.continuationPoints = {BrowseContinuations::serverPointFor(*point)};
            callServer<BrowseNextRequest, BrowseNextResponse>(
                f, client, server, false, next,
                [this, state](Forward *f, BrowseNextResponse &response, BackendSession server) {
                    continued(f, state,
                              response.results.size() == 1
                                  ? response.results.first()
                                  : BrowseResult{StatusCode{Status::BadUnexpectedError}, {}, {}},
                              server, false);
                },
                releaseUnused<BrowseNextResponse>());
            return;
        }
        // Browsed again where the last read reference is, and as far as the next page.
        BrowseContinuations::restartOn(*point, server);
        BrowseRequest again;
        again.view = point->view;
        again.nodesToBrowse = {point->description};
        const quint64 wanted = point->position + point->maxReferences;
        again.requestedMaxReferencesPerNode =
            point->maxReferences == 0 || wanted > 0xFFFFFFFFu ? 0 : quint32(wanted);
        callServer<BrowseRequest, BrowseResponse>(
            f, client, server, false, again,
            [this, state](Forward *f, BrowseResponse &response, BackendSession server) {
                continued(f, state,
                          response.results.size() == 1
                              ? response.results.first()
                              : BrowseResult{StatusCode{Status::BadUnexpectedError}, {}, {}},
                          server, true);
            },
            releaseUnused<BrowseResponse>());
        return;
    }
    if (m_context.clients().isOpen(f->connection)) {
        auto response = answerTo<BrowseNextResponse>(state->header);
        response.results = state->results;
        m_context.reply(f->connection, f->requestId, response);
    }
    finish(f);
}

void RequestForwarder::continued(Forward *f, const std::shared_ptr<Continuing> &state,
                                 BrowseResult result, BackendSession server, bool restarted)
{
    BrowsePoint *point = m_continuations.find(state->session, state->points[state->index]);
    if (!point) { // released meanwhile
        releaseOnServer(server, {result.continuationPoint});
        dispatch(f);
        return;
    }
    if (!result.statusCode.isGood()) {
        if ((result.statusCode.code & 0xFFFF0000) == Status::BadContinuationPointInvalid &&
            !restarted && !state->restartedOnInvalid) {
            // The server let its point go (a new session, its own limit): browse again.
            state->restartedOnInvalid = true;
            point->server = {};
            point->restart.reset();
            dispatch(f);
            return;
        }
        const BrowsePoint gone = *m_continuations.take(state->session, point->id);
        releasePoint(gone);
        state->results[state->index] = {result.statusCode, {}, {}};
        ++state->index;
        state->rounds = 0;
        dispatch(f);
        return;
    }
    BrowseContinuations::read(*point, result.references, result.continuationPoint);
    // A page of nothing while the server has more: read on rather than hand out an empty one.
    if (!point->pending.isEmpty() || point->exhausted() ||
        ++state->rounds >= Continuing::MaxRounds) {
        state->results[state->index] = pageOf(*point);
        ++state->index;
        state->rounds = 0;
    }
    dispatch(f);
}

void RequestForwarder::translateBrowsePaths(int connection, quint32 requestId,
                                            TranslateBrowsePathsToNodeIdsRequest request)
{
    forward<TranslateBrowsePathsToNodeIdsRequest, TranslateBrowsePathsToNodeIdsResponse>(
        connection, requestId, std::move(request), true, true);
}

void RequestForwarder::call(int connection, quint32 requestId, CallRequest request,
                            const LocalCall &local)
{
    // A method changes state, as a write does: sent again at a switch only when the pair
    // replays writes, and never to the standby.
    const bool replay = m_context.runtime() && m_context.runtime()->config().writeReplay;
    splitAndForward<CallRequest, CallResponse, CallMethodRequest, CallMethodResult>(
        connection, requestId, std::move(request), &CallRequest::methodsToCall,
        &CallResponse::results, local, replay, false);
}

void RequestForwarder::registerNodes(int connection, quint32 requestId,
                                     const RegisterNodesRequest &request)
{
    if (request.nodesToRegister.isEmpty()) {
        m_context.fault(connection, requestId, request.requestHeader.requestHandle,
                        Status::BadNothingToDo);
        return;
    }
    auto response = answerTo<RegisterNodesResponse>(request.requestHeader);
    response.registeredNodeIds = request.nodesToRegister;
    m_context.reply(connection, requestId, response);
}

void RequestForwarder::unregisterNodes(int connection, quint32 requestId,
                                       const UnregisterNodesRequest &request)
{
    if (request.nodesToUnregister.isEmpty()) {
        m_context.fault(connection, requestId, request.requestHeader.requestHandle,
                        Status::BadNothingToDo);
        return;
    }
    m_context.reply(connection, requestId,
                    answerTo<UnregisterNodesResponse>(request.requestHeader));
}

} // namespace tandem::opcua
