#pragma once

// The view service set (OPC 10000-4, 5.8): Browse, BrowseNext,
// TranslateBrowsePathsToNodeIds, RegisterNodes and UnregisterNodes.

#include "servicecommon.h"

namespace tandem::opcua {

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

struct RegisterNodesRequest
{
    static constexpr quint32 BinaryEncodingId = 560;
    RequestHeader requestHeader;
    QList<NodeId> nodesToRegister;
    TANDEM_OPCUA_FIELDS(requestHeader, nodesToRegister)
};

struct RegisterNodesResponse
{
    static constexpr quint32 BinaryEncodingId = 563;
    ResponseHeader responseHeader;
    QList<NodeId> registeredNodeIds;
    TANDEM_OPCUA_FIELDS(responseHeader, registeredNodeIds)
};

struct UnregisterNodesRequest
{
    static constexpr quint32 BinaryEncodingId = 566;
    RequestHeader requestHeader;
    QList<NodeId> nodesToUnregister;
    TANDEM_OPCUA_FIELDS(requestHeader, nodesToUnregister)
};

struct UnregisterNodesResponse
{
    static constexpr quint32 BinaryEncodingId = 569;
    ResponseHeader responseHeader;
    TANDEM_OPCUA_FIELDS(responseHeader)
};

} // namespace tandem::opcua
