#pragma once

#include "config/pairconfig.h"

namespace tandem::test {

// A pair on these machines and endpoint, every other setting at its default.
inline PairConfig plainPair(const QString &name, const QString &endpoint, const QString &primary,
                            const QString &secondary, Protocol protocol = Protocol::ModbusTcp)
{
    PairConfig p;
    p.name = name;
    p.protocol = protocol;
    p.endpoint = endpoint;
    p.primary = primary;
    p.secondary = secondary;
    return p;
}

// The pair the fail-over tests run: named line1 (unless named otherwise), these machines
// and endpoint, this mode and status timing.
inline PairConfig testPair(Protocol protocol, const QString &endpoint, const QString &primary,
                           const QString &secondary, ConnectionMode mode, int statusIntervalMs,
                           int statusTimeoutMs, const QString &name = QStringLiteral("line1"))
{
    PairConfig p = plainPair(name, endpoint, primary, secondary, protocol);
    p.mode = mode;
    p.statusIntervalMs = statusIntervalMs;
    p.statusTimeoutMs = statusTimeoutMs;
    return p;
}

// A pair every rule accepts; tests change one field at a time.
inline PairConfig validPair(const QString &name = QStringLiteral("line1"), int port = 1502)
{
    return plainPair(name, QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("10.0.0.1"),
                     QStringLiteral("10.0.0.2:5020"));
}

inline MonitorItem item(const QString &id, Trigger trigger, const QString &data = {},
                        int rate = 1000)
{
    MonitorItem m;
    m.itemId = id;
    m.trigger = trigger;
    m.triggerData = data;
    m.updateRateMs = rate;
    return m;
}

} // namespace tandem::test
