#include "statuscodes.h"

#include <utility>

namespace tandem::opcua {

QString statusCodeText(StatusCode status)
{
    // Only the code's top 16 bits name it; the low bits are flags (info type, overflow...).
#define TANDEM_OPCUA_STATUS_NAME(name, value) {value, #name},
    static const std::pair<quint32, const char *> names[] = {
        TANDEM_OPCUA_STATUS_CODES(TANDEM_OPCUA_STATUS_NAME)};
#undef TANDEM_OPCUA_STATUS_NAME
    if (status.code == Status::Good)
        return QStringLiteral("Good");
    const quint32 key = status.code & 0xFFFF0000;
    for (const auto &[code, name] : names)
        if (code == key)
            return QStringLiteral("%1 (%2)").arg(QLatin1String(name), status.toString());
    return status.toString();
}

} // namespace tandem::opcua
