// Tools › Install As Service..., Uninstall As Service and Reset Prompt Dialogs in the
// console. systemd cannot run here: systemctl is tests/support/fake-systemctl, which starts
// the unit's ExecStart (the real tandemd) on `enable --now` as systemd would.
#include "buildpaths.h"
#include "consolefiles.h"
#include "host/controlserver.h"
#include "host/enginesession.h"
#include "mainwindow.h"
#include "modaldialogs.h"
#include "rememberedprompt.h"
#include "service/serviceunit.h"
#include "tandemdprocess.h"
#include "widgetlookup.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace tandem;
using tandem::test::pressButton;
using tandem::test::whenModal;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool listening(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return socket.waitForConnected(1000);
}
} // namespace

class TestServiceUi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void toolsMenuHasTheServiceActions();
    void withoutSystemdTheUnitFileIsWrittenOnly();
    void resetPromptDialogsAsksAgain();
    void closingStopsPairsAsksUnlessToldNotTo();
    void userServiceTakesOverTheConsolesPairsAndGivesThemBack();

private:
    TandemPaths paths() const { return m_files->paths(); }
    void open();
    QAction *action(const char *name) const { return test::child<QAction>(m_window.get(), name); }
    QString fake(const QString &name) const { return m_fake.filePath(name); }

    QTemporaryDir m_xdg;
    QTemporaryDir m_fake;
    std::unique_ptr<test::ConsoleFiles> m_files;
    quint16 m_port = 0;
    ConfigDocument *m_doc = nullptr;
    std::unique_ptr<EngineSession> m_engine;
    std::unique_ptr<MainWindow> m_window;
};

void TestServiceUi::initTestCase()
{
    // Never the user's own settings or units, also when run outside ctest.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_xdg.filePath(QStringLiteral("config"))));
    qputenv("TANDEM_SYSTEMCTL", test::sourcePath("tests/support/fake-systemctl").toLocal8Bit());
    qputenv("TANDEM_PKEXEC", test::sourcePath("tests/support/fake-pkexec").toLocal8Bit());
    qputenv("TANDEM_TANDEMD", test::tandemdPath().toLocal8Bit());
    qputenv("FAKE_SYSTEMD_START", "1");
    qputenv("FAKE_SYSTEMD_DIR", QFile::encodeName(m_fake.path()));
}

void TestServiceUi::init()
{
    QDir().mkpath(fake(QStringLiteral("run-systemd-system")));
    qputenv("TANDEM_SYSTEMD_RUNTIME_DIR",
            QFile::encodeName(fake(QStringLiteral("run-systemd-system"))));
    m_files = std::make_unique<test::ConsoleFiles>();
    // One enabled pair, so the console's own engine serves an endpoint.
    m_port = test::TandemdProcess::freePort();
    QVERIFY(m_files->open(
        {test::testPair(Protocol::ModbusTcp, QStringLiteral("127.0.0.1:%1").arg(m_port),
                        QStringLiteral("127.0.0.1:1"), QStringLiteral("127.0.0.1:2"),
                        ConnectionMode::Warm, 1000, 500)}));
    QVERIFY(m_files->document()->setEnabled(QStringLiteral("line1"), true).isEmpty());
    RememberedPrompt::resetAll();
    open();
}

void TestServiceUi::open()
{
    m_files->open(); // the console's document, read from the files
    m_doc = m_files->document();
    m_engine = std::make_unique<EngineSession>(paths());
    QVERIFY(m_engine->start().isEmpty());
    m_window = std::make_unique<MainWindow>(m_doc, m_engine.get());
    QVERIFY(test::shown(m_window.get()));
}

void TestServiceUi::cleanup()
{
    m_window.reset();
    m_engine.reset();
    m_files.reset();
    // A tandemd the fake systemd started must not outlive the test.
    const qint64 pid = readAll(fake(QStringLiteral("user.pid"))).trimmed().toLongLong();
    if (pid > 0)
        ::kill(pid_t(pid), SIGKILL);
    for (const QString &file : QDir(m_fake.path()).entryList(QDir::Files))
        QFile::remove(fake(file));
    QFile::remove(ServiceUnit::userUnitDir() + QStringLiteral("/tandemd.service"));
}

void TestServiceUi::toolsMenuHasTheServiceActions()
{
    auto *tools = m_window->findChild<QMenu *>(QStringLiteral("menuTools"));
    QVERIFY(tools);
    QStringList texts;
    for (QAction *a : tools->actions())
        if (!a->isSeparator())
            texts << a->text().remove(QLatin1Char('&'));
    QCOMPARE(texts,
             (QStringList{
                 QStringLiteral("Check Configuration"), QStringLiteral("Certificates..."),
                 QStringLiteral("OPC UA Users..."), QStringLiteral("Install As Service..."),
                 QStringLiteral("Uninstall As Service"), QStringLiteral("Reset Prompt Dialogs")}));
    QVERIFY(action("actionInstallService")->isEnabled());
    QVERIFY(!action("actionUninstallService")->isEnabled()); // nothing installed
    QVERIFY(action("actionResetPromptDialogs")->isEnabled());
}

