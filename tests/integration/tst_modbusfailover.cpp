// The engine against real servers: two independent pymodbus servers as the pair, the
// real tandemd in between, and a plain Modbus TCP client where an HMI would be.
#include "buildpaths.h"
#include "connectionmodes.h"
#include "modbuspeer.h"
#include "modbustestclient.h"
#include "pairrig.h"
#include "tandemdprocess.h"
#include "testpairs.h"

#include "config/configdocument.h"
#include "host/controlserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>

#include <QElapsedTimer>
#include <QTest>

#include <csignal>
#include <memory>

using namespace tandem;
using namespace tandem::test;

namespace {
constexpr quint16 SecondaryOffset = ModbusPairRig::SecondaryOffset;

// Reads the "which server am I" register (protocol address 1 = the peer's offset).
int whoAnswers(ModbusTestClient &client, ModbusTestClient::Reply *reply = nullptr)
{
    const ModbusTestClient::Reply r = client.readHoldingRegisters(1, 1, 1, 3000);
    if (reply)
        *reply = r;
    return r.ok && !r.registers.isEmpty() ? r.registers.first() : -1;
}

struct PollResult
{
    int reads = 0;
    int errors = 0;
    qint64 largestGapMs = 0;
    QStringList errorTexts;
};

// Polls through the proxy until `until` says stop (or the bounded time runs out),
// counting errors and the largest gap between successful reads.
PollResult pollUntil(ModbusTestClient &client, const std::function<bool(int value)> &until,
                     int maxMs = 10000)
{
    PollResult result;
    QElapsedTimer total, sinceOk;
    total.start();
    sinceOk.start();
    while (total.elapsed() < maxMs) {
        ModbusTestClient::Reply reply;
        const int value = whoAnswers(client, &reply);
        ++result.reads;
        if (value < 0) {
            ++result.errors;
            result.errorTexts << reply.error;
            if (!client.isConnected())
                break;
            continue;
        }
        result.largestGapMs = std::max(result.largestGapMs, sinceOk.restart());
        if (until(value))
            break;
        QTest::qWait(10); // the client's own poll cycle, as an HMI polls every 10 ms
    }
    return result;
}
} // namespace

class TestModbusFailover final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void failoverOnCrash_data();
    void failoverOnCrash();
    void failoverOnHang_data();
    void failoverOnHang();
    void failbackWithAlwaysReconnect_data();
    void failbackWithAlwaysReconnect();
    void noFailbackWithoutAlwaysReconnect();
    void failedConnectIsPostedOncePerTransition();
    void bothGoneAnswers0x0A();
    void inFlightWriteAnswers0x0B();
    void inFlightWriteReplayedWhenOptedIn();
    void gatewayExceptionMeansDeviceLost();
    void brokenConfigIsFatal();
    void writesGoToTheActiveOnly();
    void monitorBadQuality();
    void monitorSpecificValue();
    void monitorNoChange();
    void failureCountNeedsEnoughItems();
    void monitorItemThatCannotBeAdded();
    void malformedFrameClosesOnlyThatClient();
    void statusAndManualSwitch();
    void bothInMonitorErrorStaysPut();
    void editsApplyInPlace();
    void reloadKeepsClientsOfUnchangedPairs();
    void endpointInUseIsFatal();
    void sigtermStopsCleanly();

private:
    PairConfig pairConfig(ConnectionMode mode, bool reconnectPrimary = false) const
    {
        return m_rig.pair(mode, 200, 100, reconnectPrimary);
    }
    bool connectClient(ModbusTestClient &client) const
    {
        return client.connectTo(QStringLiteral("127.0.0.1"), m_rig.port);
    }

    ModbusPairRig m_rig;
};

void TestModbusFailover::init()
{
    QVERIFY(m_rig.init());
}

void TestModbusFailover::cleanup()
{
    m_rig.cleanup();
}

void TestModbusFailover::failoverOnCrash_data()
{
    addConnectionModeRows();
}

