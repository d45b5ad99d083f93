// scale: 200 Warm pairs x 20 monitor items at 1 s against two shared tandem-sim servers;
// tandemd's CPU (utime + stime from /proc) and RSS once it has settled.
#include "bench.h"

namespace tandem::bench {

void runScale()
{
    constexpr int Pairs = 200;
    constexpr int Items = 20;
    constexpr int WarmupS = 10;
    constexpr int MeasureS = 20;
    say("\n== scale: %d Warm pairs x %d monitor items at 1000 ms, interval 1000 ms, timeout "
        "500 ms, 2 shared tandem-sim servers; %d s warm-up, %d s measured ==",
        Pairs, Items, WarmupS, MeasureS);
    const auto primary = startSim(0);
    const auto secondary = startSim(1000);
    const std::vector<quint16> ports = freePorts(Pairs);
    Configuration config = Configuration::createNew();
    for (int p = 0; p < Pairs; ++p) {
        PairConfig pair = benchPair(QStringLiteral("pair%1").arg(p + 1, 3, 10, QLatin1Char('0')),
                                    ports[size_t(p)], *primary, *secondary, ConnectionMode::Warm);
        pair.statusIntervalMs = 1000;
        pair.statusTimeoutMs = 500;
        for (int i = 0; i < Items; ++i) {
            MonitorItem item;
            item.updateRateMs = 1000;
            if (i % 2 == 0) {
                // The simulator's counters (400001, 300001) change every 100 ms.
                item.trigger = Trigger::NoChange;
                item.triggerData = QStringLiteral("10000");
                item.itemId = i % 4 == 0 ? QStringLiteral("400001") : QStringLiteral("300001");
            } else {
                item.trigger = Trigger::BadQuality;
                item.itemId = QStringLiteral("4%1").arg(10 + i, 5, 10, QLatin1Char('0'));
            }
            pair.monitorItems << item;
        }
        config.pairs << pair;
    }
    test::TandemdProcess engine;
    const TimePoint started = Clock::now();
    startEngine(engine, config);
    // "Started redundancy for X: primary machine ... serves its clients."
    const QString promoted = QStringLiteral("serves its clients");
    if (!waitForLines(engine, promoted, Pairs, 30000))
        throw BenchError(format("only %d of %d pairs promoted their primary within 30 s",
                                engine.countLines(promoted), Pairs));
    say("all %d pairs active on the primary %.1f s after start", Pairs,
        msBetween(started, Clock::now()) / 1000);
    sleepMs(int(std::chrono::duration_cast<std::chrono::milliseconds>(
                    started + std::chrono::seconds(WarmupS) - Clock::now())
                    .count()));
    const int errorsBefore = engine.countLines(QStringLiteral("Monitor item test in error"));
    const int promotedBefore = engine.countLines(QStringLiteral("Promoted active connection"));
    const pid_t tandemd = pid_t(engine.processId());
    const pid_t simA = pid_t(primary->processId()), simB = pid_t(secondary->processId());
    const double cpu0 = cpuSeconds(tandemd);
    const double sims0 = cpuSeconds(simA) + cpuSeconds(simB);
    const double readA0 = bytesRead(simA), readB0 = bytesRead(simB);
    const TimePoint from = Clock::now();
    sleepMs(MeasureS * 1000);
    const double elapsedS = msBetween(from, Clock::now()) / 1000;
    const double cpuPercent = 100 * (cpuSeconds(tandemd) - cpu0) / elapsedS;
    const double simsPercent = 100 * (cpuSeconds(simA) + cpuSeconds(simB) - sims0) / elapsedS;
    // Every request the engine sends (status, monitor reads) is a 12-byte FC3/FC4 ADU.
    const double requestsA = (bytesRead(simA) - readA0) / 12 / elapsedS;
    const double requestsB = (bytesRead(simB) - readB0) / 12 / elapsedS;
    const double rss = rssMb(tandemd);
    const double peak = peakRssMb(tandemd);
    const int monitorErrors =
        engine.countLines(QStringLiteral("Monitor item test in error")) - errorsBefore;
    const int switches =
        engine.countLines(QStringLiteral("Promoted active connection")) - promotedBefore;
    const int passed = engine.countLines(QStringLiteral("Monitor item test passed"));
    say("scale: tandemd CPU %.1f%% of one core over %.1f s, RSS %.1f MB (peak %.1f MB); "
        "simulators %.1f%% together; %d pairs reported monitor items passed, %d monitor "
        "errors and %d switches while measured; requests/s received: primary %.0f, "
        "secondary %.0f (expected %d and %d)",
        cpuPercent, elapsedS, rss, peak, simsPercent, passed, monitorErrors, switches, requestsA,
        requestsB, Pairs * (Items + 1), Pairs);
    const bool sane = monitorErrors == 0 && switches == 0;
    target("scale CPU", cpuPercent < 10 && sane,
           format("%.1f%% of one core < 10%%%s", cpuPercent,
                  sane ? "" : " (pairs were not steady: see above)"));
    target("scale RSS", rss < 150, format("%.1f MB < 150 MB", rss));
}

} // namespace tandem::bench
