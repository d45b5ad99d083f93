#!/usr/bin/env node
// Prints OPC UA Binary byte vectors encoded by node-opcua, an independent implementation,
// for tests/unit/tst_opcuacodec.cpp to check core/opcua against. Each line is
// "name hex"; the C++ test holds the same values and must encode them to these bytes.
//
// Run (node >= 18, the node-opcua 2.x packages outside the repository):
//   npm install --prefix BUILD/npm node-opcua-binary-stream@2 node-opcua-variant@2 \
//       node-opcua-data-value@2 node-opcua-nodeid@2 node-opcua-basic-types@2 \
//       node-opcua-data-model@2 node-opcua-extension-object@2 node-opcua-status-code@2
//   NODE_PATH=BUILD/npm/node_modules node tests/unit/opcua-vectors/make-vectors.js
"use strict";

const { BinaryStream } = require("node-opcua-binary-stream");
const basic = require("node-opcua-basic-types");
const { NodeId, NodeIdType, ExpandedNodeId } = require("node-opcua-nodeid");
const { LocalizedText, QualifiedName, DiagnosticInfo } = require("node-opcua-data-model");
const { StatusCodes, StatusCode } = require("node-opcua-status-code");
const { DataValue } = require("node-opcua-data-value");
const { Variant, DataType, VariantArrayType } = require("node-opcua-variant");
const { OpaqueStructure } = require("node-opcua-extension-object");

function hex(encode) {
    const stream = new BinaryStream(4096);
    encode(stream);
    return stream.buffer.subarray(0, stream.length).toString("hex");
}

function print(name, encode) {
    console.log(`${name} ${hex(encode)}`);
}

const guid = "72962B91-FA75-4AE6-8D28-B404DC7DAF63"; // the example of OPC 10000-6 5.2.2.7
// 2024-03-01T12:34:56.789Z.
const instant = new Date(Date.UTC(2024, 2, 1, 12, 34, 56, 789));

// NodeId: one per wire form; the encoder picks the smallest.
print("nodeid_twobyte", (s) => basic.encodeNodeId(new NodeId(NodeIdType.NUMERIC, 72, 0), s));
print("nodeid_fourbyte", (s) => basic.encodeNodeId(new NodeId(NodeIdType.NUMERIC, 1025, 5), s));
print("nodeid_numeric", (s) => basic.encodeNodeId(new NodeId(NodeIdType.NUMERIC, 70000, 300), s));
print("nodeid_string", (s) => basic.encodeNodeId(new NodeId(NodeIdType.STRING, "Hot水", 1), s));
print("nodeid_guid", (s) => basic.encodeNodeId(new NodeId(NodeIdType.GUID, guid, 2), s));
print("nodeid_bytestring", (s) =>
    basic.encodeNodeId(new NodeId(NodeIdType.BYTESTRING, Buffer.from("deadbeef", "hex"), 3), s));

print("expandednodeid_uri_server", (s) =>
    basic.encodeExpandedNodeId(new ExpandedNodeId(NodeIdType.STRING, "Tag", 0, "urn:tandem:test", 2), s));
print("expandednodeid_server", (s) =>
    basic.encodeExpandedNodeId(new ExpandedNodeId(NodeIdType.NUMERIC, 2256, 0, null, 1), s));

print("guid", (s) => basic.encodeGuid(guid, s));
print("datetime", (s) => basic.encodeDateTime(instant, s));
print("statuscode", (s) => basic.encodeStatusCode(StatusCodes.BadNodeIdUnknown, s));
print("string_null", (s) => basic.encodeString(null, s));
print("string_empty", (s) => basic.encodeString("", s));

print("qualifiedname", (s) =>
    new QualifiedName({ namespaceIndex: 2, name: "Temperature" }).encode(s));
print("localizedtext_both", (s) =>
    new LocalizedText({ locale: "en-US", text: "Hello" }).encode(s));
print("localizedtext_text", (s) => new LocalizedText({ text: "Hallo" }).encode(s));
print("localizedtext_empty", (s) => new LocalizedText({}).encode(s));

print("extensionobject_opaque", (s) =>
    new Variant({
        dataType: DataType.ExtensionObject,
        value: new OpaqueStructure(new NodeId(NodeIdType.NUMERIC, 5001, 2), Buffer.from("0102030405", "hex")),
    }).encode(s));

print("datavalue_full", (s) =>
    new DataValue({
        value: { dataType: DataType.Double, value: 3.5 },
        statusCode: StatusCode.makeStatusCode(StatusCodes.UncertainInitialValue),
        sourceTimestamp: instant,
        // node-opcua counts picoseconds and moves whole 100 ns ticks into the timestamp:
        // 123400070 ps = 1234 ticks + 7 units of 10 ps on the wire.
        sourcePicoseconds: 1234 * 100000 + 70,
        serverTimestamp: instant,
        serverPicoseconds: 5000, // 500 units of 10 ps
    }).encode(s));
