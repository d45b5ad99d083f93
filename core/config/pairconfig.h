#pragma once

#include "endpoint.h"
#include "monitoritem.h"
#include "opcuaidentity.h"
#include "opcualimits.h"
#include "opcuasecurity.h"

#include <QList>
#include <QString>

#include <optional>

namespace tandem {

// Seed: General › Connection mode.
enum class ConnectionMode
{
    Cold,
    Warm,
    Hot
};

QString connectionModeKey(ConnectionMode mode); // "cold", "warm", "hot"
std::optional<ConnectionMode> connectionModeFromKey(const QString &key);
// The reference manual's combo box wording.
QString connectionModeDescription(ConnectionMode mode);

// PairConfig::connectionPerClient as tandem.xml and tandemctl spell it.
QString serverConnectionsKey(bool perClient);                     // "shared", "per-client"
std::optional<bool> serverConnectionsFromKey(const QString &key); // true: per client

// One redundant server configuration: the clients' endpoint and the two machines behind it.
struct PairConfig
{
    static constexpr int DefaultStatusIntervalMs = 1000;
    static constexpr int MinStatusIntervalMs = 50;
    static constexpr int MaxStatusIntervalMs = 3600000;
    static constexpr int DefaultStatusTimeoutMs = 500;
    static constexpr int MinStatusTimeoutMs = 10;
    static constexpr int MaxStatusTimeoutMs = 600000;
    static constexpr int MaxFailbackHoldoffMs = 3600000;
    static constexpr int MaxMonitorItems = 1000;
    static constexpr int MaxFailurePersistence = 10;

    QString name;
    Protocol protocol = Protocol::ModbusTcp;
    QString endpoint;  // as entered: ADDR:PORT or opc.tcp URL
    QString primary;   // host[:port]
    QString secondary; // host[:port]
    ConnectionMode mode = ConnectionMode::Warm;
    bool reconnectPrimary = false;
    int statusIntervalMs = DefaultStatusIntervalMs;
    int statusTimeoutMs = DefaultStatusTimeoutMs;
    int failbackHoldoffMs = 0;
    // Consecutive failed status queries that lose a side (as in docs/design.md, "Borrowed from
    // neighbouring products": switch only after the failure has persisted). A closed or refused
    // connection is lost at once whatever this is.
    int failurePersistence = 1;
    QList<MonitorItem> monitorItems;
    int failureCount = 1;
    // The item read as the status query (Modbus reference; empty = 400001 of unit 1).
    QString statusItem;
    // OPC UA: the user name Tandem logs in with on both machines (empty: anonymous). Its
    // password is in the system keychain (PasswordStore::opcUaKey), never in tandem.xml.
    QString user;
    // Replay in-flight writes on the new server at fail-over instead of answering them
    // with an error; only safe for idempotent writes, so off unless the pair opts in.
    bool writeReplay = false;
    // Modbus TCP: each client gets data connections of its own to the servers, opened when
    // it connects and closed when it goes, instead of all the pair's clients sharing one
    // per server. Status queries and monitor polls have their own connection either way.
    // Shared by default: as fast or faster in tandem-bench connections, and it works with
    // servers that take few connections (resources/help/modbus.html has the figures).
    bool connectionPerClient = false;

    // OPC UA: what the pair's endpoint grants its clients (sessions, deadlines, logins).
    OpcUaLimits opcuaLimits;
    // OPC UA: security policies and modes of the links and the endpoint.
    OpcUaSecurity opcuaSecurity;
    // OPC UA: the identities clients may present and the users the engine logs in with.
    // Unset for a pair written before the setting existed: identity() then gives what
    // the proxy did before (OpcUaIdentity::beforeIdentities). New pairs set it.
    std::optional<OpcUaIdentity> opcuaIdentity;
    OpcUaIdentity identity() const
    {
        return opcuaIdentity.value_or(OpcUaIdentity::beforeIdentities(user));
    }
    // Limits on what one client may cost the engine. A running pair takes changes
    // over without closing its clients.
    // Clients connected at once; at the limit a new client takes the longest idle one's place.
    static constexpr int DefaultClientLimit = 256;
    static constexpr int MaxClientLimit = 65536;
    int clientLimit = DefaultClientLimit;
    // Modbus TCP: a client's requests in flight; beyond it the proxy stops reading from it.
    static constexpr int DefaultRequestsPerClient = 32;
    static constexpr int MaxRequestsPerClient = 1024;
    int requestsPerClient = DefaultRequestsPerClient;
    // Answers waiting for a client that does not read them, in bytes; past it the proxy
    // stops reading from that client, and closes it if they are still waiting after
    // StreamListener::OutputStallMs.
    static constexpr int DefaultOutputPerClient = 256 * 1024;
    static constexpr int MinOutputPerClient = 4096;
    static constexpr int MaxOutputPerClient = 64 * 1024 * 1024;
    int outputPerClientBytes = DefaultOutputPerClient;

    // Set when this pair is an alias: the name and endpoint it had before it was aliased,
    // which unalias restores.
    QString aliasOf;
    QString originalEndpoint;

    bool isAlias() const { return !aliasOf.isEmpty(); }
    // Failure count is bounded by the number of items (and is 1 without items).
    int maxFailureCount() const { return monitorItems.isEmpty() ? 1 : int(monitorItems.size()); }

    friend bool operator==(const PairConfig &, const PairConfig &) = default;
};

} // namespace tandem
