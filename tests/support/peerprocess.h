#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::test {

// A test peer run as a child process (ModbusPeer, SmtpPeer, OpcUaPeer): a real server on a
// loopback port that announces the port on stdout once it listens, then takes control
// lines on stdin and answers each with "ok" or what went wrong. The peer classes add how
// their server is started and what it records; this one holds the process around it.
// The destructor kills the process, so a failing test never leaves a peer behind.
class PeerProcess : public QObject
{
    Q_OBJECT

public:
    static constexpr int CommandTimeoutMs = 5000;

    ~PeerProcess() override;

    quint16 port() const { return m_port; }
    qint64 processId() const { return m_process.processId(); }

    // Sends one control line and waits for its "ok" (each peer lists the lines it takes).
    bool command(const QString &line, int timeoutMs = CommandTimeoutMs);
    // The same for a line answered "ok TEXT": returns TEXT, or nothing when refused.
    std::optional<QString> query(const QString &line, int timeoutMs = CommandTimeoutMs);
    // Closes the peer's stdin; it keeps serving (tests must not depend on the pipe).
    void closeInput();

    void kill();   // SIGKILL: a crashed server; the kernel closes its connections
    void hang();   // SIGSTOP: a hung server, connections stay open but nothing answers
    void resume(); // SIGCONT
    void stop();   // orderly "quit" (SIGTERM once input is closed), else killed
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    bool isHung() const { return m_hung; }

protected:
    // name: what warnings call the peer ("SMTP peer"); startTimeoutMs: how long a start
    // may take, and how long kill() waits for the process to end.
    PeerProcess(const QString &name, int startTimeoutMs, QObject *parent);

    void setEnvironment(const QProcessEnvironment &environment);
    // From the next start on, the peer's stderr goes to this file instead of a pipe, and a
    // failed start forwards the file.
    void setLogFile(const QString &file);
    // Kills a run that is still going and forgets its port, hang and closed input.
    // startProcess() begins with it; a start() that may fail before that calls it first,
    // so a failed start never leaves the earlier run serving.
    void endEarlierRun();
    // Starts the program and waits until it prints "<readyPrefix>PORT". On failure the
    // peer's output is forwarded with qWarning and the process killed.
    bool startProcess(const QString &program, const QStringList &arguments,
                      QByteArrayView readyPrefix);
    // QProcess::waitForFinished: false if the process was not running or did not end in time.
    bool waitForFinished(int timeoutMs);
    // Takes in the output that is waiting, without blocking: events go to takeEvent(), any
    // other line is forwarded with qWarning as unasked.
    void takePendingOutput();
    // Called with each line read from stdout. A peer that also reports events there
    // records them and returns true, so that only the ready line and the answers to
    // control lines come back. By default no line is an event: the next line is the one
    // asked for.
    virtual bool takeEvent(const QByteArray &line);

private:
    // Reads one line that is not an event.
    bool readReply(QByteArray *line, int timeoutMs);
    QString log() const; // what the peer wrote to the log file in this run
    void sendSignal(int signalNumber);

    const QString m_name;
    const int m_startTimeoutMs;
    QProcess m_process;
    QString m_logFile;
    quint16 m_port = 0;
    bool m_hung = false;
    bool m_inputClosed = false;
};

} // namespace tandem::test
