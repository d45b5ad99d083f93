#include "pairconfig.h"

#include <QCoreApplication>

namespace tandem {

QString connectionModeKey(ConnectionMode mode)
{
    switch (mode) {
    case ConnectionMode::Cold:
        return QStringLiteral("cold");
    case ConnectionMode::Warm:
        return QStringLiteral("warm");
    case ConnectionMode::Hot:
        return QStringLiteral("hot");
    }
    return {};
}

std::optional<ConnectionMode> connectionModeFromKey(const QString &key)
{
    for (ConnectionMode m : {ConnectionMode::Cold, ConnectionMode::Warm, ConnectionMode::Hot})
        if (key.compare(connectionModeKey(m), Qt::CaseInsensitive) == 0)
            return m;
    return std::nullopt;
}

QString serverConnectionsKey(bool perClient)
{
    return perClient ? QStringLiteral("per-client") : QStringLiteral("shared");
}

std::optional<bool> serverConnectionsFromKey(const QString &key)
{
    for (bool perClient : {false, true})
        if (key.compare(serverConnectionsKey(perClient), Qt::CaseInsensitive) == 0)
            return perClient;
    return std::nullopt;
}

QString connectionModeDescription(ConnectionMode mode)
{
    switch (mode) {
    case ConnectionMode::Cold:
        return QCoreApplication::translate("Tandem", "Cold: Active machine only");
    case ConnectionMode::Warm:
        return QCoreApplication::translate(
            "Tandem", "Warm: Both machines, subscribe to items on active machine");
    case ConnectionMode::Hot:
        return QCoreApplication::translate(
            "Tandem", "Hot: Both machines, subscribe to items on both machines");
    }
    return {};
}

} // namespace tandem
