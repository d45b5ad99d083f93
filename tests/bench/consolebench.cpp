// tandem-bench-console: fail-over of a pair while the console is busy, with the engine on
// the console's GUI thread (as the console ran it before it started its own tandemd: an
// EngineHost in this thread) and with the console's own tandemd child (EngineSession).
// The console is idle, shows a modal dialog (a nested event loop), or shows it while
// backups of the largest event history run back to back on its thread (Back Up Now).
// A client thread reads which server answers every 10 ms through the pair; the primary
// is killed (kill -9) or hung (SIGSTOP) at a moment spread over the runs; the figure is
// the largest gap between two answers. Not part of ctest; see README.md.
#include "backup/backuparchive.h"
#include "buildpaths.h"
#include "config/configdocument.h"
#include "engine/pairstatus.h"
#include "eventhistory.h"
#include "host/controlserver.h"
#include "host/enginehost.h"
#include "host/enginesession.h"
#include "modbuspeer.h"
#include "modbustestclient.h"
#include "tandemdprocess.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

using namespace tandem;
using namespace tandem::test;

namespace {

using Clock = std::chrono::steady_clock;
constexpr int IntervalMs = 200;
constexpr int TimeoutMs = 100;
constexpr int Events = 30000; // the largest history the Diagnostics tab allows

double msBetween(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

struct SetupError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

// Runs this thread's event loop (the GUI-thread engine with it) until `done` holds.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// A client reading holding register 2 (the answering server's offset) through the pair
// every 10 ms, in its own thread.
class Poller
{
public:
    struct Sample
    {
        Clock::time_point time;
        int value; // -1: an error
    };

    explicit Poller(quint16 port)
        : m_thread([this, port] { run(port); })
    {}
    ~Poller() { stop(); }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    std::vector<Sample> samples() const
    {
        const std::lock_guard lock(m_mutex);
        return m_samples;
    }
    // How long every read has answered `value`, up to now (0: the last did not).
    double steadyMs(int value) const
    {
        const std::lock_guard lock(m_mutex);
        if (m_samples.empty() || m_samples.back().value != value)
            return 0;
        auto first = m_samples.rbegin();
        while (std::next(first) != m_samples.rend() && std::next(first)->value == value)
            ++first;
        return msBetween(first->time, Clock::now());
    }

private:
    void run(quint16 port)
    {
        ModbusTestClient client;
        while (!m_stop) {
            if (!client.isConnected() &&
                !client.connectTo(QStringLiteral("127.0.0.1"), port, 2000)) {
                record(-1);
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
                continue;
            }
            const ModbusTestClient::Reply reply = client.readHoldingRegisters(1, 1, 1, 2000);
            record(reply.ok ? reply.registers.value(0) : -1);
            // The client's period (what an HMI polls at), not a synchronisation.
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    void record(int value)
    {
        const std::lock_guard lock(m_mutex);
        m_samples.push_back({Clock::now(), value});
    }

    std::atomic<bool> m_stop{false};
    mutable std::mutex m_mutex;
    std::vector<Sample> m_samples;
    std::thread m_thread;
};

enum class Placement
{
    GuiThread, // EngineHost on this thread, as the console hosted it before
    Child      // the console's own tandemd (EngineSession)
};
enum class Busy
{
    Idle,
    Modal,      // a modal dialog open: its nested event loop runs
    ModalBackup // and Back Up Now, again and again, on the same thread
};

const char *placementName(Placement p)
{
    return p == Placement::GuiThread ? "engine on the GUI thread" : "own tandemd (child)";
}
const char *busyName(Busy b)
{
    switch (b) {
    case Busy::Idle:
        return "idle console";
    case Busy::Modal:
        return "modal dialog";
    case Busy::ModalBackup:
        return "modal dialog + backups";
    }
    return "?";
}

struct Run
{
    double gapMs = 0;
    int errors = 0;
    std::vector<double> backupMs;
};

// The largest time between two answers, from the last answer before the fault on.
Run analyse(const std::vector<Poller::Sample> &samples, Clock::time_point cut)
{
    Run run;
    Clock::time_point last{};
    bool haveLast = false;
    for (const Poller::Sample &s : samples) {
        if (s.time < cut) {
            if (s.value >= 0) {
                last = s.time;
                haveLast = true;
            }
            continue;
        }
        if (s.value < 0) {
            ++run.errors;
            continue;
        }
        if (haveLast)
            run.gapMs = std::max(run.gapMs, msBetween(last, s.time));
        last = s.time;
        haveLast = true;
    }
    return run;
}

// A state directory with the largest history, made once and copied for every run.
void fillHistory(const QString &stateDir)
{
    QString error;
    if (!test::fillEventHistory(stateDir, Events, &error))
        throw SetupError(error.toStdString());
}

Run runOnce(Placement placement, Busy busy, bool hang, int phaseMs, const QString &history)
{
    ModbusPeer primary;
    ModbusPeer secondary;
    if (!primary.start(0) || !secondary.start(1000))
        throw SetupError("a Modbus peer did not start");
    QTemporaryDir dir;
    const TandemPaths paths{dir.filePath(QStringLiteral("tandem.xml")),
                            dir.filePath(QStringLiteral("state"))};
    QDir().mkpath(paths.stateDir);
    if (!QFile::copy(history, QDir(paths.stateDir).filePath(QStringLiteral("events.sqlite"))))
        throw SetupError("cannot copy the event history");
    const quint16 port = TandemdProcess::freePort();
    ConfigDocument doc(paths);
    doc.load();
    DiagnosticsSettings diagnostics;
    diagnostics.maxEvents = Events;
    doc.setDiagnostics(diagnostics);
    if (!doc.addPair(testPair(Protocol::ModbusTcp, QStringLiteral("127.0.0.1:%1").arg(port),
                              primary.address(), secondary.address(), ConnectionMode::Warm,
                              IntervalMs, TimeoutMs))
             .isEmpty() ||
        !doc.save().isEmpty() || !doc.setEnabled(QStringLiteral("line1"), true).isEmpty())
        throw SetupError("cannot write the configuration");

    std::unique_ptr<EngineHost> host;
    std::unique_ptr<EngineSession> session;
    std::function<QJsonObject()> pairStatus;
    if (placement == Placement::GuiThread) {
        host = std::make_unique<EngineHost>(paths);
        ConfigIssues warnings;
        if (const ConfigIssues fatal = host->start(&warnings); !fatal.isEmpty())
            throw SetupError(joinIssues(fatal).toStdString());
        pairStatus = [&host] {
            return host->status().value(QLatin1String("pairs")).toArray().at(0).toObject();
        };
    } else {
        session = std::make_unique<EngineSession>(paths);
        if (const ConfigIssues issues = session->start(); !issues.isEmpty())
            throw SetupError(joinIssues(issues).toStdString());
        pairStatus = [&session] { return session->pairStatus(QStringLiteral("line1")); };
    }
    const bool up = waitUntil(
        [&] {
            const std::optional<PairStatus> s = PairStatus::fromJson(pairStatus(), nullptr);
            return s && s->active == Side::Primary && s->secondary.connected;
        },
        10000);
    if (!up)
        throw SetupError("the pair did not run on the primary with the secondary connected");

    Poller poller(port);
    if (!waitUntil([&] { return poller.steadyMs(0) >= 1000; }, 10000))
        throw SetupError("the client did not read the primary for a second");

    const QString backups = dir.filePath(QStringLiteral("backups"));
    Run run;
    Clock::time_point cut;
    bool switched = false;
    const auto measure = [&] {
        QTimer backupTimer;
        if (busy == Busy::ModalBackup) {
            // Back Up Now, as the console does it: the new console first asks its engine to
            // commit its queued events (the old one could not ask itself), then archives.
            QObject::connect(&backupTimer, &QTimer::timeout, &backupTimer, [&] {
                const auto begin = Clock::now();
                if (placement == Placement::Child)
                    ControlClient::flushEvents(paths.stateDir);
                QString error;
                if (!BackupArchive::create(paths, backups, &error))
                    std::fprintf(stderr, "backup failed: %s\n", qPrintable(error));
                run.backupMs.push_back(msBetween(begin, Clock::now()));
                for (const QString &f : QDir(backups).entryList(QDir::Files))
                    QFile::remove(QDir(backups).filePath(f));
            });
            backupTimer.start(0);
            // Backups run from here on; the fault lands somewhere inside one.
            waitUntil([&] { return run.backupMs.size() >= 2; }, 30000);
        }
        cut = Clock::now() + std::chrono::milliseconds(phaseMs);
        const qint64 victim = primary.processId(); // it runs: the client just read it
        std::thread fault([cut, victim, hang] {
            std::this_thread::sleep_until(cut);
            if (victim > 0)
                ::kill(pid_t(victim), hang ? SIGSTOP : SIGKILL);
        });
        switched = waitUntil([&] { return poller.steadyMs(1000) >= 1000; }, 15000);
        fault.join();
        backupTimer.stop();
    };
    if (busy == Busy::Idle) {
        measure();
    } else {
        QMessageBox box(QMessageBox::Information, QStringLiteral("Tandem"),
                        QStringLiteral("A modal dialog"), QMessageBox::Ok);
        QTimer::singleShot(0, &box, [&] {
            measure();
            box.done(0);
        });
        box.exec();
    }
    poller.stop();
    primary.kill(); // a stopped one too (never ::kill of processId(): 0 once it ended)
    const std::vector<double> backupMs = std::move(run.backupMs);
    run = analyse(poller.samples(), cut);
    run.backupMs = backupMs;
    if (!switched)
        run.gapMs = 1e9;
    return run;
}

struct Spread
{
    double min = 0, median = 0, max = 0;
};
Spread spread(std::vector<double> v)
{
    if (v.empty())
        return {};
    std::sort(v.begin(), v.end());
    return {v.front(), v[v.size() / 2], v.back()};
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int reps = 5;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--reps") && i + 1 < argc) {
            reps = std::atoi(argv[++i]);
        } else {
            std::fprintf(stderr, "Usage: tandem-bench-console [--reps N]\n");
            return 2;
        }
    }
    if (reps < 1 || reps > 100) {
        std::fprintf(stderr, "Usage: tandem-bench-console [--reps N] (1..100)\n");
        return 2;
    }
    // The console finds the tandemd built with this bench.
    qputenv("TANDEM_TANDEMD", test::tandemdPath().toLocal8Bit());
#ifdef NDEBUG
    std::printf("tandem-bench-console: optimised build; tandemd %s\n",
                qPrintable(test::tandemdPath()));
#else
    std::printf("tandem-bench-console: DEBUG build, figures are pessimistic; tandemd %s\n",
                qPrintable(test::tandemdPath()));
#endif
    QTemporaryDir templateDir;
    const QString history = templateDir.filePath(QStringLiteral("events.sqlite"));
    try {
        fillHistory(templateDir.path());
    } catch (const SetupError &e) {
        std::fprintf(stderr, "cannot fill the event history: %s\n", e.what());
        return 1;
    }
    std::printf("Warm pair, interval %d ms, timeout %d ms; a client reads every 10 ms; "
                "history %d events; %d runs per row, faults spread over %d ms\n",
                IntervalMs, TimeoutMs, Events, reps, IntervalMs + TimeoutMs);
    std::printf("%-8s %-26s %-24s %-30s %-10s %s\n", "fault", "engine", "console",
                "largest gap ms min/med/max", "errors", "one backup ms (median)");
    std::fflush(stdout);
    int failed = 0;
    for (const bool hang : {false, true}) {
        for (const Busy busy : {Busy::Idle, Busy::Modal, Busy::ModalBackup}) {
            for (const Placement placement : {Placement::GuiThread, Placement::Child}) {
                std::vector<double> gaps, errors, backups;
                for (int i = 0; i < reps; ++i) {
                    try {
                        const Run run = runOnce(placement, busy, hang,
                                                i * (IntervalMs + TimeoutMs) / reps, history);
                        gaps.push_back(run.gapMs);
                        errors.push_back(run.errors);
                        backups.insert(backups.end(), run.backupMs.begin(), run.backupMs.end());
                    } catch (const SetupError &e) {
                        std::fprintf(stderr, "  run %d: could not run: %s\n", i + 1, e.what());
                        ++failed;
                    }
                }
                const Spread g = spread(gaps), e = spread(errors), b = spread(backups);
                char backupText[32] = "-";
                if (!backups.empty())
                    std::snprintf(backupText, sizeof backupText, "%.0f", b.median);
                std::printf("%-8s %-26s %-24s %6.0f /%6.0f /%6.0f       %.0f/%.0f/%.0f      %s\n",
                            hang ? "hang" : "kill", placementName(placement), busyName(busy), g.min,
                            g.median, g.max, e.min, e.median, e.max, backupText);
                std::fflush(stdout);
            }
        }
    }
    return failed ? 1 : 0;
}
