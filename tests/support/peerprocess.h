#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDeadlineTimer>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::test {

// A process the tests and benchmarks run beside them: the peers (ModbusPeer, SmtpPeer,
// OpcUaPeer, SimPeer), tandemd (TandemdProcess) or any program. A peer is a real server on
// a loopback port that announces the port on stdout once it listens, then takes control
// lines on stdin and answers each with "ok" or what went wrong; the classes built on this
// one add how their program is started and what it records.
// The child dies with the thread that started it (PR_SET_PDEATHSIG) and the destructor
// kills it, so neither a failing test nor a crashed one leaves a process behind.
class PeerProcess : public QObject
{
    Q_OBJECT

public:
    static constexpr int CommandTimeoutMs = 5000;

    // name: what warnings call it ("SMTP peer"); startTimeoutMs: how long a start may take,
    // and how long kill() waits for the process to end.
    explicit PeerProcess(const QString &name, int startTimeoutMs = 20000,
                         QObject *parent = nullptr);
    ~PeerProcess() override;

    // Kills an earlier run, starts the program and waits until it prints
    // "<readyPrefix>PORT" (with an empty prefix: until it runs). On failure the output is
    // forwarded with qWarning and the process killed.
    bool startProcess(const QString &program, const QStringList &arguments,
                      QByteArrayView readyPrefix = {});
    // The same in two steps, so that several peers start side by side: launchProcess()
    // kills an earlier run and starts the program, waitUntilReady() waits (from the launch
    // on) for it to run or announce its port, as startProcess() does.
    void launchProcess(const QString &program, const QStringList &arguments);
    bool waitUntilReady(QByteArrayView readyPrefix = {});

    quint16 port() const { return m_port; }
    QString address() const; // "127.0.0.1:PORT"
    qint64 processId() const { return m_process.processId(); }

    // Sends one control line and waits for its "ok" (each peer lists the lines it takes).
    bool command(const QString &line, int timeoutMs = CommandTimeoutMs);
    // The same for a line answered "ok TEXT": returns TEXT, or nothing when refused.
    std::optional<QString> query(const QString &line, int timeoutMs = CommandTimeoutMs);
    // Sends one line without waiting for an answer; false if it cannot take it.
    bool send(const QString &line);
    // Sends one line and returns the answer as it came (trimmed), refusals included.
    std::optional<QString> reply(const QString &line, int timeoutMs = CommandTimeoutMs);
    // The next line on stdout that is no event; nothing if none came in time.
    std::optional<QByteArray> readLine(int timeoutMs = CommandTimeoutMs);
    // Closes the peer's stdin; it keeps serving (tests must not depend on the pipe).
    void closeInput();
    // What it wrote to stderr so far (its log file, if it has one).
    QString errorOutput();

    void kill();      // SIGKILL: a crashed server; the kernel closes its connections
    void hang();      // SIGSTOP: a hung server, connections stay open but nothing answers
    void resume();    // SIGCONT
    void terminate(); // SIGTERM
    void sendSignal(int signalNumber);
    // Ends it as an operator would: "quit" on stdin (SIGTERM once the input is closed),
    // killed when it has not ended within timeoutMs. False if it had to be killed.
    bool stop(int timeoutMs = CommandTimeoutMs);
    // Waits until the process has ended; true at once if it is not running.
    bool waitForExit(int timeoutMs = 30000);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    bool isHung() const { return m_hung; }
    // The exit code of a process that ended by itself; -1 while it runs or after a signal.
    int exitCode() const;

protected:
    void setEnvironment(const QProcessEnvironment &environment);
    // From the next start on, the peer's stderr goes to this file instead of a pipe, and a
    // failed start forwards the file.
    void setLogFile(const QString &file);
    // The next start runs the program with at most this many open descriptors
    // (RLIMIT_NOFILE, soft and hard), as a service unit's LimitNOFILE would; 0: inherited.
    void setDescriptorLimit(int descriptors) { m_descriptorLimit = descriptors; }
    // Kills a run that is still going and forgets its port, hang and closed input.
    // startProcess() begins with it; a start() that may fail before that calls it first,
    // so a failed start never leaves the earlier run serving.
    void endEarlierRun();
    // Takes in the output that is waiting, without blocking: events go to takeEvent(), any
    // other line is forwarded with qWarning as unasked.
    void takePendingOutput();
    // Called with each line read from stdout. A peer that also reports events there
    // records them and returns true, so that only the ready line and the answers to
    // control lines come back. By default no line is an event: the next line is the one
    // asked for.
    virtual bool takeEvent(const QByteArray &line);
    QProcess &process() { return m_process; }

private:
    // Reads one line that is not an event.
    bool readReply(QByteArray *line, int timeoutMs);

    const QString m_name;
    const int m_startTimeoutMs;
    QProcess m_process;
    QDeadlineTimer m_startDeadline; // set by launchProcess()
    QString m_logFile;
    QByteArray m_errorOutput; // stderr taken in so far, when it goes to a pipe
    int m_descriptorLimit = 0;
    quint16 m_port = 0;
    bool m_hung = false;
    bool m_inputClosed = false;
};

} // namespace tandem::test
