#pragma once

#include "base/clock.h"
#include "events/eventids.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>

namespace tandem {

class EventLog;

// The events clients cause (a malformed frame, a client closed for a limit), posted for one
// pair at a bounded rate: a flood of bad clients must not push the fail-over history out of
// the capped event store nor flood the mail. The first EventsPerWindow
// of a window are posted; the rest are counted, and when the window ends one event says how
// many were not posted.
//
// Each posted event names the local process behind the client's connection, found in /proc
// on a worker thread: a slow /proc never holds up the engine, and after LookupBudgetMs the
// event is posted without the name.
class ClientEventLimiter final : public QObject
{
    Q_OBJECT

public:
    static constexpr int EventsPerWindow = 10;
    static constexpr qint64 WindowMs = 60000;
    static constexpr int LookupBudgetMs = 500;
    // Lookups still running beyond these are not waited for: the event goes without a name.
    static constexpr int MaxRunningLookups = 4;

    // Names the process holding the client's end of a loopback connection (empty if none).
    using ProcessLookup = std::function<QString(quint16 clientPort, quint16 serverPort)>;

    // events may be null (nothing is posted); lookup defaults to ClientProcess::describe.
    ClientEventLimiter(EventLog *events, const QString &pair, const Clock *clock = Clock::system(),
                       ProcessLookup lookup = {}, QObject *parent = nullptr);
    ~ClientEventLimiter() override;

    // Posts the catalog event `id` with args for the client at clientPort (0: no lookup), or
    // counts it when this window's events are used up. socket: the engine's end of the
    // connection (-1: none); a duplicate of it keeps the connection, and so the client's
    // end in /proc, until the lookup is done, even when the caller closes it at once.
    void post(EventIdentifier id, const QStringList &args, int socket = -1, quint16 clientPort = 0,
              quint16 serverPort = 0);

    // In this window: events posted (or waiting for their process name) and not posted.
    int postedInWindow() const { return m_posted; }
    int suppressedInWindow() const { return m_suppressed; }
    int runningLookups() const { return m_running; }

private:
    struct Pending;
    void endWindow();
    void finish(quint64 token, const QString &process);

    EventLog *m_events;
    QString m_pair;
    const Clock *m_clock;
    ProcessLookup m_lookup;
    std::unique_ptr<ClockTimer> m_windowTimer;
    int m_posted = 0;
    int m_suppressed = 0;
    int m_running = 0; // lookups started and not returned, including those given up on
    quint64 m_nextToken = 1;
    std::map<quint64, std::unique_ptr<Pending>> m_pending;
};

} // namespace tandem