void TestModbusFailover::failoverOnCrash()
{
    QFETCH(ConnectionMode, mode);
    QVERIFY(m_rig.engine->startWithPair(pairConfig(mode)));
    ModbusTestClient client;
    QVERIFY(connectClient(client));
    QCOMPARE(whoAnswers(client), 0);

    m_rig.primary->kill();
    const PollResult poll = pollUntil(client, [](int v) { return v == SecondaryOffset; });
    QVERIFY2(poll.errors == 0, qPrintable(poll.errorTexts.join(QLatin1String("; "))));
    QCOMPARE(whoAnswers(client), int(SecondaryOffset));
    // Order and outcome here; the gap is the benchmark's figure (tests/bench, failover).
    qInfo("largest gap %lld ms", poll.largestGapMs);
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to secondary machine")));

    const QStringList events = m_rig.engine->events();
    const qsizetype lost =
        events.indexOf(QStringLiteral("Disconnected from 'line1' on primary machine '%1'.")
                           .arg(m_rig.primary->address()));
    const qsizetype promoted = events.indexOf(
        QStringLiteral("Promoted active connection for server 'line1' to secondary machine '%1'.")
            .arg(m_rig.secondary->address()));
    QVERIFY2(lost >= 0 && promoted > lost, qPrintable(events.join(QLatin1Char('\n'))));
    // The first choice at start is no promotion: the fail-over is the only one.
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Promoted active connection")), 1);
}

void TestModbusFailover::failoverOnHang_data()
{
    failoverOnCrash_data();
}

void TestModbusFailover::failoverOnHang()
{
    QFETCH(ConnectionMode, mode);
    QVERIFY(m_rig.engine->startWithPair(pairConfig(mode)));
    ModbusTestClient client;
    QVERIFY(connectClient(client));
    QCOMPARE(whoAnswers(client), 0);

    m_rig.primary->hang();
    const PollResult poll = pollUntil(client, [](int v) { return v == SecondaryOffset; });
    if (mode != ConnectionMode::Cold)
        QVERIFY2(poll.errors == 0, qPrintable(poll.errorTexts.join(QLatin1String("; "))));
    QCOMPARE(whoAnswers(client), int(SecondaryOffset));
    qInfo("largest gap %lld ms", poll.largestGapMs);
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Unable to retrieve status for server 'line1' on primary machine '%1'. "
                       "Server communications has been lost.")
            .arg(m_rig.primary->address())));
    if (mode != ConnectionMode::Cold) { // Cold stays on the secondary, retrying nothing
        // A hung server accepts connections but never answers: retries are failed
        // attempts, posted once, never a stream of Connected/lost pairs.
        QVERIFY(m_rig.engine->waitForLine(QStringLiteral("\"primary\" connect failed"), 10000, 4));
        QCOMPARE(
            m_rig.engine->countEvents(QStringLiteral("Failed to connect to 'line1' on primary")),
            1);
        QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Connected to 'line1' on primary")), 1);
    }
    m_rig.primary->resume();
}

void TestModbusFailover::failbackWithAlwaysReconnect_data()
{
    addConnectionModeRows(false);
}

void TestModbusFailover::failbackWithAlwaysReconnect()
{
    QFETCH(ConnectionMode, mode);
    QVERIFY(m_rig.engine->startWithPair(pairConfig(mode, true)));
    ModbusTestClient client;
    QVERIFY(connectClient(client));
    const quint16 primaryPort = m_rig.primary->port();
    m_rig.primary->kill();
    QVERIFY(pollUntil(client, [](int v) { return v == SecondaryOffset; }).errors == 0);
    QVERIFY(m_rig.primary->start(0, primaryPort));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to primary machine")));
    QElapsedTimer back;
    back.start();
    const PollResult poll = pollUntil(client, [](int v) { return v == 0; });
    QCOMPARE(poll.errors, 0);
    QCOMPARE(whoAnswers(client), 0);
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Connected to 'line1' on primary")), 2);
}

void TestModbusFailover::noFailbackWithoutAlwaysReconnect()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Warm, false)));
    ModbusTestClient client;
    QVERIFY(connectClient(client));
    const quint16 primaryPort = m_rig.primary->port();
    m_rig.primary->kill();
    QVERIFY(pollUntil(client, [](int v) { return v == SecondaryOffset; }).errors == 0);
    QVERIFY(m_rig.primary->start(0, primaryPort));
    // The primary is healthy again (its Connected event comes from its first status
    // answer, the moment a fail-back would be decided) but traffic stays.
    QVERIFY(
        m_rig.engine->waitForEvent(QStringLiteral("Connected to 'line1' on primary"), 10000, 2));
    QCOMPARE(whoAnswers(client), int(SecondaryOffset));
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("to primary machine")), 0);
}

