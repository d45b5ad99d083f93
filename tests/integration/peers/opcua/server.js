#!/usr/bin/env node
// OPC UA server that Tandem's integration tests connect to.
//
// An independent implementation (node-opcua 2.x, see package.json) on 127.0.0.1,
// SecurityPolicy None with MessageSecurityMode None unless --security says otherwise,
// anonymous and user-name identity. It prints "READY PORT" once it listens, and nothing
// else on stdout; node-opcua's own log lines go to stderr. Its certificate (DER) is
// written to DIR/server-certificate-PORT.der before READY, for a test to trust or refuse.
// With a policy other than None the server presents a certificate of its own making
// (ApplicationUri urn:tandem:test, DNS and IP 127.0.0.1), so a client can check the host.
//
// Address space: namespace 1 is "urn:tandem:test", with the folder ns=1;s=Plant (under
// Objects) holding
//   Counter  Int32, counts up from --offset every --counter-period ms (100 by default)
//   Offset   Int32, the offset                           Array   Double[3], 1.5 2.5 3.5
//   Value    Double, writable, 0                         Flag    Boolean, writable, false
// so a test can tell which of two servers answered. Server_ServiceLevel is 255 until
// "service-level" changes it.
// ns=1;s=History (Double, in Plant) is archived: HistoryCount values, value i at
// 2024-01-01T00:00:00Z + i s, and after every value i with i % 500 == 249 a second one, -i,
// at the same source timestamp. Both servers of a pair hold the same archive; each value's
// server timestamp is its source timestamp + --offset ms, so a reader can tell which server
// answered. HistoryRead serves raw reads with continuation points (node-opcua's) and
// processed reads (node-opcua's aggregates: Average, Minimum, Maximum, ...); HistoryUpdate
// takes UpdateDataDetails for ns=1;s=History (insert, replace, update; the server timestamp
// marked the same way).
// Events and alarms: ns=1;s=Tank (an Object in Objects, a notifier of the Server object, so
// an event item on i=2253 sees its events) holds ns=1;s=Level (Double, 0) and
// ns=1;s=LevelAlarm, an ExclusiveLimitAlarm on Level (High at 80, HighHigh at 90): "level 95"
// makes it active, "level 10" inactive again, each transition one event. The EventIds of the
// events a "level" or "event" line raises are TAG#1, TAG#2, ... (ASCII) when TAG is given,
// so two servers fed the same lines give their events the same EventIds, as a redundant
// server set does; without TAG node-opcua's own. ConditionRefresh and ConditionRefresh2
// answer BadSubscriptionIdInvalid for a subscription of another session (node-opcua checks
// nothing). "alarm" answers {"active":BOOL,"acked":BOOL,"comment":TEXT,"eventId":TEXT,
// "refreshes":[SUBSCRIPTIONID,..]} (eventId: the condition's last, as text, or 0x and hex
// when not printable; refreshes: the
// ConditionRefresh calls it took).
//
// Control lines on stdin, each answered by "ok" (or "error ..."):
//   set Value|Flag|Counter VALUE   service-level N (Server_ServiceLevel i=2267, 0..255)
//   shutdown MS     server.shutdown(MS): State (i=2259) becomes Shutdown and
//                   SecondsTillShutdown (i=2992) counts down; the process exits after MS
//   stop-counter    start-counter    quit
//   hold-calls      release-calls    wait-held N   (see the method Reset below)
//   counter         answers "ok N", Counter's value now
//   level VALUE [TAG]   sets ns=1;s=Level (see Events and alarms below)
//   event MESSAGE [TAG] raises a BaseEventType event with MESSAGE from ns=1;s=Tank
//   alarm           answers "ok {JSON}": the alarm's state (below)
//   reset           back to how the start left it: Counter at the offset and counting,
//                   Value 0, Flag false, Server_ServiceLevel 255, calls not held, History
//                   as it was (for a peer a test keeps from one case to the next); Level
//                   and the alarm stay as they are (a test of alarms starts its servers)
// When stdin closes the server keeps serving until SIGTERM.
//
// For Call and BrowseNext: the object ns=1;s=Machine under Objects has the method
// ns=1;s=Machine.Reset(counter UInt32) -> previous Int32, which sets Counter to its argument
// and returns the value before. After "hold-calls" it answers no call until
// "release-calls" (so a test can kill or hang a server with a call in it); "wait-held N"
// answers "ok" once N calls are held. The folder ns=1;s=Many under Objects holds 50 Int32
// variables ns=1;s=Many.Item00 .. Item49 (values 0..49), for browses that need BrowseNext.
//
// Options: --port N (0 picks a free one), --offset N, --path /RESOURCE (the endpoint
// URL's path, default none), --user USER:PASSWORD (accept this user name identity
// besides anonymous; the password encrypted with the server's certificate as node-opcua
// offers it, or in clear text under the policy "username_plain"), --anonymous yes|no
// (default yes: whether anonymous sessions are accepted), --user-policies
// both|plain|encrypted (default both: which user name policies to offer), --pki DIR
// (node-opcua's certificate stores and the server's self-signed certificate; reuse one
// DIR to skip generating a key at every start), --counter-period MS (how often Counter
// counts up, default 100), --security LIST (comma separated POLICY:MODE with the spec's
// names, e.g. Basic256Sha256:SignAndEncrypt,Aes256_Sha256_RsaPss:Sign; default None:None;
// node-opcua offers every listed policy with every listed mode), --cert expired|uri-mismatch
// (a certificate that expired yesterday, or whose ApplicationUri is not the server's).
"use strict";

