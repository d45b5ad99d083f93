#pragma once

#include <QString>

namespace tandem {

// Names the local process behind a loopback TCP connection, as "mbpoll (5123)", for the
// Process column of client-triggered events. Linux only: it finds the socket in
// /proc/net/tcp{,6} and the process holding it in /proc/*/fd. Empty when the peer is
// remote or the process cannot be seen (another user's, gone already).
class ClientProcess final
{
public:
    static QString describe(quint16 clientPort, quint16 serverPort);
};

} // namespace tandem