void TestModbusFailover::failedConnectIsPostedOncePerTransition()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Warm)));
    m_rig.primary->kill();
    QVERIFY(m_rig.engine->waitForLine(QStringLiteral("\"primary\" connect failed"), 10000, 5));
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Failed to connect to 'line1' on primary")),
             1);
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Disconnected from 'line1' on primary")), 1);
    // Back and gone again: a second transition, a second event.
    QVERIFY(m_rig.primary->start(
        0,
        quint16(pairConfig(ConnectionMode::Warm).primary.section(QLatin1Char(':'), 1).toUInt())));
    QVERIFY(
        m_rig.engine->waitForEvent(QStringLiteral("Connected to 'line1' on primary"), 10000, 2));
    m_rig.primary->kill();
    QVERIFY(m_rig.engine->waitForEvent(QStringLiteral("Failed to connect to 'line1' on primary"),
                                       10000, 2));
    QVERIFY(m_rig.engine->waitForLine(QStringLiteral("\"primary\" connect failed"), 10000, 10));
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Failed to connect to 'line1' on primary")),
             2);
}

void TestModbusFailover::bothGoneAnswers0x0A()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Warm)));
    ModbusTestClient client;
    QVERIFY(connectClient(client));
    m_rig.primary->kill();
    m_rig.secondary->kill();
    QVERIFY(
        m_rig.engine->waitForEvent(QStringLiteral("Failed to connect to 'line1' on secondary")));
    QVERIFY(m_rig.engine->waitForEvent(QStringLiteral("Failed to connect to 'line1' on primary")));
    QElapsedTimer timer;
    timer.start();
    const ModbusTestClient::Reply reply = client.readHoldingRegisters(1, 1, 1, 3000);
    // An exception answer, not the client's own 3 s timeout: it came at once.
    QCOMPARE(reply.exceptionCode, quint8(0x0A));
    qInfo("0x0A after %lld ms", timer.elapsed());
}

void TestModbusFailover::inFlightWriteAnswers0x0B()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Warm)));
    ModbusTestClient client;
    QVERIFY(connectClient(client));
    QCOMPARE(whoAnswers(client), 0);
    m_rig.primary->hang();
    const ModbusTestClient::Reply write = client.writeSingleRegister(1, 20, 4242, 5000);
    QCOMPARE(write.exceptionCode, quint8(0x0B));
    QCOMPARE(whoAnswers(client), int(SecondaryOffset));
    // Never sent twice: the secondary did not get the write.
    ModbusTestClient direct;
    QVERIFY(direct.connectTo(QStringLiteral("127.0.0.1"), m_rig.secondary->port()));
    QCOMPARE(direct.readHoldingRegisters(1, 20, 1).registers.value(0), quint16(0));
    m_rig.primary->resume();
}

void TestModbusFailover::inFlightWriteReplayedWhenOptedIn()
{
    PairConfig pair = pairConfig(ConnectionMode::Warm);
    pair.writeReplay = true;
    QVERIFY(m_rig.engine->startWithPair(pair));
    ModbusTestClient client;
    QVERIFY(connectClient(client));
    QCOMPARE(whoAnswers(client), 0);
    m_rig.primary->hang();
    const ModbusTestClient::Reply write = client.writeSingleRegister(1, 20, 4242, 5000);
    QVERIFY2(write.ok, qPrintable(write.error));
    ModbusTestClient direct;
    QVERIFY(direct.connectTo(QStringLiteral("127.0.0.1"), m_rig.secondary->port()));
    QCOMPARE(direct.readHoldingRegisters(1, 20, 1).registers.value(0), quint16(4242));
    m_rig.primary->resume();
}

