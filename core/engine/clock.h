#pragma once

#include <QtGlobal>

namespace tandem {

// Monotonic milliseconds. Failover timing, hold-offs and no-change periods read time
// through this so tests can drive it by hand instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;

    static const Clock *system(); // steady clock, shared
};

// A clock that moves only when told to (tests).
class ManualClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void advance(qint64 ms) { m_now += ms; }
    void set(qint64 ms) { m_now = ms; }

private:
    qint64 m_now = 1000;
};

} // namespace tandem
