#pragma once

#include "peerprocess.h"

#include <QObject>
#include <QStringList>

namespace tandem::test {

// tandem-sim, the project's own Modbus TCP simulator, on a free loopback port: holding
// register 400001 counts up from the offset, 400002 holds it (so a client can tell which
// server answered). It takes "hang", "resume", "drop", "exception CODE", "normal",
// "set REF VALUE", "stop-ticking", "start-ticking" and "quit" on stdin, each answered
// "ok COMMAND" or "error: ...". The destructor kills it.
class SimPeer final : public PeerProcess
{
    Q_OBJECT

public:
    static constexpr int StartTimeoutMs = 10000;

    explicit SimPeer(QObject *parent = nullptr);

    // Runs tandem-sim --listen 127.0.0.1:PORT --offset OFFSET --quiet, then `extra`, and
    // waits until it listens. port 0 picks a free one; a given port brings a server back
    // where it was.
    bool start(quint16 offset = 0, quint16 port = 0, const QStringList &extra = {});
    quint16 offset() const { return m_offset; }

private:
    quint16 m_offset = 0;
};

} // namespace tandem::test