void TestModbusFailover::gatewayExceptionMeansDeviceLost()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Warm)));
    ModbusTestClient client;
    QVERIFY(connectClient(client));
    // A gateway answering 0x0B: it is up, the device behind it is not.
    QVERIFY(m_rig.primary->command(QStringLiteral("exception 11")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Unable to retrieve status for server 'line1' on primary")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to secondary")));
    QCOMPARE(whoAnswers(client), int(SecondaryOffset));
    // Any other exception proves the server alive: status stays fine.
    QVERIFY(m_rig.secondary->command(QStringLiteral("exception 2")));
    // Four status intervals with exception answers: the event must not come.
    QVERIFY(!m_rig.engine->waitForEvent(
        QStringLiteral("Unable to retrieve status for server 'line1' on secondary"), 800));
    QCOMPARE(m_rig.active(), QStringLiteral("secondary"));
    QVERIFY(m_rig.secondary->command(QStringLiteral("normal")));
}

void TestModbusFailover::brokenConfigIsFatal()
{
    QFile file(m_rig.engine->configFile());
    QDir().mkpath(QFileInfo(file).absolutePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<tandem version=\"1\"><pair name=\"x\" "
               "protocol=\"modbus-tcp\"><listen>nowhere</listen></pair></tandem>");
    file.close();
    m_rig.engine->start();
    QVERIFY(m_rig.engine->waitForExit(10000));
    QCOMPARE(m_rig.engine->exitCode(), 1);
    QVERIFY2(m_rig.engine->countLines(QStringLiteral("tandem.xml:1: pair[x]")) >= 1,
             qPrintable(m_rig.engine->lines().join(QLatin1Char('\n'))));
    QCOMPARE(m_rig.engine->countLines(QStringLiteral("not started")), 1);
}

void TestModbusFailover::writesGoToTheActiveOnly()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Hot)));
    ModbusTestClient client;
    QVERIFY(connectClient(client));
    QVERIFY(client.writeSingleRegister(1, 30, 777).ok);
    ModbusTestClient primary, secondary;
    QVERIFY(primary.connectTo(QStringLiteral("127.0.0.1"), m_rig.primary->port()));
    QVERIFY(secondary.connectTo(QStringLiteral("127.0.0.1"), m_rig.secondary->port()));
    QCOMPARE(primary.readHoldingRegisters(1, 30, 1).registers.value(0), quint16(777));
    QCOMPARE(secondary.readHoldingRegisters(1, 30, 1).registers.value(0), quint16(0));
}

void TestModbusFailover::monitorBadQuality()
{
    PairConfig pair = pairConfig(ConnectionMode::Hot);
    MonitorItem item;
    item.itemId = QStringLiteral("400003");
    item.updateRateMs = 100;
    pair.monitorItems << item;
    QVERIFY(m_rig.engine->startWithPair(pair));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test passed for 'line1' on primary")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test passed for 'line1' on secondary")));
    ModbusTestClient client;
    QVERIFY(connectClient(client));
    // Exception answers: the server is alive but its data is bad.
    QVERIFY(m_rig.primary->command(QStringLiteral("exception 4")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test in error for 'line1' on primary")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to secondary")));
    QCOMPARE(whoAnswers(client), int(SecondaryOffset));
    QVERIFY(m_rig.primary->command(QStringLiteral("normal")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test passed for 'line1' on primary"), 10000, 2));
    QCOMPARE(m_rig.engine->countEvents(
                 QStringLiteral("Monitor item test in error for 'line1' on primary")),
             1);
}

void TestModbusFailover::monitorSpecificValue()
{
    PairConfig pair = pairConfig(ConnectionMode::Warm);
    pair.monitorItems << item(QStringLiteral("400011"), Trigger::SpecificValue,
                              QStringLiteral("99"), 100);
    QVERIFY(m_rig.engine->startWithPair(pair));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test passed for 'line1' on primary")));
    QVERIFY(m_rig.primary->command(QStringLiteral("set 10 99")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test in error for 'line1' on primary")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to secondary")));
    // Warm monitors the active side only: the secondary is now tested.
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test passed for 'line1' on secondary")));
}

