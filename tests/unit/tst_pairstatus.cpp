// The typed status the engine gives the console, tandemctl and the OPC UA status nodes:
// one JSON mapping (its key names are what `tandemctl status --json` users read), a strict
// reading that names what is wrong in a document of another version, and one wording of
// each side's health for everyone.
#include "engine/pairstatus.h"

#include <QJsonArray>
#include <QTest>

using namespace tandem;

Q_DECLARE_METATYPE(tandem::SideStatus)
Q_DECLARE_METATYPE(tandem::PairStatus)

namespace {
SideStatus side(SideHealth health)
{
    SideStatus s;
    s.machine = QStringLiteral("10.0.0.1:502");
    s.health = health;
    s.connected = health == SideHealth::Healthy || health == SideHealth::Degraded ||
                  health == SideHealth::MonitorError || health == SideHealth::PassThrough;
    s.statusOk = s.connected;
    s.monitorTested = true;
    return s;
}

PairStatus pair()
{
    PairStatus p;
    p.name = QStringLiteral("line1");
    p.protocol = Protocol::OpcUa;
    p.mode = ConnectionMode::Hot;
    p.listen = QStringLiteral("opc.tcp://0.0.0.0:4841/line1");
    p.port = 4841;
    p.active = Side::Secondary;
    p.pinned = Side::Secondary;
    p.failovers = 3;
    p.lastFailover = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 123));
    p.lastSwitchReason = QStringLiteral("made active by the operator");
    p.clients = 2;
    p.primary = side(SideHealth::Lost);
    p.primary.lastError = QStringLiteral("connection refused");
    p.primary.lastReason = QStringLiteral("connection refused");
    p.primary.refusedCertificate = QStringLiteral("5F3B9C2E77A1D0C4B8E6F1A2D3C4B5A697887766");
    p.primary.statusFailuresInRow = 0;
    p.secondary = side(SideHealth::MonitorError);
    p.secondary.machine = QStringLiteral("[::1]:4840/ua");
    p.secondary.monitorErrors = 2;
    p.secondary.monitorFailed = true;
    p.secondary.degradedReason = QStringLiteral("service level 150");
    p.secondary.statusFailuresInRow = 1;
    return p;
}

QStringList words(const char *list)
{
    return QString::fromLatin1(list).split(QLatin1Char(' '));
}

QStringList keys(const QJsonObject &json)
{
    QStringList k = json.keys();
    k.sort();
    return k;
}
} // namespace

class TestPairStatus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void keysStayAsScriptsKnowThem();
    void refusedCertificateMayBeAbsent();
    void engineStatusRoundTrip();
    void wrongDocumentsAreNamed_data();
    void wrongDocumentsAreNamed();
    void describeHealth_data();
    void describeHealth();
    void describeActive_data();
    void describeActive();
};

void TestPairStatus::roundTrip_data()
{
    QTest::addColumn<PairStatus>("status");
    QTest::newRow("held, one side lost, one in monitor error") << pair();
    PairStatus none;
    none.name = QStringLiteral("idle");
    QTest::newRow("nothing active, nothing yet") << none;
    PairStatus passing = pair();
    passing.passThrough = true;
    passing.pinned = Side::None;
    passing.active = Side::Primary;
    passing.primary = side(SideHealth::PassThrough);
    passing.secondary = side(SideHealth::Unknown);
    passing.lastFailover = {};
    QTest::newRow("pass-through") << passing;
    PairStatus utc = pair();
    utc.lastFailover = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
    utc.primary = side(SideHealth::ShuttingDown);
    utc.primary.shutdown = true;
    utc.secondary = side(SideHealth::Degraded);
    utc.secondary.degraded = true;
    QTest::newRow("shutting down, degraded, UTC time") << utc;
}

void TestPairStatus::roundTrip()
{
    QFETCH(PairStatus, status);
    QString error;
    const std::optional<PairStatus> read = PairStatus::fromJson(status.toJson(), &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->toJson(), status.toJson());
    QVERIFY(*read == status);
}

// The control socket's keys, as `tandemctl status --json` prints them: scripts read these.
void TestPairStatus::keysStayAsScriptsKnowThem()
{
    const QJsonObject json = pair().toJson();
    QCOMPARE(keys(json), words("active clients failovers last-failover last-switch-reason listen "
                               "mode name pass-through pinned port primary protocol secondary"));
    QCOMPARE(keys(json.value(QLatin1String("primary")).toObject()),
             words("connected degraded degraded-reason health last-error last-reason machine "
                   "monitor-errors monitor-failed monitor-tested refused-certificate shutdown "
                   "status-failures status-ok"));
    QCOMPARE(json.value(QLatin1String("active")).toString(), QStringLiteral("secondary"));
    QCOMPARE(json.value(QLatin1String("pinned")).toString(), QStringLiteral("secondary"));
    QCOMPARE(json.value(QLatin1String("protocol")).toString(), QStringLiteral("opcua"));
    QCOMPARE(json.value(QLatin1String("mode")).toString(), QStringLiteral("hot"));
    QCOMPARE(json.value(QLatin1String("last-failover")).toString(),
             QStringLiteral("2024-05-06T07:08:09.123"));
    QCOMPARE(json[QLatin1String("secondary")][QLatin1String("health")].toString(),
             QStringLiteral("monitor-error"));
    // Nothing held, nothing active: the words they always were.
    PairStatus idle;
    QCOMPARE(idle.toJson().value(QLatin1String("pinned")).toString(), QString());
    QCOMPARE(idle.toJson().value(QLatin1String("active")).toString(), QStringLiteral("none"));
    QCOMPARE(idle.toJson().value(QLatin1String("last-failover")).toString(), QString());
}

