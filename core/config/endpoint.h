#pragma once

#include <QHostAddress>
#include <QString>

#include <optional>

namespace tandem {

enum class Protocol
{
    ModbusTcp,
    OpcUa
};

QString protocolKey(Protocol protocol); // "modbus-tcp", "opcua"
std::optional<Protocol> protocolFromKey(const QString &key);
quint16 defaultServerPort(Protocol protocol); // 502 for Modbus TCP, 4840 for OPC UA

// True when text is an IPv4/IPv6 address or a syntactically valid host name.
bool isValidHost(const QString &host);

// A backend server's machine, `host[:port]` (IPv6 as `[addr]:port`). An OPC UA machine
// may name its endpoint's path too, `host[:port]/path`, or be given as its URL,
// `opc.tcp://host[:port][/path]`: servers that check the endpoint URL need the path.
struct MachineAddress
{
    QString host;
    quint16 port = 0;
    QString path; // OPC UA only: "/path" or empty

    // Empty text is an error: a pair needs both machines.
    static std::optional<MachineAddress> parse(const QString &text, Protocol protocol,
                                               QString *error);
    QString toString() const; // "host:port", "[::1]:port", "host:port/path"
    QString opcUaUrl() const; // "opc.tcp://" + toString()
};

// The local endpoint a pair listens on for its clients: `ADDR:PORT` for Modbus TCP,
// `opc.tcp://host[:port][/path]` for OPC UA. It is the pair's identity toward clients.
struct Endpoint
{
    QString host;
    quint16 port = 0;
    QString path;

    static std::optional<Endpoint> parse(const QString &text, Protocol protocol, QString *error);
    bool isWildcard() const;
    // The address to bind: loopback for "localhost", any for a wildcard, else the host
    // (null when it is not an address).
    QHostAddress listenAddress() const;
    // Two endpoints overlap when one listener would take the other's port.
    bool overlaps(const Endpoint &other) const;
};

} // namespace tandem
