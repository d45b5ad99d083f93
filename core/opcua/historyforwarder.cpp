#include "historyforwarder.h"

#include "client.h"
#include "proxycontext.h"
#include "requestforwarder.h"

namespace tandem::opcua {

namespace {

int requestTimeoutMs(const RequestHeader &header)
{
    if (header.timeoutHint == 0)
        return RequestForwarder::DefaultRequestTimeoutMs;
    return int(std::min<quint32>(header.timeoutHint, RequestForwarder::MaxRequestTimeoutMs));
}

// The timestamps the proxy asks the server for: a raw read restarts from source
// timestamps, so it needs them even when the client does not want them.
TimestampsToReturn serverTimestamps(TimestampsToReturn client)
{
    return client == TimestampsToReturn::Server || client == TimestampsToReturn::Neither
               ? TimestampsToReturn::Both
               : client;
}

// The answer as the client asked for it: without the timestamps the proxy added.
ExtensionObject clientTimestamps(const ExtensionObject &historyData, TimestampsToReturn client)
{
    if (serverTimestamps(client) == client)
        return historyData;
    const auto strip = [client](QList<DataValue> &values) {
        for (DataValue &v : values) {
            v.sourceTimestamp.reset();
            v.sourcePicoseconds.reset();
            if (client == TimestampsToReturn::Neither) {
                v.serverTimestamp.reset();
                v.serverPicoseconds.reset();
            }
        }
    };
    if (auto data = fromExtensionObject<HistoryData>(historyData)) {
        strip(data->dataValues);
        return toExtensionObject(*data);
    }
    if (auto data = fromExtensionObject<HistoryModifiedData>(historyData)) {
        strip(data->dataValues);
        return toExtensionObject(*data);
    }
    return historyData;
}

// An empty answer of the kind the read gives.
ExtensionObject noData(const HistoryReadState &state)
{
    if (state.kind() == HistoryReadState::Kind::Events)
        return toExtensionObject(HistoryEvent{});
    return toExtensionObject(HistoryData{});
}

} // namespace

struct HistoryForwarder::Pending
{
    virtual ~Pending() = default;

