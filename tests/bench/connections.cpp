// connections: the pair setting "server connections" (shared by all clients, or one per
// client) measured three ways: closed-loop throughput against tandem-sim, a server that
// discards its input after an exception (libmodbus) while one client sends bad requests,
// and a server that takes only a few connections. Each case runs two Warm pairs side by
// side in one tandemd, one per setting, on the same servers.
#include "bench.h"

#include "config/configuration.h"

#include <QProcessEnvironment>

#include <csignal>

namespace tandem::bench {

namespace {

struct Servers
{
    QString primary, secondary;
    pid_t primaryPid = 0;
};

// One tandemd with two Warm pairs on the same servers: "shared" on ports[0], "per-client"
// on ports[1].
void startPairs(Tandemd &engine, const Servers &servers, const std::vector<quint16> &ports,
                int intervalMs, int timeoutMs)
{
    Configuration config = Configuration::createNew();
    for (bool perClient : {false, true}) {
        PairConfig pair;
        pair.name = serverConnectionsKey(perClient);
        pair.endpoint = QStringLiteral("127.0.0.1:%1").arg(ports[perClient ? 1 : 0]);
        pair.primary = servers.primary;
        pair.secondary = servers.secondary;
        pair.mode = ConnectionMode::Warm;
        pair.statusIntervalMs = intervalMs;
        pair.statusTimeoutMs = timeoutMs;
        pair.connectionPerClient = perClient;
        config.pairs << pair;
    }
    engine.writeConfig(config);
    engine.start();
    for (const char *name : {"shared", "per-client"})
        if (!engine.waitForLines(QStringLiteral("Started redundancy for '%1': primary machine")
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
        Sim primary(0);
        Sim secondary(1000);
        Tandemd engine;
        startPairs(engine, {primary.address(), secondary.address(), primary.pid()}, ports, 1000,
                   500);
        say("%-11s %7s %10s %9s %9s %7s %10s", "connections", "clients", "req/s", "p50 us",
            "p99 us", "errors", "proxy CPU");
        for (int clients : {1, 8, 32}) {
            double rate[2] = {0, 0};
            for (int m = 0; m < 2; ++m) {
                const LoadResult r =
                    runLoad(ports[m], clients, seconds, engine.pid(), false, primary.pid());
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
        PyModbusPeer primary(0);
        PyModbusPeer secondary(1000);
        primary.command("flush-after-error on");
        secondary.command("flush-after-error on");
        Tandemd engine;
        startPairs(engine, {primary.address(), secondary.address(), primary.pid()}, ports, 200,
                   100);
        say("%-11s %10s %9s %9s %7s %8s %10s %10s %9s", "connections", "req/s", "p50 us", "p99 us",
            "errors", "refused", "flushes", "discarded", "switches");
        for (int m = 0; m < 2; ++m) {
            const long flushes0 = primary.stat("flushes");
            const long bytes0 = primary.stat("flushed-bytes");
            const int switches0 =
                engine.countLines(QStringLiteral("Promoted active connection for server '%1'")
                                      .arg(QLatin1String(modeName(m))));
            LoadResult r;
            long refused = 0;
            {
                BadClient bad(ports[m]);
                r = runLoad(ports[m], 8, seconds, engine.pid(), false, primary.pid());
                refused = bad.refused();
            }
            const int switches =
                engine.countLines(QStringLiteral("Promoted active connection for server '%1'")
                                      .arg(QLatin1String(modeName(m)))) -
                switches0;
            // Each discarded request was 12 bytes: the engine sent those again.
            say("%-11s %10.0f %9.1f %9.1f %7ld %8ld %10ld %10ld %9d", modeName(m),
                r.requestsPerSecond, r.p50Us, r.p99Us, r.errors, refused,
                primary.stat("flushes") - flushes0, (primary.stat("flushed-bytes") - bytes0) / 12,
                switches);
        }
    }

    say("-- pymodbus taking 4 connections (interval 200 ms, timeout 100 ms): 8 clients");
    {
        PyModbusPeer primary(0);
        PyModbusPeer secondary(1000);
        Tandemd engine;
        startPairs(engine, {primary.address(), secondary.address(), primary.pid()}, ports, 200,
                   100);
        // The limit comes once both pairs are up: the primary then holds both control
        // connections and the shared pair's data connection, so one more fits.
        primary.command("max-connections 4");
        secondary.command("max-connections 4");
        say("%-11s %10s %9s %9s %7s %8s", "connections", "req/s", "p50 us", "p99 us", "errors",
            "refused");
        for (int m = 0; m < 2; ++m) {
            const long refused0 = primary.stat("refused");
            const LoadResult r = runLoad(ports[m], 8, seconds, engine.pid(), false, primary.pid());
            say("%-11s %10.0f %9.1f %9.1f %7ld %8ld", modeName(m), r.requestsPerSecond, r.p50Us,
                r.p99Us, r.errors, primary.stat("refused") - refused0);
        }
    }
}

} // namespace tandem::bench
