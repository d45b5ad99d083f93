#pragma once

// tandem-bench: shared pieces. Real processes (tandemd, tandem-sim, socat, node-opcua) on
// loopback, started through the tests' support library (tests/support), blocking POSIX
// socket clients in their own threads, and the figures they measure.

#include "config/configuration.h"
#include "engine/pairstatus.h"
#include "modbuspeer.h"
#include "opcuapeer.h"
#include "opcuawatch.h"
#include "simpeer.h"
#include "tandemdprocess.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

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
// Sleeps in small steps; throws Interrupted. Both run the event loop meanwhile, so what the
// children write is taken in (a pipe nobody reads would stall them).
void sleepMs(int ms);
// Polls `done` every few ms until it holds (true) or timeoutMs passes (false).
bool waitUntil(const std::function<bool()> &done, int timeoutMs);

// printf to stdout, flushed at once: the figures show up while the run goes on.
void say(const char *format, ...) __attribute__((format(printf, 1, 2)));

using test::freePorts;
bool canConnect(quint16 port);

// ---------------------------------------------------------------------------------
// The processes the tests run too (tests/support): tandem-sim, the pymodbus and node-opcua
// peers, tandemd. Each dies with the bench (PR_SET_PDEATHSIG) however it ends; these start
// one or throw BenchError.

// tandem-sim on 127.0.0.1:port (0 = a free one). Holding register 400002 holds the offset.
std::unique_ptr<test::SimPeer> startSim(quint16 offset, quint16 port = 0);
// The integration tests' pymodbus server; it takes commands on stdin (flush-after-error,
// max-connections, stats). Holding register 400002 holds the offset, as with tandem-sim.
std::unique_ptr<test::ModbusPeer> startModbusPeer(quint16 offset, quint16 port = 0);
// The integration tests' node-opcua server; ns=1;s=Counter counts up from `offset` every
// counterPeriodMs.
std::unique_ptr<test::OpcUaPeer> startOpcUaPeer(int offset, int counterPeriodMs, quint16 port = 0);
// The integration tests' pymodbus server's "stats": one figure (connections, requests,
// flushes, flushed-bytes, refused).
long stat(test::ModbusPeer &peer, const char *name);
// socat forwarding plain bytes: TCP-LISTEN:port,fork,reuseaddr TCP:127.0.0.1:target.
std::unique_ptr<test::PeerProcess> startSocat(quint16 listenPort, quint16 targetPort);

// tandemd on a private configuration and state directory, without the debug lines the tests
// ask for: writes the configuration with every pair enabled, starts it and waits until its
// control socket answers. At the end of the case it is stopped with SIGTERM (killed after
// 5 s), so it closes its sessions on servers that serve the next case too.
void startEngine(test::TandemdProcess &engine, const Configuration &config);
// The engine's status; BenchError when it does not answer within timeoutMs or its answer
// is not an engine status.
EngineStatus status(test::TandemdProcess &engine, int timeoutMs = 5000);
// Waits for `count` lines of tandemd containing `part`.
bool waitForLines(test::TandemdProcess &engine, const QString &part, int count, int timeoutMs);
// Wall-clock times of the event lines containing `part` (events carry their time).
std::vector<qint64> eventTimesMs(test::TandemdProcess &engine, const QString &part);

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

// The pair every single-pair case uses (interval 200 ms, timeout 100 ms); tests tune mode,
// reconnect and hold-off.
PairConfig benchPair(const QString &name, quint16 listenPort, const test::PeerProcess &primary,
                     const test::PeerProcess &secondary, ConnectionMode mode);

// ---------------------------------------------------------------------------------
// node-opcua clients (tests/integration/peers/opcua/client.js), see processes.cpp.

// One data change a watch (test::OpcUaWatch) reported.
struct Change
{
    qint64 value = 0;      // an integer node's value
    qint64 seq = -1;       // the NotificationMessage's sequence number; -1 unknown
    qint64 sourceMs = 0;   // the source timestamp
    qint64 receivedMs = 0; // "t": the client's Date.now() at receipt
};
// The changes of a watch, each record parsed once (a watch may run for minutes).
class Changes
{
public:
    explicit Changes(const test::OpcUaWatch &watch)
        : m_watch(watch)
    {}
    const std::vector<Change> &all(); // every change so far; valid until the next call

private:
    const test::OpcUaWatch &m_watch;
    std::vector<Change> m_changes;
    qsizetype m_parsed = 0;
};
// A watch (client.js --interval I --sampling 0 URL watch NODEID: every change sampled),
// subscribed; BenchError when it does not subscribe within 30 s.
std::unique_ptr<test::OpcUaWatch> startWatch(const QString &url, const QString &nodeId,
                                             int intervalMs);
QStringList events(const test::OpcUaWatch &watch); // "connection_lost", ... in order
// What a watch printed besides changes and keep-alives, and the end of its log.
QString diagnostics(test::OpcUaWatch &watch);
// client.js URL OPERATION... to its end: its JSON lines. BenchError on {"error":...} or a
// non-zero exit.
std::vector<QJsonObject> runNodeClient(const QString &url, const QStringList &operation);
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
void runOpcUaSecurity(int rounds, int seconds);
void runBackup(int reps);
void runConnections(int seconds);
void runChaos(int faultsPerSide);

} // namespace tandem::bench
