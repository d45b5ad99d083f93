#!/usr/bin/env node
// OPC UA client that checks the test peer (server.js) from outside, so the peer's tests
// do not depend on Tandem's own stack. node-opcua 2.x, SecurityPolicy None.
//
//   client.js [--user USER:PASSWORD] [--plain-password 1] [--pki DIR] [--timeout MS]
//             URL OPERATION...
//
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
//   watch NODEID...         subscribes (100 ms) and prints a line per change,
//                           {"nodeId":..,"status":..,"value":..}, until the server goes
//   watch-shutdown          watch i=2259 i=2992 (ServerStatus State, SecondsTillShutdown)
//                           with "state" added for State: "Shutdown"
// A watch prints {"subscribed":true} once its items are created and {"closed":REASON}
// when the connection or session ends, then exits 0.
// Failures print {"error":MESSAGE} and exit 1: a refused identity, an unknown node,
// no server, or --timeout (10000 ms by default; a watch has none).
"use strict";

// node-opcua logs with console.log: keep stdout for the results.
console.log = console.info = console.warn = console.debug = console.error;

const os = require("node:os");
const path = require("node:path");

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

function fail(message) {
    emit({ error: message });
    process.exit(1);
}

function parseArgs(argv) {
    const args = { user: null, plainPassword: false, pki: null, timeout: 10000, url: null, operation: [] };
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
        } else if (name === "--timeout") {
            args.timeout = Number(value);
        } else {
            fail(`unknown option ${name}`);
        }
    }
    args.url = argv[i];
    args.operation = argv.slice(i + 1);
    if (!args.url || args.operation.length === 0) {
        fail("usage: client.js [--user U:P] [--pki DIR] [--timeout MS] URL OPERATION...");
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
const Arity = { read: 1, browse: 1, write: 3, "read-server-status": 0, "watch-shutdown": 0 };

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

async function runOperation(session, words) {
    const [op, ...rest] = words;
    if (op === "read" && rest.length === 1) {
        const dataValue = await session.read({ nodeId: rest[0], attributeId: AttributeIds.Value });
        emit(dataValueJson(dataValue));
    } else if (op === "browse" && rest.length === 1) {
        const result = await session.browse(rest[0]);
        emit({
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
        emit({ status: status.name });
    } else if (op === "read-server-status" && rest.length === 0) {
        const dataValue = await session.read({ nodeId: "i=2256", attributeId: AttributeIds.Value });
        const status = dataValue.value.value;
        if (!dataValue.statusCode.isGood() || !status) {
            fail(`ServerStatus: ${dataValue.statusCode.name}`);
        }
        emit({
            state: ServerState[status.state],
            secondsTillShutdown: status.secondsTillShutdown,
            productName: status.buildInfo.productName,
            startTime: status.startTime.toISOString(),
            currentTime: status.currentTime.toISOString()
        });
    } else if ((op === "watch" && rest.length > 0) || (op === "watch-shutdown" && rest.length === 0)) {
        return watch(session, op === "watch" ? rest : ["i=2259", "i=2992"]);
    } else {
        fail(`unknown operation: ${words.join(" ")}`);
    }
    return null;
}

// Resolves when the server goes away; the caller exits then.
async function watch(session, nodeIds) {
    const subscription = await session.createSubscription2({
        requestedPublishingInterval: 100,
        requestedLifetimeCount: 100,
        requestedMaxKeepAliveCount: 10,
        maxNotificationsPerPublish: 100,
        publishingEnabled: true,
        priority: 1
    });
    for (const nodeId of nodeIds) {
        const item = await ClientMonitoredItem.create(
            subscription,
            { nodeId, attributeId: AttributeIds.Value },
            { samplingInterval: 100, discardOldest: true, queueSize: 10 },
            TimestampsToReturn.Both
        );
        item.on("changed", (dataValue) => {
            const line = { nodeId, ...dataValueJson(dataValue) };
            if (nodeId === "i=2259" && typeof line.value === "number") {
                line.state = ServerState[line.value];
            }
            emit(line);
        });
    }
    emit({ subscribed: true });
    return new Promise((resolve) => {
        session.on("session_closed", () => resolve("session closed"));
        subscription.on("terminated", () => resolve("subscription terminated"));
        subscription.on("status_changed", (status) => {
            if (status.isNotGood()) {
                resolve(`subscription ${status.name}`);
            }
        });
    });
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const operations = splitOperations(args.operation);
    const watching = operations[operations.length - 1][0].startsWith("watch");
    if (!watching) {
        setTimeout(() => fail(`timed out after ${args.timeout} ms`), args.timeout).unref();
    }
    const client = OPCUAClient.create({
        applicationName: "TandemPeerCheck",
        securityMode: MessageSecurityMode.None,
        securityPolicy: SecurityPolicy.None,
        endpointMustExist: false,
        connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
        requestedSessionTimeout: 20000,
        clientCertificateManager: new OPCUACertificateManager({
            rootFolder: path.join(args.pki, "ClientPKI"),
            automaticallyAcceptUnknownCertificate: true
        })
    });
    let closed = null;
    // A watch ends when the server goes; node-opcua would otherwise try to reconnect.
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
    let session;
    try {
        session = await client.createSession(
            args.user ? { type: UserTokenType.UserName, ...args.user } : { type: UserTokenType.Anonymous }
        );
    } catch (err) {
        fail(`session: ${err.message}`);
    }
    for (const words of operations) {
        try {
            const operation = runOperation(session, words);
            closed = await (watching ? Promise.race([operation, connectionLost]) : operation);
        } catch (err) {
            fail(`${words[0]}: ${err.message}`);
        }
        if (closed !== null) {
            break;
        }
    }
    if (closed !== null) {
        emit({ closed });
        process.exit(0); // the server is gone: do not wait for node-opcua to give up on it
    }
    await session.close();
    await client.disconnect();
    process.exit(0);
}

main().catch((err) => fail(err.stack || err.message));
