#pragma once

#include <QObject>
#include <QProcess>
#include <QString>

namespace tandem::test {

// A real Modbus TCP server (tests/integration/peers/modbus_server.py, pymodbus) on a
// free loopback port, for tests that need an independent peer to fail over between.
// Holding and input registers: address 0 counts up every 100 ms from the offset,
// address 1 holds the offset, so a test can tell which peer answered.
// The destructor kills the process, so a failing test never leaves a peer behind.
class ModbusPeer final : public QObject
{
    Q_OBJECT

public:
    static constexpr int StartTimeoutMs = 20000;
    static constexpr int CommandTimeoutMs = 5000;

    explicit ModbusPeer(QObject *parent = nullptr);
    ~ModbusPeer() override;

    // Starts the server and waits until it listens. On failure the peer's stderr is
    // forwarded with qWarning.
    // port 0 picks a free one; a given port brings a server back where it was.
    bool start(quint16 offset = 0, quint16 port = 0);
    quint16 port() const { return m_port; }
    quint16 offset() const { return m_offset; }
    QString address() const; // "127.0.0.1:PORT"
    qint64 processId() const { return m_process.processId(); }

    // Sends one control line and waits for its "ok": "set ADDR VALUE",
    // "setcoil ADDR 0|1", "stop-counter", "start-counter", "exception CODE", "normal".
    bool command(const QString &line, int timeoutMs = CommandTimeoutMs);
    // Closes the peer's stdin; it keeps serving (tests must not depend on the pipe).
    void closeInput();

    void kill();   // SIGKILL: a crashed server; the kernel closes its connections
    void hang();   // SIGSTOP: a hung server, connections stay open but nothing answers
    void resume(); // SIGCONT
    void stop();   // orderly "quit" (SIGTERM once input is closed), else killed
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    bool isHung() const { return m_hung; }

private:
    bool readLine(QByteArray *line, int timeoutMs);
    void sendSignal(int signalNumber);

    QProcess m_process;
    quint16 m_port = 0;
    quint16 m_offset = 0;
    bool m_hung = false;
    bool m_inputClosed = false;
};

} // namespace tandem::test
