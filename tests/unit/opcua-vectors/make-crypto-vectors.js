#!/usr/bin/env node
// Prints, as JSON, what node-opcua (an independent implementation of OPC 10000-6 §6.7)
// computes for the secure channel's cryptography with fixed keys and nonces, for
// tests/unit/tst_opcuacrypto.cpp to check core/opcua's against byte for byte:
//   derivedKeys   client and server keys of each RSA policy from the fixed nonces
//   hmac          symmetric signatures with the client's signing key
//   aes           AES-CBC encryptions of whole blocks with the client's keys
//   chunks        whole symmetric chunks node-opcua's ChunkManager signs, pads and encrypts
//   padding       the footer (PaddingSize, padding, ExtraPaddingSize) node-opcua adds for a
//                 body length and block sizes
//   rsaSignatures deterministic RSA-PKCS1-v1_5 signatures of a fixed message
//   policies      node-opcua's parameters of each policy (lengths, algorithm URIs)
//   maxBodySize   the body a chunk holds, by node-opcua's ChunkManager
//   rsaFromNode   randomised RSA cipher texts and RSA-PSS signatures node-opcua made, for
//                 Tandem to decrypt or verify
// The keys are the checked-in test-rsa2048.key.pem (made once with
// `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`) and its .pub.pem.
//
// Run (node >= 18) with the node-opcua the integration peer installs:
//   NODE_PATH=tests/integration/peers/opcua/node_modules \
//       node tests/unit/opcua-vectors/make-crypto-vectors.js [OUTPUT]
// writes OUTPUT, by default tests/unit/opcua-vectors/crypto-vectors.json.
// The rsaFromNode entries differ on every run (OAEP and PSS are randomised); the others
// are the same every time.
"use strict";

const fs = require("fs");
const path = require("path");
const ncrypto = require("node-opcua-crypto");
const { SecurityPolicy, getCryptoFactory, computeDerivedKeys, getOptionsForSymmetricSignAndEncrypt } =
    require("node-opcua-secure-channel");
const { MessageSecurityMode } = require("node-opcua-service-secure-channel");
const { ChunkManager, Mode } = require("node-opcua-chunkmanager");

const hex = (buffer) => Buffer.from(buffer).toString("hex");
const privateKey = ncrypto.readPrivateKey(path.join(__dirname, "test-rsa2048.key.pem"));
const publicKey = ncrypto.readPublicKey(path.join(__dirname, "test-rsa2048.pub.pem"));

// Fixed nonces: 32 bytes each (16 for Basic128Rsa15, which takes the first half).
const clientNonce32 = Buffer.from("c7a1f0e3d25b4c8a9e6f1b2d3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f67", "hex");
const serverNonce32 = Buffer.from("5e4d3c2b1a0f9e8d7c6b5a4938271605f4e3d2c1b0a99887766554433221100f", "hex");
const nonceLength = { Basic128Rsa15: 16 };

const policies = ["Basic128Rsa15", "Basic256", "Basic256Sha256", "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss"];
const message = Buffer.from("OPC UA secure channel vector: the quick brown fox jumps over the lazy dog 0123456789", "utf8");

function keysOf(name) {
    const factory = getCryptoFactory(SecurityPolicy[name]);
    const length = nonceLength[name] || 32;
    const clientNonce = clientNonce32.subarray(0, length);
    const serverNonce = serverNonce32.subarray(0, length);
    const derived = computeDerivedKeys(factory, serverNonce, clientNonce);
    return { factory, clientNonce, serverNonce, derived };
}

function side(keys) {
    return {
        signingKey: hex(keys.signingKey),
        encryptingKey: hex(keys.encryptingKey),
        initializationVector: hex(keys.initializationVector),
    };
}

// A package's version from its package.json, which not every package exports.
function versionOf(name) {
    let dir = path.dirname(require.resolve(name));
    while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
    return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
}

const out = {
    generator: `node-opcua ${versionOf("node-opcua-secure-channel")}, node-opcua-crypto ${versionOf("node-opcua-crypto")}`,
    message: hex(message),
    policies: [],
    maxBodySize: [],
    derivedKeys: [],
    hmac: [],
    aes: [],
    chunks: [],
    padding: [],
    rsaSignatures: [],
    rsaFromNode: [],
};

