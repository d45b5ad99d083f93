#pragma once

// When the proxy gives up on a client connection that does not do its part:
// - the handshake: Hello and OpenSecureChannel within handshakeTimeout of the connect,
//   or a connection that never sends a byte holds a descriptor for ever;
// - idle: an open channel without an activated session on it that has sent no message
//   (a request or a token renewal) for idleTimeout. A channel with an activated session
//   is the session's to keep: its timeout and the channel's token lifetime (125 %, OPC
//   10000-4 5.5.2) end it, so a client that only renews its token in time as the revised
//   lifetime asks is never idle while its session lives.

#include <QString>

#include <optional>

namespace tandem::opcua {

struct ChannelActivity
{
    qint64 connectedAtMs = 0;
    qint64 lastMessageAtMs = 0; // the last complete request or OpenSecureChannel
    bool open = false;          // the secure channel is open (Hello and OPN done)
    bool activatedSession = false;
};

// Why the connection must be closed now, or nullopt.
std::optional<QString> channelDeadlinePassed(const ChannelActivity &activity,
                                             qint64 handshakeTimeoutMs, qint64 idleTimeoutMs,
                                             qint64 nowMs);

} // namespace tandem::opcua