void TestModbusFailover::monitorNoChange()
{
    PairConfig pair = pairConfig(ConnectionMode::Hot);
    // The peer's counter, +1 every 100 ms.
    pair.monitorItems << item(QStringLiteral("400001"), Trigger::NoChange, QStringLiteral("600"),
                              100);
    QVERIFY(m_rig.engine->startWithPair(pair));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test passed for 'line1' on primary")));
    QVERIFY(m_rig.primary->command(QStringLiteral("stop-counter")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test in error for 'line1' on primary")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to secondary")));
    QVERIFY(m_rig.primary->command(QStringLiteral("start-counter")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test passed for 'line1' on primary"), 10000, 2));
}

void TestModbusFailover::failureCountNeedsEnoughItems()
{
    PairConfig pair = pairConfig(ConnectionMode::Hot);
    for (const char *id : {"400011", "400012"}) {
        pair.monitorItems << item(QLatin1String(id), Trigger::SpecificValue, QStringLiteral("7"),
                                  100);
    }
    pair.failureCount = 2;
    QVERIFY(m_rig.engine->startWithPair(pair));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test passed for 'line1' on primary")));
    QVERIFY(m_rig.primary->command(QStringLiteral("set 10 7")));
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.status()[QLatin1String("primary")]
                                  .toObject()[QLatin1String("monitor-errors")]
                                  .toInt(),
                              1, 10000);
    QCOMPARE(m_rig.active(), QStringLiteral("primary"));
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Monitor item test in error")), 0);
    QVERIFY(m_rig.primary->command(QStringLiteral("set 11 7")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test in error for 'line1' on primary")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to secondary")));
}

void TestModbusFailover::monitorItemThatCannotBeAdded()
{
    PairConfig pair = pairConfig(ConnectionMode::Hot);
    MonitorItem item;
    item.itemId = QStringLiteral("405000"); // beyond the peers' 1000 registers: exception 0x02
    item.updateRateMs = 100;
    pair.monitorItems << item;
    QVERIFY(m_rig.engine->startWithPair(pair));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Attempt to add monitor item '405000' for 'line1' on "
                       "primary machine '%1' failed. This monitor item "
                       "will be considered in error.")
            .arg(m_rig.primary->address())));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test in error for 'line1' on primary")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test in error for 'line1' on secondary")));
}

void TestModbusFailover::malformedFrameClosesOnlyThatClient()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Warm)));
    ModbusTestClient good, bad;
    QVERIFY(connectClient(good));
    QVERIFY(connectClient(bad));
    bad.sendRaw(QByteArray::fromHex("0001000500060103000000010000")); // protocol id 5
    QTRY_VERIFY_WITH_TIMEOUT(!bad.isConnected() || !bad.readHoldingRegisters(1, 1, 1, 500).ok,
                             5000);
    QCOMPARE(whoAnswers(good), 0);
    // A client-triggered event names the client's process, found through /proc.
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Closed the connection of a client of 'line1' from 127.0.0.1:")));
    const QString line = m_rig.engine->lines()
                             .filter(QStringLiteral("Closed the connection of a client"))
                             .constFirst();
    QCOMPARE(line.section(QLatin1Char('\t'), 2, 2),
             QStringLiteral("tst_modbusfailover (%1)").arg(QCoreApplication::applicationPid()));
    QCOMPARE(line.section(QLatin1Char('\t'), 3, 3), QStringLiteral("Warning"));
    ModbusTestClient oversized;
    QVERIFY(connectClient(oversized));
    oversized.sendRaw(QByteArray::fromHex("0001000001000103"));
    QTRY_VERIFY_WITH_TIMEOUT(
        !oversized.isConnected() || !oversized.readHoldingRegisters(1, 1, 1, 500).ok, 5000);
    QCOMPARE(whoAnswers(good), 0);
}