// An engine of the version before refused certificates were reported is read as one that
// refused none.
void TestPairStatus::refusedCertificateMayBeAbsent()
{
    QJsonObject json = pair().toJson();
    QJsonObject primary = json.value(QLatin1String("primary")).toObject();
    primary.remove(QStringLiteral("refused-certificate"));
    json.insert(QStringLiteral("primary"), primary);
    QString error;
    const std::optional<PairStatus> read = PairStatus::fromJson(json, &error);
    QVERIFY2(read, qPrintable(error));
    QVERIFY(read->primary.refusedCertificate.isEmpty());
}

void TestPairStatus::engineStatusRoundTrip()
{
    EngineStatus engine;
    engine.pid = 4242;
    engine.process = QStringLiteral("tandemd");
    engine.pairs = {pair(), PairStatus{}};
    engine.pairs[1].name = QStringLiteral("line2");
    QJsonObject json = engine.toJson();
    QCOMPARE(keys(json), words("pairs pid process"));
    // What the host adds (mail, backup, license) is not the engine's: read past it.
    json.insert(QStringLiteral("notifications"), QJsonObject{{QStringLiteral("outbox"), 1}});
    json.insert(QStringLiteral("ok"), true);
    QString error;
    const std::optional<EngineStatus> read = EngineStatus::fromJson(json, &error);
    QVERIFY2(read, qPrintable(error));
    QVERIFY(*read == engine);
    QVERIFY(read->pair(QStringLiteral("line2")));
    QCOMPARE(read->pair(QStringLiteral("line2"))->name, QStringLiteral("line2"));
    QVERIFY(!read->pair(QStringLiteral("line3")));
}

void TestPairStatus::wrongDocumentsAreNamed_data()
{
    QTest::addColumn<QJsonObject>("document");
    QTest::addColumn<QString>("error"); // a part of the message
    const QJsonObject good = pair().toJson();
    const auto without = [&good](const char *key) {
        QJsonObject o = good;
        o.remove(QLatin1String(key));
        return o;
    };
    const auto with = [&good](const char *key, const QJsonValue &value) {
        QJsonObject o = good;
        o.insert(QLatin1String(key), value);
        return o;
    };
    const auto sideWith = [&good](const char *key, const QJsonValue &value) {
        QJsonObject o = good;
        QJsonObject s = o.value(QLatin1String("primary")).toObject();
        if (value.isUndefined())
            s.remove(QLatin1String(key));
        else
            s.insert(QLatin1String(key), value);
        o.insert(QStringLiteral("primary"), s);
        return o;
    };
    QTest::newRow("empty") << QJsonObject() << "no valid 'pairs[].name'";
    QTest::newRow("no mode") << without("mode") << "no valid 'pairs[line1].mode'";
    QTest::newRow("failovers as text")
        << with("failovers", QStringLiteral("3")) << "no valid 'pairs[line1].failovers'";
    QTest::newRow("an unknown mode")
        << with("mode", QStringLiteral("lukewarm")) << "'lukewarm' as 'pairs[line1].mode'";
    QTest::newRow("an unknown active side")
        << with("active", QStringLiteral("tertiary")) << "'tertiary' as 'pairs[line1].active'";
    QTest::newRow("pinned to none")
        << with("pinned", QStringLiteral("none")) << "'none' as 'pairs[line1].pinned'";
    QTest::newRow("a port out of range") << with("port", 70000) << "'70000' as 'pairs[line1].port'";
    QTest::newRow("a time that is none") << with("last-failover", QStringLiteral("yesterday"))
                                         << "'yesterday' as 'pairs[line1].last-failover'";
    QTest::newRow("no secondary") << without("secondary") << "no valid 'pairs[line1].secondary'";
    QTest::newRow("a side without health (an older engine)")
        << sideWith("health", QJsonValue::Undefined) << "no valid 'pairs[line1].primary.health'";
    QTest::newRow("an unknown health (a newer engine)")
        << sideWith("health", QStringLiteral("sleepy"))
        << "'sleepy' as 'pairs[line1].primary.health'";
    QTest::newRow("a side's flag as a number")
        << sideWith("connected", 1) << "no valid 'pairs[line1].primary.connected'";
    QTest::newRow("a refused certificate as a number")
        << sideWith("refused-certificate", 7)
        << "no valid 'pairs[line1].primary.refused-certificate'";
}

