#pragma once

// The servers' side of the subscriptions clients make on a pair's OPC UA proxy: each
// client subscription is mirrored on the servers, both in Hot, the active one in Warm and
// Cold (created there at a switch), with the client's monitored items under the proxy's
// item ids as client handles. Only the active server's notifications reach the client, under
// the client's own handles; in Hot the standby's recent ones are kept, and at a switch those
// newer than the old server's last notification are published, so no change the standby
// saw is lost. Requests to the mirrors are fire and forget: a mirror that fails is made
// again at the pair's next change.

#include "mirroredsubscription.h"

#include <QObject>

#include <array>
#include <functional>

namespace tandem::opcua {

class Client;
struct CallStatus;
class ProxyContext;

class SubscriptionMirrors final : public QObject
{
    Q_OBJECT

public:
    static constexpr int StandbyBufferMinMs = 5000;
    static constexpr int StandbyBufferMaxEntries = 20000;

    SubscriptionMirrors(ProxyContext &context, SubscriptionTable &subscriptions);
    ~SubscriptionMirrors() override;

    // The servers the subscriptions are to be mirrored on now.
    QList<Side> sides() const;
    // Makes every subscription's mirrors what sides() says.
    void syncAll();
    // Creates the subscription's mirror on that server, or there the items it lacks.
    void sync(MirroredSubscription *subscription, Side side);
    // Creates these items on that server's mirror; then: the server's answer, when wanted.
    void
    createItems(MirroredSubscription *subscription, Side side, QList<quint32> itemIds,
                std::function<void(const CreateMonitoredItemsResponse &, const CallStatus &)> then);
    // Forgets the mirror on that server, and deletes it there when deleteOnServer.
    void drop(MirroredSubscription *subscription, Side side, bool deleteOnServer);

    // A client's change, passed on to each mirror: the request as the client sent it, or
    // per server the items' ids there.
    void modifySubscription(MirroredSubscription *subscription,
                            const ModifySubscriptionRequest &request);
    void modifyItems(MirroredSubscription *subscription,
                     std::array<ModifyMonitoredItemsRequest, 2> requests);
    void setMonitoringMode(MirroredSubscription *subscription,
                           const std::array<QList<quint32>, 2> &ids, MonitoringMode mode);
    void deleteItems(MirroredSubscription *subscription, const std::array<QList<quint32>, 2> &ids);
    // Hot: forgets what the standby reported longer ago than a switch can need.
    void pruneStandby(MirroredSubscription *subscription);

    // The engine's session with that server is now current (old: the one before; either
    // may be null). The mirrors on the old one went with it.
    void serverChanged(Side side, Client *old, Client *current);
    // Hot: what the new active server reported after the old one's last notification
    // becomes the clients' next data.
    void activeChanged(Side current);

private:
    // Sends to each server's mirror of the subscription the item ids it has there.
    void
    toMirrors(MirroredSubscription *subscription, const std::array<QList<quint32>, 2> &ids,
              const std::function<void(Client *, quint32 mirror, const QList<quint32> &ids)> &send);
    void onDataChange(Side side, quint32 backendSubscription, quint32 handle,
                      const DataValue &value);
    void onSubscriptionStatus(Side side, quint32 backendSubscription, StatusCode status);

    ProxyContext &m_context;
    SubscriptionTable &m_subscriptions;
    quint64 m_nextToken = 1;
};

} // namespace tandem::opcua
