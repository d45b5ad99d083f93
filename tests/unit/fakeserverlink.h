#pragma once

#include "base/clock.h"
#include "engine/serverlink.h"

#include <QHash>

#include <memory>
#include <vector>

namespace tandem::test {

// A server for PairRuntime's model tests, not a real peer: it lives on a ManualClock and
// does what the test script says (refuse, crash, hang, shut down, change an item's value).
// Connects and answers take `latencyMs` of the clock; a hung server answers nothing, so
// the status query runs into its timeout as against a real SIGSTOPped server.
class FakeServerLink final : public ServerLink
{
    Q_OBJECT

public:
    FakeServerLink(const QString &machine, const ManualClock *clock, QObject *parent = nullptr);

    // ServerLink
    void open(int timeoutMs) override;
    void close() override;
    bool isOpen() const override { return m_open; }
    void queryStatus(int timeoutMs) override;
    void setMonitorItems(const QList<MonitorItem> &items, int timeoutMs) override;
    QString machine() const override { return m_machine; }

    // The script's levers.
    void refuse();           // new connections are refused; an open one stays
    void crash();            // an open connection is reset; new ones are refused
    void hang();             // accepts nothing, answers nothing (SIGSTOP)
    void heal();             // up and answering, no shutdown, not degraded
    void announceShutdown(); // the next status answer says it is shutting down
    void gatewayError();     // status answered with exception 0x0B (device gone)
    void setDegraded(bool on);
    // An item's value as the server has it (good quality) or bad quality.
    void setItem(int index, const QVariant &value, bool good = true);
    // Its item reads get no answer yet (items stay untested) until silenced off again.
    void setItemsSilent(bool silent) { m_silent = silent; }

    int opens() const { return m_opens; }
    int statusQueries() const { return m_queries; }
    bool monitoring() const { return !m_items.isEmpty(); }

    static constexpr int LatencyMs = 2;

private:
    enum class Mode
    {
        Up,
        Refusing,
        Hung,
        Shutdown,
        Gateway
    };
    void pollItems();
    void sampleAll();

    QString m_machine;
    const ManualClock *m_clock;
    Mode m_mode = Mode::Up;
    bool m_open = false;
    bool m_degraded = false;
    bool m_silent = false;
    int m_opens = 0;
    int m_queries = 0;
    quint64 m_generation = 0; // answers from before a close() are dropped
    std::unique_ptr<ClockTimer> m_openTimer;
    std::vector<std::unique_ptr<ClockTimer>> m_answers;
    std::unique_ptr<ClockTimer> m_pollTimer;
    QList<MonitorItem> m_items;
    QHash<int, MonitorSample> m_values;
};

} // namespace tandem::test