// node-opcua logs with console.log: keep stdout for READY and the control answers.
console.log = console.info = console.warn = console.debug = console.error;

const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");
const readline = require("node:readline");

const {
    OPCUAServer,
    OPCUACertificateManager,
    DataType,
    DataValue,
    HistoryUpdateResponse,
    HistoryUpdateResult,
    addAggregateSupport,
    MessageSecurityMode,
    SecurityPolicy,
    StatusCodes,
    UserTokenPolicy,
    UserTokenType,
    Variant,
    VariantArrayType
} = require("node-opcua");
const { UpdateDataDetails, PerformUpdateType } = require("node-opcua-types");
const { isMinDate } = require("node-opcua-date-time");

const NamespaceUri = "urn:tandem:test";
const Host = "127.0.0.1";
const DefaultCounterPeriodMs = 100;
const ServiceLevelNodeId = "i=2267";

function fail(message) {
    process.stderr.write(`opcua peer: ${message}\n`);
    process.exit(2);
}

function parseArgs(argv) {
    const args = {
        port: 0,
        offset: 0,
        path: "",
        user: null,
        userPolicies: "both",
        anonymous: true,
        pki: null,
        counterPeriod: DefaultCounterPeriodMs,
        security: [{ policy: "None", mode: "None" }],
        cert: null // "expired", "uri-mismatch"; null: "valid" where one is made
    };
    for (let i = 0; i < argv.length; ++i) {
        const name = argv[i];
        const value = argv[i + 1];
        if (value === undefined) {
            fail(`${name} needs a value`);
        }
        ++i;
        switch (name) {
            case "--port":
                args.port = Number(value);
                if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
                    fail(`bad port ${value}`);
                }
                break;
            case "--offset":
                args.offset = Number(value);
                if (!Number.isInteger(args.offset)) {
                    fail(`bad offset ${value}`);
                }
                break;
            case "--path":
                if (value !== "" && !value.startsWith("/")) {
                    fail("--path must start with /");
                }
                args.path = value;
                break;
            case "--user": {
                const colon = value.indexOf(":");
                if (colon <= 0) {
                    fail("--user takes USER:PASSWORD");
                }
                args.user = { name: value.slice(0, colon), password: value.slice(colon + 1) };
                break;
            }
            case "--user-policies":
                if (!["both", "plain", "encrypted"].includes(value)) {
                    fail("--user-policies takes both, plain or encrypted");
                }
                args.userPolicies = value;
                break;
            case "--anonymous":
                if (value !== "yes" && value !== "no") {
                    fail("--anonymous takes yes or no");
                }
                args.anonymous = value === "yes";
                break;
            case "--pki":
                args.pki = path.resolve(value);
                break;
            case "--counter-period":
                args.counterPeriod = Number(value);
                if (!Number.isInteger(args.counterPeriod) || args.counterPeriod < 1) {
                    fail(`bad counter period ${value}`);
                }
                break;
            case "--security":
                args.security = value.split(",").map((entry) => {
                    const [policy, mode] = entry.split(":");
                    if (!(policy in SecurityPolicy) || !(mode in MessageSecurityMode)) {
                        fail(`--security: ${entry} is not POLICY:MODE`);
                    }
                    return { policy, mode };
                });
                break;
            case "--cert":
                if (value !== "expired" && value !== "uri-mismatch") {
                    fail("--cert takes expired or uri-mismatch");
                }
                args.cert = value;
                break;
            default:
                fail(`unknown option ${name}`);
        }
    }
    if (!args.pki) {
        // Never node-opcua's default under $HOME.
        args.pki = path.join(os.tmpdir(), `tandem-opcua-peer-${process.getuid()}`);
    }
    return args;
}

