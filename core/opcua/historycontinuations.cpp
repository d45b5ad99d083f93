#include "historycontinuations.h"

#include <QtEndian>

namespace tandem::opcua {

namespace {

constexpr qint64 TicksPerMs = 10000;

// The same value from another server: what the archive holds, not when that server
// answered.
bool sameArchivedValue(const DataValue &a, const DataValue &b)
{
    return a.value == b.value && a.statusCode() == b.statusCode() &&
           a.sourceTimestamp == b.sourceTimestamp && a.sourcePicoseconds == b.sourcePicoseconds;
}

// Removes the first element of `pool` that matches; whether there was one.
template <typename T, typename Equal> bool takeMatch(QList<T> &pool, const T &item, Equal equal)
{
    for (qsizetype i = 0; i < pool.size(); ++i) {
        if (equal(pool[i], item)) {
            pool.removeAt(i);
            return true;
        }
    }
    return false;
}

// Reverse in the sense of OPC 10000-11, 6.4.2.1 and 6.4.3.1: endTime before startTime, or
// only endTime (with a count).
bool reverseOrder(const DateTime &start, const DateTime &end)
{
    if (start.isMin())
        return !end.isMin();
    return !end.isMin() && end < start;
}

// The side of a read the rest starts from: startTime, or endTime when only it was given.
void moveStart(DateTime &start, DateTime &end, const DateTime &to)
{
    if (start.isMin())
        end = to;
    else
        start = to;
}

} // namespace

HistoryReadState::HistoryReadState(const ExtensionObject &details, qsizetype index)
    : m_details(details)
{
    const quint32 type =
        details.typeId.namespaceIndex == 0 && details.typeId.idType() == NodeId::IdType::Numeric
            ? std::get<quint32>(details.typeId.identifier)
            : 0;
    switch (type) {
    case ReadRawModifiedDetails::BinaryEncodingId:
        if (const auto raw = fromExtensionObject<ReadRawModifiedDetails>(details)) {
            m_kind = Kind::Raw;
            m_reverse = reverseOrder(raw->startTime, raw->endTime);
        }
        break;
    case ReadProcessedDetails::BinaryEncodingId:
        if (auto processed = fromExtensionObject<ReadProcessedDetails>(details)) {
            m_kind = Kind::Processed;
            m_reverse = processed->endTime < processed->startTime;
            if (index < processed->aggregateType.size()) {
                processed->aggregateType = {processed->aggregateType[index]};
                m_details = toExtensionObject(*processed);
            }
        }
        break;
    case ReadAtTimeDetails::BinaryEncodingId:
        if (fromExtensionObject<ReadAtTimeDetails>(details))
            m_kind = Kind::AtTime;
        break;
    case ReadEventDetails::BinaryEncodingId:
        if (const auto events = fromExtensionObject<ReadEventDetails>(details)) {
            m_kind = Kind::Events;
            m_reverse = reverseOrder(events->startTime, events->endTime);
            const QList<SimpleAttributeOperand> &select = events->filter.selectClauses;
            for (qsizetype i = 0; i < select.size(); ++i) {
                if (select[i].attributeId == AttributeId::Value && select[i].indexRange.isEmpty() &&
                    select[i].browsePath == QList{QualifiedName{0, QStringLiteral("Time")}}) {
                    m_timeField = int(i);
                    break;
                }
            }
        }
        break;
    default:
        break;
    }
}

bool HistoryReadState::isBefore(const DateTime &a, const DateTime &b) const
{
    return m_reverse ? b < a : a < b;
}

std::optional<DateTime> HistoryReadState::eventTime(const HistoryEventFieldList &event) const
{
    if (m_timeField < 0 || m_timeField >= event.eventFields.size())
        return std::nullopt;
    const Variant &field = event.eventFields[m_timeField];
    if (!field.isScalar() || field.type() != BuiltInType::DateTime)
        return std::nullopt;
    return std::get<DateTime>(field.value());
}

HistoryReadState::Restart HistoryReadState::restart() const
{
    if (m_kind == Kind::Other || (m_kind == Kind::Events && m_timeField < 0))
        return Impossible{};
    if (!hasDelivered())
        return m_details;
    switch (m_kind) {
    case Kind::Raw: {
        auto raw = *fromExtensionObject<ReadRawModifiedDetails>(m_details);
        moveStart(raw.startTime, raw.endTime, *m_lastTime);
        return toExtensionObject(raw);
    }
    case Kind::Events: {
        auto events = *fromExtensionObject<ReadEventDetails>(m_details);
        moveStart(events.startTime, events.endTime, *m_lastTime);
        return toExtensionObject(events);
    }
    case Kind::Processed: {
        auto processed = *fromExtensionObject<ReadProcessedDetails>(m_details);
        if (processed.processingInterval <= 0)
            return m_details; // one interval: asked again, its value dropped if delivered
        const qint64 step = qint64(processed.processingInterval * TicksPerMs);
        const DateTime next{m_lastTime->ticks + (m_reverse ? -step : step)};
        if (!isBefore(next, processed.endTime))
            return Finished{};
        processed.startTime = next;
        return toExtensionObject(processed);
    }
    case Kind::AtTime: {
        auto atTime = *fromExtensionObject<ReadAtTimeDetails>(m_details);
        if (m_deliveredCount >= atTime.reqTimes.size())
            return Finished{};
        atTime.reqTimes = atTime.reqTimes.mid(m_deliveredCount);
        return toExtensionObject(atTime);
    }
    case Kind::Other:
        break;
    }
    return Impossible{};
}

ExtensionObject HistoryReadState::dropDelivered(const ExtensionObject &historyData) const
{
    if (!m_lastTime)
        return historyData; // nothing delivered, or at-time (restarted with the rest only)
    // Which of the answer's values the client has had.
    QList<DataValue> atLast = m_valuesAtLast;
    const auto delivered = [&](const DataValue &v) {
        if (!v.sourceTimestamp)
            return false;
        const DateTime &t = *v.sourceTimestamp;
        if (isBefore(t, *m_lastTime))
            return true;
        if (t != *m_lastTime)
            return false;
        if (m_kind == Kind::Processed)
            return true; // one value per interval
        return takeMatch(atLast, v, sameArchivedValue) ||
               v.statusCode().code == Status::BadBoundNotFound;
    };
    if (const auto data = fromExtensionObject<HistoryData>(historyData)) {
        HistoryData kept;
        for (const DataValue &v : data->dataValues)
            if (!delivered(v))
                kept.dataValues.append(v);
        return toExtensionObject(kept);
    }
    if (const auto data = fromExtensionObject<HistoryModifiedData>(historyData)) {
        HistoryModifiedData kept;
        const bool infos = data->modificationInfos.size() == data->dataValues.size();
        for (qsizetype i = 0; i < data->dataValues.size(); ++i) {
            if (delivered(data->dataValues[i]))
                continue;
            kept.dataValues.append(data->dataValues[i]);
            if (infos)
                kept.modificationInfos.append(data->modificationInfos[i]);
        }
        if (!infos)
            kept.modificationInfos = data->modificationInfos;
        return toExtensionObject(kept);
    }
    if (const auto data = fromExtensionObject<HistoryEvent>(historyData)) {
        QList<HistoryEventFieldList> eventsAtLast = m_eventsAtLast;
        HistoryEvent kept;
        for (const HistoryEventFieldList &event : data->events) {
            const std::optional<DateTime> t = eventTime(event);
            const bool old =
                t && (isBefore(*t, *m_lastTime) ||
                      (*t == *m_lastTime &&
                       takeMatch(eventsAtLast, event, [](const auto &a, const auto &b) {
                           return a.eventFields == b.eventFields;
                       })));
            if (!old)
                kept.events.append(event);
        }
        return toExtensionObject(kept);
    }
    return historyData;
}

void HistoryReadState::deliveredAt(const DateTime &time)
{
    if (m_lastTime != time) {
        m_lastTime = time;
        m_valuesAtLast.clear();
        m_eventsAtLast.clear();
    }
}

void HistoryReadState::delivered(const ExtensionObject &historyData)
{
    if (m_kind == Kind::AtTime) {
        if (const auto data = fromExtensionObject<HistoryData>(historyData))
            m_deliveredCount += data->dataValues.size();
        return;
    }
    const auto deliveredValues = [this](const QList<DataValue> &values) {
        for (const DataValue &v : values) {
            if (!v.sourceTimestamp)
                continue;
            deliveredAt(*v.sourceTimestamp);
            m_valuesAtLast.append(v);
        }
    };
    if (const auto data = fromExtensionObject<HistoryData>(historyData)) {
        deliveredValues(data->dataValues);
    } else if (const auto data = fromExtensionObject<HistoryModifiedData>(historyData)) {
        deliveredValues(data->dataValues);
    } else if (const auto data = fromExtensionObject<HistoryEvent>(historyData)) {
        for (const HistoryEventFieldList &event : data->events) {
            if (const std::optional<DateTime> t = eventTime(event)) {
                deliveredAt(*t);
                m_eventsAtLast.append(event);
            }
        }
    }
}

std::optional<QByteArray> HistoryContinuations::add(quint32 session,
                                                    HistoryContinuation continuation)
{
    auto &points = m_sessions[session];
    if (int(points.size()) >= m_maxPerSession) {
        if (points.empty())
            m_sessions.erase(session);
        return std::nullopt;
    }
    // Opaque to the client (OPC 10000-4, 7.9); unique for the proxy's lifetime.
    QByteArray point(10, '\0');
    point[0] = 'T';
    point[1] = 'H';
    qToBigEndian(m_next++, point.data() + 2);
    points.emplace(point, std::move(continuation));
    return point;
}

HistoryContinuation *HistoryContinuations::find(quint32 session, const QByteArray &point)
{
    const auto s = m_sessions.find(session);
    if (s == m_sessions.end())
        return nullptr;
    const auto p = s->second.find(point);
    return p == s->second.end() ? nullptr : &p->second;
}

std::optional<HistoryContinuation> HistoryContinuations::take(quint32 session,
                                                              const QByteArray &point)
{
    const auto s = m_sessions.find(session);
    if (s == m_sessions.end())
        return std::nullopt;
    const auto p = s->second.find(point);
    if (p == s->second.end())
        return std::nullopt;
    HistoryContinuation taken = std::move(p->second);
    s->second.erase(p);
    if (s->second.empty())
        m_sessions.erase(s);
    return taken;
}

QList<HistoryContinuation> HistoryContinuations::takeSession(quint32 session)
{
    QList<HistoryContinuation> taken;
    const auto s = m_sessions.find(session);
    if (s == m_sessions.end())
        return taken;
    for (auto &[point, continuation] : s->second)
        taken.append(std::move(continuation));
    m_sessions.erase(s);
    return taken;
}

int HistoryContinuations::count(quint32 session) const
{
    const auto s = m_sessions.find(session);
    return s == m_sessions.end() ? 0 : int(s->second.size());
}

} // namespace tandem::opcua
