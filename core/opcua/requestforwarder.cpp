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
    // Sends this attempt to a server; standby: the copy whose answer is only kept.
    std::function<void(Forward *, Client *, bool standby)> send;
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

template <typename Request, typename Response>
void RequestForwarder::forward(int connection, quint32 requestId, Request request, bool replayable,
                               bool toStandby, std::function<void(Response &)> adjust)
{
    auto f = std::make_unique<Forward>();
    f->id = m_nextForward++;
    f->connection = connection;
    f->requestId = requestId;
    f->requestHandle = request.requestHeader.requestHandle;
    f->replayable = replayable;
    f->deadline = m_context.nowMs() + requestTimeoutMs(request.requestHeader);
    const quint64 id = f->id;
    f->toStandby = toStandby;
    // The client's answer from a server's response.
    const auto answer = [this, adjust = std::move(adjust)](Forward *f, Response &response) {
        if (m_context.clients().isOpen(f->connection)) {
            response.responseHeader.requestHandle = f->requestHandle;
            response.responseHeader.timestamp = utcNow();
            if (adjust)
                adjust(response);
            m_context.reply(f->connection, f->requestId, response);
        }
        finish(f);
    };
    f->send = [this, id, request = std::move(request), answer](Forward *f, Client *client,
                                                               bool standby) {
        const quint64 attempt = f->attempt;
        const int left = int(std::max<qint64>(1, f->deadline - m_context.nowMs()));
        client->call<Response>(
            request,
            [this, self = QPointer<RequestForwarder>(this), id, attempt, standby,
             answer](Response response, const CallStatus &status) {
                if (!self)
                    return; // the pair stopped while the server answered
                const auto it = m_forwards.find(id);
                if (it == m_forwards.end() || it->second->attempt != attempt)
                    return; // answered already, or sent again elsewhere
                Forward *f = it->second.get();
                if (standby) {
                    if (status.isGood())
                        f->standbyAnswer = [this, id, answer, response]() mutable {
                            const auto it = m_forwards.find(id);
                            if (it != m_forwards.end())
                                answer(it->second.get(), response);
                        };
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
                answer(f, response);
            },
            left);
    };
    Forward *raw = f.get();
    m_forwards.emplace(id, std::move(f));
    dispatch(raw);
}

void RequestForwarder::dispatch(Forward *f)
{
    PairRuntime *runtime = m_context.runtime();
    const Side side = runtime ? runtime->active() : Side::None;
    Client *client = side == Side::None ? nullptr : m_context.backend(side);
    if (!client) {
        f->side = Side::None;
        f->client = nullptr;
        if (runtime && runtime->isSwitching())
            return; // waits for the server that is on its way
        fail(f, Status::BadNoCommunication);
        return;
    }
    f->side = side;
    f->client = client;
    ++f->attempt;
    f->standby = Side::None;
    f->standbyAnswer = nullptr;
    Client *standby = f->toStandby && runtime->config().mode == ConnectionMode::Hot
                          ? m_context.backend(otherSide(side))
                          : nullptr;
    if (standby)
        f->standby = otherSide(side);
    const quint64 id = f->id;
    f->send(f, client, false);
    if (standby && m_forwards.count(id)) // a client that failed at once answered already
        f->send(f, standby, true);
}

void RequestForwarder::finish(Forward *f)
{
    m_forwards.erase(f->id);
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
    std::vector<Forward *> orphaned;
    for (const auto &[id, f] : m_forwards)
        if (f->side == side && f->client != current)
            orphaned.push_back(f.get());
    for (Forward *f : orphaned) {
        if (f->replayable) {
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
    bool toStandby, std::function<void(const Operation &, Result &)> adjust)
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
        [merged, remote, all, results, adjust = std::move(adjust)](Response &response) mutable {
            if ((response.*results).size() != remote.size())
                return; // the client sees the server's answer as it is
            for (qsizetype k = 0; k < remote.size(); ++k) {
                Result result = (response.*results)[k];
                if (adjust)
                    adjust(all[remote[k]], result);
                merged[remote[k]] = std::move(result);
            }
            response.*results = merged;
            response.diagnosticInfos.clear();
        });
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
        [this](const ReadValueId &node, DataValue &value) {
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

void RequestForwarder::browse(int connection, quint32 requestId, BrowseRequest request)
{
    // A continuation point belongs to the server that gave it, and the client gets it from
    // whichever answers: both are fine, BrowseNext goes to the active one.
    splitAndForward<BrowseRequest, BrowseResponse, BrowseDescription, BrowseResult>(
        connection, requestId, std::move(request), &BrowseRequest::nodesToBrowse,
        &BrowseResponse::results,
        [this](const BrowseDescription &d) -> std::optional<BrowseResult> {
            if (!m_nodes.isTandemNode(d.nodeId))
                return std::nullopt;
            return m_nodes.browse(d);
        },
        true, true,
        [this](const BrowseDescription &d, BrowseResult &result) {
            if (result.statusCode.isGood())
                if (auto tandem = m_nodes.objectsReference(d))
                    result.references.append(*tandem);
        });
}

void RequestForwarder::browseNext(int connection, quint32 requestId, BrowseNextRequest request)
{
    forward<BrowseNextRequest, BrowseNextResponse>(connection, requestId, std::move(request), true,
                                                   false);
}

void RequestForwarder::translateBrowsePaths(int connection, quint32 requestId,
                                            TranslateBrowsePathsToNodeIdsRequest request)
{
    forward<TranslateBrowsePathsToNodeIdsRequest, TranslateBrowsePathsToNodeIdsResponse>(
        connection, requestId, std::move(request), true, true);
}

} // namespace tandem::opcua
