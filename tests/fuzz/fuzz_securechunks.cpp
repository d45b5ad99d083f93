// libFuzzer target: the secured chunk path (core/opcua/securechunks) behind the chunk
// reassembler, on the server's side of a channel under each policy and mode. Three ways in,
// chosen by the first byte:
//  0: a byte stream into a channel not yet opened (asymmetric header, RSA decryption and
//     signature of OpenSecureChannel chunks);
//  1: a byte stream into an open channel with known keys: no forged MSG or CLO chunk may
//     ever come out as a message, so verification and decryption come before parsing;
//  2: a body the client side seals for real, with one byte flipped or not: unflipped it
//     arrives whole, flipped nothing arrives.
// It must never crash, and once broken stay broken with a reason.
#include "base/clock.h"
#include "opcua/securechunks.h"
#include "pki/applicationcertificate.h"

#include <cstdlib>

using namespace tandem;
using namespace tandem::opcua;

namespace {

struct Party
{
    QByteArray certificate;
    AsymmetricKey key;
};

Party makeParty(const char *host)
{
    pki::ApplicationCertificateRequest request;
    request.host = QString::fromLatin1(host);
    QString error;
    const auto made =
        pki::ApplicationCertificate::makeSelfSigned(request, *Clock::system(), &error);
    if (!made)
        std::abort();
    return {made->certificate().der(), AsymmetricKey::fromOpenSsl(made->privateKey().handle())};
}

// Made once: RSA key generation is slow under the sanitizers.
const Party &server()
{
    static const Party party = makeParty("fuzz-server");
    return party;
}

const Party &client()
{
    static const Party party = makeParty("fuzz-client");
    return party;
}

ConnectionLimits limits()
{
    ConnectionLimits l;
    l.receiveBufferSize = 8192;
    l.maxMessageSize = 65536;
    l.maxChunkCount = 16;
    return l;
}

void checkConsistent(const ChunkReassembler &r, bool wasOk, bool ok)
{
    if (ok != r.ok() || (!wasOk && ok) || (!ok && r.error().isEmpty()))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    const int scenario = data[0] % 3;
    const auto policies = securityPolicies();
    const SecurityPolicy &policy = policies[1 + data[1] % (policies.size() - 1)];
    const MessageSecurityMode mode =
        data[1] & 0x80 ? MessageSecurityMode::SignAndEncrypt : MessageSecurityMode::Sign;
    const quint16 flip = quint16(data[2] | data[3] << 8);
    const QByteArrayView payload(reinterpret_cast<const char *>(data + 4), qsizetype(size - 4));

    auto serverSide = std::make_shared<SecureChunks>(SecureChunks::Role::Server);
    serverSide->setOwnCertificate(server().certificate, server().key);
    ChunkReassembler reassembler(limits());
    reassembler.setSecurity(serverSide);

    if (scenario == 0) {
        QList<SecurityPolicyId> all;
        for (const SecurityPolicy &p : policies)
            all << p.id;
        serverSide->setAcceptedPolicies(all);
        const bool ok = reassembler.feed(payload);
        checkConsistent(reassembler, true, ok);
        reassembler.takeMessages();
        return 0;
    }

    // Both sides hold token 1, as after OpenSecureChannel.
    SecureChunks clientSide(SecureChunks::Role::Client);
    clientSide.setOwnCertificate(client().certificate, client().key);
    CryptoError error;
    if (!clientSide.setPeerCertificate(server().certificate, &error) ||
        !serverSide->setPeerCertificate(client().certificate, &error))
        std::abort();
    clientSide.setPolicy(policy.id);
    clientSide.setMode(mode);
    serverSide->setAcceptedPolicies({policy.id});
    serverSide->setPolicy(policy.id);
    serverSide->setMode(mode);
    const QByteArray clientNonce(policy.nonceLength, '\x11');
    const QByteArray serverNonce(policy.nonceLength, '\x22');
    if (!clientSide.addToken(1, clientNonce, serverNonce, 60000, &error) ||
        !serverSide->addToken(1, clientNonce, serverNonce, 60000, &error))
        std::abort();

    if (scenario == 1) {
        const bool ok = reassembler.feed(payload);
        checkConsistent(reassembler, true, ok);
        if (!reassembler.takeMessages().isEmpty())
            std::abort(); // a chunk nobody signed got through
        return 0;
    }

    SecureMessage message;
    message.type = MessageType::Message;
    message.secureChannelId = 1;
    message.tokenId = 1;
    message.requestId = 7;
    message.body = payload.toByteArray();
    quint32 sequence = 1;
    const auto chunks = clientSide.encode(message, limits().receiveBufferSize, &sequence, &error);
    if (!chunks)
        std::abort();
    QByteArray stream = chunks->join();
    const bool flipped = flip & 0x8000;
    if (flipped) {
        const qsizetype at = (flip & 0x7fff) % stream.size();
        stream[at] = char(stream[at] ^ (1 + (data[1] & 0x3f)));
    }
    const bool ok = reassembler.feed(stream);
    checkConsistent(reassembler, true, ok);
    const QList<SecureMessage> received = reassembler.takeMessages();
    if (flipped && !received.isEmpty())
        std::abort(); // a tampered chunk was read
    if (!flipped && (!ok || received.size() != 1 || received[0].body != message.body))
        std::abort(); // an intact message was lost or changed
    return 0;
}
