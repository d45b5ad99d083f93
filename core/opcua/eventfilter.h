#pragma once

// The filter of an event read or an event monitored item (OPC 10000-4, 7.22.3 EventFilter,
// 7.4 ContentFilter, 7.7.4 SimpleAttributeOperand): which fields of an event the client
// wants (select clauses) and which events (where clause). The where clause's operands stay
// ExtensionObjects (LiteralOperand, ElementOperand, AttributeOperand, SimpleAttributeOperand).

#include "servicecommon.h"

namespace tandem::opcua {

struct SimpleAttributeOperand
{
    static constexpr quint32 BinaryEncodingId = 603;
    NodeId typeDefinitionId;
    QList<QualifiedName> browsePath;
    quint32 attributeId = AttributeId::Value;
    QString indexRange;
    TANDEM_OPCUA_FIELDS(typeDefinitionId, browsePath, attributeId, indexRange)
};

struct ContentFilterElement
{
    static constexpr quint32 BinaryEncodingId = 585;
    qint32 filterOperator = 0; // FilterOperator (OPC 10000-4, 7.4.3)
    QList<ExtensionObject> filterOperands;
    TANDEM_OPCUA_FIELDS(filterOperator, filterOperands)
};

struct ContentFilter
{
    static constexpr quint32 BinaryEncodingId = 588;
    QList<ContentFilterElement> elements;
    TANDEM_OPCUA_FIELDS(elements)
};

struct EventFilter
{
    static constexpr quint32 BinaryEncodingId = 727;
    QList<SimpleAttributeOperand> selectClauses;
    ContentFilter whereClause;
    TANDEM_OPCUA_FIELDS(selectClauses, whereClause)
};

} // namespace tandem::opcua
