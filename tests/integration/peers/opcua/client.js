#!/usr/bin/env node
// OPC UA client that checks the test peer (server.js) from outside, so the peer's tests
// do not depend on Tandem's own stack. node-opcua 2.x, SecurityPolicy None unless
// --security names another.
//
//   client.js [--user USER:PASSWORD] [--plain-password 1] [--pki DIR] [--timeout MS]
//             [--interval MS] [--sampling MS] [--security POLICY:MODE] URL OPERATION...
//
// --security opens the channel with a policy and mode by the spec's names
// ("Basic256Sha256:SignAndEncrypt"); the client's certificate is node-opcua's own in
// DIR/ClientPKI/own/certs, and it trusts any server certificate (it checks the server,
// not the other way round). Its certificate (DER) is written to DIR/client-certificate.der
// before it connects, for a test to trust.
// --plain-password 1 sends the password in clear text under the server's
// "username_plain" policy, as a client without RSA does, instead of encrypting it.
// Several operations run one after the other in one session ("read A read B"), which
// saves the second or two node-opcua takes to load. Each prints JSON lines on stdout:
//   read NODEID             {"status":"Good","dataType":"Int32","value":42}
//                           (arrays as JSON arrays; status is the DataValue's)
//   browse NODEID           {"status":"Good","references":[{"browseName":"Counter",
//                           "nodeId":"ns=1;s=Counter","nodeClass":"Variable"},..]}
//   write NODEID TYPE VALUE {"status":"Good"}; TYPE Double|Int32|Boolean|String...
//   read-server-status      {"state":"Running","secondsTillShutdown":0,
//                           "productName":..,"startTime":..,"currentTime":..}
//   read-loop SECONDS NODEID  reads NODEID's value one read after the other, each as
//                           soon as the previous one is answered, for SECONDS (a
//                           number > 0), then {"reads":N,"errors":E,"seconds":S}: N reads
//                           answered Good, E failed (a service error or another status),
//                           S the seconds the loop took
//   call OBJECT METHOD ARGS calls a method; ARGS is "-" for none or TYPE:VALUE[,TYPE:VALUE]
//                           ("UInt32:5000", "String:primary"):
//                           {"status":"Good","inputArgumentResults":["Good"],
//                           "outputArguments":[{"dataType":"Int32","value":7}]}
//                           (a Bad status is printed, not an error; a service fault is
//                           {"serviceError":MESSAGE})
//   call2 OBJECT METHOD ARGS OBJECT METHOD ARGS  both in one Call: {"results":[..]}, each
//                           as call prints it
//   register IDS            RegisterNodes for the comma-separated IDS:
//                           {"registered":["ns=1;s=Offset",..]}; remembered for:
//   read-registered         {"values":[..],"statuses":[..]} of the registered ids
//   read-loop-registered    reads the registered ids one read after the other until a line
//                           on stdin; prints {"looping":true} after the first, then
//                           {"values":[..]} whenever they differ from the last printed
//                           ones, and last {"reads":N,"errors":E}
//   unregister              UnregisterNodes for the registered ids: {"status":"Good"}
//   browse-pages NODEID MAX WAIT  browses NODEID forward (hierarchical references) with
//                           requestedMaxReferencesPerNode MAX and follows the continuation
//                           points with BrowseNext, a line a page:
//                           {"page":N,"status":"Good","references":["Item00",..],"more":B};
//                           after page WAIT (0: never) it prints {"waiting":true} and waits
//                           for a line on stdin; last {"browsed":[every browse name]}
//   browse-release NODEID MAX  a first page, BrowseNext releasing its continuation point,
//                           then BrowseNext with it again: {"first":N,"release":STATUS,
//                           "after":STATUS}
//   browse-many NODEID MAX COUNT  one Browse of COUNT times NODEID:
//                           {"statuses":[..],"points":[true|false,..]}
//   wait-line               prints {"waiting":true} and waits for a line on stdin
//   watch NODEID...         subscribes and prints a line per change (below); it keeps
//                           going through connection losses, node-opcua reconnecting
//                           by itself, and ends on "quit" or when its subscription ends
//   watch-shutdown          watch i=2259 i=2992 (ServerStatus State, SecondsTillShutdown)
//                           with "state" added for State: "Shutdown"; it ends when the
//                           connection, session or subscription does
//
// A watch subscribes with the publishing interval --interval (100 ms by default),
// max keep-alive count 10 and lifetime count 100; its items have the sampling interval
// --sampling (by default the same as --interval; 0: every change, as the server sees it)
// and a queue of 10. It prints, one JSON object a line, "t" being Date.now() in ms when
// the client received what the line is about:
//   {"subscribed":true}       once the server has created every item (one it refuses is
//                             an error, below); no line below comes before it
//   {"nodeId":..,"status":..,"dataType":..,"value":..,"seq":N,"sourceTimestamp":ISO,"t":T}
//                             a data change; seq is the sequenceNumber of the
//                             NotificationMessage it came in (null if unknown),
//                             sourceTimestamp null if the server sent none
//   {"keepalive":true,"seq":N,"t":T}  a keep-alive; N is the sequence number the next
//                             NotificationMessage will have (OPC 10000-4, 5.13.1.1), so
//                             it repeats, and is not used up, until data comes
//   {"event":"connection_lost","t":T}  the connection broke (node-opcua "connection_lost")
//   {"event":"reconnecting","t":T}     node-opcua starts reconnecting ("start_reconnection")
//   {"event":"reconnected","t":T}      a new secure channel is open ("after_reconnection");
//                             node-opcua then reactivates the session or creates a new
//                             one and transfers or recreates the subscription, whose
//                             sequence numbers start again at 1 on a new server
//   {"event":"session_closed","t":T}   the session was closed
//   {"event":"status_changed","status":"BadTimeout","t":T}  a StatusChangeNotification
//   {"event":"terminated","t":T}       the subscription ended on the client's side
//   {"closed":REASON}         last line, then exit 0. REASON for watch: "quit" (the line
//                             "quit" on stdin) or "subscription terminated"; for
//                             watch-shutdown also "connection lost", "connection closed",
//                             "session closed" or "subscription STATUS" (a status
//                             change that is not Good).
// A closed stdin does not end a watch (SIGTERM does).
//   history NODEID START END [--max N] [--pause-after-page K] [--release-after-page K]
//                           a raw HistoryRead (TimestampsToReturn Both) that follows its
//                           continuation points; START and END are ISO times or "min"
//                           (unset), END before START reads backwards. One line a page:
//                           {"page":N,"status":..,"values":[{"t":ISO,"v":VALUE,"m":MS,
//                           "s":STATUS},..],"more":BOOL} (m: server minus source timestamp,
//                           the test peer's offset), then {"history":"done","pages":N}.
//                           --max: numValuesPerNode; --pause-after-page: after that page
//                           print {"paused":K} and wait for the line "continue" on stdin;
//                           --release-after-page: after that page release the point
//                           ({"released":STATUS}), then try it once more ({"page":..,
//                           "status":..}) and stop.
//   history-update NODEID TIME VALUE insert|replace|update
//                           HistoryUpdate with UpdateDataDetails of one Double:
//                           {"status":STATUS,"results":[OPERATION STATUS,..]}
//   history-many NODEID START END MAX N
//                           one raw HistoryRead of NODEID N times over (numValuesPerNode
//                           MAX): {"statuses":[STATUS,..],"points":K} (K continuation
//                           points given), then one that releases them all:
//                           {"released":[STATUS,..]}
//   history-processed NODEID START END INTERVALMS AGGREGATE
//                           a processed HistoryRead (AGGREGATE: Average, Minimum, Count...):
//                           {"status":..,"values":[..as above..],"more":BOOL}
//   events NODEID [--select A,B,..]
//                           (comes last) an event monitored item on NODEID (i=2253: the
//                           Server object) with an EventFilter of these select clauses
//                           (BaseEventType browse paths, "ActiveState.Id" for a path;
//                           "ConditionId" the condition's NodeId), in this order (default
//                           EventId,EventType,SourceName,Message,Severity). Prints
//                           {"subscribed":true,"subscriptionId":N,"filterResult":[STATUS,..]}
//                           then one line per event: {"seq":N,"fields":[VALUE,..],
//                           "event":{A:VALUE,..}} in the order they came (fields in the
//                           order the server sent them; ByteStrings as text when printable,
//                           else "0x" and hex; NodeIds as text, LocalizedText as its text). Lines on stdin while it runs:
//                           "refresh [ID]" ConditionRefresh (Call on ConditionType i=2782,
//                           method i=3875) for its subscription, or the subscription ID
//                           given: {"refresh":STATUS}; "refresh2" ConditionRefresh2 for its
//                           subscription and item: {"refresh2":STATUS}; "ack CONDITION
//                           EVENTID COMMENT" Acknowledge (i=9111) on the condition's NodeId
//                           with the EventId (text, or 0x and hex): {"ack":STATUS}; "quit" ends it
//                           ({"closed":"quit"}).
//
//   client.js --serve
//
// runs the runs a test asks for in one process, so that node-opcua loads once rather than
// at every run: each line on stdin is {"run":ID,"args":[WORD...]}, the words of a command
// line above, and the run gets a client, connection and session of its own, side by side
// with the others. Its lines come as {"run":ID,"line":{...}}, then {"run":ID,"exit":0|1}
// once its client has disconnected (the exit code the command line would have ended with).
// {"run":ID,"input":LINE} is a line on the run's stdin (a watch's "quit", "continue",
// "go"); {"run":ID,"abort":true} ends the run at once as a failure ("aborted"), as killing
// its process would, but closing its client. The process ends when stdin closes.
//
// Failures print {"error":MESSAGE} and exit 1: a refused identity, a node a watch cannot
// monitor ("watch: NODEID: BadNodeIdUnknown (0x80340000)"), no server, or --timeout (10000 ms by default, plus the seconds of every read-loop; a
// watch has none).
"use strict";

