// opcua: the OPC UA proxy's targets (tests/bench/README.md). A node-opcua client subscribed through
// the pair's endpoint while the primary is killed or hung (Hot, Warm), compared with a client of
// the secondary's own; and read-loop clients straight to a server and through the proxy.
#include "bench.h"

#include <QDateTime>
#include <QJsonDocument>

#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>

namespace tandem::bench {

namespace {

constexpr int SecondaryOffset = 100000;
constexpr int CounterPeriodMs = 50;
constexpr int IntervalMs = 200;
constexpr int TimeoutMs = 100;
constexpr int WatchIntervalMs = 100;
constexpr int ClientStartMs = 30000; // node-opcua loads slowly on a busy machine
const QString PairName = QStringLiteral("bench");
const QString Counter = QStringLiteral("ns=1;s=Counter");

PairConfig opcUaPair(quint16 listenPort, const test::OpcUaPeer &primary,
                     const test::OpcUaPeer &secondary, ConnectionMode mode)
{
    return test::testPair(
        Protocol::OpcUa, QStringLiteral("opc.tcp://127.0.0.1:%1/bench").arg(listenPort),
        primary.address(), secondary.address(), mode, IntervalMs, TimeoutMs, PairName);
}

const char *modeName(ConnectionMode mode)
{
    return mode == ConnectionMode::Hot ? "hot" : mode == ConnectionMode::Warm ? "warm" : "cold";
}

// Killed: tandemd sees the connection close at once. Hung (SIGSTOP): the kernel keeps the
// connection, so only the status query timing out (interval + timeout) gives it away.
enum class Fault
{
    Killed,
    Hung
};

const char *faultName(Fault fault)
{
    return fault == Fault::Killed ? "killed" : "hung";
}

const QString PromotedSecondary =
    QStringLiteral("Promoted active connection for server 'bench' to secondary");

// tandemd gave up the primary before the fault. On a busy machine a node-opcua server may
// not answer a status query within the 100 ms timeout; such a run is run again.
struct EarlyFailover : BenchError
{
    using BenchError::BenchError;
};
constexpr int MaxReruns = 2; // per repetition

// Throws EarlyFailover when tandemd promoted the secondary before `beforeMs` (wall clock).
// subscribedMs: when the proxy's client subscribed, 0 if it has not.
void checkNoEarlyFailover(test::TandemdProcess &engine, qint64 beforeMs, qint64 subscribedMs = 0)
{
    const std::vector<qint64> times = eventTimesMs(engine, PromotedSecondary);
    if (times.empty() || times.front() >= beforeMs)
        return;
    QString why = PromotedSecondary; // unless the loss that led to it is found
    for (const QString &line : engine.lines()) {
        if (line.contains(QLatin1String("on primary machine")) &&
            (line.contains(QLatin1String("Unable to retrieve status")) ||
             line.contains(QLatin1String("Disconnected from")))) {
            why = line.section(QLatin1Char('\t'), 4, 4); // the text
            if (const QString reason = line.section(QLatin1Char('\t'), 5, 5); !reason.isEmpty())
                why += QStringLiteral(" (%1)").arg(reason);
            break;
        }
    }
    const std::vector<qint64> started =
        eventTimesMs(engine, QStringLiteral("Started redundancy for 'bench': primary machine"));
    std::string when;
    if (!started.empty())
        when = format(", %lld ms after it promoted the primary", times.front() - started.front());
    if (subscribedMs > 0)
        when +=
            format(", %lld ms after the proxy's client subscribed", times.front() - subscribedMs);
    throw EarlyFailover(
        format("tandemd failed over before the fault%s: %s", when.c_str(), qPrintable(why)));
}

// Starts the engine on `pair` and waits until it serves the primary with the secondary
// connected as standby. EarlyFailover when it took the secondary instead.
void startEngine(test::TandemdProcess &engine, const PairConfig &pair)
{
    Configuration config = Configuration::createNew();
    config.pairs << pair;
    bench::startEngine(engine, config);
    // The first choice is "Started redundancy", not "Promoted".
    if (!waitForLines(engine, QStringLiteral("Started redundancy for 'bench'"), 1, 15000)) {
        QStringList said = engine.lines();
        said = said.mid(std::max<qsizetype>(0, said.size() - 20));
        throw BenchError(format("tandemd did not promote a server within 15 s:\n%s",
                                qPrintable(said.join(u'\n'))));
    }
    if (engine.countLines(QStringLiteral("Started redundancy for 'bench': secondary")))
        throw EarlyFailover("tandemd started on the secondary: the primary did not answer in time");
    checkNoEarlyFailover(engine, QDateTime::currentMSecsSinceEpoch() + 1);
    if (!waitForLines(engine, QStringLiteral("Connected to 'bench' on secondary"), 1, 15000))
        throw BenchError("tandemd did not connect the secondary within 15 s");
}

// When (wall clock) the watch's first change with a value in [from, to) came; nullopt
// before it.
std::optional<qint64> firstSeen(Changes &watch, qint64 from, qint64 to)
{
    for (const Change &c : watch.all())
        if (c.value >= from && c.value < to)
            return c.receivedMs;
    return std::nullopt;
}

// "0..25, 100003..100010": the runs of consecutive values a watch got.
QString valuesText(Changes &watch)
{
    QStringList runs;
    qint64 first = -1, last = -1;
    const auto flush = [&] {
        if (first >= 0)
            runs << (first == last ? QString::number(first)
                                   : QStringLiteral("%1..%2").arg(first).arg(last));
    };
    for (const Change &c : watch.all()) {
        if (first >= 0 && c.value == last + 1) {
            last = c.value;
            continue;
        }
        flush();
        first = last = c.value;
    }
    flush();
    return runs.isEmpty() ? QStringLiteral("none") : runs.join(QStringLiteral(", "));
}

bool seenFor(Changes &watch, qint64 from, qint64 to, int ms)
{
    const std::optional<qint64> first = firstSeen(watch, from, to);
    return first && QDateTime::currentMSecsSinceEpoch() - *first >= ms;
}

struct FailoverRun
{
    bool switched = false;
    int checked = 0;                 // the secondary's values from the fault to the client's last
    std::vector<qint64> missingAtMs; // each missing value's source time after the fault
    int directGaps = 0;              // values the secondary's own client skipped (should be 0)
    bool sessionKept = true;
    QStringList events;
    int seqBreaks = 0;
    int seqUnknown = 0;
    QString firstBreak;
    int duplicates = 0;
    double firstSecondaryMs = 0; // fault -> the client receives the secondary's first value
    double promotedMs = -1;      // fault -> tandemd's event promoting the secondary; -1 none
};

// direct: a client of the secondary's own, running for the whole mode.
FailoverRun failoverOnce(ConnectionMode mode, Fault fault, const test::OpcUaPeer &secondary,
                         Changes &direct)
{
    const auto primary = startOpcUaPeer(0, CounterPeriodMs);
    const PairConfig pair = opcUaPair(freePorts(1).front(), *primary, secondary, mode);
    test::TandemdProcess engine;
    startEngine(engine, pair);

    const auto proxiedWatch = startWatch(pair.endpoint, Counter, WatchIntervalMs);
    Changes proxied(*proxiedWatch);
    const qint64 subscribedAt = QDateTime::currentMSecsSinceEpoch();
    // What went wrong before the fault: the values the client got and what tandemd said.
    const auto before = [&](const char *what) {
        checkNoEarlyFailover(engine, QDateTime::currentMSecsSinceEpoch() + 1, subscribedAt);
        QStringList said = engine.lines();
        said = said.mid(std::max<qsizetype>(0, said.size() - 20));
        return BenchError(format("%s: the secondary's own client got %zu values in this mode, "
                                 "the proxy's client %s; tandemd said:\n%s\n%s",
                                 what, direct.all().size(), qPrintable(valuesText(proxied)),
                                 qPrintable(said.join(u'\n')),
                                 qPrintable(diagnostics(*proxiedWatch))));
    };
    if (!waitUntil(
            [&] {
                return seenFor(direct, SecondaryOffset, INT64_MAX, 1000) &&
                       seenFor(proxied, 0, SecondaryOffset, 1000);
            },
            10000))
        throw before("the two clients did not both get values for 1 s within 10 s");
    if (firstSeen(proxied, SecondaryOffset, INT64_MAX))
        throw before("the proxy's client got the secondary's values before the fault");

    const qint64 faultAt = QDateTime::currentMSecsSinceEpoch();
    if (fault == Fault::Hung)
        primary->hang();
    else
        primary->kill();
    FailoverRun run;
    run.switched =
        waitUntil([&] { return seenFor(proxied, SecondaryOffset, INT64_MAX, 2000); }, 15000);
    checkNoEarlyFailover(engine, faultAt, subscribedAt);
    const std::vector<qint64> promoted = eventTimesMs(engine, PromotedSecondary);
    if (!promoted.empty())
        run.promotedMs = double(promoted.front() - faultAt);

    const std::vector<Change> got = proxied.all();
    std::map<qint64, int> times; // value -> how often the client got it
    qint64 lastSeen = -1;
    for (const Change &c : got) {
        ++times[c.value];
        if (c.value < SecondaryOffset)
            continue;
        if (lastSeen < 0)
            run.firstSecondaryMs = double(c.receivedMs - faultAt);
        lastSeen = std::max(lastSeen, c.value);
    }
    for (const auto &[value, n] : times)
        run.duplicates += value >= SecondaryOffset ? n - 1 : 0;
    // Sequence numbers: a data message's is the one before + 1 (changes of one message
    // share it).
    qint64 lastSeq = -1;
    for (const Change &c : got) {
        if (c.seq < 0) {
            ++run.seqUnknown;
            continue;
        }
        if (lastSeq >= 0 && c.seq != lastSeq && c.seq != lastSeq + 1 && ++run.seqBreaks == 1)
            run.firstBreak = QStringLiteral("%1 -> %2").arg(lastSeq).arg(c.seq);
        lastSeq = c.seq;
    }
    run.events = events(*proxiedWatch);
    for (const QString &event : run.events)
        run.sessionKept &= event != QLatin1String("connection_lost") &&
                           event != QLatin1String("session_closed") &&
                           event != QLatin1String("terminated");
    primary->kill(); // a stopped one too: the next run starts without it
    if (!run.switched)
        return run;

    // Every value the secondary reported from the fault up to the client's last one.
    const auto directHas = [&] {
        for (const Change &c : direct.all())
            if (c.value >= lastSeen)
                return true;
        return false;
    };
    if (!waitUntil(directHas, 5000))
        throw BenchError(format("the secondary's own client never reported %lld", lastSeen));
    qint64 previous = -1;
    for (const Change &c : direct.all()) {
        if (c.sourceMs < faultAt || c.value > lastSeen)
            continue;
        ++run.checked;
        if (previous >= 0 && c.value != previous + 1)
            run.directGaps += int(c.value - previous - 1);
        previous = c.value;
        if (!times.count(c.value))
            run.missingAtMs.push_back(c.sourceMs - faultAt);
    }
    return run;
}

std::string runText(const FailoverRun &run)
{
    if (!run.switched)
        return "the client got no value from the secondary for 2 s within 15 s of the fault";
    const size_t missing = run.missingAtMs.size();
    std::string text = format("missing %zu of %d secondary values (%zu ms)", missing, run.checked,
                              missing * CounterPeriodMs);
    if (missing)
        text += format(", source times +%lld..+%lld ms after the fault", run.missingAtMs.front(),
                       run.missingAtMs.back());
    text += format("; tandemd promoted the secondary %s; client got the secondary's first value "
                   "%.0f ms after the fault; session %s; sequence numbers %s",
                   run.promotedMs < 0 ? "(no event)" : format("+%.0f ms", run.promotedMs).c_str(),
                   run.firstSecondaryMs, run.sessionKept ? "kept" : "LOST",
                   run.seqBreaks ? format("broken %d times (first %s)", run.seqBreaks,
                                          qPrintable(run.firstBreak))
                                       .c_str()
                                 : "continuous");
    if (run.seqUnknown)
        text += format(" (%d changes without one)", run.seqUnknown);
    if (run.duplicates)
        text += format("; %d duplicate values", run.duplicates);
    if (run.directGaps)
        text += format("; the secondary's own client skipped %d values", run.directGaps);
    if (!run.events.isEmpty())
        text += format("; events: %s", qPrintable(run.events.join(QStringLiteral(", "))));
    return text;
}

// N runs of one mode and fault against the mode's secondary: a line per run, one with the
// spread, and the row's target.
void runFailoverRow(ConnectionMode mode, Fault fault, const test::OpcUaPeer &secondary,
                    Changes &direct, int reps)
{
    const std::string row = format("%s %s", modeName(mode), faultName(fault));
    std::vector<double> missing, firsts, promotions;
    int kept = 0, continuous = 0, switched = 0;
    bool allRan = true;
    int spoilt = 0;
    for (int i = 0; i < reps; ++i) {
        for (int tries = 0;; ++tries) {
            try {
                const FailoverRun run = failoverOnce(mode, fault, secondary, direct);
                say("  %s run %d: %s", row.c_str(), i + 1, runText(run).c_str());
                missing.push_back(run.switched ? double(run.missingAtMs.size()) : INFINITY);
                if (run.switched)
                    firsts.push_back(run.firstSecondaryMs);
                if (run.promotedMs >= 0)
                    promotions.push_back(run.promotedMs);
                kept += run.sessionKept ? 1 : 0;
                continuous += run.seqBreaks == 0 && run.seqUnknown == 0 ? 1 : 0;
                switched += run.switched ? 1 : 0;
            } catch (const EarlyFailover &early) {
                ++spoilt;
                say("  %s run %d: %s; %s", row.c_str(), i + 1, early.what(),
                    tries < MaxReruns ? "running it again" : "given up");
                if (tries < MaxReruns)
                    continue;
                allRan = false;
            } catch (const BenchError &error) {
                say("  opcua failover %s: setup failed: %s", row.c_str(), error.what());
                allRan = false;
            }
            break;
        }
    }
    const Spread m = spread(missing);
    const Spread f = spread(firsts);
    const Spread p = spread(promotions);
    const double limitMs = mode == ConnectionMode::Hot ? 0 : IntervalMs + TimeoutMs;
    if (missing.empty())
        say("opcua failover %s: no run completed", row.c_str());
    else
        say("opcua failover %s: missing values min %.0f median %.0f max %.0f (max %.0f ms, "
            "target %s%.0f ms); session kept %d/%zu, sequence numbers continuous %d/%zu; ms "
            "after the fault: tandemd promoted the secondary min %.0f median %.0f max %.0f, "
            "the client got its first value min %.0f median %.0f max %.0f; runs spoilt by a "
            "failover before the fault: %d",
            row.c_str(), m.min, m.median, m.max, m.max * CounterPeriodMs,
            mode == ConnectionMode::Hot ? "" : "<= ", limitMs, kept, missing.size(), continuous,
            missing.size(), p.min, p.median, p.max, f.min, f.median, f.max, spoilt);
    const bool ran = allRan && !missing.empty() && switched == int(missing.size());
    const std::string notAll =
        ran ? std::string() : format("; %d of %d runs completed and switched", switched, reps);
    if (mode == ConnectionMode::Hot)
        target("opcua failover " + row, ran && m.max == 0 && kept == int(missing.size()),
               format("no change the secondary reported is lost, session kept (missing max "
                      "%.0f, kept %d/%zu)%s",
                      m.max, kept, missing.size(), notAll.c_str()));
    else
        target("opcua failover " + row, ran && m.max * CounterPeriodMs <= limitMs,
               format("missing <= interval + timeout (%.0f ms): max %.0f values = %.0f ms%s",
                      limitMs, m.max, m.max * CounterPeriodMs, notAll.c_str()));
}

void runOpcUaFailover(int reps)
{
    say("\n== opcua failover: node-opcua client subscribed through the pair to a counter "
        "changing every %d ms (publishing %d ms, every change sampled), compared with a client "
        "of the secondary; interval %d ms, timeout %d ms; primary killed (kill -9) or hung "
        "(SIGSTOP), %d runs each, tandemd and the primary started afresh for each ==",
        CounterPeriodMs, WatchIntervalMs, IntervalMs, TimeoutMs, reps);
    for (const ConnectionMode mode : {ConnectionMode::Hot, ConnectionMode::Warm}) {
        const auto secondary = startOpcUaPeer(SecondaryOffset, CounterPeriodMs);
        prepareNodeClients(secondary->url());
        // The secondary's own values, seen by a client of its own: one node client less to
        // start per run.
        const auto directWatch = startWatch(secondary->url(), Counter, WatchIntervalMs);
        Changes direct(*directWatch);
        for (const Fault fault : {Fault::Killed, Fault::Hung})
            runFailoverRow(mode, fault, *secondary, direct, reps);
    }
}

// ---------------------------------------------------------------------------------

struct ReadLoad
{
    double readsPerSecond = 0;
    long errors = 0;
    double skewMs = 0; // between the first and the last client starting to read
    double proxyCpuPercent = -1;
    double serverCpuPercent = -1;
    double clientsCpuPercent = -1;
};

// node-opcua clients start seconds apart on a busy machine. So each client reads in short
// loops, one {"reads":..} line each, and the bench measures the S seconds after all of
// them have read for WarmUpMs, then stops them.
constexpr double LoopSeconds = 0.5;
constexpr int WarmUpMs = 1000;
constexpr int SkewAllowanceSeconds = 20; // the clients may start this far apart

struct Loop
{
    TimePoint from, to; // `to`: when the bench saw its line
    double seconds = 0;
    long reads = 0;
    long errors = 0;
};

// client.js with read-loop operations; its lines are stamped when the bench takes them in.
class ReadLoopClient
{
public:
    explicit ReadLoopClient(const QStringList &arguments)
    {
        if (!m_process.startProcess(
                test::OpcUaPeer::nodeExecutable(),
                QStringList{test::OpcUaPeer::scriptDir() + QStringLiteral("/client.js"),
                            QStringLiteral("--pki"), test::OpcUaPeer::pkiDir()} +
                    arguments))
            throw BenchError("client.js did not start");
    }
    pid_t pid() const { return pid_t(m_process.processId()); }
    bool isRunning() const { return m_process.isRunning(); }
    QString errorOutput() { return m_process.errorOutput(); }
    // The loops reported so far.
    const std::vector<Loop> &loops()
    {
        while (const std::optional<QByteArray> line = m_process.readLine(0)) {
            const QJsonObject json = QJsonDocument::fromJson(*line).object();
            if (json.contains(QLatin1String("error")))
                throw BenchError(format("a read-loop client failed: %s",
                                        qPrintable(json.value(QLatin1String("error")).toString())));
            if (!json.contains(QLatin1String("reads")))
                continue;
            Loop loop;
            loop.seconds = json.value(QLatin1String("seconds")).toDouble();
            loop.to = Clock::now();
            loop.from = loop.to - std::chrono::microseconds(qint64(loop.seconds * 1e6));
            loop.reads = long(json.value(QLatin1String("reads")).toDouble());
            loop.errors = long(json.value(QLatin1String("errors")).toDouble());
            m_loops.push_back(loop);
        }
        return m_loops;
    }

private:
    test::PeerProcess m_process{QStringLiteral("read-loop client")};
    std::vector<Loop> m_loops;
};

ReadLoad runReadLoad(const QString &url, int clients, int seconds, pid_t proxy, pid_t server)
{
    const int loopCount =
        int(std::ceil((seconds + WarmUpMs / 1000.0 + SkewAllowanceSeconds) / LoopSeconds));
    QStringList operation{QStringLiteral("--timeout"), QString::number(ClientStartMs), url};
    for (int i = 0; i < loopCount; ++i)
        operation << QStringLiteral("read-loop") << QString::number(LoopSeconds) << Counter;
    std::vector<std::unique_ptr<ReadLoopClient>> scripts;
    for (int i = 0; i < clients; ++i)
        scripts.push_back(std::make_unique<ReadLoopClient>(operation));
    const auto cpuNow = [&] {
        double clientsCpu = 0;
        for (const auto &s : scripts)
            clientsCpu += cpuSeconds(s->pid());
        return std::array<double, 3>{proxy ? cpuSeconds(proxy) : 0, cpuSeconds(server), clientsCpu};
    };
    std::optional<TimePoint> windowFrom, windowTo;
    std::optional<std::pair<TimePoint, std::array<double, 3>>> cpuFrom, cpuTo;
    const TimePoint giveUp = Clock::now() + std::chrono::milliseconds(ClientStartMs);
    while (true) {
        bool allReading = true, allPast = true;
        TimePoint lastStart = TimePoint::min();
        for (const auto &s : scripts) {
            const std::vector<Loop> &loops = s->loops();
            if (int(loops.size()) < loopCount && !s->isRunning())
                throw BenchError(
                    format("a read-loop client ended early: %s", qPrintable(s->errorOutput())));
            allReading &= !loops.empty();
            if (!loops.empty())
                lastStart = std::max(lastStart, loops.front().from);
            allPast &=
                windowTo && !loops.empty() &&
                loops.back().to >= *windowTo + std::chrono::milliseconds(int(LoopSeconds * 1000));
        }
        if (!windowFrom && allReading) {
            windowFrom = lastStart + std::chrono::milliseconds(WarmUpMs);
            windowTo = *windowFrom + std::chrono::seconds(seconds);
        }
        const TimePoint now = Clock::now();
        if (windowFrom && !cpuFrom && now >= *windowFrom)
            cpuFrom = {now, cpuNow()};
        if (windowTo && !cpuTo && now >= *windowTo)
            cpuTo = {now, cpuNow()};
        if (allPast)
            break;
        if (!windowFrom && now >= giveUp)
            throw BenchError(format("the %d read-loop clients did not all read within %d ms",
                                    clients, ClientStartMs));
        sleepMs(20);
    }

    ReadLoad load;
    TimePoint firstStart = TimePoint::max(), lastStart = TimePoint::min();
    for (const auto &s : scripts) {
        // The loops whose middle falls in the window: S seconds of each client, give or
        // take half a loop.
        const std::vector<Loop> &loops = s->loops();
        double reads = 0, measured = 0;
        for (const Loop &loop : loops) {
            const TimePoint middle = loop.from + (loop.to - loop.from) / 2;
            if (middle < *windowFrom || middle > *windowTo)
                continue;
            reads += double(loop.reads);
            measured += loop.seconds;
            load.errors += loop.errors;
        }
        firstStart = std::min(firstStart, loops.front().from);
        lastStart = std::max(lastStart, loops.front().from);
        if (measured > 0)
            load.readsPerSecond += reads / measured;
    }
    load.skewMs = msBetween(firstStart, lastStart);
    if (cpuFrom && cpuTo) {
        const double span = msBetween(cpuFrom->first, cpuTo->first) / 1000;
        const auto percent = [&](int i) {
            return 100 * (cpuTo->second[size_t(i)] - cpuFrom->second[size_t(i)]) / span;
        };
        load.proxyCpuPercent = proxy ? percent(0) : -1;
        load.serverCpuPercent = percent(1);
        load.clientsCpuPercent = percent(2);
    }
    return load; // the clients are killed: their remaining loops are not needed
}

void runOpcUaThroughput(int seconds)
{
    say("\n== opcua throughput: node-opcua clients reading ns=1;s=Counter one read after the "
        "other, each in its own session, in loops of %.1f s; measured for %d s once all "
        "clients have read for %d ms; tandemd Warm pair ==",
        LoopSeconds, seconds, WarmUpMs);
    const auto server = startOpcUaPeer(0, CounterPeriodMs);
    const auto standby = startOpcUaPeer(SecondaryOffset, CounterPeriodMs);
    prepareNodeClients(server->url());
    PairConfig pair = opcUaPair(freePorts(1).front(), *server, *standby, ConnectionMode::Warm);
    pair.statusIntervalMs = PairConfig::DefaultStatusIntervalMs;
    pair.statusTimeoutMs = PairConfig::DefaultStatusTimeoutMs;
    test::TandemdProcess engine;
    startEngine(engine, pair);

    struct Row
    {
        const char *name;
        QString url;
        pid_t proxy;
    };
    const Row rows[] = {{"direct", server->url(), 0},
                        {"tandemd", pair.endpoint, pid_t(engine.processId())}};
    ReadLoad results[2][2];
    say("%-8s %7s %10s %7s %10s %10s %11s %8s", "path", "clients", "reads/s", "errors", "proxy CPU",
        "server CPU", "clients CPU", "skew ms");
    const auto percent = [](double value) {
        return value < 0 ? std::string("-") : format("%.0f%%", value);
    };
    for (int c = 0; c < 2; ++c) {
        const int clients = c == 0 ? 1 : 8;
        for (int r = 0; r < 2; ++r) {
            ReadLoad &load = results[r][c];
            load = runReadLoad(rows[r].url, clients, seconds, rows[r].proxy,
                               pid_t(server->processId()));
            say("%-8s %7d %10.0f %7ld %10s %10s %11s %8.0f", rows[r].name, clients,
                load.readsPerSecond, load.errors, percent(load.proxyCpuPercent).c_str(),
                percent(load.serverCpuPercent).c_str(), percent(load.clientsCpuPercent).c_str(),
                load.skewMs);
        }
    }
    const auto ratio = [&](int c) {
        return results[0][c].readsPerSecond > 0
                   ? results[1][c].readsPerSecond / results[0][c].readsPerSecond
                   : 0;
    };
    say("tandemd/direct: 8 clients %.2f (target >= 0.70), 1 client %.2f", ratio(1), ratio(0));
    const long errors = results[0][1].errors + results[1][1].errors;
    target("opcua reads 8 clients", ratio(1) >= 0.70 && errors == 0,
           format("tandemd/direct %.2f >= 0.70 (%.0f vs %.0f reads/s%s)", ratio(1),
                  results[1][1].readsPerSecond, results[0][1].readsPerSecond,
                  errors ? format(", %ld errors", errors).c_str() : ""));
}

} // namespace

void runOpcUa(int reps, int seconds)
{
    runOpcUaFailover(reps);
    runOpcUaThroughput(seconds);
}

} // namespace tandem::bench
