#pragma once

// The method service set (OPC 10000-4, 5.11): Call, and the Argument structure that
// describes a method's input and output arguments (OPC 10000-3, 8.6).

#include "servicecommon.h"

namespace tandem::opcua {

// One method to call on one object (OPC 10000-4, 5.11.2.2).
struct CallMethodRequest
{
    NodeId objectId;
    NodeId methodId;
    QList<Variant> inputArguments;
    TANDEM_OPCUA_FIELDS(objectId, methodId, inputArguments)
};

struct CallMethodResult
{
    StatusCode statusCode;
    QList<StatusCode> inputArgumentResults;
    QList<DiagnosticInfo> inputArgumentDiagnosticInfos;
    QList<Variant> outputArguments;
    TANDEM_OPCUA_FIELDS(statusCode, inputArgumentResults, inputArgumentDiagnosticInfos,
                        outputArguments)
};

struct CallRequest
{
    static constexpr quint32 BinaryEncodingId = 712;
    RequestHeader requestHeader;
    QList<CallMethodRequest> methodsToCall;
    TANDEM_OPCUA_FIELDS(requestHeader, methodsToCall)
};

struct CallResponse
{
    static constexpr quint32 BinaryEncodingId = 715;
    ResponseHeader responseHeader;
    QList<CallMethodResult> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

// A method argument's description (OPC 10000-3, 8.6; DataType i=296), the elements of an
// InputArguments or OutputArguments property.
struct Argument
{
    static constexpr quint32 DataTypeId = 296;
    static constexpr quint32 BinaryEncodingId = 298;
    QString name;
    NodeId dataType;
    qint32 valueRank = -1; // -1: a scalar
    QList<quint32> arrayDimensions;
    LocalizedText description;
    TANDEM_OPCUA_FIELDS(name, dataType, valueRank, arrayDimensions, description)
};

} // namespace tandem::opcua
