#include "pairruntime.h"

#include "events/eventlog.h"
#include "monitorevaluator.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEngine, "tandem.engine", QtInfoMsg)

namespace tandem {

QString sideKey(Side side)
{
    switch (side) {
    case Side::Primary:
        return QStringLiteral("primary");
    case Side::Secondary:
        return QStringLiteral("secondary");
    case Side::None:
        break;
    }
    return QStringLiteral("none");
}

struct PairRuntime::SideState
{
    ServerLink *link = nullptr;
    QTimer statusTimer;
    QTimer reconnectTimer;
    bool connecting = false;
    bool connected = false;   // TCP (or channel) up
    bool statusKnown = false; // the server answered on this connection: it is established
    bool statusOk = false;
    bool statusPending = false;
    bool shutdown = false;
    bool degraded = false;
    QString degradedReason;
    Outcome lastOutcome = Outcome::None;
    std::unique_ptr<MonitorEvaluator> monitor;
    bool monitoring = false;
    int reportedMonitor = -1; // -1 nothing posted yet on this connection, 0 passed, 1 in error
    qint64 healthySinceMs = -1;
    QString lastError;
};

PairRuntime::PairRuntime(const PairConfig &config, const LinkFactory &makeLink, EventLog *events,
                         const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_events(events)
    , m_clock(clock)
{
    m_failbackTimer.setSingleShot(true);
    connect(&m_failbackTimer, &QTimer::timeout, this, &PairRuntime::evaluate);
    m_monitorTimer.setInterval(50);
    connect(&m_monitorTimer, &QTimer::timeout, this, &PairRuntime::tickMonitors);
    for (Side side : {Side::Primary, Side::Secondary}) {
        auto s = std::make_unique<SideState>();
        s->link = makeLink(side, this);
        s->monitor =
            std::make_unique<MonitorEvaluator>(config.monitorItems, config.failureCount, clock);
        s->statusTimer.setInterval(config.statusIntervalMs);
        s->reconnectTimer.setSingleShot(true);
        connect(&s->statusTimer, &QTimer::timeout, this, [this, side] {
            SideState &st = state(side);
            if (!st.connected || st.statusPending)
                return;
            st.statusPending = true;
            st.link->queryStatus(m_config.statusTimeoutMs);
        });
        connect(&s->reconnectTimer, &QTimer::timeout, this, [this, side] { connectSide(side); });
        ServerLink *link = s->link;
        connect(link, &ServerLink::opened, this, [this, side] { onOpened(side); });
        connect(link, &ServerLink::openFailed, this,
                [this, side](const QString &r) { onOpenFailed(side, r); });
        connect(link, &ServerLink::closed, this,
                [this, side](const QString &r) { onClosed(side, r); });
        connect(link, &ServerLink::statusReceived, this,
                [this, side](bool ok, bool shutdown, const QString &r) {
                    onStatus(side, ok, shutdown, r);
                });
        connect(link, &ServerLink::degraded, this,
                [this, side](bool on, const QString &r) { onDegraded(side, on, r); });
        connect(link, &ServerLink::monitorSample, this,
                [this, side](int index, const MonitorSample &sample) {
                    onMonitorSample(side, index, sample);
                });
        connect(link, &ServerLink::monitorAddFailed, this,
                [this, side](int index, const QString &r) { onMonitorAddFailed(side, index, r); });
        m_sides[size_t(side)] = std::move(s);
    }
}

PairRuntime::~PairRuntime()
{
    // Links are children of this object; stop timers first so nothing fires mid-teardown.
    for (auto &s : m_sides) {
        s->statusTimer.stop();
        s->reconnectTimer.stop();
    }
}

ServerLink *PairRuntime::link(Side side) const
{
    return side == Side::None ? nullptr : state(side).link;
}

SideStatus PairRuntime::sideStatus(Side side) const
{
    const SideState &s = state(side);
    return {s.statusKnown,
            s.statusKnown && s.statusOk,
            s.shutdown,
            s.degraded,
            s.degradedReason,
            s.monitoring ? s.monitor->errorCount() : 0,
            s.monitoring && s.monitor->failed(),
            s.lastError};
}

void PairRuntime::post(const char *event, Side side, const QStringList &extra)
{
    m_events->post(QLatin1String(event) + QLatin1Char('.') + sideKey(side), m_config.name,
                   QStringList{m_config.name, state(side).link->machine()} + extra);
}

void PairRuntime::start()
{
    if (m_running)
        return;
    m_running = true;
    if (!m_config.monitorItems.isEmpty())
        m_monitorTimer.start();
    if (m_config.mode == ConnectionMode::Cold) {
        m_coldTarget = Side::Primary;
        connectSide(Side::Primary);
    } else {
        connectSide(Side::Primary);
        connectSide(Side::Secondary);
    }
}

void PairRuntime::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_monitorTimer.stop();
    m_failbackTimer.stop();
    for (Side side : {Side::Primary, Side::Secondary}) {
        state(side).reconnectTimer.stop();
        dropSide(side, QStringLiteral("stopped"), true);
    }
    setActive(Side::None);
}

int PairRuntime::score(Side side) const
{
    const SideState &s = state(side);
    if (!s.statusKnown || !s.statusOk || s.shutdown)
        return 0;
    return s.degraded || (s.monitoring && s.monitor->failed()) ? 1 : 2;
}

bool PairRuntime::monitorsOn(Side side) const
{
    if (!state(side).statusKnown || m_config.monitorItems.isEmpty())
        return false;
    switch (m_config.mode) {
    case ConnectionMode::Hot:
        return true;
    case ConnectionMode::Warm:
        return side == m_active;
    case ConnectionMode::Cold:
        return side == m_coldTarget;
    }
    return false;
}

void PairRuntime::connectSide(Side side)
{
    SideState &s = state(side);
    if (!m_running || s.connected || s.connecting)
        return;
    s.reconnectTimer.stop();
    s.connecting = true;
    s.link->open(m_config.statusTimeoutMs);
}

void PairRuntime::scheduleReconnect(Side side, int delayMs)
{
    if (!m_running)
        return;
    if (delayMs <= 0)
        connectSide(side);
    else
        state(side).reconnectTimer.start(delayMs);
}

void PairRuntime::dropSide(Side side, const QString &reason, bool postDisconnected)
{
    SideState &s = state(side);
    const bool wasEstablished = s.statusKnown;
    s.statusTimer.stop();
    if (s.connected || s.connecting)
        s.link->close();
    s.connected = s.connecting = s.statusPending = s.statusKnown = s.statusOk = s.shutdown = false;
    s.degraded = false;
    s.degradedReason.clear();
    s.monitoring = false;
    s.reportedMonitor = -1;
    if (!reason.isEmpty())
        s.lastError = reason;
    if (wasEstablished && postDisconnected)
        post("disconnected", side);
}

void PairRuntime::onOpened(Side side)
{
    SideState &s = state(side);
    s.connecting = false;
    if (!m_running) {
        s.link->close();
        return;
    }
    s.connected = true;
    s.statusKnown = s.statusOk = s.shutdown = false;
    // A connection proves the port, the status answer proves the server: only then is it
    // "Connected". A hung server accepts connections but never answers, and must not
    // produce a Connected/lost pair on every retry.
    s.statusPending = true;
    s.link->queryStatus(m_config.statusTimeoutMs);
    s.statusTimer.start();
}

void PairRuntime::onOpenFailed(Side side, const QString &reason)
{
    SideState &s = state(side);
    s.connecting = false;
    if (!m_running)
        return; // an attempt that stop() cut short is no failure to report
    attemptFailed(side, reason);
}

void PairRuntime::attemptFailed(Side side, const QString &reason)
{
    SideState &s = state(side);
    s.lastError = reason;
    // Posted on the first attempt and on the transition from connected, not on every retry.
    if (s.lastOutcome != Outcome::Failed)
        post("connect-failed", side);
    s.lastOutcome = Outcome::Failed;
    qCDebug(lcEngine) << m_config.name << sideKey(side) << "connect failed:" << reason;
    if (m_config.mode == ConnectionMode::Cold) {
        if (side == m_coldTarget) {
            // Ping-pong: try the other side at once after the first failure of a round,
            // then pace at the status interval so two dead servers cost no busy loop.
            ++m_coldFailuresInRow;
            m_coldTarget = otherSide(side);
            scheduleReconnect(m_coldTarget,
                              m_coldFailuresInRow % 2 == 1 ? 0 : m_config.statusIntervalMs);
        }
    } else {
        scheduleReconnect(side, m_config.statusIntervalMs);
    }
    evaluate();
}

void PairRuntime::onClosed(Side side, const QString &reason)
{
    qCDebug(lcEngine) << m_config.name << sideKey(side) << "closed:" << reason;
    if (!state(side).statusKnown) {
        dropSide(side, reason, false);
        attemptFailed(side, reason);
        return;
    }
    dropSide(side, reason, true);
    afterLoss(side);
}

void PairRuntime::afterLoss(Side side)
{
    // Cold moves to the other side at once; Warm and Hot retry this one every interval.
    if (m_config.mode == ConnectionMode::Cold) {
        if (side == m_coldTarget) {
            m_coldFailuresInRow = 0;
            m_coldTarget = otherSide(side);
            if (m_active == side)
                setActive(Side::None);
            scheduleReconnect(m_coldTarget, 0);
        }
    } else {
        scheduleReconnect(side, m_config.statusIntervalMs);
    }
    evaluate();
}

void PairRuntime::onStatus(Side side, bool ok, bool shutdown, const QString &reason)
{
    SideState &s = state(side);
    s.statusPending = false;
    if (!s.connected)
        return;
    if (shutdown && !s.statusKnown) {
        // A server still shutting down when reconnected to: a failed attempt, not a new
        // notice (that was posted when it announced the shutdown).
        dropSide(side, reason, false);
        attemptFailed(side, reason);
        return;
    }
    if (shutdown) {
        post("shutdown", side);
        dropSide(side, reason.isEmpty() ? QStringLiteral("server is shutting down") : reason, true);
    } else if (!ok && !s.statusKnown) {
        // The first query of a new connection failed: the attempt failed.
        dropSide(side, reason, false);
        attemptFailed(side, reason);
        return;
    } else if (!ok) {
        post("status-lost", side);
        // A server that does not answer may be hung with the socket open: drop it, so
        // its late answers cannot arrive, and reconnect from scratch.
        dropSide(side, reason, false);
    } else {
        if (!s.statusKnown) {
            s.statusKnown = s.statusOk = true;
            s.lastOutcome = Outcome::Connected;
            s.lastError.clear();
            post("connected", side);
            updateMonitoring(side);
            evaluate();
            Q_EMIT stateChanged();
        }
        return;
    }
    afterLoss(side);
    Q_EMIT stateChanged();
}

void PairRuntime::onDegraded(Side side, bool on, const QString &reason)
{
    SideState &s = state(side);
    if (!s.connected || s.degraded == on)
        return;
    s.degraded = on;
    s.degradedReason = on ? reason : QString();
    post(on ? "degraded" : "service-restored", side, {reason});
    // Cold keeps the one connection it has: a degraded server still serves.
    evaluate();
    Q_EMIT stateChanged();
}

void PairRuntime::updateMonitoring(Side side)
{
    SideState &s = state(side);
    const bool wanted = monitorsOn(side);
    if (wanted == s.monitoring)
        return;
    s.monitoring = wanted;
    s.reportedMonitor = -1;
    if (wanted) {
        s.monitor->reset();
        s.link->setMonitorItems(m_config.monitorItems, m_config.statusTimeoutMs);
    } else if (s.connected) {
        s.link->setMonitorItems({}, m_config.statusTimeoutMs);
    }
}

void PairRuntime::onMonitorSample(Side side, int index, const MonitorSample &sample)
{
    SideState &s = state(side);
    if (!s.monitoring)
        return;
    if (s.monitor->sample(index, sample))
        post("monitor-array", side, {m_config.monitorItems.value(index).itemId});
    reportMonitor(side);
}

void PairRuntime::onMonitorAddFailed(Side side, int index, const QString &reason)
{
    SideState &s = state(side);
    if (!s.monitoring)
        return;
    qCDebug(lcEngine) << m_config.name << sideKey(side) << "monitor item" << index
                      << "add failed:" << reason;
    s.monitor->addFailed(index);
    post("monitor-add-failed", side, {m_config.monitorItems.value(index).itemId});
    reportMonitor(side);
}

void PairRuntime::reportMonitor(Side side)
{
    SideState &s = state(side);
    if (!s.monitoring || !s.monitor->evaluated())
        return;
    const int failed = s.monitor->failed() ? 1 : 0;
    if (failed == s.reportedMonitor)
        return;
    s.reportedMonitor = failed;
    post(failed ? "monitor-error" : "monitor-passed", side);
    if (failed && m_config.mode == ConnectionMode::Cold && side == m_coldTarget) {
        // Cold keeps one connection: leave the failing server for the other one.
        dropSide(side, tr("monitor items in error"), true);
        afterLoss(side);
    } else {
        evaluate();
    }
    Q_EMIT stateChanged();
}

void PairRuntime::tickMonitors()
{
    for (Side side : {Side::Primary, Side::Secondary}) {
        SideState &s = state(side);
        if (!s.monitoring)
            continue;
        s.monitor->tick();
        reportMonitor(side);
    }
}

void PairRuntime::evaluate()
{
    if (!m_running)
        return;
    const qint64 now = m_clock->nowMs();
    for (Side side : {Side::Primary, Side::Secondary}) {
        SideState &s = state(side);
        if (score(side) == 2) {
            if (s.healthySinceMs < 0)
                s.healthySinceMs = now;
        } else {
            s.healthySinceMs = -1;
        }
    }
    if (m_config.mode == ConnectionMode::Cold) {
        evaluateCold();
        return;
    }
    const Side active = m_active;
    if (active == Side::None) {
        const Side preferred = m_preferred;
        const Side other = otherSide(preferred);
        const SideState &p = state(preferred);
        const bool preferredPending = p.connecting || (p.connected && !p.statusKnown);
        if (score(preferred) > 0 && score(preferred) >= score(other))
            setActive(preferred);
        else if (score(other) > 0 && !preferredPending)
            setActive(other);
        return;
    }
    const Side other = otherSide(active);
    if (score(other) > score(active)) {
        setActive(other); // fail-over
        return;
    }
    if (score(active) == 0) {
        setActive(Side::None);
        return;
    }
    if (active != m_preferred && m_config.reconnectPrimary && score(m_preferred) == 2) {
        const qint64 healthyFor = now - state(m_preferred).healthySinceMs;
        if (healthyFor >= m_config.failbackHoldoffMs) {
            m_failbackTimer.stop();
            setActive(m_preferred); // fail-back
        } else if (!m_failbackTimer.isActive()) {
            m_failbackTimer.start(int(m_config.failbackHoldoffMs - healthyFor));
        }
    } else {
        m_failbackTimer.stop();
    }
}

void PairRuntime::evaluateCold()
{
    const Side target = m_coldTarget;
    if (score(target) > 0 && m_active != target) {
        m_coldFailuresInRow = 0;
        setActive(target);
    }
}

void PairRuntime::setActive(Side side)
{
    if (side == m_active)
        return;
    const Side previous = m_active;
    m_active = side;
    if (side != Side::None) {
        post("promoted", side);
        // A switch to the other machine, directly or after a while with none (Cold
        // connects to the other one first; a lost server leaves none for a moment).
        if (m_lastActive != Side::None && m_lastActive != side) {
            ++m_failovers;
            m_lastFailover = QDateTime::currentDateTime();
        }
        m_lastActive = side;
    }
    qCInfo(lcEngine) << m_config.name << "active:" << sideKey(previous) << "->" << sideKey(side);
    for (Side s : {Side::Primary, Side::Secondary})
        updateMonitoring(s);
    Q_EMIT activeChanged(previous, side);
    Q_EMIT stateChanged();
}

void PairRuntime::suspect(Side side)
{
    if (side == Side::None)
        return;
    SideState &s = state(side);
    if (!s.statusKnown || s.statusPending)
        return;
    s.statusPending = true;
    s.statusTimer.start(); // the next periodic query counts from this one
    s.link->queryStatus(m_config.statusTimeoutMs);
}

bool PairRuntime::isSwitching() const
{
    for (const auto &s : m_sides)
        if (s->connecting || (s->connected && !s->statusKnown))
            return true;
    return false;
}

bool PairRuntime::makeActive(Side side)
{
    if (side == Side::None || !m_running)
        return false;
    if (m_config.mode == ConnectionMode::Cold) {
        if (side == m_coldTarget)
            return score(side) > 0;
        m_preferred = side;
        dropSide(m_coldTarget, tr("switched by the operator"), true);
        setActive(Side::None);
        m_coldTarget = side;
        m_coldFailuresInRow = 0;
        connectSide(side);
        return true;
    }
    if (score(side) < 2)
        return false;
    m_preferred = side;
    m_failbackTimer.stop();
    setActive(side);
    return true;
}

} // namespace tandem
