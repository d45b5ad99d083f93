#include "client.h"

#include "base/logging.h"

// Client's subscriptions: their services, several Publish requests in flight, and
// Republish of what a Publish missed, delivered in sequence-number order.

namespace tandem::opcua {

namespace {

constexpr quint32 MaxRepublishPerGap = 100; // older notifications are reported lost

} // namespace

void Client::createSubscription(const CreateSubscriptionRequest &request,
                                Callback<CreateSubscriptionResponse> done, int timeoutMs)
{
    call<CreateSubscriptionResponse>(
        request,
        [this, done = std::move(done)](const CreateSubscriptionResponse &response,
                                       const CallStatus &status) {
            if (status.isGood() && m_state == State::SessionOpen) {
                SubscriptionState &subscription = m_subscriptions[response.subscriptionId];
                subscription.keepAliveMs = int(
                    std::min<double>(response.revisedPublishingInterval *
                                         std::max<quint32>(1, response.revisedMaxKeepAliveCount),
                                     24.0 * 3600 * 1000));
                int longest = 0;
                for (const SubscriptionState &s : std::as_const(m_subscriptions))
                    longest = std::max(longest, s.keepAliveMs);
                // A Publish waits up to one keep-alive period on the server; give it two,
                // plus the round trip.
                m_publishTimeoutMs = std::max(DefaultTimeoutMs, 2 * longest + 5000);
            }
            const QPointer<Client> self(this);
            done(response, status);
            if (self)
                publishMore();
        },
        timeoutMs);
}

void Client::deleteSubscriptions(const QList<quint32> &ids,
                                 Callback<DeleteSubscriptionsResponse> done, int timeoutMs)
{
    for (quint32 id : ids)
        m_subscriptions.remove(id);
    DeleteSubscriptionsRequest request;
    request.subscriptionIds = ids;
    call<DeleteSubscriptionsResponse>(request, std::move(done), timeoutMs);
}

void Client::republish(quint32 subscriptionId, quint32 sequenceNumber,
                       Callback<RepublishResponse> done, int timeoutMs)
{
    RepublishRequest request;
    request.subscriptionId = subscriptionId;
    request.retransmitSequenceNumber = sequenceNumber;
    call<RepublishResponse>(request, std::move(done), timeoutMs);
}

// Publishing.

void Client::publishMore()
{
    while (m_state == State::SessionOpen && !m_subscriptions.isEmpty() &&
           m_publishInFlight < m_publishLimit) {
        PublishRequest request;
        for (auto it = m_subscriptions.begin(); it != m_subscriptions.end(); ++it) {
            for (quint32 sequenceNumber : std::as_const(it->toAcknowledge))
                request.subscriptionAcknowledgements.append({it.key(), sequenceNumber});
            it->toAcknowledge.clear();
        }
        ++m_publishInFlight;
        call<PublishResponse>(
            request,
            [this](const PublishResponse &response, const CallStatus &status) {
                onPublish(response, status);
            },
            m_publishTimeoutMs);
    }
}

void Client::onPublish(const PublishResponse &response, const CallStatus &status)
{
    m_publishInFlight = std::max(0, m_publishInFlight - 1);
    if (m_state != State::SessionOpen)
        return;
    const quint32 code = status.status.code & 0xFFFF0000;
    if (!status.isGood()) {
        if (code == Status::BadTooManyPublishRequests) {
            // The server keeps fewer in its queue: keep that many (at least one) in flight.
            m_publishLimit = std::max(1, m_publishInFlight);
            return;
        }
        if (code == Status::BadNoSubscription) {
            m_subscriptions.clear();
            return;
        }
        if (code == Status::BadSessionIdInvalid || code == Status::BadSessionClosed ||
            code == Status::BadSessionNotActivated) {
            lose(tr("the server ended the session: %1").arg(status.message));
            return;
        }
        if (code == Status::BadConnectionClosed || code == Status::BadNotConnected)
            return;
        // BadTimeout and the like: the loop goes on, the status query judges the server.
        qCDebug(lcOpcUa) << m_url << "publish:" << status.message;
    } else if (m_subscriptions.contains(response.subscriptionId)) {
        const QPointer<Client> self(this);
        handleNotification(response.subscriptionId, response.notificationMessage);
        if (!self)
            return;
    }
    publishMore();
}

void Client::handleNotification(quint32 subscriptionId, const NotificationMessage &message)
{
    auto it = m_subscriptions.find(subscriptionId);
    if (it == m_subscriptions.end())
        return;
    const quint32 sequenceNumber = message.sequenceNumber;
    // A keep-alive carries the number the next notification will have, so both kinds
    // reveal notifications that never arrived.
    if (it->lastSequenceNumber && sequenceNumber > *it->lastSequenceNumber + 1) {
        const quint32 first = *it->lastSequenceNumber + 1;
        it->lastSequenceNumber = sequenceNumber - 1;
        const QPointer<Client> self(this);
        recover(subscriptionId, first, sequenceNumber - 1);
        if (!self)
            return;
        it = m_subscriptions.find(subscriptionId);
        if (it == m_subscriptions.end())
            return;
    }
    if (message.notificationData.isEmpty())
        return;
    if (!it->lastSequenceNumber || sequenceNumber > *it->lastSequenceNumber)
        it->lastSequenceNumber = sequenceNumber;
    it->toAcknowledge.append(sequenceNumber);
    // One asked for again may still come this way; then Republish's answer is ignored.
    it->republishing.erase(sequenceNumber);
    if (it->republishing.empty() && it->held.empty()) {
        deliver(subscriptionId, message);
        return;
    }
    // Older ones are on their way back: the owner hears this one after them.
    it->held.insert_or_assign(sequenceNumber, HeldNotification{message});
    deliverHeld(subscriptionId);
}

void Client::recover(quint32 subscriptionId, quint32 first, quint32 last)
{
    const auto it = m_subscriptions.find(subscriptionId);
    if (it == m_subscriptions.end())
        return;
    // Ask for each missing notification; the server keeps them until acknowledged.
    if (last - first >= MaxRepublishPerGap) {
        it->held.insert_or_assign(first, HeldNotification{std::nullopt, last - MaxRepublishPerGap});
        first = last - MaxRepublishPerGap + 1;
    }
    for (quint32 n = first; n <= last && n != 0; ++n) {
        it->republishing.insert(n);
        republish(
            subscriptionId, n,
            [this, subscriptionId, n](const RepublishResponse &response, const CallStatus &status) {
                onRepublished(subscriptionId, n, response, status);
            });
        if (n == last)
            break;
    }
    deliverHeld(subscriptionId); // the losses older than what Republish is asked for
}

void Client::onRepublished(quint32 subscriptionId, quint32 sequenceNumber,
                           const RepublishResponse &response, const CallStatus &status)
{
    const auto it = m_subscriptions.find(subscriptionId);
    // Gone with its subscription (and what was held), or it came with a Publish after all.
    if (it == m_subscriptions.end() || it->republishing.erase(sequenceNumber) == 0)
        return;
    if (status.isGood()) {
        it->toAcknowledge.append(sequenceNumber);
        it->held.insert_or_assign(sequenceNumber, HeldNotification{response.notificationMessage});
    } else if ((status.status.code & 0xFFFF0000) != Status::BadConnectionClosed) {
        it->held.insert_or_assign(sequenceNumber, HeldNotification{std::nullopt, sequenceNumber});
    }
    deliverHeld(subscriptionId);
}

void Client::deliverHeld(quint32 subscriptionId)
{
    const QPointer<Client> self(this);
    for (;;) {
        // Looked up again each time: the owner may delete the subscription when told.
        const auto it = m_subscriptions.find(subscriptionId);
        if (it == m_subscriptions.end() || it->held.empty())
            return;
        const auto next = it->held.begin();
        if (!it->republishing.empty() && *it->republishing.begin() < next->first)
            return; // an older one is still on its way back
        const quint32 sequenceNumber = next->first;
        const HeldNotification held = std::move(next->second);
        it->held.erase(next);
        if (held.message)
            deliver(subscriptionId, *held.message);
        else
            Q_EMIT notificationsLost(subscriptionId, sequenceNumber, held.lastLost);
        if (!self)
            return;
    }
}

void Client::deliver(quint32 subscriptionId, const NotificationMessage &message)
{
    const QPointer<Client> self(this);
    for (const ExtensionObject &data : message.notificationData) {
        if (const auto change = fromExtensionObject<DataChangeNotification>(data)) {
            for (const MonitoredItemNotification &item : change->monitoredItems) {
                Q_EMIT dataChange(subscriptionId, item.clientHandle, item.value);
                if (!self)
                    return;
            }
        } else if (const auto events = fromExtensionObject<EventNotificationList>(data)) {
            for (const EventFieldList &fields : events->events) {
                Q_EMIT eventReceived(subscriptionId, fields.clientHandle, fields.eventFields);
                if (!self)
                    return;
            }
        } else if (const auto statusChange = fromExtensionObject<StatusChangeNotification>(data)) {
            if (statusChange->status.isBad())
                m_subscriptions.remove(subscriptionId);
            Q_EMIT subscriptionStatusChanged(subscriptionId, statusChange->status);
            if (!self)
                return;
        }
        // Anything else is skipped.
    }
}

} // namespace tandem::opcua
