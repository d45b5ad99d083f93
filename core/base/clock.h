#pragma once

#include <QDateTime>
#include <QtGlobal>

#include <functional>
#include <map>
#include <memory>

namespace tandem {

// A single-shot timer that runs on a Clock. start() (re)arms it; the callback runs once
// when the clock reaches the deadline, unless stop() or destruction comes first.
class ClockTimer
{
public:
    virtual ~ClockTimer() = default;
    virtual void start(qint64 ms) = 0;
    virtual void stop() = 0;
    virtual bool isActive() const = 0;
};

// Tandem's one source of time: monotonic milliseconds and timers on them, and the wall
// clock. Fail-over timing, hold-offs, no-change periods, mail retries, backup schedules and
// license periods read time (and arm timers) through this, so tests drive them by hand with
// a ManualClock instead of sleeping. Intervals use nowMs(), never the wall clock, which
// may jump; what is shown or stored (event times, due dates, license starts) uses wallMs().
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
    // Milliseconds since the epoch (UTC).
    virtual qint64 wallMs() const = 0;
    QDateTime wallTime() const { return QDateTime::fromMSecsSinceEpoch(wallMs()); }
    // A timer on this clock. The system clock's timers fire from the event loop of the
    // creating thread; a ManualClock's fire inside advance(). Must not outlive the clock.
    virtual std::unique_ptr<ClockTimer> createTimer(std::function<void()> onTimeout) const = 0;

    static const Clock *system(); // steady clock, shared
};

// A clock that moves only when told to (tests). advance() walks time forward deadline by
// deadline, firing each due timer in deadline order (ties in the order they were armed),
// so whatever a callback arms in turn also fires within the same advance() if it is due.
// The wall clock moves with it; setWall() puts it anywhere (2027-01-15 at first).
class ManualClock final : public Clock
{
public:
    ManualClock() = default;
    ~ManualClock() override;
    ManualClock(const ManualClock &) = delete;
    ManualClock &operator=(const ManualClock &) = delete;

    qint64 nowMs() const override { return m_now; }
    qint64 wallMs() const override { return m_now + m_wallOffset; }
    void setWall(qint64 msSinceEpoch) { m_wallOffset = msSinceEpoch - m_now; }
    std::unique_ptr<ClockTimer> createTimer(std::function<void()> onTimeout) const override;

    void advance(qint64 ms);
    // Moves time to `ms` without firing anything (setting up a test's starting point).
    void set(qint64 ms) { m_now = ms; }
    // Fires what is due now (time does not move).
    void fireDue() { advance(0); }
    // The earliest armed deadline, or -1 when no timer is armed.
    qint64 nextDeadline() const;
    int armedTimers() const { return int(m_armed.size()); }

private:
    class Timer;
    friend class Timer;
    using Key = std::pair<qint64, quint64>; // deadline, arming sequence

    qint64 m_now = 1000;
    qint64 m_wallOffset = 1'800'000'000'000 - 1000;
    mutable quint64 m_sequence = 0;
    mutable std::map<Key, Timer *> m_armed;
};

} // namespace tandem
