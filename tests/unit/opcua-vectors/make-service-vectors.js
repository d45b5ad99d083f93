#!/usr/bin/env node
// Prints what node-opcua, an independent implementation that follows OPC 10000-4/-6, says
// about the service structures of core/opcua/services.h, for tests/unit/tst_opcuaservices.cpp
// to check against:
//   id NAME N          DefaultBinary encoding id of structure NAME
//   enum NAME.VALUE N  value of an enumeration services.h declares
//   const NAME N       status code, attribute id, node id or result mask bit (hex for codes)
//   vector NAME HEX    a message body: encoding NodeId then the structure, as encodeMessage()
// The C++ test holds the same values and must encode them to exactly these bytes.
//
// It also compares every TANDEM_OPCUA_FIELDS list and BinaryEncodingId in services.h with
// node-opcua's schema and reports differences on stderr (exit status 1 when there are any).
//
// Run (node >= 18) with the node-opcua the integration peer installs:
//   NODE_PATH=tests/integration/peers/opcua/node_modules \
//       node tests/unit/opcua-vectors/make-service-vectors.js
"use strict";

const fs = require("fs");
const path = require("path");
const types = require("node-opcua-types");
const { BinaryStream } = require("node-opcua-binary-stream");
const basic = require("node-opcua-basic-types");
const { NodeId, NodeIdType, ExpandedNodeId } = require("node-opcua-nodeid");
const {
    LocalizedText,
    QualifiedName,
    DiagnosticInfo,
    AttributeIds,
    ResultMask,
    BrowseDirection,
    NodeClass,
} = require("node-opcua-data-model");
const { StatusCodes } = require("node-opcua-status-code");
const { DataValue } = require("node-opcua-data-value");
const { Variant, DataType, VariantArrayType } = require("node-opcua-variant");
const { OpaqueStructure } = require("node-opcua-extension-object");
const { TimestampsToReturn } = require("node-opcua-service-read");
const { ObjectIds, ObjectTypeIds, VariableIds, VariableTypeIds, ReferenceTypeIds } = require("node-opcua-constants");

// services.h and the headers it includes, one service set each.
const opcuaDir = path.join(__dirname, "../../../core/opcua");
const servicesH = fs
    .readFileSync(path.join(opcuaDir, "services.h"), "utf8")
    .match(/^#include "\w+\.h"$/gm)
    .map((line) => fs.readFileSync(path.join(opcuaDir, line.slice(10, -1)), "utf8"))
    .join("\n");
let problems = 0;
function problem(text) {
    console.error(`MISMATCH ${text}`);
    ++problems;
}

console.log(`# node-opcua-types ${require("node-opcua-types/package.json").version}`);

// Structures: field names and order (base type fields first, as encoded), encoding ids.
const structures = [];
for (const match of servicesH.matchAll(/^struct (\w+)\n\{\n([\s\S]*?)\n\};/gm)) {
    const [, name, body] = match;
    const id = body.match(/BinaryEncodingId = (\d+);/);
    const fields = body.match(/TANDEM_OPCUA_FIELDS\(([^)]*)\)/);
    if (fields)
        structures.push({ name, id: id ? Number(id[1]) : null, fields: fields[1].split(",").map((f) => f.trim()) });
}
function schemaFields(schema) {
    const own = schema.fields.map((f) => f.name);
    const base = schema.baseType && types[schema.baseType] ? types[schema.baseType].schema : null;
    return base ? schemaFields(base).concat(own) : own;
}
for (const { name, id, fields } of structures) {
    const cls = types[name];
    if (!cls) {
        problem(`${name}: node-opcua has no such structure`);
        continue;
    }
    const expected = schemaFields(cls.schema);
    if (expected.join(",") !== fields.join(","))
        problem(`${name}: fields ${fields.join(",")}, node-opcua ${expected.join(",")}`);
    if (id !== null) {
        console.log(`id ${name} ${cls.encodingDefaultBinary.value}`);
        if (id !== cls.encodingDefaultBinary.value)
            problem(`${name}: BinaryEncodingId ${id}, node-opcua ${cls.encodingDefaultBinary.value}`);
    }
}
console.error(`checked ${structures.length} structures`);

