#include "services.h"

namespace tandem::opcua {

QString serverStateName(ServerState state)
{
    static const char *const names[] = {"Running",  "Failed", "NoConfiguration",    "Suspended",
                                        "Shutdown", "Test",   "CommunicationFault", "Unknown"};
    const auto index = qint32(state);
    if (index >= 0 && index < qint32(std::size(names)))
        return QLatin1String(names[index]);
    return QStringLiteral("state %1").arg(index);
}

quint32 readMessageTypeId(Reader &r)
{
    const NodeId id = readNodeId(r);
    if (!r.ok() || id.namespaceIndex != 0 || id.idType() != NodeId::IdType::Numeric)
        return 0;
    return std::get<quint32>(id.identifier);
}

} // namespace tandem::opcua
