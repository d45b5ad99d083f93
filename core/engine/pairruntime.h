#pragma once

#include "clock.h"
#include "config/pairconfig.h"
#include "serverlink.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <array>
#include <functional>
#include <memory>

namespace tandem {

class EventLog;
class MonitorEvaluator;

enum class Side
{
    None = -1,
    Primary = 0,
    Secondary = 1
};
QString sideKey(Side side); // "primary", "secondary", "none"
inline Side otherSide(Side side)
{
    return side == Side::Primary     ? Side::Secondary
           : side == Side::Secondary ? Side::Primary
                                     : Side::None;
}

// What the console and `tandemctl status` show of one side of a pair.
struct SideStatus
{
    bool connected = false;
    bool statusOk = false;
    bool shutdown = false;
    bool degraded = false;  // OPC UA ServiceLevel 1..199
    QString degradedReason; // "service level 150"
    int monitorErrors = 0;
    bool monitorFailed = false;
    QString lastError;
};

// Runs one pair (seed: General and Monitoring settings, DESIGN "Engine semantics"): keeps
// the links of the chosen mode connected, queries status, evaluates monitor items, and
// decides which side is active. Every transition becomes an event, posted once.
class PairRuntime final : public QObject
{
    Q_OBJECT

public:
    using LinkFactory = std::function<ServerLink *(Side side, QObject *parent)>;

    PairRuntime(const PairConfig &config, const LinkFactory &makeLink, EventLog *events,
                const Clock *clock = Clock::system(), QObject *parent = nullptr);
    ~PairRuntime() override;

    void start();
    void stop();
    const PairConfig &config() const { return m_config; }
    Side active() const { return m_active; }
    ServerLink *link(Side side) const;
    SideStatus sideStatus(Side side) const;
    int failoverCount() const { return m_failovers; }
    QDateTime lastFailover() const { return m_lastFailover; }
    // True while a side is connecting or awaiting its first status answer: a request that
    // finds no active server may wait for it instead of failing at once.
    bool isSwitching() const;
    // A client request to this side went unanswered for the status timeout: query its
    // status now instead of at the next interval, so a hung server is noticed sooner.
    void suspect(Side side);
    // Operator's manual switch; refused (false) when that side is not healthy.
    bool makeActive(Side side);

Q_SIGNALS:
    void activeChanged(tandem::Side previous, tandem::Side current);
    void stateChanged();

private:
    struct SideState;
    enum class Outcome
    {
        None,
        Connected,
        Failed
    };

    SideState &state(Side side) { return *m_sides[size_t(side)]; }
    const SideState &state(Side side) const { return *m_sides[size_t(side)]; }
    int score(Side side) const;
    bool monitorsOn(Side side) const;
    void connectSide(Side side);
    void dropSide(Side side, const QString &reason, bool postDisconnected);
    void scheduleReconnect(Side side, int delayMs);
    void onOpened(Side side);
    void onOpenFailed(Side side, const QString &reason);
    void attemptFailed(Side side, const QString &reason);
    void afterLoss(Side side);
    void onClosed(Side side, const QString &reason);
    void onStatus(Side side, bool ok, bool shutdown, const QString &reason);
    void onDegraded(Side side, bool on, const QString &reason);
    void onMonitorSample(Side side, int index, const MonitorSample &sample);
    void onMonitorAddFailed(Side side, int index, const QString &reason);
    void reportMonitor(Side side);
    void updateMonitoring(Side side);
    void tickMonitors();
    void evaluate();
    void evaluateCold();
    void setActive(Side side);
    void post(const char *event, Side side, const QStringList &extra = {});

    PairConfig m_config;
    EventLog *m_events;
    const Clock *m_clock;
    std::array<std::unique_ptr<SideState>, 2> m_sides;
    Side m_active = Side::None;
    Side m_lastActive = Side::None; // the last one that was active, for fail-over counts
    Side m_preferred = Side::Primary;
    Side m_coldTarget = Side::Primary;
    int m_coldFailuresInRow = 0;
    bool m_running = false;
    int m_failovers = 0;
    QDateTime m_lastFailover;
    QTimer m_failbackTimer;
    QTimer m_monitorTimer;
};

} // namespace tandem