// node-opcua logs with console.log: keep stdout for the results.
console.log = console.info = console.warn = console.debug = console.error;

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const readline = require("node:readline");

const {
    OPCUAClient,
    OPCUACertificateManager,
    AttributeIds,
    ClientMonitoredItem,
    DataType,
    MessageSecurityMode,
    NodeClass,
    SecurityPolicy,
    ServerState,
    TimestampsToReturn,
    UserTokenType
} = require("node-opcua");
const {
    AggregateFunction,
    HistoryReadRequest,
    HistoryUpdateRequest,
    ReadProcessedDetails,
    ReadRawModifiedDetails,
    resolveNodeId
} = require("node-opcua");
const { UpdateDataDetails } = require("node-opcua-types");

function emit(object) {
    process.stdout.write(`${JSON.stringify(object)}\n`);
}

// A run's failure: its message becomes the run's {"error":..} line.
class Failure extends Error {}

function fail(message) {
    throw new Failure(message);
}

// What a failure prints: our own message, or where node-opcua's error came from.
function failureMessage(err) {
    return err instanceof Failure ? err.message : err.stack || err.message;
}

function parseArgs(argv) {
    const args = {
        user: null,
        plainPassword: false,
        pki: null,
        timeout: 10000,
        interval: 100,
        sampling: null,
        security: { policy: "None", mode: "None" },
        url: null,
        operation: []
    };
    const milliseconds = (name, value, minimum) => {
        const ms = Number(value);
        if (value.trim() === "" || !Number.isFinite(ms) || ms < minimum) {
            fail(`${name} takes milliseconds >= ${minimum}, not ${value}`);
        }
        return ms;
    };
    let i = 0;
    for (; i < argv.length && argv[i].startsWith("--"); i += 2) {
        const [name, value] = [argv[i], argv[i + 1]];
        if (value === undefined) {
            fail(`${name} needs a value`);
        }
        if (name === "--user") {
            const colon = value.indexOf(":");
            if (colon <= 0) {
                fail("--user takes USER:PASSWORD");
            }
            args.user = { userName: value.slice(0, colon), password: value.slice(colon + 1) };
        } else if (name === "--plain-password") {
            args.plainPassword = value === "1";
        } else if (name === "--pki") {
            args.pki = path.resolve(value);
        } else if (name === "--security") {
            const [policy, mode] = value.split(":");
            if (!(policy in SecurityPolicy) || !(mode in MessageSecurityMode)) {
                fail(`--security takes POLICY:MODE, not ${value}`);
            }
            args.security = { policy, mode };
        } else if (name === "--timeout") {
            args.timeout = Number(value);
        } else if (name === "--interval") {
            args.interval = milliseconds(name, value, 1);
        } else if (name === "--sampling") {
            args.sampling = milliseconds(name, value, 0);
        } else {
            fail(`unknown option ${name}`);
        }
    }
    args.url = argv[i];
    args.operation = argv.slice(i + 1);
    if (!args.url || args.operation.length === 0) {
        fail("usage: client.js [--user U:P] [--pki DIR] [--timeout MS] [--interval MS] " +
            "[--sampling MS] URL OPERATION...");
    }
    if (args.sampling === null) {
        args.sampling = args.interval;
    }
    // Never node-opcua's default under $HOME.
    args.pki = args.pki || path.join(os.tmpdir(), `tandem-opcua-peer-${process.getuid()}`);
    return args;
}

// JSON for a Variant's value: typed arrays as plain arrays, 64-bit integers as numbers.
function plain(value) {
    if (ArrayBuffer.isView(value) || Array.isArray(value)) {
        return Array.from(value, plain);
    }
    if (value instanceof Date) {
        return value.toISOString();
    }
    if (value !== null && typeof value === "object") {
        return value.toString();
    }
    return value;
}

