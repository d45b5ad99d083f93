#include "subscriptionmirrors.h"

#include "base/logging.h"
#include "client.h"
#include "proxycontext.h"
#include "proxysessions.h"

// SubscriptionMirrors and MirroredItem for event monitored items: the EventId the proxy
// adds to the servers' filters, events to the client, the standby's events at a switch,
// and ConditionRefresh (the proxy's own after a switch, the client's mapped).

namespace tandem::opcua {

namespace {

constexpr int RefreshTimeoutMs = 10000;
constexpr int MaxRequestTimeoutMs = 60000;

std::optional<quint32> uint32Argument(const CallMethodRequest &call, qsizetype index)
{
    if (call.inputArguments.size() <= index)
        return std::nullopt;
    const Variant &v = call.inputArguments[index];
    if (!v.isScalar() || v.type() != BuiltInType::UInt32)
        return std::nullopt;
    return std::get<quint32>(v.value());
}

CallMethodResult callResult(quint32 status)
{
    CallMethodResult result;
    result.statusCode = StatusCode{status};
    return result;
}

} // namespace

// MirroredItem.

void MirroredItem::updateEventFilter()
{
    isEvent = request.itemToMonitor.attributeId == AttributeId::EventNotifier;
    eventFilter.reset();
    eventIdField = -1;
    eventIdAdded = false;
    if (!isEvent)
        return;
    eventFilter = fromExtensionObject<EventFilter>(request.requestedParameters.filter);
    if (!eventFilter)
        return; // not one the proxy reads: passed on as it came, without deduplication
    const QList<SimpleAttributeOperand> &clauses = eventFilter->selectClauses;
    for (qsizetype i = 0; i < clauses.size(); ++i)
        if (isEventIdClause(clauses[i])) {
            eventIdField = int(i);
            return;
        }
    eventIdField = int(clauses.size());
    eventIdAdded = true;
}

MonitoringParameters MirroredItem::mirroredParameters() const
{
    MonitoringParameters p = request.requestedParameters;
    p.clientHandle = id;
    if (eventIdAdded) {
        EventFilter filter = *eventFilter;
        filter.selectClauses.append(eventIdClause());
        p.filter = toExtensionObject(filter);
    }
    return p;
}

ExtensionObject MirroredItem::clientFilterResult(const ExtensionObject &serverResult) const
{
    if (!eventIdAdded)
        return serverResult;
    auto result = fromExtensionObject<EventFilterResult>(serverResult);
    if (!result)
        return serverResult;
    const qsizetype asked = eventFilter->selectClauses.size();
    if (result->selectClauseResults.size() > asked)
        result->selectClauseResults.resize(asked);
    if (result->selectClauseDiagnosticInfos.size() > asked)
        result->selectClauseDiagnosticInfos.resize(asked);
    // A result with nothing in it says all is well (OPC 10000-4, 7.22.4): no empty body then.
    bool allGood = result->whereClauseResult.elementResults.isEmpty();
    for (const StatusCode &s : std::as_const(result->selectClauseResults))
        allGood = allGood && s.isGood();
    if (allGood && result->selectClauseDiagnosticInfos.isEmpty())
        return {};
    return toExtensionObject(*result);
}

QByteArray MirroredItem::eventIdOf(const QList<Variant> &fields) const
{
    if (eventIdField < 0 || eventIdField >= fields.size())
        return {};
    const Variant &v = fields[eventIdField];
    if (!v.isScalar() || v.type() != BuiltInType::ByteString)
        return {};
    return std::get<QByteArray>(v.value());
}

EventFieldList MirroredItem::eventNotification(QList<Variant> fields) const
{
    if (eventIdAdded && fields.size() > eventFilter->selectClauses.size())
        fields.resize(eventFilter->selectClauses.size());
    return EventFieldList{request.requestedParameters.clientHandle, std::move(fields)};
}

// Events from the servers.

MirroredSubscription *SubscriptionMirrors::mirroredBy(Side side, quint32 backendSubscription) const
{
    for (const auto &[id, s] : m_subscriptions)
        if (s->mirrors[size_t(side)].id == backendSubscription)
            return s.get();
    return nullptr;
}

void SubscriptionMirrors::onEvent(Side side, quint32 backendSubscription, quint32 handle,
                                  const QList<Variant> &fields)
{
    MirroredSubscription *sub = mirroredBy(side, backendSubscription);
    if (!sub)
        return;
    const auto it = sub->items.find(handle);
    if (it == sub->items.end() || !it->second.isEvent ||
        it->second.request.monitoringMode != MonitoringMode::Reporting)
        return;
    const MirroredItem &item = it->second;
    const qint64 t = m_context.nowMs();
    const QByteArray eventId = item.eventIdOf(fields);
    if (!m_context.runtime() || side != m_context.runtime()->active()) {
        sub->events.keep({t, side, handle, eventId, fields});
        return;
    }
    sub->lastActiveAt = t;
    sub->events.delivered(eventId, t);
    sub->engine.enqueueEvent(item.eventNotification(fields));
}

void SubscriptionMirrors::fillEventGap(MirroredSubscription *sub, Side current)
{
    for (StandbyEvents::Event &e : sub->events.takeGap(current, sub->lastActiveAt)) {
        const auto item = sub->items.find(e.item);
        if (item == sub->items.end() ||
            item->second.request.monitoringMode != MonitoringMode::Reporting)
            continue;
        sub->engine.enqueueEvent(item->second.eventNotification(std::move(e.fields)));
    }
}

// ConditionRefresh.

void SubscriptionMirrors::refreshIfOwed(MirroredSubscription *sub)
{
    const Side side = sub->refreshOwed;
    if (side == Side::None || !m_context.runtime() || m_context.runtime()->active() != side)
        return;
    Client *client = m_context.backend(side);
    const quint32 mirror = sub->mirrors[size_t(side)].id;
    if (!client || mirror == 0)
        return;
    bool any = false;
    for (const auto &[id, item] : sub->items) {
        if (!item.isEvent || item.local)
            continue;
        if (item.creating[size_t(side)])
            return; // once the server has answered for all of them
        any = any || item.backendIds[size_t(side)] != 0;
    }
    if (!any)
        return;
    sub->refreshOwed = Side::None;
    CallRequest request;
    request.methodsToCall.append({NodeId(0, EventNodeId::ConditionType),
                                  NodeId(0, EventNodeId::ConditionRefresh),
                                  {Variant(Value(mirror))}});
    const quint32 subId = sub->engine.id();
    qCInfo(lcOpcUa) << "proxy: ConditionRefresh of subscription" << subId << "on the"
                    << sideKey(side) << "server (its mirror" << mirror << ")";
    client->call<CallResponse>(
        request,
        [subId, side](const CallResponse &response, const CallStatus &status) {
            const StatusCode result = !status.isGood() ? status.status
                                      : response.results.isEmpty()
                                          ? StatusCode{Status::BadUnexpectedError}
                                          : response.results.first().statusCode;
            if (result.isBad())
                qCWarning(lcOpcUa) << "proxy: ConditionRefresh of subscription" << subId << "on the"
                                   << sideKey(side) << "server failed:" << statusCodeText(result)
                                   << status.message;
        },
        RefreshTimeoutMs);
}

bool SubscriptionMirrors::isConditionRefresh(const CallMethodRequest &call)
{
    return call.methodId == NodeId(0, EventNodeId::ConditionRefresh) ||
           call.methodId == NodeId(0, EventNodeId::ConditionRefresh2);
}

std::optional<CallMethodResult>
SubscriptionMirrors::mapConditionRefresh(CallMethodRequest &call, const ProxySession *session)
{
    if (!isConditionRefresh(call))
        return std::nullopt;
    const bool second = call.methodId == NodeId(0, EventNodeId::ConditionRefresh2);
    const auto subscriptionId = uint32Argument(call, 0);
    const auto itemId = second ? uint32Argument(call, 1) : std::nullopt;
    if (!subscriptionId || (second && !itemId)) {
        // Missing or of another type: the server says what is wrong with them, unless the
        // type is wrong (then no id of the server's is hidden in it).
        const bool present = call.inputArguments.size() >= (second ? 2 : 1);
        return present ? std::optional(callResult(Status::BadTypeMismatch)) : std::nullopt;
    }
    const auto it = m_subscriptions.find(*subscriptionId);
    if (it == m_subscriptions.end() || it->second->session != session)
        return callResult(Status::BadSubscriptionIdInvalid);
    MirroredSubscription *sub = it->second.get();
    const Side active = m_context.runtime() ? m_context.runtime()->active() : Side::None;
    std::optional<quint32> backendItem;
    if (second) {
        const auto item = sub->items.find(*itemId);
        if (item == sub->items.end() || !item->second.isEvent)
            return callResult(Status::BadMonitoredItemIdInvalid);
        if (active != Side::None && item->second.backendIds[size_t(active)] != 0)
            backendItem = item->second.backendIds[size_t(active)];
    }
    const quint32 mirror = active == Side::None ? 0 : sub->mirrors[size_t(active)].id;
    if (mirror == 0 || (second && !backendItem)) {
        // The mirror is being made: the proxy refreshes it once its items are there.
        if (active == Side::None)
            return callResult(Status::BadNoCommunication);
        sub->refreshOwed = active;
        return callResult(Status::Good);
    }
    call.inputArguments[0] = Variant(Value(mirror));
    if (second)
        call.inputArguments[1] = Variant(Value(*backendItem));
    return std::nullopt;
}

void SubscriptionMirrors::callConditionRefresh(int connection, quint32 requestId,
                                               const ProxySession *session, CallRequest request)
{
    const quint32 handle = request.requestHeader.requestHandle;
    if (request.methodsToCall.isEmpty()) {
        m_context.fault(connection, requestId, handle, Status::BadNothingToDo);
        return;
    }
    for (const CallMethodRequest &call : std::as_const(request.methodsToCall))
        if (!isConditionRefresh(call)) {
            m_context.fault(connection, requestId, handle, Status::BadServiceUnsupported);
            return;
        }
    auto response = answerTo<CallResponse>(request.requestHeader);
    CallRequest forwarded;
    QList<qsizetype> forwardedIndex;
    for (CallMethodRequest &call : request.methodsToCall) {
        auto local = mapConditionRefresh(call, session);
        response.results.append(local.value_or(CallMethodResult{}));
        if (!local) {
            forwardedIndex.append(response.results.size() - 1);
            forwarded.methodsToCall.append(call);
        }
    }
    const Side active = m_context.runtime() ? m_context.runtime()->active() : Side::None;
    Client *client = active == Side::None ? nullptr : m_context.backend(active);
    if (forwarded.methodsToCall.isEmpty()) {
        m_context.reply(connection, requestId, response);
        return;
    }
    if (!client) {
        m_context.fault(connection, requestId, handle, Status::BadNoCommunication);
        return;
    }
    const quint32 hint = request.requestHeader.timeoutHint;
    const int timeoutMs =
        hint == 0 ? Client::DefaultTimeoutMs : int(std::min<quint32>(hint, MaxRequestTimeoutMs));
    client->call<CallResponse>(
        forwarded,
        [this, self = QPointer<SubscriptionMirrors>(this), connection, requestId, handle, response,
         forwardedIndex](const CallResponse &answer, const CallStatus &status) mutable {
            if (!self)
                return;
            if (!status.isGood() || answer.results.size() != forwardedIndex.size()) {
                quint32 code =
                    status.isGood() ? quint32(Status::BadUnexpectedError) : status.status.code;
                if (isBackendSessionStatus(code))
                    code = Status::BadCommunicationError;
                m_context.fault(connection, requestId, handle, code);
                return;
            }
            for (qsizetype k = 0; k < forwardedIndex.size(); ++k)
                response.results[forwardedIndex[k]] = answer.results[k];
            m_context.reply(connection, requestId, response);
        },
        timeoutMs);
}

} // namespace tandem::opcua
