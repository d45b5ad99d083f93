// PairRuntime as a model (docs/failover-decision.md): fake server links and a clock whose
// timers the test fires, a table of scenarios, and a seeded random runner that checks the
// decision's invariants over thousands of fault schedules. Real peers prove the wiring in
// tests/integration; this proves the decision.
#include "pairrig.h"

#include <QRandomGenerator>
#include <QTest>

using namespace tandem;
using namespace tandem::test;

class TestPairRuntime final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scenario_data();
    void scenario();
    void randomSchedules_data();
    void randomSchedules();
    void appliesInPlace();
};

void TestPairRuntime::scenario_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("script");

    // Start-up and plain failures, Warm (the default mode).
    QTest::newRow("warm: start serves the primary, no promotion posted")
        << "warm"
        << "start; +50; active=P; P=healthy; S=healthy; count serving.primary=1;"
           "count promoted.primary=0; failovers=0";
    QTest::newRow("warm: primary crash switches at once, reason says why")
        << "warm"
        << "start; +50; P crash; active=S; failovers=1; count promoted.secondary=1;"
           "reason promoted.secondary~Connection reset by peer;"
           "reason disconnected.primary~Connection reset by peer; +1000; active=S; P=lost;"
           "count connect-failed.primary=1";
    QTest::newRow("warm: primary hang is lost at the status timeout")
        << "warm"
        << "start; +50; P hang; +200; active=P; +200; active=S; count status-lost.primary=1;"
           "reason status-lost.primary~no answer within 100 ms";
    QTest::newRow("warm: primary refused at start, secondary serves")
        << "warm"
        << "P refuse; start; +50; active=S; count connect-failed.primary=1;"
           "reason connect-failed.primary~Connection refused; count serving.secondary=1";
    QTest::newRow("warm: both refused, nothing active, each failure posted once")
        << "warm"
        << "P refuse; S refuse; start; +3000; active=none; count connect-failed.primary=1;"
           "count connect-failed.secondary=1";
    QTest::newRow("warm: shutdown notice")
        << "warm"
        << "start; +50; P shutdown; +250; active=S; count shutdown.primary=1; P=shutting-down;"
           "+2000; count shutdown.primary=1";
    QTest::newRow("warm: gateway exception on the status query loses the side")
        << "warm"
        << "start; +50; P gateway; +250; active=S; reason status-lost.primary~0x0B";
    QTest::newRow("warm: no fail-back without always reconnect")
        << "warm"
        << "start; +50; P crash; +50; P heal; +1000; P=healthy; active=S; failovers=1";
    QTest::newRow("warm: fail-back with always reconnect")
        << "warm reconnect"
        << "start; +50; P crash; +50; P heal; +1000; active=P; failovers=2;"
           "reason promoted.primary~fail-back";
    QTest::newRow("warm: fail-back waits for the hold-off")
        << "warm reconnect holdoff=2000"
        << "start; +50; P crash; +50; P heal; +500; active=S; +2000; active=P";
    QTest::newRow("warm: degraded primary hands over, restored stays")
        << "warm"
        << "start; +50; P degrade; active=S; reason promoted.secondary~service level 150;"
           "P restore; +500; active=S; count service-restored.primary=1";
    QTest::newRow("warm: both degraded stays where it is")
        << "warm"
        << "start; +50; S degrade; P degrade; +500; active=P; failovers=0";

    // Failure persistence.
    QTest::newRow("persistence 3: two timeouts are not a loss, the third is")
        << "warm persistence=3"
        << "start; +50; P hang; +350; active=P; P=healthy; +200; active=S;"
           "reason status-lost.primary~(3 in a row)";
    QTest::newRow("persistence 3: a refused connection is lost at once")
        << "warm persistence=3"
        << "start; +50; P crash; active=S";
    QTest::newRow("persistence 3: an answer in time resets the count")
        << "warm persistence=3"
        << "start; +50; P hang; +270; P heal; +2000; active=P; count status-lost.primary=0";
    QTest::newRow("persistence 2: gateway errors twice in a row")
        << "warm persistence=2"
        << "start; +50; P gateway; +300; active=S; reason status-lost.primary~(2 in a row)";

    // Monitor items.
    QTest::newRow("warm: monitor error on the primary moves to the tested secondary")
        << "warm items=1"
        << "start; +50; P item0=1; +300; active=S; count monitor-error.primary=1;"
           "reason promoted.secondary~400011; reason monitor-error.primary~400011";
    QTest::newRow("warm: both in monitor error, no switch, one warning")
        << "warm reconnect items=1"
        << "start; +50; S item0=1; +300; active=P; P item0=1; +5000; active=P; failovers=0;"
           "count monitor-error-both=1; count promoted.secondary=0";
    QTest::newRow("warm: both in error, then the standby recovers: one switch")
        << "warm items=1"
        << "start; +50; S item0=1; +300; P item0=1; +300; count monitor-error-both=1;"
           "S item0=0; +300; active=S; failovers=1; +3000; failovers=1";
    QTest::newRow("warm: an untested standby never outranks a tested active side")
        << "warm items=1"
        << "S items-silent; start; +50; P item0=1; +1000; active=P; P=monitor-error;"
           "count promoted.secondary=0; S items-talk; +300; active=S";
    QTest::newRow("warm: fail-back needs the primary's items passed")
        << "warm reconnect items=1"
        << "start; +50; P item0=1; +300; active=S; P crash; +50; P heal; +1000; active=S;"
           "P=monitor-error; P item0=0; +300; active=P";
    QTest::newRow("warm: hold-off counts from the primary's items passing")
        << "warm reconnect holdoff=1000 items=1"
        << "start; +50; P item0=1; +300; active=S; P item0=0; +500; active=S; +1000; active=P";
    QTest::newRow("warm: a flapping primary switches at most once per hold-off")
        << "warm reconnect holdoff=1000 items=1"
        << "start; +50; P item0=1; +300; active=S; P item0=0; +1500; active=P; P item0=1;"
           "+300; active=P; P=monitor-error; +1000; active=S; failovers=3";
    QTest::newRow("warm: degraded and monitor error rank the same")
        << "warm items=1"
        << "start; +50; S degrade; P item0=1; +500; active=P; failovers=0";
    QTest::newRow("warm: bad quality is no error for a specific-value item")
        << "warm items=1"
        << "start; +50; P item0=bad; +500; active=P; P=healthy";

    // The operator's pin.
    QTest::newRow("pin: holds against always reconnect")
        << "warm reconnect"
        << "start; +50; pin S; active=S; pinned=S; +5000; active=S; count pinned.secondary=1";
    QTest::newRow("pin: ends when the pinned side loses communication")
        << "warm reconnect"
        << "start; +50; pin S; S crash; active=P; pinned=none; count pin-ended.secondary=1;"
           "reason pin-ended.secondary~Connection reset by peer";
    QTest::newRow("pin: auto hands back to the rules")
        << "warm reconnect"
        << "start; +50; pin S; +100; auto; active=P; pinned=none;"
           "count pin-released.secondary=1";
    QTest::newRow("pin: auto without always reconnect stays where it is")
        << "warm"
        << "start; +50; pin S; auto; +1000; active=S";
    QTest::newRow("pin: refused for a side without communication")
        << "warm"
        << "start; +50; S crash; pin! S; active=P; pinned=none";
    QTest::newRow("pin: holds a side in monitor error")
        << "warm items=1"
        << "start; +50; pin P; P item0=1; +500; active=P; P=monitor-error";
    QTest::newRow("pin: the configured primary stays the primary")
        << "warm"
        << "start; +50; pin S; auto; stop; start; +50; active=P; count serving.primary=2";
    QTest::newRow("pin: holds against a hold-off in progress")
        << "warm reconnect holdoff=5000"
        << "start; +50; P crash; +50; P heal; +500; active=S; pin P; active=P; failovers=2";

    // Hot.
    QTest::newRow("hot: primary crash")
        << "hot"
        << "start; +50; P crash; active=S; count promoted.secondary=1";
    QTest::newRow("hot: primary hang") << "hot"
                                       << "start; +50; P hang; +400; active=S";
    QTest::newRow("hot: both in monitor error stays")
        << "hot reconnect items=1"
        << "start; +50; S item0=1; +300; P item0=1; +3000; active=P; failovers=0;"
           "count monitor-error-both=1";
    QTest::newRow("hot: fail-back after hold-off")
        << "hot reconnect holdoff=1000"
        << "start; +50; P crash; +100; P heal; +400; active=S; +1000; active=P";

    // Cold.
    QTest::newRow("cold: one connection, to the primary")
        << "cold"
        << "start; +50; active=P; S=unknown; S opens=0";
    QTest::newRow("cold: primary crash connects the secondary")
        << "cold"
        << "start; +50; P crash; +50; active=S; count promoted.secondary=1;"
           "reason promoted.secondary~Connection reset by peer";
    QTest::newRow("cold: both refused, each failure posted once")
        << "cold"
        << "P refuse; S refuse; start; +3000; active=none; count connect-failed.primary=1;"
           "count connect-failed.secondary=1";
    QTest::newRow("cold: monitor error moves to the other machine")
        << "cold items=1"
        << "start; +50; P item0=1; +300; active=S; count monitor-error.primary=1";
    QTest::newRow("cold: both in monitor error stays, no ping-pong")
        << "cold items=1"
        << "S item0=1; start; +50; P item0=1; +300; active=S; +3000; active=S; failovers=1;"
           "count monitor-error-both=1; count promoted.primary=0";
    QTest::newRow("cold: pin moves the one connection")
        << "cold"
        << "start; +50; pin S; +50; active=S; pinned=S; P=unknown";
    QTest::newRow("cold: pin ends when the pinned side cannot be reached")
        << "cold"
        << "S refuse; start; +50; pin S; +50; pinned=none; active=P;"
           "count pin-ended.secondary=1";

    // Edits in place.
    QTest::newRow("edit: status interval in place, connections kept")
        << "warm"
        << "start; +50; set interval=1000; P opens=1; S opens=1; active=P; P hang; +1200;"
           "active=S";
    QTest::newRow("edit: warm to cold drops the standby only")
        << "warm"
        << "start; +50; set mode=cold; S=unknown; active=P; P opens=1; P crash; +50; active=S";
    QTest::newRow("edit: cold to hot connects the standby")
        << "cold"
        << "start; +50; set mode=hot; +50; S=healthy; active=P; P opens=1";
    QTest::newRow("edit: monitor items in place")
        << "warm"
        << "start; +50; set items=1; +50; P=healthy; P item0=1; +300; active=S; P opens=1";
    QTest::newRow("edit: failure persistence in place")
        << "warm"
        << "start; +50; set persistence=3; P hang; +400; active=P; +200; active=S";
    QTest::newRow("edit: always reconnect switched on fails back")
        << "warm"
        << "start; +50; P crash; +50; P heal; +1000; active=S; set reconnect=1; active=P";

    // Redundancy disabled.
    QTest::newRow("pass-through: primary only, no events, no fail-over")
        << "warm"
        << "passthrough on; start; +50; active=P; P=pass-through; S opens=0;"
           "count serving.primary=0; P crash; active=none; +1000; active=none; S=unknown;"
           "P heal; +300; active=P";
    QTest::newRow("pass-through: enabling redundancy in place")
        << "warm"
        << "passthrough on; start; +50; passthrough off; +50; active=P; S=healthy";
    QTest::newRow("pass-through: no pin") << "warm"
                                          << "passthrough on; start; +50; pin! S";
}

