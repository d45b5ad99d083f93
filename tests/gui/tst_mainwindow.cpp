// The console as an operator uses it: add a pair by clicking, edit, see the modified
// title, save, and find the pair in the real tandemctl's list.
#include "buildpaths.h"
#include "consolefiles.h"
#include "helpviewer.h"
#include "mainwindow.h"
#include "modaldialogs.h"
#include "servertree.h"
#include "widgetlookup.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

#include <functional>

using namespace tandem;
using tandem::test::clickDialogButton;
using tandem::test::pressButton;
using tandem::test::whenModal;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyConfigurationOffersToAdd();
    void addEditSaveAndListWithTandemctl();
    void addDialogKeepsOpenOnError();
    void aliasAndUnaliasFromTheMenu();
    void enableDisableIsNotAConfigurationChange();
    void closeAsksAboutUnsavedChanges();
    void invalidConfigurationIsNotSaved();
    void invalidNotificationsShowTheirTab();
    void f1OpensHelpForEachTab();
    void unreadableFileDisablesSave();

private:
    TandemPaths paths() const { return m_files->paths(); }
    // A console on the files (again): the document loaded anew, as a new process would.
    void open()
    {
        m_files->open();
        m_doc = m_files->document();
        m_window = std::make_unique<MainWindow>(m_doc);
        QVERIFY(test::shown(m_window.get()));
    }
    template <typename T> T *child(const char *name) const
    {
        return test::child<T>(m_window.get(), name);
    }
    ServerTree *tree() const { return child<ServerTree>("serverTree"); }
    void addThroughDialog(const QString &name, const QString &primary, const QString &secondary)
    {
        whenModal([=](QWidget *dialog) {
            QCOMPARE(dialog->objectName(), QStringLiteral("addPairDialog"));
            QTest::keyClicks(test::child<QLineEdit>(dialog, "pairName"), name);
            QTest::keyClicks(test::child<QLineEdit>(dialog, "pairPrimary"), primary);
            QTest::keyClicks(test::child<QLineEdit>(dialog, "pairSecondary"), secondary);
            clickDialogButton(dialog, QDialogButtonBox::Ok);
        });
        child<QAction>("actionAdd")->trigger();
    }

    std::unique_ptr<test::ConsoleFiles> m_files;
    ConfigDocument *m_doc = nullptr;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    m_files = std::make_unique<test::ConsoleFiles>();
    open();
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_files.reset();
}

void TestMainWindow::emptyConfigurationOffersToAdd()
{
    QCOMPARE(tree()->topLevelItemCount(), 1);
    QTreeWidgetItem *hint = tree()->topLevelItem(0);
    QCOMPARE(hint->text(0), QStringLiteral("Click here to add redundancy to a server"));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Tandem"));
    QVERIFY(!child<QAction>("actionRemove")->isEnabled());
    auto *tabs = child<QTabWidget>("tabs");
    QCOMPARE(tabs->count(), 4);
    QCOMPARE(tabs->tabText(0), QStringLiteral("General"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Monitoring"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Diagnostics"));
    QCOMPARE(tabs->tabText(3), QStringLiteral("Notifications"));
    QStringList menus;
    for (QAction *a : m_window->menuBar()->actions())
        menus << a->text().remove(QLatin1Char('&'));
    QCOMPARE(menus,
             (QStringList{QStringLiteral("File"), QStringLiteral("Edit"), QStringLiteral("View"),
                          QStringLiteral("Tools"), QStringLiteral("Help")}));

    // Clicking the hint opens the add dialog; cancelling it adds nothing.
    bool sawDialog = false;
    whenModal([&](QWidget *dialog) {
        sawDialog = dialog->objectName() == QLatin1String("addPairDialog");
        clickDialogButton(dialog, QDialogButtonBox::Cancel);
    });
    const QRect rect = tree()->visualItemRect(hint);
    QTest::mouseClick(tree()->viewport(), Qt::LeftButton, {}, rect.center());
    QVERIFY(sawDialog);
    QVERIFY(m_doc->configuration().pairs.isEmpty());
}

