#include "side.h"

namespace tandem {

QString sideKey(Side side)
{
    switch (side) {
    case Side::Primary:
        return QStringLiteral("primary");
    case Side::Secondary:
        return QStringLiteral("secondary");
    case Side::None:
        break;
    }
    return QStringLiteral("none");
}

std::optional<Side> sideFromKey(const QString &key)
{
    if (key == QLatin1String("primary"))
        return Side::Primary;
    if (key == QLatin1String("secondary"))
        return Side::Secondary;
    return std::nullopt;
}

QString sideHealthKey(SideHealth health)
{
    switch (health) {
    case SideHealth::Unknown:
        return QStringLiteral("unknown");
    case SideHealth::Connecting:
        return QStringLiteral("connecting");
    case SideHealth::Healthy:
        return QStringLiteral("healthy");
    case SideHealth::Degraded:
        return QStringLiteral("degraded");
    case SideHealth::MonitorError:
        return QStringLiteral("monitor-error");
    case SideHealth::Lost:
        return QStringLiteral("lost");
    case SideHealth::ShuttingDown:
        return QStringLiteral("shutting-down");
    case SideHealth::PassThrough:
        return QStringLiteral("pass-through");
    }
    return QStringLiteral("unknown");
}

std::optional<SideHealth> sideHealthFromKey(const QString &key)
{
    for (SideHealth health : {SideHealth::Unknown, SideHealth::Connecting, SideHealth::Healthy,
                              SideHealth::Degraded, SideHealth::MonitorError, SideHealth::Lost,
                              SideHealth::ShuttingDown, SideHealth::PassThrough})
        if (sideHealthKey(health) == key)
            return health;
    return std::nullopt;
}

int serviceRank(SideHealth health)
{
    switch (health) {
    case SideHealth::Healthy:
    case SideHealth::PassThrough:
        return 2;
    case SideHealth::Degraded:
    case SideHealth::MonitorError:
        return 1;
    case SideHealth::Unknown:
    case SideHealth::Connecting:
    case SideHealth::Lost:
    case SideHealth::ShuttingDown:
        break;
    }
    return 0;
}

} // namespace tandem