    quint64 id = 0;
    int connection = 0;
    quint32 requestId = 0;
    quint32 requestHandle = 0;
    qint64 deadline = 0;
    bool replayable = true; // sent again to the new active server
    Side side = Side::None; // where it went; None: waiting for a server
    QPointer<Client> client;
    quint64 attempt = 0;
    bool isRead = true;
};

// One node of a read.
struct HistoryForwarder::Operation
{
    qsizetype index = 0;
    HistoryReadValueId node; // without continuation point
    QByteArray proxyPoint;   // the client's point it continues; empty: a new read
    HistoryReadState state;  // the read as it stood when sent
    bool restarted = false;  // sent as a restart: its answer drops what was delivered
    bool retried = false;    // restarted after BadContinuationPointInvalid
    bool done = false;
};

struct HistoryForwarder::Read : Pending
{
    quint32 session = 0; // 0: it ended meanwhile
    TimestampsToReturn timestamps = TimestampsToReturn::Source;
    std::vector<Operation> operations;
    QList<HistoryReadResult> results;
    int outstanding = 0; // server requests of this attempt not answered yet
};

struct HistoryForwarder::Update : Pending
{
    HistoryUpdateRequest request;
};

HistoryForwarder::HistoryForwarder(ProxyContext &context, int maxContinuationPoints)
    : m_context(context)
    , m_points(maxContinuationPoints)
{}

HistoryForwarder::~HistoryForwarder() = default;

void HistoryForwarder::read(int connection, quint32 requestId, quint32 session,
                            HistoryReadRequest request)
{
    const quint32 handle = request.requestHeader.requestHandle;
    if (request.nodesToRead.isEmpty()) {
        m_context.fault(connection, requestId, handle, Status::BadNothingToDo);
        return;
    }
    if (request.releaseContinuationPoints) {
        // Nothing to read: each point is forgotten here and released where it came from.
        auto response = answerTo<HistoryReadResponse>(request.requestHeader);
        for (const HistoryReadValueId &node : request.nodesToRead) {
            HistoryReadResult result;
            const auto taken = m_points.take(session, node.continuationPoint);
            if (taken)
                releaseOnServer(*taken);
            else
                result.statusCode = StatusCode{Status::BadContinuationPointInvalid};
            response.results.append(result);
        }
        m_context.reply(connection, requestId, response);
        return;
    }
    auto r = std::make_unique<Read>();
    r->id = m_next++;
    r->connection = connection;
    r->requestId = requestId;
    r->requestHandle = handle;
    r->deadline = m_context.nowMs() + requestTimeoutMs(request.requestHeader);
    r->session = session;
    r->timestamps = request.timestampsToReturn;
    r->results.resize(request.nodesToRead.size());
    for (qsizetype i = 0; i < request.nodesToRead.size(); ++i) {
        Operation op;
        op.index = i;
        op.node = request.nodesToRead[i];
        op.proxyPoint = op.node.continuationPoint;
        op.node.continuationPoint.clear();
        if (op.proxyPoint.isEmpty()) {
            op.state = HistoryReadState(request.historyReadDetails, i);
        } else if (const HistoryContinuation *c = m_points.find(session, op.proxyPoint)) {
            op.node = c->node; // the details and node are the first call's (OPC 10000-11, 6.3)
            op.state = c->state;
        } else {
            r->results[i].statusCode = StatusCode{Status::BadContinuationPointInvalid};
            op.done = true;
        }
        r->operations.push_back(std::move(op));
    }
    Read *raw = r.get();
    m_pending.emplace(raw->id, std::move(r));
    dispatch(raw);
}

void HistoryForwarder::update(int connection, quint32 requestId, HistoryUpdateRequest request)
{
    if (request.historyUpdateDetails.isEmpty()) {
        m_context.fault(connection, requestId, request.requestHeader.requestHandle,
                        Status::BadNothingToDo);
        return;
    }
    auto u = std::make_unique<Update>();
    u->id = m_next++;
    u->isRead = false;
    u->connection = connection;
    u->requestId = requestId;
    u->requestHandle = request.requestHeader.requestHandle;
    u->deadline = m_context.nowMs() + requestTimeoutMs(request.requestHeader);
    u->replayable = m_context.runtime() && m_context.runtime()->config().writeReplay;
    u->request = std::move(request);
    Update *raw = u.get();
    m_pending.emplace(raw->id, std::move(u));
    dispatch(raw);
}

void HistoryForwarder::dispatch(Pending *p)
{
    PairRuntime *runtime = m_context.runtime();
    const Side side = runtime ? runtime->active() : Side::None;
    Client *client = side == Side::None ? nullptr : m_context.backend(side);
    if (!client) {
        p->side = Side::None;
        p->client = nullptr;
        if (runtime && runtime->isSwitching())
            return; // waits for the server that is on its way
        fail(p, Status::BadNoCommunication);
        return;
    }
    p->side = side;
    p->client = client;
    ++p->attempt;
    if (!p->isRead) {
        sendUpdate(static_cast<Update *>(p));
        return;
    }
    auto *r = static_cast<Read *>(p);
    r->outstanding = 0;
    QList<Operation *> open;
    for (Operation &op : r->operations)
        if (!op.done)
            open.append(&op);
    const quint64 id = r->id;
    sendRead(r, open);
    if (m_pending.count(id)) // a client that failed at once answered already
        finishRead(r);
}

void HistoryForwarder::sendRead(Read *r, const QList<Operation *> &operations)
{
    // The server gets one request per kind of details: restarts each have their own times,
    // and a processed read's aggregates go with the nodes of its request.
    struct Group
    {
        ExtensionObject details;
        QList<NodeId> aggregates;
        QList<HistoryReadValueId> nodes;
        QList<qsizetype> operations;
    };
    std::vector<Group> groups;
    const auto groupFor = [&groups](ExtensionObject details) -> Group & {
        std::optional<NodeId> aggregate;
        if (auto processed = fromExtensionObject<ReadProcessedDetails>(details);
            processed && processed->aggregateType.size() == 1) {
            aggregate = processed->aggregateType.first();
            processed->aggregateType.clear();
            details = toExtensionObject(*processed);
        }
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&details](const Group &g) { return g.details == details; });
        if (it == groups.end()) {
            groups.push_back({details, {}, {}, {}});
            it = groups.end() - 1;
        }
        if (aggregate)
            it->aggregates.append(*aggregate);
        return *it;
    };
    const quint32 session = r->session;
    for (Operation *op : operations) {
        HistoryReadValueId node = op->node;
        ExtensionObject details = op->state.details();
        op->restarted = false;
        if (!op->proxyPoint.isEmpty()) {
            const HistoryContinuation *c = m_points.find(session, op->proxyPoint);
            if (!c) { // released meanwhile
                r->results[op->index].statusCode = StatusCode{Status::BadContinuationPointInvalid};
                op->done = true;
                continue;
            }
            op->state = c->state;
            if (c->side == r->side && c->server == r->client && !op->retried) {
                node.continuationPoint = c->serverPoint;
            } else {
                const HistoryReadState::Restart restart = op->state.restart();
                if (const auto *restartDetails = std::get_if<ExtensionObject>(&restart)) {
                    details = *restartDetails;
                    op->restarted = true;
                } else {
                    HistoryReadResult &result = r->results[op->index];
                    if (std::holds_alternative<HistoryReadState::Finished>(restart))
                        result.historyData = noData(op->state); // all was delivered
                    else
                        result.statusCode = StatusCode{Status::BadContinuationPointInvalid};
                    m_points.take(session, op->proxyPoint);
                    op->done = true;
                    continue;
                }
            }
        }
        Group &group = groupFor(details);
        group.nodes.append(node);
        group.operations.append(op->index);
    }
    Client *client = r->client;
    const quint64 id = r->id;
    const quint64 attempt = r->attempt;
    const int left = int(std::max<qint64>(1, r->deadline - m_context.nowMs()));
    r->outstanding += int(groups.size());
    for (Group &group : groups) {
        if (!group.aggregates.isEmpty()) {
            auto processed = *fromExtensionObject<ReadProcessedDetails>(group.details);
            processed.aggregateType = group.aggregates;
            group.details = toExtensionObject(processed);
        }
        HistoryReadRequest request;
        request.historyReadDetails = group.details;
        request.timestampsToReturn = serverTimestamps(r->timestamps);
        request.nodesToRead = group.nodes;
        client->call<HistoryReadResponse>(
            std::move(request),
            [this, self = QPointer<HistoryForwarder>(this), id, attempt, ops = group.operations](
                const HistoryReadResponse &response, const CallStatus &status) {
                if (!self)
                    return; // the pair stopped while the server answered
                const auto it = m_pending.find(id);
                if (it == m_pending.end() || it->second->attempt != attempt)
                    return; // answered already, or sent again elsewhere
                auto *r = static_cast<Read *>(it->second.get());
                --r->outstanding;
                if (!status.isGood()) {
                    const quint32 code = status.status.code;
                    if (isBackendSessionStatus(code)) {
                        r->side = Side::None; // read again once a server is there
                        r->client = nullptr;
                        return;
                    }
                    if ((code & 0xFFFF0000) == Status::BadTimeout && m_context.runtime())
                        m_context.runtime()->suspect(r->side);
                    fail(r, code);
                    return;
                }
                if (response.results.size() != ops.size()) {
                    fail(r, Status::BadUnexpectedError);
                    return;
                }
                QList<Operation *> retry;
                for (qsizetype k = 0; k < ops.size(); ++k) {
                    Operation *op = &r->operations[size_t(ops[k])];
                    if (!answer(r, op, response.results[k]))
                        retry.append(op);
                }
                if (!retry.isEmpty())
                    sendRead(r, retry);
                if (m_pending.count(id))
                    finishRead(r);
            },
            left);
        if (!m_pending.count(id))
            return; // a client that failed at once answered already
    }
}

