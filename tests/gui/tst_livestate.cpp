// The console's live view of the engine: General tab state, manual switch, and
// Enable/Disable taking effect at once — against the console's own engine (the tandemd it
// starts) and two real pymodbus servers.
#include "buildpaths.h"
#include "consolefiles.h"
#include "host/enginesession.h"
#include "mainwindow.h"
#include "modbuspeer.h"
#include "pages/generalpage.h"
#include "servertree.h"
#include "tandemdprocess.h"
#include "widgetlookup.h"

#include <QAction>
#include <QEventLoop>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

using namespace tandem;
using namespace tandem::test;

namespace {
// mbpoll, an independent Modbus client in a process of its own; the test's event loop
// keeps running while it works.
int readThroughMbpoll(quint16 port)
{
    QProcess mbpoll;
    QEventLoop loop;
    QObject::connect(&mbpoll, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    mbpoll.start(QStringLiteral("mbpoll"),
                 {QStringLiteral("-m"), QStringLiteral("tcp"), QStringLiteral("-p"),
                  QString::number(port), QStringLiteral("-a"), QStringLiteral("1"),
                  QStringLiteral("-r"), QStringLiteral("2"), QStringLiteral("-c"),
                  QStringLiteral("1"), QStringLiteral("-1"), QStringLiteral("127.0.0.1")});
    loop.exec();
    const QString out = QString::fromUtf8(mbpoll.readAllStandardOutput());
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("\\[2\\]:\\s+(-?\\d+)")).match(out);
    return mbpoll.exitCode() == 0 && m.hasMatch() ? m.captured(1).toInt() : -1;
}
} // namespace

class TestLiveState final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsStateAndSwitchesByHand();
    void disablePassesThroughToThePrimary();
    void daemonsEngineIsShownWhenItRuns();

private:
    QString text(QWidget *root, const char *name) const
    {
        return child<QLabel>(root, name)->text();
    }

    std::unique_ptr<ConsoleFiles> m_files;
    std::unique_ptr<ModbusPeer> m_primary;
    std::unique_ptr<ModbusPeer> m_secondary;
    ConfigDocument *m_doc = nullptr;
    std::unique_ptr<EngineSession> m_engine;
    quint16 m_port = 0;
};

void TestLiveState::initTestCase()
{
    // The console's own engine: the tandemd built beside the tests.
    qputenv("TANDEM_TANDEMD", test::tandemdPath().toLocal8Bit());
}

void TestLiveState::init()
{
    m_files = std::make_unique<ConsoleFiles>();
    m_primary = std::make_unique<ModbusPeer>();
    m_secondary = std::make_unique<ModbusPeer>();
    QVERIFY(m_primary->start(0));
    QVERIFY(m_secondary->start(1000));
    m_port = TandemdProcess::freePort();
    QVERIFY(m_files->open(
        {testPair(Protocol::ModbusTcp, QStringLiteral("127.0.0.1:%1").arg(m_port),
                  m_primary->address(), m_secondary->address(), ConnectionMode::Warm, 200, 100)}));
    m_doc = m_files->document();
    QVERIFY(m_doc->setEnabled(QStringLiteral("line1"), true).isEmpty());
    m_engine = std::make_unique<EngineSession>(m_files->paths());
    const ConfigIssues issues = m_engine->start();
    QVERIFY2(issues.isEmpty(), qPrintable(joinIssues(issues)));
    QVERIFY(m_engine->isRunning() && !m_engine->isRemote());
}

void TestLiveState::cleanup()
{
    m_engine.reset();
    m_files.reset();
    m_primary.reset();
    m_secondary.reset();
}

