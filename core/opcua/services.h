#pragma once

// The structures of the OPC UA services Tandem uses (OPC 10000-4, clause 5 and 7) and
// their OPC UA Binary encoding. Each structure names its fields once, in wire order, with
// TANDEM_OPCUA_FIELDS; encode() and decode() walk that list, so a structure is declared
// and never hand-encoded. Messages carry their DefaultBinary encoding id as
// BinaryEncodingId; encodeMessage() prefixes a body with it as the Secure Conversation
// requires, and fromExtensionObject() decodes the known structures inside an
// ExtensionObject (identity tokens, filters, notifications, ServerStatus).

#include "binarycodec.h"
#include "statuscodes.h"
#include "types.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <concepts>
#include <optional>
#include <type_traits>

namespace tandem::opcua {

#define TANDEM_OPCUA_FIELDS(...)                                                                   \
    template <typename V> void visitFields(V &&visitor)                                            \
    {                                                                                              \
        visitor(__VA_ARGS__);                                                                      \
    }                                                                                              \
    template <typename V> void visitFields(V &&visitor) const                                      \
    {                                                                                              \
        visitor(__VA_ARGS__);                                                                      \
    }

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

enum class MessageSecurityMode : qint32
{
    Invalid = 0,
    None = 1,
    Sign = 2,
    SignAndEncrypt = 3,
};

enum class SecurityTokenRequestType : qint32
{
    Issue = 0,
    Renew = 1,
};

enum class ApplicationType : qint32
{
    Server = 0,
    Client = 1,
    ClientAndServer = 2,
    DiscoveryServer = 3,
};

enum class UserTokenType : qint32
{
    Anonymous = 0,
    UserName = 1,
    Certificate = 2,
    IssuedToken = 3,
};

enum class TimestampsToReturn : qint32
{
    Source = 0,
    Server = 1,
    Both = 2,
    Neither = 3,
};

enum class BrowseDirection : qint32
{
    Forward = 0,
    Inverse = 1,
    Both = 2,
};

// NodeClass values are bits, so a browse can ask for several in nodeClassMask.
enum class NodeClass : qint32
{
    Unspecified = 0,
    Object = 1,
    Variable = 2,
    Method = 4,
    ObjectType = 8,
    VariableType = 16,
    ReferenceType = 32,
    DataType = 64,
    View = 128,
};

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

enum class ServerState : qint32
{
    Running = 0,
    Failed = 1,
    NoConfiguration = 2,
    Suspended = 3,
    Shutdown = 4,
    Test = 5,
    CommunicationFault = 6,
    Unknown = 7,
};
QString serverStateName(ServerState state); // "Running", ..., "state 9"

// BrowseDescription.resultMask bits (OPC 10000-4, 5.8.2.2).
namespace BrowseResultMask {
constexpr quint32 ReferenceTypeId = 1;
constexpr quint32 IsForward = 2;
constexpr quint32 NodeClass = 4;
constexpr quint32 BrowseName = 8;
constexpr quint32 DisplayName = 16;
constexpr quint32 TypeDefinition = 32;
constexpr quint32 All = 63;
} // namespace BrowseResultMask

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

// Secure channel (OPC 10000-4, 5.5).

struct ChannelSecurityToken
{
    quint32 channelId = 0;
    quint32 tokenId = 0;
    DateTime createdAt;
    quint32 revisedLifetime = 0; // ms
    TANDEM_OPCUA_FIELDS(channelId, tokenId, createdAt, revisedLifetime)
};

struct OpenSecureChannelRequest
{
    static constexpr quint32 BinaryEncodingId = 446;
    RequestHeader requestHeader;
    quint32 clientProtocolVersion = 0;
    SecurityTokenRequestType requestType = SecurityTokenRequestType::Issue;
    MessageSecurityMode securityMode = MessageSecurityMode::None;
    QByteArray clientNonce;
    quint32 requestedLifetime = 0; // ms
    TANDEM_OPCUA_FIELDS(requestHeader, clientProtocolVersion, requestType, securityMode,
                        clientNonce, requestedLifetime)
};

struct OpenSecureChannelResponse
{
    static constexpr quint32 BinaryEncodingId = 449;
    ResponseHeader responseHeader;
    quint32 serverProtocolVersion = 0;
    ChannelSecurityToken securityToken;
    QByteArray serverNonce;
    TANDEM_OPCUA_FIELDS(responseHeader, serverProtocolVersion, securityToken, serverNonce)
};

struct CloseSecureChannelRequest
{
    static constexpr quint32 BinaryEncodingId = 452;
    RequestHeader requestHeader;
    TANDEM_OPCUA_FIELDS(requestHeader)
};

struct CloseSecureChannelResponse
{
    static constexpr quint32 BinaryEncodingId = 455;
    ResponseHeader responseHeader;
    TANDEM_OPCUA_FIELDS(responseHeader)
};

// Discovery (5.4).

struct ApplicationDescription
{
    static constexpr quint32 BinaryEncodingId = 310;
    QString applicationUri;
    QString productUri;
    LocalizedText applicationName;
    ApplicationType applicationType = ApplicationType::Client;
    QString gatewayServerUri;
    QString discoveryProfileUri;
    QList<QString> discoveryUrls;
    TANDEM_OPCUA_FIELDS(applicationUri, productUri, applicationName, applicationType,
                        gatewayServerUri, discoveryProfileUri, discoveryUrls)
};

struct UserTokenPolicy
{
    static constexpr quint32 BinaryEncodingId = 306;
    QString policyId;
    UserTokenType tokenType = UserTokenType::Anonymous;
    QString issuedTokenType;
    QString issuerEndpointUrl;
    QString securityPolicyUri; // empty: the endpoint's policy
    TANDEM_OPCUA_FIELDS(policyId, tokenType, issuedTokenType, issuerEndpointUrl, securityPolicyUri)
};

struct EndpointDescription
{
    static constexpr quint32 BinaryEncodingId = 314;
    QString endpointUrl;
    ApplicationDescription server;
    QByteArray serverCertificate;
    MessageSecurityMode securityMode = MessageSecurityMode::None;
    QString securityPolicyUri;
    QList<UserTokenPolicy> userIdentityTokens;
    QString transportProfileUri;
    quint8 securityLevel = 0;
    TANDEM_OPCUA_FIELDS(endpointUrl, server, serverCertificate, securityMode, securityPolicyUri,
                        userIdentityTokens, transportProfileUri, securityLevel)
};

struct FindServersRequest
{
    static constexpr quint32 BinaryEncodingId = 422;
    RequestHeader requestHeader;
    QString endpointUrl;
    QList<QString> localeIds;
    QList<QString> serverUris;
    TANDEM_OPCUA_FIELDS(requestHeader, endpointUrl, localeIds, serverUris)
};

struct FindServersResponse
{
    static constexpr quint32 BinaryEncodingId = 425;
    ResponseHeader responseHeader;
    QList<ApplicationDescription> servers;
    TANDEM_OPCUA_FIELDS(responseHeader, servers)
};

struct GetEndpointsRequest
{
    static constexpr quint32 BinaryEncodingId = 428;
    RequestHeader requestHeader;
    QString endpointUrl;
    QList<QString> localeIds;
    QList<QString> profileUris;
    TANDEM_OPCUA_FIELDS(requestHeader, endpointUrl, localeIds, profileUris)
};

struct GetEndpointsResponse
{
    static constexpr quint32 BinaryEncodingId = 431;
    ResponseHeader responseHeader;
    QList<EndpointDescription> endpoints;
    TANDEM_OPCUA_FIELDS(responseHeader, endpoints)
};

// Session (5.6).

struct SignedSoftwareCertificate
{
    QByteArray certificateData;
    QByteArray signature;
    TANDEM_OPCUA_FIELDS(certificateData, signature)
};

struct SignatureData
{
    QString algorithm;
    QByteArray signature;
    TANDEM_OPCUA_FIELDS(algorithm, signature)
};

struct CreateSessionRequest
{
    static constexpr quint32 BinaryEncodingId = 461;
    RequestHeader requestHeader;
    ApplicationDescription clientDescription;
    QString serverUri;
    QString endpointUrl;
    QString sessionName;
    QByteArray clientNonce;
    QByteArray clientCertificate;
    double requestedSessionTimeout = 0; // ms
    quint32 maxResponseMessageSize = 0;
    TANDEM_OPCUA_FIELDS(requestHeader, clientDescription, serverUri, endpointUrl, sessionName,
                        clientNonce, clientCertificate, requestedSessionTimeout,
                        maxResponseMessageSize)
};

struct CreateSessionResponse
{
    static constexpr quint32 BinaryEncodingId = 464;
    ResponseHeader responseHeader;
    NodeId sessionId;
    NodeId authenticationToken;
    double revisedSessionTimeout = 0;
    QByteArray serverNonce;
    QByteArray serverCertificate;
    QList<EndpointDescription> serverEndpoints;
    QList<SignedSoftwareCertificate> serverSoftwareCertificates;
    SignatureData serverSignature;
    quint32 maxRequestMessageSize = 0;
    TANDEM_OPCUA_FIELDS(responseHeader, sessionId, authenticationToken, revisedSessionTimeout,
                        serverNonce, serverCertificate, serverEndpoints, serverSoftwareCertificates,
                        serverSignature, maxRequestMessageSize)
};

struct AnonymousIdentityToken
{
    static constexpr quint32 BinaryEncodingId = 321;
    QString policyId;
    TANDEM_OPCUA_FIELDS(policyId)
};

struct UserNameIdentityToken
{
    static constexpr quint32 BinaryEncodingId = 324;
    QString policyId;
    QString userName;
    QByteArray password; // UTF-8, in clear text when encryptionAlgorithm is empty
    QString encryptionAlgorithm;
    TANDEM_OPCUA_FIELDS(policyId, userName, password, encryptionAlgorithm)
};

struct ActivateSessionRequest
{
    static constexpr quint32 BinaryEncodingId = 467;
    RequestHeader requestHeader;
    SignatureData clientSignature;
    QList<SignedSoftwareCertificate> clientSoftwareCertificates;
    QList<QString> localeIds;
    ExtensionObject userIdentityToken;
    SignatureData userTokenSignature;
    TANDEM_OPCUA_FIELDS(requestHeader, clientSignature, clientSoftwareCertificates, localeIds,
                        userIdentityToken, userTokenSignature)
};

struct ActivateSessionResponse
{
    static constexpr quint32 BinaryEncodingId = 470;
    ResponseHeader responseHeader;
    QByteArray serverNonce;
    QList<StatusCode> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, serverNonce, results, diagnosticInfos)
};

