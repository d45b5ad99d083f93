#pragma once

// The monitored item service set (OPC 10000-4, 5.12).

#include "attributeservices.h"

namespace tandem::opcua {

enum class MonitoringMode : qint32
{
    Disabled = 0,
    Sampling = 1,
    Reporting = 2,
};

enum class DataChangeTrigger : qint32
{
    Status = 0,
    StatusValue = 1,
    StatusValueTimestamp = 2,
};

struct DataChangeFilter
{
    static constexpr quint32 BinaryEncodingId = 724;
    DataChangeTrigger trigger = DataChangeTrigger::StatusValue;
    quint32 deadbandType = 0; // None
    double deadbandValue = 0;
    TANDEM_OPCUA_FIELDS(trigger, deadbandType, deadbandValue)
};

struct MonitoringParameters
{
    quint32 clientHandle = 0;
    double samplingInterval = -1; // -1: the publishing interval
    ExtensionObject filter;
    quint32 queueSize = 1;
    bool discardOldest = true;
    TANDEM_OPCUA_FIELDS(clientHandle, samplingInterval, filter, queueSize, discardOldest)
};

struct MonitoredItemCreateRequest
{
    ReadValueId itemToMonitor;
    MonitoringMode monitoringMode = MonitoringMode::Reporting;
    MonitoringParameters requestedParameters;
    TANDEM_OPCUA_FIELDS(itemToMonitor, monitoringMode, requestedParameters)
};

struct MonitoredItemCreateResult
{
    StatusCode statusCode;
    quint32 monitoredItemId = 0;
    double revisedSamplingInterval = 0;
    quint32 revisedQueueSize = 0;
    ExtensionObject filterResult;
    TANDEM_OPCUA_FIELDS(statusCode, monitoredItemId, revisedSamplingInterval, revisedQueueSize,
                        filterResult)
};

struct CreateMonitoredItemsRequest
{
    static constexpr quint32 BinaryEncodingId = 751;
    RequestHeader requestHeader;
    quint32 subscriptionId = 0;
    TimestampsToReturn timestampsToReturn = TimestampsToReturn::Source;
    QList<MonitoredItemCreateRequest> itemsToCreate;
    TANDEM_OPCUA_FIELDS(requestHeader, subscriptionId, timestampsToReturn, itemsToCreate)
};

struct CreateMonitoredItemsResponse
{
    static constexpr quint32 BinaryEncodingId = 754;
    ResponseHeader responseHeader;
    QList<MonitoredItemCreateResult> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

struct MonitoredItemModifyRequest
{
    quint32 monitoredItemId = 0;
    MonitoringParameters requestedParameters;
    TANDEM_OPCUA_FIELDS(monitoredItemId, requestedParameters)
};

struct MonitoredItemModifyResult
{
    StatusCode statusCode;
    double revisedSamplingInterval = 0;
    quint32 revisedQueueSize = 0;
    ExtensionObject filterResult;
    TANDEM_OPCUA_FIELDS(statusCode, revisedSamplingInterval, revisedQueueSize, filterResult)
};

struct ModifyMonitoredItemsRequest
{
    static constexpr quint32 BinaryEncodingId = 763;
    RequestHeader requestHeader;
    quint32 subscriptionId = 0;
    TimestampsToReturn timestampsToReturn = TimestampsToReturn::Source;
    QList<MonitoredItemModifyRequest> itemsToModify;
    TANDEM_OPCUA_FIELDS(requestHeader, subscriptionId, timestampsToReturn, itemsToModify)
};

struct ModifyMonitoredItemsResponse
{
    static constexpr quint32 BinaryEncodingId = 766;
    ResponseHeader responseHeader;
    QList<MonitoredItemModifyResult> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

struct SetMonitoringModeRequest
{
    static constexpr quint32 BinaryEncodingId = 769;
    RequestHeader requestHeader;
    quint32 subscriptionId = 0;
    MonitoringMode monitoringMode = MonitoringMode::Reporting;
    QList<quint32> monitoredItemIds;
    TANDEM_OPCUA_FIELDS(requestHeader, subscriptionId, monitoringMode, monitoredItemIds)
};

struct SetMonitoringModeResponse
{
    static constexpr quint32 BinaryEncodingId = 772;
    ResponseHeader responseHeader;
    QList<StatusCode> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

struct DeleteMonitoredItemsRequest
{
    static constexpr quint32 BinaryEncodingId = 781;
    RequestHeader requestHeader;
    quint32 subscriptionId = 0;
    QList<quint32> monitoredItemIds;
    TANDEM_OPCUA_FIELDS(requestHeader, subscriptionId, monitoredItemIds)
};

struct DeleteMonitoredItemsResponse
{
    static constexpr quint32 BinaryEncodingId = 784;
    ResponseHeader responseHeader;
    QList<StatusCode> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

} // namespace tandem::opcua