function dataValueJson(dataValue) {
    return {
        status: dataValue.statusCode.name,
        dataType: DataType[dataValue.value.dataType],
        value: plain(dataValue.value.value)
    };
}

function coerce(type, text) {
    switch (type) {
        case "Boolean":
            return { 1: true, true: true, 0: false, false: false }[text.toLowerCase()];
        case "String":
            return text;
        case "Float":
        case "Double":
            return Number(text);
        default:
            return Math.trunc(Number(text));
    }
}

// How many words each operation takes after its name.
const Arity = {
    read: 1,
    browse: 1,
    write: 3,
    "read-server-status": 0,
    "read-loop": 2,
    "watch-shutdown": 0,
    "history-update": 4,
    "history-processed": 5,
    "history-many": 5,
    call: 3,
    call2: 6,
    register: 1,
    "read-registered": 0,
    "read-loop-registered": 0,
    unregister: 0,
    "browse-pages": 3,
    "browse-release": 2,
    "browse-many": 3,
    "wait-line": 0,
    keep: 1,
    "take-over": 1
};

// "read A read B browse C" -> [["read","A"],["read","B"],["browse","C"]]; a watch takes
// the rest and comes last.
function splitOperations(words) {
    const operations = [];
    for (let i = 0; i < words.length; ) {
        const op = words[i];
        let arity = op === "watch" || op === "events" ? words.length - i - 1 : Arity[op];
        if (op === "history") {
            // NODEID START END, then its options, each "--name value".
            arity = 3;
            while (i + 1 + arity < words.length && words[i + 1 + arity].startsWith("--")) {
                arity += 2;
            }
        }
        if (arity === undefined || i + 1 + arity > words.length) {
            fail(`unknown operation or missing arguments: ${words.slice(i).join(" ")}`);
        }
        operations.push(words.slice(i, i + 1 + arity));
        i += 1 + arity;
        if ((op.startsWith("watch") || op === "events") && i < words.length) {
            fail("a watch comes last");
        }
    }
    return operations;
}

// The SECONDS of "read-loop SECONDS NODEID".
function loopSeconds(text) {
    const seconds = Number(text);
    if (text.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
        fail(`read-loop takes seconds > 0, not ${text}`);
    }
    return seconds;
}

// One read after the other for `seconds`; a failed read is counted, not fatal.
async function readLoop(session, seconds, nodeId) {
    const nodeToRead = { nodeId, attributeId: AttributeIds.Value };
    const start = Date.now();
    const end = start + seconds * 1000;
    let reads = 0;
    let errors = 0;
    while (Date.now() < end) {
        try {
            const dataValue = await session.read(nodeToRead);
            if (dataValue.statusCode.isGood()) {
                ++reads;
            } else {
                ++errors;
            }
        } catch (err) {
            ++errors;
        }
    }
    return { reads, errors, seconds: (Date.now() - start) / 1000 };
}

async function runOperation(client, session, words, args, ctx) {
    const [op, ...rest] = words;
    if (op === "read" && rest.length === 1) {
        const dataValue = await session.read({ nodeId: rest[0], attributeId: AttributeIds.Value });
        ctx.out(dataValueJson(dataValue));
    } else if (op === "browse" && rest.length === 1) {
        const result = await session.browse(rest[0]);
        ctx.out({
            status: result.statusCode.name,
            references: (result.references || []).map((r) => ({
                browseName: r.browseName.name,
                nodeId: r.nodeId.toString(),
                nodeClass: NodeClass[r.nodeClass]
            }))
        });
    } else if (op === "write" && rest.length === 3) {
        const [nodeId, type, text] = rest;
        if (DataType[type] === undefined) {
            fail(`unknown type ${type}`);
        }
        const status = await session.write({
            nodeId,
            attributeId: AttributeIds.Value,
            value: { value: { dataType: DataType[type], value: coerce(type, text) } }
        });
        ctx.out({ status: status.name });
    } else if (op === "read-server-status" && rest.length === 0) {
        const dataValue = await session.read({ nodeId: "i=2256", attributeId: AttributeIds.Value });
        const status = dataValue.value.value;
        if (!dataValue.statusCode.isGood() || !status) {
            fail(`ServerStatus: ${dataValue.statusCode.name}`);
        }
        ctx.out({
            state: ServerState[status.state],
            secondsTillShutdown: status.secondsTillShutdown,
            productName: status.buildInfo.productName,
            startTime: status.startTime.toISOString(),
            currentTime: status.currentTime.toISOString()
        });
    } else if (op === "read-loop" && rest.length === 2) {
        ctx.out(await readLoop(session, loopSeconds(rest[0]), rest[1]));
    } else if (op === "history" && rest.length >= 3) {
        await history(session, rest, ctx);
    } else if (op === "history-update" && rest.length === 4) {
        await historyUpdate(session, rest, ctx);
    } else if (op === "history-many" && rest.length === 5) {
        await historyMany(session, rest, ctx);
    } else if (op === "history-processed" && rest.length === 5) {
        await historyProcessed(session, rest, ctx);
    } else if (MethodAndBrowseOperations[op]) {
        await MethodAndBrowseOperations[op](session, rest, ctx);
    } else if (op === "events" && rest.length >= 1) {
        return events(session, rest, args, ctx);
    } else if (op === "keep" && rest.length === 1) {
        return keep(client, session, rest, args, args.url);
    } else if (op === "take-over" && rest.length === 1) {
        return takeOver(session, rest);
    } else if (op === "watch" && rest.length > 0) {
        return watch(client, session, rest, args, ctx, { reconnecting: true });
    } else if (op === "watch-shutdown" && rest.length === 0) {
        return watch(client, session, ["i=2259", "i=2992"], args, ctx, {
            reconnecting: false
        });
    } else {
        fail(`unknown operation: ${words.join(" ")}`);
    }
    return null;
}

// --- History (see the top of this file) ---
function historyTime(text) {
    if (text === "min") {
        return null;
    }
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) {
        fail(`not a time: ${text}`);
    }
    return date;
}

function historyValuesJson(historyData) {
    return ((historyData && historyData.dataValues) || []).map((v) => ({
        t: v.sourceTimestamp ? v.sourceTimestamp.toISOString() : null,
        v: plain(v.value.value),
        m: v.serverTimestamp && v.sourceTimestamp ? v.serverTimestamp.getTime() - v.sourceTimestamp.getTime() : null,
        s: v.statusCode.name
    }));
}

function historyReadOnce(session, details, nodeId, continuationPoint, release) {
    const request = new HistoryReadRequest({
        historyReadDetails: details,
        nodesToRead: [{ nodeId, continuationPoint }],
        releaseContinuationPoints: release,
        timestampsToReturn: TimestampsToReturn.Both
    });
    return new Promise((resolve, reject) =>
        session.historyRead(request, (err, response) => (err ? reject(err) : resolve(response.results[0])))
    );
}