void TestMainWindow::addEditSaveAndListWithTandemctl()
{
    addThroughDialog(QStringLiteral("line1"), QStringLiteral("127.0.0.1:5020"),
                     QStringLiteral("127.0.0.1:5021"));
    QVERIFY(m_doc->pair(QStringLiteral("line1")));
    QCOMPARE(tree()->currentPair(), QStringLiteral("line1"));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Tandem [configuration is modified]"));

    // Edit on the General tab of the window.
    auto *mode = child<QComboBox>("connectionMode");
    mode->setCurrentIndex(mode->findData(int(ConnectionMode::Hot)));
    auto *interval = child<QSpinBox>("statusInterval");
    test::retype(interval, 750);
    child<QAction>("actionSave")->trigger();
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Tandem"));

    QProcess ctl;
    ctl.start(test::tandemctlPath(),
              {QStringLiteral("--config"), paths().configFile, QStringLiteral("--state-dir"),
               paths().stateDir, QStringLiteral("pair"), QStringLiteral("list"),
               QStringLiteral("--json")});
    QVERIFY(ctl.waitForFinished(30000));
    QCOMPARE(ctl.exitCode(), 0);
    const QJsonArray list = QJsonDocument::fromJson(ctl.readAllStandardOutput()).array();
    QCOMPARE(list.size(), 1);
    const QJsonObject p = list[0].toObject();
    QCOMPARE(p[QStringLiteral("name")].toString(), QStringLiteral("line1"));
    QCOMPARE(p[QStringLiteral("mode")].toString(), QStringLiteral("hot"));
    QCOMPARE(p[QStringLiteral("status-interval")].toInt(), 750);
    QCOMPARE(p[QStringLiteral("primary")].toString(), QStringLiteral("127.0.0.1:5020"));
    QCOMPARE(p[QStringLiteral("listen")].toString(), QStringLiteral("127.0.0.1:1502"));

    // A new console on the same file shows the same values.
    m_window.reset();
    open();
    QCOMPARE(tree()->currentPair(), QStringLiteral("line1"));
    QCOMPARE(child<QSpinBox>("statusInterval")->value(), 750);
    QCOMPARE(child<QLineEdit>("secondaryMachine")->text(), QStringLiteral("127.0.0.1:5021"));
}

void TestMainWindow::addDialogKeepsOpenOnError()
{
    QString error;
    whenModal([&](QWidget *dialog) {
        QTest::keyClicks(test::child<QLineEdit>(dialog, "pairName"), QStringLiteral("a&b"));
        QTest::keyClicks(test::child<QLineEdit>(dialog, "pairPrimary"), QStringLiteral("plc-a"));
        QTest::keyClicks(test::child<QLineEdit>(dialog, "pairSecondary"), QStringLiteral("plc-b"));
        clickDialogButton(dialog, QDialogButtonBox::Ok);
        auto *label = test::child<QLabel>(dialog, "addPairError");
        error = label->isVisible() ? label->text() : QString();
        QVERIFY(dialog->isVisible());
        clickDialogButton(dialog, QDialogButtonBox::Cancel);
    });
    child<QAction>("actionAdd")->trigger();
    QVERIFY2(error.contains(QStringLiteral("<, > and &")), qPrintable(error));
    QVERIFY(m_doc->configuration().pairs.isEmpty());
}

