#include "monitorevaluator.h"

#include <algorithm>

namespace tandem {

MonitorEvaluator::MonitorEvaluator(const QList<MonitorItem> &items, int failureCount,
                                   const Clock *clock)
    : m_items(items)
    , m_failureCount(std::max(1, failureCount))
    , m_clock(clock)
{
    reset();
}

void MonitorEvaluator::reset()
{
    m_state = QList<ItemState>(m_items.size());
    const qint64 now = m_clock->nowMs();
    for (ItemState &s : m_state)
        s.lastChangeMs = now;
}

void MonitorEvaluator::addFailed(int index)
{
    if (index < 0 || index >= m_state.size())
        return;
    ItemState &s = m_state[index];
    s.addFailed = true;
    s.hasResult = true;
    s.inError = true;
}

bool MonitorEvaluator::matchesTriggerValue(const MonitorItem &item, const QVariant &value) const
{
    const QString wanted = item.triggerData.trimmed();
    bool wantedIsNumber = false;
    double wantedNumber = wanted.toDouble(&wantedIsNumber);
    if (!wantedIsNumber) {
        if (wanted.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
            wantedIsNumber = true;
            wantedNumber = 1;
        } else if (wanted.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0) {
            wantedIsNumber = true;
            wantedNumber = 0;
        }
    }
    if (wantedIsNumber) {
        bool ok = false;
        const double actual =
            value.typeId() == QMetaType::Bool ? (value.toBool() ? 1.0 : 0.0) : value.toDouble(&ok);
        return (ok || value.typeId() == QMetaType::Bool) && actual == wantedNumber;
    }
    return value.toString() == wanted;
}

bool MonitorEvaluator::sample(int index, const MonitorSample &sample)
{
    if (index < 0 || index >= m_state.size())
        return false;
    const MonitorItem &item = m_items[index];
    ItemState &s = m_state[index];
    if (s.addFailed)
        return false; // an item that could not be added stays in error until reconnect
    s.hasResult = true;
    const qint64 now = m_clock->nowMs();
    if (sample.good && (!s.hasValue || s.lastValue != sample.value)) {
        s.lastChangeMs = now;
        s.lastValue = sample.value;
        s.hasValue = true;
    }
    bool arrayProblem = false;
    switch (item.trigger) {
    case Trigger::BadQuality:
        s.inError = !sample.good;
        break;
    case Trigger::SpecificValue:
        if (sample.good && sample.isArray) {
            s.inError = true;
            arrayProblem = !s.arrayReported;
            s.arrayReported = true;
        } else {
            s.inError = sample.good && matchesTriggerValue(item, sample.value);
        }
        break;
    case Trigger::NoChange:
        s.inError = now - s.lastChangeMs >= item.triggerData.toLongLong();
        break;
    }
    return arrayProblem;
}

void MonitorEvaluator::tick()
{
    const qint64 now = m_clock->nowMs();
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const MonitorItem &item = m_items[i];
        ItemState &s = m_state[i];
        if (item.trigger != Trigger::NoChange || s.addFailed)
            continue;
        if (now - s.lastChangeMs >= item.triggerData.toLongLong()) {
            s.inError = true;
            s.hasResult = true;
        }
    }
}

int MonitorEvaluator::errorCount() const
{
    return int(std::count_if(m_state.cbegin(), m_state.cend(),
                             [](const ItemState &s) { return s.inError; }));
}

QList<int> MonitorEvaluator::itemsInError() const
{
    QList<int> indexes;
    for (qsizetype i = 0; i < m_state.size(); ++i)
        if (m_state[i].inError)
            indexes.append(int(i));
    return indexes;
}

bool MonitorEvaluator::evaluated() const
{
    return std::all_of(m_state.cbegin(), m_state.cend(),
                       [](const ItemState &s) { return s.hasResult; });
}

qint64 MonitorEvaluator::msUntilNextDeadline() const
{
    const qint64 now = m_clock->nowMs();
    qint64 next = -1;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items[i].trigger != Trigger::NoChange || m_state[i].inError)
            continue;
        const qint64 left = std::max<qint64>(0, m_state[i].lastChangeMs +
                                                    m_items[i].triggerData.toLongLong() - now);
        next = next < 0 ? left : std::min(next, left);
    }
    return next;
}

} // namespace tandem