// Enumerations and constants services.h declares, compared with node-opcua's.
function declaredEnum(name) {
    const body = servicesH.match(new RegExp(`enum class ${name} : qint32\\n\\{\\n([\\s\\S]*?)\\n\\};`));
    return [...body[1].matchAll(/(\w+) = (\d+),/g)].map(([, key, value]) => [key, Number(value)]);
}
function declaredNamespace(name) {
    const body = servicesH.match(new RegExp(`namespace ${name} \\{\\n([\\s\\S]*?)\\n\\} // namespace`));
    return [...body[1].matchAll(/constexpr quint32 (\w+) = (\w+);/g)].map(([, key, value]) => [key, Number(value)]);
}
const enums = {
    MessageSecurityMode: types.MessageSecurityMode,
    SecurityTokenRequestType: types.SecurityTokenRequestType,
    ApplicationType: types.ApplicationType,
    UserTokenType: types.UserTokenType,
    TimestampsToReturn,
    BrowseDirection,
    NodeClass,
    MonitoringMode: types.MonitoringMode,
    DataChangeTrigger: types.DataChangeTrigger,
    ServerState: types.ServerState,
};
for (const [name, theirs] of Object.entries(enums)) {
    for (const [key, value] of declaredEnum(name)) {
        console.log(`enum ${name}.${key} ${theirs[key]}`);
        if (theirs[key] !== value)
            problem(`${name}::${key} = ${value}, node-opcua ${theirs[key]}`);
    }
}
function checkConstants(namespace, lookup, format = (v) => String(v)) {
    for (const [key, value] of declaredNamespace(namespace)) {
        const theirs = lookup(key);
        console.log(`const ${namespace}::${key} ${theirs === undefined ? "unknown" : format(theirs)}`);
        if (theirs !== value)
            problem(`${namespace}::${key} = ${format(value)}, node-opcua ${theirs === undefined ? "unknown" : format(theirs)}`);
    }
}
checkConstants("AttributeId", (key) => AttributeIds[key]);
checkConstants("Id", (key) => {
    const names = { ServerStatusState: "Server_ServerStatus_State", ServiceLevel: "Server_ServiceLevel",
        SecondsTillShutdown: "Server_ServerStatus_SecondsTillShutdown",
        ShutdownReason: "Server_ServerStatus_ShutdownReason", ServerStatus: "Server_ServerStatus",
        NamespaceArray: "Server_NamespaceArray" };
    return ObjectIds[key] ?? ReferenceTypeIds[key] ?? VariableIds[names[key] ?? key];
});
checkConstants("BrowseResultMask", (key) =>
    key === "All" ? 63 : ResultMask[key === "ReferenceTypeId" ? "ReferenceType" : key]);
// The status codes are listed once, as X(Name, 0x...) in statuscodes.h.
const statusCodesH = fs.readFileSync(path.join(opcuaDir, "statuscodes.h"), "utf8");
for (const [, key, value] of statusCodesH.matchAll(/X\((\w+), (0x[0-9A-F]{8})\)/g)) {
    const theirs = StatusCodes[key] ? StatusCodes[key].value : undefined;
    const format = (v) => "0x" + v.toString(16).padStart(8, "0");
    console.log(`const Status::${key} ${theirs === undefined ? "unknown" : format(theirs)}`);
    if (theirs !== Number(value))
        problem(`Status::${key} = ${value}, node-opcua ${theirs === undefined ? "unknown" : format(theirs)}`);
}

// Byte vectors. Every field holds a value other than its default; lists are explicit
// arrays, since node-opcua writes length -1 for null where services.h writes 0 for empty.
function vector(name, message) {
    const stream = new BinaryStream(65536);
    basic.encodeNodeId(message.constructor.encodingDefaultBinary, stream);
    message.encode(stream);
    console.log(`vector ${name} ${stream.buffer.subarray(0, stream.length).toString("hex")}`);
}

// 2024-03-01T12:34:56.789Z and 1.5 s later.
const instant = new Date(Date.UTC(2024, 2, 1, 12, 34, 56, 789));
const later = new Date(instant.getTime() + 1500);
const guid = "72962B91-FA75-4AE6-8D28-B404DC7DAF63";
const hex = (text) => Buffer.from(text, "hex");
const numeric = (value, ns = 0) => new NodeId(NodeIdType.NUMERIC, value, ns);
const string = (value, ns) => new NodeId(NodeIdType.STRING, value, ns);
const token = new NodeId(NodeIdType.BYTESTRING, hex("a1b2c3d4"), 0);

