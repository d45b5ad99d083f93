#pragma once

// The servers' side of the subscriptions clients make on a pair's OPC UA proxy: each
// client subscription is mirrored on the servers, both in Hot, the active one in Warm and
// Cold (created there at a switch), with the client's monitored items under the proxy's
// item ids as client handles. Only the active server's notifications reach the client, under
// the client's own handles; in Hot the standby's recent ones are kept, and at a switch those
// newer than the old server's last notification are published, so no change the standby
// saw is lost. Event items are mirrored alike; in Hot the standby's events fill the gap at
// a switch without one twice (StandbyEvents), and after a switch each subscription with
// event items gets a ConditionRefresh on the new server (OPC 10000-9 §5.5.7), so the client
// learns the state of every alarm again. Requests to the mirrors are fire and forget: a
// mirror that fails is made again at the pair's next change.
// mirroredevents.cpp holds what concerns events.

#include "mirroredsubscription.h"

#include <QObject>

#include <array>
#include <functional>
#include <optional>

namespace tandem::opcua {

class Client;
struct CallStatus;
class ProxyContext;
struct ProxySession;

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
    // While the mirror on the active server is being made: keeps `retry` for when it is
    // there (or not), and says true.
    bool deferUntilMirrored(MirroredSubscription *subscription, std::function<void()> retry);
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
    // becomes the clients' next data. A ConditionRefresh is owed on the new server.
    void activeChanged(Side current);

    // A client's ConditionRefresh or ConditionRefresh2 (OPC 10000-9 §5.5.7, §5.5.8) in its
    // Call: its subscription (and monitored item) ids become those of the mirror on the
    // active server. nullopt: mapped (or not such a call), to be sent there; else the
    // result the client gets from the proxy (BadSubscriptionIdInvalid, ...; Good when the
    // mirror is still being made: the proxy refreshes it once it is there).
    std::optional<CallMethodResult> mapConditionRefresh(CallMethodRequest &call,
                                                        const ProxySession *session);
    static bool isConditionRefresh(const CallMethodRequest &call);
    // A client's Call of only ConditionRefresh methods, answered on `connection` (other
    // methods are not passed by the proxy: BadServiceUnsupported).
    void callConditionRefresh(int connection, quint32 requestId, const ProxySession *session,
                              CallRequest request);

private:
    // Sends to each server's mirror of the subscription the item ids it has there.
    void
    toMirrors(MirroredSubscription *subscription, const std::array<QList<quint32>, 2> &ids,
              const std::function<void(Client *, quint32 mirror, const QList<quint32> &ids)> &send);
    void onDataChange(Side side, quint32 backendSubscription, quint32 handle,
                      const DataValue &value);
    void onSubscriptionStatus(Side side, quint32 backendSubscription, StatusCode status);
    void onEvent(Side side, quint32 backendSubscription, quint32 handle,
                 const QList<Variant> &fields);
    MirroredSubscription *mirroredBy(Side side, quint32 backendSubscription) const;
    // Hot, at a switch: the standby's events the client has not had.
    void fillEventGap(MirroredSubscription *subscription, Side current);
    // Sends the owed ConditionRefresh once the mirror on the active server has its event
    // items.
    void refreshIfOwed(MirroredSubscription *subscription);
    void runWhenMirrored(quint32 subscriptionId);

    ProxyContext &m_context;
    SubscriptionTable &m_subscriptions;
    quint64 m_nextToken = 1;
};

} // namespace tandem::opcua