void TestMainWindow::aliasAndUnaliasFromTheMenu()
{
    addThroughDialog(QStringLiteral("KEP"), QStringLiteral("plc-a"), QStringLiteral("plc-b"));
    QVERIFY(child<QAction>("actionAlias")->isEnabled());
    QVERIFY(!child<QAction>("actionUnalias")->isEnabled());
    whenModal([](QWidget *dialog) {
        QCOMPARE(test::child<QLineEdit>(dialog, "aliasNewName")->text(),
                 QStringLiteral("KEP.Alias1"));
        clickDialogButton(dialog, QDialogButtonBox::Ok);
    });
    child<QAction>("actionAlias")->trigger();
    const PairConfig *alias = m_doc->pair(QStringLiteral("KEP.Alias1"));
    QVERIFY(alias);
    QCOMPARE(alias->aliasOf, QStringLiteral("KEP"));
    // Shown under a group named after the server it aliases.
    QTreeWidgetItem *item = tree()->itemForPair(QStringLiteral("KEP.Alias1"));
    QVERIFY(item && item->parent());
    QCOMPARE(item->parent()->text(0), QStringLiteral("KEP"));
    QCOMPARE(tree()->currentPair(), QStringLiteral("KEP.Alias1"));
    QVERIFY(child<QAction>("actionUnalias")->isEnabled());

    // A new pair takes the original name: unalias is refused with a message.
    addThroughDialog(QStringLiteral("KEP"), QStringLiteral("plc-c"), QStringLiteral("plc-d"));
    QCOMPARE(tree()->itemForPair(QStringLiteral("KEP.Alias1"))->parent(),
             tree()->itemForPair(QStringLiteral("KEP")));
    tree()->selectPair(QStringLiteral("KEP.Alias1"));
    QString refusal;
    whenModal([&](QWidget *modal) {
        refusal = qobject_cast<QMessageBox *>(modal)->informativeText();
        pressButton(modal, QMessageBox::Ok);
    });
    child<QAction>("actionUnalias")->trigger();
    QVERIFY2(refusal.contains(QStringLiteral("in use as a redundant server")), qPrintable(refusal));

    tree()->selectPair(QStringLiteral("KEP"));
    child<QAction>("actionRemove")->trigger();
    tree()->selectPair(QStringLiteral("KEP.Alias1"));
    child<QAction>("actionUnalias")->trigger();
    QVERIFY(m_doc->pair(QStringLiteral("KEP")));
    QVERIFY(!m_doc->pair(QStringLiteral("KEP.Alias1")));
    QCOMPARE(tree()->currentPair(), QStringLiteral("KEP"));
}

void TestMainWindow::enableDisableIsNotAConfigurationChange()
{
    addThroughDialog(QStringLiteral("line1"), QStringLiteral("plc-a"), QStringLiteral("plc-b"));
    child<QAction>("actionSave")->trigger();
    QVERIFY(!m_doc->isModified());
    auto *toggle = child<QAction>("actionEnable");
    QCOMPARE(toggle->text(), QStringLiteral("&Enable Redundancy"));
    const QString greyIcon = tree()->itemForPair(QStringLiteral("line1"))->toolTip(0);
    QVERIFY(greyIcon.contains(QStringLiteral("redundancy disabled")));
    toggle->trigger();
    QVERIFY(m_doc->isEnabled(QStringLiteral("line1")));
    QVERIFY(!m_doc->isModified());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Tandem"));
    QCOMPARE(toggle->text(), QStringLiteral("&Disable Redundancy"));
    QVERIFY(tree()
                ->itemForPair(QStringLiteral("line1"))
                ->toolTip(0)
                .contains(QStringLiteral("redundancy enabled")));
    // Recorded at once: another reader of the state sees it.
    ConfigDocument other(paths());
    other.load();
    QVERIFY(other.isEnabled(QStringLiteral("line1")));
    toggle->trigger();
    QVERIFY(!m_doc->isEnabled(QStringLiteral("line1")));
}

