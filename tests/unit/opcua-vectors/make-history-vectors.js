#!/usr/bin/env node
// Prints node-opcua's OPC UA Binary encoding of the historical access messages
// (core/opcua/historyservices.h, core/opcua/eventfilter.h), for
// tests/unit/tst_historyservices.cpp to check against: "vector NAME HEX", a message body
// (encoding NodeId, then the structure) as encodeMessage() writes it. The C++ test holds the
// same values and must encode them to exactly these bytes and decode them back.
//
// It also compares every TANDEM_OPCUA_FIELDS list and BinaryEncodingId of those headers with
// node-opcua's schema and reports differences on stderr (exit status 1 when there are any).
//
// Run (node >= 18) with the node-opcua the integration peer installs:
//   NODE_PATH=tests/integration/peers/opcua/node_modules \
//       node tests/unit/opcua-vectors/make-history-vectors.js
"use strict";

const fs = require("fs");
const path = require("path");
const types = require("node-opcua-types");
const { BinaryStream } = require("node-opcua-binary-stream");
const basic = require("node-opcua-basic-types");
const { NodeId, NodeIdType } = require("node-opcua-nodeid");
const { QualifiedName, DiagnosticInfo } = require("node-opcua-data-model");
const { StatusCodes } = require("node-opcua-status-code");
const { DataValue } = require("node-opcua-data-value");
const { Variant, DataType } = require("node-opcua-variant");
const { OpaqueStructure } = require("node-opcua-extension-object");
const { TimestampsToReturn } = require("node-opcua-service-read");

let problems = 0;
function problem(text) {
    console.error(`MISMATCH ${text}`);
    ++problems;
}
console.log(`# node-opcua-types ${require("node-opcua-types/package.json").version}`);

const header = (name) => fs.readFileSync(path.join(__dirname, "../../../core/opcua", name), "utf8");
const sources = header("historyservices.h") + header("eventfilter.h");
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
const historyNode = (continuationPoint) =>
    new types.HistoryReadValueId({
        nodeId: string("History", 1),
        dataEncoding: new QualifiedName({ namespaceIndex: 0, name: "" }),
        continuationPoint,
    });
const doubleValue = (value, time) =>
    new DataValue({ value: new Variant({ dataType: DataType.Double, value }), sourceTimestamp: time, serverTimestamp: later });

vector("HistoryReadRequestRaw", new types.HistoryReadRequest({
    requestHeader: requestHeader(1),
    historyReadDetails: new types.ReadRawModifiedDetails({
        isReadModified: false,
        startTime: instant,
        endTime: later,
        numValuesPerNode: 250,
        returnBounds: true,
    }),
    timestampsToReturn: TimestampsToReturn.Both,
    releaseContinuationPoints: false,
    nodesToRead: [historyNode(null), historyNode(hex("5448000000000000000001"))],
}));
vector("HistoryReadRequestEvents", new types.HistoryReadRequest({
    requestHeader: requestHeader(2),
    historyReadDetails: new types.ReadEventDetails({
        numValuesPerNode: 10,
        startTime: instant,
        endTime: later,
        filter: new types.EventFilter({
            selectClauses: [
                new types.SimpleAttributeOperand({
                    typeDefinitionId: numeric(2041),
                    browsePath: [new QualifiedName({ namespaceIndex: 0, name: "Time" })],
                    attributeId: 13,
                }),
                new types.SimpleAttributeOperand({
                    typeDefinitionId: numeric(2041),
                    browsePath: [new QualifiedName({ namespaceIndex: 0, name: "Message" })],
                    attributeId: 13,
                }),
            ],
            whereClause: new types.ContentFilter({
                elements: [
                    new types.ContentFilterElement({
                        filterOperator: types.FilterOperator.OfType,
                        filterOperands: [new types.LiteralOperand({ value: { dataType: DataType.NodeId, value: numeric(2041) } })],
                    }),
                ],
            }),
        }),
    }),
    timestampsToReturn: TimestampsToReturn.Source,
    releaseContinuationPoints: false,
    nodesToRead: [historyNode(null)],
}));
vector("HistoryReadRequestProcessed", new types.HistoryReadRequest({
    requestHeader: requestHeader(3),
    historyReadDetails: new types.ReadProcessedDetails({
        startTime: instant,
        endTime: later,
        processingInterval: 60000,
        aggregateType: [numeric(2342), numeric(2346)],
        aggregateConfiguration: new types.AggregateConfiguration({
            useServerCapabilitiesDefaults: false,
            treatUncertainAsBad: true,
            percentDataBad: 80,
            percentDataGood: 90,
            useSlopedExtrapolation: true,
        }),
    }),
    timestampsToReturn: TimestampsToReturn.Server,
    releaseContinuationPoints: true,
    nodesToRead: [historyNode(null), historyNode(null)],
}));
vector("HistoryReadRequestAtTime", new types.HistoryReadRequest({
    requestHeader: requestHeader(4),
    historyReadDetails: new types.ReadAtTimeDetails({ reqTimes: [instant, later], useSimpleBounds: true }),
    timestampsToReturn: TimestampsToReturn.Neither,
    releaseContinuationPoints: false,
    nodesToRead: [historyNode(null)],
}));
vector("HistoryReadResponse", new types.HistoryReadResponse({
    responseHeader: responseHeader(1),
    results: [
        new types.HistoryReadResult({
            statusCode: StatusCodes.Good,
            continuationPoint: hex("c0ffee"),
            historyData: new types.HistoryData({ dataValues: [doubleValue(1.5, instant), doubleValue(-2, instant)] }),
        }),
        new types.HistoryReadResult({
            statusCode: StatusCodes.GoodNoData,
            continuationPoint: null,
            historyData: new types.HistoryModifiedData({
                dataValues: [doubleValue(3, later)],
                modificationInfos: [
                    new types.ModificationInfo({ modificationTime: later, updateType: types.HistoryUpdateType.Replace, userName: "op" }),
                ],
            }),
        }),
        new types.HistoryReadResult({
            statusCode: StatusCodes.Good,
            continuationPoint: null,
            historyData: new types.HistoryEvent({
                events: [
                    new types.HistoryEventFieldList({
                        eventFields: [
                            new Variant({ dataType: DataType.DateTime, value: instant }),
                            new Variant({ dataType: DataType.String, value: "High" }),
                        ],
                    }),
                ],
            }),
        }),
    ],
    diagnosticInfos: [new DiagnosticInfo({ symbolicId: 1 })],
}));
vector("HistoryUpdateRequest", new types.HistoryUpdateRequest({
    requestHeader: requestHeader(5),
    historyUpdateDetails: [
        new types.UpdateDataDetails({
            nodeId: string("History", 1),
            performInsertReplace: types.PerformUpdateType.Update,
            updateValues: [doubleValue(7.5, instant)],
        }),
        new OpaqueStructure(numeric(688), hex("0102")), // DeleteRawModifiedDetails, passed through unopened
    ],
}));
vector("HistoryUpdateResponse", new types.HistoryUpdateResponse({
    responseHeader: responseHeader(5),
    results: [
        new types.HistoryUpdateResult({
            statusCode: StatusCodes.Good,
            operationResults: [StatusCodes.GoodEntryReplaced, StatusCodes.BadEntryExists],
            diagnosticInfos: [],
        }),
    ],
    diagnosticInfos: [],
}));

if (problems)
    process.exit(1);
