// The console's own engine is a tandemd child process, never code on the console's GUI
// thread: it fails over while that thread is blocked, it is started again (and the console
// says so) when it crashes, it stops with the console, and what keeps it from starting is
// reported. Against two real pymodbus servers and the tandemd built beside the tests.
#include "base/enginesocket.h"
#include "buildpaths.h"
#include "config/configdocument.h"
#include "host/enginesession.h"
#include "modbuspeer.h"
#include "modbustestclient.h"
#include "tandemdprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <optional>

using namespace tandem;
using namespace tandem::test;

class TestConsoleEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void failsOverWhileTheGuiThreadIsBlocked();
    void chattyEngineIsNotStalledByABlockedConsole();
    void crashedEngineIsStartedAgainAndSaid();
    void engineStopsWithTheConsole();
    void endpointInUseIsReportedAndASaveStartsTheEngine();
    void missingProgramIsNamed();

private:
    TandemPaths paths() const
    {
        return {m_dir->filePath(QStringLiteral("tandem.xml")),
                m_dir->filePath(QStringLiteral("state"))};
    }
    // The pair's answer to a read of holding register 2 (the server's offset): 0 from the
    // primary, 1000 from the secondary, -1 for no answer.
    int whoAnswers(ModbusTestClient &client)
    {
        const ModbusTestClient::Reply reply = client.readHoldingRegisters(1, 1, 1, 3000);
        return reply.ok ? reply.registers.value(0) : -1;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ModbusPeer> m_primary;
    std::unique_ptr<ModbusPeer> m_secondary;
    std::unique_ptr<EngineSession> m_engine;
    quint16 m_port = 0;
};

void TestConsoleEngine::initTestCase()
{
    qputenv("TANDEM_TANDEMD", test::tandemdPath().toLocal8Bit());
}

void TestConsoleEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_primary = std::make_unique<ModbusPeer>();
    m_secondary = std::make_unique<ModbusPeer>();
    QVERIFY(m_primary->start(0));
    QVERIFY(m_secondary->start(1000));
    m_port = TandemdProcess::freePort();
    ConfigDocument doc(paths());
    QVERIFY(doc.load().isEmpty());
    QVERIFY(doc.addPair(testPair(Protocol::ModbusTcp, QStringLiteral("127.0.0.1:%1").arg(m_port),
                                 m_primary->address(), m_secondary->address(), ConnectionMode::Warm,
                                 200, 100))
                .isEmpty());
    QVERIFY(doc.save().isEmpty());
    QVERIFY(doc.setEnabled(QStringLiteral("line1"), true).isEmpty());
    m_engine = std::make_unique<EngineSession>(paths());
    const ConfigIssues issues = m_engine->start();
    QVERIFY2(issues.isEmpty(), qPrintable(joinIssues(issues)));
    QVERIFY(m_engine->isRunning() && !m_engine->isRemote());
    QTRY_COMPARE_WITH_TIMEOUT(
        m_engine->pairStatus(QStringLiteral("line1")).value(QLatin1String("active")).toString(),
        QStringLiteral("primary"), 10000);
}

void TestConsoleEngine::cleanup()
{
    m_engine.reset();
    m_primary.reset();
    m_secondary.reset();
    m_dir.reset();
    qputenv("TANDEM_TANDEMD", test::tandemdPath().toLocal8Bit());
}

void TestConsoleEngine::failsOverWhileTheGuiThreadIsBlocked()
{
    // The engine is another process: this thread's event loop does not run below (a
    // modal dialog's work, a backup), yet clients are served and the pair fails over.
    const qint64 pid = m_engine->remotePid();
    QVERIFY(pid > 0 && pid != QCoreApplication::applicationPid());
    ModbusTestClient client;
    QVERIFY(client.connectTo(QStringLiteral("127.0.0.1"), m_port));
    QCOMPARE(whoAnswers(client), 0);
    m_primary->kill();
    const QDeadlineTimer deadline(10000);
    int answer = -1;
    while (answer != 1000 && !deadline.hasExpired()) {
        answer = whoAnswers(client);
        if (answer < 0 && !client.isConnected())
            QVERIFY(client.connectTo(QStringLiteral("127.0.0.1"), m_port));
    }
    QCOMPARE(answer, 1000);
}