void TestModbusFailover::statusAndManualSwitch()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Warm)));
    QJsonObject status = m_rig.status();
    QCOMPARE(status[QLatin1String("active")].toString(), QStringLiteral("primary"));
    QTRY_VERIFY(
        m_rig.status()[QLatin1String("secondary")].toObject()[QLatin1String("status-ok")].toBool());
    QString error;
    const auto answer =
        ControlClient::request(m_rig.engine->stateDir(),
                               {{QStringLiteral("command"), QStringLiteral("make-active")},
                                {QStringLiteral("pair"), QStringLiteral("line1")},
                                {QStringLiteral("side"), QStringLiteral("secondary")}},
                               3000, &error);
    QVERIFY2(answer && answer->value(QLatin1String("ok")).toBool(), qPrintable(error));
    ModbusTestClient client;
    QVERIFY(connectClient(client));
    QCOMPARE(whoAnswers(client), int(SecondaryOffset));
    status = m_rig.status();
    QCOMPARE(status[QLatin1String("active")].toString(), QStringLiteral("secondary"));
    QCOMPARE(status[QLatin1String("failovers")].toInt(), 1);

    // The same through the real tandemctl.
    QProcess ctl;
    ctl.start(test::tandemctlPath(), {QStringLiteral("--config"), m_rig.engine->configFile(),
                                      QStringLiteral("--state-dir"), m_rig.engine->stateDir(),
                                      QStringLiteral("status"), QStringLiteral("--json")});
    QVERIFY(ctl.waitForFinished(10000));
    QCOMPARE(ctl.exitCode(), 0);
    const QJsonObject json = QJsonDocument::fromJson(ctl.readAllStandardOutput()).object();
    const QJsonObject pair = json[QLatin1String("pairs")].toArray().at(0).toObject();
    QCOMPARE(pair[QLatin1String("active")].toString(), QStringLiteral("secondary"));
    QCOMPARE(pair[QLatin1String("primary")].toObject()[QLatin1String("machine")].toString(),
             m_rig.primary->address());
    ctl.start(test::tandemctlPath(),
              {QStringLiteral("--config"), m_rig.engine->configFile(),
               QStringLiteral("--state-dir"), m_rig.engine->stateDir(), QStringLiteral("status")});
    QVERIFY(ctl.waitForFinished(10000));
    const QString text = QString::fromUtf8(ctl.readAllStandardOutput());
    QVERIFY2(text.contains(QStringLiteral("line1\tactive: secondary (%1), held by the "
                                          "operator\tfail-overs: 1")
                               .arg(m_rig.secondary->address())),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("last switch: made active by the operator")),
             qPrintable(text));

    // tandemctl pair switch: back to automatic, then a hold on the primary, which ends
    // (with its reason) when the primary dies.
    const auto tandemctl = [this](const QStringList &args, QString *out) {
        QProcess p;
        p.start(test::tandemctlPath(),
                QStringList{QStringLiteral("--config"), m_rig.engine->configFile(),
                            QStringLiteral("--state-dir"), m_rig.engine->stateDir()} +
                    args);
        p.waitForFinished(10000);
        *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        return p.exitCode();
    };
    QString out;
    QCOMPARE(tandemctl({QStringLiteral("pair"), QStringLiteral("switch"), QStringLiteral("line1"),
                        QStringLiteral("sideways")},
                       &out),
             2);
    QVERIFY2(out.contains(QStringLiteral("'sideways' is not primary, secondary or auto")),
             qPrintable(out));
    QCOMPARE(tandemctl({QStringLiteral("pair"), QStringLiteral("switch"), QStringLiteral("line1"),
                        QStringLiteral("auto")},
                       &out),
             0);
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("'line1' returned to automatic fail-over; secondary machine")));
    QCOMPARE(m_rig.status()[QLatin1String("pinned")].toString(), QString());
    QCOMPARE(tandemctl({QStringLiteral("pair"), QStringLiteral("switch"), QStringLiteral("line1"),
                        QStringLiteral("primary")},
                       &out),
             0);
    QCOMPARE(whoAnswers(client), 0);
    m_rig.primary->kill();
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("The operator's hold on primary machine '%1' for 'line1' ended")
            .arg(m_rig.primary->address())));
    QCOMPARE(whoAnswers(client), int(SecondaryOffset));
    // A lost machine cannot be held, and tandemctl says why.
    QCOMPARE(tandemctl({QStringLiteral("pair"), QStringLiteral("switch"), QStringLiteral("line1"),
                        QStringLiteral("primary")},
                       &out),
             1);
    QVERIFY2(out.contains(QStringLiteral("the primary machine of 'line1' has no communication")),
             qPrintable(out));
}