bool HistoryForwarder::answer(Read *r, Operation *op, HistoryReadResult result)
{
    const bool continued = !op->proxyPoint.isEmpty() && !op->restarted;
    if (continued && (result.statusCode.code & 0xFFFF0000) == Status::BadContinuationPointInvalid &&
        !op->retried) {
        // The server forgot it (a new session, a restart of its own): read the rest anew.
        op->retried = true;
        return false;
    }
    if (op->restarted)
        result.historyData = op->state.dropDelivered(result.historyData);
    if (!result.statusCode.isBad())
        op->state.delivered(result.historyData);
    result.historyData = clientTimestamps(result.historyData, r->timestamps);
    if (!result.continuationPoint.isEmpty()) {
        HistoryContinuation c{r->side,  r->client,     result.continuationPoint,
                              op->node, r->timestamps, op->state};
        if (HistoryContinuation *mine =
                op->proxyPoint.isEmpty() ? nullptr : m_points.find(r->session, op->proxyPoint)) {
            *mine = std::move(c);
            result.continuationPoint = op->proxyPoint;
        } else if (const auto point = op->proxyPoint.isEmpty() && r->session != 0
                                          ? m_points.add(r->session, c)
                                          : std::nullopt) {
            result.continuationPoint = *point;
        } else {
            // No room (OPC 10000-4, 5.10.3: the operation fails and has no data), or the
            // point was released, or the session ended, while the server answered.
            releaseOnServer(c);
            result = HistoryReadResult{};
            result.statusCode = StatusCode{op->proxyPoint.isEmpty() && r->session != 0
                                               ? Status::BadNoContinuationPoints
                                               : Status::BadContinuationPointInvalid};
        }
    } else if (!op->proxyPoint.isEmpty()) {
        m_points.take(r->session, op->proxyPoint); // the read is complete
    }
    r->results[op->index] = std::move(result);
    op->done = true;
    return true;
}

