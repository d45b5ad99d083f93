#include "consolefiles.h"
#include "events/eventcatalog.h"
#include "pages/notificationspage.h"
#include "smtppeer.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <memory>

using namespace tandem;

class TestNotificationsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // No keychain in this process: the page must say so (tst_keychain has one).
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
    }
    void init();
    void cleanup();
    void widgetsPresent();
    void lineEditsEditDocument_data();
    void lineEditsEditDocument();
    void checkBoxesEditDocument();
    void toIsOneAddressPerLine();
    void ctrlEnterInsertsNewline();
    void headerAndFooterEditDocument();
    void eventSelection();
    void problemsShowInvalidFrom();
    void problemsShowMissingSmtp();
    void typingKeepsCursor();
    void savedValuesReload();
    void deliveryFieldsEditDocument();
    void testButtonSendsToEveryRecipient();
    void testButtonShowsWhyItFailed();
    void testConnectionButtons();
    void withoutKeychainThePasswordStaysAndTheReasonShows();

private:
    template <typename T> T *child(const char *name, QWidget *page = nullptr)
    {
        return test::child<T>(page ? page : m_page.get(), name);
    }
    static void click(QWidget *widget)
    {
        QTest::mouseClick(widget, Qt::LeftButton, {}, QPoint(4, widget->height() / 2));
    }
    static void clickCheckBox(QListWidget *list, int row)
    {
        // The check indicator sits at the item's left edge.
        QListWidgetItem *item = list->item(row);
        list->scrollToItem(item);
        const QRect rect = list->visualItemRect(item);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          QPoint(rect.left() + rect.height() / 2, rect.center().y()));
    }
    const NotificationSettings &settings() const
    {
        return m_document->configuration().notifications;
    }

    std::unique_ptr<test::ConsoleFiles> m_files;
    ConfigDocument *m_document = nullptr;
    std::unique_ptr<NotificationsPage> m_page;
};

void TestNotificationsPage::init()
{
    m_files = std::make_unique<test::ConsoleFiles>();
    QVERIFY2(m_files->open(), "empty configuration loads");
    m_document = m_files->document();
    m_page = std::make_unique<NotificationsPage>(m_document);
    m_page->resize(800, 900);
    QVERIFY(test::shown(m_page.get()));
}

void TestNotificationsPage::cleanup()
{
    m_page.reset();
    m_files.reset();
}

void TestNotificationsPage::widgetsPresent()
{
    for (const char *name : {"primarySmtp", "secondarySmtp", "from", "subject"})
        QVERIFY2(child<QLineEdit>(name), name);
    for (const char *name : {"to", "header", "footer"})
        QVERIFY2(child<QPlainTextEdit>(name), name);
    for (const char *name : {"emailEnabled", "allowPlaintext", "allEvents"})
        QVERIFY2(child<QCheckBox>(name), name);
    QCOMPARE(child<QLineEdit>("primarySmtp")->placeholderText(),
             QStringLiteral("smtp://mail.example.com:587"));
    QCOMPARE(child<QLineEdit>("subject")->text(), NotificationSettings().subject);

    auto *test = child<QPushButton>("testEmail");
    QVERIFY(test);
    QVERIFY(test->isEnabled());
    QVERIFY(child<QPushButton>("testPrimaryConnection")->isEnabled());
    QVERIFY(!child<QPushButton>("testSecondaryConnection")->isEnabled()); // no secondary yet
    for (const char *name : {"caFile", "smtpUser", "smtpPassword"})
        QVERIFY2(child<QLineEdit>(name), name);
    QCOMPARE(child<QLineEdit>("smtpPassword")->echoMode(), QLineEdit::Password);
    QCOMPARE(child<QSpinBox>("retryHours")->value(), 24);
    QCOMPARE(child<QSpinBox>("batchWindow")->value(), 60);
    QCOMPARE(child<QSpinBox>("smtpTimeout")->value(), 30);

    auto *list = child<QListWidget>("notificationEvents");
    QVERIFY(list);
    QCOMPARE(list->count(), EventCatalog::all().size());
    for (int row = 0; row < list->count(); ++row) {
        const QListWidgetItem *item = list->item(row);
        QCOMPARE(item->data(Qt::UserRole).toString(),
                 QString::fromLatin1(EventCatalog::all().at(row).id));
        QVERIFY(item->flags() & Qt::ItemIsUserCheckable);
        QVERIFY2(!item->text().contains(QLatin1Char('%')), qPrintable(item->text()));
        QCOMPARE(item->checkState(), Qt::Checked); // all events is the default
    }
    QVERIFY(child<QCheckBox>("allEvents")->isChecked());
    QVERIFY(!list->isEnabled());

    auto *problems = child<QLabel>("notificationProblems");
    QVERIFY(problems);
    QVERIFY(problems->isHidden());
    QVERIFY(!m_document->isModified());
}

