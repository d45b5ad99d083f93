// connections: the pair setting "server connections" (shared by all clients, or one per
// client) measured three ways: closed-loop throughput against tandem-sim, a server that
// discards its input after an exception (libmodbus) while one client sends bad requests,
// and a server that takes only a few connections. Each case runs two Warm pairs side by
// side in one tandemd, one per setting, on the same servers.
#include "bench.h"

#include "config/configuration.h"

namespace tandem::bench {

namespace {

// One tandemd with two Warm pairs on the same servers: "shared" on ports[0], "per-client"
// on ports[1].
void startPairs(test::TandemdProcess &engine, const test::PeerProcess &primary,
                const test::PeerProcess &secondary, const std::vector<quint16> &ports,
                int intervalMs, int timeoutMs)
{
    Configuration config = Configuration::createNew();
    for (bool perClient : {false, true}) {
        PairConfig pair = test::testPair(
            Protocol::ModbusTcp, QStringLiteral("127.0.0.1:%1").arg(ports[perClient ? 1 : 0]),
            primary.address(), secondary.address(), ConnectionMode::Warm, intervalMs, timeoutMs,
            serverConnectionsKey(perClient));
        pair.connectionPerClient = perClient;
        config.pairs << pair;
    }
    startEngine(engine, config);
    for (const char *name : {"shared", "per-client"})
        if (!waitForLines(engine,
                          QStringLiteral("Started redundancy for '%1': primary machine")
                              .arg(QLatin1String(name)),
                          1, 10000))
            throw BenchError(format("tandemd did not promote the %s pair's primary", name));
}

// A client that sends a read of 0 registers (refused with 0x03) every 10 ms.
class BadClient
{
public:
    explicit BadClient(quint16 port)
        : m_port(port)
        , m_thread([this] { run(); })
    {}
    ~BadClient()
    {
        m_stop = true;
        m_thread.join();
    }
    long refused() const { return m_refused; }

private:
    void run()
    {
        MbClient client;
        client.connectTo(m_port, 2000);
        while (!m_stop) {
            quint8 code = 0;
            if (client.readHolding(0, 0, 2000, nullptr, &code) == MbClient::Status::Exception)
                ++m_refused;
            else if (!client.isConnected())
                client.connectTo(m_port, 2000);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }

    quint16 m_port;
    std::atomic<bool> m_stop{false};
    std::atomic<long> m_refused{0};
    std::thread m_thread;
};

const char *modeName(int i)
{
    return i == 0 ? "shared" : "per-client";
}

} // namespace

void runConnections(int seconds)
{
    say("\n== connections: server connections shared by a pair's clients vs one per client; "
        "closed-loop FC3 reads of 10 registers, %d s per row; Warm pairs ==",
        seconds);
    const std::vector<quint16> ports = freePorts(2);

    say("-- tandem-sim (interval 1000 ms, timeout 500 ms)");
    {
        const auto primary = startSim(0);
        const auto secondary = startSim(1000);
        test::TandemdProcess engine;
        startPairs(engine, *primary, *secondary, ports, 1000, 500);
        say("%-11s %7s %10s %9s %9s %7s %10s", "connections", "clients", "req/s", "p50 us",
            "p99 us", "errors", "proxy CPU");
        for (int clients : {1, 8, 32}) {
            double rate[2] = {0, 0};
            for (int m = 0; m < 2; ++m) {
                const LoadResult r = runLoad(ports[m], clients, seconds, pid_t(engine.processId()),
                                             false, pid_t(primary->processId()));
                rate[m] = r.requestsPerSecond;
                say("%-11s %7d %10.0f %9.1f %9.1f %7ld %9.0f%%", modeName(m), clients,
                    r.requestsPerSecond, r.p50Us, r.p99Us, r.errors, r.proxyCpuPercent);
            }
            say("%d clients: per-client/shared %.2f", clients, rate[0] > 0 ? rate[1] / rate[0] : 0);
        }
    }

    say("-- pymodbus with flush-after-error (interval 200 ms, timeout 100 ms): 8 clients, "
        "and one more that sends a refused read every 10 ms");
    {
        const auto primary = startModbusPeer(0);
        const auto secondary = startModbusPeer(1000);
        if (!primary->command(QStringLiteral("flush-after-error on")) ||
            !secondary->command(QStringLiteral("flush-after-error on")))
            throw BenchError("the pymodbus peers refused flush-after-error");
        test::TandemdProcess engine;
        startPairs(engine, *primary, *secondary, ports, 200, 100);
        say("%-11s %10s %9s %9s %7s %8s %10s %10s %9s", "connections", "req/s", "p50 us", "p99 us",
            "errors", "refused", "flushes", "discarded", "switches");
        for (int m = 0; m < 2; ++m) {
            const long flushes0 = stat(*primary, "flushes");
            const long bytes0 = stat(*primary, "flushed-bytes");
            const int switches0 =
                engine.countLines(QStringLiteral("Promoted active connection for server '%1'")
                                      .arg(QLatin1String(modeName(m))));
            LoadResult r;
            long refused = 0;
            {
                BadClient bad(ports[m]);
                r = runLoad(ports[m], 8, seconds, pid_t(engine.processId()), false,
                            pid_t(primary->processId()));
                refused = bad.refused();
            }
            const int switches =
                engine.countLines(QStringLiteral("Promoted active connection for server '%1'")
                                      .arg(QLatin1String(modeName(m)))) -
                switches0;
            // Each discarded request was 12 bytes: the engine sent those again.
            say("%-11s %10.0f %9.1f %9.1f %7ld %8ld %10ld %10ld %9d", modeName(m),
                r.requestsPerSecond, r.p50Us, r.p99Us, r.errors, refused,
                stat(*primary, "flushes") - flushes0,
                (stat(*primary, "flushed-bytes") - bytes0) / 12, switches);
        }
    }

    say("-- pymodbus taking 4 connections (interval 200 ms, timeout 100 ms): 8 clients");
    {
        const auto primary = startModbusPeer(0);
        const auto secondary = startModbusPeer(1000);
        test::TandemdProcess engine;
        startPairs(engine, *primary, *secondary, ports, 200, 100);
        // The limit comes once both pairs are up: the primary then holds both control
        // connections and the shared pair's data connection, so one more fits.
        if (!primary->command(QStringLiteral("max-connections 4")) ||
            !secondary->command(QStringLiteral("max-connections 4")))
            throw BenchError("the pymodbus peers refused max-connections");
        say("%-11s %10s %9s %9s %7s %8s", "connections", "req/s", "p50 us", "p99 us", "errors",
            "refused");
        for (int m = 0; m < 2; ++m) {
            const long refused0 = stat(*primary, "refused");
            const LoadResult r = runLoad(ports[m], 8, seconds, pid_t(engine.processId()), false,
                                         pid_t(primary->processId()));
            say("%-11s %10.0f %9.1f %9.1f %7ld %8ld", modeName(m), r.requestsPerSecond, r.p50Us,
                r.p99Us, r.errors, stat(*primary, "refused") - refused0);
        }
    }
}

} // namespace tandem::bench
