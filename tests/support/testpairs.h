#pragma once

#include "config/pairconfig.h"

namespace tandem::test {

// A pair every rule accepts; tests change one field at a time.
inline PairConfig validPair(const QString &name = QStringLiteral("line1"), int port = 1502)
{
    PairConfig p;
    p.name = name;
    p.protocol = Protocol::ModbusTcp;
    p.endpoint = QStringLiteral("127.0.0.1:%1").arg(port);
    p.primary = QStringLiteral("10.0.0.1");
    p.secondary = QStringLiteral("10.0.0.2:5020");
    return p;
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
