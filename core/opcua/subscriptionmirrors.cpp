#include "subscriptionmirrors.h"

#include "base/logging.h"
#include "client.h"
#include "proxycontext.h"

namespace tandem::opcua {

SubscriptionMirrors::SubscriptionMirrors(ProxyContext &context, SubscriptionTable &subscriptions)
    : m_context(context)
    , m_subscriptions(subscriptions)
{}

SubscriptionMirrors::~SubscriptionMirrors() = default;

QList<Side> SubscriptionMirrors::sides() const
{
    QList<Side> sides;
    PairRuntime *runtime = m_context.runtime();
    if (!runtime)
        return sides;
    if (runtime->config().mode == ConnectionMode::Hot) {
        for (Side side : {Side::Primary, Side::Secondary})
            if (m_context.backend(side))
                sides.append(side);
    } else if (m_context.backend(runtime->active())) {
        sides.append(runtime->active());
    }
    return sides;
}

void SubscriptionMirrors::syncAll()
{
    const QList<Side> wanted = sides();
    std::vector<MirroredSubscription *> subs;
    for (const auto &[id, sub] : m_subscriptions)
        subs.push_back(sub.get());
    for (MirroredSubscription *sub : subs)
        for (Side side : {Side::Primary, Side::Secondary}) {
            if (wanted.contains(side))
                sync(sub, side);
            else
                drop(sub, side, true);
        }
}

void SubscriptionMirrors::sync(MirroredSubscription *sub, Side side)
{
    Client *client = m_context.backend(side);
    MirroredSubscription::Mirror &mirror = sub->mirrors[size_t(side)];
    if (!client || mirror.token != 0)
        return;
    if (mirror.id != 0) {
        // Items the server does not have yet (created while it was being mirrored).
        QList<quint32> missing;
        for (const auto &[id, item] : sub->items)
            if (!item.local && item.backendIds[size_t(side)] == 0 && !item.creating[size_t(side)])
                missing.append(id);
        if (!missing.isEmpty())
            createItems(sub, side, missing, {});
        return;
    }
    const SubscriptionParameters &p = sub->engine.parameters();
    CreateSubscriptionRequest request;
    request.requestedPublishingInterval = p.publishingIntervalMs;
    request.requestedLifetimeCount = p.lifetimeCount;
    request.requestedMaxKeepAliveCount = p.maxKeepAliveCount;
    request.maxNotificationsPerPublish = 0;
    request.publishingEnabled = true; // the proxy decides what its client sees
    request.priority = p.priority;
    const quint64 token = m_nextToken++;
    mirror.token = token;
    const quint32 subId = sub->engine.id();
    client->createSubscription(
        request, [this, self = QPointer<SubscriptionMirrors>(this), side, token, subId,
                  client = QPointer<Client>(client)](const CreateSubscriptionResponse &response,
                                                     const CallStatus &status) {
            if (!self)
                return;
            const auto it = m_subscriptions.find(subId);
            MirroredSubscription *sub = it == m_subscriptions.end() ? nullptr : it->second.get();
            if (!sub || sub->mirrors[size_t(side)].token != token) {
                // Not wanted any more: the client deleted it, or the server changed.
                if (status.isGood() && client && client == m_context.client(side))
                    client->deleteSubscriptions(
                        {response.subscriptionId},
                        [](const DeleteSubscriptionsResponse &, const CallStatus &) {});
                return;
            }
            MirroredSubscription::Mirror &mirror = sub->mirrors[size_t(side)];
            mirror.token = 0;
            if (!status.isGood()) {
                qCWarning(lcOpcUa) << "proxy: no mirror of subscription" << subId << "on the"
                                   << sideKey(side) << "server:" << status.message;
                runWhenMirrored(subId);
                return; // tried again at the next change of the pair
            }
            mirror.id = response.subscriptionId;
            QList<quint32> items;
            for (auto &[id, item] : sub->items) {
                item.backendIds[size_t(side)] = 0;
                item.creating[size_t(side)] = false;
                if (!item.local)
                    items.append(id);
            }
            if (!items.isEmpty())
                createItems(sub, side, items, {});
            runWhenMirrored(subId);
        });
}

bool SubscriptionMirrors::deferUntilMirrored(MirroredSubscription *sub, std::function<void()> retry)
{
    const Side active = m_context.runtime() ? m_context.runtime()->active() : Side::None;
    if (active == Side::None || !m_context.backend(active) ||
        sub->mirrors[size_t(active)].token == 0)
        return false;
    sub->whenMirrored.push_back(std::move(retry));
    return true;
}

void SubscriptionMirrors::runWhenMirrored(quint32 subId)
{
    const auto it = m_subscriptions.find(subId);
    if (it == m_subscriptions.end())
        return;
    // Each may wait again (for another server's mirror) or end the subscription.
    for (const std::function<void()> &retry : std::exchange(it->second->whenMirrored, {}))
        retry();
}

void SubscriptionMirrors::createItems(
    MirroredSubscription *sub, Side side, QList<quint32> itemIds,
    std::function<void(const CreateMonitoredItemsResponse &, const CallStatus &)> then)
{
    Client *client = m_context.backend(side);
    const quint32 mirrorId = sub->mirrors[size_t(side)].id;
    QList<MonitoredItemCreateRequest> requests;
    for (quint32 id : itemIds) {
        MirroredItem &item = sub->items.at(id);
        item.creating[size_t(side)] = true;
        MonitoredItemCreateRequest request = item.request;
        request.requestedParameters = item.mirroredParameters();
        requests.append(request);
    }
    const quint32 subId = sub->engine.id();
    CreateMonitoredItemsRequest request;
    request.subscriptionId = mirrorId;
    request.timestampsToReturn = TimestampsToReturn::Both;
    request.itemsToCreate = requests;
    client->call<CreateMonitoredItemsResponse>(
        request, [this, self = QPointer<SubscriptionMirrors>(this), side, subId, mirrorId, itemIds,
                  then = std::move(then)](const CreateMonitoredItemsResponse &response,
                                          const CallStatus &given) {
            if (!self)
                return;
            CallStatus status = given;
            if (status.isGood() && response.results.size() != itemIds.size())
                status = {StatusCode{Status::BadUnexpectedError},
                          QStringLiteral("the server answered for %1 of %2 items")
                              .arg(response.results.size())
                              .arg(itemIds.size())};
            const auto it = m_subscriptions.find(subId);
            if (it != m_subscriptions.end() && it->second->mirrors[size_t(side)].id == mirrorId) {
                for (qsizetype k = 0; k < itemIds.size(); ++k) {
                    const auto item = it->second->items.find(itemIds[k]);
                    if (item == it->second->items.end())
                        continue;
                    item->second.creating[size_t(side)] = false;
                    if (status.isGood() && response.results[k].statusCode.isGood())
                        item->second.backendIds[size_t(side)] = response.results[k].monitoredItemId;
                }
                refreshIfOwed(it->second.get());
            }
            if (then)
                then(response, status);
        });
}

void SubscriptionMirrors::drop(MirroredSubscription *sub, Side side, bool deleteOnServer)
{
    MirroredSubscription::Mirror &mirror = sub->mirrors[size_t(side)];
    if (deleteOnServer && mirror.id != 0)
        if (Client *client = m_context.backend(side))
            client->deleteSubscriptions(
                {mirror.id}, [](const DeleteSubscriptionsResponse &, const CallStatus &) {});
    mirror = {};
    for (auto &[id, item] : sub->items) {
        item.backendIds[size_t(side)] = 0;
        item.creating[size_t(side)] = false;
    }
    runWhenMirrored(sub->engine.id());
}

void SubscriptionMirrors::toMirrors(
    MirroredSubscription *sub, const std::array<QList<quint32>, 2> &ids,
    const std::function<void(Client *, quint32 mirror, const QList<quint32> &ids)> &send)
{
    for (Side side : {Side::Primary, Side::Secondary}) {
        Client *client = m_context.backend(side);
        if (client && sub->mirrors[size_t(side)].id != 0 && !ids[size_t(side)].isEmpty())
            send(client, sub->mirrors[size_t(side)].id, ids[size_t(side)]);
    }
}

void SubscriptionMirrors::modifySubscription(MirroredSubscription *sub,
                                             const ModifySubscriptionRequest &request)
{
    for (Side side : {Side::Primary, Side::Secondary}) {
        Client *client = m_context.backend(side);
        if (!client || sub->mirrors[size_t(side)].id == 0)
            continue;
        ModifySubscriptionRequest mirrored = request;
        mirrored.subscriptionId = sub->mirrors[size_t(side)].id;
        client->call<ModifySubscriptionResponse>(
            mirrored, [](const ModifySubscriptionResponse &, const CallStatus &) {});
    }
}

void SubscriptionMirrors::modifyItems(MirroredSubscription *sub,
                                      std::array<ModifyMonitoredItemsRequest, 2> requests)
{
    for (Side side : {Side::Primary, Side::Secondary}) {
        Client *client = m_context.backend(side);
        ModifyMonitoredItemsRequest &m = requests[size_t(side)];
        if (!client || m.itemsToModify.isEmpty())
            continue;
        m.subscriptionId = sub->mirrors[size_t(side)].id;
        m.timestampsToReturn = TimestampsToReturn::Both;
        client->call<ModifyMonitoredItemsResponse>(
            m, [](const ModifyMonitoredItemsResponse &, const CallStatus &) {});
    }
}

void SubscriptionMirrors::setMonitoringMode(MirroredSubscription *sub,
                                            const std::array<QList<quint32>, 2> &ids,
                                            MonitoringMode mode)
{
    toMirrors(sub, ids, [mode](Client *client, quint32 mirror, const QList<quint32> &ids) {
        SetMonitoringModeRequest m;
        m.subscriptionId = mirror;
        m.monitoringMode = mode;
        m.monitoredItemIds = ids;
        client->call<SetMonitoringModeResponse>(
            m, [](const SetMonitoringModeResponse &, const CallStatus &) {});
    });
}

void SubscriptionMirrors::deleteItems(MirroredSubscription *sub,
                                      const std::array<QList<quint32>, 2> &ids)
{
    toMirrors(sub, ids, [](Client *client, quint32 mirror, const QList<quint32> &ids) {
        client->deleteMonitoredItems(
            mirror, ids, [](const DeleteMonitoredItemsResponse &, const CallStatus &) {});
    });
}

void SubscriptionMirrors::pruneStandby(MirroredSubscription *sub)
{
    if ((sub->standby.empty() && sub->events.kept() == 0) || !m_context.runtime())
        return;
    const PairConfig &config = m_context.runtime()->config();
    const qint64 keep = std::max<qint64>(
        StandbyBufferMinMs, 4 * qint64(config.statusIntervalMs + config.statusTimeoutMs));
    const qint64 t = m_context.nowMs();
    while (!sub->standby.empty() &&
           (t - sub->standby.front().at > keep || sub->standby.size() > StandbyBufferMaxEntries))
        sub->standby.pop_front();
    sub->events.prune(t, keep, StandbyBufferMaxEntries);
}

void SubscriptionMirrors::serverChanged(Side side, Client *old, Client *current)
{
    if (old)
        disconnect(old, nullptr, this, nullptr);
    const bool active = m_context.runtime() && m_context.runtime()->active() == side;
    for (const auto &[id, sub] : m_subscriptions) {
        // The active server's events between the two sessions are lost: its next mirror
        // owes the client the state of the alarms.
        if (active && sub->mirrors[size_t(side)].id != 0 && sub->hasEventItems())
            sub->refreshOwed = side;
        drop(sub.get(), side, false); // they went with the old session
    }
    if (!current)
        return;
    connect(current, &Client::dataChange, this,
            [this, side](quint32 subscription, quint32 handle, const DataValue &value) {
                onDataChange(side, subscription, handle, value);
            });
    connect(current, &Client::subscriptionStatusChanged, this,
            [this, side](quint32 subscription, StatusCode status) {
                onSubscriptionStatus(side, subscription, status);
            });
    connect(current, &Client::eventReceived, this,
            [this, side](quint32 subscription, quint32 handle, const QList<Variant> &fields) {
                onEvent(side, subscription, handle, fields);
            });
}

void SubscriptionMirrors::onDataChange(Side side, quint32 backendSubscription, quint32 handle,
                                       const DataValue &value)
{
    MirroredSubscription *sub = nullptr;
    for (const auto &[id, s] : m_subscriptions)
        if (s->mirrors[size_t(side)].id == backendSubscription) {
            sub = s.get();
            break;
        }
    if (!sub)
        return;
    const auto it = sub->items.find(handle);
    if (it == sub->items.end() || it->second.request.monitoringMode != MonitoringMode::Reporting)
        return;
    const qint64 t = m_context.nowMs();
    if (!m_context.runtime() || side != m_context.runtime()->active()) {
        sub->standby.push_back({t, side, handle, value});
        return;
    }
    sub->lastActiveAt = t;
    sub->engine.enqueue(it->second.notification(value));
}

void SubscriptionMirrors::onSubscriptionStatus(Side side, quint32 backendSubscription,
                                               StatusCode status)
{
    if (!status.isBad())
        return;
    for (const auto &[id, sub] : m_subscriptions)
        if (sub->mirrors[size_t(side)].id == backendSubscription) {
            qCInfo(lcOpcUa) << "proxy: the" << sideKey(side) << "server ended the mirror of" << id
                            << ":" << statusCodeText(status);
            drop(sub.get(), side, false);
            syncAll(); // made again
            return;
        }
}

void SubscriptionMirrors::activeChanged(Side current)
{
    if (current == Side::None)
        return;
    for (const auto &[id, sub] : m_subscriptions) {
        for (const MirroredSubscription::Buffered &b : sub->standby) {
            if (b.side != current || b.at <= sub->lastActiveAt)
                continue;
            const auto item = sub->items.find(b.item);
            if (item == sub->items.end() ||
                item->second.request.monitoringMode != MonitoringMode::Reporting)
                continue;
            sub->engine.enqueue(item->second.notification(b.value));
        }
        sub->standby.clear();
        fillEventGap(sub.get(), current);
        if (sub->hasEventItems())
            sub->refreshOwed = current;
        refreshIfOwed(sub.get());
    }
}

} // namespace tandem::opcua
