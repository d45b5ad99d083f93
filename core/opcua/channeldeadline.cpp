#include "channeldeadline.h"

namespace tandem::opcua {

std::optional<QString> channelDeadlinePassed(const ChannelActivity &activity,
                                             qint64 handshakeTimeoutMs, qint64 idleTimeoutMs,
                                             qint64 nowMs)
{
    if (!activity.open) {
        if (nowMs - activity.connectedAtMs >= handshakeTimeoutMs)
            return QStringLiteral("no secure channel within %1 ms of connecting")
                .arg(handshakeTimeoutMs);
        return std::nullopt;
    }
    if (!activity.activatedSession && nowMs - activity.lastMessageAtMs >= idleTimeoutMs)
        return QStringLiteral("idle for %1 ms without an activated session").arg(idleTimeoutMs);
    return std::nullopt;
}

} // namespace tandem::opcua
