#pragma once

// The publishing side of one subscription a client made on the proxy (OPC 10000-4,
// 5.13.1): the proxy's own subscription id and sequence numbers, whatever server the
// notifications came from, so a fail-over never shows in them. No timers and no I/O:
// the owner calls tick() every publishing interval and hands over Publish requests.

#include "services.h"

#include <deque>
#include <optional>

namespace tandem::opcua {

struct SubscriptionParameters
{
    double publishingIntervalMs = 1000;
    quint32 lifetimeCount = 60;
    quint32 maxKeepAliveCount = 10;
    quint32 maxNotificationsPerPublish = 0; // 0: no limit
    bool publishingEnabled = true;
    quint8 priority = 0;

    // The values a server grants for the requested ones (5.13.2.2): interval within
    // [MinIntervalMs, MaxIntervalMs], a keep-alive count of at least 1 and a lifetime of at
    // least three keep-alives.
    static SubscriptionParameters revise(double interval, quint32 lifetimeCount,
                                         quint32 maxKeepAliveCount, quint32 maxNotifications,
                                         bool enabled, quint8 priority);
    static constexpr double MinIntervalMs = 50;
    static constexpr double MaxIntervalMs = 3600000;
};

class ProxySubscription final
{
public:
    // Sent messages kept for Republish until acknowledged; the oldest go first.
    static constexpr int RetransmitQueueSize = 64;
    // Notifications (data changes and events together) waiting to be published; past this
    // the oldest of the kind that comes are dropped (counted).
    static constexpr int MaxQueuedNotifications = 65536;

    ProxySubscription(quint32 id, const SubscriptionParameters &parameters);

    quint32 id() const { return m_id; }
    const SubscriptionParameters &parameters() const { return m_parameters; }
    void setParameters(const SubscriptionParameters &parameters);
    void setPublishingEnabled(bool enabled) { m_parameters.publishingEnabled = enabled; }

    void enqueue(const MonitoredItemNotification &notification);
    // An event of an event monitored item, published in an EventNotificationList beside the
    // data changes, under the same sequence numbers (OPC 10000-4, 7.25.3).
    void enqueueEvent(const EventFieldList &event);
    void enqueueStatusChange(StatusCode status);
    qsizetype queued() const { return qsizetype(m_queue.size() + m_events.size()); }
    quint64 dropped() const { return m_dropped; }

    enum class Tick
    {
        Idle,
        Ready,   // a message (data or keep-alive) waits for a Publish request
        Expired, // no Publish request for lifetimeCount intervals
    };
    // One publishing interval passed; requestQueued: the session holds a Publish request.
    Tick tick(bool requestQueued);
    // The session received a Publish request: the lifetime counter starts again.
    void publishRequestReceived() { m_lifetimeCounter = 0; }
    bool isReady() const { return m_ready; }

    // The message for the next Publish response: notifications (a new sequence number,
    // kept for Republish: data changes first, then events, together at most
    // maxNotificationsPerPublish) or a keep-alive (the next number, not consumed). *more:
    // more notifications are waiting.
    NotificationMessage takeMessage(const DateTime &publishTime, bool *more);
    // Good, or BadSequenceNumberUnknown.
    StatusCode acknowledge(quint32 sequenceNumber);
    std::optional<NotificationMessage> retransmit(quint32 sequenceNumber) const;
    QList<quint32> availableSequenceNumbers() const;
    quint32 nextSequenceNumber() const { return m_nextSequence; }

private:
    bool hasNotifications() const;

    quint32 m_id;
    SubscriptionParameters m_parameters;
    std::deque<MonitoredItemNotification> m_queue;
    std::deque<EventFieldList> m_events;
    std::deque<StatusCode> m_statusChanges;
    std::deque<NotificationMessage> m_sent;
    quint32 m_nextSequence = 1;
    quint32 m_keepAliveCounter = 0;
    quint32 m_lifetimeCounter = 0;
    bool m_ready = false;
    bool m_firstMessageSent = false;
    quint64 m_dropped = 0;
};

} // namespace tandem::opcua
