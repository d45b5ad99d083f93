#include "opcualimits.h"

#include <array>

namespace tandem {

std::span<const OpcUaLimits::Setting> OpcUaLimits::settings()
{
    // 16 MiB is the transport's own maximum (the engine's client accepts that much from the
    // servers); 8192 bytes is the smallest buffer the protocol allows.
    static const std::array<Setting, 10> all{{
        {"max-sessions", &OpcUaLimits::maxSessions, 1, 10000, ""},
        {"max-sessions-per-address", &OpcUaLimits::maxSessionsPerAddress, 1, 10000, ""},
        {"handshake-timeout", &OpcUaLimits::handshakeTimeoutMs, 1000, 600000, " ms"},
        {"idle-timeout", &OpcUaLimits::idleTimeoutMs, 1000, 3600000, " ms"},
        {"activation-timeout", &OpcUaLimits::activationTimeoutMs, 1000, 600000, " ms"},
        {"login-attempts", &OpcUaLimits::loginAttempts, 1, 1000, ""},
        {"login-lockout", &OpcUaLimits::loginLockoutMs, 1000, 86400000, " ms"},
        {"max-subscriptions", &OpcUaLimits::maxSubscriptions, 1, 1000, ""},
        {"max-monitored-items", &OpcUaLimits::maxMonitoredItems, 1, 1000000, ""},
        {"max-message-size", &OpcUaLimits::maxMessageSize, 8192, 16 * 1024 * 1024, " bytes"},
    }};
    return all;
}

const OpcUaLimits::Setting *OpcUaLimits::setting(const QString &key)
{
    for (const Setting &s : settings())
        if (key == QLatin1String(s.key))
            return &s;
    return nullptr;
}

} // namespace tandem
