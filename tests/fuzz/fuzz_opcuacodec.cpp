// libFuzzer target: arbitrary bytes as an OPC UA Binary value from a peer. The first byte
// picks the type (Variant, DataValue, ExtensionObject, NodeId, ExpandedNodeId,
// DiagnosticInfo), the rest is decoded within the default Limits. A failure must come
// with an error message; a success must re-encode to bytes that decode again, completely,
// and re-encode to the very same bytes (encoding is idempotent after one round trip).
#include "opcua/binarycodec.h"
#include "opcua/types.h"

#include <cstdlib>

using namespace tandem::opcua;

namespace {

constexpr int KindCount = 6;

Value decodeAs(int kind, Reader &reader)
{
    switch (kind) {
    case 0:
        return Box<Variant>(readVariant(reader));
    case 1:
        return Box<DataValue>(readDataValue(reader));
    case 2:
        return readExtensionObject(reader);
    case 3:
        return readNodeId(reader);
    case 4:
        return readExpandedNodeId(reader);
    default:
        return Box<DiagnosticInfo>(readDiagnosticInfo(reader));
    }
}

QByteArray encode(const Value &value)
{
    Writer writer;
    writeValue(writer, value);
    return writer.take();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const int kind = data[0] % KindCount;
    const QByteArrayView input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    Reader reader(input);
    const Value first = decodeAs(kind, reader);
    if (reader.position() < 0 || reader.position() > input.size())
        abort();
    if (!reader.ok()) {
        if (reader.error().isEmpty() || !reader.error().contains(QLatin1String(" at offset ")))
            abort();
        return 0;
    }

    const QByteArray encoded = encode(first);
    Reader again(encoded);
    const Value second = decodeAs(kind, again);
    if (!again.ok() || !again.atEnd())
        abort();
    if (encode(second) != encoded)
        abort();
    return 0;
}
