#pragma once

// Events through a subscription (OPC 10000-4, 7.22.3 EventFilter and 7.22.4
// EventFilterResult, 7.25.3 EventNotificationList and EventFieldList) and the node ids of
// OPC 10000-9 (5.5.7 ConditionRefresh, 5.11.2 RefreshStartEventType and
// RefreshEndEventType) the proxy uses around a switch. The filter itself is decoded, not
// kept opaque (eventfilter.h): its select clauses' node ids are what a client names.

#include "eventfilter.h"

namespace tandem::opcua {

// Node ids of namespace 0 for events and conditions (OPC 10000-6, NodeIds.csv).
namespace EventNodeId {
constexpr quint32 BaseEventType = 2041;
constexpr quint32 ConditionType = 2782;
constexpr quint32 RefreshStartEventType = 2787;
constexpr quint32 RefreshEndEventType = 2788;
constexpr quint32 EventQueueOverflowEventType = 3035;
constexpr quint32 ConditionRefresh = 3875;   // ConditionType's method: (SubscriptionId)
constexpr quint32 ConditionRefresh2 = 12912; // (SubscriptionId, MonitoredItemId)
} // namespace EventNodeId

// OPC 10000-3, 5.9: an Object's EventNotifier attribute; an event monitored item names it.
namespace AttributeId {
constexpr quint32 EventNotifier = 12;
} // namespace AttributeId

struct ContentFilterElementResult
{
    static constexpr quint32 BinaryEncodingId = 606;
    StatusCode statusCode;
    QList<StatusCode> operandStatusCodes;
    QList<DiagnosticInfo> operandDiagnosticInfos;
    TANDEM_OPCUA_FIELDS(statusCode, operandStatusCodes, operandDiagnosticInfos)
};

struct ContentFilterResult
{
    static constexpr quint32 BinaryEncodingId = 609;
    QList<ContentFilterElementResult> elementResults;
    QList<DiagnosticInfo> elementDiagnosticInfos;
    TANDEM_OPCUA_FIELDS(elementResults, elementDiagnosticInfos)
};

// A server's verdict on an EventFilter: one status per select clause, in their order.
struct EventFilterResult
{
    static constexpr quint32 BinaryEncodingId = 736;
    QList<StatusCode> selectClauseResults;
    QList<DiagnosticInfo> selectClauseDiagnosticInfos;
    ContentFilterResult whereClauseResult;
    TANDEM_OPCUA_FIELDS(selectClauseResults, selectClauseDiagnosticInfos, whereClauseResult)
};

// One event of one monitored item: its fields in the order of the item's select clauses.
struct EventFieldList
{
    static constexpr quint32 BinaryEncodingId = 919;
    quint32 clientHandle = 0;
    QList<Variant> eventFields;
    TANDEM_OPCUA_FIELDS(clientHandle, eventFields)
};

struct EventNotificationList
{
    static constexpr quint32 BinaryEncodingId = 916;
    QList<EventFieldList> events;
    TANDEM_OPCUA_FIELDS(events)
};

// The select clause of BaseEventType's EventId (OPC 10000-5, 6.4.2).
inline SimpleAttributeOperand eventIdClause()
{
    return {NodeId(0, EventNodeId::BaseEventType),
            {QualifiedName{0, QStringLiteral("EventId")}},
            AttributeId::Value,
            QString()};
}

// Whether a select clause names an event's EventId: the BrowseName EventId of any event
// type (every one inherits it from BaseEventType), its value, whole.
inline bool isEventIdClause(const SimpleAttributeOperand &clause)
{
    return clause.browsePath.size() == 1 && clause.browsePath.first().namespaceIndex == 0 &&
           clause.browsePath.first().name == QLatin1String("EventId") &&
           clause.attributeId == AttributeId::Value && clause.indexRange.isEmpty();
}

} // namespace tandem::opcua
