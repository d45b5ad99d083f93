#include "fakeserverlink.h"

namespace tandem::test {

FakeServerLink::FakeServerLink(const QString &machine, const ManualClock *clock, QObject *parent)
    : ServerLink(parent)
    , m_machine(machine)
    , m_clock(clock)
{
    m_openTimer = clock->createTimer([] {});
    m_pollTimer = clock->createTimer([this] { pollItems(); });
}

void FakeServerLink::open(int timeoutMs)
{
    Q_UNUSED(timeoutMs) // even a hung server's kernel accepts the connection
    ++m_opens;
    const quint64 generation = m_generation;
    m_openTimer = m_clock->createTimer([this, generation] {
        if (generation != m_generation)
            return;
        if (m_mode == Mode::Refusing) {
            Q_EMIT openFailed(QStringLiteral("Connection refused"));
            return;
        }
        m_open = true;
        Q_EMIT opened();
        if (m_open && m_degraded)
            Q_EMIT degraded(true, QStringLiteral("service level 150"));
    });
    m_openTimer->start(LatencyMs);
}

void FakeServerLink::close()
{
    m_open = false;
    ++m_generation;
    m_openTimer->stop();
    m_pollTimer->stop();
    m_items.clear();
    m_answers.clear();
}

void FakeServerLink::queryStatus(int timeoutMs)
{
    ++m_queries;
    // Timers of answered queries are dropped here, never inside their own callback.
    std::erase_if(m_answers, [](const std::unique_ptr<ClockTimer> &t) { return !t->isActive(); });
    const quint64 generation = m_generation;
    auto done = std::make_shared<bool>(false);
    auto answer = m_clock->createTimer([this, generation, done] {
        if (generation != m_generation || *done || m_mode == Mode::Hung)
            return;
        *done = true;
        if (!m_open)
            Q_EMIT statusReceived(false, false, QStringLiteral("not connected"));
        else if (m_mode == Mode::Shutdown)
            Q_EMIT statusReceived(true, true, QStringLiteral("server is shutting down"));
        else if (m_mode == Mode::Gateway)
            Q_EMIT statusReceived(
                false, false,
                QStringLiteral("exception 0x0B (gateway target device failed to respond)"));
        else
            Q_EMIT statusReceived(true, false, QString());
    });
    auto timeout = m_clock->createTimer([this, generation, done, timeoutMs] {
        if (generation != m_generation || *done)
            return;
        *done = true;
        Q_EMIT statusReceived(false, false,
                              QStringLiteral("no answer within %1 ms").arg(timeoutMs));
    });
    answer->start(LatencyMs);
    timeout->start(timeoutMs);
    m_answers.push_back(std::move(answer));
    m_answers.push_back(std::move(timeout));
}

void FakeServerLink::setMonitorItems(const QList<MonitorItem> &items, int timeoutMs)
{
    Q_UNUSED(timeoutMs)
    m_items = items;
    m_pollTimer->stop();
    if (!items.isEmpty() && m_open)
        m_pollTimer->start(LatencyMs);
}

void FakeServerLink::pollItems()
{
    if (!m_open || m_items.isEmpty())
        return;
    int rate = m_items.constFirst().updateRateMs;
    for (const MonitorItem &item : std::as_const(m_items))
        rate = std::min(rate, item.updateRateMs);
    m_pollTimer->start(std::max(1, rate));
    sampleAll();
}

void FakeServerLink::sampleAll()
{
    if (m_silent)
        return;
    const quint64 generation = m_generation;
    for (int i = 0; i < m_items.size(); ++i) {
        MonitorSample sample = m_values.value(i, MonitorSample{true, 0, false});
        if (m_mode == Mode::Hung)
            sample = MonitorSample{}; // its reads time out: bad quality
        Q_EMIT monitorSample(i, sample);
        if (generation != m_generation)
            return; // the runtime closed this link in reaction
    }
}

void FakeServerLink::refuse()
{
    m_mode = Mode::Refusing;
}

void FakeServerLink::crash()
{
    m_mode = Mode::Refusing;
    if (!m_open)
        return;
    close();
    Q_EMIT closed(QStringLiteral("Connection reset by peer"));
}

void FakeServerLink::hang()
{
    m_mode = Mode::Hung;
}

void FakeServerLink::heal()
{
    m_mode = Mode::Up;
    setDegraded(false);
}

void FakeServerLink::announceShutdown()
{
    m_mode = Mode::Shutdown;
}

void FakeServerLink::gatewayError()
{
    m_mode = Mode::Gateway;
}

void FakeServerLink::setDegraded(bool on)
{
    if (m_degraded == on)
        return;
    m_degraded = on;
    if (m_open)
        Q_EMIT degraded(on, QStringLiteral("service level 150"));
}

void FakeServerLink::setItem(int index, const QVariant &value, bool good)
{
    m_values.insert(index, MonitorSample{good, good ? value : QVariant(), false});
}

} // namespace tandem::test
