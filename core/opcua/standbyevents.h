#pragma once

// Hot: what the standby server of a pair reported of a subscription's events lately, and
// the EventIds the client got from the active server, so a switch fills the gap without an
// event twice. OPC 10000-5 §6.4.2 gives EventId this use: servers of a redundant set give
// an event the same EventId, and a client tells repeats by it. When the pair's servers
// have not shown that they do (no EventId of one was seen from the other yet), the gap is
// what the standby reported after the old server's last notification, as for data
// changes. No timers and no I/O: the owner says when and prunes.

#include "engine/side.h"
#include "types.h"

#include <QHash>

#include <deque>
#include <vector>

namespace tandem::opcua {

class StandbyEvents final
{
public:
    struct Event
    {
        qint64 at = 0; // arrival at the proxy
        Side side = Side::None;
        quint32 item = 0;   // the proxy's monitored item id
        QByteArray eventId; // empty: the event had none
        QList<Variant> fields;
    };

    // The active server's event reached the client.
    void delivered(const QByteArray &eventId, qint64 at);
    // The standby's event, kept for a switch.
    void keep(Event event);
    // The switch to `current`: its kept events that the client has not had, oldest first
    // (lastActiveAt: when the old active server's last notification came). Every kept
    // event is forgotten.
    std::vector<Event> takeGap(Side current, qint64 lastActiveAt);
    // Forgets what came longer than keepMs before now, and the oldest kept events past
    // maxKept.
    void prune(qint64 now, qint64 keepMs, size_t maxKept);

    // Whether an EventId has come from both servers: they name events alike.
    bool sharedIds() const { return m_shared; }
    size_t kept() const { return m_kept.size(); }

private:
    void forgetKept(const Event &event);

    std::deque<Event> m_kept;
    QHash<QByteArray, int> m_keptIds;
    std::deque<std::pair<qint64, QByteArray>> m_delivered;
    QHash<QByteArray, int> m_deliveredIds;
    bool m_shared = false;
};

} // namespace tandem::opcua
