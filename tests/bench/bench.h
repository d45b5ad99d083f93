#pragma once

// tandem-bench: shared pieces. Real processes (tandemd, tandem-sim, socat, node-opcua) on
// loopback, blocking POSIX socket clients in their own threads, and the figures they measure.

#include "config/configuration.h"

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace tandem::bench {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;

inline double msBetween(TimePoint from, TimePoint to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// A case that cannot be set up (a process that does not start, an engine that never
// promotes) ends that case; Ctrl+C ends the run. Both unwind, so children are reaped.
struct BenchError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};
struct Interrupted : std::runtime_error
{
    Interrupted()
        : std::runtime_error("interrupted")
    {}
};

// SIGINT/SIGTERM set a flag every wait checks; a second Ctrl+C kills at once (children
// still die then: they are started with PR_SET_PDEATHSIG).
void installInterruptHandler();
bool interrupted();
void checkInterrupted();
// Sleeps in small steps; throws Interrupted.
void sleepMs(int ms);
// Polls `done` every few ms until it holds (true) or timeoutMs passes (false).
bool waitUntil(const std::function<bool()> &done, int timeoutMs);

// printf to stdout, flushed at once: the figures show up while the run goes on.
void say(const char *format, ...) __attribute__((format(printf, 1, 2)));

// Free loopback ports, all bound at the same time so they are distinct, then released.
std::vector<quint16> freePorts(int count);
bool canConnect(quint16 port);

// ---------------------------------------------------------------------------------
// Child processes. Every child gets PR_SET_PDEATHSIG(SIGKILL): it dies with the bench,
// however the bench ends. The destructor kills (a stopped child too) and reaps.
class Child
{
public:
    Child() = default;
    Child(const Child &) = delete;
    Child &operator=(const Child &) = delete;
    ~Child();

    void start(const QString &program, const QStringList &arguments,
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    pid_t pid() const { return m_pid; }
    bool isRunning();
    void signal(int signalNumber);
    void kill();
    bool waitForExit(int timeoutMs);
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    pid_t m_pid = 0;
};

// tandem-sim on 127.0.0.1:port (0 = a free one); the constructor waits for its
// `listening on` line. Holding register 400002 holds the offset.
class Sim
{
public:
    explicit Sim(quint16 offset, quint16 port = 0);
    quint16 port() const { return m_port; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    pid_t pid() const { return m_child.pid(); }
    void signal(int signalNumber) { m_child.signal(signalNumber); }
    void kill() { m_child.kill(); }

private:
    Child m_child;
    quint16 m_port = 0;
};

// The integration tests' pymodbus server (tests/integration/peers/modbus_server.py) on
// 127.0.0.1:port (0 = a free one); it takes commands on stdin (flush-after-error,
// max-connections, stats). Holding register 400002 holds the offset, as with tandem-sim.
class PyModbusPeer
{
public:
    explicit PyModbusPeer(quint16 offset, quint16 port = 0);
    quint16 port() const { return m_port; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    pid_t pid() const { return m_child.pid(); }
    void signal(int signalNumber) { m_child.signal(signalNumber); } // SIGSTOP: a hung server
    // Sends a command; returns what follows "ok".
    QByteArray command(const char *line);
    // One figure of "stats" (connections, requests, flushes, flushed-bytes, refused).
    long stat(const char *name);

private:
    QByteArray readLine(int timeoutMs);

    Child m_child;
    quint16 m_port = 0;
};

// tandemd on a private configuration and state directory; its stderr (events, one a
// line) goes to a file the bench reads.
class Tandemd
{
public:
    Tandemd();
    ~Tandemd();
    // Writes the configuration with every pair enabled on this "machine".
    void writeConfig(const Configuration &config);
    // Starts tandemd and waits until its control socket answers.
    void start();
    void stop(); // SIGTERM, then SIGKILL after 5 s
    pid_t pid() const { return m_child.pid(); }
    bool isRunning() { return m_child.isRunning(); }
    // The engine's status (tandemctl status --json) over its control socket; BenchError
    // when it does not answer within timeoutMs.
    QJsonObject status(int timeoutMs = 5000);

    QStringList lines(); // stderr so far
    int countLines(const QString &part);
    bool waitForLines(const QString &part, int count, int timeoutMs);
    // Wall-clock times of the event lines containing `part` (events carry their time).
    std::vector<qint64> eventTimesMs(const QString &part);

private:
    QString configFile() const { return m_dir.filePath(QStringLiteral("tandem.xml")); }
    QString stateDir() const { return m_dir.filePath(QStringLiteral("state")); }
    QString stderrFile() const { return m_dir.filePath(QStringLiteral("tandemd.stderr")); }

    QTemporaryDir m_dir;
    Child m_child;
    qint64 m_readOffset = 0;
    QByteArray m_pending;
    QStringList m_lines;
};

// socat forwarding plain bytes: TCP-LISTEN:port,fork,reuseaddr TCP:127.0.0.1:target.
class Socat
{
public:
    Socat(quint16 listenPort, quint16 targetPort);
    pid_t pid() const { return m_child.pid(); }

private:
    Child m_child;
};

// ---------------------------------------------------------------------------------
// A blocking Modbus TCP client on a POSIX socket (TCP_NODELAY), one request at a time.
class MbClient
{
public:
    enum class Status
    {
        Ok,
        Exception,
        Timeout,
        Closed,        // the proxy closed or reset the connection
        ConnectFailed, // could not (re)connect
        Protocol       // wrong transaction id, short or malformed answer
    };
    static const char *statusName(Status status);

    MbClient() = default;
    MbClient(const MbClient &) = delete;
    MbClient &operator=(const MbClient &) = delete;
    ~MbClient() { close(); }

    bool connectTo(quint16 port, int timeoutMs);
    void close();
    bool isConnected() const { return m_fd >= 0; }
    // FC3; on Ok `values` gets `count` registers, on Exception *exception the code.
    Status readHolding(quint16 address, quint16 count, int timeoutMs, quint16 *values,
                       quint8 *exception);

private:
    bool receive(char *data, size_t size, TimePoint deadline, Status *status);

    int m_fd = -1;
    quint16 m_nextTransaction = 1;
};

// A client polling holding register 400002 (which server answers) every periodMs through
// the engine, reconnecting after a lost connection, in its own thread.
class Poller
{
public:
    struct Sample
    {
        TimePoint time; // when the answer (or the error) came
        MbClient::Status status;
        int value;  // -1 unless Ok
        int detail; // exception code
    };

    explicit Poller(quint16 port, int periodMs = 10, int timeoutMs = 2000);
    ~Poller();
    void stop();
    std::vector<Sample> samples() const;
    // How long every read has answered `value`, from the first of that streak to now;
    // 0 when the latest read did not.
    double steadyMs(int value) const;

private:
    void run();

    quint16 m_port;
    int m_periodMs;
    int m_timeoutMs;
    std::atomic<bool> m_stop{false};
    mutable std::mutex m_mutex;
    std::vector<Sample> m_samples;
    std::thread m_thread;
};

// What the polling client saw after `cut`: errors and the largest gap between two
// successful reads (counting from the last success before the cut).
struct PollStats
{
    int errors = 0;
    int errorsBefore = 0;
    double largestGapMs = 0;
    QStringList errorKinds; // "timeout x2", ...
};
PollStats analyse(const std::vector<Poller::Sample> &samples, TimePoint cut);

// ---------------------------------------------------------------------------------
// /proc figures.
double cpuSeconds(pid_t pid);     // utime + stime
double cpuSecondsTree(pid_t pid); // the process and its direct children (socat's forks)
double rssMb(pid_t pid);          // VmRSS
double peakRssMb(pid_t pid);      // VmHWM
double bytesRead(pid_t pid);      // rchar of /proc/PID/io

// min / median / max of a few repetitions.
struct Spread
{
    double min = 0, median = 0, max = 0;
};
Spread spread(std::vector<double> values);
double percentile(std::vector<double> &sorted, double p); // sorts in place

// Each figure with a target ends up in the final PASS/MISS list.
void target(const std::string &name, bool met, const std::string &detail);
int printTargets(); // returns the number missed
std::string format(const char *format, ...) __attribute__((format(printf, 1, 2)));

// The pair every single-pair case uses; tests tune mode, reconnect and hold-off.
PairConfig benchPair(const QString &name, quint16 listenPort, const Sim &primary,
                     const Sim &secondary, ConnectionMode mode);

// ---------------------------------------------------------------------------------
// node-opcua peers (tests/integration/peers/opcua), see opcuapeers.cpp. Every node process
// of a run shares one PKI folder in the run's temporary folder and writes its stdout and
// stderr to files there: a pipe nobody reads would stall it.

// server.js or client.js with --pki; stdout read back a line at a time, each line stamped
// with when the bench first saw it.
class NodeScript
{
public:
    struct Line
    {
        TimePoint seen;
        QByteArray text;
        QJsonObject json; // empty when the line is not a JSON object
    };

    // script: "server.js" or "client.js"; the arguments come after --pki DIR.
    void start(const char *script, const QStringList &arguments);
    const std::vector<Line> &lines(); // every line so far
    pid_t pid() const { return m_child.pid(); }
    bool isRunning() { return m_child.isRunning(); }
    void send(const QByteArray &line); // one line on stdin
    bool waitForExit(int timeoutMs) { return m_child.waitForExit(timeoutMs); }
    void signal(int signalNumber) { m_child.signal(signalNumber); }
    void kill() { m_child.kill(); }
    QString errorTail() const; // the last lines of stderr, for a BenchError

private:
    Child m_child;
    QString m_name;
    QString m_stdoutFile;
    QString m_stderrFile;
    qint64 m_readOffset = 0;
    QByteArray m_pending;
    std::vector<Line> m_lines;
};

// server.js on 127.0.0.1:port (0 = a free one); the constructor waits for READY.
// ns=1;s=Counter counts up from `offset` every counterPeriodMs.
class NodeOpcUaServer
{
public:
    NodeOpcUaServer(int offset, int counterPeriodMs, quint16 port = 0);
    quint16 port() const { return m_port; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QString url() const { return QStringLiteral("opc.tcp://127.0.0.1:%1").arg(m_port); }
    pid_t pid() const { return m_script.pid(); }
    void signal(int signalNumber) { m_script.signal(signalNumber); } // SIGSTOP: a hung server
    void kill() { m_script.kill(); } // a stopped one too, as the destructor does

private:
    NodeScript m_script;
    quint16 m_port = 0;
};

// client.js --interval I --sampling S URL watch NODEID: one subscription, one item. The
// constructor starts it, waitSubscribed() waits for {"subscribed":true} (so two watches
// can start side by side); the destructor sends "quit", which closes the session.
class NodeOpcUaWatch
{
public:
    struct Change
    {
        TimePoint seen;   // when the bench read the line
        qint64 value = 0; // an integer node's value
        qint64 seq = -1;  // the NotificationMessage's sequence number; -1 unknown
        qint64 sourceMs = 0;
        qint64 receivedMs = 0; // "t": the client's Date.now() at receipt
    };

    NodeOpcUaWatch(const QString &url, const QString &nodeId, int intervalMs, int samplingMs);
    ~NodeOpcUaWatch() { stop(); }
    // Waits up to timeoutMs for {"subscribed":true} (for watches started side by side).
    void waitSubscribed(int timeoutMs);
    // Every change so far; each line is parsed once (a watch may run for minutes). Valid
    // until the next call.
    const std::vector<Change> &changes();
    QStringList events(); // "connection_lost", "reconnecting", ... in order
    // What it printed besides changes and keep-alives, and the end of its stderr.
    QString diagnostics();
    void stop(); // "quit", killed when it does not end within 5 s

private:
    NodeScript m_script;
    QString m_url;
    std::vector<Change> m_changes;
    size_t m_linesParsed = 0;
};

// client.js URL OPERATION... to its end: its JSON lines. BenchError on {"error":...}, a
// non-zero exit or no end within timeoutMs.
std::vector<QJsonObject> runNodeClient(const QString &url, const QStringList &operation,
                                       int timeoutMs);
// The first client of a run makes the client certificate; concurrent first clients would
// race for it. Runs one read against url once per run.
void prepareNodeClients(const QString &url);

// Subcommands.
// Closed-loop clients (throughput.cpp): each on its own connection reads 10 holding
// registers, waits for the answer, and again; 0.5 s of warm-up, then `seconds` measured.
struct LoadResult
{
    double requestsPerSecond = 0;
    double p50Us = 0;
    double p99Us = 0;
    long errors = 0;
    double proxyCpuPercent = -1; // of one core; -1 when there is no proxy
    double serverCpuPercent = 0;
};
LoadResult runLoad(quint16 port, int clients, int seconds, pid_t proxy, bool proxyTree,
                   pid_t server);

void runFailover(int reps);
void runFailback(int reps);
void runThroughput(int seconds);
void runScale();
void runOpcUa(int reps, int seconds);
void runBackup(int reps);
void runConnections(int seconds);
void runChaos(int faultsPerSide);

} // namespace tandem::bench