struct CloseSessionRequest
{
    static constexpr quint32 BinaryEncodingId = 473;
    RequestHeader requestHeader;
    bool deleteSubscriptions = true;
    TANDEM_OPCUA_FIELDS(requestHeader, deleteSubscriptions)
};

struct CloseSessionResponse
{
    static constexpr quint32 BinaryEncodingId = 476;
    ResponseHeader responseHeader;
    TANDEM_OPCUA_FIELDS(responseHeader)
};

// Attribute services (5.10).

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

// View services (5.8).

struct ViewDescription
{
    NodeId viewId;
    DateTime timestamp;
    quint32 viewVersion = 0;
    TANDEM_OPCUA_FIELDS(viewId, timestamp, viewVersion)
};

struct BrowseDescription
{
    // The hierarchical children of a node, every class, every result field.
    static BrowseDescription childrenOf(const NodeId &node)
    {
        BrowseDescription description;
        description.nodeId = node;
        return description;
    }

    NodeId nodeId;
    BrowseDirection browseDirection = BrowseDirection::Forward;
    NodeId referenceTypeId{0, Id::HierarchicalReferences};
    bool includeSubtypes = true;
    quint32 nodeClassMask = 0; // 0: every class
    quint32 resultMask = BrowseResultMask::All;
    TANDEM_OPCUA_FIELDS(nodeId, browseDirection, referenceTypeId, includeSubtypes, nodeClassMask,
                        resultMask)
};

