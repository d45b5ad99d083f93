#pragma once

// The historical access services (OPC 10000-4, 5.10.3 HistoryRead and 5.10.5
// HistoryUpdate) and the structures of OPC 10000-11 (6.4 HistoryReadDetails, 6.5
// HistoryData, 6.8 HistoryUpdateDetails) they carry in ExtensionObjects. The proxy looks
// inside the read details and the history data (to restart a read on another server);
// update details pass through as they came.

#include "attributeservices.h"
#include "eventfilter.h"

namespace tandem::opcua {

// OPC 10000-11, 6.4.2 ReadEventDetails.
struct ReadEventDetails
{
    static constexpr quint32 BinaryEncodingId = 646;
    quint32 numValuesPerNode = 0; // 0: all
    DateTime startTime;
    DateTime endTime;
    EventFilter filter;
    TANDEM_OPCUA_FIELDS(numValuesPerNode, startTime, endTime, filter)
};

// OPC 10000-11, 6.4.3 ReadRawModifiedDetails.
struct ReadRawModifiedDetails
{
    static constexpr quint32 BinaryEncodingId = 649;
    bool isReadModified = false;
    DateTime startTime;
    DateTime endTime;
    quint32 numValuesPerNode = 0; // 0: all
    bool returnBounds = false;
    TANDEM_OPCUA_FIELDS(isReadModified, startTime, endTime, numValuesPerNode, returnBounds)
};

// OPC 10000-13, 4.2.1.2 AggregateConfiguration.
struct AggregateConfiguration
{
    static constexpr quint32 BinaryEncodingId = 950;
    bool useServerCapabilitiesDefaults = true;
    bool treatUncertainAsBad = true;
    quint8 percentDataBad = 100;
    quint8 percentDataGood = 100;
    bool useSlopedExtrapolation = false;
    TANDEM_OPCUA_FIELDS(useServerCapabilitiesDefaults, treatUncertainAsBad, percentDataBad,
                        percentDataGood, useSlopedExtrapolation)
};

// OPC 10000-11, 6.4.4 ReadProcessedDetails: aggregateType has one entry per node read.
struct ReadProcessedDetails
{
    static constexpr quint32 BinaryEncodingId = 652;
    DateTime startTime;
    DateTime endTime;
    double processingInterval = 0; // ms; 0: one interval from start to end
    QList<NodeId> aggregateType;
    AggregateConfiguration aggregateConfiguration;
    TANDEM_OPCUA_FIELDS(startTime, endTime, processingInterval, aggregateType,
                        aggregateConfiguration)
};

// OPC 10000-11, 6.4.5 ReadAtTimeDetails.
struct ReadAtTimeDetails
{
    static constexpr quint32 BinaryEncodingId = 655;
    QList<DateTime> reqTimes;
    bool useSimpleBounds = false;
    TANDEM_OPCUA_FIELDS(reqTimes, useSimpleBounds)
};

struct HistoryReadValueId
{
    static constexpr quint32 BinaryEncodingId = 637;
    NodeId nodeId;
    QString indexRange;
    QualifiedName dataEncoding;
    QByteArray continuationPoint; // empty: a new read
    TANDEM_OPCUA_FIELDS(nodeId, indexRange, dataEncoding, continuationPoint)
};

struct HistoryReadRequest
{
    static constexpr quint32 BinaryEncodingId = 664;
    RequestHeader requestHeader;
    ExtensionObject historyReadDetails; // one of the Read*Details above
    TimestampsToReturn timestampsToReturn = TimestampsToReturn::Source;
    bool releaseContinuationPoints = false;
    QList<HistoryReadValueId> nodesToRead;
    TANDEM_OPCUA_FIELDS(requestHeader, historyReadDetails, timestampsToReturn,
                        releaseContinuationPoints, nodesToRead)
};

struct HistoryReadResult
{
    static constexpr quint32 BinaryEncodingId = 640;
    StatusCode statusCode;
    QByteArray continuationPoint; // non-empty: more to read
    ExtensionObject historyData;  // HistoryData, HistoryModifiedData or HistoryEvent
    TANDEM_OPCUA_FIELDS(statusCode, continuationPoint, historyData)
};

struct HistoryReadResponse
{
    static constexpr quint32 BinaryEncodingId = 667;
    ResponseHeader responseHeader;
    QList<HistoryReadResult> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

// OPC 10000-11, 6.5.2 HistoryData.
struct HistoryData
{
    static constexpr quint32 BinaryEncodingId = 658;
    QList<DataValue> dataValues;
    TANDEM_OPCUA_FIELDS(dataValues)
};

enum class HistoryUpdateType : qint32
{
    Insert = 1,
    Replace = 2,
    Update = 3,
    Delete = 4,
};

// OPC 10000-11, 6.5.3 HistoryModifiedData: one ModificationInfo per value.
struct ModificationInfo
{
    static constexpr quint32 BinaryEncodingId = 11226;
    DateTime modificationTime;
    HistoryUpdateType updateType = HistoryUpdateType::Insert;
    QString userName;
    TANDEM_OPCUA_FIELDS(modificationTime, updateType, userName)
};

struct HistoryModifiedData
{
    static constexpr quint32 BinaryEncodingId = 11227;
    QList<DataValue> dataValues;
    QList<ModificationInfo> modificationInfos;
    TANDEM_OPCUA_FIELDS(dataValues, modificationInfos)
};

// OPC 10000-11, 6.5.4 HistoryEvent: each event's fields in the order of the select clauses.
struct HistoryEventFieldList
{
    static constexpr quint32 BinaryEncodingId = 922;
    QList<Variant> eventFields;
    TANDEM_OPCUA_FIELDS(eventFields)
};

struct HistoryEvent
{
    static constexpr quint32 BinaryEncodingId = 661;
    QList<HistoryEventFieldList> events;
    TANDEM_OPCUA_FIELDS(events)
};

enum class PerformUpdateType : qint32
{
    Insert = 1,
    Replace = 2,
    Update = 3,
    Remove = 4,
};

// OPC 10000-11, 6.8.2 UpdateDataDetails. The other update details (UpdateStructureData
// 11300, UpdateEvent 685, DeleteRawModified 688, DeleteAtTime 691, DeleteEvent 694) pass
// through the proxy unopened.
struct UpdateDataDetails
{
    static constexpr quint32 BinaryEncodingId = 682;
    NodeId nodeId;
    PerformUpdateType performInsertReplace = PerformUpdateType::Insert;
    QList<DataValue> updateValues;
    TANDEM_OPCUA_FIELDS(nodeId, performInsertReplace, updateValues)
};

struct HistoryUpdateRequest
{
    static constexpr quint32 BinaryEncodingId = 700;
    RequestHeader requestHeader;
    QList<ExtensionObject> historyUpdateDetails;
    TANDEM_OPCUA_FIELDS(requestHeader, historyUpdateDetails)
};

struct HistoryUpdateResult
{
    static constexpr quint32 BinaryEncodingId = 697;
    StatusCode statusCode;
    QList<StatusCode> operationResults;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(statusCode, operationResults, diagnosticInfos)
};

struct HistoryUpdateResponse
{
    static constexpr quint32 BinaryEncodingId = 703;
    ResponseHeader responseHeader;
    QList<HistoryUpdateResult> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

} // namespace tandem::opcua