void TestMainWindow::closeAsksAboutUnsavedChanges()
{
    addThroughDialog(QStringLiteral("line1"), QStringLiteral("plc-a"), QStringLiteral("plc-b"));
    QString prompt;
    whenModal([&](QWidget *modal) {
        prompt = modal->objectName();
        pressButton(modal, QMessageBox::Cancel);
    });
    QVERIFY(!m_window->close());
    QCOMPARE(prompt, QStringLiteral("unsavedChangesPrompt"));
    QVERIFY(m_window->isVisible());

    whenModal([](QWidget *modal) { pressButton(modal, QMessageBox::Save); });
    QVERIFY(m_window->close());
    ConfigDocument saved(paths());
    QVERIFY(saved.load().isEmpty());
    QVERIFY(saved.pair(QStringLiteral("line1")));

    open();
    tree()->selectPair(QStringLiteral("line1"));
    child<QAction>("actionRemove")->trigger();
    whenModal([](QWidget *modal) { pressButton(modal, QMessageBox::Discard); });
    QVERIFY(m_window->close());
    ConfigDocument kept(paths());
    kept.load();
    QVERIFY(kept.pair(QStringLiteral("line1")));
}

void TestMainWindow::invalidConfigurationIsNotSaved()
{
    addThroughDialog(QStringLiteral("line1"), QStringLiteral("plc-a"), QStringLiteral("plc-b"));
    auto *timeout = child<QSpinBox>("statusTimeout");
    timeout->setValue(5000); // longer than the 1000 ms interval
    QString message;
    whenModal([&](QWidget *modal) {
        message = qobject_cast<QMessageBox *>(modal)->informativeText();
        pressButton(modal, QMessageBox::Ok);
    });
    child<QAction>("actionSave")->trigger();
    QVERIFY2(message.contains(QStringLiteral("pair[line1]/status-timeout")), qPrintable(message));
    QVERIFY(m_doc->isModified());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("[configuration is modified]")));
    QVERIFY(!QFile::exists(paths().configFile));
    QCOMPARE(child<QTabWidget>("tabs")->currentIndex(), 0);
}

// A fault in the e-mail settings takes the operator to the Notifications tab, which
// scrolls rather than squeezing its fields together on a small screen.
void TestMainWindow::invalidNotificationsShowTheirTab()
{
    NotificationSettings n = m_doc->configuration().notifications;
    n.enabled = true; // and no primary SMTP server
    m_doc->setNotifications(n);
    whenModal([](QWidget *modal) { pressButton(modal, QMessageBox::Ok); });
    child<QAction>("actionSave")->trigger();
    auto *tabs = child<QTabWidget>("tabs");
    QCOMPARE(tabs->currentIndex(), 3);
    auto *scroll = qobject_cast<QScrollArea *>(tabs->currentWidget());
    QVERIFY(scroll);
    QVERIFY(scroll->widgetResizable());
    m_window->resize(900, 500);
    QTRY_VERIFY(scroll->verticalScrollBar()->maximum() > 0);
}

void TestMainWindow::f1OpensHelpForEachTab()
{
    auto *tabs = child<QTabWidget>("tabs");
    const QStringList topics{QStringLiteral("general"), QStringLiteral("monitoring"),
                             QStringLiteral("diagnostics"), QStringLiteral("notifications")};
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        auto *help = m_window->findChild<HelpViewer *>(QStringLiteral("helpViewer"));
        QVERIFY(help);
        QTRY_VERIFY(help->isVisible());
        QCOMPARE(help->currentTopic(), topics[i]);
        auto *browser = help->findChild<QTextBrowser *>(QStringLiteral("helpBrowser"));
        QCOMPARE(browser->source(), QUrl(QStringLiteral("qrc:/help/%1.html").arg(topics[i])));
        QVERIFY(browser->documentTitle().toLower().startsWith(topics[i]));
        QVERIFY(browser->toPlainText().size() > 200);
        help->close();
    }
}

void TestMainWindow::unreadableFileDisablesSave()
{
    m_window.reset();
    QFile f(paths().configFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("<tandem version=\"99\"/>");
    f.close();
    open();
    QVERIFY(!m_doc->canSave());
    QVERIFY(!child<QAction>("actionSave")->isEnabled());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