// The issue's own trial: a Warm pair with one monitor item and always reconnect, the device
// behind both servers gone. It switched 26,776 times in 6 s; it must not switch at all.
void TestModbusFailover::bothInMonitorErrorStaysPut()
{
    PairConfig pair = pairConfig(ConnectionMode::Warm, true);
    pair.monitorItems << item(QStringLiteral("400011"), Trigger::SpecificValue, QStringLiteral("1"),
                              200);
    QVERIFY(m_rig.engine->startWithPair(pair));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test passed for 'line1' on secondary")));
    QVERIFY(m_rig.secondary->command(QStringLiteral("set 10 1")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test in error for 'line1' on secondary")));
    QVERIFY(m_rig.primary->command(QStringLiteral("set 10 1")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Both machines of 'line1' report monitor errors")));
    // The device comes back behind the primary: the next result there ends the episode.
    QVERIFY(m_rig.primary->command(QStringLiteral("set 10 0")));
    QVERIFY(m_rig.engine->waitForEvent(
        QStringLiteral("Monitor item test passed for 'line1' on primary"), 10000, 2));
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Promoted active connection")), 0);
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("report monitor errors")), 1);
    const QJsonObject status = m_rig.status();
    QCOMPARE(status[QLatin1String("active")].toString(), QStringLiteral("primary"));
    QCOMPARE(status[QLatin1String("failovers")].toInt(), 0);
    QCOMPARE(status[QLatin1String("secondary")][QLatin1String("health")].toString(),
             QStringLiteral("monitor-error"));
}

// A changed status interval, persistence or mode applies to the running pair: its client
// keeps its connection and the servers are not connected again.
void TestModbusFailover::editsApplyInPlace()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Warm)));
    QVERIFY(m_rig.engine->waitForEvent(QStringLiteral("Connected to 'line1' on secondary")));
    ModbusTestClient client;
    QVERIFY(connectClient(client));
    QCOMPARE(whoAnswers(client), 0);
    QProcess ctl;
    ctl.start(test::tandemctlPath(),
              {QStringLiteral("--config"), m_rig.engine->configFile(),
               QStringLiteral("--state-dir"), m_rig.engine->stateDir(), QStringLiteral("pair"),
               QStringLiteral("set"), QStringLiteral("line1"), QStringLiteral("--status-interval"),
               QStringLiteral("300"), QStringLiteral("--failure-persistence"), QStringLiteral("2"),
               QStringLiteral("--mode"), QStringLiteral("hot")});
    QVERIFY(ctl.waitForFinished(10000));
    QCOMPARE(ctl.exitCode(), 0);
    QVERIFY(m_rig.engine->waitForLine(QStringLiteral("changing pair \"line1\" in place")));
    QVERIFY(client.isConnected());
    QCOMPARE(whoAnswers(client), 0);
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Connected to 'line1' on primary")), 1);
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Connected to 'line1' on secondary")), 1);
    QCOMPARE(m_rig.status()[QLatin1String("mode")].toString(), QStringLiteral("hot"));
    // A changed endpoint rebinds: the old endpoint's client is closed.
    const quint16 newPort = TandemdProcess::freePort();
    ctl.start(test::tandemctlPath(),
              {QStringLiteral("--config"), m_rig.engine->configFile(),
               QStringLiteral("--state-dir"), m_rig.engine->stateDir(), QStringLiteral("pair"),
               QStringLiteral("set"), QStringLiteral("line1"), QStringLiteral("--listen"),
               QStringLiteral("127.0.0.1:%1").arg(newPort)});
    QVERIFY(ctl.waitForFinished(10000));
    QCOMPARE(ctl.exitCode(), 0);
    QVERIFY(m_rig.engine->waitForEvent(QStringLiteral("Started redundancy for 'line1': primary"),
                                       10000, 2));
    ModbusTestClient moved;
    QVERIFY(moved.connectTo(QStringLiteral("127.0.0.1"), newPort));
    QCOMPARE(whoAnswers(moved), 0);
}