struct ReferenceDescription
{
    NodeId referenceTypeId;
    bool isForward = true;
    ExpandedNodeId nodeId;
    QualifiedName browseName;
    LocalizedText displayName;
    NodeClass nodeClass = NodeClass::Unspecified;
    ExpandedNodeId typeDefinition;
    TANDEM_OPCUA_FIELDS(referenceTypeId, isForward, nodeId, browseName, displayName, nodeClass,
                        typeDefinition)
};

struct BrowseResult
{
    StatusCode statusCode;
    QByteArray continuationPoint; // non-empty: BrowseNext has more
    QList<ReferenceDescription> references;
    TANDEM_OPCUA_FIELDS(statusCode, continuationPoint, references)
};

struct BrowseRequest
{
    static constexpr quint32 BinaryEncodingId = 527;
    RequestHeader requestHeader;
    ViewDescription view;
    quint32 requestedMaxReferencesPerNode = 0; // 0: the server decides
    QList<BrowseDescription> nodesToBrowse;
    TANDEM_OPCUA_FIELDS(requestHeader, view, requestedMaxReferencesPerNode, nodesToBrowse)
};

struct BrowseResponse
{
    static constexpr quint32 BinaryEncodingId = 530;
    ResponseHeader responseHeader;
    QList<BrowseResult> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

struct BrowseNextRequest
{
    static constexpr quint32 BinaryEncodingId = 533;
    RequestHeader requestHeader;
    bool releaseContinuationPoints = false;
    QList<QByteArray> continuationPoints;
    TANDEM_OPCUA_FIELDS(requestHeader, releaseContinuationPoints, continuationPoints)
};

struct BrowseNextResponse
{
    static constexpr quint32 BinaryEncodingId = 536;
    ResponseHeader responseHeader;
    QList<BrowseResult> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

struct RelativePathElement
{
    NodeId referenceTypeId;
    bool isInverse = false;
    bool includeSubtypes = true;
    QualifiedName targetName;
    TANDEM_OPCUA_FIELDS(referenceTypeId, isInverse, includeSubtypes, targetName)
};

struct RelativePath
{
    QList<RelativePathElement> elements;
    TANDEM_OPCUA_FIELDS(elements)
};

struct BrowsePath
{
    NodeId startingNode;
    RelativePath relativePath;
    TANDEM_OPCUA_FIELDS(startingNode, relativePath)
};

struct BrowsePathTarget
{
    ExpandedNodeId targetId;
    quint32 remainingPathIndex = 0;
    TANDEM_OPCUA_FIELDS(targetId, remainingPathIndex)
};

struct BrowsePathResult
{
    StatusCode statusCode;
    QList<BrowsePathTarget> targets;
    TANDEM_OPCUA_FIELDS(statusCode, targets)
};

struct TranslateBrowsePathsToNodeIdsRequest
{
    static constexpr quint32 BinaryEncodingId = 554;
    RequestHeader requestHeader;
    QList<BrowsePath> browsePaths;
    TANDEM_OPCUA_FIELDS(requestHeader, browsePaths)
};

struct TranslateBrowsePathsToNodeIdsResponse
{
    static constexpr quint32 BinaryEncodingId = 557;
    ResponseHeader responseHeader;
    QList<BrowsePathResult> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

// Monitored items (5.12).

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

// Subscriptions (5.13).

struct CreateSubscriptionRequest
{
    static constexpr quint32 BinaryEncodingId = 787;
    RequestHeader requestHeader;
    double requestedPublishingInterval = 1000; // ms
    quint32 requestedLifetimeCount = 60;
    quint32 requestedMaxKeepAliveCount = 10;
    quint32 maxNotificationsPerPublish = 0; // 0: no limit
    bool publishingEnabled = true;
    quint8 priority = 0;
    TANDEM_OPCUA_FIELDS(requestHeader, requestedPublishingInterval, requestedLifetimeCount,
                        requestedMaxKeepAliveCount, maxNotificationsPerPublish, publishingEnabled,
                        priority)
};

struct CreateSubscriptionResponse
{
    static constexpr quint32 BinaryEncodingId = 790;
    ResponseHeader responseHeader;
    quint32 subscriptionId = 0;
    double revisedPublishingInterval = 0;
    quint32 revisedLifetimeCount = 0;
    quint32 revisedMaxKeepAliveCount = 0;
    TANDEM_OPCUA_FIELDS(responseHeader, subscriptionId, revisedPublishingInterval,
                        revisedLifetimeCount, revisedMaxKeepAliveCount)
};

struct ModifySubscriptionRequest
{
    static constexpr quint32 BinaryEncodingId = 793;
    RequestHeader requestHeader;
    quint32 subscriptionId = 0;
    double requestedPublishingInterval = 1000;
    quint32 requestedLifetimeCount = 60;
    quint32 requestedMaxKeepAliveCount = 10;
    quint32 maxNotificationsPerPublish = 0;
    quint8 priority = 0;
    TANDEM_OPCUA_FIELDS(requestHeader, subscriptionId, requestedPublishingInterval,
                        requestedLifetimeCount, requestedMaxKeepAliveCount,
                        maxNotificationsPerPublish, priority)
};

struct ModifySubscriptionResponse
{
    static constexpr quint32 BinaryEncodingId = 796;
    ResponseHeader responseHeader;
    double revisedPublishingInterval = 0;
    quint32 revisedLifetimeCount = 0;
    quint32 revisedMaxKeepAliveCount = 0;
    TANDEM_OPCUA_FIELDS(responseHeader, revisedPublishingInterval, revisedLifetimeCount,
                        revisedMaxKeepAliveCount)
};

struct SetPublishingModeRequest
{
    static constexpr quint32 BinaryEncodingId = 799;
    RequestHeader requestHeader;
    bool publishingEnabled = true;
    QList<quint32> subscriptionIds;
    TANDEM_OPCUA_FIELDS(requestHeader, publishingEnabled, subscriptionIds)
};

struct SetPublishingModeResponse
{
    static constexpr quint32 BinaryEncodingId = 802;
    ResponseHeader responseHeader;
    QList<StatusCode> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

struct MonitoredItemNotification
{
    quint32 clientHandle = 0;
    DataValue value;
    TANDEM_OPCUA_FIELDS(clientHandle, value)
};

struct DataChangeNotification
{
    static constexpr quint32 BinaryEncodingId = 811;
    QList<MonitoredItemNotification> monitoredItems;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(monitoredItems, diagnosticInfos)
};

struct StatusChangeNotification
{
    static constexpr quint32 BinaryEncodingId = 820;
    StatusCode status;
    DiagnosticInfo diagnosticInfo;
    TANDEM_OPCUA_FIELDS(status, diagnosticInfo)
};

struct NotificationMessage
{
    quint32 sequenceNumber = 0;
    DateTime publishTime;
    QList<ExtensionObject> notificationData; // DataChange, StatusChange or EventNotificationList
    TANDEM_OPCUA_FIELDS(sequenceNumber, publishTime, notificationData)
};

struct SubscriptionAcknowledgement
{
    quint32 subscriptionId = 0;
    quint32 sequenceNumber = 0;
    TANDEM_OPCUA_FIELDS(subscriptionId, sequenceNumber)
};

struct PublishRequest
{
    static constexpr quint32 BinaryEncodingId = 826;
    RequestHeader requestHeader;
    QList<SubscriptionAcknowledgement> subscriptionAcknowledgements;
    TANDEM_OPCUA_FIELDS(requestHeader, subscriptionAcknowledgements)
};

struct PublishResponse
{
    static constexpr quint32 BinaryEncodingId = 829;
    ResponseHeader responseHeader;
    quint32 subscriptionId = 0;
    QList<quint32> availableSequenceNumbers;
    bool moreNotifications = false;
    NotificationMessage notificationMessage;
    QList<StatusCode> results; // one per acknowledgement
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, subscriptionId, availableSequenceNumbers, moreNotifications,
                        notificationMessage, results, diagnosticInfos)
};

struct RepublishRequest
{
    static constexpr quint32 BinaryEncodingId = 832;
    RequestHeader requestHeader;
    quint32 subscriptionId = 0;
    quint32 retransmitSequenceNumber = 0;
    TANDEM_OPCUA_FIELDS(requestHeader, subscriptionId, retransmitSequenceNumber)
};

struct RepublishResponse
{
    static constexpr quint32 BinaryEncodingId = 835;
    ResponseHeader responseHeader;
    NotificationMessage notificationMessage;
    TANDEM_OPCUA_FIELDS(responseHeader, notificationMessage)
};

struct DeleteSubscriptionsRequest
{
    static constexpr quint32 BinaryEncodingId = 847;
    RequestHeader requestHeader;
    QList<quint32> subscriptionIds;
    TANDEM_OPCUA_FIELDS(requestHeader, subscriptionIds)
};

struct DeleteSubscriptionsResponse
{
    static constexpr quint32 BinaryEncodingId = 850;
    ResponseHeader responseHeader;
    QList<StatusCode> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

// The Server object's status (OPC 10000-5, 12.10 and 12.4).

struct BuildInfo
{
    static constexpr quint32 BinaryEncodingId = 340;
    QString productUri;
    QString manufacturerName;
    QString productName;
    QString softwareVersion;
    QString buildNumber;
    DateTime buildDate;
    TANDEM_OPCUA_FIELDS(productUri, manufacturerName, productName, softwareVersion, buildNumber,
                        buildDate)
};

struct ServerStatusDataType
{
    static constexpr quint32 BinaryEncodingId = 864;
    DateTime startTime;
    DateTime currentTime;
    ServerState state = ServerState::Running;
    BuildInfo buildInfo;
    quint32 secondsTillShutdown = 0;
    LocalizedText shutdownReason;
    TANDEM_OPCUA_FIELDS(startTime, currentTime, state, buildInfo, secondsTillShutdown,
                        shutdownReason)
};

// Generic encoding of the structures above, element types and QList arrays.
template <typename T>
concept Structure = requires(const T &value)
{
    value.visitFields([](const auto &...) {});
};

template <typename T> struct IsList : std::false_type
{
};
template <typename T> struct IsList<QList<T>> : std::true_type
{
    using Element = T;
};

template <typename T> void encode(Writer &w, const T &value);
template <typename T> void decode(Reader &r, T &value);

template <typename T> void encode(Writer &w, const T &value)
{
    if constexpr (std::is_same_v<T, bool>)
        w.writeBoolean(value);
    else if constexpr (std::is_same_v<T, quint8>)
        w.writeByte(value);
    else if constexpr (std::is_same_v<T, quint16>)
        w.writeUInt16(value);
    else if constexpr (std::is_same_v<T, qint32>)
        w.writeInt32(value);
    else if constexpr (std::is_same_v<T, quint32>)
        w.writeUInt32(value);
    else if constexpr (std::is_same_v<T, double>)
        w.writeDouble(value);
    else if constexpr (std::is_same_v<T, QString>)
        w.writeString(value);
    else if constexpr (std::is_same_v<T, QByteArray>)
        w.writeByteString(value);
    else if constexpr (std::is_enum_v<T>)
        w.writeInt32(qint32(value));
    else if constexpr (std::is_same_v<T, DateTime>)
        writeDateTime(w, value);
    else if constexpr (std::is_same_v<T, NodeId>)
        writeNodeId(w, value);
    else if constexpr (std::is_same_v<T, ExpandedNodeId>)
        writeExpandedNodeId(w, value);
    else if constexpr (std::is_same_v<T, StatusCode>)
        writeStatusCode(w, value);
    else if constexpr (std::is_same_v<T, QualifiedName>)
        writeQualifiedName(w, value);
    else if constexpr (std::is_same_v<T, LocalizedText>)
        writeLocalizedText(w, value);
    else if constexpr (std::is_same_v<T, ExtensionObject>)
        writeExtensionObject(w, value);
    else if constexpr (std::is_same_v<T, DataValue>)
        writeDataValue(w, value);
    else if constexpr (std::is_same_v<T, Variant>)
        writeVariant(w, value);
    else if constexpr (std::is_same_v<T, DiagnosticInfo>)
        writeDiagnosticInfo(w, value);
    else if constexpr (IsList<T>::value) {
        w.writeInt32(qint32(value.size()));
        for (const auto &element : value)
            encode(w, element);
    } else {
        static_assert(Structure<T>, "not an OPC UA type this codec knows");
        value.visitFields([&w](const auto &...fields) { (encode(w, fields), ...); });
    }
}

// The fewest bytes one element of T takes on the wire, so an array length can be checked
// against the bytes left before anything is allocated.
template <typename T> constexpr qsizetype minEncodedSize()
{
    if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, quint8>)
        return 1;
    else if constexpr (std::is_same_v<T, quint16>)
        return 2;
    else if constexpr (std::is_same_v<T, qint32> || std::is_same_v<T, quint32> ||
                       std::is_same_v<T, StatusCode> || std::is_enum_v<T> ||
                       std::is_same_v<T, QString> || std::is_same_v<T, QByteArray>)
        return 4;
    else if constexpr (std::is_same_v<T, double> || std::is_same_v<T, DateTime>)
        return 8;
    else
        return 1;
}

// Elements a list decoder reserves up front at most, whatever its length says.
constexpr qint32 MaxListReservation = 256;

template <typename T> void decode(Reader &r, T &value)
{
    if constexpr (std::is_same_v<T, bool>)
        value = r.readBoolean();
    else if constexpr (std::is_same_v<T, quint8>)
        value = r.readByte();
    else if constexpr (std::is_same_v<T, quint16>)
        value = r.readUInt16();
    else if constexpr (std::is_same_v<T, qint32>)
        value = r.readInt32();
    else if constexpr (std::is_same_v<T, quint32>)
        value = r.readUInt32();
    else if constexpr (std::is_same_v<T, double>)
        value = r.readDouble();
    else if constexpr (std::is_same_v<T, QString>)
        value = r.readString();
    else if constexpr (std::is_same_v<T, QByteArray>)
        value = r.readByteString();
    else if constexpr (std::is_enum_v<T>)
        value = T(r.readInt32()); // unknown values are kept; users compare, never index
    else if constexpr (std::is_same_v<T, DateTime>)
        value = readDateTime(r);
    else if constexpr (std::is_same_v<T, NodeId>)
        value = readNodeId(r);
    else if constexpr (std::is_same_v<T, ExpandedNodeId>)
        value = readExpandedNodeId(r);
    else if constexpr (std::is_same_v<T, StatusCode>)
        value = readStatusCode(r);
    else if constexpr (std::is_same_v<T, QualifiedName>)
        value = readQualifiedName(r);
    else if constexpr (std::is_same_v<T, LocalizedText>)
        value = readLocalizedText(r);
    else if constexpr (std::is_same_v<T, ExtensionObject>)
        value = readExtensionObject(r);
    else if constexpr (std::is_same_v<T, DataValue>)
        value = readDataValue(r);
    else if constexpr (std::is_same_v<T, Variant>)
        value = readVariant(r);
    else if constexpr (std::is_same_v<T, DiagnosticInfo>)
        value = readDiagnosticInfo(r);
    else if constexpr (IsList<T>::value) {
        using Element = typename IsList<T>::Element;
        value.clear();
        const qint32 count =
            r.readArrayLength("array", r.position(), minEncodedSize<Element>()); // -1: null
        // Grown with what decodes, from a small start: a length the bytes could hold is no
        // reason to reserve that many elements, each of which takes far more memory than
        // the byte or two of its smallest encoding (a million ReadValueIds: ~100 MB).
        if (count > 0)
            value.reserve(std::min(count, MaxListReservation));
        for (qint32 i = 0; i < count && r.ok(); ++i)
            decode(r, value.emplace_back());
    } else {
        static_assert(Structure<T>, "not an OPC UA type this codec knows");
        value.visitFields([&r](auto &...fields) { (decode(r, fields), ...); });
    }
}

// A service message body: the NodeId of the type's DefaultBinary encoding, then the type.
template <typename T> QByteArray encodeMessage(const T &message)
{
    Writer w;
    writeNodeId(w, NodeId(0, T::BinaryEncodingId));
    encode(w, message);
    return w.take();
}

// Reads the encoding id at the start of a message body; 0 when it is not a numeric id
// of namespace 0 (no message of this stack has another).
quint32 readMessageTypeId(Reader &r);

// Decodes the rest of a message body as T; false (with *error set) when the bytes do not
// form exactly one T.
template <typename T> bool decodeMessageBody(Reader &r, T *message, QString *error)
{
    decode(r, *message);
    if (r.ok() && !r.atEnd())
        r.fail("message", r.position(),
               QStringLiteral("%1 bytes after its end").arg(r.remaining()));
    if (!r.ok() && error)
        *error = r.error();
    return r.ok();
}

template <typename T> ExtensionObject toExtensionObject(const T &value)
{
    Writer w;
    encode(w, value);
    return {NodeId(0, T::BinaryEncodingId), ExtensionObject::Encoding::ByteString, w.take()};
}

// The structure inside an ExtensionObject when it is a T in the binary encoding.
template <typename T>
std::optional<T> fromExtensionObject(const ExtensionObject &object, const Limits &limits = {})
{
    if (object.encoding != ExtensionObject::Encoding::ByteString ||
        object.typeId != NodeId(0, T::BinaryEncodingId))
        return std::nullopt;
    Reader r(object.body, limits);
    T value;
    decode(r, value);
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return value;
}

} // namespace tandem::opcua
