#include "proxysubscription.h"

#include <algorithm>
#include <cmath>

namespace tandem::opcua {

SubscriptionParameters SubscriptionParameters::revise(double interval, quint32 lifetimeCount,
                                                      quint32 maxKeepAliveCount,
                                                      quint32 maxNotifications, bool enabled,
                                                      quint8 priority)
{
    SubscriptionParameters p;
    p.publishingIntervalMs =
        std::isfinite(interval) ? std::clamp(interval, MinIntervalMs, MaxIntervalMs) : 1000;
    p.maxKeepAliveCount = std::clamp<quint32>(maxKeepAliveCount, 1, 100000);
    p.lifetimeCount = std::clamp<quint32>(lifetimeCount, 3 * p.maxKeepAliveCount, 300000);
    p.maxNotificationsPerPublish = maxNotifications;
    p.publishingEnabled = enabled;
    p.priority = priority;
    return p;
}

ProxySubscription::ProxySubscription(quint32 id, const SubscriptionParameters &parameters)
    : m_id(id)
    , m_parameters(parameters)
{}

void ProxySubscription::setParameters(const SubscriptionParameters &parameters)
{
    m_parameters = parameters;
    m_keepAliveCounter = 0;
    m_lifetimeCounter = 0;
}

void ProxySubscription::enqueue(const MonitoredItemNotification &notification)
{
    if (queued() >= MaxQueuedNotifications) {
        if (!m_queue.empty())
            m_queue.pop_front();
        else
            m_events.pop_front();
        ++m_dropped;
    }
    m_queue.push_back(notification);
}

void ProxySubscription::enqueueEvent(const EventFieldList &event)
{
    if (queued() >= MaxQueuedNotifications) {
        if (!m_events.empty())
            m_events.pop_front();
        else
            m_queue.pop_front();
        ++m_dropped;
    }
    m_events.push_back(event);
}

void ProxySubscription::enqueueStatusChange(StatusCode status)
{
    m_statusChanges.push_back(status);
    m_ready = true;
}

bool ProxySubscription::hasNotifications() const
{
    return !m_statusChanges.empty() ||
           (m_parameters.publishingEnabled && (!m_queue.empty() || !m_events.empty()));
}

ProxySubscription::Tick ProxySubscription::tick(bool requestQueued)
{
    if (requestQueued)
        m_lifetimeCounter = 0;
    else if (++m_lifetimeCounter >= m_parameters.lifetimeCount)
        return Tick::Expired;
    if (hasNotifications()) {
        m_ready = true;
    } else if (!m_firstMessageSent || ++m_keepAliveCounter >= m_parameters.maxKeepAliveCount) {
        // The first message of a subscription is sent after one interval even when empty
        // (5.13.1.1), later ones after maxKeepAliveCount empty intervals.
        m_ready = true;
    }
    return m_ready ? Tick::Ready : Tick::Idle;
}

NotificationMessage ProxySubscription::takeMessage(const DateTime &publishTime, bool *more)
{
    NotificationMessage message;
    message.publishTime = publishTime;
    m_ready = false;
    m_keepAliveCounter = 0;
    m_firstMessageSent = true;
    *more = false;
    if (!hasNotifications()) {
        message.sequenceNumber = m_nextSequence; // a keep-alive does not consume it
        return message;
    }
    if (!m_statusChanges.empty()) {
        StatusChangeNotification change;
        change.status = m_statusChanges.front();
        m_statusChanges.pop_front();
        message.notificationData.append(toExtensionObject(change));
    } else {
        const quint32 limit = m_parameters.maxNotificationsPerPublish;
        size_t room = limit == 0 ? m_queue.size() + m_events.size() : limit;
        const size_t changes = std::min(room, m_queue.size());
        room -= changes;
        const size_t events = std::min(room, m_events.size());
        if (changes > 0) {
            DataChangeNotification change;
            change.monitoredItems.reserve(qsizetype(changes));
            for (size_t i = 0; i < changes; ++i) {
                change.monitoredItems.append(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            message.notificationData.append(toExtensionObject(change));
        }
        if (events > 0) {
            EventNotificationList list;
            list.events.reserve(qsizetype(events));
            for (size_t i = 0; i < events; ++i) {
                list.events.append(std::move(m_events.front()));
                m_events.pop_front();
            }
            message.notificationData.append(toExtensionObject(list));
        }
    }
    message.sequenceNumber = m_nextSequence;
    m_nextSequence = m_nextSequence == 0xFFFFFFFF ? 1 : m_nextSequence + 1; // 0 is never used
    m_sent.push_back(message);
    if (m_sent.size() > RetransmitQueueSize)
        m_sent.pop_front();
    *more = hasNotifications();
    m_ready = *more;
    return message;
}

StatusCode ProxySubscription::acknowledge(quint32 sequenceNumber)
{
    const auto it = std::find_if(m_sent.begin(), m_sent.end(), [&](const NotificationMessage &m) {
        return m.sequenceNumber == sequenceNumber;
    });
    if (it == m_sent.end())
        return StatusCode{Status::BadSequenceNumberUnknown};
    m_sent.erase(it);
    return {};
}

std::optional<NotificationMessage> ProxySubscription::retransmit(quint32 sequenceNumber) const
{
    for (const NotificationMessage &m : m_sent)
        if (m.sequenceNumber == sequenceNumber)
            return m;
    return std::nullopt;
}

QList<quint32> ProxySubscription::availableSequenceNumbers() const
{
    QList<quint32> numbers;
    for (const NotificationMessage &m : m_sent)
        numbers.append(m.sequenceNumber);
    return numbers;
}

} // namespace tandem::opcua