function requestHeader(requestHandle) {
    return new types.RequestHeader({
        authenticationToken: token,
        timestamp: instant,
        requestHandle,
        returnDiagnostics: 0x3ff,
        auditEntryId: "audit-7",
        timeoutHint: 15000,
        additionalHeader: new OpaqueStructure(numeric(5001, 2), hex("0102")),
    });
}
function responseHeader(requestHandle, serviceResult = StatusCodes.GoodCompletesAsynchronously) {
    return new types.ResponseHeader({
        timestamp: later,
        requestHandle,
        serviceResult,
        serviceDiagnostics: new DiagnosticInfo({ symbolicId: 0, localizedText: 1, additionalInfo: "diag" }),
        stringTable: ["BadSomething", "Something went wrong"],
        additionalHeader: new OpaqueStructure(numeric(5002, 2), hex("ff")),
    });
}
const endpoint = new types.EndpointDescription({
    endpointUrl: "opc.tcp://plc-a:4840/ua",
    server: new types.ApplicationDescription({
        applicationUri: "urn:plc-a:server",
        productUri: "urn:vendor:plc",
        applicationName: new LocalizedText({ locale: "en", text: "PLC A" }),
        applicationType: types.ApplicationType.DiscoveryServer,
        gatewayServerUri: "urn:gateway",
        discoveryProfileUri: "urn:discovery-profile",
        discoveryUrls: ["opc.tcp://plc-a:4840", "opc.tcp://plc-a:4841"],
    }),
    serverCertificate: hex("308201"),
    securityMode: types.MessageSecurityMode.Sign,
    securityPolicyUri: "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256",
    userIdentityTokens: [
        new types.UserTokenPolicy({
            policyId: "anonymous",
            tokenType: types.UserTokenType.Anonymous,
            issuedTokenType: "urn:none",
            issuerEndpointUrl: "https://issuer.invalid/none",
            securityPolicyUri: "http://opcfoundation.org/UA/SecurityPolicy#None",
        }),
        new types.UserTokenPolicy({
            policyId: "username",
            tokenType: types.UserTokenType.UserName,
            issuedTokenType: "urn:issued",
            issuerEndpointUrl: "https://issuer.invalid/",
            securityPolicyUri: "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256",
        }),
    ],
    transportProfileUri: "http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary",
    securityLevel: 3,
});
const softwareCertificate = new types.SignedSoftwareCertificate({
    certificateData: hex("0a0b"),
    signature: hex("0c0d"),
});