for (const name of ["None", ...policies]) {
    const factory = getCryptoFactory(SecurityPolicy[name]);
    out.policies.push({
        policy: name,
        uri: SecurityPolicy[name],
        ...(factory && {
            derivedSignatureKeyLength: factory.derivedSignatureKeyLength,
            derivedEncryptionKeyLength: factory.derivedEncryptionKeyLength,
            encryptingBlockSize: factory.encryptingBlockSize,
            signatureLength: factory.signatureLength,
            symmetricEncryptionAlgorithm: factory.symmetricEncryptionAlgorithm,
            keyDerivationHash: factory.sha1or256,
            asymmetricSignatureAlgorithm: factory.asymmetricSignatureAlgorithm,
            asymmetricEncryptionAlgorithm: factory.asymmetricEncryptionAlgorithm,
            blockPaddingSize: factory.blockPaddingSize,
        }),
    });
}

for (const name of policies) {
    const { clientNonce, serverNonce, derived } = keysOf(name);
    out.derivedKeys.push({
        policy: name,
        clientNonce: hex(clientNonce),
        serverNonce: hex(serverNonce),
        client: side(derived.derivedClientKeys),
        server: side(derived.derivedServerKeys),
    });
    out.hmac.push({
        policy: name,
        data: hex(message),
        signature: hex(ncrypto.makeMessageChunkSignatureWithDerivedKeys(message, derived.derivedClientKeys)),
    });
    // Four AES blocks: the message cut to whole blocks.
    const plain = message.subarray(0, 64);
    out.aes.push({
        policy: name,
        plainText: hex(plain),
        cipherText: hex(ncrypto.encryptBufferWithDerivedKeys(plain, derived.derivedClientKeys)),
    });
}

// A whole MSG chunk as node-opcua's ChunkManager makes it: 12 bytes of message header and
// the 4-byte token id (fixed here), the sequence header, the body, the padding and the
// HMAC, everything after the first 16 bytes encrypted with the client's keys.
function symmetricChunk(name, mode, body) {
    const { derived } = keysOf(name);
    const options = getOptionsForSymmetricSignAndEncrypt(mode, derived.derivedClientKeys);
    const header = Buffer.from("4d534746000000000100000002000000", "hex"); // "MSGF", size, channel 1, token 2
    const sequence = Buffer.from("0300000004000000", "hex"); // sequence number 3, request id 4
    const chunks = [];
    const manager = new ChunkManager(mode === MessageSecurityMode.Sign ? Mode.Sign : Mode.SignAndEncrypt, {
        chunkSize: 8192,
        headerSize: 16,
        writeHeaderFunc: (buffer, isLast, totalLength) => {
            header.copy(buffer);
            buffer.writeUInt32LE(totalLength, 4);
        },
        sequenceHeaderSize: 8,
        writeSequenceHeaderFunc: (buffer) => sequence.copy(buffer),
        ...options,
    });
    manager.on("chunk", (chunk) => chunks.push(Buffer.from(chunk)));
    manager.write(body, body.length);
    manager.end();
    if (chunks.length !== 1) throw new Error("expected one chunk");
    return chunks[0];
}

for (const [name, mode, length] of [
    ["Basic256Sha256", MessageSecurityMode.SignAndEncrypt, 83],
    ["Basic256Sha256", MessageSecurityMode.Sign, 83],
    ["Aes128_Sha256_RsaOaep", MessageSecurityMode.SignAndEncrypt, 40],
    ["Aes256_Sha256_RsaPss", MessageSecurityMode.SignAndEncrypt, 300],
    ["Basic256", MessageSecurityMode.SignAndEncrypt, 17],
]) {
    const body = Buffer.alloc(length);
    for (let i = 0; i < length; ++i) body[i] = (i * 7 + 3) & 0xff;
    out.chunks.push({
        policy: name,
        mode: mode === MessageSecurityMode.Sign ? "Sign" : "SignAndEncrypt",
        body: hex(body),
        chunk: hex(symmetricChunk(name, mode, body)),
    });
}

