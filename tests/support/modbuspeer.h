#pragma once

#include "peerprocess.h"

#include <QObject>
#include <QString>

namespace tandem::test {

// A real Modbus TCP server (tests/integration/peers/modbus_server.py, pymodbus) on a
// free loopback port, for tests that need an independent peer to fail over between.
// Holding and input registers: address 0 counts up every 100 ms from the offset,
// address 1 holds the offset, so a test can tell which peer answered.
// The destructor kills the process, so a failing test never leaves a peer behind.
class ModbusPeer final : public PeerProcess
{
    Q_OBJECT

public:
    static constexpr int StartTimeoutMs = 20000;

    explicit ModbusPeer(QObject *parent = nullptr);

    // Starts the server and waits until it listens. On failure the peer's stderr is
    // forwarded with qWarning.
    // port 0 picks a free one; a given port brings a server back where it was.
    bool start(quint16 offset = 0, quint16 port = 0);
    quint16 offset() const { return m_offset; }

    // command() sends one control line and waits for its "ok": "set ADDR VALUE",
    // "setcoil ADDR 0|1", "stop-counter", "start-counter", "exception CODE", "normal",
    // "flush-after-error on|off" (like libmodbus, discard a connection's unread input
    // after an exception answer), "max-connections N" (close connections beyond N).
    using PeerProcess::command;

    struct Stats
    {
        int connections = 0; // open now
        int requests = 0;    // executed since start
        int flushes = 0;     // inputs discarded after an exception
        int flushedBytes = 0;
        int refused = 0; // connections closed for max-connections
    };
    // What the peer counted ("stats"); nothing if it did not answer.
    std::optional<Stats> stats();

private:
    quint16 m_offset = 0;
};

} // namespace tandem::test