void TestModbusFailover::reloadKeepsClientsOfUnchangedPairs()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Warm)));
    ModbusTestClient client;
    QVERIFY(connectClient(client));
    QCOMPARE(whoAnswers(client), 0);
    // Add a second pair and reload with SIGHUP: the first pair's client keeps its socket.
    Configuration config = Configuration::createNew();
    PairConfig second = pairConfig(ConnectionMode::Hot);
    second.name = QStringLiteral("line2");
    const quint16 secondPort = TandemdProcess::freePort();
    second.endpoint = QStringLiteral("127.0.0.1:%1").arg(secondPort);
    ConfigDocument doc({m_rig.engine->configFile(), m_rig.engine->stateDir()});
    QVERIFY(doc.load().isEmpty());
    QVERIFY(doc.addPair(second).isEmpty());
    QVERIFY(doc.save().isEmpty());
    QVERIFY(doc.setEnabled(QStringLiteral("line2"), true).isEmpty());
    m_rig.engine->sendSignal(SIGHUP);
    QVERIFY(m_rig.engine->waitForEvent(QStringLiteral("Started redundancy for 'line2': primary")));
    QVERIFY(client.isConnected());
    QCOMPARE(whoAnswers(client), 0);
    ModbusTestClient second2;
    QVERIFY(second2.connectTo(QStringLiteral("127.0.0.1"), secondPort));
    QCOMPARE(whoAnswers(second2), 0);
    // Disabling line2 takes its redundancy away at once (through the control socket, as
    // tandemctl does): its client stays connected and is served by the primary only.
    QVERIFY(doc.setEnabled(QStringLiteral("line2"), false).isEmpty());
    QString error;
    QVERIFY(ControlClient::request(m_rig.engine->stateDir(),
                                   {{QStringLiteral("command"), QStringLiteral("reload")}}, 3000,
                                   &error));
    QVERIFY(m_rig.engine->waitForEvent(QStringLiteral("Disconnected from 'line2' on secondary")));
    QTRY_VERIFY(
        m_rig.engine->pairStatus(QStringLiteral("line2"))[QLatin1String("pass-through")].toBool());
    m_rig.secondary->kill(); // no fail-over for a pass-through pair, and none needed
    QCOMPARE(whoAnswers(second2), 0);
    // Removing it closes its endpoint.
    QVERIFY(doc.removePair(QStringLiteral("line2")).isEmpty());
    QVERIFY(doc.save().isEmpty());
    QVERIFY(ControlClient::request(m_rig.engine->stateDir(),
                                   {{QStringLiteral("command"), QStringLiteral("reload")}}, 3000,
                                   &error));
    QTRY_VERIFY(!second2.isConnected() || !second2.readHoldingRegisters(1, 1, 1, 300).ok);
    QCOMPARE(whoAnswers(client), 0);
}

void TestModbusFailover::endpointInUseIsFatal()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, m_rig.port));
    Configuration config = Configuration::createNew();
    config.pairs << pairConfig(ConnectionMode::Warm);
    QVERIFY(m_rig.engine->writeConfig(config, {QStringLiteral("line1")}));
    m_rig.engine->start();
    QVERIFY(m_rig.engine->waitForExit(10000));
    QCOMPARE(m_rig.engine->exitCode(), 1);
    QVERIFY2(m_rig.engine->countLines(
                 QStringLiteral("cannot listen on 127.0.0.1:%1").arg(m_rig.port)) == 1,
             qPrintable(m_rig.engine->lines().join(QLatin1Char('\n'))));
}

void TestModbusFailover::sigtermStopsCleanly()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Hot)));
    QVERIFY(m_rig.engine->waitForEvent(QStringLiteral("Connected to 'line1' on secondary")));
    m_rig.engine->terminate();
    QVERIFY(m_rig.engine->waitForExit(10000));
    QCOMPARE(m_rig.engine->exitCode(), 0);
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Disconnected from 'line1' on primary")), 1);
    QCOMPARE(m_rig.engine->countEvents(QStringLiteral("Disconnected from 'line1' on secondary")),
             1);
    QCOMPARE(
        m_rig.engine->countEvents(QStringLiteral("Tandem engine started with 1 pair(s) running.")),
        1);
    QCOMPARE(m_rig.engine->events().constLast(), QStringLiteral("Tandem engine stopped."));
}

QTEST_GUILESS_MAIN(TestModbusFailover)
#include "tst_modbusfailover.moc"
