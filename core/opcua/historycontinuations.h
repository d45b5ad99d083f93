#pragma once

// The proxy's side of a history read that spans several HistoryRead calls (OPC 10000-4,
// 5.10.3; OPC 10000-11, 6.3 continuation points). A continuation point belongs to the
// server that issued it, so the client gets one of the proxy's own instead, and the proxy
// remembers for each what it asked for and what it has delivered (HistoryReadState). When
// the server that issued the real point is not the active one any more, the read starts
// again on the new server from the last delivered timestamp, and what the new server
// repeats is dropped, so the client sees one continuous answer:
// - raw and modified values, events: from the source timestamp of the last value (the Time
//   field of the last event) on, in the read's direction; at that timestamp only what was
//   not delivered yet (compared by value, status and source timestamp, so several values
//   at one timestamp are neither lost nor repeated);
// - processed values: from the interval after the last delivered one;
// - values at given times: the times not answered yet.
// HistoryContinuations holds the points of each session, at most a number per session.

#include "engine/side.h"
#include "historyservices.h"

#include <QByteArray>
#include <QPointer>

#include <map>
#include <optional>
#include <variant>

namespace tandem::opcua {

class Client;

class HistoryReadState final
{
public:
    enum class Kind
    {
        Raw, // ReadRawModifiedDetails, raw or modified
        Processed,
        AtTime,
        Events,
        Other, // details the proxy does not know: passed on, never restarted
    };

    // What a restart asks the new server: these details, nothing at all (everything was
    // delivered: the read is complete), or no restart possible (BadContinuationPointInvalid).
    struct Finished
    {
    };
    struct Impossible
    {
    };
    using Restart = std::variant<ExtensionObject, Finished, Impossible>;

    // The read of one node with the details the client sent; for processed reads `index`
    // picks the node's aggregate out of aggregateType. Details that do not decode as their
    // type says are Other.
    explicit HistoryReadState(const ExtensionObject &details = {}, qsizetype index = 0);

    Kind kind() const { return m_kind; }
    // The details of this node's read as the server gets them.
    const ExtensionObject &details() const { return m_details; }
    // Whether the answer comes latest first (endTime before startTime, or endTime and a
    // count without startTime).
    bool isReverse() const { return m_reverse; }
    // Whether anything was delivered yet.
    bool hasDelivered() const { return m_lastTime.has_value() || m_deliveredCount > 0; }

    // The details that read the rest on another server.
    Restart restart() const;
    // A restarted read's answer without what the client has had already.
    ExtensionObject dropDelivered(const ExtensionObject &historyData) const;
    // The client was given this answer (HistoryData, HistoryModifiedData or HistoryEvent).
    void delivered(const ExtensionObject &historyData);

private:
    bool isBefore(const DateTime &a, const DateTime &b) const; // in the read's direction
    std::optional<DateTime> eventTime(const HistoryEventFieldList &event) const;
    void deliveredAt(const DateTime &time);

    Kind m_kind = Kind::Other;
    ExtensionObject m_details;
    bool m_reverse = false;
    int m_timeField = -1; // events: the select clause of the Time field
    std::optional<DateTime> m_lastTime;
    QList<DataValue> m_valuesAtLast; // delivered with m_lastTime as source timestamp
    QList<HistoryEventFieldList> m_eventsAtLast;
    qsizetype m_deliveredCount = 0; // at-time: the times answered
};

// One of the proxy's continuation points: the server's real one and the read it continues.
struct HistoryContinuation
{
    Side side = Side::None;  // the issuing server
    QPointer<Client> server; // the engine's session with it when it issued the point
    QByteArray serverPoint;
    HistoryReadValueId node; // without continuation point
    TimestampsToReturn timestamps = TimestampsToReturn::Source;
    HistoryReadState state;
};

class HistoryContinuations final
{
public:
    // Servers must allow at least one per session (OPC 10000-4, 7.9); a trend display reads
    // a few nodes at once.
    static constexpr int DefaultMaxPerSession = 10;

    explicit HistoryContinuations(int maxPerSession = DefaultMaxPerSession)
        : m_maxPerSession(maxPerSession)
    {}

    // Keeps the point for the session and returns the client's id for it; nothing when the
    // session holds its maximum already (BadNoContinuationPoints).
    std::optional<QByteArray> add(quint32 session, HistoryContinuation continuation);
    HistoryContinuation *find(quint32 session, const QByteArray &point);
    // Forgets the point; what it was, to release it on its server.
    std::optional<HistoryContinuation> take(quint32 session, const QByteArray &point);
    // Forgets every point of the session, returned to be released on their servers.
    QList<HistoryContinuation> takeSession(quint32 session);
    int count(quint32 session) const;

private:
    int m_maxPerSession;
    std::map<quint32, std::map<QByteArray, HistoryContinuation>> m_sessions;
    quint64 m_next = 1;
};

} // namespace tandem::opcua