vector("OpenSecureChannelRequest", new types.OpenSecureChannelRequest({
    requestHeader: requestHeader(1),
    clientProtocolVersion: 7,
    requestType: types.SecurityTokenRequestType.Renew,
    securityMode: types.MessageSecurityMode.SignAndEncrypt,
    clientNonce: hex("0011223344556677"),
    requestedLifetime: 3600000,
}));
vector("OpenSecureChannelResponse", new types.OpenSecureChannelResponse({
    responseHeader: responseHeader(1),
    serverProtocolVersion: 3,
    securityToken: new types.ChannelSecurityToken({
        channelId: 0x01020304,
        tokenId: 9,
        createdAt: instant,
        revisedLifetime: 600000,
    }),
    serverNonce: hex("8899aabb"),
}));
vector("ServiceFault", new types.ServiceFault({ responseHeader: responseHeader(2, StatusCodes.BadSessionIdInvalid) }));
vector("GetEndpointsResponse", new types.GetEndpointsResponse({ responseHeader: responseHeader(3), endpoints: [endpoint] }));
vector("CreateSessionRequest", new types.CreateSessionRequest({
    requestHeader: requestHeader(4),
    clientDescription: new types.ApplicationDescription({
        applicationUri: "urn:tandem:client",
        productUri: "urn:tandem",
        applicationName: new LocalizedText({ locale: "de", text: "Tandem" }),
        applicationType: types.ApplicationType.ClientAndServer,
        gatewayServerUri: "urn:gw",
        discoveryProfileUri: "urn:dp",
        discoveryUrls: ["opc.tcp://tandem:4840"],
    }),
    serverUri: "urn:plc-a:server",
    endpointUrl: "opc.tcp://plc-a:4840/ua",
    sessionName: "tandem-pair-1",
    clientNonce: hex("000102030405060708090a0b0c0d0e0f"),
    clientCertificate: hex("3082ffee"),
    requestedSessionTimeout: 1234567.5,
    maxResponseMessageSize: 16777216,
}));
vector("CreateSessionResponse", new types.CreateSessionResponse({
    responseHeader: responseHeader(4),
    sessionId: new NodeId(NodeIdType.GUID, guid, 1),
    authenticationToken: token,
    revisedSessionTimeout: 60000.25,
    serverNonce: hex("f0f1f2f3"),
    serverCertificate: hex("3082aabb"),
    serverEndpoints: [endpoint],
    serverSoftwareCertificates: [softwareCertificate],
    serverSignature: new types.SignatureData({
        algorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
        signature: hex("5151"),
    }),
    maxRequestMessageSize: 4194304,
}));
vector("ActivateSessionRequest", new types.ActivateSessionRequest({
    requestHeader: requestHeader(5),
    clientSignature: new types.SignatureData({ algorithm: "urn:alg", signature: hex("abcd") }),
    clientSoftwareCertificates: [softwareCertificate],
    localeIds: ["en-US", "de-DE"],
    userIdentityToken: new types.UserNameIdentityToken({
        policyId: "username",
        userName: "operator",
        password: Buffer.from("s3cret", "utf8"),
        encryptionAlgorithm: "http://www.w3.org/2001/04/xmlenc#rsa-oaep",
    }),
    userTokenSignature: new types.SignatureData({ algorithm: "urn:alg2", signature: hex("99") }),
}));
vector("ActivateSessionResponse", new types.ActivateSessionResponse({
    responseHeader: responseHeader(5),
    serverNonce: hex("5a5a"),
    results: [StatusCodes.Good, StatusCodes.BadTimeout],
    diagnosticInfos: [new DiagnosticInfo({ symbolicId: 1 }), new DiagnosticInfo({})],
}));
vector("CloseSessionRequest", new types.CloseSessionRequest({ requestHeader: requestHeader(6), deleteSubscriptions: false }));
vector("ReadRequest", new types.ReadRequest({
    requestHeader: requestHeader(7),
    maxAge: 500.5,
    timestampsToReturn: TimestampsToReturn.Both,
    nodesToRead: [
        new types.ReadValueId({
            nodeId: string("Line1.Speed", 2),
            attributeId: AttributeIds.Value,
            indexRange: "1:3",
            dataEncoding: new QualifiedName({ namespaceIndex: 0, name: "Default Binary" }),
        }),
        new types.ReadValueId({
            nodeId: numeric(VariableIds.Server_ServerStatus_State),
            attributeId: AttributeIds.DisplayName,
            indexRange: "0",
            dataEncoding: new QualifiedName({ namespaceIndex: 1, name: "Enc" }),
        }),
    ],
}));
vector("ReadResponse", new types.ReadResponse({
    responseHeader: responseHeader(7),
    results: [
        new DataValue({
            value: new Variant({ dataType: DataType.Double, value: 3.5 }),
            statusCode: StatusCodes.UncertainInitialValue,
            sourceTimestamp: instant,
            serverTimestamp: later,
        }),
        new DataValue({
            value: new Variant({ dataType: DataType.String, value: "Running" }),
            statusCode: StatusCodes.BadNodeIdUnknown,
        }),
    ],
    diagnosticInfos: [new DiagnosticInfo({ symbolicId: 1 }), new DiagnosticInfo({ additionalInfo: "x" })],
}));
// Null lists, which node-opcua writes with length -1. Its constructors turn null into [],
// so the fields are set afterwards.
const nullArrays = new types.ReadResponse({
    responseHeader: new types.ResponseHeader({ timestamp: later, requestHandle: 8 }),
});
nullArrays.responseHeader.stringTable = null;
nullArrays.results = null;
nullArrays.diagnosticInfos = null;
vector("ReadResponseNullArrays", nullArrays);
vector("WriteRequest", new types.WriteRequest({
    requestHeader: requestHeader(9),
    nodesToWrite: [
        new types.WriteValue({
            nodeId: string("Line1.Setpoint", 2),
            attributeId: AttributeIds.Value,
            indexRange: "2",
            value: new DataValue({
                value: new Variant({ dataType: DataType.Float, value: 12.5 }),
                sourceTimestamp: instant,
            }),
        }),
        new types.WriteValue({
            nodeId: numeric(1001, 3),
            attributeId: AttributeIds.Value,
            indexRange: "0:1",
            value: new DataValue({
                value: new Variant({ dataType: DataType.Int32, arrayType: VariantArrayType.Array, value: [1, -2] }),
            }),
        }),
    ],
}));
vector("BrowseRequest", new types.BrowseRequest({
    requestHeader: requestHeader(10),
    view: new types.ViewDescription({ viewId: numeric(5000, 1), timestamp: instant, viewVersion: 4 }),
    requestedMaxReferencesPerNode: 100,
    nodesToBrowse: [
        new types.BrowseDescription({
            nodeId: numeric(ObjectIds.ObjectsFolder),
            browseDirection: BrowseDirection.Both,
            referenceTypeId: numeric(ReferenceTypeIds.Organizes),
            includeSubtypes: false,
            nodeClassMask: NodeClass.Object | NodeClass.Variable,
            resultMask: 0x3f,
        }),
    ],
}));
const browseResponse = new types.BrowseResponse({
    responseHeader: responseHeader(10),
    results: [
        new types.BrowseResult({
            statusCode: StatusCodes.UncertainNotAllNodesAvailable,
            continuationPoint: hex("c001"),
            references: [
                new types.ReferenceDescription({
                    referenceTypeId: numeric(ReferenceTypeIds.Organizes),
                    isForward: false,
                    nodeId: new ExpandedNodeId(NodeIdType.STRING, "Line1", 2),
                    browseName: new QualifiedName({ namespaceIndex: 2, name: "Line1" }),
                    displayName: new LocalizedText({ locale: "en", text: "Line 1" }),
                    nodeClass: NodeClass.Object,
                    typeDefinition: new ExpandedNodeId(NodeIdType.NUMERIC, ObjectTypeIds.BaseObjectType, 0),
                }),
                new types.ReferenceDescription({
                    referenceTypeId: numeric(ReferenceTypeIds.HasComponent),
                    isForward: true,
                    nodeId: null, // set below
                    browseName: new QualifiedName({ namespaceIndex: 3, name: "Speed" }),
                    displayName: new LocalizedText({ text: "Speed" }),
                    nodeClass: NodeClass.Variable,
                    typeDefinition: new ExpandedNodeId(NodeIdType.NUMERIC, VariableTypeIds.BaseDataVariableType, 0),
                }),
            ],
        }),
        new types.BrowseResult({
            statusCode: StatusCodes.BadNodeIdUnknown,
            continuationPoint: null, // node-opcua and services.h both write -1 for a null one
            references: [],
        }),
    ],
    diagnosticInfos: [],
});
// The constructors coerce an ExpandedNodeId to a plain NodeId, dropping the namespace URI
// and the server index, so a remote target is only set on the finished message.
browseResponse.results[0].references[1].nodeId = new ExpandedNodeId(NodeIdType.NUMERIC, 6001, 0, "urn:other:ns", 2);
vector("BrowseResponse", browseResponse);
vector("BrowseNextRequest", new types.BrowseNextRequest({
    requestHeader: requestHeader(11),
    releaseContinuationPoints: true,
    continuationPoints: [hex("c001"), hex("c002")],
}));
vector("TranslateBrowsePathsToNodeIdsRequest", new types.TranslateBrowsePathsToNodeIdsRequest({
    requestHeader: requestHeader(12),
    browsePaths: [
        new types.BrowsePath({
            startingNode: numeric(ObjectIds.ObjectsFolder),
            relativePath: new types.RelativePath({
                elements: [
                    new types.RelativePathElement({
                        referenceTypeId: numeric(ReferenceTypeIds.Organizes),
                        isInverse: true,
                        includeSubtypes: false,
                        targetName: new QualifiedName({ namespaceIndex: 2, name: "Line1" }),
                    }),
                    new types.RelativePathElement({
                        referenceTypeId: numeric(ReferenceTypeIds.HasComponent),
                        isInverse: false,
                        includeSubtypes: true,
                        targetName: new QualifiedName({ namespaceIndex: 3, name: "Speed" }),
                    }),
                ],
            }),
        }),
    ],
}));
vector("TranslateBrowsePathsToNodeIdsResponse", new types.TranslateBrowsePathsToNodeIdsResponse({
    responseHeader: responseHeader(12),
    results: [
        new types.BrowsePathResult({
            statusCode: StatusCodes.UncertainNotAllNodesAvailable,
            targets: [
                new types.BrowsePathTarget({
                    targetId: new ExpandedNodeId(NodeIdType.STRING, "Line1.Speed", 2),
                    remainingPathIndex: 0xffffffff,
                }),
            ],
        }),
    ],
    diagnosticInfos: [new DiagnosticInfo({ locale: 0 })],
}));
vector("CreateSubscriptionRequest", new types.CreateSubscriptionRequest({
    requestHeader: requestHeader(13),
    requestedPublishingInterval: 250.5,
    requestedLifetimeCount: 1200,
    requestedMaxKeepAliveCount: 20,
    maxNotificationsPerPublish: 500,
    publishingEnabled: false,
    priority: 7,
}));
vector("CreateSubscriptionResponse", new types.CreateSubscriptionResponse({
    responseHeader: responseHeader(13),
    subscriptionId: 42,
    revisedPublishingInterval: 250,
    revisedLifetimeCount: 1201,
    revisedMaxKeepAliveCount: 21,
}));
vector("CreateMonitoredItemsRequest", new types.CreateMonitoredItemsRequest({
    requestHeader: requestHeader(14),
    subscriptionId: 42,
    timestampsToReturn: TimestampsToReturn.Neither,
    itemsToCreate: [
        new types.MonitoredItemCreateRequest({
            itemToMonitor: new types.ReadValueId({
                nodeId: string("Line1.Speed", 2),
                attributeId: AttributeIds.Value,
                indexRange: "4",
                dataEncoding: new QualifiedName({ namespaceIndex: 0, name: "Default Binary" }),
            }),
            monitoringMode: types.MonitoringMode.Sampling,
            requestedParameters: new types.MonitoringParameters({
                clientHandle: 7,
                samplingInterval: 100.5,
                filter: new types.DataChangeFilter({
                    trigger: types.DataChangeTrigger.StatusValueTimestamp,
                    deadbandType: 1, // Absolute
                    deadbandValue: 0.25,
                }),
                queueSize: 10,
                discardOldest: false,
            }),
        }),
    ],
}));
vector("CreateMonitoredItemsResponse", new types.CreateMonitoredItemsResponse({
    responseHeader: responseHeader(14),
    results: [
        new types.MonitoredItemCreateResult({
            statusCode: StatusCodes.BadNodeIdUnknown,
            monitoredItemId: 3,
            revisedSamplingInterval: 100,
            revisedQueueSize: 11,
            filterResult: new OpaqueStructure(numeric(5003, 2), hex("aa")),
        }),
    ],
    diagnosticInfos: [new DiagnosticInfo({ symbolicId: 1 })],
}));
vector("PublishRequest", new types.PublishRequest({
    requestHeader: requestHeader(15),
    subscriptionAcknowledgements: [
        new types.SubscriptionAcknowledgement({ subscriptionId: 42, sequenceNumber: 17 }),
        new types.SubscriptionAcknowledgement({ subscriptionId: 43, sequenceNumber: 18 }),
    ],
}));
vector("PublishResponse", new types.PublishResponse({
    responseHeader: responseHeader(15),
    subscriptionId: 42,
    availableSequenceNumbers: [17, 18, 19],
    moreNotifications: true,
    notificationMessage: new types.NotificationMessage({
        sequenceNumber: 19,
        publishTime: later,
        notificationData: [
            new types.DataChangeNotification({
                monitoredItems: [
                    new types.MonitoredItemNotification({
                        clientHandle: 7,
                        value: new DataValue({
                            value: new Variant({ dataType: DataType.Double, value: 21.5 }),
                            sourceTimestamp: instant,
                        }),
                    }),
                ],
                diagnosticInfos: [new DiagnosticInfo({ additionalInfo: "x" })],
            }),
            new types.StatusChangeNotification({
                status: StatusCodes.BadTimeout,
                diagnosticInfo: new DiagnosticInfo({ symbolicId: 3 }),
            }),
        ],
    }),
    results: [StatusCodes.Good, StatusCodes.BadSequenceNumberUnknown],
    diagnosticInfos: [new DiagnosticInfo({}), new DiagnosticInfo({ symbolicId: 0 })],
}));
vector("RepublishRequest", new types.RepublishRequest({ requestHeader: requestHeader(16), subscriptionId: 42, retransmitSequenceNumber: 17 }));
vector("DeleteSubscriptionsRequest", new types.DeleteSubscriptionsRequest({ requestHeader: requestHeader(17), subscriptionIds: [42, 43] }));
vector("ServerStatusDataType", new types.ServerStatusDataType({
    startTime: instant,
    currentTime: later,
    state: types.ServerState.Suspended,
    buildInfo: new types.BuildInfo({
        productUri: "urn:vendor:plc",
        manufacturerName: "Vendor",
        productName: "PLC",
        softwareVersion: "4.2.1",
        buildNumber: "1234",
        buildDate: instant,
    }),
    secondsTillShutdown: 30,
    shutdownReason: new LocalizedText({ locale: "en", text: "Maintenance" }),
}));
// Call and RegisterNodes (OPC 10000-4 §5.11.2, §5.8.5), and the Argument of a method's
// InputArguments (OPC 10000-3 §8.6).
vector("CallRequest", new types.CallRequest({
    requestHeader: requestHeader(18),
    methodsToCall: [
        new types.CallMethodRequest({
            objectId: string("Tandem", 3),
            methodId: string("Tandem.SwitchTo", 3),
            inputArguments: [new Variant({ dataType: DataType.String, value: "secondary" })],
        }),
        new types.CallMethodRequest({
            objectId: string("Machine", 1),
            methodId: string("Machine.Reset", 1),
            inputArguments: [
                new Variant({ dataType: DataType.UInt32, value: 5000 }),
                new Variant({ dataType: DataType.Double, arrayType: VariantArrayType.Array, value: [1.5, 2.5] }),
            ],
        }),
    ],
}));
vector("CallResponse", new types.CallResponse({
    responseHeader: responseHeader(18),
    results: [
        new types.CallMethodResult({
            statusCode: StatusCodes.BadInvalidArgument,
            inputArgumentResults: [StatusCodes.BadTypeMismatch],
            inputArgumentDiagnosticInfos: [new DiagnosticInfo({ symbolicId: 2 })],
            outputArguments: [],
        }),
        new types.CallMethodResult({
            statusCode: StatusCodes.Good,
            inputArgumentResults: [],
            inputArgumentDiagnosticInfos: [],
            outputArguments: [new Variant({ dataType: DataType.Int32, value: -7 })],
        }),
    ],
    diagnosticInfos: [new DiagnosticInfo({ symbolicId: 1 })],
}));
vector("RegisterNodesRequest", new types.RegisterNodesRequest({
    requestHeader: requestHeader(19),
    nodesToRegister: [string("Offset", 1), numeric(2255)],
}));
vector("RegisterNodesResponse", new types.RegisterNodesResponse({
    responseHeader: responseHeader(19),
    registeredNodeIds: [string("Offset", 1), numeric(2255)],
}));
vector("UnregisterNodesRequest", new types.UnregisterNodesRequest({
    requestHeader: requestHeader(20),
    nodesToUnregister: [string("Offset", 1)],
}));
{
    const argument = new types.Argument({
        name: "side",
        dataType: numeric(12),
        valueRank: 1,
        arrayDimensions: [2],
        description: new LocalizedText({ locale: "en", text: "primary or secondary" }),
    });
    const stream = new BinaryStream(1024);
    argument.encode(stream);
    console.log(`vector Argument ${stream.buffer.subarray(0, stream.length).toString("hex")}`);
}

if (problems)
    process.exit(1);
