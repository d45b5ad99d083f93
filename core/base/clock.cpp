#include "clock.h"

#include <QTimer>

#include <chrono>

namespace tandem {

namespace {
class SystemTimer final : public ClockTimer
{
public:
    explicit SystemTimer(std::function<void()> onTimeout)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, std::move(onTimeout));
    }
    void start(qint64 ms) override { m_timer.start(int(std::clamp<qint64>(ms, 0, INT_MAX))); }
    void stop() override { m_timer.stop(); }
    bool isActive() const override { return m_timer.isActive(); }

private:
    QTimer m_timer;
};

class SteadyClock final : public Clock
{
public:
    qint64 nowMs() const override
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
    qint64 wallMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
    std::unique_ptr<ClockTimer> createTimer(std::function<void()> onTimeout) const override
    {
        return std::make_unique<SystemTimer>(std::move(onTimeout));
    }
};
} // namespace

const Clock *Clock::system()
{
    static const SteadyClock clock;
    return &clock;
}

class ManualClock::Timer final : public ClockTimer
{
public:
    Timer(const ManualClock *clock, std::function<void()> onTimeout)
        : m_clock(clock)
        , m_onTimeout(std::move(onTimeout))
    {}
    ~Timer() override { stop(); }

    void start(qint64 ms) override
    {
        stop();
        m_key = {m_clock->m_now + std::max<qint64>(0, ms), ++m_clock->m_sequence};
        m_clock->m_armed.emplace(m_key, this);
        m_active = true;
    }
    void stop() override
    {
        if (m_active && m_clock)
            m_clock->m_armed.erase(m_key);
        m_active = false;
    }
    bool isActive() const override { return m_active; }

    void fire()
    {
        m_active = false;
        m_onTimeout(); // may restart or delete this timer
    }
    void detach() { m_clock = nullptr, m_active = false; }

private:
    const ManualClock *m_clock;
    std::function<void()> m_onTimeout;
    Key m_key{};
    bool m_active = false;
};

ManualClock::~ManualClock()
{
    for (auto &[key, timer] : m_armed)
        timer->detach();
}

std::unique_ptr<ClockTimer> ManualClock::createTimer(std::function<void()> onTimeout) const
{
    return std::make_unique<Timer>(this, std::move(onTimeout));
}

void ManualClock::advance(qint64 ms)
{
    const qint64 until = m_now + std::max<qint64>(0, ms);
    while (!m_armed.empty() && m_armed.begin()->first.first <= until) {
        const auto first = m_armed.begin();
        Timer *timer = first->second;
        m_now = std::max(m_now, first->first.first);
        m_armed.erase(first);
        timer->fire();
    }
    m_now = until;
}

qint64 ManualClock::nextDeadline() const
{
    return m_armed.empty() ? -1 : m_armed.begin()->first.first;
}

} // namespace tandem
