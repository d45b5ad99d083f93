#pragma once

#include "config/endpoint.h"
#include "config/pairconfig.h"
#include "side.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tandem {

// What the engine tells the console, tandemctl and the OPC UA status nodes: typed values
// with one JSON mapping, the one the control socket carries and `tandemctl status --json`
// prints (its key names are a contract with scripts: they do not change).

// One side of a pair.
struct SideStatus
{
    QString machine; // host:port or URL, as configured
    SideHealth health = SideHealth::Unknown;
    bool connected = false; // established: its status answered on this connection
    bool statusOk = false;
    bool shutdown = false;
    bool degraded = false;  // OPC UA ServiceLevel 1..199
    QString degradedReason; // "service level 150"
    int monitorErrors = 0;
    bool monitorFailed = false;
    bool monitorTested = false; // its items have a result on this connection (or there are none)
    int statusFailuresInRow = 0;
    QString lastError;  // why it is not connected now (empty while it is)
    QString lastReason; // the last failure's reason, kept after recovery
    // The SHA-1 thumbprint (hex) of the certificate this server presented on the last
    // attempt, refused because the trust list does not hold it (a copy is in
    // pki/rejected/certs); empty once it connects or for another failure.
    QString refusedCertificate;

    QJsonObject toJson() const;
    // Null, with *error naming the key, for a document this version cannot read (an engine
    // of another version). `where` says which side of which pair, for that message.
    static std::optional<SideStatus> fromJson(const QJsonObject &json, const QString &where,
                                              QString *error);
    bool operator==(const SideStatus &) const = default;
};

// One running pair.
struct PairStatus
{
    QString name;
    Protocol protocol = Protocol::ModbusTcp;
    ConnectionMode mode = ConnectionMode::Warm;
    QString listen;   // the endpoint as configured
    quint16 port = 0; // the port it listens on (0: not listening)
    bool passThrough = false;
    Side active = Side::None;
    Side pinned = Side::None; // held there by the operator
    int failovers = 0;
    QDateTime lastFailover; // invalid: none since start
    QString lastSwitchReason;
    int clients = 0;
    SideStatus primary;
    SideStatus secondary;

    const SideStatus &side(Side s) const { return s == Side::Secondary ? secondary : primary; }
    QJsonObject toJson() const;
    static std::optional<PairStatus> fromJson(const QJsonObject &json, QString *error);
    bool operator==(const PairStatus &) const = default;
};

// The engine process and every pair it runs (the host adds mail, backup and license to
// the control socket's answer; those have their own mappings).
struct EngineStatus
{
    qint64 pid = 0;
    QString process;
    QList<PairStatus> pairs;

    const PairStatus *pair(const QString &name) const;
    QJsonObject toJson() const;
    static std::optional<EngineStatus> fromJson(const QJsonObject &json, QString *error);
    bool operator==(const EngineStatus &) const = default;
};

// The one wording of the engine's judgement of a side (docs/failover-decision.md), for the
// console and tandemctl alike: "healthy", "lost: connection refused", "connected, 2
// monitor item(s) in error (last failure: ...)". Translated where a translator is loaded.
QString describeHealth(const SideStatus &side);
// Which machine serves the pair's clients, and whether by the rules, held by the operator
// or passed through: "secondary (10.0.0.2:502), held by the operator".
QString describeActive(const PairStatus &pair);

} // namespace tandem
