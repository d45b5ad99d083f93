#!/usr/bin/env node
// Prints node-opcua's OPC UA Binary encoding of the messages that carry events through a
// subscription (core/opcua/eventservices.h, core/opcua/eventfilter.h) and of a
// ConditionRefresh Call (core/opcua/methodservices.h), for tests/unit/tst_eventservices.cpp to
// check against: "vector NAME HEX", a message body (encoding NodeId, then the structure) as
// encodeMessage() writes it. The C++ test holds the same values and must encode them to
// exactly these bytes and decode them back.
//
// It also compares every TANDEM_OPCUA_FIELDS list and BinaryEncodingId of eventservices.h
// with node-opcua's schema and reports differences on stderr (exit status 1 when there are
// any).
//
// Run (node >= 18) with the node-opcua the integration peer installs:
//   NODE_PATH=tests/integration/peers/opcua/node_modules \
//       node tests/unit/opcua-vectors/make-event-vectors.js
"use strict";

const fs = require("fs");
const path = require("path");
const types = require("node-opcua-types");
const { BinaryStream } = require("node-opcua-binary-stream");
const basic = require("node-opcua-basic-types");
const { NodeId, NodeIdType } = require("node-opcua-nodeid");
const { QualifiedName, LocalizedText } = require("node-opcua-data-model");
const { StatusCodes } = require("node-opcua-status-code");
const { DataValue } = require("node-opcua-data-value");
const { Variant, DataType } = require("node-opcua-variant");
const { TimestampsToReturn } = require("node-opcua-service-read");

let problems = 0;
function problem(text) {
    console.error(`MISMATCH ${text}`);
    ++problems;
}
console.log(`# node-opcua-types ${require("node-opcua-types/package.json").version}`);

const header = (name) => fs.readFileSync(path.join(__dirname, "../../../core/opcua", name), "utf8");
const sources = header("eventservices.h") + header("eventfilter.h");
function schemaFields(schema) {
    const own = schema.fields.map((f) => f.name);
    const base = schema.baseType && types[schema.baseType] ? types[schema.baseType].schema : null;
    return base ? schemaFields(base).concat(own) : own;
}
let checked = 0;
for (const [, name, body] of sources.matchAll(/^struct (\w+)\n\{\n([\s\S]*?)\n\};/gm)) {
    const id = body.match(/BinaryEncodingId = (\d+);/);
    const fields = body.match(/TANDEM_OPCUA_FIELDS\(([^)]*)\)/)[1].split(",").map((f) => f.trim());
    const cls = types[name];
    if (!cls) {
        problem(`${name}: node-opcua has no such structure`);
        continue;
    }
    ++checked;
    const expected = schemaFields(cls.schema);
    if (expected.join(",") !== fields.join(","))
        problem(`${name}: fields ${fields.join(",")}, node-opcua ${expected.join(",")}`);
    if (id && Number(id[1]) !== cls.encodingDefaultBinary.value)
        problem(`${name}: BinaryEncodingId ${id[1]}, node-opcua ${cls.encodingDefaultBinary.value}`);
}
console.error(`checked ${checked} structures`);

function vector(name, message) {
    const stream = new BinaryStream(65536);
    basic.encodeNodeId(message.constructor.encodingDefaultBinary, stream);
    message.encode(stream);
    console.log(`vector ${name} ${stream.buffer.subarray(0, stream.length).toString("hex")}`);
}

// 2024-03-01T12:34:56.789Z and 1.5 s later.
const instant = new Date(Date.UTC(2024, 2, 1, 12, 34, 56, 789));
const later = new Date(instant.getTime() + 1500);
const hex = (text) => Buffer.from(text, "hex");
const numeric = (value, ns = 0) => new NodeId(NodeIdType.NUMERIC, value, ns);
const string = (value, ns) => new NodeId(NodeIdType.STRING, value, ns);
const requestHeader = (requestHandle) =>
    new types.RequestHeader({
        authenticationToken: new NodeId(NodeIdType.BYTESTRING, hex("a1b2c3d4"), 0),
        timestamp: instant,
        requestHandle,
        timeoutHint: 15000,
        auditEntryId: "audit-7",
    });
const responseHeader = (requestHandle) =>
    new types.ResponseHeader({ timestamp: later, requestHandle, serviceResult: StatusCodes.Good, stringTable: [] });