void TestServiceUi::withoutSystemdTheUnitFileIsWrittenOnly()
{
    qputenv("TANDEM_SYSTEMD_RUNTIME_DIR", QFile::encodeName(fake(QStringLiteral("no-systemd"))));
    const QString target = m_files->filePath(QStringLiteral("for later/tandemd.service"));
    QString written;
    whenModal([&](QWidget *dialog) {
        QCOMPARE(dialog->objectName(), QStringLiteral("installServiceDialog"));
        auto *missing = dialog->findChild<QLabel *>(QStringLiteral("systemdMissing"));
        QVERIFY(missing && missing->isVisible());
        QVERIFY(missing->text().contains(QStringLiteral("systemd is not running")));
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("installButton")));
        auto *location = dialog->findChild<QLineEdit *>(QStringLiteral("unitFileLocation"));
        QCOMPARE(location->text(), QStringLiteral("/etc/systemd/system/tandemd.service"));
        // A wide radio button takes clicks on its indicator and text only: click() it.
        dialog->findChild<QRadioButton *>(QStringLiteral("userScope"))->click();
        QCOMPARE(location->text(), ServiceUnit::userUnitDir() + QStringLiteral("/tandemd.service"));
        location->setText(target);
        whenModal([&](QWidget *box) {
            QCOMPARE(box->objectName(), QStringLiteral("unitFileWritten"));
            written = qobject_cast<QMessageBox *>(box)->informativeText();
            pressButton(box, QMessageBox::Ok);
        });
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("writeUnitButton")),
                          Qt::LeftButton);
    });
    action("actionInstallService")->trigger();
    QCOMPARE(QString::fromUtf8(readAll(target)),
             ServiceUnit::text(ServiceScope::User, test::tandemdPath(), paths()));
    QVERIFY2(written.contains(QStringLiteral("Copy it to ") + ServiceUnit::userUnitDir()),
             qPrintable(written));
    QVERIFY2(written.contains(QStringLiteral("--user daemon-reload && ")), qPrintable(written));
    // Nothing was run and the console keeps running its pairs.
    QVERIFY(!QFile::exists(fake(QStringLiteral("calls"))));
    QVERIFY(m_engine->isRunning() && !m_engine->isRemote());
    QVERIFY(listening(m_port));
}

void TestServiceUi::resetPromptDialogsAsksAgain()
{
    const auto ask = [this] {
        return RememberedPrompt::ask(m_window.get(), QStringLiteral("testRoutine"),
                                     QMessageBox::Question, QStringLiteral("Test"),
                                     QStringLiteral("Go on?"), QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::Yes);
    };
    bool hadCheckBox = false;
    whenModal([&](QWidget *modal) {
        QCOMPARE(modal->objectName(), QStringLiteral("testRoutinePrompt"));
        auto *dontAsk = modal->findChild<QCheckBox *>(QStringLiteral("dontAskAgain"));
        hadCheckBox = dontAsk && !dontAsk->isChecked();
        dontAsk->setChecked(true);
        pressButton(modal, QMessageBox::Yes);
    });
    QCOMPARE(ask(), QMessageBox::Yes);
    QVERIFY(hadCheckBox);
    QVERIFY(RememberedPrompt::isRemembered(QStringLiteral("testRoutine")));
    {
        // Remembered: answered without a dialog. Were one shown, this answers No.
        QTimer refuse;
        refuse.setInterval(10);
        connect(&refuse, &QTimer::timeout, this, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::No)->click();
        });
        refuse.start();
        QCOMPARE(ask(), QMessageBox::Yes);
    }

    QString resetText;
    whenModal([&](QWidget *modal) {
        QCOMPARE(modal->objectName(), QStringLiteral("promptsResetMessage"));
        resetText = qobject_cast<QMessageBox *>(modal)->text();
        pressButton(modal, QMessageBox::Ok);
    });
    action("actionResetPromptDialogs")->trigger();
    QVERIFY2(resetText.contains(QStringLiteral("will be shown again")), qPrintable(resetText));
    QVERIFY(!RememberedPrompt::isRemembered(QStringLiteral("testRoutine")));

    bool shown = false;
    whenModal([&](QWidget *modal) {
        shown = modal->objectName() == QStringLiteral("testRoutinePrompt");
        pressButton(modal, QMessageBox::No);
    });
    QCOMPARE(ask(), QMessageBox::No);
    QVERIFY(shown);
}