async function history(session, words, ctx) {
    const [nodeId, start, end, ...options] = words;
    const opts = { max: 0, pause: 0, release: 0 };
    for (let i = 0; i < options.length; i += 2) {
        const value = Number(options[i + 1]);
        const key = { "--max": "max", "--pause-after-page": "pause", "--release-after-page": "release" }[options[i]];
        if (!key || !Number.isInteger(value) || value < 0) {
            fail(`history: bad option ${options[i]} ${options[i + 1]}`);
        }
        opts[key] = value;
    }
    const details = new ReadRawModifiedDetails({
        isReadModified: false,
        startTime: historyTime(start),
        endTime: historyTime(end),
        numValuesPerNode: opts.max,
        returnBounds: false
    });
    let continuationPoint = null;
    let page = 0;
    for (;;) {
        const result = await historyReadOnce(session, details, nodeId, continuationPoint, false);
        ++page;
        const more = !!(result.continuationPoint && result.continuationPoint.length);
        ctx.out({ page, status: result.statusCode.name, values: historyValuesJson(result.historyData), more });
        if (!more) {
            break;
        }
        continuationPoint = result.continuationPoint;
        if (page === opts.release) {
            const released = await historyReadOnce(session, details, nodeId, continuationPoint, true);
            ctx.out({ released: released.statusCode.name });
            const again = await historyReadOnce(session, details, nodeId, continuationPoint, false);
            ctx.out({ page: page + 1, status: again.statusCode.name, values: historyValuesJson(again.historyData) });
            return;
        }
        if (page === opts.pause) {
            ctx.out({ paused: page });
            await ctx.nextLine("continue");
        }
    }
    ctx.out({ history: "done", pages: page });
}

async function historyUpdate(session, [nodeId, time, text, mode], ctx) {
    const performInsertReplace = { insert: 1, replace: 2, update: 3 }[mode];
    if (!performInsertReplace) {
        fail(`history-update: insert, replace or update, not ${mode}`);
    }
    const request = new HistoryUpdateRequest({
        historyUpdateDetails: [
            new UpdateDataDetails({
                nodeId,
                performInsertReplace,
                updateValues: [
                    {
                        value: { dataType: DataType.Double, value: Number(text) },
                        sourceTimestamp: historyTime(time)
                    }
                ]
            })
        ]
    });
    const response = await session.performMessageTransaction(request);
    const result = response.results[0];
    ctx.out({
        status: result.statusCode.name,
        results: (result.operationResults || []).map((status) => status.name)
    });
}

async function historyProcessed(session, [nodeId, start, end, interval, aggregate], ctx) {
    if (AggregateFunction[aggregate] === undefined) {
        fail(`history-processed: unknown aggregate ${aggregate}`);
    }
    const details = new ReadProcessedDetails({
        startTime: historyTime(start),
        endTime: historyTime(end),
        processingInterval: Number(interval),
        aggregateType: [resolveNodeId(AggregateFunction[aggregate])],
        aggregateConfiguration: { useServerCapabilitiesDefaults: true }
    });
    const result = await historyReadOnce(session, details, nodeId, null, false);
    ctx.out({
        status: result.statusCode.name,
        values: historyValuesJson(result.historyData),
        more: !!(result.continuationPoint && result.continuationPoint.length)
    });
}
async function historyMany(session, [nodeId, start, end, max, count], ctx) {
    const details = new ReadRawModifiedDetails({
        isReadModified: false,
        startTime: historyTime(start),
        endTime: historyTime(end),
        numValuesPerNode: Number(max),
        returnBounds: false
    });
    const read = (nodesToRead, release) =>
        new Promise((resolve, reject) =>
            session.historyRead(
                new HistoryReadRequest({
                    historyReadDetails: details,
                    nodesToRead,
                    releaseContinuationPoints: release,
                    timestampsToReturn: TimestampsToReturn.Both
                }),
                (err, response) => (err ? reject(err) : resolve(response.results))
            )
        );
    const results = await read(Array.from({ length: Number(count) }, () => ({ nodeId })), false);
    const points = results.map((r) => r.continuationPoint).filter((p) => p && p.length);
    ctx.out({ statuses: results.map((r) => r.statusCode.name), points: points.length });
    const released = points.length ? await read(points.map((continuationPoint) => ({ nodeId, continuationPoint })), true) : [];
    ctx.out({ released: released.map((r) => r.statusCode.name) });
}
// --- end of History ---
// Call, RegisterNodes and BrowseNext operations (see the top of this file).
function typedArguments(text) {
    if (text === "-") {
        return [];
    }
    return text.split(",").map((entry) => {
        const colon = entry.indexOf(":");
        const type = entry.slice(0, colon);
        if (colon <= 0 || DataType[type] === undefined) {
            fail(`call: ${entry} is not TYPE:VALUE`);
        }
        return { dataType: DataType[type], value: coerce(type, entry.slice(colon + 1)) };
    });
}

// The ids a run's "register" got back are in ctx.registered.
async function readRegistered(session, ctx) {
    const dataValues = await session.read(
        ctx.registered.map((nodeId) => ({ nodeId, attributeId: AttributeIds.Value }))
    );
    return {
        values: dataValues.map((v) => plain(v.value.value)),
        statuses: dataValues.map((v) => v.statusCode.name)
    };
}

async function browsePage(session, nodeId, max) {
    session.requestedMaxReferencesPerNode = max;
    return session.browse({
        nodeId,
        browseDirection: 0, // forward
        referenceTypeId: "HierarchicalReferences",
        includeSubtypes: true,
        nodeClassMask: 0,
        resultMask: 63
    });
}

function callResultJson(result) {
    return {
        status: result.statusCode.name,
        inputArgumentResults: (result.inputArgumentResults || []).map((s) => s.name),
        outputArguments: (result.outputArguments || []).map((v) => ({
            dataType: DataType[v.dataType],
            value: plain(v.value)
        }))
    };
}

async function callMethods(session, words, ctx) {
    const methods = [];
    for (let i = 0; i < words.length; i += 3) {
        methods.push({ objectId: words[i], methodId: words[i + 1], inputArguments: typedArguments(words[i + 2]) });
    }
    try {
        return (await session.call(methods)).map(callResultJson);
    } catch (err) {
        ctx.out({ serviceError: err.message });
        return null;
    }
}

