#pragma once

#include "events/event.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <deque>

namespace tandem {

// The Diagnostics tab's events: a ring buffer of at most capacity() events, appended in
// batches (one insert, at most one removal of the oldest per batch, so the view never
// stalls on thousands of single-row signals).
class EventModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        DateColumn,
        TimeColumn,
        ProcessColumn,
        EventColumn,
        ReasonColumn, // why it happened, in the system's or the protocol's words
        ColumnCount
    };
    enum Role
    {
        SeverityRole = Qt::UserRole + 1,
        PairRole
    };

    explicit EventModel(int capacity, QObject *parent = nullptr);

    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }
    void append(const QList<Event> &events);
    void clear();
    const Event &eventAt(int row) const { return m_events[size_t(row)]; }
    QList<Event> events() const { return QList<Event>(m_events.cbegin(), m_events.cend()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void trimTo(int size);

    std::deque<Event> m_events;
    int m_capacity;
};

// Beyond the reference manual: show only some severities, one pair, or events containing a text (in
// any column, the reason included).
class EventFilter final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setMinimumSeverity(Severity severity);
    void setPair(const QString &pair); // empty: all
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    Severity m_minimum = Severity::Informational;
    QString m_pair;
    QString m_search;
};

} // namespace tandem
