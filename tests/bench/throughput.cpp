// throughput: closed-loop clients (one FC3 read of 10 registers, wait for the answer,
// again) straight to tandem-sim, through socat (plain bytes) and through tandemd (Warm).
#include "bench.h"

#include <cmath>

namespace tandem::bench {

LoadResult runLoad(quint16 port, int clients, int seconds, pid_t proxy, bool proxyTree,
                   pid_t server)
{
    struct Worker
    {
        std::thread thread;
        long count = 0;
        long errors = 0;
        std::vector<double> latenciesUs;
    };
    std::vector<Worker> workers(static_cast<size_t>(clients));
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<bool> abort{false};
    TimePoint measureFrom, measureTo; // written before `go`, read after it
    for (Worker &w : workers) {
        w.latenciesUs.reserve(size_t(seconds) * 40000 / size_t(clients) + 1000);
        w.thread = std::thread([&, worker = &w] {
            MbClient client;
            const bool connected = client.connectTo(port, 2000);
            ++ready;
            while (!go && !abort)
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            if (!connected) {
                ++worker->errors;
                return;
            }
            quint16 values[10];
            while (!abort) {
                const TimePoint sent = Clock::now();
                if (sent >= measureTo)
                    break;
                const MbClient::Status status = client.readHolding(0, 10, 2000, values, nullptr);
                const TimePoint answered = Clock::now();
                if (status != MbClient::Status::Ok) {
                    if (answered >= measureFrom)
                        ++worker->errors;
                    if (status != MbClient::Status::Exception && !client.connectTo(port, 2000))
                        return;
                    continue;
                }
                if (answered >= measureFrom && answered < measureTo) {
                    ++worker->count;
                    worker->latenciesUs.push_back(
                        std::chrono::duration<double, std::micro>(answered - sent).count());
                }
            }
        });
    }
    const auto joinAll = [&] {
        abort = true;
        for (Worker &w : workers)
            if (w.thread.joinable())
                w.thread.join();
    };
    LoadResult result;
    try {
        if (!waitUntil([&] { return ready == clients; }, 10000))
            throw BenchError("clients could not connect");
        measureFrom = Clock::now() + std::chrono::milliseconds(500);
        measureTo = measureFrom + std::chrono::seconds(seconds);
        go = true;
        std::this_thread::sleep_until(measureFrom);
        const double proxyCpu0 =
            proxy ? (proxyTree ? cpuSecondsTree(proxy) : cpuSeconds(proxy)) : 0;
        const double serverCpu0 = cpuSeconds(server);
        while (Clock::now() < measureTo) {
            checkInterrupted();
            std::this_thread::sleep_for(
                std::min<Clock::duration>(measureTo - Clock::now(), std::chrono::milliseconds(50)));
        }
        if (proxy)
            result.proxyCpuPercent =
                100 * ((proxyTree ? cpuSecondsTree(proxy) : cpuSeconds(proxy)) - proxyCpu0) /
                seconds;
        result.serverCpuPercent = 100 * (cpuSeconds(server) - serverCpu0) / seconds;
    } catch (...) {
        joinAll();
        throw;
    }
    for (Worker &w : workers)
        w.thread.join();
    long total = 0;
    std::vector<double> latencies;
    for (Worker &w : workers) {
        total += w.count;
        result.errors += w.errors;
        latencies.insert(latencies.end(), w.latenciesUs.begin(), w.latenciesUs.end());
    }
    result.requestsPerSecond = double(total) / seconds;
    result.p50Us = percentile(latencies, 0.50);
    result.p99Us = percentile(latencies, 0.99);
    return result;
}

void runThroughput(int seconds)
{
    say("\n== throughput: FC3 read of 10 registers, closed loop, %d s per row (after 0.5 s "
        "warm-up); server tandem-sim; tandemd Warm pair ==",
        seconds);
    const auto server = startSim(0);
    const auto standby = startSim(1000);
    const std::vector<quint16> ports = freePorts(2);
    const auto socat = startSocat(ports[0], server->port());
    test::TandemdProcess engine;
    PairConfig pair =
        benchPair(QStringLiteral("bench"), ports[1], *server, *standby, ConnectionMode::Warm);
    pair.statusIntervalMs = PairConfig::DefaultStatusIntervalMs;
    pair.statusTimeoutMs = PairConfig::DefaultStatusTimeoutMs;
    Configuration config = Configuration::createNew();
    config.pairs << pair;
    startEngine(engine, config);
    if (!waitForLines(engine, QStringLiteral("Started redundancy for 'bench': primary machine"), 1,
                      10000) ||
        !waitForLines(engine, QStringLiteral("Connected to 'bench' on secondary"), 1, 10000))
        throw BenchError("tandemd did not get ready within 10 s");

    struct Row
    {
        const char *name;
        quint16 port;
        pid_t proxy;
        bool tree;
    };
    const Row rows[] = {{"direct", server->port(), 0, false},
                        {"socat", ports[0], pid_t(socat->processId()), true},
                        {"tandemd", ports[1], pid_t(engine.processId()), false}};
    LoadResult results[3][2];
    say("%-8s %7s %10s %9s %9s %7s %10s %10s", "path", "clients", "req/s", "p50 us", "p99 us",
        "errors", "proxy CPU", "server CPU");
    for (int c = 0; c < 2; ++c) {
        const int clients = c == 0 ? 1 : 8;
        for (int r = 0; r < 3; ++r) {
            const Row &row = rows[r];
            LoadResult &res = results[r][c];
            res = runLoad(row.port, clients, seconds, row.proxy, row.tree,
                          pid_t(server->processId()));
            say("%-8s %7d %10.0f %9.1f %9.1f %7ld %10s %9.0f%%", row.name, clients,
                res.requestsPerSecond, res.p50Us, res.p99Us, res.errors,
                res.proxyCpuPercent < 0 ? "-" : format("%.0f%%", res.proxyCpuPercent).c_str(),
                res.serverCpuPercent);
        }
    }
    const LoadResult &direct1 = results[0][0], &tandem1 = results[2][0];
    const LoadResult &direct8 = results[0][1], &socat8 = results[1][1], &tandem8 = results[2][1];
    const double ratio =
        socat8.requestsPerSecond > 0 ? tandem8.requestsPerSecond / socat8.requestsPerSecond : 0;
    const double added = tandem1.p50Us - direct1.p50Us;
    say("8 clients: tandemd/socat %.2f, socat/direct %.2f, tandemd/direct %.2f", ratio,
        direct8.requestsPerSecond > 0 ? socat8.requestsPerSecond / direct8.requestsPerSecond : 0,
        direct8.requestsPerSecond > 0 ? tandem8.requestsPerSecond / direct8.requestsPerSecond : 0);
    say("1 client: added median latency tandemd - direct %.1f us (socat - direct %.1f us)", added,
        results[1][0].p50Us - direct1.p50Us);
    if (tandem8.requestsPerSecond > 0)
        say("CPU per request at 8 clients: tandemd %.1f us, socat %.1f us (all processes of "
            "socat)",
            tandem8.proxyCpuPercent / 100 * 1e6 / tandem8.requestsPerSecond,
            socat8.requestsPerSecond > 0
                ? socat8.proxyCpuPercent / 100 * 1e6 / socat8.requestsPerSecond
                : 0);
    const long errors = [&] {
        long e = 0;
        for (const auto &row : results)
            for (const LoadResult &r : row)
                e += r.errors;
        return e;
    }();
    target("throughput 8 clients", ratio >= 1.0 && errors == 0,
           format("tandemd/socat %.2f >= 1.00 (%.0f vs %.0f req/s)", ratio,
                  tandem8.requestsPerSecond, socat8.requestsPerSecond));
    target("latency 1 client", added <= 50 && errors == 0,
           format("added median %.1f us <= 50 us", added));
}

} // namespace tandem::bench