void HistoryForwarder::finishRead(Read *r)
{
    if (r->outstanding > 0)
        return;
    for (const Operation &op : r->operations)
        if (!op.done)
            return; // waits for a server
    if (m_context.clients().isOpen(r->connection)) {
        HistoryReadResponse response;
        response.responseHeader.requestHandle = r->requestHandle;
        response.responseHeader.timestamp = utcNow();
        response.results = r->results;
        m_context.reply(r->connection, r->requestId, response);
    }
    finish(r);
}

void HistoryForwarder::sendUpdate(Update *u)
{
    const quint64 id = u->id;
    const quint64 attempt = u->attempt;
    const int left = int(std::max<qint64>(1, u->deadline - m_context.nowMs()));
    u->client->call<HistoryUpdateResponse>(
        u->request,
        [this, self = QPointer<HistoryForwarder>(this), id, attempt](HistoryUpdateResponse response,
                                                                     const CallStatus &status) {
            if (!self)
                return;
            const auto it = m_pending.find(id);
            if (it == m_pending.end() || it->second->attempt != attempt)
                return;
            Pending *u = it->second.get();
            if (!status.isGood()) {
                quint32 code = status.status.code;
                if (isBackendSessionStatus(code)) {
                    if (u->replayable) {
                        u->side = Side::None;
                        u->client = nullptr;
                        return;
                    }
                    code = Status::BadCommunicationError;
                }
                if ((code & 0xFFFF0000) == Status::BadTimeout && m_context.runtime())
                    m_context.runtime()->suspect(u->side);
                fail(u, code);
                return;
            }
            response.responseHeader.requestHandle = u->requestHandle;
            response.responseHeader.timestamp = utcNow();
            m_context.reply(u->connection, u->requestId, response);
            finish(u);
        },
        left);
}

void HistoryForwarder::releaseOnServer(const HistoryContinuation &c)
{
    Client *client = m_context.backend(c.side);
    if (!client || client != c.server)
        return; // gone with its session
    HistoryReadRequest request;
    request.historyReadDetails = c.state.details();
    request.timestampsToReturn = serverTimestamps(c.timestamps);
    request.releaseContinuationPoints = true;
    HistoryReadValueId node = c.node;
    node.continuationPoint = c.serverPoint;
    request.nodesToRead = {node};
    client->call<HistoryReadResponse>(std::move(request),
                                      [](const HistoryReadResponse &, const CallStatus &) {});
}

void HistoryForwarder::sessionEnded(quint32 session)
{
    for (const HistoryContinuation &c : m_points.takeSession(session))
        releaseOnServer(c);
    for (const auto &[id, p] : m_pending)
        if (p->isRead && static_cast<Read *>(p.get())->session == session)
            static_cast<Read *>(p.get())->session = 0;
}

void HistoryForwarder::fail(Pending *p, quint32 status)
{
    m_context.fault(p->connection, p->requestId, p->requestHandle, status);
    finish(p);
}

void HistoryForwarder::finish(Pending *p)
{
    m_pending.erase(p->id);
}

void HistoryForwarder::expire(qint64 t)
{
    std::vector<Pending *> overdue;
    for (const auto &[id, p] : m_pending)
        if (t >= p->deadline)
            overdue.push_back(p.get());
    for (Pending *p : overdue) {
        if (p->side != Side::None && m_context.runtime())
            m_context.runtime()->suspect(p->side);
        fail(p, Status::BadTimeout);
    }
}

void HistoryForwarder::sessionChanged(Side side, Client *current)
{
    std::vector<quint64> orphaned;
    for (const auto &[id, p] : m_pending)
        if (p->side == side && p->client != current)
            orphaned.push_back(id);
    for (quint64 id : orphaned) {
        const auto it = m_pending.find(id);
        if (it == m_pending.end())
            continue;
        if (it->second->replayable)
            dispatch(it->second.get());
        else
            fail(it->second.get(), Status::BadCommunicationError);
    }
}

void HistoryForwarder::activeChanged(Side previous, Side current)
{
    std::vector<quint64> moved;
    for (const auto &[id, p] : m_pending)
        if (p->side == Side::None || (p->side == previous && previous != current))
            moved.push_back(id);
    for (quint64 id : moved) {
        const auto it = m_pending.find(id);
        if (it == m_pending.end())
            continue;
        Pending *p = it->second.get();
        if (p->side == Side::None || p->replayable)
            dispatch(p);
        else
            fail(p, Status::BadCommunicationError);
    }
}

} // namespace tandem::opcua
