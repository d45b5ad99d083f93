// libFuzzer target: an arbitrary byte stream from an OPC UA peer, delivered in pieces of
// sizes the input chooses, into the chunk reassembler with small limits. It must never
// crash, never hold more than its limits allow, and once broken stay broken with a reason.
#include "opcua/transport.h"

#include <cstdlib>

using namespace tandem::opcua;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    ConnectionLimits limits;
    limits.receiveBufferSize = 8192;
    limits.maxMessageSize = 32768;
    limits.maxChunkCount = 8;
    ChunkReassembler reassembler(limits);
    // The first byte sets the piece size: a stream arrives in arbitrary slices.
    const size_t piece = 1 + data[0] % 97;
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    for (qsizetype offset = 0; offset < stream.size(); offset += qsizetype(piece)) {
        const bool wasOk = reassembler.ok();
        const bool ok = reassembler.feed(
            stream.sliced(offset, std::min<qsizetype>(qsizetype(piece), stream.size() - offset)));
        if (ok != reassembler.ok() || (!wasOk && ok))
            std::abort(); // errors are final and reported consistently
        if (!ok && reassembler.error().isEmpty())
            std::abort();
        if (reassembler.bufferedBytes() > qsizetype(limits.receiveBufferSize))
            std::abort(); // never buffers more than one chunk of the allowed size
        for (const SecureMessage &m : reassembler.takeMessages())
            if (m.body.size() > qsizetype(limits.maxMessageSize))
                std::abort();
        reassembler.takeHello();
        reassembler.takeAcknowledge();
        reassembler.takeError();
        reassembler.takeAborted();
    }
    return 0;
}
