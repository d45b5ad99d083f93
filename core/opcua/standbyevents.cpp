#include "standbyevents.h"

#include <QSet>

namespace tandem::opcua {

void StandbyEvents::delivered(const QByteArray &eventId, qint64 at)
{
    if (eventId.isEmpty())
        return;
    if (m_keptIds.contains(eventId))
        m_shared = true;
    m_delivered.emplace_back(at, eventId);
    ++m_deliveredIds[eventId];
}

void StandbyEvents::keep(Event event)
{
    if (!event.eventId.isEmpty()) {
        if (m_deliveredIds.contains(event.eventId))
            m_shared = true;
        ++m_keptIds[event.eventId];
    }
    m_kept.push_back(std::move(event));
}

std::vector<StandbyEvents::Event> StandbyEvents::takeGap(Side current, qint64 lastActiveAt)
{
    std::vector<Event> gap;
    QSet<QByteArray> taken;
    for (Event &e : m_kept) {
        if (e.side != current)
            continue;
        if (!e.eventId.isEmpty()) {
            if (m_deliveredIds.contains(e.eventId) || taken.contains(e.eventId))
                continue;
            if (m_shared) {
                taken.insert(e.eventId);
                gap.push_back(std::move(e));
                continue;
            }
        }
        if (e.at > lastActiveAt) {
            if (!e.eventId.isEmpty())
                taken.insert(e.eventId);
            gap.push_back(std::move(e));
        }
    }
    m_kept.clear();
    m_keptIds.clear();
    // What fills the gap now counts as delivered.
    for (const Event &e : gap)
        delivered(e.eventId, e.at);
    return gap;
}

void StandbyEvents::forgetKept(const Event &event)
{
    if (event.eventId.isEmpty())
        return;
    const auto it = m_keptIds.find(event.eventId);
    if (it != m_keptIds.end() && --it.value() <= 0)
        m_keptIds.erase(it);
}

void StandbyEvents::prune(qint64 now, qint64 keepMs, size_t maxKept)
{
    while (!m_kept.empty() && (now - m_kept.front().at > keepMs || m_kept.size() > maxKept)) {
        forgetKept(m_kept.front());
        m_kept.pop_front();
    }
    while (!m_delivered.empty() && now - m_delivered.front().first > keepMs) {
        const auto it = m_deliveredIds.find(m_delivered.front().second);
        if (it != m_deliveredIds.end() && --it.value() <= 0)
            m_deliveredIds.erase(it);
        m_delivered.pop_front();
    }
}

} // namespace tandem::opcua