const clause = (...names) =>
    new types.SimpleAttributeOperand({
        typeDefinitionId: numeric(2041),
        browsePath: names.map((name) => new QualifiedName({ namespaceIndex: 0, name })),
        attributeId: 13,
    });

vector("CreateMonitoredItemsRequestEvents", new types.CreateMonitoredItemsRequest({
    requestHeader: requestHeader(1),
    subscriptionId: 7,
    timestampsToReturn: TimestampsToReturn.Both,
    itemsToCreate: [
        new types.MonitoredItemCreateRequest({
            itemToMonitor: new types.ReadValueId({
                nodeId: numeric(2253),
                attributeId: 12,
                dataEncoding: new QualifiedName({ namespaceIndex: 0, name: "" }),
            }),
            monitoringMode: types.MonitoringMode.Reporting,
            requestedParameters: new types.MonitoringParameters({
                clientHandle: 4,
                samplingInterval: 0,
                filter: new types.EventFilter({
                    selectClauses: [clause("Message"), clause("ActiveState", "Id"), clause("EventId")],
                    whereClause: new types.ContentFilter({
                        elements: [
                            new types.ContentFilterElement({
                                filterOperator: types.FilterOperator.OfType,
                                filterOperands: [new types.LiteralOperand({ value: { dataType: DataType.NodeId, value: numeric(2782) } })],
                            }),
                        ],
                    }),
                }),
                queueSize: 1000,
                discardOldest: true,
            }),
        }),
    ],
}));
vector("CreateMonitoredItemsResponseEvents", new types.CreateMonitoredItemsResponse({
    responseHeader: responseHeader(1),
    results: [
        new types.MonitoredItemCreateResult({
            statusCode: StatusCodes.Good,
            monitoredItemId: 99,
            revisedSamplingInterval: 0,
            revisedQueueSize: 1000,
            filterResult: new types.EventFilterResult({
                selectClauseResults: [StatusCodes.Good, StatusCodes.BadNoMatch, StatusCodes.Good],
                selectClauseDiagnosticInfos: [],
                whereClauseResult: new types.ContentFilterResult({
                    elementResults: [
                        new types.ContentFilterElementResult({
                            statusCode: StatusCodes.Good,
                            operandStatusCodes: [StatusCodes.Good],
                            operandDiagnosticInfos: [],
                        }),
                    ],
                    elementDiagnosticInfos: [],
                }),
            }),
        }),
    ],
    diagnosticInfos: [],
}));
vector("PublishResponseEvents", new types.PublishResponse({
    responseHeader: responseHeader(2),
    subscriptionId: 7,
    availableSequenceNumbers: [3],
    moreNotifications: false,
    notificationMessage: new types.NotificationMessage({
        sequenceNumber: 3,
        publishTime: later,
        notificationData: [
            new types.DataChangeNotification({
                monitoredItems: [
                    new types.MonitoredItemNotification({
                        clientHandle: 1,
                        value: new DataValue({ value: new Variant({ dataType: DataType.Double, value: 2.5 }), sourceTimestamp: instant }),
                    }),
                ],
                diagnosticInfos: [],
            }),
            new types.EventNotificationList({
                events: [
                    new types.EventFieldList({
                        clientHandle: 4,
                        eventFields: [
                            new Variant({ dataType: DataType.LocalizedText, value: new LocalizedText({ text: "Level high" }) }),
                            new Variant({ dataType: DataType.Boolean, value: true }),
                            new Variant({ dataType: DataType.ByteString, value: Buffer.from("T1#1") }),
                        ],
                    }),
                    new types.EventFieldList({
                        clientHandle: 4,
                        eventFields: [new Variant({ dataType: DataType.Null }), new Variant({ dataType: DataType.NodeId, value: string("LevelAlarm", 1) })],
                    }),
                ],
            }),
        ],
    }),
    results: [StatusCodes.Good],
    diagnosticInfos: [],
}));
vector("CallRequestConditionRefresh", new types.CallRequest({
    requestHeader: requestHeader(3),
    methodsToCall: [
        new types.CallMethodRequest({
            objectId: numeric(2782),
            methodId: numeric(3875),
            inputArguments: [new Variant({ dataType: DataType.UInt32, value: 7 })],
        }),
        new types.CallMethodRequest({
            objectId: numeric(2782),
            methodId: numeric(12912),
            inputArguments: [new Variant({ dataType: DataType.UInt32, value: 7 }), new Variant({ dataType: DataType.UInt32, value: 99 })],
        }),
    ],
}));

if (problems)
    process.exit(1);
