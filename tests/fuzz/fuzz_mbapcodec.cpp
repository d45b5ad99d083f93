// libFuzzer target: arbitrary bytes as a client's TCP stream into the MBAP splitter.
// Every frame it accepts must re-encode to exactly the bytes it consumed, stay within
// the ADU limit, and the splitter must never read past what it was given.
#include "modbus/mbapcodec.h"

#include <cstdlib>

using tandem::modbus::MbapCodec;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArrayView stream(reinterpret_cast<const char *>(data), qsizetype(size));
    while (!stream.isEmpty()) {
        const MbapCodec::Decoded decoded = MbapCodec::decode(stream);
        if (decoded.status != MbapCodec::Status::Complete)
            break;
        if (decoded.consumed <= 0 || decoded.consumed > stream.size() ||
            decoded.consumed > MbapCodec::MaxAduSize)
            abort();
        if (MbapCodec::encode(decoded.frame) != stream.first(decoded.consumed).toByteArray())
            abort();
        stream = stream.sliced(decoded.consumed);
    }
    return 0;
}
