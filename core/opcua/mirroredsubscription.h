#pragma once

// A subscription a client made on a pair's OPC UA proxy, as ProxySubscriptions (the
// client's side) and SubscriptionMirrors (the servers' side) share it: the proxy's own
// publishing (ProxySubscription), the client's monitored items, and the subscription that
// mirrors it on each server with the ids those items have there.

#include "engine/side.h"
#include "proxysubscription.h"

#include <QTimer>

#include <array>
#include <deque>
#include <map>
#include <memory>
#include <optional>

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
    qint64 lastActiveAt = -1;     // arrival of the active server's last notification
};

// The clients' subscriptions, by the id the proxy gave them.
using SubscriptionTable = std::map<quint32, std::unique_ptr<MirroredSubscription>>;

} // namespace tandem::opcua
