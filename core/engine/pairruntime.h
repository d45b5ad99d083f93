#pragma once

#include "base/clock.h"
#include "config/pairconfig.h"
#include "events/eventids.h"
#include "pairstatus.h"
#include "serverlink.h"
#include "side.h"

#include <QDateTime>
#include <QObject>

#include <array>
#include <functional>
#include <memory>
#include <optional>

namespace tandem {

class EventLog;
class MonitorEvaluator;
class ClientEventLimiter;

// Runs one pair (docs/requirements.md, General and Monitoring tabs; the rules are written down in
// docs/failover-decision.md): keeps the links of the chosen mode connected, queries status,
// evaluates monitor items, and decides which side is active. Every transition becomes an
// event, posted once, with its reason.
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
    bool isRunning() const { return m_running; }
    const PairConfig &config() const { return m_config; }
    // Where the pair's proxy posts the events its clients cause, at a bounded rate.
    ClientEventLimiter *clientEvents() const { return m_clientEvents.get(); }
    // True when `wanted` differs from `running` only in settings a running pair takes over
    // without closing its clients (timing, persistence, mode, monitor items, hold-off,
    // always-reconnect, write replay, client limits).
    static bool appliesInPlace(const PairConfig &running, const PairConfig &wanted);
    // Takes over such a change; false (and nothing changed) when it needs a restart.
    bool reconfigure(const PairConfig &config);
    // Redundancy disabled: the primary only, no status queries, no monitor items, no
    // fail-over (docs/requirements.md: a client of a server without redundancy talks to it
    // directly).
    void setPassThrough(bool on);
    bool isPassThrough() const { return m_passThrough; }

    Side active() const { return m_active; }
    Side pinned() const { return m_pin; }
    ServerLink *link(Side side) const;
    SideStatus sideStatus(Side side) const;
    // What the console, tandemctl and the OPC UA status nodes are told of the pair (the
    // engine adds its proxy's port and clients).
    PairStatus status() const;
    SideHealth health(Side side) const;
    int failoverCount() const { return m_failovers; }
    QDateTime lastFailover() const { return m_lastFailover; }
    QString lastSwitchReason() const { return m_lastSwitchReason; }
    // True while a side is connecting or awaiting its first status answer: a request that
    // finds no active server may wait for it instead of failing at once.
    bool isSwitching() const;
    // A client request to this side went unanswered for the status timeout: query its
    // status now instead of at the next interval, so a hung server is noticed sooner.
    void suspect(Side side);
    // The operator's pin: this side serves whatever the rules say, until it loses
    // communication or returnToAutomatic(). False with *error when it cannot be pinned.
    bool pin(Side side, QString *error = nullptr);
    void returnToAutomatic();

Q_SIGNALS:
    void activeChanged(tandem::Side previous, tandem::Side current);
    void stateChanged();
    void configChanged();

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
    int rank(Side side) const;
    bool communicates(Side side) const;
    bool tested(Side side) const;
    bool passed(Side side) const;
    bool outranks(Side candidate, Side than) const;
    QString weaknessOf(Side side) const;
    bool monitorsOn(Side side) const;
    void connectSide(Side side);
    void dropSide(Side side, const QString &reason, bool postDisconnected);
    void scheduleReconnect(Side side, qint64 delayMs);
    void queryStatus(Side side);
    void onOpened(Side side);
    void onOpenFailed(Side side, const QString &reason);
    void attemptFailed(Side side, const QString &reason);
    void afterLoss(Side side, const QString &reason);
    void onClosed(Side side, const QString &reason);
    void onStatus(Side side, bool ok, bool shutdown, const QString &reason);
    void onDegraded(Side side, bool on, const QString &reason);
    void onMonitorSample(Side side, int index, const MonitorSample &sample);
    void onMonitorAddFailed(Side side, int index, const QString &reason);
    void reportMonitor(Side side);
    void updateMonitoring(Side side);
    void restartMonitoring();
    void armMonitorTick();
    void tickMonitors();
    void evaluate();
    void evaluateCold();
    void checkBothInError();
    void endPin(const QString &reason);
    void setActive(Side side, const QString &reason = {});
    // The event said of one side of the pair ("connected.primary"), or of the pair itself.
    void post(const SidedEventIdentifier &event, Side side, const QStringList &extra = {},
              const QString &reason = {});
    void post(EventIdentifier event, const QStringList &extra, const QString &reason);

    PairConfig m_config;
    EventLog *m_events;
    const Clock *m_clock;
    std::array<std::unique_ptr<SideState>, 2> m_sides;
    Side m_active = Side::None;
    Side m_lastActive = Side::None; // the last one that was active, for fail-over counts
    Side m_pin = Side::None;
    Side m_coldTarget = Side::Primary;
    int m_coldFailuresInRow = 0;
    bool m_running = false;
    bool m_passThrough = false;
    bool m_servedSinceStart = false;
    bool m_bothInErrorPosted = false;
    int m_failovers = 0;
    qint64 m_lastSwitchMs = -1;
    QDateTime m_lastFailover;
    QString m_lastSwitchReason;
    std::unique_ptr<ClockTimer> m_failbackTimer;
    std::unique_ptr<ClockTimer> m_monitorTimer;
    std::unique_ptr<ClientEventLimiter> m_clientEvents;
};

} // namespace tandem
