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
//
//   client.js --serve
//
// runs the runs a test asks for in one process, so that node-opcua loads once rather than
// at every run: each line on stdin is {"run":ID,"args":[WORD...]}, the words of a command
// line above, and the run gets a client, connection and session of its own, side by side
// with the others. Its lines come as {"run":ID,"line":{...}}, then {"run":ID,"exit":0|1}
// once its client has disconnected (the exit code the command line would have ended with).
// {"run":ID,"quit":true} is a watch's "quit". The process ends when stdin closes.
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
    "watch-shutdown": 0
};

// "read A read B browse C" -> [["read","A"],["read","B"],["browse","C"]]; a watch takes
// the rest and comes last.
function splitOperations(words) {
    const operations = [];
    for (let i = 0; i < words.length; ) {
        const op = words[i];
        const arity = op === "watch" ? words.length - i - 1 : Arity[op];
        if (arity === undefined || i + 1 + arity > words.length) {
            fail(`unknown operation or missing arguments: ${words.slice(i).join(" ")}`);
        }
        operations.push(words.slice(i, i + 1 + arity));
        i += 1 + arity;
        if (op.startsWith("watch") && i < words.length) {
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

async function runOperation(client, session, words, args, out, quit) {
    const [op, ...rest] = words;
    if (op === "read" && rest.length === 1) {
        const dataValue = await session.read({ nodeId: rest[0], attributeId: AttributeIds.Value });
        out(dataValueJson(dataValue));
    } else if (op === "browse" && rest.length === 1) {
        const result = await session.browse(rest[0]);
        out({
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
        out({ status: status.name });
    } else if (op === "read-server-status" && rest.length === 0) {
        const dataValue = await session.read({ nodeId: "i=2256", attributeId: AttributeIds.Value });
        const status = dataValue.value.value;
        if (!dataValue.statusCode.isGood() || !status) {
            fail(`ServerStatus: ${dataValue.statusCode.name}`);
        }
        out({
            state: ServerState[status.state],
            secondsTillShutdown: status.secondsTillShutdown,
            productName: status.buildInfo.productName,
            startTime: status.startTime.toISOString(),
            currentTime: status.currentTime.toISOString()
        });
    } else if (op === "read-loop" && rest.length === 2) {
        out(await readLoop(session, loopSeconds(rest[0]), rest[1]));
    } else if (op === "watch" && rest.length > 0) {
        return watch(client, session, rest, args, out, quit, { reconnecting: true });
    } else if (op === "watch-shutdown" && rest.length === 0) {
        return watch(client, session, ["i=2259", "i=2992"], args, out, quit, {
            reconnecting: false
        });
    } else {
        fail(`unknown operation: ${words.join(" ")}`);
    }
    return null;
}

// Subscribes to nodeIds and prints what the subscription and the connection go through
// (see the top of this file). Resolves with the reason the watch ends: "quit" (when the
// promise quit() returns resolves), the subscription's end, and without reconnecting also
// the session's (run() races it against the connection's).
async function watch(client, session, nodeIds, args, out, quit, { reconnecting }) {
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
        quit().then(() => end("quit"));
    });
}

// Resolves at the line "quit" on stdin: how a watch of its own process is ended.
function quitOnStdin() {
    return new Promise((resolve) => {
        const lines = readline.createInterface({ input: process.stdin, terminal: false });
        lines.on("line", (line) => {
            if (line.trim() === "quit") {
                resolve();
            }
        });
    });
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

// One run: the command line's words, its lines through out(); resolves with its exit
// code once its client is done, or rejects with what failed. A watch ends when the promise
// quit() returns resolves. served: a run of --serve, which ends its client before it resolves (a process
// of its own just exits).
async function run(argv, out, quit, { served }) {
    const args = parseArgs(argv);
    const operations = splitOperations(args.operation);
    const last = operations[operations.length - 1][0];
    const watching = last.startsWith("watch");
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
                const operation = runOperation(client, session, words, args, out, quit);
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
    const quits = new Map(); // run id -> what ends its watch
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
        if (request.quit) {
            const quit = quits.get(id);
            if (quit) {
                quit();
            }
            return;
        }
        const tagged = (object) => emit({ run: id, line: object });
        const quit = new Promise((resolve) => quits.set(id, resolve));
        run(Array.isArray(request.args) ? request.args.map(String) : [], tagged, () => quit, {
            served: true
        })
            .catch((err) => {
                tagged({ error: failureMessage(err) });
                return 1;
            })
            .then((exit) => {
                quits.delete(id);
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
    process.exit(await run(argv, emit, quitOnStdin, { served: false }));
}

main().catch((err) => {
    emit({ error: failureMessage(err) });
    process.exit(1);
});
