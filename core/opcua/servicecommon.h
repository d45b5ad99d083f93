#pragma once

// What every OPC UA service shares (OPC 10000-4, 7.28, 7.29 and 7.33): the request and
// response headers, ServiceFault, the attribute ids and the node ids of namespace 0 that
// Tandem reads or browses.

#include "servicecodec.h"

namespace tandem::opcua {

// Attribute ids (OPC 10000-6, A.1).
namespace AttributeId {
constexpr quint32 NodeId = 1;
constexpr quint32 NodeClass = 2;
constexpr quint32 BrowseName = 3;
constexpr quint32 DisplayName = 4;
constexpr quint32 Description = 5;
constexpr quint32 Value = 13;
constexpr quint32 DataType = 14;
constexpr quint32 ValueRank = 15;
constexpr quint32 AccessLevel = 17;
} // namespace AttributeId

// Node ids of namespace 0 that Tandem reads or browses (OPC 10000-6, NodeIds.csv).
namespace Id {
constexpr quint32 RootFolder = 84;
constexpr quint32 ObjectsFolder = 85;
constexpr quint32 HierarchicalReferences = 33;
constexpr quint32 HasTypeDefinition = 40;
constexpr quint32 Server = 2253;
constexpr quint32 NamespaceArray = 2255;
constexpr quint32 ServerStatus = 2256;
constexpr quint32 ServerStatusState = 2259;
constexpr quint32 ServiceLevel = 2267;
constexpr quint32 SecondsTillShutdown = 2992;
constexpr quint32 ShutdownReason = 2993;
} // namespace Id

struct RequestHeader
{
    NodeId authenticationToken;
    DateTime timestamp;
    quint32 requestHandle = 0;
    quint32 returnDiagnostics = 0;
    QString auditEntryId;
    quint32 timeoutHint = 0;
    ExtensionObject additionalHeader;
    TANDEM_OPCUA_FIELDS(authenticationToken, timestamp, requestHandle, returnDiagnostics,
                        auditEntryId, timeoutHint, additionalHeader)
};

struct ResponseHeader
{
    DateTime timestamp;
    quint32 requestHandle = 0;
    StatusCode serviceResult;
    DiagnosticInfo serviceDiagnostics;
    QList<QString> stringTable;
    ExtensionObject additionalHeader;
    TANDEM_OPCUA_FIELDS(timestamp, requestHandle, serviceResult, serviceDiagnostics, stringTable,
                        additionalHeader)
};

struct ServiceFault
{
    static constexpr quint32 BinaryEncodingId = 397;
    ResponseHeader responseHeader;
    TANDEM_OPCUA_FIELDS(responseHeader)
};

} // namespace tandem::opcua
