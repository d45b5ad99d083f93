// chaos: one tandemd with a Modbus pair (two pymodbus servers) and an OPC UA pair (two
// node-opcua servers), a Modbus client polling and an OPC UA client subscribed through it,
// while each side's machine is killed and restarted, hung, or made to flap, again and again.
// Prints client errors, switches, lost subscriptions and the engine's RSS over the run.
#include "bench.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace tandem::bench {

namespace {

constexpr int ModbusSecondaryOffset = 1000;
constexpr int OpcUaSecondaryOffset = 100000;
constexpr int CounterPeriodMs = 50;
constexpr int RecoverTimeoutMs = 30000;
const QString Counter = QStringLiteral("ns=1;s=Counter");

enum class Fault
{
    KillRestart, // kill -9 both servers of the machine, start them again on the same ports
    Hang,        // SIGSTOP for 600 ms: longer than the status interval and timeout
    Flap         // SIGSTOP/SIGCONT every 100 ms, five times
};
constexpr std::array<Fault, 3> Faults{Fault::KillRestart, Fault::Hang, Fault::Flap};

const char *faultName(Fault fault)
{
    switch (fault) {
    case Fault::KillRestart:
        return "kill/restart";
    case Fault::Hang:
        return "hang";
    case Fault::Flap:
        return "flap";
    }
    return "?";
}

// One side's machine: its Modbus and OPC UA servers fail together, as a computer does.
class Machine
{
public:
    Machine(int modbusOffset, int opcUaOffset)
        : m_modbusOffset(modbusOffset)
        , m_opcUaOffset(opcUaOffset)
    {
        m_modbus = startModbusPeer(quint16(modbusOffset));
        m_opcUa = startOpcUaPeer(opcUaOffset, CounterPeriodMs);
        m_modbusPort = m_modbus->port();
        m_opcUaPort = m_opcUa->port();
    }
    QString modbusAddress() const { return QStringLiteral("127.0.0.1:%1").arg(m_modbusPort); }
    QString opcUaAddress() const { return QStringLiteral("127.0.0.1:%1").arg(m_opcUaPort); }
    void hang()
    {
        m_modbus->hang();
        m_opcUa->hang();
    }
    void resume()
    {
        m_modbus->resume();
        m_opcUa->resume();
    }
    void kill()
    {
        m_modbus.reset();
        m_opcUa.reset();
    }
    // On the same ports; a port may take a moment to be free again.
    void restart()
    {
        const TimePoint giveUp = Clock::now() + std::chrono::seconds(10);
        while (!m_modbus || !m_opcUa) {
            try {
                if (!m_modbus)
                    m_modbus = startModbusPeer(quint16(m_modbusOffset), m_modbusPort);
                if (!m_opcUa)
                    m_opcUa = startOpcUaPeer(m_opcUaOffset, CounterPeriodMs, m_opcUaPort);
            } catch (const BenchError &) {
                if (Clock::now() > giveUp)
                    throw;
                sleepMs(100);
            }
        }
    }

private:
    int m_modbusOffset;
    int m_opcUaOffset;
    quint16 m_modbusPort = 0;
    quint16 m_opcUaPort = 0;
    std::unique_ptr<test::ModbusPeer> m_modbus;
    std::unique_ptr<test::OpcUaPeer> m_opcUa;
};

const char *modeName(ConnectionMode mode)
{
    return mode == ConnectionMode::Hot ? "hot" : mode == ConnectionMode::Warm ? "warm" : "cold";
}

// Both sides of both pairs judged healthy again.
bool recovered(test::TandemdProcess &engine)
{
    const EngineStatus now = status(engine);
    return now.pairs.size() == 2 && std::all_of(now.pairs.cbegin(), now.pairs.cend(), [](auto &p) {
               return p.primary.health == SideHealth::Healthy &&
                      p.secondary.health == SideHealth::Healthy;
           });
}

int failovers(test::TandemdProcess &engine)
{
    int total = 0;
    for (const PairStatus &pair : status(engine).pairs)
        total += pair.failovers;
    return total;
}

struct Cycle
{
    TimePoint begin, end;
    Fault fault;
    bool primary;
};

void chaosMode(ConnectionMode mode, int faultsPerSide)
{
    say("\n-- %s: %d faults per side (kill/restart, hang 600 ms, flap 5 x 100 ms, in turn); "
        "Modbus interval 200 ms, timeout 100 ms; OPC UA interval 500 ms, timeout 250 ms",
        modeName(mode), faultsPerSide);
    Machine primary(0, 0);
    Machine secondary(ModbusSecondaryOffset, OpcUaSecondaryOffset);
    const std::vector<quint16> ports = freePorts(2);

    const QString proxyUrl = QStringLiteral("opc.tcp://127.0.0.1:%1/chaos").arg(ports[1]);
    Configuration config = Configuration::createNew();
    config.pairs << test::testPair(Protocol::ModbusTcp,
                                   QStringLiteral("127.0.0.1:%1").arg(ports[0]),
                                   primary.modbusAddress(), secondary.modbusAddress(), mode, 200,
                                   100, QStringLiteral("modbus"))
                 << test::testPair(Protocol::OpcUa, proxyUrl, primary.opcUaAddress(),
                                   secondary.opcUaAddress(), mode, 500, 250,
                                   QStringLiteral("opcua"));

    test::TandemdProcess engine;
    startEngine(engine, config);
    if (!waitUntil([&] { return recovered(engine); }, RecoverTimeoutMs))
        throw BenchError("the pairs did not become healthy within 30 s");

    Poller poller(ports[0]);
    prepareNodeClients(proxyUrl);
    const auto watch = startWatch(proxyUrl, Counter, 100);
    Changes changes(*watch);
    if (!waitUntil([&] { return !changes.all().empty(); }, 10000))
        throw BenchError(format("the OPC UA client got no value within 10 s: %s",
                                qPrintable(diagnostics(*watch))));
    if (!waitUntil([&] { return poller.steadyMs(0) >= 500; }, 10000))
        throw BenchError("the Modbus client did not read the primary within 10 s");

    const TimePoint start = Clock::now();
    const qint64 wallStart = QDateTime::currentMSecsSinceEpoch();
    const int failoversBefore = failovers(engine);
    const pid_t tandemd = pid_t(engine.processId());
    std::vector<std::pair<int, double>> rss{{0, rssMb(tandemd)}};
    std::vector<Cycle> cycles;
    int notRecovered = 0;
    const int total = 2 * faultsPerSide;
    for (int i = 0; i < total; ++i) {
        const bool onPrimary = i % 2 == 0;
        Machine &machine = onPrimary ? primary : secondary;
        const Fault fault = Faults[size_t(i / 2) % Faults.size()];
        Cycle cycle{Clock::now(), {}, fault, onPrimary};
        switch (fault) {
        case Fault::KillRestart:
            machine.kill();
            sleepMs(300);
            machine.restart();
            break;
        case Fault::Hang:
            machine.hang();
            sleepMs(600);
            machine.resume();
            break;
        case Fault::Flap:
            for (int f = 0; f < 5; ++f) {
                machine.hang();
                sleepMs(100);
                machine.resume();
                sleepMs(100);
            }
            break;
        }
        if (!waitUntil([&] { return recovered(engine); }, RecoverTimeoutMs)) {
            ++notRecovered;
            say("  fault %d (%s on the %s): not healthy again within %d s", i + 1, faultName(fault),
                onPrimary ? "primary" : "secondary", RecoverTimeoutMs / 1000);
        }
        cycle.end = Clock::now();
        cycles.push_back(cycle);
        if ((i + 1) % std::max(1, total / 10) == 0 || i + 1 == total) {
            rss.emplace_back(i + 1, rssMb(tandemd));
            say("  %d/%d faults, %.0f s, tandemd RSS %.1f MB", i + 1, total,
                msBetween(start, Clock::now()) / 1000, rss.back().second);
        }
    }
    const TimePoint stopped = Clock::now();
    const qint64 wallStopped = QDateTime::currentMSecsSinceEpoch();
    poller.stop();
    const int switches = failovers(engine) - failoversBefore;

    // Modbus: errors per kind of fault, and the longest wait for an answer.
    const std::vector<Poller::Sample> samples = poller.samples();
    const PollStats stats = analyse(samples, start);
    std::array<int, 3> errorsBy{};
    for (const Poller::Sample &s : samples) {
        if (s.status == MbClient::Status::Ok || s.time < start)
            continue;
        for (const Cycle &c : cycles)
            if (s.time >= c.begin && s.time <= c.end)
                ++errorsBy[size_t(c.fault)];
    }
    // OPC UA: the subscription's events and the longest time without a value.
    const QStringList events = bench::events(*watch);
    int lost = 0;
    for (const QString &event : events)
        if (event == QLatin1String("connection_lost") || event == QLatin1String("session_closed") ||
            event == QLatin1String("terminated") || event == QLatin1String("status_changed"))
            ++lost;
    // By the client's own clock: the bench reads its lines only now and then.
    qint64 uaGapMs = 0;
    qint64 previous = wallStart;
    long values = 0;
    for (const Change &c : changes.all()) {
        if (c.receivedMs < wallStart || c.receivedMs > wallStopped)
            continue;
        uaGapMs = std::max(uaGapMs, c.receivedMs - previous);
        previous = c.receivedMs;
        ++values;
    }
    uaGapMs = std::max(uaGapMs, wallStopped - previous);
    if (values == 0)
        say("  the OPC UA client got no value: %s", qPrintable(diagnostics(*watch)));

    QStringList rssText;
    for (const auto &[after, mb] : rss)
        rssText << QStringLiteral("%1:%2").arg(after).arg(mb, 0, 'f', 1);
    const double growth = rss.back().second - rss[std::min<size_t>(1, rss.size() - 1)].second;
    say("%s: %d faults in %.0f s, %d not healthy again within 30 s; switches %d", modeName(mode),
        total, msBetween(start, stopped) / 1000, notRecovered, switches);
    say("%s Modbus client: %d reads, %d errors (kill/restart %d, hang %d, flap %d)%s%s; longest "
        "wait for an answer %.0f ms",
        modeName(mode), int(samples.size()), stats.errors, errorsBy[0], errorsBy[1], errorsBy[2],
        stats.errorKinds.isEmpty() ? "" : ": ",
        qPrintable(stats.errorKinds.join(QStringLiteral(", "))), stats.largestGapMs);
    say("%s OPC UA subscription: %ld values, longest gap %lld ms, lost/closed/status events %d "
        "(%s)",
        modeName(mode), values, uaGapMs, lost,
        events.isEmpty() ? "none" : qPrintable(events.join(QStringLiteral(" "))));
    say("%s tandemd RSS MB after N faults: %s (growth after the first tenth %.1f MB)",
        modeName(mode), qPrintable(rssText.join(QStringLiteral(" "))), growth);
    target(format("chaos %s client errors", modeName(mode)), stats.errors == 0 && lost == 0,
           format("%d Modbus errors, %d lost subscriptions == 0", stats.errors, lost));
    target(format("chaos %s RSS flat", modeName(mode)), growth < 16,
           format("growth %.1f MB < 16 MB", growth));
    target(format("chaos %s recovered", modeName(mode)), notRecovered == 0,
           format("%d faults not recovered from", notRecovered));
}

} // namespace

void runChaos(int faultsPerSide)
{
    say("\n== chaos: each side's Modbus and OPC UA server killed and restarted, hung and made "
        "to flap, %d times per side, while a Modbus client polls (10 ms) and an OPC UA client "
        "is subscribed through tandemd ==",
        faultsPerSide);
    for (const ConnectionMode mode : {ConnectionMode::Warm, ConnectionMode::Hot})
        chaosMode(mode, faultsPerSide);
}

} // namespace tandem::bench
