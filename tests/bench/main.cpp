// tandem-bench: measures the engine against the targets and prints the figures.
// Not part of ctest; see README.md in this folder.
#include "bench.h"
#include "buildpaths.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>
#include <string>

using namespace tandem::bench;

namespace {

int usage(FILE *stream)
{
    std::fprintf(stream,
                 "Usage: tandem-bench "
                 "failover|failback|throughput|connections|scale|opcua|opcua-security|\n"
                 "                    backup|all|chaos [--reps N] [--seconds S]\n"
                 "  failover    kill -9 / SIGSTOP the primary, cold/warm/hot (N runs each)\n"
                 "  failback    always reconnect: primary back (hold-off 0, 1000), flapping\n"
                 "  throughput  1 and 8 closed-loop clients: direct, socat, tandemd (S s each)\n"
                 "  connections server connections shared vs per client: throughput with 1, 8\n"
                 "              and 32 clients, a server that flushes its input after an\n"
                 "              exception, a server that takes 4 connections (S s each)\n"
                 "  scale       200 pairs x 20 monitor items: tandemd CPU and RSS\n"
                 "  opcua       OPC UA proxy: subscription while the primary is killed or\n"
                 "              SIGSTOPped (hot/warm, N runs each), 1 and 8 read-loop\n"
                 "              clients direct and through tandemd (S s)\n"
                 "  opcua-security reads through the proxy with None on both sides vs\n"
                 "              Basic256Sha256 SignAndEncrypt on both sides, same run: reads/s\n"
                 "              and added latency (median, p99) against direct reads (N rounds\n"
                 "              of S s per row)\n"
                 "  backup      back up a full state directory (30000 events), list and\n"
                 "              prune a month of daily backups (N runs)\n"
                 "  all         everything above (not chaos)\n"
                 "  chaos       each side's Modbus and OPC UA server killed and restarted,\n"
                 "              hung and made to flap (N per side, default 100), warm and hot:\n"
                 "              client errors, switches, lost subscriptions, tandemd RSS\n"
                 "  --reps N    repetitions of failover, failback and opcua failover cases,\n"
                 "              rounds of opcua-security\n"
                 "              (default 5); faults per side for chaos (default 100)\n"
                 "  --seconds S measured seconds per throughput row (default 5)\n"
                 "Prints the figures and a PASS/MISS line per target; exit status 0 unless a\n"
                 "benchmark could not run (1) or the usage was wrong (2).\n");
    return stream == stderr ? 2 : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::string command;
    int reps = 0; // 0: the subcommand's default
    int seconds = 5;
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (!std::strcmp(arg, "--help") || !std::strcmp(arg, "-h"))
            return usage(stdout);
        if ((!std::strcmp(arg, "--reps") || !std::strcmp(arg, "--seconds")) && i + 1 < argc) {
            const int value = std::atoi(argv[++i]);
            if (value < 1 || value > 100)
                return usage(stderr);
            (arg[2] == 'r' ? reps : seconds) = value;
        } else if (command.empty() && arg[0] != '-') {
            command = arg;
        } else {
            return usage(stderr);
        }
    }
    const bool all = command == "all";
    if (!all && command != "failover" && command != "failback" && command != "throughput" &&
        command != "connections" && command != "scale" && command != "opcua" &&
        command != "opcua-security" && command != "backup" && command != "chaos")
        return usage(stderr);

    installInterruptHandler();
    const TimePoint begin = Clock::now();
#ifdef NDEBUG
    say("tandem-bench: optimised build (NDEBUG); tandemd %s",
        qPrintable(tandem::test::tandemdPath()));
#else
    say("tandem-bench: DEBUG build: figures are pessimistic (see README.md); tandemd %s",
        qPrintable(tandem::test::tandemdPath()));
#endif
    int failed = 0;
    const auto run = [&](const char *name, const auto &body) {
        if (!all && command != name)
            return;
        try {
            body();
        } catch (const BenchError &error) {
            say("%s: could not run: %s", name, error.what());
            target(name, false, "could not run");
            ++failed;
        }
    };
    try {
        if (command == "chaos") // long, and not part of "all"
            run("chaos", [&] { runChaos(reps ? reps : 100); });
        if (reps == 0)
            reps = 5;
        run("failover", [&] { runFailover(reps); });
        run("failback", [&] { runFailback(reps); });
        run("throughput", [&] { runThroughput(seconds); });
        run("connections", [&] { runConnections(seconds); });
        run("scale", [&] { runScale(); });
        run("opcua", [&] { runOpcUa(reps, seconds); });
        run("opcua-security", [&] { runOpcUaSecurity(reps, seconds); });
        run("backup", [&] { runBackup(reps); });
    } catch (const Interrupted &) {
        say("\ninterrupted: children stopped");
        printTargets();
        return 130;
    }
    printTargets();
    say("total run time %.1f s", msBetween(begin, Clock::now()) / 1000);
    return failed ? 1 : 0;
}