void TestPairStatus::wrongDocumentsAreNamed()
{
    QFETCH(QJsonObject, document);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!PairStatus::fromJson(document, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("version of Tandem")), qPrintable(message));
    // Whole engine documents: the pair inside is named the same way; a bad list too.
    QJsonObject engine{{QStringLiteral("pid"), 1},
                       {QStringLiteral("process"), QStringLiteral("tandemd")},
                       {QStringLiteral("pairs"), QJsonArray{document}}};
    QString engineMessage;
    QVERIFY(!EngineStatus::fromJson(engine, &engineMessage));
    QCOMPARE(engineMessage, message);
    engine.insert(QStringLiteral("pairs"), QJsonArray{7});
    QVERIFY(!EngineStatus::fromJson(engine, &engineMessage));
    QVERIFY2(engineMessage.contains(QLatin1String("no valid 'pairs[]'")),
             qPrintable(engineMessage));
    engine.remove(QStringLiteral("pid"));
    QVERIFY(!EngineStatus::fromJson(engine, &engineMessage));
    QVERIFY2(engineMessage.contains(QLatin1String("no valid 'pid'")), qPrintable(engineMessage));
}

void TestPairStatus::describeHealth_data()
{
    QTest::addColumn<SideStatus>("side");
    QTest::addColumn<QString>("text");
    QTest::newRow("healthy") << side(SideHealth::Healthy) << "healthy";
    SideStatus untested = side(SideHealth::Healthy);
    untested.monitorTested = false;
    QTest::newRow("healthy, untested") << untested << "healthy, monitor items not tested yet";
    SideStatus recovered = side(SideHealth::Healthy);
    recovered.lastReason = QStringLiteral("connection refused");
    QTest::newRow("healthy after a failure")
        << recovered << "healthy (last failure: connection refused)";
    SideStatus degraded = side(SideHealth::Degraded);
    degraded.degradedReason = QStringLiteral("service level 150");
    QTest::newRow("degraded") << degraded << "connected, degraded: service level 150";
    SideStatus monitor = side(SideHealth::MonitorError);
    monitor.monitorErrors = 2;
    monitor.lastReason = QStringLiteral("primary machine: monitor items in error: 400001, 400002");
    QTest::newRow("monitor error")
        << monitor
        << "connected, 2 monitor item(s) in error (last failure: primary machine: monitor items "
           "in error: 400001, 400002)";
    QTest::newRow("connecting") << side(SideHealth::Connecting) << "connecting";
    QTest::newRow("pass-through") << side(SideHealth::PassThrough) << "connected (pass-through)";
    SideStatus shutting = side(SideHealth::ShuttingDown);
    shutting.lastError = shutting.lastReason = QStringLiteral("server is shutting down");
    QTest::newRow("shutting down") << shutting << "shutting down: server is shutting down";
    QTest::newRow("shutting down, no reason") << side(SideHealth::ShuttingDown) << "shutting down";
    SideStatus lost = side(SideHealth::Lost);
    lost.lastError = lost.lastReason = QStringLiteral("connection refused");
    QTest::newRow("lost") << lost << "lost: connection refused";
    SideStatus lostAgain = lost;
    lostAgain.lastReason = QStringLiteral("timeout (3 in a row)");
    QTest::newRow("lost, another last failure")
        << lostAgain << "lost: connection refused (last failure: timeout (3 in a row))";
    QTest::newRow("lost, no error") << side(SideHealth::Lost) << "lost";
    QTest::newRow("never tried") << side(SideHealth::Unknown) << "not connected";
    SideStatus left = side(SideHealth::Unknown);
    left.lastError = QStringLiteral("switched by the operator");
    QTest::newRow("left by Cold") << left << "not connected: switched by the operator";
}

void TestPairStatus::describeHealth()
{
    QFETCH(SideStatus, side);
    QFETCH(QString, text);
    QCOMPARE(tandem::describeHealth(side), text);
}

void TestPairStatus::describeActive_data()
{
    QTest::addColumn<PairStatus>("status");
    QTest::addColumn<QString>("text");
    PairStatus p = pair();
    QTest::newRow("held") << p << "secondary ([::1]:4840/ua), held by the operator";
    p.pinned = Side::None;
    p.active = Side::Primary;
    QTest::newRow("by the rules") << p << "primary (10.0.0.1:502)";
    p.passThrough = true;
    QTest::newRow("pass-through") << p
                                  << "primary (10.0.0.1:502), pass-through (redundancy "
                                     "disabled)";
    p.passThrough = false;
    p.active = Side::None;
    QTest::newRow("none") << p << "none: no server is available";
}

void TestPairStatus::describeActive()
{
    QFETCH(PairStatus, status);
    QFETCH(QString, text);
    QCOMPARE(tandem::describeActive(status), text);
}

QTEST_GUILESS_MAIN(TestPairStatus)
#include "tst_pairstatus.moc"
