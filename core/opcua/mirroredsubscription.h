#pragma once

// A subscription a client made on a pair's OPC UA proxy, as ProxySubscriptions (the
// client's side) and SubscriptionMirrors (the servers' side) share it: the proxy's own
// publishing (ProxySubscription), the client's monitored items, and the subscription that
// mirrors it on each server with the ids those items have there.

#include "engine/side.h"
#include "proxysubscription.h"
#include "standbyevents.h"

#include <QTimer>

#include <array>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace tandem::opcua {

struct ProxySession;

struct MirroredItem
{
    quint32 id = 0;                     // the proxy's id, also the servers' client handle
    MonitoredItemCreateRequest request; // as the client asked, with its own handle
    TimestampsToReturn timestamps = TimestampsToReturn::Both;
    bool local = false; // a node the proxy answers itself (ProxyNodes)
    std::array<quint32, 2> backendIds{};
    std::array<bool, 2> creating{}; // on that side's mirror, answer awaited
    std::optional<DataValue> lastLocal;
    // An event item (OPC 10000-4, 7.22.3): the client's EventFilter when it decodes, and
    // which of the fields the servers send is the EventId. When the client's select clauses
    // lack it, the mirrors ask for it as one more clause and the client never sees it.
    bool isEvent = false;
    std::optional<EventFilter> eventFilter;
    int eventIdField = -1;
    bool eventIdAdded = false;

    // After the client's request changed: what kind of item it is, and its filter.
    void updateEventFilter();
    // The parameters the servers' mirrors of this item get: the proxy's id as the client
    // handle, and an EventFilter with the EventId clause the proxy needs.
    MonitoringParameters mirroredParameters() const;
    // The server's filter result as the client sees it: without the clause it did not ask for.
    ExtensionObject clientFilterResult(const ExtensionObject &serverResult) const;
    // An event as the servers sent it: its EventId (empty: none), and its fields as the
    // client gets them, under its handle.
    QByteArray eventIdOf(const QList<Variant> &fields) const;
    EventFieldList eventNotification(QList<Variant> fields) const;

    // A value of this item as the client gets it: under its handle, with the timestamps it
    // asked for.
    MonitoredItemNotification notification(DataValue value) const
    {
        if (timestamps == TimestampsToReturn::Server || timestamps == TimestampsToReturn::Neither) {
            value.sourceTimestamp.reset();
            value.sourcePicoseconds.reset();
        }
        if (timestamps == TimestampsToReturn::Source || timestamps == TimestampsToReturn::Neither) {
            value.serverTimestamp.reset();
            value.serverPicoseconds.reset();
        }
        return MonitoredItemNotification{request.requestedParameters.clientHandle,
                                         std::move(value)};
    }
};

struct MirroredSubscription
{
    MirroredSubscription(quint32 id, const SubscriptionParameters &parameters)
        : engine(id, parameters)
    {}

    struct Mirror
    {
        quint32 id = 0;    // the subscription on that server; 0: none
        quint64 token = 0; // of the CreateSubscription on its way; 0: none
    };
    struct Buffered
    {
        qint64 at;
        Side side;
        quint32 item;
        DataValue value;
    };

    ProxySubscription engine;
    ProxySession *session = nullptr;
    QTimer timer;
    std::map<quint32, MirroredItem> items;
    std::array<Mirror, 2> mirrors;
    std::deque<Buffered> standby; // Hot: what the other server reported lately
    StandbyEvents events;         // Hot: the other server's events, the ones delivered
    qint64 lastActiveAt = -1;     // arrival of the active server's last notification
    // The server that owes this subscription a ConditionRefresh once its event items are
    // there (after a switch, or a new session with the active server); None: none owed.
    Side refreshOwed = Side::None;
    // Client requests that wait for the mirror on the active server being made, so that its
    // answer is theirs; run once the mirror is there or not (SubscriptionMirrors).
    std::vector<std::function<void()>> whenMirrored;

    bool hasEventItems() const
    {
        for (const auto &[id, item] : items)
            if (item.isEvent && !item.local)
                return true;
        return false;
    }
};

// The clients' subscriptions, by the id the proxy gave them.
using SubscriptionTable = std::map<quint32, std::unique_ptr<MirroredSubscription>>;

} // namespace tandem::opcua