void TestNotificationsPage::lineEditsEditDocument_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("typed");
    QTest::newRow("primary") << QByteArray("primarySmtp")
                             << QStringLiteral("smtp://mail.plant.example:587");
    QTest::newRow("secondary") << QByteArray("secondarySmtp")
                               << QStringLiteral("smtps://backup.plant.example");
    QTest::newRow("from") << QByteArray("from") << QStringLiteral("tandem@plant.example");
    QTest::newRow("subject") << QByteArray("subject") << QStringLiteral("Line 1 alarm");
}

void TestNotificationsPage::lineEditsEditDocument()
{
    QFETCH(QByteArray, name);
    QFETCH(QString, typed);
    auto *edit = child<QLineEdit>(name.constData());
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, typed);
    QCOMPARE(edit->text(), typed);

    const NotificationSettings &n = settings();
    const QString stored = name == "primarySmtp"     ? n.primarySmtp
                           : name == "secondarySmtp" ? n.secondarySmtp
                           : name == "from"          ? n.from
                                                     : n.subject;
    QCOMPARE(stored, typed);
    QVERIFY(m_document->isModified());
}

void TestNotificationsPage::checkBoxesEditDocument()
{
    auto *enabled = child<QCheckBox>("emailEnabled");
    auto *plain = child<QCheckBox>("allowPlaintext");
    QVERIFY(enabled && plain);
    click(enabled);
    QVERIFY(settings().enabled);
    QVERIFY(m_document->isModified());
    click(plain);
    QVERIFY(settings().allowPlaintext);
    click(enabled);
    click(plain);
    QVERIFY(!settings().enabled);
    QVERIFY(!settings().allowPlaintext);
    QVERIFY(!m_document->isModified());
}

void TestNotificationsPage::toIsOneAddressPerLine()
{
    auto *to = child<QPlainTextEdit>("to");
    QVERIFY(to);
    to->setFocus();
    QTest::keyClicks(to, QStringLiteral("  ops@plant.example "));
    QTest::keyClick(to, Qt::Key_Return);
    QCOMPARE(settings().to, QStringList{QStringLiteral("ops@plant.example")});
    QTest::keyClick(to, Qt::Key_Return); // a blank line does not count
    QTest::keyClicks(to, QStringLiteral("shift@plant.example"));
    QCOMPARE(settings().to, (QStringList{QStringLiteral("ops@plant.example"),
                                         QStringLiteral("shift@plant.example")}));
    QVERIFY(m_document->isModified());
}

void TestNotificationsPage::ctrlEnterInsertsNewline()
{
    auto *to = child<QPlainTextEdit>("to");
    QVERIFY(to);
    to->setFocus();
    QTest::keyClicks(to, QStringLiteral("a@plant.example"));
    QTest::keyClick(to, Qt::Key_Return, Qt::ControlModifier);
    QTest::keyClicks(to, QStringLiteral("b@plant.example"));
    QCOMPARE(settings().to,
             (QStringList{QStringLiteral("a@plant.example"), QStringLiteral("b@plant.example")}));
}

void TestNotificationsPage::headerAndFooterEditDocument()
{
    auto *header = child<QPlainTextEdit>("header");
    auto *footer = child<QPlainTextEdit>("footer");
    QVERIFY(header && footer);
    header->setFocus();
    QTest::keyClicks(header, QStringLiteral("Plant A"));
    QTest::keyClick(header, Qt::Key_Return, Qt::ControlModifier);
    QTest::keyClicks(header, QStringLiteral("Line 1"));
    QCOMPARE(settings().header, QStringLiteral("Plant A\nLine 1"));
    footer->setFocus();
    QTest::keyClicks(footer, QStringLiteral("-- Tandem"));
    QCOMPARE(settings().footer, QStringLiteral("-- Tandem"));
    QVERIFY(m_document->isModified());
}

