#pragma once

// The clients' side of the subscriptions on a pair's OPC UA proxy (OPC 10000-4, 5.12 and
// 5.13): the subscription and monitored item services of a session, Publish and
// Republish. Clients keep their subscription ids, monitored item ids and sequence numbers
// across a fail-over, because the proxy gives them its own (ProxySubscription) and keeps
// the servers' behind them (SubscriptionMirrors). Items on the proxy's own nodes
// (ProxyNodes) are sampled here every publishing interval. Each session gets what the
// pair's OpcUaLimits grant: subscriptions and monitored items, at most
// MaxPublishRequestsPerSession Publish requests waiting.

#include "mirroredsubscription.h"
#include "proxynodes.h"
#include "subscriptionmirrors.h"

#include <QObject>

#include <functional>

namespace tandem::opcua {

class ProxyContext;
struct ProxySession;

class ProxySubscriptions final : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxPublishRequestsPerSession = 10;

    // state: the pair as the proxy's own nodes show it, taken at each sample.
    ProxySubscriptions(ProxyContext &context, const ProxyNodes &nodes,
                       std::function<ProxyState()> state);
    ~ProxySubscriptions() override;

    SubscriptionMirrors &mirrors() { return m_mirrors; }

    // The services, for a session's request that came on `connection`.
    void createSubscription(int connection, quint32 requestId, ProxySession *session,
                            const CreateSubscriptionRequest &request);
    void modifySubscription(int connection, quint32 requestId, ProxySession *session,
                            const ModifySubscriptionRequest &request);
    void setPublishingMode(int connection, quint32 requestId, ProxySession *session,
                           const SetPublishingModeRequest &request);
    void deleteSubscriptions(int connection, quint32 requestId, ProxySession *session,
                             const DeleteSubscriptionsRequest &request);
    void createMonitoredItems(int connection, quint32 requestId, ProxySession *session,
                              const CreateMonitoredItemsRequest &request);
    void modifyMonitoredItems(int connection, quint32 requestId, ProxySession *session,
                              const ModifyMonitoredItemsRequest &request);
    void setMonitoringMode(int connection, quint32 requestId, ProxySession *session,
                           const SetMonitoringModeRequest &request);
    void deleteMonitoredItems(int connection, quint32 requestId, ProxySession *session,
                              const DeleteMonitoredItemsRequest &request);
    void publish(int connection, quint32 requestId, ProxySession *session,
                 const PublishRequest &request);
    void republish(int connection, quint32 requestId, ProxySession *session,
                   const RepublishRequest &request);
    // Moves subscriptions of other sessions of the same user to this one.
    void transferSubscriptions(int connection, quint32 requestId, ProxySession *session,
                               const TransferSubscriptionsRequest &request);

    // The session ends: its subscriptions go, here and on the servers.
    void sessionEnding(ProxySession *session);

private:
    MirroredSubscription *subscriptionOf(ProxySession *session, quint32 id) const;
    // The request's subscription of this session, or null after a BadSubscriptionIdInvalid.
    template <typename Request>
    MirroredSubscription *requireSubscription(int connection, quint32 requestId,
                                              ProxySession *session, const Request &request);
    // Applies apply to each existing item of ids; the results per id, and each server's
    // ids of those items in *mirrored.
    QList<StatusCode> forItems(MirroredSubscription *sub, const QList<quint32> &ids,
                               std::array<QList<quint32>, 2> *mirrored,
                               const std::function<void(quint32 id, MirroredItem &item)> &apply);
    int monitoredItemCount(const ProxySession *session) const;
    void deleteSubscription(MirroredSubscription *subscription);
    void onTick(MirroredSubscription *subscription);
    bool sendPublish(ProxySession *session, MirroredSubscription *subscription);
    void sampleLocalItems(MirroredSubscription *subscription);
    // One subscription of a TransferSubscriptions to session `to`: its status.
    quint32 transfer(MirroredSubscription *subscription, ProxySession *to, bool sendInitialValues);
    // Answers the session's waiting Publish requests with GoodSubscriptionTransferred for
    // the subscriptions it lost, and with BadNoSubscription once it has none left.
    void tellTransferred(ProxySession *session);

    ProxyContext &m_context;
    const ProxyNodes &m_nodes;
    std::function<ProxyState()> m_state;
    SubscriptionTable m_subscriptions; // by the client's id
    SubscriptionMirrors m_mirrors;
    quint32 m_nextSubscription = 1;
    quint32 m_nextItem = 1;
};

} // namespace tandem::opcua
