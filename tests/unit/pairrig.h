#pragma once

#include "fakeserverlink.h"

#include "base/clock.h"
#include "engine/pairruntime.h"
#include "events/eventlog.h"

#include <QList>
#include <QStringList>

#include <memory>

namespace tandem::test {

// One pair on a ManualClock with two FakeServerLinks, driven by a small script language so
// that a scenario reads as a line of the decision document (docs/failover-decision.md):
//
//   config:  "warm reconnect holdoff=1000 persistence=3 items=2 count=2 interval=200
//             timeout=100 rate=100"  (mode cold|warm|hot; items trigger on the value 1)
//   steps:   "start", "stop", "+500" (advance the clock), "P crash", "S hang",
//            "P refuse|heal|shutdown|gateway|degrade|restore", "P item0=1", "S item1=bad",
//            "pin P", "pin! S" (expect refusal), "try-pin S" (either), "auto", "set mode=hot
//            holdoff=0 ...", "passthrough on|off"
//   checks:  "active=P|S|none", "pinned=P|S|none", "failovers=N", "P=monitor-error"
//            (health key), "count promoted.secondary=N", "reason status-lost.primary~3 in a
//            row", "switching=0|1", "S opens=N"
//
// Every step also checks the decision's invariants; the first violation is kept.
class PairRig final : public QObject
{
    Q_OBJECT

public:
    explicit PairRig(const PairConfig &config);
    ~PairRig() override;

    static PairConfig parseConfig(const QString &line, QString *error);
    // Runs one step or check; returns what went wrong, empty when nothing did.
    QString step(const QString &text);
    QString run(const QString &script); // ";"-separated steps
    QString violation() const { return m_violation; }

    PairRuntime *runtime() const { return m_runtime.get(); }
    FakeServerLink *link(Side side) const { return m_links[size_t(side)]; }
    ManualClock &clock() { return m_clock; }
    const QList<Event> &events() const { return m_events; }
    QString history() const; // the events so far, one per line, for a failure message

private:
    void checkInvariants(const char *when);
    void onActiveChanged(Side previous, Side current);
    void onEvent(const Event &event);
    void violate(const QString &what);
    bool fullyHealthy(Side side) const;
    void trackHealth();

    ManualClock m_clock;
    EventLog m_log;
    std::unique_ptr<PairRuntime> m_runtime;
    std::array<FakeServerLink *, 2> m_links{};
    QList<Event> m_events;
    QString m_violation;
    // What the invariants remember.
    qint64 m_lastSwitchMs = -1;
    bool m_operatorActed = false; // pin or auto since the last switch
    std::array<qint64, 2> m_healthySince{-1, -1};
    Side m_pinSeen = Side::None;
    bool m_autoRequested = false;
    bool m_pinEnded = false;
    QHash<QString, QString> m_lastSideEvent; // side -> last state event id
    QString m_lastPromoted;
    Side m_lastMachine = Side::None;
};

} // namespace tandem::test
