// PairRuntime's decision (docs/failover-decision.md): how each side is judged, which one
// is active, the operator's pin, and what the console and tandemctl are told of it.
// Connections, status queries and monitor items are in pairruntime.cpp.
#include "pairruntime_p.h"

#include "events/eventlog.h"

#include <limits>

namespace tandem {

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
    status.machine = s.link->machine();
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
    if (!s.statusKnown)
        status.refusedCertificate = s.link->refusedCertificate();
    return status;
}

PairStatus PairRuntime::status() const
{
    PairStatus status;
    status.name = m_config.name;
    status.protocol = m_config.protocol;
    status.mode = m_config.mode;
    status.listen = m_config.endpoint;
    status.passThrough = m_passThrough;
    status.active = m_active;
    status.pinned = m_pin;
    status.failovers = m_failovers;
    status.lastFailover = m_lastFailover;
    status.lastSwitchReason = m_lastSwitchReason;
    status.primary = sideStatus(Side::Primary);
    status.secondary = sideStatus(Side::Secondary);
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
        post(EventId::MonitorErrorBoth, {p.link->machine(), s.link->machine()},
             tr("%1; %2").arg(weaknessOf(Side::Primary), weaknessOf(Side::Secondary)));
    m_bothInErrorPosted = both;
}

void PairRuntime::endPin(const QString &reason)
{
    if (m_pin == Side::None)
        return;
    const Side was = std::exchange(m_pin, Side::None);
    post(EventId::PinEnded, was, {}, reason);
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
        post(EventId::Pinned, side);
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
    post(EventId::PinReleased, was);
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
            // The first choice is no promotion (the reference manual's sample log has none).
            m_servedSinceStart = true;
            post(EventId::Serving, side);
        } else {
            post(EventId::Promoted, side, {}, reason);
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

} // namespace tandem
