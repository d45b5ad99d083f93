#pragma once

#include <QString>

#include <span>

namespace tandem {

// What one OPC UA pair's endpoint grants its clients: sessions, deadlines for
// the handshake, idle channels and activation, failed logins, subscriptions, monitored
// items and the size of a request. The defaults suit a plant's HMIs and historians; each
// is a <opcua-limits> element in tandem.xml and a `tandemctl pair set` option of the same
// name (resources/help/opcua.html lists them with their ranges).
struct OpcUaLimits
{
    int maxSessions = 100;          // on the pair
    int maxSessionsPerAddress = 50; // from one client address
    int handshakeTimeoutMs = 10000; // connect to an open secure channel
    int idleTimeoutMs = 60000; // a channel without an activated session, since its last message
    int activationTimeoutMs = 10000;      // CreateSession to ActivateSession
    int loginAttempts = 5;                // failed logins from one address before a lockout
    int loginLockoutMs = 30000;           // how long that address is refused
    int maxSubscriptions = 100;           // per session
    int maxMonitoredItems = 10000;        // per session
    int maxMessageSize = 4 * 1024 * 1024; // bytes of one request, below the 16 MiB of the transport

    // One setting: its key in tandem.xml and on the command line, range and unit.
    struct Setting
    {
        const char *key;
        int OpcUaLimits::*field;
        int min;
        int max;
        const char *unit; // " ms", " bytes" or ""
    };
    static std::span<const Setting> settings();
    static const Setting *setting(const QString &key);

    friend bool operator==(const OpcUaLimits &, const OpcUaLimits &) = default;
};

} // namespace tandem
