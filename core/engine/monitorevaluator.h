#pragma once

#include "base/clock.h"
#include "config/monitoritem.h"
#include "serverlink.h"

#include <QList>

namespace tandem {

// Decides, for one server, which monitor items are in error and whether their count
// reaches the pair's failure count (docs/requirements.md, Monitoring tab). Pure logic on a Clock.
class MonitorEvaluator final
{
public:
    MonitorEvaluator(const QList<MonitorItem> &items, int failureCount, const Clock *clock);

    // A (re)connected server: every item starts over, no-change periods from now.
    void reset();
    void addFailed(int index);
    // Returns true when this sample is array data for a specific-value item (an error the
    // reference manual reports with its own event, once per item until reset()).
    bool sample(int index, const MonitorSample &sample);
    // Re-evaluates the no-change periods; call at least every few hundred ms.
    void tick();

    bool hasItems() const { return !m_items.isEmpty(); }
    int errorCount() const;
    // Indexes of the items in error now, for the reason of a monitor error event.
    QList<int> itemsInError() const;
    bool failed() const { return hasItems() && errorCount() >= m_failureCount; }
    // True once every item has a first result, so the first pass/fail can be reported.
    bool evaluated() const;
    // Milliseconds until the earliest no-change period could expire (-1: none running).
    qint64 msUntilNextDeadline() const;

private:
    struct ItemState
    {
        bool hasResult = false;
        bool inError = false;
        bool addFailed = false;
        bool arrayReported = false;
        QVariant lastValue;
        bool hasValue = false;
        qint64 lastChangeMs = 0;
    };
    bool matchesTriggerValue(const MonitorItem &item, const QVariant &value) const;

    QList<MonitorItem> m_items;
    int m_failureCount;
    const Clock *m_clock;
    QList<ItemState> m_state;
};

} // namespace tandem
