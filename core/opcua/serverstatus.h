#pragma once

// The Server object's status (OPC 10000-5, 12.10 and 12.4), as ServerStatus (i=2256) holds
// it.

#include "servicecommon.h"

namespace tandem::opcua {

enum class ServerState : qint32
{
    Running = 0,
    Failed = 1,
    NoConfiguration = 2,
    Suspended = 3,
    Shutdown = 4,
    Test = 5,
    CommunicationFault = 6,
    Unknown = 7,
};
QString serverStateName(ServerState state); // "Running", ..., "state 9"

struct BuildInfo
{
    static constexpr quint32 BinaryEncodingId = 340;
    QString productUri;
    QString manufacturerName;
    QString productName;
    QString softwareVersion;
    QString buildNumber;
    DateTime buildDate;
    TANDEM_OPCUA_FIELDS(productUri, manufacturerName, productName, softwareVersion, buildNumber,
                        buildDate)
};

struct ServerStatusDataType
{
    static constexpr quint32 BinaryEncodingId = 864;
    DateTime startTime;
    DateTime currentTime;
    ServerState state = ServerState::Running;
    BuildInfo buildInfo;
    quint32 secondsTillShutdown = 0;
    LocalizedText shutdownReason;
    TANDEM_OPCUA_FIELDS(startTime, currentTime, state, buildInfo, secondsTillShutdown,
                        shutdownReason)
};

} // namespace tandem::opcua