void TestNotificationsPage::eventSelection()
{
    auto *all = child<QCheckBox>("allEvents");
    auto *list = child<QListWidget>("notificationEvents");
    QVERIFY(all && list);
    QVERIFY(settings().allEvents);

    click(all);
    QVERIFY(!all->isChecked());
    QVERIFY(!settings().allEvents);
    QVERIFY(list->isEnabled());
    QVERIFY(m_document->isModified());
    for (int row = 0; row < list->count(); ++row)
        QCOMPARE(list->item(row)->checkState(), Qt::Unchecked);

    clickCheckBox(list, 1);
    clickCheckBox(list, 4);
    const QStringList expected{list->item(1)->data(Qt::UserRole).toString(),
                               list->item(4)->data(Qt::UserRole).toString()};
    QCOMPARE(list->item(1)->checkState(), Qt::Checked);
    QCOMPARE(list->item(4)->checkState(), Qt::Checked);
    QCOMPARE(settings().events, expected);

    // Sending everything checks and locks the list but keeps the selection for later.
    click(all);
    QVERIFY(settings().allEvents);
    QVERIFY(!list->isEnabled());
    for (int row = 0; row < list->count(); ++row)
        QCOMPARE(list->item(row)->checkState(), Qt::Checked);
    QCOMPARE(settings().events, expected);

    click(all);
    QVERIFY(!settings().allEvents);
    QCOMPARE(settings().events, expected);
    for (int row = 0; row < list->count(); ++row)
        QCOMPARE(list->item(row)->checkState(), row == 1 || row == 4 ? Qt::Checked : Qt::Unchecked);
}

void TestNotificationsPage::problemsShowInvalidFrom()
{
    auto *from = child<QLineEdit>("from");
    auto *problems = child<QLabel>("notificationProblems");
    QVERIFY(from && problems);
    from->setFocus();
    QTest::keyClicks(from, QStringLiteral("not-an-address"));
    QCOMPARE(settings().from, QStringLiteral("not-an-address"));
    QVERIFY(problems->isVisible());
    QVERIFY2(problems->text().contains(QStringLiteral("not-an-address")),
             qPrintable(problems->text()));

    from->selectAll();
    QTest::keyClicks(from, QStringLiteral("tandem@plant.example"));
    QCOMPARE(settings().from, QStringLiteral("tandem@plant.example"));
    QVERIFY(problems->isHidden());
    QVERIFY(problems->text().isEmpty());
}

void TestNotificationsPage::problemsShowMissingSmtp()
{
    auto *enabled = child<QCheckBox>("emailEnabled");
    auto *problems = child<QLabel>("notificationProblems");
    QVERIFY(enabled && problems);
    click(enabled);
    QVERIFY(settings().enabled);
    QVERIFY(problems->isVisible());
    QVERIFY2(problems->text().contains(QStringLiteral("SMTP")), qPrintable(problems->text()));
    // Each problem on its own line: no SMTP server, no sender, no recipient.
    QCOMPARE(problems->text().split(QLatin1Char('\n')).size(), 3);

    auto *primary = child<QLineEdit>("primarySmtp");
    primary->setFocus();
    QTest::keyClicks(primary, QStringLiteral("smtp://mail.plant.example:587"));
    QVERIFY2(!problems->text().contains(QStringLiteral("SMTP")), qPrintable(problems->text()));
    QCOMPARE(problems->text().split(QLatin1Char('\n')).size(), 2);
}

void TestNotificationsPage::typingKeepsCursor()
{
    // Reloading after each keystroke must not move the cursor of the field being typed in.
    auto *subject = child<QLineEdit>("subject");
    QVERIFY(subject);
    subject->setFocus();
    subject->setCursorPosition(0);
    QTest::keyClicks(subject, QStringLiteral("[Plant] "));
    QCOMPARE(subject->text(), QStringLiteral("[Plant] ") + NotificationSettings().subject);
    QCOMPARE(settings().subject, subject->text());

    auto *from = child<QLineEdit>("from");
    from->setFocus();
    QTest::keyClicks(from, QStringLiteral("a b"));
    QCOMPARE(from->text(), QStringLiteral("a b"));

    auto *to = child<QPlainTextEdit>("to");
    to->setFocus();
    QTest::keyClicks(to, QStringLiteral("x@plant.example"));
    QTest::keyClick(to, Qt::Key_Return);
    QTest::keyClick(to, Qt::Key_Space);
    QTest::keyClicks(to, QStringLiteral("y@plant.example"));
    QCOMPARE(to->toPlainText(), QStringLiteral("x@plant.example\n y@plant.example"));
    QCOMPARE(settings().to,
             (QStringList{QStringLiteral("x@plant.example"), QStringLiteral("y@plant.example")}));
}

