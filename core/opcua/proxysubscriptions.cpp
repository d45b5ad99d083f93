#include "proxysubscriptions.h"

#include "base/logging.h"
#include "client.h"
#include "proxycontext.h"
#include "proxysessions.h"

namespace tandem::opcua {

ProxySubscriptions::ProxySubscriptions(ProxyContext &context, const ProxyNodes &nodes,
                                       std::function<ProxyState()> state)
    : m_context(context)
    , m_nodes(nodes)
    , m_state(std::move(state))
    , m_mirrors(context, m_subscriptions)
{}

ProxySubscriptions::~ProxySubscriptions() = default;

MirroredSubscription *ProxySubscriptions::subscriptionOf(ProxySession *session, quint32 id) const
{
    const auto it = m_subscriptions.find(id);
    if (it == m_subscriptions.end() || it->second->session != session)
        return nullptr;
    return it->second.get();
}

template <typename Request>
MirroredSubscription *ProxySubscriptions::requireSubscription(int connection, quint32 requestId,
                                                              ProxySession *session,
                                                              const Request &request)
{
    MirroredSubscription *sub = subscriptionOf(session, request.subscriptionId);
    if (!sub)
        m_context.fault(connection, requestId, request.requestHeader.requestHandle,
                        Status::BadSubscriptionIdInvalid);
    return sub;
}

QList<StatusCode>
ProxySubscriptions::forItems(MirroredSubscription *sub, const QList<quint32> &ids,
                             std::array<QList<quint32>, 2> *mirrored,
                             const std::function<void(quint32 id, MirroredItem &item)> &apply)
{
    QList<StatusCode> results;
    for (quint32 id : ids) {
        const auto it = sub->items.find(id);
        if (it == sub->items.end()) {
            results.append(StatusCode{Status::BadMonitoredItemIdInvalid});
            continue;
        }
        for (Side side : {Side::Primary, Side::Secondary})
            if (it->second.backendIds[size_t(side)] != 0)
                (*mirrored)[size_t(side)].append(it->second.backendIds[size_t(side)]);
        results.append(StatusCode{});
        apply(id, it->second);
    }
    return results;
}

int ProxySubscriptions::monitoredItemCount(const ProxySession *session) const
{
    int count = 0;
    for (quint32 id : session->subscriptions)
        if (const MirroredSubscription *sub =
                subscriptionOf(const_cast<ProxySession *>(session), id))
            count += int(sub->items.size());
    return count;
}

void ProxySubscriptions::createSubscription(int connection, quint32 requestId,
                                            ProxySession *session,
                                            const CreateSubscriptionRequest &request)
{
    if (session->subscriptions.size() >= m_context.limits().maxSubscriptions) {
        m_context.fault(connection, requestId, request.requestHeader.requestHandle,
                        Status::BadTooManySubscriptions);
        return;
    }
    const SubscriptionParameters p = SubscriptionParameters::revise(
        request.requestedPublishingInterval, request.requestedLifetimeCount,
        request.requestedMaxKeepAliveCount, request.maxNotificationsPerPublish,
        request.publishingEnabled, request.priority);
    const quint32 id = m_nextSubscription++;
    auto sub = std::make_unique<MirroredSubscription>(id, p);
    sub->session = session;
    sub->timer.setInterval(int(p.publishingIntervalMs));
    MirroredSubscription *raw = sub.get();
    connect(&sub->timer, &QTimer::timeout, this, [this, raw] { onTick(raw); });
    sub->timer.start();
    session->subscriptions.append(id);
    m_subscriptions.emplace(id, std::move(sub));

    auto response = answerTo<CreateSubscriptionResponse>(request.requestHeader);
    response.subscriptionId = id;
    response.revisedPublishingInterval = p.publishingIntervalMs;
    response.revisedLifetimeCount = p.lifetimeCount;
    response.revisedMaxKeepAliveCount = p.maxKeepAliveCount;
    m_context.reply(connection, requestId, response);
    for (Side side : m_mirrors.sides())
        m_mirrors.sync(raw, side);
}

void ProxySubscriptions::modifySubscription(int connection, quint32 requestId,
                                            ProxySession *session,
                                            const ModifySubscriptionRequest &request)
{
    MirroredSubscription *sub = requireSubscription(connection, requestId, session, request);
    if (!sub)
        return;
    const SubscriptionParameters p = SubscriptionParameters::revise(
        request.requestedPublishingInterval, request.requestedLifetimeCount,
        request.requestedMaxKeepAliveCount, request.maxNotificationsPerPublish,
        sub->engine.parameters().publishingEnabled, request.priority);
    sub->engine.setParameters(p);
    sub->timer.setInterval(int(p.publishingIntervalMs));
    m_mirrors.modifySubscription(sub, request);
    auto response = answerTo<ModifySubscriptionResponse>(request.requestHeader);
    response.revisedPublishingInterval = p.publishingIntervalMs;
    response.revisedLifetimeCount = p.lifetimeCount;
    response.revisedMaxKeepAliveCount = p.maxKeepAliveCount;
    m_context.reply(connection, requestId, response);
}

void ProxySubscriptions::setPublishingMode(int connection, quint32 requestId, ProxySession *session,
                                           const SetPublishingModeRequest &request)
{
    auto response = answerTo<SetPublishingModeResponse>(request.requestHeader);
    for (quint32 id : request.subscriptionIds) {
        MirroredSubscription *sub = subscriptionOf(session, id);
        if (sub)
            sub->engine.setPublishingEnabled(request.publishingEnabled);
        response.results.append(sub ? StatusCode{} : StatusCode{Status::BadSubscriptionIdInvalid});
    }
    m_context.reply(connection, requestId, response);
}

void ProxySubscriptions::deleteSubscriptions(int connection, quint32 requestId,
                                             ProxySession *session,
                                             const DeleteSubscriptionsRequest &request)
{
    auto response = answerTo<DeleteSubscriptionsResponse>(request.requestHeader);
    for (quint32 id : request.subscriptionIds) {
        MirroredSubscription *sub = subscriptionOf(session, id);
        if (sub)
            deleteSubscription(sub);
        response.results.append(sub ? StatusCode{} : StatusCode{Status::BadSubscriptionIdInvalid});
    }
    m_context.reply(connection, requestId, response);
}

void ProxySubscriptions::sessionEnding(ProxySession *session)
{
    for (quint32 id : QList<quint32>(session->subscriptions))
        if (MirroredSubscription *s = subscriptionOf(session, id))
            deleteSubscription(s);
}

void ProxySubscriptions::deleteSubscription(MirroredSubscription *sub)
{
    for (Side side : {Side::Primary, Side::Secondary})
        m_mirrors.drop(sub, side, true);
    sub->session->subscriptions.removeAll(sub->engine.id());
    m_subscriptions.erase(sub->engine.id());
}

void ProxySubscriptions::createMonitoredItems(int connection, quint32 requestId,
                                              ProxySession *session,
                                              const CreateMonitoredItemsRequest &request)
{
    MirroredSubscription *sub = requireSubscription(connection, requestId, session, request);
    if (!sub)
        return;
    if (request.itemsToCreate.isEmpty()) {
        m_context.fault(connection, requestId, request.requestHeader.requestHandle,
                        Status::BadNothingToDo);
        return;
    }
    // The active server's answer is the client's (its filter results, the items it refuses):
    // while its mirror is being made, the request waits for it.
    if (m_mirrors.deferUntilMirrored(sub, [this, connection, requestId, session, request] {
            createMonitoredItems(connection, requestId, session, request);
        }))
        return;
    auto response = answerTo<CreateMonitoredItemsResponse>(request.requestHeader);
    QList<quint32> remote;
    QList<qsizetype> remoteIndex;
    // The session's limit over all its subscriptions; the items past it are refused one
    // by one, the others created.
    qsizetype room =
        std::max(0, m_context.limits().maxMonitoredItems - monitoredItemCount(session));
    for (const MonitoredItemCreateRequest &create : request.itemsToCreate) {
        if (room-- <= 0) {
            MonitoredItemCreateResult refused;
            refused.statusCode = StatusCode{Status::BadTooManyMonitoredItems};
            response.results.append(refused);
            continue;
        }
        MirroredItem item;
        item.id = m_nextItem++;
        item.request = create;
        item.updateEventFilter();
        item.timestamps = request.timestampsToReturn;
        item.local = m_nodes.answers(create.itemToMonitor);
        MonitoredItemCreateResult result;
        result.monitoredItemId = item.id;
        result.revisedSamplingInterval =
            std::max(create.requestedParameters.samplingInterval,
                     item.local ? sub->engine.parameters().publishingIntervalMs : 0.0);
        result.revisedQueueSize = std::max<quint32>(1, create.requestedParameters.queueSize);
        if (!item.local) {
            remote.append(item.id);
            remoteIndex.append(response.results.size());
        }
        response.results.append(result);
        sub->items.emplace(item.id, std::move(item));
    }
    const Side active = m_context.runtime() ? m_context.runtime()->active() : Side::None;
    const bool answerFromActive = !remote.isEmpty() && active != Side::None &&
                                  sub->mirrors[size_t(active)].id != 0 && m_context.backend(active);
    for (Side side : {Side::Primary, Side::Secondary}) {
        if (sub->mirrors[size_t(side)].id == 0 || !m_context.backend(side) || remote.isEmpty())
            continue;
        if (!(answerFromActive && side == active)) {
            m_mirrors.createItems(sub, side, remote, {});
            continue;
        }
        // The active server's results are the client's: revised values, and the items it
        // refused (an unknown node) do not exist.
        const quint32 subId = sub->engine.id();
        m_mirrors.createItems(
            sub, side, remote,
            [this, connection, requestId, response, remote, remoteIndex,
             subId](const CreateMonitoredItemsResponse &created, const CallStatus &status) mutable {
                const auto sit = m_subscriptions.find(subId);
                for (qsizetype k = 0; status.isGood() && k < remote.size(); ++k) {
                    const MonitoredItemCreateResult &r = created.results[k];
                    MonitoredItemCreateResult &mine = response.results[remoteIndex[k]];
                    ExtensionObject filterResult = r.filterResult;
                    if (sit != m_subscriptions.end())
                        if (const auto item = sit->second->items.find(remote[k]);
                            item != sit->second->items.end())
                            filterResult = item->second.clientFilterResult(r.filterResult);
                    if (r.statusCode.isBad()) {
                        mine = MonitoredItemCreateResult{r.statusCode, 0, 0, 0, filterResult};
                        if (sit != m_subscriptions.end())
                            sit->second->items.erase(remote[k]);
                        continue;
                    }
                    mine.revisedSamplingInterval = r.revisedSamplingInterval;
                    mine.revisedQueueSize = r.revisedQueueSize;
                    mine.filterResult = filterResult;
                }
                m_context.reply(connection, requestId, response);
            });
    }
    if (!answerFromActive)
        m_context.reply(connection, requestId, response);
}

void ProxySubscriptions::modifyMonitoredItems(int connection, quint32 requestId,
                                              ProxySession *session,
                                              const ModifyMonitoredItemsRequest &request)
{
    MirroredSubscription *sub = requireSubscription(connection, requestId, session, request);
    if (!sub)
        return;
    auto response = answerTo<ModifyMonitoredItemsResponse>(request.requestHeader);
    std::array<ModifyMonitoredItemsRequest, 2> mirrored;
    for (const MonitoredItemModifyRequest &modify : request.itemsToModify) {
        const auto it = sub->items.find(modify.monitoredItemId);
        MonitoredItemModifyResult result;
        if (it == sub->items.end()) {
            result.statusCode = StatusCode{Status::BadMonitoredItemIdInvalid};
            response.results.append(result);
            continue;
        }
        MirroredItem &item = it->second;
        item.request.requestedParameters = modify.requestedParameters;
        item.updateEventFilter();
        item.timestamps = request.timestampsToReturn;
        result.revisedSamplingInterval = modify.requestedParameters.samplingInterval;
        result.revisedQueueSize = std::max<quint32>(1, modify.requestedParameters.queueSize);
        response.results.append(result);
        for (Side side : {Side::Primary, Side::Secondary}) {
            if (item.backendIds[size_t(side)] == 0)
                continue;
            MonitoredItemModifyRequest m = modify;
            m.monitoredItemId = item.backendIds[size_t(side)];
            m.requestedParameters = item.mirroredParameters();
            mirrored[size_t(side)].itemsToModify.append(m);
        }
    }
    m_mirrors.modifyItems(sub, std::move(mirrored));
    m_context.reply(connection, requestId, response);
}

void ProxySubscriptions::setMonitoringMode(int connection, quint32 requestId, ProxySession *session,
                                           const SetMonitoringModeRequest &request)
{
    MirroredSubscription *sub = requireSubscription(connection, requestId, session, request);
    if (!sub)
        return;
    auto response = answerTo<SetMonitoringModeResponse>(request.requestHeader);
    std::array<QList<quint32>, 2> mirrored;
    response.results =
        forItems(sub, request.monitoredItemIds, &mirrored, [&request](quint32, MirroredItem &item) {
            item.request.monitoringMode = request.monitoringMode;
        });
    m_mirrors.setMonitoringMode(sub, mirrored, request.monitoringMode);
    m_context.reply(connection, requestId, response);
}

void ProxySubscriptions::deleteMonitoredItems(int connection, quint32 requestId,
                                              ProxySession *session,
                                              const DeleteMonitoredItemsRequest &request)
{
    MirroredSubscription *sub = requireSubscription(connection, requestId, session, request);
    if (!sub)
        return;
    auto response = answerTo<DeleteMonitoredItemsResponse>(request.requestHeader);
    std::array<QList<quint32>, 2> mirrored;
    QList<quint32> gone;
    response.results = forItems(sub, request.monitoredItemIds, &mirrored,
                                [&gone](quint32 id, MirroredItem &) { gone.append(id); });
    for (quint32 id : gone)
        sub->items.erase(id);
    m_mirrors.deleteItems(sub, mirrored);
    m_context.reply(connection, requestId, response);
}

void ProxySubscriptions::publish(int connection, quint32 requestId, ProxySession *session,
                                 const PublishRequest &request)
{
    PendingPublish pending;
    pending.connection = connection;
    pending.requestId = requestId;
    pending.requestHandle = request.requestHeader.requestHandle;
    for (const SubscriptionAcknowledgement &ack : request.subscriptionAcknowledgements) {
        MirroredSubscription *sub = subscriptionOf(session, ack.subscriptionId);
        pending.results.append(sub ? sub->engine.acknowledge(ack.sequenceNumber)
                                   : StatusCode{Status::BadSubscriptionIdInvalid});
    }
    if (session->subscriptions.isEmpty()) {
        m_context.fault(connection, requestId, pending.requestHandle, Status::BadNoSubscription);
        return;
    }
    if (request.requestHeader.timeoutHint != 0)
        pending.deadline = m_context.nowMs() + request.requestHeader.timeoutHint;
    session->publishQueue.push_back(pending);
    while (session->publishQueue.size() > MaxPublishRequestsPerSession) {
        const PendingPublish oldest = session->publishQueue.front();
        session->publishQueue.pop_front();
        m_context.fault(oldest.connection, oldest.requestId, oldest.requestHandle,
                        Status::BadTooManyPublishRequests);
    }
    for (quint32 id : session->subscriptions)
        if (MirroredSubscription *sub = subscriptionOf(session, id))
            sub->engine.publishRequestReceived();
    // Late subscriptions (a message waiting for a request) go first, by priority.
    while (!session->publishQueue.empty()) {
        MirroredSubscription *late = nullptr;
        for (quint32 id : session->subscriptions) {
            MirroredSubscription *sub = subscriptionOf(session, id);
            if (sub && sub->engine.isReady() &&
                (!late || sub->engine.parameters().priority > late->engine.parameters().priority))
                late = sub;
        }
        if (!late || !sendPublish(session, late))
            break;
    }
}

bool ProxySubscriptions::sendPublish(ProxySession *session, MirroredSubscription *sub)
{
    while (!session->publishQueue.empty()) {
        const PendingPublish p = session->publishQueue.front();
        session->publishQueue.pop_front();
        if (!m_context.clients().isOpen(p.connection))
            continue;
        PublishResponse response;
        response.responseHeader.requestHandle = p.requestHandle;
        response.responseHeader.timestamp = utcNow();
        response.subscriptionId = sub->engine.id();
        bool more = false;
        response.notificationMessage = sub->engine.takeMessage(utcNow(), &more);
        response.moreNotifications = more;
        response.availableSequenceNumbers = sub->engine.availableSequenceNumbers();
        response.results = p.results;
        m_context.reply(p.connection, p.requestId, response);
        return true;
    }
    return false;
}

void ProxySubscriptions::republish(int connection, quint32 requestId, ProxySession *session,
                                   const RepublishRequest &request)
{
    MirroredSubscription *sub = requireSubscription(connection, requestId, session, request);
    if (!sub)
        return;
    const auto message = sub->engine.retransmit(request.retransmitSequenceNumber);
    if (!message) {
        m_context.fault(connection, requestId, request.requestHeader.requestHandle,
                        Status::BadMessageNotAvailable);
        return;
    }
    auto response = answerTo<RepublishResponse>(request.requestHeader);
    response.notificationMessage = *message;
    m_context.reply(connection, requestId, response);
}

void ProxySubscriptions::onTick(MirroredSubscription *sub)
{
    sampleLocalItems(sub);
    m_mirrors.pruneStandby(sub);
    ProxySession *session = sub->session;
    switch (sub->engine.tick(!session->publishQueue.empty())) {
    case ProxySubscription::Tick::Idle:
        return;
    case ProxySubscription::Tick::Ready:
        sendPublish(session, sub); // else late: the next Publish request takes it
        return;
    case ProxySubscription::Tick::Expired:
        qCInfo(lcOpcUa) << "proxy subscription" << sub->engine.id()
                        << "expired: no Publish request within its lifetime";
        deleteSubscription(sub);
        return;
    }
}

void ProxySubscriptions::sampleLocalItems(MirroredSubscription *sub)
{
    const ProxyState s = m_state();
    for (auto &[id, item] : sub->items) {
        if (!item.local || item.request.monitoringMode == MonitoringMode::Disabled)
            continue;
        DataValue value = m_nodes.read(item.request.itemToMonitor, s, TimestampsToReturn::Both);
        // A change is a new value or status (the default DataChangeFilter, StatusValue).
        if (item.lastLocal && item.lastLocal->value == value.value &&
            item.lastLocal->statusCode() == value.statusCode())
            continue;
        item.lastLocal = value;
        if (item.request.monitoringMode == MonitoringMode::Reporting)
            sub->engine.enqueue(item.notification(value));
    }
}

} // namespace tandem::opcua