const MethodAndBrowseOperations = {
    call: async (session, words, ctx) => {
        const results = await callMethods(session, words, ctx);
        if (results) {
            ctx.out(results[0]);
        }
    },
    call2: async (session, words, ctx) => {
        const results = await callMethods(session, words, ctx);
        if (results) {
            ctx.out({ results });
        }
    },
    register: async (session, [ids], ctx) => {
        const registered = await session.registerNodes(ids.split(","));
        ctx.registered = registered.map((n) => n.toString());
        ctx.out({ registered: ctx.registered });
    },
    "read-registered": async (session, words, ctx) => ctx.out(await readRegistered(session, ctx)),
    "read-loop-registered": async (session, words, ctx) => {
        let stop = false;
        ctx.nextLine().then(() => {
            stop = true;
        });
        let reads = 0;
        let errors = 0;
        let last = null;
        while (!stop) {
            try {
                const { values, statuses } = await readRegistered(session, ctx);
                if (statuses.every((s) => s === "Good")) {
                    ++reads;
                } else {
                    ++errors;
                }
                const text = JSON.stringify(values);
                if (text !== last) {
                    if (last === null) {
                        ctx.out({ looping: true });
                    }
                    ctx.out({ values, statuses });
                    last = text;
                }
            } catch (err) {
                ++errors;
                ctx.out({ readError: err.message });
            }
        }
        ctx.out({ reads, errors });
    },
    unregister: async (session, words, ctx) => {
        await session.unregisterNodes(ctx.registered);
        ctx.out({ status: "Good" });
    },
    "browse-pages": async (session, [nodeId, maxText, waitText], ctx) => {
        const wait = Number(waitText);
        let result = await browsePage(session, nodeId, Number(maxText));
        const all = [];
        for (let page = 1; ; ++page) {
            const names = result.references.map((r) => r.browseName.name);
            all.push(...names);
            const more = !!(result.continuationPoint && result.continuationPoint.length);
            ctx.out({ page, status: result.statusCode.name, references: names, more });
            if (!more || !result.statusCode.isGood()) {
                break;
            }
            if (page === wait) {
                ctx.out({ waiting: true });
                await ctx.nextLine();
            }
            result = await session.browseNext(result.continuationPoint, false);
        }
        ctx.out({ browsed: all });
    },
    "browse-release": async (session, [nodeId, maxText], ctx) => {
        const first = await browsePage(session, nodeId, Number(maxText));
        const point = first.continuationPoint;
        const release = await session.browseNext(point, true);
        const after = await session.browseNext(point, false);
        ctx.out({
            first: first.references.length,
            release: release.statusCode.name,
            after: after.statusCode.name
        });
    },
    "browse-many": async (session, [nodeId, maxText, countText], ctx) => {
        session.requestedMaxReferencesPerNode = Number(maxText);
        const results = await session.browse(Array.from({ length: Number(countText) }, () => nodeId));
        ctx.out({
            statuses: results.map((r) => r.statusCode.name),
            points: results.map((r) => !!(r.continuationPoint && r.continuationPoint.length))
        });
    },
    "wait-line": async (session, words, ctx) => {
        ctx.out({ waiting: true });
        await ctx.nextLine();
    }
};

// --- Events and alarms (see the top of this file) ---
function eventValueJson(variant) {
    if (!variant || variant.dataType === DataType.Null) {
        return null;
    }
    const value = variant.value;
    if (Buffer.isBuffer(value)) {
        // The test peer's tagged EventIds as their text, node-opcua's own in hex.
        return /^[\x20-\x7e]*$/.test(value.toString("latin1")) ? value.toString("latin1") : `0x${value.toString("hex")}`;
    }
    if (value && typeof value === "object" && "text" in value && "locale" in value) {
        return value.text; // LocalizedText
    }
    return plain(value);
}

async function events(session, [nodeId, ...options], args, ctx) {
    let names = ["EventId", "EventType", "SourceName", "Message", "Severity"];
    for (let i = 0; i < options.length; i += 2) {
        if (options[i] !== "--select" || options[i + 1] === undefined) {
            fail(`events: bad option ${options[i]}`);
        }
        names = options[i + 1].split(",");
    }
    const subscription = await session.createSubscription2({
        requestedPublishingInterval: args.interval,
        requestedLifetimeCount: 100,
        requestedMaxKeepAliveCount: 10,
        maxNotificationsPerPublish: 1000,
        publishingEnabled: true,
        priority: 1
    });
    // The sequence number of the NotificationMessage each event came in.
    const arrivals = new WeakMap();
    subscription.on("received_notifications", (message) => {
        for (const data of message.notificationData || []) {
            for (const e of (data && data.events) || []) {
                if (e.eventFields) {
                    arrivals.set(e.eventFields, message.sequenceNumber);
                }
            }
        }
    });
    const lines = [];
    let subscribed = false;
    const { constructEventFilter } = require("node-opcua");
    const item = ClientMonitoredItem.create(
        subscription,
        { nodeId, attributeId: AttributeIds.EventNotifier },
        { samplingInterval: 0, queueSize: 1000, discardOldest: true, filter: constructEventFilter(names) },
        TimestampsToReturn.Both
    );
    item.on("changed", (eventFields) => {
        const fields = eventFields.map(eventValueJson);
        const event = {};
        names.forEach((name, k) => (event[name] = fields[k]));
        const line = { seq: arrivals.has(eventFields) ? arrivals.get(eventFields) : null, fields, event };
        if (subscribed) {
            ctx.out(line);
        } else {
            lines.push(line);
        }
    });
    await new Promise((resolve, reject) => {
        item.once("initialized", resolve);
        item.once("err", (message) => reject(new Error(`${nodeId}: ${message}`)));
    });
    const itemId = item.monitoredItemId;
    const filterResult = item.filterResult && item.filterResult.selectClauseResults;
    ctx.out({
        subscribed: true,
        subscriptionId: subscription.subscriptionId,
        filterResult: (filterResult || []).map((status) => status.name)
    });
    subscribed = true;
    lines.splice(0).forEach(ctx.out);

    const call = async (objectId, methodId, inputArguments) => {
        try {
            const r = await session.call({ objectId, methodId, inputArguments });
            return r.statusCode.name;
        } catch (err) {
            return err.message;
        }
    };
    // Its input lines until "quit"; each answered before the next is taken.
    for (;;) {
        const line = await ctx.nextLine();
        const [cmd, ...words] = line.trim().split(/\s+/);
        if (cmd === "quit") {
            return "quit";
        } else if (cmd === "refresh") {
            const id = words.length ? Number(words[0]) : subscription.subscriptionId;
            ctx.out({ refresh: await call("i=2782", "i=3875", [{ dataType: DataType.UInt32, value: id }]) });
        } else if (cmd === "refresh2") {
            ctx.out({
                refresh2: await call("i=2782", "i=12912", [
                    { dataType: DataType.UInt32, value: subscription.subscriptionId },
                    { dataType: DataType.UInt32, value: itemId }
                ])
            });
        } else if (cmd === "ack" && words.length >= 3) {
            const [condition, eventId, ...comment] = words;
            ctx.out({
                ack: await call(condition, "i=9111", [
                    {
                        dataType: DataType.ByteString,
                        value: eventId.startsWith("0x") ? Buffer.from(eventId.slice(2), "hex") : Buffer.from(eventId, "latin1")
                    },
                    { dataType: DataType.LocalizedText, value: { text: comment.join(" ") } }
                ])
            });
        } else if (cmd) {
            ctx.out({ error: `events: unknown line ${line}` });
        }
    }
}
// --- end of Events and alarms ---

