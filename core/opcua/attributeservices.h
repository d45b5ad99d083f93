#pragma once

// The attribute service set (OPC 10000-4, 5.10): Read and Write.

#include "servicecommon.h"

namespace tandem::opcua {

enum class TimestampsToReturn : qint32
{
    Source = 0,
    Server = 1,
    Both = 2,
    Neither = 3,
};

struct ReadValueId
{
    // The Value attribute of a node, the common case.
    static ReadValueId value(const NodeId &node) { return {node, AttributeId::Value, {}, {}}; }

    NodeId nodeId;
    quint32 attributeId = AttributeId::Value;
    QString indexRange;
    QualifiedName dataEncoding;
    TANDEM_OPCUA_FIELDS(nodeId, attributeId, indexRange, dataEncoding)
};

struct ReadRequest
{
    static constexpr quint32 BinaryEncodingId = 631;
    RequestHeader requestHeader;
    double maxAge = 0;
    TimestampsToReturn timestampsToReturn = TimestampsToReturn::Source;
    QList<ReadValueId> nodesToRead;
    TANDEM_OPCUA_FIELDS(requestHeader, maxAge, timestampsToReturn, nodesToRead)
};

struct ReadResponse
{
    static constexpr quint32 BinaryEncodingId = 634;
    ResponseHeader responseHeader;
    QList<DataValue> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

struct WriteValue
{
    NodeId nodeId;
    quint32 attributeId = AttributeId::Value;
    QString indexRange;
    DataValue value;
    TANDEM_OPCUA_FIELDS(nodeId, attributeId, indexRange, value)
};

struct WriteRequest
{
    static constexpr quint32 BinaryEncodingId = 673;
    RequestHeader requestHeader;
    QList<WriteValue> nodesToWrite;
    TANDEM_OPCUA_FIELDS(requestHeader, nodesToWrite)
};

struct WriteResponse
{
    static constexpr quint32 BinaryEncodingId = 676;
    ResponseHeader responseHeader;
    QList<StatusCode> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

} // namespace tandem::opcua