// A free loopback port. node-opcua can listen on port 0 itself, but it writes the
// endpoint URLs before it listens, so GetEndpoints would answer with port 0.
function freePort() {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.once("error", reject);
        probe.listen({ port: 0, host: Host, exclusive: true }, () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

function certificateFile(args, port) {
    return path.join(args.pki, `server-certificate-${port}.der`);
}

// A server certificate of the kind --cert asks for ("valid" otherwise), signed with the
// server's own key.
async function makeCertificate(args, manager, port) {
    await manager.initialize();
    const kind = args.cert || "valid";
    const file = path.join(args.pki, `server-${kind}-${port}.pem`);
    const now = Date.now();
    const day = 24 * 3600 * 1000;
    await manager.createSelfSignedCertificate({
        outputFile: file,
        subject: `/CN=Tandem test peer ${kind}`,
        applicationUri: args.cert === "uri-mismatch" ? "urn:tandem:someone-else" : NamespaceUri,
        dns: [Host, os.hostname()],
        ip: [Host],
        startDate: new Date(args.cert === "expired" ? now - 10 * day : now - day),
        validity: args.cert === "expired" ? 5 : 365
    });
    return { certificateFile: file, privateKeyFile: manager.privateKey };
}

function securityOptions(args) {
    const isNone = args.security.length === 1 && args.security[0].policy === "None";
    if (isNone) {
        // Basic256Sha256 makes node-opcua offer a user name policy with the password
        // RSA-encrypted under it on the None endpoint; with security mode None only, no
        // signed or encrypted endpoint appears.
        return {
            securityPolicies:
                args.user && args.userPolicies !== "plain"
                    ? [SecurityPolicy.None, SecurityPolicy.Basic256Sha256]
                    : [SecurityPolicy.None],
            securityModes: [MessageSecurityMode.None]
        };
    }
    const unique = (list) => [...new Set(list)];
    return {
        securityPolicies: unique(args.security.map((s) => SecurityPolicy[s.policy])),
        securityModes: unique(args.security.map((s) => MessageSecurityMode[s.mode]))
    };
}

async function makeServer(args, port) {
    fs.mkdirSync(args.pki, { recursive: true });
    const serverCertificateManager = new OPCUACertificateManager({
        rootFolder: path.join(args.pki, "PKI"),
        automaticallyAcceptUnknownCertificate: true
    });
    const secured = args.security.some((s) => s.policy !== "None");
    const certificate =
        args.cert || secured ? await makeCertificate(args, serverCertificateManager, port) : {};
    const options = {
        ...certificate,
        ...securityOptions(args),
        port,
        host: Host,
        hostname: Host,
        resourcePath: args.path,
        allowAnonymous: args.anonymous,
        // Tests kill clients (tandemd with SIGKILL) whose sessions then stay until they
        // time out; room for those, as a production server would not need.
        serverCapabilities: { maxSessions: 100 },
        serverInfo: {
            applicationUri: NamespaceUri,
            productUri: "urn:tandem:test:peer",
            applicationName: { text: "Tandem test peer", locale: "en" }
        },
        buildInfo: { productName: "Tandem OPC UA test peer", manufacturerName: "Tandem tests" },
        serverCertificateManager,
        userCertificateManager: new OPCUACertificateManager({
            rootFolder: path.join(args.pki, "UserPKI"),
            automaticallyAcceptUnknownCertificate: true
        })
    };
    if (args.user) {
        options.userManager = {
            isValidUser: (userName, password) =>
                userName === args.user.name && password === args.user.password
        };
    }
    return new OPCUAServer(options);
}

// node-opcua offers user names on a None endpoint only with the password encrypted
// with the server's certificate (see securityPolicies); "username_plain" lets a client
// send it in clear text instead (OPC UA Part 4, 7.41: securityPolicyUri null = the
// channel's). "plain" offers only that, "encrypted" only node-opcua's own.
function setUserPolicies(server, which) {
    for (const endpoint of server.endpoints) {
        for (const description of endpoint.endpointDescriptions()) {
            if (which === "plain") {
                description.userIdentityTokens = description.userIdentityTokens.filter(
                    (policy) => policy.tokenType !== UserTokenType.UserName
                );
            }
            if (which === "encrypted") {
                continue;
            }
            description.userIdentityTokens.push(
                new UserTokenPolicy({
                    policyId: "username_plain",
                    tokenType: UserTokenType.UserName,
                    securityPolicyUri: null
                })
            );
        }
    }
}

function buildAddressSpace(server, args, state) {
    const addressSpace = server.engine.addressSpace;
    const namespace = addressSpace.getOwnNamespace();
    if (namespace.namespaceUri !== NamespaceUri || namespace.index !== 1) {
        fail(`own namespace is ${namespace.index} ${namespace.namespaceUri}`);
    }
    const plant = namespace.addFolder(addressSpace.rootFolder.objects, {
        nodeId: "s=Plant",
        browseName: "Plant"
    });
    const add = (name, dataType, value, { writable = false, array = false } = {}) =>
        namespace.addVariable({
            componentOf: plant,
            nodeId: `s=${name}`,
            browseName: name,
            dataType,
            valueRank: array ? 1 : -1,
            arrayDimensions: array ? [value.length] : null,
            accessLevel: writable ? "CurrentRead | CurrentWrite" : "CurrentRead",
            userAccessLevel: writable ? "CurrentRead | CurrentWrite" : "CurrentRead",
            minimumSamplingInterval: 0,
            value: new Variant({
                dataType: DataType[dataType],
                arrayType: array ? VariantArrayType.Array : VariantArrayType.Scalar,
                value
            })
        });
    state.counter = add("Counter", "Int32", args.offset | 0);
    add("Offset", "Int32", args.offset | 0);
    state.value = add("Value", "Double", 0, { writable: true });
    add("Array", "Double", [1.5, 2.5, 3.5], { array: true });
    state.flag = add("Flag", "Boolean", false, { writable: true });
    state.historian = addHistory(server, args, plant);
    addAlarm(server, state);

    // node-opcua binds ServiceLevel to a getter that always says 255; a stored value
    // instead, so "service-level" changes it and subscribers are told at once.
    state.serviceLevel = addressSpace.findNode(ServiceLevelNodeId);
    state.serviceLevel.bindVariable({}, true);
    state.serviceLevel.setValueFromSource({ dataType: DataType.Byte, value: 255 });
}

function setCounter(state, value) {
    state.count = value | 0; // Int32 wraps
    state.counter.setValueFromSource({ dataType: DataType.Int32, value: state.count });
}

function handleCommand(words, server, state) {
    const [cmd, ...args] = words;
    const number = (text) => (/^[-+]?\d+$/.test(text) ? Number(text) : NaN);
    if (cmd === "set" && args.length === 2) {
        const [name, text] = args;
        if (name === "Value") {
            const value = Number(text);
            if (text.trim() === "" || Number.isNaN(value)) {
                return `error not a number: ${text}`;
            }
            state.value.setValueFromSource({ dataType: DataType.Double, value });
        } else if (name === "Flag") {
            const value = { 1: true, true: true, 0: false, false: false }[text.toLowerCase()];
            if (value === undefined) {
                return `error not a boolean: ${text}`;
            }
            state.flag.setValueFromSource({ dataType: DataType.Boolean, value });
        } else if (name === "Counter") {
            const value = number(text);
            if (Number.isNaN(value)) {
                return `error not an integer: ${text}`;
            }
            setCounter(state, value);
        } else {
            return `error no such variable: ${name}`;
        }
    } else if (cmd === "service-level" && args.length === 1) {
        const level = number(args[0]);
        if (!(level >= 0 && level <= 255)) {
            return `error service level 0..255: ${args[0]}`;
        }
        state.serviceLevel.setValueFromSource({ dataType: DataType.Byte, value: level });
    } else if (cmd === "shutdown" && args.length === 1) {
        const ms = number(args[0]);
        if (!(ms >= 0)) {
            return `error not a delay in ms: ${args[0]}`;
        }
        if (state.shuttingDown) {
            return "error already shutting down";
        }
        state.shuttingDown = true;
        server.shutdown(ms, (err) => {
            if (err) {
                process.stderr.write(`opcua peer: shutdown failed: ${err.message}\n`);
            }
            process.exit(err ? 1 : 0);
        });
    } else if (cmd === "stop-counter" && args.length === 0) {
        state.counting = false;
    } else if (cmd === "start-counter" && args.length === 0) {
        state.counting = true;
    } else if (cmd === "reset" && args.length === 0) {
        if (state.shuttingDown) {
            return "error shutting down";
        }
        // Calls held by the last case are answered (their clients are gone by now).
        state.holdingCalls = false;
        state.heldCalls.splice(0).forEach((run) => run());
        state.heldWaiters = [];
        setCounter(state, state.offset);
        state.counting = true;
        state.value.setValueFromSource({ dataType: DataType.Double, value: 0 });
        state.flag.setValueFromSource({ dataType: DataType.Boolean, value: false });
        state.serviceLevel.setValueFromSource({ dataType: DataType.Byte, value: 255 });
        state.historian.reset();
    } else if (cmd === "level" || cmd === "event" || cmd === "alarm") {
        return alarmCommand(cmd, args, state);
    } else if (cmd === "quit" && args.length === 0) {
        state.quit = true;
    } else {
        return `error unknown command: ${words.join(" ")}`;
    }
    return "ok";
}

// --- History: ns=1;s=History and HistoryUpdate (see the top of this file) ---
const HistoryStartMs = Date.UTC(2024, 0, 1);
const HistoryCount = 3000;
const HistoryPeriodMs = 1000;

function historyValue(timeMs, value, offset) {
    return new DataValue({
        value: new Variant({ dataType: DataType.Double, value }),
        statusCode: StatusCodes.Good,
        sourceTimestamp: new Date(timeMs),
        serverTimestamp: new Date(timeMs + offset)
    });
}

// node-opcua's historian interface over a fixed archive sorted by source timestamp (its own
// keeps the last values set and cannot be written into).
class ArchiveHistorian {
    constructor(offset) {
        this.offset = offset;
        this.reset();
    }
    // The archive as the start made it, without what HistoryUpdate changed since.
    reset() {
        this.values = [];
        for (let i = 0; i < HistoryCount; ++i) {
            const t = HistoryStartMs + i * HistoryPeriodMs;
            this.values.push(historyValue(t, i, this.offset));
            if (i % 500 === 249) {
                this.values.push(historyValue(t, -i, this.offset));
            }
        }
    }
    push() {
        // Live values are not archived: the archive stays the same on both servers.
    }
    // As node-opcua's VariableHistorian: values in [startTime, endTime] (a bound may be
    // unset), from the end when isReversed, at most maxNumberToExtract (0: all).
    extractDataValues(details, maxNumberToExtract, isReversed, reverseDataValue, callback) {
        const start = details.startTime && !isMinDate(details.startTime) ? details.startTime.getTime() : -Infinity;
        const end = details.endTime && !isMinDate(details.endTime) ? details.endTime.getTime() : Infinity;
        let result = this.values.filter((v) => {
            const t = v.sourceTimestamp.getTime();
            return t >= start && t <= end;
        });
        if (isReversed) {
            result.reverse();
        }
        if (maxNumberToExtract) {
            result = result.slice(0, maxNumberToExtract);
        }
        if (reverseDataValue) {
            result.reverse();
        }
        callback(null, result);
    }
    // UpdateDataDetails (OPC 10000-11, 6.8.2) for one value: the operation's status.
    update(mode, dataValue) {
        const t = dataValue.sourceTimestamp.getTime();
        const index = this.values.findIndex((v) => v.sourceTimestamp.getTime() === t);
        const value = historyValue(t, dataValue.value.value, this.offset);
        if (index >= 0) {
            if (mode === PerformUpdateType.Insert) {
                return StatusCodes.BadEntryExists;
            }
            this.values[index] = value;
            return StatusCodes.GoodEntryReplaced;
        }
        if (mode === PerformUpdateType.Replace) {
            return StatusCodes.BadNoEntryExists;
        }
        const at = this.values.findIndex((v) => v.sourceTimestamp.getTime() > t);
        this.values.splice(at < 0 ? this.values.length : at, 0, value);
        return StatusCodes.GoodEntryInserted;
    }
}

function addHistory(server, args, plant) {
    const addressSpace = server.engine.addressSpace;
    const node = addressSpace.getOwnNamespace().addVariable({
        componentOf: plant,
        nodeId: "s=History",
        browseName: "History",
        dataType: "Double",
        accessLevel: "CurrentRead | HistoryRead",
        userAccessLevel: "CurrentRead | HistoryRead",
        minimumSamplingInterval: 0
    });
    const historian = new ArchiveHistorian(args.offset | 0);
    addressSpace.installHistoricalDataNode(node, { historian });
    addAggregateSupport(addressSpace);
    // node-opcua looks for _on_HistoryUpdateRequest and has none: HistoryUpdate for History.
    server._on_HistoryUpdateRequest = function (message, channel) {
        const request = message.request;
        this._apply_on_SessionObject(HistoryUpdateResponse, message, channel, (session, sendResponse) => {
            const results = (request.historyUpdateDetails || []).map((details) => {
                if (!(details instanceof UpdateDataDetails)) {
                    return new HistoryUpdateResult({ statusCode: StatusCodes.BadHistoryOperationUnsupported });
                }
                if (details.nodeId.toString() !== node.nodeId.toString()) {
                    return new HistoryUpdateResult({ statusCode: StatusCodes.BadNodeIdUnknown });
                }
                const operationResults = (details.updateValues || []).map((v) =>
                    historian.update(details.performInsertReplace, v)
                );
                return new HistoryUpdateResult({ statusCode: StatusCodes.Good, operationResults });
            });
            sendResponse(new HistoryUpdateResponse({ results }));
        });
    };
    return historian;
}
// --- end of History ---
// Reset and the Many folder (see the top of this file).
function addMethodAndManyNodes(server, state) {
    const addressSpace = server.engine.addressSpace;
    const namespace = addressSpace.getOwnNamespace();
    state.heldCalls = [];
    state.holdingCalls = false;
    state.heldWaiters = [];
    const machine = namespace.addObject({
        organizedBy: addressSpace.rootFolder.objects,
        nodeId: "s=Machine",
        browseName: "Machine"
    });
    const reset = namespace.addMethod(machine, {
        nodeId: "s=Machine.Reset",
        browseName: "Reset",
        inputArguments: [{ name: "counter", dataType: DataType.UInt32, description: { text: "the new count" } }],
        outputArguments: [{ name: "previous", dataType: DataType.Int32, description: { text: "the count before" } }]
    });
    reset.bindMethod((inputArguments, context, callback) => {
        const run = () => {
            const previous = state.count;
            setCounter(state, inputArguments[0].value);
            callback(null, {
                statusCode: StatusCodes.Good,
                outputArguments: [{ dataType: DataType.Int32, value: previous }]
            });
        };
        if (!state.holdingCalls) {
            run();
            return;
        }
        state.heldCalls.push(run);
        answerHeldWaiters(state);
    });
    const many = namespace.addFolder(addressSpace.rootFolder.objects, { nodeId: "s=Many", browseName: "Many" });
    for (let i = 0; i < 50; ++i) {
        const name = `Item${String(i).padStart(2, "0")}`;
        namespace.addVariable({
            componentOf: many,
            nodeId: `s=Many.${name}`,
            browseName: name,
            dataType: "Int32",
            value: new Variant({ dataType: DataType.Int32, value: i })
        });
    }
}

function answerHeldWaiters(state) {
    state.heldWaiters = state.heldWaiters.filter((waiter) => {
        if (state.heldCalls.length < waiter.count) {
            return true;
        }
        process.stdout.write("ok\n");
        return false;
    });
}

// hold-calls, release-calls, wait-held N: true when the line was one of them (answered).
function handleCallCommand(words, state) {
    const [cmd, ...args] = words;
    if (cmd === "hold-calls" && args.length === 0) {
        state.holdingCalls = true;
    } else if (cmd === "release-calls" && args.length === 0) {
        state.holdingCalls = false;
        state.heldCalls.splice(0).forEach((run) => run());
    } else if (cmd === "counter" && args.length === 0) {
        process.stdout.write(`ok ${state.count}\n`);
        return true;
    } else if (cmd === "wait-held" && args.length === 1 && /^\d+$/.test(args[0])) {
        state.heldWaiters.push({ count: Number(args[0]) });
        answerHeldWaiters(state);
        return true;
    } else {
        return false;
    }
    process.stdout.write("ok\n");
    return true;
}

// --- Events and alarms (see the top of this file) ---
function addAlarm(server, state) {
    const addressSpace = server.engine.addressSpace;
    const namespace = addressSpace.getOwnNamespace();
    addressSpace.installAlarmsAndConditionsService();
    const tank = namespace.addObject({
        nodeId: "s=Tank",
        browseName: "Tank",
        organizedBy: addressSpace.rootFolder.objects,
        notifierOf: addressSpace.rootFolder.objects.server,
        eventNotifier: 1
    });
    state.tank = tank;
    state.level = namespace.addVariable({
        nodeId: "s=Level",
        browseName: "Level",
        componentOf: tank,
        eventSourceOf: tank,
        dataType: "Double",
        minimumSamplingInterval: 0,
        value: new Variant({ dataType: DataType.Double, value: 0 })
    });
    state.alarm = namespace.instantiateExclusiveLimitAlarm("ExclusiveLimitAlarmType", {
        nodeId: "s=LevelAlarm",
        browseName: "LevelAlarm",
        componentOf: tank,
        conditionSource: state.level,
        inputNode: state.level,
        highHighLimit: 90,
        highLimit: 80
    });
    state.refreshes = [];
    state.eventTag = null;
    const ownEventId = addressSpace.generateEventId.bind(addressSpace);
    addressSpace.generateEventId = () =>
        state.eventTag === null
            ? ownEventId()
            : new Variant({
                  dataType: DataType.ByteString,
                  value: Buffer.from(`${state.eventTag}#${++state.eventTagCount}`, "ascii")
              });
    // Part 9 §5.5.7: the subscription must be the calling session's.
    const conditionType = addressSpace.findEventType("ConditionType");
    for (const method of [conditionType.conditionRefresh, conditionType.conditionRefresh2]) {
        const refresh = method._asyncExecutionFunction;
        method.bindMethod(function (inputArguments, context, callback) {
            const id = inputArguments[0] && inputArguments[0].value;
            if (!context.session || !context.session.getSubscription(id)) {
                callback(null, { statusCode: StatusCodes.BadSubscriptionIdInvalid });
                return;
            }
            state.refreshes.push(id);
            refresh.call(this, inputArguments, context, callback);
        });
    }
}

function alarmCommand(cmd, args, state) {
    const withTag = (tag, action) => {
        state.eventTag = tag === undefined ? null : tag;
        state.eventTagCount = 0;
        try {
            action();
        } finally {
            state.eventTag = null;
        }
    };
    if (cmd === "level" && (args.length === 1 || args.length === 2)) {
        const value = Number(args[0]);
        if (args[0].trim() === "" || Number.isNaN(value)) {
            return `error not a number: ${args[0]}`;
        }
        withTag(args[1], () => state.level.setValueFromSource({ dataType: DataType.Double, value }));
    } else if (cmd === "event" && (args.length === 1 || args.length === 2)) {
        withTag(args[1], () =>
            state.tank.raiseEvent("BaseEventType", {
                message: { dataType: DataType.LocalizedText, value: { text: args[0] } },
                severity: { dataType: DataType.UInt16, value: 500 }
            })
        );
    } else if (cmd === "alarm" && args.length === 0) {
        const eventId = state.alarm.eventId.readValue().value.value;
        return `ok ${JSON.stringify({
            active: state.alarm.activeState.getValue(),
            acked: state.alarm.ackedState.getValue(),
            comment: state.alarm.comment.readValue().value.value.text || "",
            eventId: eventId ? (/^[\x20-\x7e]*$/.test(eventId.toString("latin1")) ? eventId.toString("latin1") : `0x${eventId.toString("hex")}`) : null,
            refreshes: state.refreshes
        })}`;
    } else {
        return `error unknown command: ${[cmd, ...args].join(" ")}`;
    }
    return "ok";
}
// --- end of Events and alarms ---

async function startServer(args, state) {
    // With port 0 another process may take the probed port before we listen: retry.
    for (let attempt = 1; ; ++attempt) {
        const port = args.port || (await freePort());
        const server = await makeServer(args, port);
        await server.initialize();
        buildAddressSpace(server, args, state);
        addMethodAndManyNodes(server, state);
        if (args.user) {
            setUserPolicies(server, args.userPolicies);
        }
        try {
            await server.start();
            return { server, port };
        } catch (err) {
            const inUse = /EADDRINUSE|in use/i.test(`${err.message} ${err.code || ""}`);
            if (args.port || !inUse || attempt >= 5) {
                throw err;
            }
        }
    }
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const state = {
        offset: args.offset | 0,
        count: args.offset | 0,
        counting: true,
        shuttingDown: false,
        quit: false
    };

    let server;
    let port;
    try {
        ({ server, port } = await startServer(args, state));
    } catch (err) {
        fail(`cannot start on ${Host}:${args.port}: ${err.message}`);
    }
    setInterval(() => {
        if (state.counting) {
            setCounter(state, state.count + 1);
        }
    }, args.counterPeriod);

    fs.writeFileSync(certificateFile(args, port), server.getCertificate());
    // Pipes are synchronous on Linux, so every line is out before we go on or exit.
    process.stdout.write(`READY ${port}\n`);

    const lines = readline.createInterface({ input: process.stdin, terminal: false });
    lines.on("line", (line) => {
        const words = line.trim().split(/\s+/).filter((w) => w.length > 0);
        if (words.length === 0) {
            return;
        }
        if (handleCallCommand(words, state)) {
            return;
        }
        process.stdout.write(`${handleCommand(words, server, state)}\n`);
        if (state.quit) {
            process.exit(0);
        }
    });
    // EOF: the test closed stdin; keep serving until SIGTERM.
}

process.on("SIGTERM", () => process.exit(0));
main().catch((err) => fail(err.stack || err.message));
