#include "pairruntime.h"

#include "base/logging.h"
#include "clienteventlimiter.h"
#include "events/eventlog.h"
#include "monitorevaluator.h"

#include <limits>

namespace tandem {

struct PairRuntime::SideState
{
    ServerLink *link = nullptr;
    std::unique_ptr<ClockTimer> statusTimer;
    std::unique_ptr<ClockTimer> reconnectTimer;
    bool connecting = false;
    bool connected = false;   // TCP (or channel) up
    bool statusKnown = false; // the server answered on this connection: it is established
    bool statusPending = false;
    bool lost = false;     // the last attempt or connection failed
    bool shutdown = false; // announced its shutdown; cleared by the next established connection
    bool degraded = false;
    QString degradedReason;
    int statusFailures = 0; // consecutive failed status queries on this connection
    Outcome lastOutcome = Outcome::None;
    std::unique_ptr<MonitorEvaluator> monitor;
    bool monitoring = false;
    int reportedMonitor = -1;     // -1 nothing posted yet on this connection, 0 passed, 1 in error
    bool coldLeftInError = false; // Cold: left because its items were in error
    qint64 fullyHealthySinceMs = -1;
    QString lastError;
    QString lastReason;
};

PairRuntime::PairRuntime(const PairConfig &config, const LinkFactory &makeLink, EventLog *events,
                         const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_events(events)
    , m_clock(clock)
{
    m_failbackTimer = clock->createTimer([this] { evaluate(); });
    m_clientEvents = std::make_unique<ClientEventLimiter>(events, config.name, clock);
    m_monitorTimer = clock->createTimer([this] { tickMonitors(); });
    for (Side side : {Side::Primary, Side::Secondary}) {
        auto s = std::make_unique<SideState>();
        s->link = makeLink(side, this);
        s->monitor =
            std::make_unique<MonitorEvaluator>(config.monitorItems, config.failureCount, clock);
        s->statusTimer = clock->createTimer([this, side] {
            SideState &st = state(side);
            if (!st.connected)
                return;
            if (st.statusPending)
                st.statusTimer->start(m_config.statusIntervalMs);
            else
                queryStatus(side);
        });
        s->reconnectTimer = clock->createTimer([this, side] { connectSide(side); });
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
    m_failbackTimer->stop();
    m_monitorTimer->stop();
    for (auto &s : m_sides) {
        s->statusTimer->stop();
        s->reconnectTimer->stop();
    }
}

ServerLink *PairRuntime::link(Side side) const
{
    return side == Side::None ? nullptr : state(side).link;
}

SideHealth PairRuntime::health(Side side) const
{
    const SideState &s = state(side);
    if (m_passThrough && side == Side::Primary && s.connected)
        return SideHealth::PassThrough;
    if (s.connecting || (s.connected && !s.statusKnown))
        return SideHealth::Connecting;
    if (s.connected && s.statusKnown) {
        if (s.reportedMonitor == 1)
            return SideHealth::MonitorError;
        return s.degraded ? SideHealth::Degraded : SideHealth::Healthy;
    }
    if (s.shutdown)
        return SideHealth::ShuttingDown;
    return s.lost ? SideHealth::Lost : SideHealth::Unknown;
}

SideStatus PairRuntime::sideStatus(Side side) const
{
    const SideState &s = state(side);
    SideStatus status;
    status.connected = s.statusKnown;
    status.statusOk = s.statusKnown && !s.shutdown;
    status.shutdown = s.shutdown;
    status.degraded = s.degraded;
    status.degradedReason = s.degradedReason;
    status.monitorErrors = s.monitoring ? s.monitor->errorCount() : 0;
    status.monitorFailed = s.reportedMonitor == 1;
    status.lastError = s.lastError;
    status.health = health(side);
    status.monitorTested = tested(side);
    status.statusFailuresInRow = s.statusFailures;
    status.lastReason = s.lastReason;
    return status;
}

int PairRuntime::rank(Side side) const
{
    return serviceRank(health(side));
}

bool PairRuntime::communicates(Side side) const
{
    const SideState &s = state(side);
    return s.connected && s.statusKnown;
}

// Items tested: every one has a first result on this connection (or the pair has none).
bool PairRuntime::tested(Side side) const
{
    return m_config.monitorItems.isEmpty() || state(side).reportedMonitor >= 0;
}

bool PairRuntime::passed(Side side) const
{
    return m_config.monitorItems.isEmpty() || state(side).reportedMonitor == 0;
}

// The decision's one comparison: better service, and a side whose items were never tested
// never outranks a side that communicates (it would be tested only after taking over).
bool PairRuntime::outranks(Side candidate, Side than) const
{
    return rank(candidate) > rank(than) && (rank(than) == 0 || tested(candidate));
}

QString PairRuntime::weaknessOf(Side side) const
{
    const SideState &s = state(side);
    QString what;
    switch (health(side)) {
    case SideHealth::MonitorError: {
        QStringList ids;
        for (int index : s.monitor->itemsInError())
            ids << m_config.monitorItems.value(index).itemId;
        what = tr("monitor items in error: %1").arg(ids.join(QLatin1String(", ")));
        break;
    }
    case SideHealth::Degraded:
        what = s.degradedReason;
        break;
    default:
        what = s.lastError.isEmpty() ? tr("no communication") : s.lastError;
        break;
    }
    return side == Side::Primary ? tr("primary machine: %1").arg(what)
                                 : tr("secondary machine: %1").arg(what);
}

void PairRuntime::post(const char *event, Side side, const QStringList &extra,
                       const QString &reason)
{
    // A pair whose redundancy is disabled reports nothing: it is not watched.
    if (!m_events || m_passThrough)
        return;
    const QString id = side == Side::None ? QLatin1String(event)
                                          : QLatin1String(event) + QLatin1Char('.') + sideKey(side);
    const QStringList args = side == Side::None
                                 ? QStringList{m_config.name} + extra
                                 : QStringList{m_config.name, state(side).link->machine()} + extra;
    m_events->post(id, m_config.name, args, {}, reason);
}

void PairRuntime::start()
{
    if (m_running)
        return;
    m_running = true;
    m_servedSinceStart = false;
    m_lastSwitchMs = -1;
    if (m_passThrough || m_config.mode == ConnectionMode::Cold) {
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
    m_monitorTimer->stop();
    m_failbackTimer->stop();
    m_pin = Side::None;
    m_bothInErrorPosted = false;
    for (Side side : {Side::Primary, Side::Secondary}) {
        SideState &s = state(side);
        s.reconnectTimer->stop();
        dropSide(side, tr("stopped"), true);
        s.lost = s.shutdown = s.coldLeftInError = false;
        s.lastOutcome = Outcome::None;
    }
    setActive(Side::None);
}

bool PairRuntime::appliesInPlace(const PairConfig &running, const PairConfig &wanted)
{
    PairConfig same = wanted;
    same.mode = running.mode;
    same.reconnectPrimary = running.reconnectPrimary;
    same.statusIntervalMs = running.statusIntervalMs;
    same.statusTimeoutMs = running.statusTimeoutMs;
    same.failbackHoldoffMs = running.failbackHoldoffMs;
    same.failurePersistence = running.failurePersistence;
    same.monitorItems = running.monitorItems;
    same.failureCount = running.failureCount;
    same.writeReplay = running.writeReplay;
    same.clientLimit = running.clientLimit;
    same.requestsPerClient = running.requestsPerClient;
    same.outputPerClientBytes = running.outputPerClientBytes;
    return same == running;
}

bool PairRuntime::reconfigure(const PairConfig &config)
{
    if (!appliesInPlace(m_config, config))
        return false;
    if (config == m_config)
        return true;
    const PairConfig old = std::exchange(m_config, config);
    const bool itemsChanged =
        old.monitorItems != config.monitorItems || old.failureCount != config.failureCount;
    for (Side side : {Side::Primary, Side::Secondary}) {
        SideState &s = state(side);
        if (itemsChanged)
            s.monitor = std::make_unique<MonitorEvaluator>(config.monitorItems, config.failureCount,
                                                           m_clock);
        if (old.statusIntervalMs != config.statusIntervalMs && s.connected && !m_passThrough)
            s.statusTimer->start(config.statusIntervalMs);
    }
    if (m_running && !m_passThrough) {
        if (itemsChanged)
            restartMonitoring();
        if (old.mode == ConnectionMode::Cold && config.mode != ConnectionMode::Cold) {
            connectSide(otherSide(m_coldTarget));
        } else if (old.mode != ConnectionMode::Cold && config.mode == ConnectionMode::Cold) {
            // Cold keeps one connection: the one serving (or the operator's), else the primary.
            m_coldTarget = m_pin != Side::None      ? m_pin
                           : m_active != Side::None ? m_active
                                                    : Side::Primary;
            m_coldFailuresInRow = 0;
            const Side other = otherSide(m_coldTarget);
            state(other).reconnectTimer->stop();
            dropSide(other, tr("connection mode changed to Cold"), true);
            state(other).lost = false;
            for (Side side : {Side::Primary, Side::Secondary})
                updateMonitoring(side);
        }
        if (!config.reconnectPrimary)
            m_failbackTimer->stop();
        evaluate();
    }
    Q_EMIT configChanged();
    Q_EMIT stateChanged();
    return true;
}

void PairRuntime::setPassThrough(bool on)
{
    if (on == m_passThrough)
        return;
    const bool wasRunning = m_running;
    stop();
    m_passThrough = on;
    if (wasRunning)
        start();
    Q_EMIT stateChanged();
}

bool PairRuntime::monitorsOn(Side side) const
{
    if (m_passThrough || !state(side).statusKnown || m_config.monitorItems.isEmpty())
        return false;
    // Warm tests the standby's items too (they are cheap; data still flows from the active
    // side only), so a standby is never promoted untested.
    return m_config.mode != ConnectionMode::Cold || side == m_coldTarget;
}

void PairRuntime::connectSide(Side side)
{
    SideState &s = state(side);
    if (!m_running || s.connected || s.connecting)
        return;
    if (m_passThrough && side != Side::Primary)
        return;
    s.reconnectTimer->stop();
    s.connecting = true;
    s.link->open(m_config.statusTimeoutMs);
}

void PairRuntime::scheduleReconnect(Side side, qint64 delayMs)
{
    if (!m_running)
        return;
    if (delayMs <= 0)
        connectSide(side);
    else
        state(side).reconnectTimer->start(delayMs);
}

void PairRuntime::queryStatus(Side side)
{
    SideState &s = state(side);
    s.statusPending = true;
    s.statusTimer->start(m_config.statusIntervalMs); // the next one counts from this one
    s.link->queryStatus(m_config.statusTimeoutMs);
}

void PairRuntime::dropSide(Side side, const QString &reason, bool postDisconnected)
{
    SideState &s = state(side);
    const bool wasEstablished = s.statusKnown;
    s.statusTimer->stop();
    if (s.connected || s.connecting)
        s.link->close();
    s.connected = s.connecting = s.statusPending = s.statusKnown = false;
    s.degraded = false;
    s.degradedReason.clear();
    s.statusFailures = 0;
    s.monitoring = false;
    s.reportedMonitor = -1;
    if (!reason.isEmpty())
        s.lastError = reason;
    if (wasEstablished && postDisconnected)
        post("disconnected", side, {}, reason);
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
    s.statusKnown = false;
    s.statusFailures = 0;
    if (m_passThrough) {
        // Forwarded to as it is: no status query, nothing judged.
        s.statusKnown = true;
        s.lost = false;
        s.lastError.clear();
        evaluate();
        Q_EMIT stateChanged();
        return;
    }
    // A connection proves the port, the status answer proves the server: only then is it
    // "Connected". A hung server accepts connections but never answers, and must not
    // produce a Connected/lost pair on every retry.
    queryStatus(side);
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
    s.lost = true;
    s.lastError = reason;
    s.lastReason = reason;
    // Posted on the first attempt and on the transition from connected, not on every retry.
    if (s.lastOutcome != Outcome::Failed)
        post("connect-failed", side, {}, reason);
    s.lastOutcome = Outcome::Failed;
    qCDebug(lcEngine) << m_config.name << sideKey(side) << "connect failed:" << reason;
    if (side == m_pin)
        endPin(reason);
    if (m_passThrough) {
        scheduleReconnect(side, m_config.statusIntervalMs);
    } else if (m_config.mode == ConnectionMode::Cold) {
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
    Q_EMIT stateChanged();
}

void PairRuntime::onClosed(Side side, const QString &reason)
{
    qCDebug(lcEngine) << m_config.name << sideKey(side) << "closed:" << reason;
    if (!state(side).statusKnown) {
        dropSide(side, reason, false);
        attemptFailed(side, reason);
        return;
    }
    state(side).lastReason = reason;
    dropSide(side, reason, true);
    state(side).lost = true;
    afterLoss(side, reason);
}

void PairRuntime::afterLoss(Side side, const QString &reason)
{
    if (side == m_pin)
        endPin(reason);
    // Cold moves to the other side at once; Warm and Hot retry this one every interval.
    if (!m_passThrough && m_config.mode == ConnectionMode::Cold) {
        if (side == m_coldTarget) {
            m_coldFailuresInRow = 0;
            m_coldTarget = otherSide(side);
            if (m_active == side) {
                m_lastSwitchReason = weaknessOf(side);
                setActive(Side::None);
            }
            scheduleReconnect(m_coldTarget, 0);
        }
    } else {
        scheduleReconnect(side, m_config.statusIntervalMs);
    }
    evaluate();
    Q_EMIT stateChanged();
}

void PairRuntime::onStatus(Side side, bool ok, bool shutdown, const QString &reason)
{
    SideState &s = state(side);
    s.statusPending = false;
    if (!s.connected || m_passThrough)
        return;
    if (shutdown) {
        const QString why = reason.isEmpty() ? tr("server is shutting down") : reason;
        if (s.statusKnown)
            post("shutdown", side, {}, why); // else: posted when it announced it
        const bool established = s.statusKnown;
        dropSide(side, why, established);
        s.shutdown = true;
        if (!established) {
            attemptFailed(side, why);
            return;
        }
        s.lost = true;
        s.lastReason = why;
        afterLoss(side, why);
        return;
    }
    if (!ok && !s.statusKnown) {
        // The first query of a new connection failed: the attempt failed.
        dropSide(side, reason, false);
        attemptFailed(side, reason);
        return;
    }
    if (!ok) {
        ++s.statusFailures;
        const int persistence =
            std::clamp(m_config.failurePersistence, 1, int(PairConfig::MaxFailurePersistence));
        const QString why = s.statusFailures > 1
                                ? tr("%1 (%2 in a row)").arg(reason).arg(s.statusFailures)
                                : reason;
        s.lastReason = why;
        if (s.statusFailures < persistence) {
            // Not lost yet: ask again at once, so persistence costs timeouts, not intervals.
            queryStatus(side);
            Q_EMIT stateChanged();
            return;
        }
        post("status-lost", side, {}, why);
        // A server that does not answer may be hung with the socket open: drop it, so
        // its late answers cannot arrive, and reconnect from scratch.
        dropSide(side, why, false);
        s.lost = true;
        afterLoss(side, why);
        return;
    }
    s.statusFailures = 0;
    if (s.statusKnown)
        return;
    s.statusKnown = true;
    s.lost = s.shutdown = false;
    s.lastOutcome = Outcome::Connected;
    s.lastError.clear();
    post("connected", side);
    if (s.degraded)
        post("degraded", side, {s.degradedReason}, s.degradedReason);
    updateMonitoring(side);
    evaluate();
    Q_EMIT stateChanged();
}

void PairRuntime::onDegraded(Side side, bool on, const QString &reason)
{
    SideState &s = state(side);
    if (!s.connected || s.degraded == on || m_passThrough)
        return;
    s.degraded = on;
    s.degradedReason = on ? reason : QString();
    if (!s.statusKnown)
        return; // said with "Connected" once the connection is established, not per attempt
    if (on)
        s.lastReason = reason;
    post(on ? "degraded" : "service-restored", side, {reason}, on ? reason : QString());
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
        armMonitorTick();
    } else if (s.connected) {
        s.link->setMonitorItems({}, m_config.statusTimeoutMs);
    }
}

void PairRuntime::restartMonitoring()
{
    m_bothInErrorPosted = false;
    for (Side side : {Side::Primary, Side::Secondary}) {
        SideState &s = state(side);
        s.coldLeftInError = false;
        if (s.monitoring) {
            s.monitoring = false;
            s.reportedMonitor = -1;
            if (m_config.monitorItems.isEmpty())
                s.link->setMonitorItems({}, m_config.statusTimeoutMs);
        }
        updateMonitoring(side);
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
    if (!m_monitorTimer->isActive())
        armMonitorTick();
}

void PairRuntime::onMonitorAddFailed(Side side, int index, const QString &reason)
{
    SideState &s = state(side);
    if (!s.monitoring)
        return;
    qCDebug(lcEngine) << m_config.name << sideKey(side) << "monitor item" << index
                      << "add failed:" << reason;
    s.monitor->addFailed(index);
    post("monitor-add-failed", side, {m_config.monitorItems.value(index).itemId}, reason);
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
    if (failed) {
        s.lastReason = weaknessOf(side);
        post("monitor-error", side, {}, s.lastReason);
    } else {
        post("monitor-passed", side);
    }
    if (m_config.mode == ConnectionMode::Cold && side == m_coldTarget) {
        const Side other = otherSide(side);
        if (!failed) {
            // The episode is over: the other side's old result says nothing any more.
            state(side).coldLeftInError = state(other).coldLeftInError = false;
        } else if (m_pin != side && !state(other).coldLeftInError) {
            // Cold keeps one connection: leave the failing server for the other one, unless
            // that one was left in error too (then both are: stay, see checkBothInError).
            s.coldLeftInError = true;
            const QString why = weaknessOf(side);
            dropSide(side, why, true);
            afterLoss(side, why);
            return;
        }
    }
    evaluate();
    Q_EMIT stateChanged();
}

void PairRuntime::armMonitorTick()
{
    qint64 next = -1;
    for (Side side : {Side::Primary, Side::Secondary}) {
        const SideState &s = state(side);
        if (!s.monitoring)
            continue;
        const qint64 due = s.monitor->msUntilNextDeadline();
        if (due >= 0)
            next = next < 0 ? due : std::min(next, due);
    }
    if (next >= 0)
        m_monitorTimer->start(next);
    else
        m_monitorTimer->stop();
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
    armMonitorTick();
}

void PairRuntime::evaluate()
{
    if (!m_running)
        return;
    const qint64 now = m_clock->nowMs();
    for (Side side : {Side::Primary, Side::Secondary}) {
        SideState &s = state(side);
        if (rank(side) == 2 && passed(side)) {
            if (s.fullyHealthySinceMs < 0)
                s.fullyHealthySinceMs = now;
        } else {
            s.fullyHealthySinceMs = -1;
        }
    }
    if (m_passThrough) {
        setActive(communicates(Side::Primary) ? Side::Primary : Side::None);
        return;
    }
    if (m_config.mode == ConnectionMode::Cold) {
        evaluateCold();
        checkBothInError();
        return;
    }
    if (m_pin != Side::None) {
        if (communicates(m_pin)) {
            m_failbackTimer->stop();
            setActive(m_pin, tr("made active by the operator"));
            checkBothInError();
            return;
        }
        endPin(state(m_pin).lastError); // defensive: losses end the pin before this
    }
    const Side active = m_active;
    if (active == Side::None) {
        const Side primary = Side::Primary;
        const Side secondary = Side::Secondary;
        if (rank(primary) > 0 && !outranks(secondary, primary))
            setActive(primary, m_lastSwitchReason);
        else if (rank(secondary) > 0 &&
                 (rank(primary) > 0 || health(primary) != SideHealth::Connecting))
            setActive(secondary, rank(primary) > 0 ? weaknessOf(primary) : m_lastSwitchReason);
        // else: the primary's first answer is on its way; it is preferred, wait for it.
        checkBothInError();
        return;
    }
    const Side other = otherSide(active);
    if (rank(active) == 0) {
        const QString why = weaknessOf(active);
        m_lastSwitchReason = why;
        setActive(rank(other) > 0 ? other : Side::None, why);
        return;
    }
    const qint64 holdoff = m_config.reconnectPrimary ? m_config.failbackHoldoffMs : 0;
    const qint64 sinceSwitch =
        m_lastSwitchMs < 0 ? std::numeric_limits<qint64>::max() : now - m_lastSwitchMs;
    if (outranks(other, active)) {
        // With a hold-off, a side that still communicates is left at most once per
        // hold-off: a flapping primary cannot cause a switch storm.
        if (sinceSwitch < holdoff) {
            m_failbackTimer->start(holdoff - sinceSwitch);
        } else {
            m_failbackTimer->stop();
            setActive(other, weaknessOf(active));
        }
        checkBothInError();
        return;
    }
    if (m_config.reconnectPrimary && active == Side::Secondary && rank(Side::Primary) == 2 &&
        passed(Side::Primary)) {
        const qint64 healthyFor = now - state(Side::Primary).fullyHealthySinceMs;
        const qint64 wait = std::max(holdoff - healthyFor, holdoff - sinceSwitch);
        if (wait <= 0) {
            m_failbackTimer->stop();
            setActive(Side::Primary, holdoff > 0
                                         ? tr("fail-back: the primary machine has been healthy for "
                                              "%1 ms")
                                               .arg(healthyFor)
                                         : tr("fail-back to the primary machine"));
        } else {
            m_failbackTimer->start(wait);
        }
    } else {
        m_failbackTimer->stop();
    }
    checkBothInError();
}

void PairRuntime::evaluateCold()
{
    const Side target = m_coldTarget;
    if (rank(target) > 0 && m_active != target) {
        m_coldFailuresInRow = 0;
        setActive(target, m_pin == target ? tr("made active by the operator") : m_lastSwitchReason);
    }
}

// Both machines report monitor errors: nothing to gain by switching. Said once.
void PairRuntime::checkBothInError()
{
    const SideState &p = state(Side::Primary);
    const SideState &s = state(Side::Secondary);
    bool both = false;
    if (m_config.mode == ConnectionMode::Cold) {
        const SideState &target = state(m_coldTarget);
        const SideState &other = state(otherSide(m_coldTarget));
        both = target.reportedMonitor == 1 && other.coldLeftInError;
    } else {
        both = p.reportedMonitor == 1 && s.reportedMonitor == 1;
    }
    if (both && !m_bothInErrorPosted)
        post("monitor-error-both", Side::None, {p.link->machine(), s.link->machine()},
             tr("%1; %2").arg(weaknessOf(Side::Primary), weaknessOf(Side::Secondary)));
    m_bothInErrorPosted = both;
}

void PairRuntime::endPin(const QString &reason)
{
    if (m_pin == Side::None)
        return;
    const Side was = std::exchange(m_pin, Side::None);
    post("pin-ended", was, {}, reason);
    Q_EMIT stateChanged();
}

bool PairRuntime::pin(Side side, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (side == Side::None)
        return fail(tr("choose the primary or the secondary machine"));
    if (!m_running)
        return fail(tr("'%1' is not running").arg(m_config.name));
    if (m_passThrough)
        return fail(tr("redundancy is disabled for '%1': it passes everything to the primary "
                       "machine")
                        .arg(m_config.name));
    if (m_config.mode == ConnectionMode::Cold) {
        if (side != m_coldTarget) {
            dropSide(m_coldTarget, tr("switched by the operator"), true);
            state(m_coldTarget).lost = false;
            setActive(Side::None);
            m_coldTarget = side;
            m_coldFailuresInRow = 0;
            state(side).coldLeftInError = state(otherSide(side)).coldLeftInError = false;
            connectSide(side);
        }
    } else if (!communicates(side)) {
        const QString why = state(side).lastError;
        return fail(why.isEmpty() ? tr("the %1 machine of '%2' has no communication")
                                        .arg(sideKey(side), m_config.name)
                                  : tr("the %1 machine of '%2' has no communication: %3")
                                        .arg(sideKey(side), m_config.name, why));
    }
    if (m_pin != side) {
        m_pin = side;
        post("pinned", side);
    }
    evaluate();
    Q_EMIT stateChanged();
    return true;
}

void PairRuntime::returnToAutomatic()
{
    if (m_pin == Side::None)
        return;
    const Side was = std::exchange(m_pin, Side::None);
    post("pin-released", was);
    evaluate();
    Q_EMIT stateChanged();
}

void PairRuntime::setActive(Side side, const QString &reason)
{
    if (side == m_active)
        return;
    const Side previous = m_active;
    m_active = side;
    if (side != Side::None) {
        if (!m_servedSinceStart) {
            // The first choice is no promotion (the seed's sample log has none).
            m_servedSinceStart = true;
            post("serving", side);
        } else {
            post("promoted", side, {}, reason);
        }
        // A switch to the other machine, directly or after a while with none (Cold
        // connects to the other one first; a lost server leaves none for a moment).
        if (m_lastActive != Side::None && m_lastActive != side) {
            ++m_failovers;
            m_lastFailover = QDateTime::currentDateTime();
            m_lastSwitchMs = m_clock->nowMs();
            m_lastSwitchReason = reason;
        }
        m_lastActive = side;
    }
    qCInfo(lcEngine) << m_config.name << "active:" << sideKey(previous) << "->" << sideKey(side)
                     << reason;
    for (Side s : {Side::Primary, Side::Secondary})
        updateMonitoring(s);
    Q_EMIT activeChanged(previous, side);
    Q_EMIT stateChanged();
}

void PairRuntime::suspect(Side side)
{
    if (side == Side::None || m_passThrough)
        return;
    SideState &s = state(side);
    if (!s.statusKnown || s.statusPending)
        return;
    queryStatus(side);
}

bool PairRuntime::isSwitching() const
{
    for (const auto &s : m_sides)
        if (s->connecting || (s->connected && !s->statusKnown))
            return true;
    return false;
}

} // namespace tandem