void TestLiveState::showsStateAndSwitchesByHand()
{
    GeneralPage page(m_doc);
    page.setEngine(m_engine.get());
    page.setPair(QStringLiteral("line1"));
    page.show();
    QTRY_VERIFY_WITH_TIMEOUT(text(&page, "activeMachine").startsWith(QStringLiteral("primary")),
                             10000);
    QTRY_COMPARE(text(&page, "secondaryHealth"), QStringLiteral("healthy"));
    QCOMPARE(text(&page, "lastFailover"), QStringLiteral("none since start"));
    auto *makeSecondary = child<QPushButton>(&page, "makeSecondaryActive");
    auto *makePrimary = child<QPushButton>(&page, "makePrimaryActive");
    // Holding the active primary is allowed (maintenance on the secondary), nothing is held yet.
    QVERIFY(makePrimary->isEnabled());
    QVERIFY(!child<QPushButton>(&page, "returnToAutomatic")->isEnabled());
    QTest::mouseClick(makeSecondary, Qt::LeftButton);
    QTRY_VERIFY(text(&page, "activeMachine").startsWith(QStringLiteral("secondary")));
    // The operator's hold: said, and ended with Return to automatic.
    QVERIFY2(text(&page, "activeMachine").endsWith(QStringLiteral("held by the operator")),
             qPrintable(text(&page, "activeMachine")));
    QVERIFY(text(&page, "lastFailover").contains(QStringLiteral("1 fail-over")));
    QVERIFY(text(&page, "lastFailover").contains(QStringLiteral("made active by the operator")));
    auto *automatic = child<QPushButton>(&page, "returnToAutomatic");
    QVERIFY(automatic->isEnabled());
    // Clients follow the switch.
    QCOMPARE(readThroughMbpoll(m_port), 1000);
    QTest::mouseClick(automatic, Qt::LeftButton);
    QTRY_VERIFY(!text(&page, "activeMachine").contains(QStringLiteral("held by the operator")));
    QVERIFY(!automatic->isEnabled());
    // Without always reconnect the rules see no reason to move back.
    QVERIFY(text(&page, "activeMachine").startsWith(QStringLiteral("secondary")));
    // A dead primary cannot be made active, and the page says why.
    m_primary->kill();
    QTRY_VERIFY_WITH_TIMEOUT(text(&page, "primaryHealth").startsWith(QStringLiteral("lost")),
                             10000);
    QVERIFY(!makePrimary->isEnabled());
}

void TestLiveState::disablePassesThroughToThePrimary()
{
    MainWindow window(m_doc, m_engine.get());
    window.show();
    auto *tree = child<ServerTree>(&window, "serverTree");
    tree->selectPair(QStringLiteral("line1"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_engine->pairStatus(QStringLiteral("line1")).isEmpty(), 10000);
    auto *toggle = child<QAction>(&window, "actionEnable");
    QCOMPARE(toggle->text(), QStringLiteral("&Disable Redundancy"));
    // Disabled, the pair keeps its endpoint and serves its clients from the primary only,
    // as the reference manual's clients then talk to their server directly.
    m_secondary.reset(); // even with the secondary gone, nothing switches
    toggle->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(text(&window, "activeMachine")
                                 .endsWith(QStringLiteral("pass-through (redundancy disabled)")),
                             10000);
    QVERIFY(m_engine->pairStatus(QStringLiteral("line1"))[QLatin1String("pass-through")].toBool());
    QCOMPARE(readThroughMbpoll(m_port), 0);
    toggle->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_engine->pairStatus(QStringLiteral("line1"))[QLatin1String("pass-through")].toBool(),
        10000);
    QTRY_VERIFY_WITH_TIMEOUT(text(&window, "activeMachine").startsWith(QStringLiteral("primary")),
                             10000);
    QCOMPARE(readThroughMbpoll(m_port), 0);
}

void TestLiveState::daemonsEngineIsShownWhenItRuns()
{
    // A tandemd already serves another state directory: a console there shows its state.
    m_engine.reset();
    TandemdProcess daemon;
    Configuration config = Configuration::createNew();
    PairConfig p = *m_doc->pair(QStringLiteral("line1"));
    p.endpoint = QStringLiteral("127.0.0.1:%1").arg(TandemdProcess::freePort());
    config.pairs << p;
    QVERIFY(daemon.writeConfig(config, {QStringLiteral("line1")}));
    QVERIFY(daemon.start());
    ConfigDocument doc({daemon.configFile(), daemon.stateDir()});
    QVERIFY(doc.load().isEmpty());
    EngineSession session({daemon.configFile(), daemon.stateDir()});
    QVERIFY(session.start().isEmpty());
    QVERIFY(session.isRemote());
    QTRY_COMPARE(session.description(), QStringLiteral("tandemd (pid %1)").arg(daemon.processId()));
    GeneralPage page(&doc);
    page.setEngine(&session);
    page.setPair(QStringLiteral("line1"));
    QTRY_VERIFY_WITH_TIMEOUT(text(&page, "activeMachine").startsWith(QStringLiteral("primary")),
                             10000);
    QTRY_COMPARE(text(&page, "secondaryHealth"), QStringLiteral("healthy"));
    QTest::mouseClick(child<QPushButton>(&page, "makeSecondaryActive"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(text(&page, "activeMachine").startsWith(QStringLiteral("secondary")),
                             5000);
    QVERIFY(daemon.waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to secondary")));
}

QTEST_MAIN(TestLiveState)
#include "tst_livestate.moc"