void TestNotificationsPage::savedValuesReload()
{
    auto *enabled = child<QCheckBox>("emailEnabled");
    auto *plain = child<QCheckBox>("allowPlaintext");
    auto *all = child<QCheckBox>("allEvents");
    auto *list = child<QListWidget>("notificationEvents");
    QVERIFY(enabled && plain && all && list);

    const auto type = [this](const char *name, const QString &text) {
        auto *edit = child<QLineEdit>(name);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
    };
    click(enabled);
    type("primarySmtp", QStringLiteral("smtp://mail.plant.example:587"));
    type("secondarySmtp", QStringLiteral("smtps://backup.plant.example"));
    type("from", QStringLiteral("tandem@plant.example"));
    type("subject", QStringLiteral("Tandem alert"));
    auto *to = child<QPlainTextEdit>("to");
    to->setFocus();
    QTest::keyClicks(to, QStringLiteral("ops@plant.example"));
    QTest::keyClick(to, Qt::Key_Return);
    QTest::keyClicks(to, QStringLiteral("shift@plant.example"));
    child<QPlainTextEdit>("header")->setPlainText(QStringLiteral("Plant A\nLine 1"));
    child<QPlainTextEdit>("footer")->setPlainText(QStringLiteral("-- Tandem"));
    click(plain);
    click(all);
    clickCheckBox(list, 2);
    clickCheckBox(list, 0);

    const NotificationSettings expected = settings();
    QCOMPARE(expected.events.size(), 2);
    QVERIFY(m_document->isModified());
    const ConfigIssues issues = m_document->save();
    QVERIFY2(issues.isEmpty(), qPrintable(joinIssues(issues)));
    QVERIFY(!m_document->isModified());

    ConfigDocument reloaded(m_files->paths());
    const ConfigIssues loadIssues = reloaded.load();
    QVERIFY2(loadIssues.isEmpty(), qPrintable(joinIssues(loadIssues)));
    QCOMPARE(reloaded.configuration().notifications, expected);

    NotificationsPage page(&reloaded);
    QVERIFY(child<QCheckBox>("emailEnabled", &page)->isChecked());
    QCOMPARE(child<QLineEdit>("primarySmtp", &page)->text(),
             QStringLiteral("smtp://mail.plant.example:587"));
    QCOMPARE(child<QLineEdit>("secondarySmtp", &page)->text(),
             QStringLiteral("smtps://backup.plant.example"));
    QCOMPARE(child<QLineEdit>("from", &page)->text(), QStringLiteral("tandem@plant.example"));
    QCOMPARE(child<QLineEdit>("subject", &page)->text(), QStringLiteral("Tandem alert"));
    QCOMPARE(child<QPlainTextEdit>("to", &page)->toPlainText(),
             QStringLiteral("ops@plant.example\nshift@plant.example"));
    QCOMPARE(child<QPlainTextEdit>("header", &page)->toPlainText(),
             QStringLiteral("Plant A\nLine 1"));
    QCOMPARE(child<QPlainTextEdit>("footer", &page)->toPlainText(), QStringLiteral("-- Tandem"));
    QVERIFY(child<QCheckBox>("allowPlaintext", &page)->isChecked());
    QVERIFY(!child<QCheckBox>("allEvents", &page)->isChecked());
    auto *list2 = child<QListWidget>("notificationEvents", &page);
    QVERIFY(list2->isEnabled());
    for (int row = 0; row < list2->count(); ++row)
        QCOMPARE(list2->item(row)->checkState(),
                 row == 0 || row == 2 ? Qt::Checked : Qt::Unchecked);
    QVERIFY(child<QLabel>("notificationProblems", &page)->text().isEmpty());
    QVERIFY2(!reloaded.isModified(), "showing the settings does not change them");
}

void TestNotificationsPage::deliveryFieldsEditDocument()
{
    QTest::keyClicks(child<QLineEdit>("smtpUser"), QStringLiteral("alerts"));
    QTest::keyClicks(child<QLineEdit>("caFile"), QStringLiteral("/etc/tandem/plant-ca.pem"));
    child<QSpinBox>("retryHours")->setValue(48);
    child<QSpinBox>("batchWindow")->setValue(0);
    child<QSpinBox>("smtpTimeout")->setValue(10);
    QCOMPARE(settings().user, QStringLiteral("alerts"));
    QCOMPARE(settings().caFile, QStringLiteral("/etc/tandem/plant-ca.pem"));
    QCOMPARE(settings().retryHours, 48);
    QCOMPARE(settings().batchWindowS, 0);
    QCOMPARE(settings().timeoutS, 10);
    // A relative CA path is refused at entry.
    child<QLineEdit>("caFile")->setText(QStringLiteral("plant-ca.pem"));
    auto *problems = child<QLabel>("notificationProblems");
    QVERIFY(problems->isVisible());
    QVERIFY2(problems->text().contains(QStringLiteral("absolute path")),
             qPrintable(problems->text()));
}