// The footer node-opcua's ChunkManager writes between body and signature. The "cipher" is
// the identity here so that the footer can be read back; node-opcua writes the
// ExtraPaddingSize byte when the plain text block exceeds 256 bytes (a key over 2048 bits).
function footer(plainBlockSize, signatureLength, bodyLength) {
    const chunks = [];
    const manager = new ChunkManager(Mode.SignAndEncrypt, {
        chunkSize: 65536,
        headerSize: 16,
        writeHeaderFunc: () => {},
        sequenceHeaderSize: 8,
        writeSequenceHeaderFunc: () => {},
        signatureLength,
        signBufferFunc: () => Buffer.alloc(signatureLength),
        plainBlockSize,
        cipherBlockSize: plainBlockSize,
        encryptBufferFunc: (buffer) => Buffer.from(buffer),
    });
    manager.on("chunk", (chunk) => chunks.push(Buffer.from(chunk)));
    manager.write(Buffer.alloc(bodyLength, 0xaa), bodyLength);
    manager.end();
    const chunk = chunks[0];
    return chunk.subarray(16 + 8 + bodyLength, chunk.length - signatureLength);
}

// [what, plain text block, cipher text block (Tandem's view), signature size]
const layouts = [
    ["HMAC-SHA256, AES", 16, 16, 32],
    ["HMAC-SHA1, AES", 16, 16, 20],
    ["RSA 2048, OAEP-SHA1", 256 - 42, 256, 256],
    ["RSA 2048, OAEP-SHA256", 256 - 66, 256, 256],
    ["RSA 2048, PKCS#1 v1.5", 256 - 11, 256, 256],
    ["RSA 4096, OAEP-SHA1", 512 - 42, 512, 512],
    ["RSA 3072, OAEP-SHA256", 384 - 66, 384, 384],
];
for (const [what, plain, cipher, signature] of layouts) {
    for (const bodyLength of [1, 7, 15, 16, 23, 100, 213, 469, 1000]) {
        out.padding.push({
            layout: what,
            plainTextBlockSize: plain,
            cipherTextBlockSize: cipher,
            signatureSize: signature,
            bodyLength,
            footer: hex(footer(plain, signature, bodyLength)),
        });
    }
}

// [plain text block, cipher text block, signature size] as for `layouts`, 0 blocks: Sign.
for (const [plain, cipher, signature] of [[16, 16, 32], [0, 0, 32], [16, 16, 20], [214, 256, 256],
                                         [190, 256, 256], [470, 512, 512], [318, 384, 384]]) {
    for (const [chunkSize, headerSize] of [[8192, 16], [8192, 1250], [65535, 16], [65535, 4000]]) {
        const manager = new ChunkManager(plain ? Mode.SignAndEncrypt : Mode.Sign, {
            chunkSize,
            headerSize,
            writeHeaderFunc: () => {},
            sequenceHeaderSize: 8,
            writeSequenceHeaderFunc: () => {},
            signatureLength: signature,
            signBufferFunc: () => Buffer.alloc(signature),
            plainBlockSize: plain,
            cipherBlockSize: cipher,
            encryptBufferFunc: plain ? (buffer) => buffer : undefined,
        });
        out.maxBodySize.push({
            mode: plain ? "SignAndEncrypt" : "Sign",
            plainTextBlockSize: plain,
            cipherTextBlockSize: cipher,
            signatureSize: signature,
            chunkSize,
            headerSize,
            maxBodySize: manager.maxBodySize,
        });
    }
}

for (const name of ["Basic256Sha256", "Basic256"]) {
    out.rsaSignatures.push({
        policy: name,
        data: hex(message),
        signature: hex(getCryptoFactory(SecurityPolicy[name]).asymmetricSign(message, privateKey)),
    });
}

const secret = Buffer.alloc(300);
for (let i = 0; i < secret.length; ++i) secret[i] = (i * 13 + 5) & 0xff;
for (const name of ["Basic256Sha256", "Aes256_Sha256_RsaPss", "Basic128Rsa15"]) {
    out.rsaFromNode.push({
        policy: name,
        kind: "encryption",
        plainText: hex(secret),
        cipherText: hex(getCryptoFactory(SecurityPolicy[name]).asymmetricEncrypt(secret, publicKey)),
    });
}
out.rsaFromNode.push({
    policy: "Aes256_Sha256_RsaPss",
    kind: "signature",
    data: hex(message),
    signature: hex(getCryptoFactory(SecurityPolicy.Aes256_Sha256_RsaPss).asymmetricSign(message, privateKey)),
});

// A file, not stdout: node-opcua prints its own warnings there.
const target = process.argv[2] || path.join(__dirname, "crypto-vectors.json");
fs.writeFileSync(target, JSON.stringify(out, null, 1) + "\n");
