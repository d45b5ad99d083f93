#pragma once

// Whether the proxy takes one more OPC UA session: at most maxSessions on the
// pair and maxSessionsPerAddress from one client address. At a limit, a session that
// holds nothing a client still uses makes room: first the oldest never activated (a
// client activates at once, so these are clients that stalled or never meant to), then
// the oldest whose secure channel is gone (kept only for a reconnect). Otherwise the new
// one is refused with BadTooManySessions (OPC 10000-4, 5.6.2).

#include <QList>
#include <QString>

#include <optional>

namespace tandem::opcua {

struct SessionSummary
{
    quint32 id = 0;
    QString address; // of the client that created it
    bool activated = false;
    bool hasChannel = false; // its secure channel is still open
    qint64 createdAtMs = 0;
};

struct SessionAdmission
{
    bool admitted = false;
    QList<quint32> evict; // sessions to end first (when admitted)
    QString reason;       // when refused: which limit, for the log

    static SessionAdmission decide(const QList<SessionSummary> &sessions, const QString &address,
                                   int maxSessions, int maxSessionsPerAddress);
};

} // namespace tandem::opcua