// --- Transferred subscriptions (TransferSubscriptions, a session on a new channel) ---
//   keep NODEIDS            (comes last; NODEIDS comma separated) a subscription (publishing
//                           interval --interval, lifetime count 600, max keep-alive count 10)
//                           with a data item on each node (sampling 0, queue 100), printing
//                           {"subscribed":true,"subscriptionId":N,"handles":{NODEID:H,..}}
//                           then a line per value: {"nodeId":..,"value":..,"status":..,
//                           "seq":N,"t":T} ("republished":true when it came by Republish),
//                           {"event":"status_changed","status":..}, and node-opcua's
//                           reconnection as {"event":"reconnecting"|"reconnected"|
//                           "session_restored"|"session_repaired"} (after
//                           "session_restored" it starts node-opcua's Publish requests
//                           again, which its repair leaves stopped). Lines on stdin:
//                           "drop" resets the TCP connection (RST, no polite close) and
//                           lets node-opcua repair the session as it does by itself
//                           ({"dropped":true}); "drop-new-session" resets it without letting
//                           node-opcua reconnect, opens a NEW client and session of the same
//                           identity, calls TransferSubscriptions (sendInitialValues true):
//                           {"transfer":STATUS,"available":[N,..]}, asks Republish for the
//                           available numbers after the last one it had, and goes on with
//                           Publish in the new session, printing the values as before;
//                           "quit" ends it ({"closed":"quit"}).
//   take-over ID            (comes last) TransferSubscriptions of subscription ID to this
//                           session (sendInitialValues true): {"transfer":STATUS,
//                           "available":[N,..]}; when Good, Publish in this session, a line
//                           per value {"handle":H,"value":..,"seq":N} until "quit" on stdin
//                           ({"closed":"quit"}); else {"closed":"refused"}.
const net = require("node:net");
const { promisify } = require("node:util");

// Resets this process's TCP connections to the proxy's port: RST, no FIN, as a network
// fault leaves them; node-opcua is told as a reset from the other side tells it
// (ECONNRESET), which is what makes it reconnect.
function resetConnections(url) {
    const port = Number(new URL(url.replace(/^opc\.tcp:/, "http:")).port);
    let reset = 0;
    for (const handle of process._getActiveHandles()) {
        if (handle instanceof net.Socket && handle.remotePort === port && !handle.destroyed) {
            handle.resetAndDestroy();
            handle.emit("error", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }));
            ++reset;
        }
    }
    return reset;
}

// A Publish loop in `session` for subscription `subscriptionId` (not node-opcua's own
// engine: the session has no ClientSubscription), calling show(notificationMessage,
// republished) for each message with data; ends when stop() says so.
async function publishLoop(session, subscriptionId, show, stop) {
    const publish = promisify(session.publish.bind(session));
    let acknowledgements = [];
    while (!stop()) {
        let response;
        try {
            response = await publish({ subscriptionAcknowledgements: acknowledgements });
        } catch (err) {
            if (stop()) {
                return;
            }
            emit({ publishError: err.message });
            return;
        }
        acknowledgements = [];
        const message = response.notificationMessage;
        if (message && (message.notificationData || []).length > 0) {
            if (response.subscriptionId === subscriptionId) {
                acknowledgements.push({ subscriptionId, sequenceNumber: message.sequenceNumber });
            }
            show(message, false);
        }
    }
}

// The values of a NotificationMessage as lines: [{handle, value, status}], and status
// changes as {"event":"status_changed"}.
function messageLines(message) {
    const lines = [];
    for (const data of message.notificationData || []) {
        if (data && data.monitoredItems) {
            for (const item of data.monitoredItems) {
                lines.push({ handle: item.clientHandle, ...dataValueJson(item.value) });
            }
        } else if (data && data.status !== undefined) {
            lines.push({ event: "status_changed", status: data.status.name });
        }
    }
    return lines;
}

async function transferTo(session, subscriptionId) {
    const transfer = promisify(session.transferSubscriptions.bind(session));
    const response = await transfer({ subscriptionIds: [subscriptionId], sendInitialValues: true });
    const result = response.results[0];
    return {
        transfer: result.statusCode.name,
        available: Array.from(result.availableSequenceNumbers || [])
    };
}

async function keep(client, session, [nodeIdList], args, url) {
    const nodeIds = nodeIdList.split(",");
    client.connectionStrategy.maxRetry = WatchMaxRetry; // node-opcua repairs after "drop"
    let ended = false;
    const event = (name, details = {}) => !ended && emit({ event: name, ...details, t: Date.now() });
    client.on("start_reconnection", () => event("reconnecting"));
    client.on("after_reconnection", () => event("reconnected"));
    session.on("session_restored", () => {
        event("session_restored");
        // node-opcua 2.x repairs a session on a new channel (ActivateSession, Republish) but
        // sends no Publish again: the ones cancelled by the break ("Connection Break") are
        // not replaced. Start them again as its new-session path does (suspend(false)).
        session.getPublishEngine().replenish_publish_request_queue();
    });
    session.on("session_repaired", () => event("session_repaired"));

    const subscription = await session.createSubscription2({
        requestedPublishingInterval: args.interval,
        requestedLifetimeCount: 600,
        requestedMaxKeepAliveCount: 10,
        maxNotificationsPerPublish: 0,
        publishingEnabled: true,
        priority: 1
    });
    const handles = {};
    const nodeOf = {};
    let lastSeq = 0;
    const print = (message, republished) => {
        if (ended || (message.notificationData || []).length === 0) {
            return; // a keep-alive carries the next number, not one used
        }
        lastSeq = Math.max(lastSeq, message.sequenceNumber);
        for (const line of messageLines(message)) {
            const nodeId = nodeOf[line.handle];
            delete line.handle;
            emit({
                ...(nodeId ? { nodeId } : {}),
                ...line,
                seq: message.sequenceNumber,
                ...(republished ? { republished: true } : {}),
                t: Date.now()
            });
        }
    };
    subscription.on("raw_notification", (message) => print(message, false));
    for (const nodeId of nodeIds) {
        const item = ClientMonitoredItem.create(
            subscription,
            { nodeId, attributeId: AttributeIds.Value },
            { samplingInterval: 0, discardOldest: true, queueSize: 100 },
            TimestampsToReturn.Both
        );
        await new Promise((resolve, reject) => {
            item.once("initialized", resolve);
            item.once("err", (message) => reject(new Error(`${nodeId}: ${message}`)));
        });
        handles[nodeId] = item.monitoringParameters.clientHandle;
        nodeOf[item.monitoringParameters.clientHandle] = nodeId;
    }
    emit({ subscribed: true, subscriptionId: subscription.subscriptionId, handles });

    let newSession = null;
    const dropToNewSession = async () => {
        client.connectionStrategy.maxRetry = 0; // the old client stays down
        subscription.removeAllListeners("raw_notification");
        emit({ dropped: resetConnections(url) > 0 });
        const other = OPCUAClient.create({
            applicationName: "TandemPeerCheck",
            endpointMustExist: false,
            connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
            requestedSessionTimeout: 20000
        });
        await other.connect(url);
        newSession = await other.createSession(
            args.user ? { type: UserTokenType.UserName, ...args.user } : { type: UserTokenType.Anonymous }
        );
        const result = await transferTo(newSession, subscription.subscriptionId);
        emit(result);
        if (result.transfer !== "Good") {
            return;
        }
        const republish = promisify(newSession.republish.bind(newSession));
        for (const number of result.available.filter((n) => n > lastSeq).sort((a, b) => a - b)) {
            const answer = await republish({
                subscriptionId: subscription.subscriptionId,
                retransmitSequenceNumber: number
            });
            print(answer.notificationMessage, true);
        }
        publishLoop(newSession, subscription.subscriptionId, print, () => ended);
    };
    return new Promise((resolve) => {
        const lines = readline.createInterface({ input: process.stdin, terminal: false });
        lines.on("line", (line) => {
            const word = line.trim();
            if (word === "quit") {
                ended = true;
                emit({ closed: "quit" });
                process.exit(0);
            } else if (word === "drop") {
                emit({ dropped: resetConnections(url) > 0 });
            } else if (word === "drop-new-session") {
                dropToNewSession().catch((err) => emit({ error: `drop-new-session: ${err.message}` }));
            }
        });
    });
}

