#include "eventmodel.h"

#include <QApplication>
#include <QStyle>

namespace tandem {

EventModel::EventModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{}

void EventModel::trimTo(int size)
{
    const int excess = int(m_events.size()) - size;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_events.erase(m_events.begin(), m_events.begin() + excess);
    endRemoveRows();
}

void EventModel::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    trimTo(m_capacity);
}

void EventModel::append(const QList<Event> &events)
{
    if (events.isEmpty())
        return;
    // Of a batch larger than the capacity only its newest part can be shown.
    const qsizetype skip = std::max<qsizetype>(0, events.size() - m_capacity);
    const int incoming = int(events.size() - skip);
    trimTo(m_capacity - incoming);
    const int first = int(m_events.size());
    beginInsertRows({}, first, first + incoming - 1);
    m_events.insert(m_events.end(), events.cbegin() + skip, events.cend());
    endInsertRows();
}

void EventModel::clear()
{
    beginResetModel();
    m_events.clear();
    endResetModel();
}

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &e = m_events[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: // shown by ElidedToolTipDelegate when a column is too narrow
        switch (index.column()) {
        case DateColumn:
            return QLocale().toString(e.time.date(), QLocale::ShortFormat);
        case TimeColumn:
            return e.time.time().toString(QStringLiteral("HH:mm:ss.zzz"));
        case ProcessColumn:
            return e.process;
        case EventColumn:
            return EventCatalog::displayText(e.id, e.text);
        case ReasonColumn:
            return e.reason;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == EventColumn && qApp) {
            const QStyle::StandardPixmap icon =
                e.severity == Severity::Error     ? QStyle::SP_MessageBoxCritical
                : e.severity == Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                  : QStyle::SP_MessageBoxInformation;
            return QApplication::style()->standardIcon(icon);
        }
        break;
    case SeverityRole:
        return int(e.severity);
    case PairRole:
        return e.pair;
    }
    return {};
}

QVariant EventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Date");
    case TimeColumn:
        return tr("Time");
    case ProcessColumn:
        return tr("Process");
    case EventColumn:
        return tr("Event");
    case ReasonColumn:
        return tr("Reason");
    }
    return {};
}

void EventFilter::setMinimumSeverity(Severity severity)
{
    m_minimum = severity;
    invalidateFilter();
}

void EventFilter::setPair(const QString &pair)
{
    m_pair = pair;
    invalidateFilter();
}

void EventFilter::setSearchText(const QString &text)
{
    m_search = text;
    invalidateFilter();
}

bool EventFilter::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QModelIndex index = sourceModel()->index(row, EventModel::EventColumn, parent);
    if (index.data(EventModel::SeverityRole).toInt() < int(m_minimum))
        return false;
    if (!m_pair.isEmpty() && index.data(EventModel::PairRole).toString() != m_pair)
        return false;
    if (m_search.isEmpty())
        return true;
    for (int column = 0; column < EventModel::ColumnCount; ++column)
        if (sourceModel()
                ->index(row, column, parent)
                .data()
                .toString()
                .contains(m_search, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace tandem