void TestConsoleEngine::chattyEngineIsNotStalledByABlockedConsole()
{
    // Each client that breaks Modbus framing makes the engine write a line to its stderr.
    // This thread reads nothing meanwhile (no event loop): were the pipe read here, it would
    // fill (64 KiB) and the engine would stop, mid-write, until the console read again.
    const QByteArray malformed = QByteArray::fromHex("000100010006010300000001"); // protocol 1
    for (int i = 0; i < 1500; ++i) {
        QTcpSocket hostile;
        hostile.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        QVERIFY2(hostile.waitForConnected(5000), qPrintable(QString::number(i)));
        hostile.write(malformed);
        QVERIFY2(hostile.waitForDisconnected(5000),
                 qPrintable(QStringLiteral("client %1 was not closed").arg(i)));
    }
    ModbusTestClient client;
    QVERIFY(client.connectTo(QStringLiteral("127.0.0.1"), m_port));
    QCOMPARE(whoAnswers(client), 0);
}

void TestConsoleEngine::crashedEngineIsStartedAgainAndSaid()
{
    QSignalSpy failed(m_engine.get(), &EngineSession::commandFailed);
    QSignalSpy changed(m_engine.get(), &EngineSession::engineChanged);
    const qint64 pid = m_engine->remotePid();
    QVERIFY(pid > 0 && pid != QCoreApplication::applicationPid()); // kill(0) hits the group
    ::kill(pid_t(pid), SIGKILL);
    QTRY_COMPARE(failed.size(), 1);
    const QString message = failed.constFirst().constFirst().toString();
    QVERIFY2(message.contains(QStringLiteral("(tandemd, pid %1) stopped unexpectedly").arg(pid)) &&
                 message.contains(QLatin1String("ended by a signal")) &&
                 message.contains(QLatin1String("starts it again")),
             qPrintable(message));
    QVERIFY(!changed.isEmpty());
    // Started again on the same files: a new tandemd runs the pair and serves clients.
    QTRY_VERIFY_WITH_TIMEOUT(m_engine->isRunning() && m_engine->remotePid() > 0, 10000);
    QVERIFY(m_engine->remotePid() != pid);
    QVERIFY(!m_engine->isRemote());
    QCOMPARE(m_engine->description(), QStringLiteral("engine in this console"));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_engine->pairStatus(QStringLiteral("line1")).value(QLatin1String("active")).toString(),
        QStringLiteral("primary"), 10000);
    ModbusTestClient client;
    QVERIFY(client.connectTo(QStringLiteral("127.0.0.1"), m_port));
    QCOMPARE(whoAnswers(client), 0);
    QCOMPARE(failed.size(), 1); // said once
}

void TestConsoleEngine::engineStopsWithTheConsole()
{
    const qint64 pid = m_engine->remotePid();
    QVERIFY(pid > 0 && pid != QCoreApplication::applicationPid());
    QVERIFY(::kill(pid_t(pid), 0) == 0);
    m_engine.reset();
    QVERIFY(::kill(pid_t(pid), 0) != 0); // ended and reaped
    QVERIFY(!EngineSocket::isRunning(paths().stateDir));
    ModbusTestClient client;
    QVERIFY(!client.connectTo(QStringLiteral("127.0.0.1"), m_port, 500));
}

void TestConsoleEngine::endpointInUseIsReportedAndASaveStartsTheEngine()
{
    m_engine.reset();
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, m_port));
    EngineSession session(paths());
    const ConfigIssues issues = session.start();
    QVERIFY(!issues.isEmpty());
    QVERIFY2(joinIssues(issues).contains(QStringLiteral("pair[line1]/listen")),
             qPrintable(joinIssues(issues)));
    QVERIFY(!session.isRunning());
    QCOMPARE(session.description(), QStringLiteral("not running"));
    QVERIFY(!EngineSocket::isRunning(paths().stateDir));

    // The port is free again and the operator saves: the engine starts on the saved files.
    squatter.close();
    std::optional<ConfigIssues> applied;
    connect(&session, &EngineSession::reloaded, this,
            [&applied](const ConfigIssues &issues) { applied = issues; });
    session.reload();
    QVERIFY(applied);
    QVERIFY2(applied->isEmpty(), qPrintable(joinIssues(*applied)));
    QVERIFY(session.isRunning() && !session.isRemote());
    QTRY_COMPARE_WITH_TIMEOUT(
        session.pairStatus(QStringLiteral("line1")).value(QLatin1String("active")).toString(),
        QStringLiteral("primary"), 10000);
}

void TestConsoleEngine::missingProgramIsNamed()
{
    m_engine.reset();
    const QString missing = m_dir->filePath(QStringLiteral("no-such/tandemd"));
    qputenv("TANDEM_TANDEMD", QFile::encodeName(missing));
    EngineSession session(paths());
    const ConfigIssues issues = session.start();
    QVERIFY2(joinIssues(issues).contains(QStringLiteral("cannot start %1").arg(missing)),
             qPrintable(joinIssues(issues)));
    QVERIFY(!session.isRunning());
}

QTEST_MAIN(TestConsoleEngine)
#include "tst_consoleengine.moc"