void TestPairRuntime::scenario()
{
    QFETCH(QString, config);
    QFETCH(QString, script);
    QString error;
    PairRig rig(PairRig::parseConfig(config, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = rig.run(script);
    QVERIFY2(error.isEmpty(), qPrintable(error + QLatin1String("\nevents:\n") + rig.history()));
}

namespace {
// One random fault schedule: a config and ~25 actions with random pauses, as steps.
QStringList randomSchedule(quint32 seed, ConnectionMode mode, QString *config)
{
    QRandomGenerator rng(seed);
    const int items = rng.bounded(3);
    *config = connectionModeKey(mode);
    if (mode != ConnectionMode::Cold && rng.bounded(2))
        *config += QLatin1String(" reconnect");
    *config += QStringLiteral(" holdoff=%1 persistence=%2 items=%3")
                   .arg(QList<int>{0, 300, 1000}.at(rng.bounded(3)))
                   .arg(1 + rng.bounded(3))
                   .arg(items);
    static const QStringList faults{
        QStringLiteral("crash"),    QStringLiteral("refuse"),       QStringLiteral("hang"),
        QStringLiteral("heal"),     QStringLiteral("heal"),         QStringLiteral("heal"),
        QStringLiteral("shutdown"), QStringLiteral("gateway"),      QStringLiteral("degrade"),
        QStringLiteral("restore"),  QStringLiteral("items-silent"), QStringLiteral("items-talk")};
    QStringList steps{QStringLiteral("start")};
    for (int i = 0; i < 25; ++i) {
        const QString side = rng.bounded(2) ? QStringLiteral("P") : QStringLiteral("S");
        const int what = rng.bounded(20);
        if (what < 10)
            steps << side + QLatin1Char(' ') + faults.at(rng.bounded(faults.size()));
        else if (what < 16 && items > 0)
            steps << QStringLiteral("%1 item%2=%3")
                         .arg(side)
                         .arg(rng.bounded(items))
                         .arg(rng.bounded(3) == 0 ? QStringLiteral("bad")
                                                  : QString::number(rng.bounded(2)));
        else if (what < 18)
            steps << QStringLiteral("try-pin ") + side;
        else if (what < 19)
            steps << QStringLiteral("auto");
        else
            steps << QStringLiteral("set interval=%1 persistence=%2")
                         .arg(QList<int>{100, 200, 500}.at(rng.bounded(3)))
                         .arg(1 + rng.bounded(3));
        steps << QStringLiteral("+%1").arg(1 + rng.bounded(800));
    }
    steps << QStringLiteral("P heal") << QStringLiteral("S heal") << QStringLiteral("+3000");
    return steps;
}
} // namespace

void TestPairRuntime::randomSchedules_data()
{
    QTest::addColumn<ConnectionMode>("mode");
    QTest::newRow("cold") << ConnectionMode::Cold;
    QTest::newRow("warm") << ConnectionMode::Warm;
    QTest::newRow("hot") << ConnectionMode::Hot;
}

// The invariants of docs/failover-decision.md over seeded random schedules. A failure
// prints its seed: TANDEM_PAIRRUNTIME_SEED=<seed> replays just that one.
void TestPairRuntime::randomSchedules()
{
    QFETCH(ConnectionMode, mode);
    const QByteArray only = qgetenv("TANDEM_PAIRRUNTIME_SEED");
    const quint32 first = only.isEmpty() ? 1 : only.toUInt();
    const quint32 count = only.isEmpty() ? 1000 : 1;
    int switches = 0;
    for (quint32 seed = first; seed < first + count; ++seed) {
        const quint32 modeSeed = seed * 3 + quint32(mode);
        QString config;
        const QStringList steps = randomSchedule(modeSeed, mode, &config);
        PairRig rig(PairRig::parseConfig(config, nullptr));
        for (const QString &step : steps) {
            const QString error = rig.step(step);
            if (!error.isEmpty() || !rig.violation().isEmpty())
                QFAIL(qPrintable(QStringLiteral("seed %1 (TANDEM_PAIRRUNTIME_SEED=%1), config "
                                                "'%2', at step '%3': %4\nsteps: %5\nevents:\n%6")
                                     .arg(seed)
                                     .arg(config, step, error.isEmpty() ? rig.violation() : error,
                                          steps.join(QLatin1String("; ")), rig.history())));
        }
        switches += rig.runtime()->failoverCount();
    }
    // The schedules must exercise the decision, not only idle through it.
    QVERIFY2(count == 1 || switches > int(count), qPrintable(QString::number(switches)));
    qInfo("%u schedules, %d switches", count, switches);
}

void TestPairRuntime::appliesInPlace()
{
    QString error;
    const PairConfig base = PairRig::parseConfig(QStringLiteral("warm"), &error);
    PairConfig changed = PairRig::parseConfig(
        QStringLiteral("hot reconnect holdoff=500 persistence=3 items=2 count=2 interval=700 "
                       "timeout=300 replay"),
        &error);
    QVERIFY(PairRuntime::appliesInPlace(base, changed));
    changed.endpoint = QStringLiteral("127.0.0.1:1503");
    QVERIFY(!PairRuntime::appliesInPlace(base, changed));
    changed = base;
    changed.primary = QStringLiteral("plc-c");
    QVERIFY(!PairRuntime::appliesInPlace(base, changed));
    changed = base;
    changed.statusItem = QStringLiteral("400100");
    QVERIFY(!PairRuntime::appliesInPlace(base, changed));
}

QTEST_GUILESS_MAIN(TestPairRuntime)
#include "tst_pairruntime.moc"