void TestServiceUi::closingStopsPairsAsksUnlessToldNotTo()
{
    QTRY_COMPARE(m_engine->status().value(QLatin1String("pairs")).toArray().size(), 1);
    QString text;
    whenModal([&](QWidget *modal) {
        QCOMPARE(modal->objectName(), QStringLiteral("closeStopsPairsPrompt"));
        text = qobject_cast<QMessageBox *>(modal)->text();
        // Cancel is never remembered, even with the box ticked.
        modal->findChild<QCheckBox *>(QStringLiteral("dontAskAgain"))->setChecked(true);
        pressButton(modal, QMessageBox::Cancel);
    });
    QVERIFY(!m_window->close());
    QCOMPARE(text, QStringLiteral("Pairs stop when the console closes. Install as a service to "
                                  "keep them running."));
    QVERIFY(!RememberedPrompt::isRemembered(QStringLiteral("closeStopsPairs")));

    whenModal([&](QWidget *modal) {
        modal->findChild<QCheckBox *>(QStringLiteral("dontAskAgain"))->setChecked(true);
        pressButton(modal, QMessageBox::Close);
    });
    QVERIFY(m_window->close());
    QVERIFY(RememberedPrompt::isRemembered(QStringLiteral("closeStopsPairs")));
    m_window->show();
    QVERIFY(m_window->close()); // not asked again: nothing would answer a dialog here
}

void TestServiceUi::userServiceTakesOverTheConsolesPairsAndGivesThemBack()
{
    QVERIFY(m_engine->isRunning() && !m_engine->isRemote());
    QTRY_VERIFY(listening(m_port));
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("engineLabel"));
    QCOMPARE(label->text(), QStringLiteral("Engine: engine in this console"));
    // The console's own engine is a tandemd of its own, never this process.
    const qint64 own = m_engine->remotePid();
    QVERIFY(own > 0 && own != QCoreApplication::applicationPid());

    whenModal([](QWidget *dialog) {
        QCOMPARE(dialog->objectName(), QStringLiteral("installServiceDialog"));
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("systemdMissing")));
        // A wide radio button takes clicks on its indicator and text only: click() it.
        dialog->findChild<QRadioButton *>(QStringLiteral("userScope"))->click();
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("installButton")),
                          Qt::LeftButton);
    });
    action("actionInstallService")->trigger();

    // systemd (the fake) started the unit's tandemd on the console's own files ...
    const QString unit = ServiceUnit::userUnitDir() + QStringLiteral("/tandemd.service");
    QCOMPARE(QString::fromUtf8(readAll(unit)),
             ServiceUnit::text(ServiceScope::User, test::tandemdPath(), paths()));
    QTRY_VERIFY(QFile::exists(fake(QStringLiteral("user.pid"))));
    const qint64 pid = readAll(fake(QStringLiteral("user.pid"))).trimmed().toLongLong();
    QVERIFY(pid > 0 && pid != QCoreApplication::applicationPid());
    // ... and the console shows that engine, its own one stopped before tandemd started
    // (else tandemd would have refused: another engine serves the state directory).
    QTRY_VERIFY_WITH_TIMEOUT(m_engine->isRemote(), 20000);
    QVERIFY(::kill(pid_t(own), 0) != 0); // the console's own engine has ended
    QTRY_COMPARE(m_engine->remotePid(), pid);
    QTRY_COMPARE(label->text(), QStringLiteral("Engine: tandemd service (pid %1)").arg(pid));
    QTRY_COMPARE(m_engine->status().value(QLatin1String("pairs")).toArray().size(), 1);
    QVERIFY(listening(m_port));
    QString error;
    const auto status = ControlClient::request(
        paths().stateDir, {{QStringLiteral("command"), QStringLiteral("status")}}, 3000, &error);
    QVERIFY2(status, qPrintable(error));
    QCOMPARE(status->value(QLatin1String("pid")).toInteger(), pid);
    QVERIFY(!readAll(fake(QStringLiteral("user.log"))).contains("not started"));
    QVERIFY(action("actionUninstallService")->isEnabled());
    // Closing now stops nothing: no question.
    QVERIFY(m_window->close());
    m_window->show();

    whenModal([](QWidget *modal) {
        QCOMPARE(modal->objectName(), QStringLiteral("uninstallServicePrompt"));
        QVERIFY(modal->findChild<QCheckBox *>(QStringLiteral("dontAskAgain")));
        pressButton(modal, QMessageBox::Yes);
    });
    action("actionUninstallService")->trigger();
    QVERIFY(!QFile::exists(unit));
    QVERIFY(
        readAll(fake(QStringLiteral("calls"))).contains("--user disable --now tandemd.service"));
    // The service is gone: the console runs the pairs itself again.
    QTRY_VERIFY_WITH_TIMEOUT(m_engine->isRunning() && !m_engine->isRemote(), 20000);
    QVERIFY(m_engine->remotePid() != pid && m_engine->remotePid() > 0);
    QCOMPARE(label->text(), QStringLiteral("Engine: engine in this console"));
    QTRY_COMPARE(m_engine->status().value(QLatin1String("pairs")).toArray().size(), 1);
    QTRY_VERIFY(listening(m_port));
}

QTEST_MAIN(TestServiceUi)
#include "tst_serviceui.moc"