async function takeOver(session, [id]) {
    const subscriptionId = Number(id);
    const result = await transferTo(session, subscriptionId);
    emit(result);
    if (result.transfer !== "Good") {
        return "refused";
    }
    let ended = false;
    const show = (message) => {
        for (const line of messageLines(message)) {
            emit({ ...line, seq: message.sequenceNumber });
        }
    };
    publishLoop(session, subscriptionId, show, () => ended);
    return new Promise((resolve) => {
        const lines = readline.createInterface({ input: process.stdin, terminal: false });
        lines.on("line", (line) => {
            if (line.trim() === "quit") {
                ended = true;
                resolve("quit");
            }
        });
    });
}
// --- end of Transferred subscriptions ---

// Subscribes to nodeIds and prints what the subscription and the connection go through
// (see the top of this file). Resolves with the reason the watch ends: "quit" (the line on
// its input), the subscription's end, and without reconnecting also the session's (run()
// races it against the connection's).
async function watch(client, session, nodeIds, args, ctx, { reconnecting }) {
    const out = ctx.out;
    let ended = null; // once set, nothing more is printed
    let subscribed = false;
    const early = []; // lines that came before {"subscribed":true}
    const say = (line) => {
        if (ended !== null) {
            return;
        }
        if (subscribed) {
            out(line);
        } else {
            early.push(line);
        }
    };
    const event = (name, details = {}) => say({ event: name, ...details, t: Date.now() });
    client.on("connection_lost", () => event("connection_lost"));
    client.on("start_reconnection", () => event("reconnecting"));
    client.on("after_reconnection", () => event("reconnected"));
    session.on("session_closed", () => event("session_closed"));

    const subscription = await session.createSubscription2({
        requestedPublishingInterval: args.interval,
        requestedLifetimeCount: 100,
        requestedMaxKeepAliveCount: 10,
        maxNotificationsPerPublish: 100,
        publishingEnabled: true,
        priority: 1
    });
    // node-opcua passes a NotificationMessage to "received_notifications" and only then,
    // after an await, each of its DataValues to the item's "changed": remember which
    // message (and when) each DataValue came in.
    const arrivals = new WeakMap();
    let lastSequenceNumber = null;
    subscription.on("raw_notification", (message) => {
        lastSequenceNumber = message.sequenceNumber;
    });
    subscription.on("received_notifications", (message) => {
        const arrival = { seq: message.sequenceNumber, t: Date.now() };
        for (const data of message.notificationData || []) {
            for (const item of (data && data.monitoredItems) || []) {
                if (item.value) {
                    arrivals.set(item.value, arrival);
                }
            }
        }
    });
    subscription.on("keepalive", () => say({ keepalive: true, seq: lastSequenceNumber, t: Date.now() }));
    subscription.on("status_changed", (status) => event("status_changed", { status: status.name }));
    subscription.on("terminated", () => event("terminated"));

    for (const nodeId of nodeIds) {
        const item = ClientMonitoredItem.create(
            subscription,
            { nodeId, attributeId: AttributeIds.Value },
            { samplingInterval: args.sampling, discardOldest: true, queueSize: 10 },
            TimestampsToReturn.Both
        );
        item.on("changed", (dataValue) => {
            const arrival = arrivals.get(dataValue);
            const line = {
                nodeId,
                ...dataValueJson(dataValue),
                seq: arrival ? arrival.seq : null,
                sourceTimestamp: dataValue.sourceTimestamp ? dataValue.sourceTimestamp.toISOString() : null,
                t: arrival ? arrival.t : Date.now()
            };
            if (nodeId === "i=2259" && typeof line.value === "number") {
                line.state = ServerState[line.value];
            }
            say(line);
        });
        // create() only sends the request; the item tells how it went.
        await new Promise((resolve, reject) => {
            item.once("initialized", resolve);
            item.once("err", (message) => reject(new Error(`${nodeId}: ${message}`)));
        });
    }
    out({ subscribed: true });
    subscribed = true;
    early.splice(0).forEach(emit);

    return new Promise((resolve) => {
        const end = (reason) => {
            if (ended === null) {
                ended = reason;
                resolve(reason);
            }
        };
        subscription.on("terminated", () => end("subscription terminated"));
        if (!reconnecting) {
            session.on("session_closed", () => end("session closed"));
            subscription.on("status_changed", (status) => {
                if (status.isNotGood()) {
                    end(`subscription ${status.name}`);
                }
            });
        }
        ctx.nextLine("quit").then(() => end("quit"));
    });
}

// The lines of a run's input, for operations that wait for one (a watch's "quit", a paused
// history's "continue", a stepped client's "go"): push() hands one in, next() resolves with
// the next one, next(expected) with the next one that is `expected` (others are dropped).
function lineQueue() {
    const queue = [];
    const waiting = [];
    const deliver = () => {
        while (queue.length > 0 && waiting.length > 0) {
            const line = queue.shift();
            const waiter = waiting[0];
            if (waiter.expected === undefined || line === waiter.expected) {
                waiting.shift();
                waiter.resolve(line);
            }
        }
    };
    return {
        push(line) {
            queue.push(line.trim());
            deliver();
        },
        next(expected) {
            return new Promise((resolve) => {
                waiting.push({ expected, resolve });
                deliver();
            });
        }
    };
}

