#include "sessionadmission.h"

#include <algorithm>
#include <functional>

namespace tandem::opcua {

namespace {

// The session that gives way among those `inScope` selects, or nullopt.
std::optional<quint32> victim(const QList<SessionSummary> &sessions, const QList<quint32> &taken,
                              const std::function<bool(const SessionSummary &)> &inScope)
{
    const SessionSummary *best = nullptr;
    const auto rank = [](const SessionSummary &s) { return s.activated ? 1 : 0; };
    for (const SessionSummary &s : sessions) {
        if (!inScope(s) || taken.contains(s.id) || (s.activated && s.hasChannel))
            continue;
        if (!best || rank(s) < rank(*best) ||
            (rank(s) == rank(*best) && s.createdAtMs < best->createdAtMs))
            best = &s;
    }
    return best ? std::optional<quint32>(best->id) : std::nullopt;
}

} // namespace

SessionAdmission SessionAdmission::decide(const QList<SessionSummary> &sessions,
                                          const QString &address, int maxSessions,
                                          int maxSessionsPerAddress)
{
    SessionAdmission a;
    const auto fromAddress = [&address](const SessionSummary &s) { return s.address == address; };
    const auto any = [](const SessionSummary &) { return true; };
    const auto count = [&](const std::function<bool(const SessionSummary &)> &inScope) {
        return std::count_if(sessions.begin(), sessions.end(), [&](const SessionSummary &s) {
            return inScope(s) && !a.evict.contains(s.id);
        });
    };
    // The address's own first: making room there may make room on the pair too.
    while (count(fromAddress) >= maxSessionsPerAddress) {
        const auto id = victim(sessions, a.evict, fromAddress);
        if (!id) {
            a.reason = QStringLiteral("%1 sessions from %2 already (the limit per address)")
                           .arg(count(fromAddress))
                           .arg(address);
            a.evict.clear();
            return a;
        }
        a.evict.append(*id);
    }
    while (count(any) >= maxSessions) {
        const auto id = victim(sessions, a.evict, any);
        if (!id) {
            a.reason =
                QStringLiteral("%1 sessions on the pair already (its limit)").arg(count(any));
            a.evict.clear();
            return a;
        }
        a.evict.append(*id);
    }
    a.admitted = true;
    return a;
}

} // namespace tandem::opcua