// Fills in a working set-up against `server`, through the widgets.
static void fillIn(NotificationsPage *page, const QString &primary, const QString &secondary)
{
    using test::child;
    child<QLineEdit>(page, "primarySmtp")->setText(primary);
    child<QLineEdit>(page, "secondarySmtp")->setText(secondary);
    child<QLineEdit>(page, "from")->setText(QStringLiteral("tandem@plant.example"));
    child<QPlainTextEdit>(page, "to")
        ->setPlainText(QStringLiteral("ops@plant.example\nshift@plant.example"));
    child<QCheckBox>(page, "allowPlaintext")->setChecked(true);
    child<QSpinBox>(page, "smtpTimeout")->setValue(3);
}

void TestNotificationsPage::testButtonSendsToEveryRecipient()
{
    tandem::test::SmtpPeer server;
    QVERIFY(server.start());
    fillIn(m_page.get(), server.url(), QString());
    QSignalSpy finished(m_page.get(), &NotificationsPage::testFinished);
    auto *test = child<QPushButton>("testEmail");
    click(test);
    QVERIFY(!test->isEnabled()); // one test at a time; the window stays responsive
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.constFirst().at(0).toBool(), true);
    QVERIFY(test->isEnabled());
    auto *result = child<QLabel>("testResult");
    QVERIFY(result->isVisible());
    QVERIFY2(result->text().contains(QStringLiteral("accepted")), qPrintable(result->text()));
    QVERIFY(server.waitForMessages(1));
    QCOMPARE(
        server.messages().constFirst().recipients,
        QStringList({QStringLiteral("ops@plant.example"), QStringLiteral("shift@plant.example")}));
    QVERIFY(server.messages().constFirst().text.contains(QStringLiteral("test notification")));
}

void TestNotificationsPage::testButtonShowsWhyItFailed()
{
    tandem::test::SmtpPeer primary, secondary;
    QVERIFY(primary.start());
    QVERIFY(secondary.start());
    fillIn(m_page.get(), primary.url(), secondary.url());
    primary.kill();
    QVERIFY(secondary.command(QStringLiteral("hang-at MAIL")));
    QSignalSpy finished(m_page.get(), &NotificationsPage::testFinished);
    click(child<QPushButton>("testEmail"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.constFirst().at(0).toBool(), false);
    const QString text = child<QLabel>("testResult")->text();
    // Both servers named, each with its own reason.
    QVERIFY2(text.contains(primary.url()) && text.contains(QStringLiteral("onnect")),
             qPrintable(text));
    QVERIFY2(text.contains(secondary.url()) &&
                 text.contains(QStringLiteral("no answer within 3 s")),
             qPrintable(text));
}

void TestNotificationsPage::testConnectionButtons()
{
    tandem::test::SmtpPeer primary, secondary;
    QVERIFY(primary.start());
    QVERIFY(secondary.start());
    fillIn(m_page.get(), primary.url(), secondary.url());
    auto *testSecondary = child<QPushButton>("testSecondaryConnection");
    QVERIFY(testSecondary->isEnabled());
    QSignalSpy finished(m_page.get(), &NotificationsPage::testFinished);
    click(testSecondary);
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.constLast().at(0).toBool(), true);
    QVERIFY(child<QLabel>("testResult")->text().contains(secondary.url()));
    primary.kill();
    click(child<QPushButton>("testPrimaryConnection"));
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.constLast().at(0).toBool(), false);
    QVERIFY(child<QLabel>("testResult")->text().contains(primary.url()));
    QCOMPARE(primary.messages().size() + secondary.messages().size(), 0); // no mail
}

void TestNotificationsPage::withoutKeychainThePasswordStaysAndTheReasonShows()
{
    // This test process has no D-Bus session (initTestCase makes sure): no keychain.
    QTest::keyClicks(child<QLineEdit>("smtpUser"), QStringLiteral("alerts"));
    auto *password = child<QLineEdit>("smtpPassword");
    QTest::keyClicks(password, QStringLiteral("hunter2"));
    click(child<QPushButton>("storePassword"));
    auto *state = child<QLabel>("passwordState");
    QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QStringLiteral("NOT stored")), 15000);
    QVERIFY2(state->text().contains(QStringLiteral("keychain")), qPrintable(state->text()));
    QCOMPARE(password->text(), QStringLiteral("hunter2")); // not silently dropped
    QVERIFY(m_document->save().isEmpty());
    QFile file(m_files->paths().configFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("hunter2")); // nor written in plain text
}

QTEST_MAIN(TestNotificationsPage)
#include "tst_notificationspage.moc"