// A process's own stdin as a run's input, read from the first wait on.
function stdinInput() {
    let lines = null;
    return (expected) => {
        if (!lines) {
            lines = lineQueue();
            readline
                .createInterface({ input: process.stdin, terminal: false })
                .on("line", (line) => lines.push(line));
        }
        return lines.next(expected);
    };
}

// Closes the session (if any) and the connection politely, or gives up after timeoutMs.
async function closeWithin(client, session, timeoutMs) {
    const close = async () => {
        if (session) {
            await session.close();
        }
        await client.disconnect();
    };
    await Promise.race([
        close().catch(() => {}),
        new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())
    ]);
}

// A watch that reconnects: node-opcua starts reconnecting when reconnectOnFailure, i.e.
// connectionStrategy.maxRetry > 0, and then retries forever from initialDelay to maxDelay.
const WatchMaxRetry = 1000000;

// One run: the command line's words, its lines through out(), the lines of its input from
// nextLine(expected) (see lineQueue); resolves with its exit code once its client is done,
// or rejects with what failed. served: a run of --serve, which ends its client before it
// resolves (a process of its own just exits); it ends as a failure when `aborted` resolves.
async function run(argv, out, nextLine, { served, aborted = null }) {
    const ctx = { out, nextLine, registered: [] };
    const args = parseArgs(argv);
    const operations = splitOperations(args.operation);
    const last = operations[operations.length - 1][0];
    const watching = last.startsWith("watch") || last === "events";
    const reconnecting = last === "watch";
    const clientCertificateManager = new OPCUACertificateManager({
        rootFolder: path.join(args.pki, "ClientPKI"),
        automaticallyAcceptUnknownCertificate: true
    });
    const client = OPCUAClient.create({
        applicationName: "TandemPeerCheck",
        securityMode: MessageSecurityMode[args.security.mode],
        securityPolicy: SecurityPolicy[args.security.policy],
        endpointMustExist: false,
        // No retry for the first connection: no server is an error at once.
        connectionStrategy: reconnecting
            ? { maxRetry: 0, initialDelay: 200, maxDelay: 1000 }
            : { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
        requestedSessionTimeout: 20000,
        clientCertificateManager
    });
    let session = null;
    let disconnected = false;
    const body = async () => {
        if (args.security.policy !== "None") {
            await clientCertificateManager.initialize();
            await client.createDefaultCertificate();
            fs.writeFileSync(path.join(args.pki, "client-certificate.der"), client.getCertificate());
        }
        let closed = null;
        // watch-shutdown ends when the server goes; node-opcua would otherwise try to reconnect.
        const connectionLost = new Promise((resolve) => {
            client.on("close", () => resolve("connection closed"));
            client.on("connection_lost", () => resolve("connection lost"));
            client.on("backoff", () => resolve("connection lost"));
        });
        try {
            await client.connect(args.url);
        } catch (err) {
            fail(`connect: ${err.message}`);
        }
        if (reconnecting) {
            client.connectionStrategy.maxRetry = WatchMaxRetry;
        }
        if (args.plainPassword) {
            // node-opcua picks the strongest user name policy; leave it only the one that
            // takes the password in clear text, as a client without RSA would choose.
            for (const endpoint of client._serverEndpoints) {
                endpoint.userIdentityTokens = endpoint.userIdentityTokens.filter(
                    (policy) =>
                        policy.tokenType !== UserTokenType.UserName ||
                        !policy.securityPolicyUri ||
                        policy.securityPolicyUri === SecurityPolicy.None
                );
            }
        }
        try {
            session = await client.createSession(
                args.user ? { type: UserTokenType.UserName, ...args.user } : { type: UserTokenType.Anonymous }
            );
        } catch (err) {
            fail(`session: ${err.message}`);
        }
        for (const words of operations) {
            try {
                const operation = runOperation(client, session, words, args, ctx);
                closed = await (watching && !reconnecting ? Promise.race([operation, connectionLost]) : operation);
            } catch (err) {
                if (err instanceof Failure) {
                    throw err;
                }
                fail(`${words[0]}: ${err.message}`);
            }
            if (closed !== null) {
                break;
            }
        }
        if (closed !== null) {
            out({ closed });
            // The server may still be there: free the session at once rather than leave it
            // to time out. If it is gone, do not wait for node-opcua to give up on it.
            if (closed === "quit" || closed === "subscription terminated") {
                await closeWithin(client, session, 2000);
            }
            if (served) {
                // Also a client still reconnecting to a server that is gone stops trying.
                client.disconnect().catch(() => {});
                disconnected = true;
            }
            return 0;
        }
        await session.close();
        await client.disconnect();
        disconnected = true;
        return 0;
    };
    let timer = null;
    const limits = [body()];
    if (aborted) {
        limits.push(
            aborted.then(() => {
                throw new Failure("aborted");
            })
        );
    }
    if (!watching) {
        let timeout = args.timeout;
        for (const words of operations) {
            if (words[0] === "read-loop") {
                timeout += loopSeconds(words[1]) * 1000;
            }
        }
        limits.push(
            new Promise((resolve, reject) => {
                timer = setTimeout(() => reject(new Failure(`timed out after ${timeout} ms`)), timeout);
                timer.unref();
            })
        );
    }
    try {
        return await Promise.race(limits);
    } finally {
        clearTimeout(timer);
        if (served && !disconnected) {
            // What a process of its own would leave to its exit: the session and the
            // connection of a run that failed or timed out.
            await closeWithin(client, session, 2000);
        }
    }
}

// client.js --serve: runs side by side, their lines tagged with their ids.
function serve() {
    const inputs = new Map(); // run id -> its input lines (and abort())
    const lines = readline.createInterface({ input: process.stdin, terminal: false });
    lines.on("line", (line) => {
        let request;
        try {
            request = JSON.parse(line);
        } catch (err) {
            emit({ error: `not a request: ${line}` });
            return;
        }
        const id = request.run;
        const going = inputs.get(id);
        if (request.input !== undefined || request.abort) {
            if (going && request.abort) {
                going.abort();
            } else if (going) {
                going.push(String(request.input));
            }
            return;
        }
        const tagged = (object) => emit({ run: id, line: object });
        const input = lineQueue();
        const aborted = new Promise((resolve) => {
            input.abort = resolve;
        });
        inputs.set(id, input);
        run(Array.isArray(request.args) ? request.args.map(String) : [], tagged, (expected) => input.next(expected), {
            served: true,
            aborted
        })
            .catch((err) => {
                tagged({ error: failureMessage(err) });
                return 1;
            })
            .then((exit) => {
                inputs.delete(id);
                emit({ run: id, exit });
            });
    });
    lines.on("close", () => process.exit(0));
}

async function main() {
    const argv = process.argv.slice(2);
    if (argv.length === 1 && argv[0] === "--serve") {
        serve();
        return;
    }
    process.exit(await run(argv, emit, stdinInput(), { served: false }));
}

main().catch((err) => {
    emit({ error: failureMessage(err) });
    process.exit(1);
});
