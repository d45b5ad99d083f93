#include "pairruntime_p.h"

#include "base/logging.h"
#include "clienteventlimiter.h"
#include "events/eventlog.h"

namespace tandem {

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

void PairRuntime::post(const SidedEventIdentifier &event, Side side, const QStringList &extra,
                       const QString &reason)
{
    Q_ASSERT(side != Side::None);
    // A pair whose redundancy is disabled reports nothing: it is not watched.
    if (!m_events || m_passThrough)
        return;
    m_events->post(side == Side::Primary ? event.primary : event.secondary, m_config.name,
                   QStringList{m_config.name, state(side).link->machine()} + extra, {}, reason);
}

void PairRuntime::post(EventIdentifier event, const QStringList &extra, const QString &reason)
{
    if (!m_events || m_passThrough)
        return;
    m_events->post(event, m_config.name, QStringList{m_config.name} + extra, {}, reason);
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
        post(EventId::Disconnected, side, {}, reason);
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
        post(EventId::ConnectFailed, side, {}, reason);
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
            post(EventId::Shutdown, side, {}, why); // else: posted when it announced it
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
        post(EventId::StatusLost, side, {}, why);
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
    post(EventId::Connected, side);
    if (s.degraded)
        post(EventId::Degraded, side, {s.degradedReason}, s.degradedReason);
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
    post(on ? EventId::Degraded : EventId::ServiceRestored, side, {reason},
         on ? reason : QString());
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
        post(EventId::MonitorArray, side, {m_config.monitorItems.value(index).itemId});
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
    post(EventId::MonitorAddFailed, side, {m_config.monitorItems.value(index).itemId}, reason);
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
        post(EventId::MonitorError, side, {}, s.lastReason);
    } else {
        post(EventId::MonitorPassed, side);
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