print("datavalue_value_only", (s) =>
    new DataValue({ value: { dataType: DataType.Int32, value: -7 } }).encode(s));
print("datavalue_empty", (s) => new DataValue({}).encode(s));

print("variant_boolean", (s) => new Variant({ dataType: DataType.Boolean, value: true }).encode(s));
print("variant_sbyte", (s) => new Variant({ dataType: DataType.SByte, value: -3 }).encode(s));
print("variant_uint16", (s) => new Variant({ dataType: DataType.UInt16, value: 65000 }).encode(s));
print("variant_int32", (s) => new Variant({ dataType: DataType.Int32, value: -5 }).encode(s));
print("variant_uint32", (s) => new Variant({ dataType: DataType.UInt32, value: 4000000000 }).encode(s));
print("variant_int64", (s) =>
    new Variant({ dataType: DataType.Int64, arrayType: VariantArrayType.Scalar, value: [0xfffffffe, 0xfffffff6] }).encode(s)); // -4294967306 as [high, low]
print("variant_uint64", (s) =>
    new Variant({ dataType: DataType.UInt64, arrayType: VariantArrayType.Scalar, value: [0x12345678, 0x9abcdef0] }).encode(s));
print("variant_float", (s) => new Variant({ dataType: DataType.Float, value: 1.5 }).encode(s));
print("variant_double", (s) => new Variant({ dataType: DataType.Double, value: -0.1 }).encode(s));
print("variant_string", (s) => new Variant({ dataType: DataType.String, value: "Grüße" }).encode(s));
print("variant_datetime", (s) => new Variant({ dataType: DataType.DateTime, value: instant }).encode(s));
print("variant_guid", (s) => new Variant({ dataType: DataType.Guid, value: guid }).encode(s));
print("variant_bytestring", (s) =>
    new Variant({ dataType: DataType.ByteString, value: Buffer.from("00ff10", "hex") }).encode(s));
print("variant_nodeid", (s) =>
    new Variant({ dataType: DataType.NodeId, value: new NodeId(NodeIdType.STRING, "Line1.Speed", 2) }).encode(s));
print("variant_statuscode", (s) =>
    new Variant({ dataType: DataType.StatusCode, value: StatusCodes.BadNodeIdUnknown }).encode(s));
print("variant_qualifiedname", (s) =>
    new Variant({ dataType: DataType.QualifiedName, value: new QualifiedName({ namespaceIndex: 1, name: "Pump" }) }).encode(s));
print("variant_localizedtext", (s) =>
    new Variant({ dataType: DataType.LocalizedText, value: new LocalizedText({ locale: "de", text: "Pumpe" }) }).encode(s));
print("variant_int32_array", (s) =>
    new Variant({ dataType: DataType.Int32, arrayType: VariantArrayType.Array, value: [1, -2, 3] }).encode(s));
print("variant_string_array", (s) =>
    new Variant({ dataType: DataType.String, arrayType: VariantArrayType.Array, value: ["a", null, ""] }).encode(s));
print("variant_empty_array", (s) =>
    new Variant({ dataType: DataType.Double, arrayType: VariantArrayType.Array, value: [] }).encode(s));
print("variant_double_matrix", (s) =>
    new Variant({
        dataType: DataType.Double,
        arrayType: VariantArrayType.Matrix,
        dimensions: [2, 3],
        value: [1, 2, 3, 4, 5, 6],
    }).encode(s));
print("variant_variant_array", (s) =>
    new Variant({
        dataType: DataType.Variant,
        arrayType: VariantArrayType.Array,
        value: [
            new Variant({ dataType: DataType.Int32, value: 1 }),
            new Variant({ dataType: DataType.String, value: "x" }),
            new Variant({ dataType: DataType.Boolean, arrayType: VariantArrayType.Array, value: [true, false] }),
        ],
    }).encode(s));

const inner = new DiagnosticInfo({ symbolicId: 5, additionalInfo: "inner" });
print("diagnosticinfo_nested", (s) =>
    new DiagnosticInfo({
        symbolicId: 1,
        namespaceURI: 2,
        locale: 3,
        localizedText: 4,
        additionalInfo: "more",
        innerStatusCode: StatusCodes.BadTimeout,
        innerDiagnosticInfo: inner,
    }).encode(s));
print("diagnosticinfo_empty", (s) => new DiagnosticInfo({}).encode(s));
