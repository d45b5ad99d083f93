// The console in German and Spanish: the translators the app installs give German or
// Spanish menus, tabs and Qt's standard buttons; the system locale is followed unless
// View › Language says otherwise; that choice is saved; events stay English records and
// are shown translated.
#include "buildpaths.h"
#include "consolefiles.h"
#include "dialogs/addpairdialog.h"
#include "dialogs/aliasdialog.h"
#include "dialogs/monitoritemdialog.h"
#include "eventmodel.h"
#include "events/eventlog.h"
#include "languagemenu.h"
#include "languages.h"
#include "mainwindow.h"
#include "modaldialogs.h"
#include "widgetlookup.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTest>

using namespace tandem;
using tandem::test::child;

namespace {

QStringList menuTitles(QMainWindow *window)
{
    QStringList titles;
    for (QAction *action : window->menuBar()->actions())
        titles.append(action->text());
    return titles;
}

QStringList tabTitles(QMainWindow *window)
{
    auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("tabs"));
    QStringList titles;
    for (int i = 0; tabs && i < tabs->count(); ++i)
        titles.append(tabs->tabText(i));
    return titles;
}

// "&Datei" and "&Drucken" in one menu would make Alt+D ambiguous.
QStringList clashingAccelerators(const QString &where, const QList<QAction *> &actions)
{
    QStringList clashes;
    QMap<QString, QString> seen;
    for (QAction *action : actions) {
        if (action->isSeparator())
            continue;
        const QString key = QKeySequence::mnemonic(action->text()).toString().toLower();
        if (!key.isEmpty()) {
            if (seen.contains(key))
                clashes.append(QStringLiteral("%1: %2 and %3 share %4")
                                   .arg(where, seen.value(key), action->text(), key));
            seen.insert(key, action->text());
        }
        if (QMenu *sub = action->menu())
            clashes +=
                clashingAccelerators(where + QStringLiteral(" › ") + sub->title(), sub->actions());
    }
    return clashes;
}

// Alt+letter of every visible button, check box and labelled field under `root`.
QStringList clashingMnemonics(QWidget *root)
{
    QStringList clashes;
    QMap<QString, QString> seen;
    auto add = [&](const QString &text) {
        const QString key = QKeySequence::mnemonic(text).toString().toLower();
        if (key.isEmpty())
            return;
        if (seen.contains(key))
            clashes.append(QStringLiteral("%1: %2 and %3 share %4")
                               .arg(QString::fromLatin1(root->metaObject()->className()),
                                    seen.value(key), text, key));
        seen.insert(key, text);
    };
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root))
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(button->text());
        else if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            add(label->text());
    }
    return clashes;
}

QString cancelText()
{
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    return box.button(QDialogButtonBox::Cancel)->text();
}

} // namespace

class TestLanguages final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void german();
    void spanish();
    void englishAgainAfterGerman();
    void acceleratorsAreUniqueInEveryMenu_data();
    void acceleratorsAreUniqueInEveryMenu();
    void acceleratorsAreUniqueOnEveryPageAndDialog_data();
    void acceleratorsAreUniqueOnEveryPageAndDialog();
    void systemLanguageIsFollowed();
    void savedChoiceWinsOverTheSystem();
    void languageChoiceIsSavedAndReadBack();
    void restartKeepsArgumentsButLanguage();
    void eventsAreRecordedInEnglishAndShownTranslated();

private:
    void open()
    {
        m_files->open();
        m_doc = m_files->document();
        m_window = std::make_unique<MainWindow>(m_doc);
        QVERIFY(test::shown(m_window.get()));
    }

    std::unique_ptr<test::ConsoleFiles> m_files;
    ConfigDocument *m_doc = nullptr;
    std::unique_ptr<MainWindow> m_window;
};

void TestLanguages::init()
{
    m_files = std::make_unique<test::ConsoleFiles>();
    Languages::saveChoice({});
}

void TestLanguages::cleanup()
{
    m_window.reset();
    m_files.reset();
    Languages::installTranslators(*qApp, QStringLiteral("en"));
    Languages::saveChoice({});
}

void TestLanguages::german()
{
    QCOMPARE(Languages::installTranslators(*qApp, QStringLiteral("de")), QStringLiteral("de"));
    open();
    QCOMPARE(menuTitles(m_window.get()),
             QStringList({QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"),
                          QStringLiteral("&Ansicht"), QStringLiteral("E&xtras"),
                          QStringLiteral("&Hilfe")}));
    QCOMPARE(tabTitles(m_window.get()),
             QStringList({QStringLiteral("Allgemein"), QStringLiteral("Überwachung"),
                          QStringLiteral("Diagnose"), QStringLiteral("Benachrichtigungen")}));
    QCOMPARE(child<QAction>(m_window.get(), "actionSave")->text(), QStringLiteral("&Speichern"));
    QCOMPARE(child<QMenu>(m_window.get(), "menuLanguage")->title(), QStringLiteral("S&prache"));
    // Qt's own texts come from qtbase_de.
    QCOMPARE(cancelText(), QStringLiteral("Abbrechen"));
}

void TestLanguages::spanish()
{
    QCOMPARE(Languages::installTranslators(*qApp, QStringLiteral("es")), QStringLiteral("es"));
    open();
    QCOMPARE(
        menuTitles(m_window.get()),
        QStringList({QStringLiteral("&Archivo"), QStringLiteral("&Editar"), QStringLiteral("&Ver"),
                     QStringLiteral("&Herramientas"), QStringLiteral("A&yuda")}));
    QCOMPARE(tabTitles(m_window.get()),
             QStringList({QStringLiteral("General"), QStringLiteral("Supervisión"),
                          QStringLiteral("Diagnóstico"), QStringLiteral("Notificaciones")}));
    QCOMPARE(cancelText(), QStringLiteral("Cancelar"));
}

void TestLanguages::englishAgainAfterGerman()
{
    Languages::installTranslators(*qApp, QStringLiteral("de"));
    QCOMPARE(Languages::installTranslators(*qApp, QStringLiteral("en")), QStringLiteral("en"));
    open();
    QCOMPARE(menuTitles(m_window.get()).first(), QStringLiteral("&File"));
    QCOMPARE(cancelText(), QStringLiteral("Cancel"));
}

void TestLanguages::acceleratorsAreUniqueInEveryMenu_data()
{
    QTest::addColumn<QString>("language");
    for (const Languages::Language &language : Languages::available())
        QTest::newRow(qPrintable(language.code)) << language.code;
}

void TestLanguages::acceleratorsAreUniqueInEveryMenu()
{
    QFETCH(QString, language);
    Languages::installTranslators(*qApp, language);
    open();
    const QStringList clashes =
        clashingAccelerators(QStringLiteral("menu bar"), m_window->menuBar()->actions());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

void TestLanguages::acceleratorsAreUniqueOnEveryPageAndDialog_data()
{
    acceleratorsAreUniqueInEveryMenu_data();
}

void TestLanguages::acceleratorsAreUniqueOnEveryPageAndDialog()
{
    QFETCH(QString, language);
    Languages::installTranslators(*qApp, language);
    QFile::copy(test::sourcePath("resources/demo/tandem.xml"),
                m_files->filePath(QStringLiteral("tandem.xml")));
    QFile::setPermissions(m_files->filePath(QStringLiteral("tandem.xml")),
                          QFile::ReadOwner | QFile::WriteOwner);
    open();
    QVERIFY(!m_doc->configuration().pairs.isEmpty());
    const PairConfig pair = m_doc->configuration().pairs.first();
    auto *tabs = child<QTabWidget>(m_window.get(), "tabs");
    QStringList clashes;
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        clashes += clashingMnemonics(tabs->widget(i));
    }
    std::vector<std::unique_ptr<QDialog>> dialogs;
    dialogs.push_back(std::make_unique<AddPairDialog>(m_doc));
    dialogs.push_back(std::make_unique<AliasDialog>(m_doc, pair.name));
    dialogs.push_back(std::make_unique<MonitorItemDialog>(pair, MonitorItem{}));
    for (const std::unique_ptr<QDialog> &dialog : dialogs) {
        dialog->show();
        clashes += clashingMnemonics(dialog.get());
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

// ctest runs this once under LANG=C (TANDEM_EXPECTED_SYSTEM_LANGUAGE=en) and once under
// LANGUAGE=de LANG=de_DE.UTF-8 (=de): with no saved choice the system's language is used.
void TestLanguages::systemLanguageIsFollowed()
{
    const QString expected = qEnvironmentVariable("TANDEM_EXPECTED_SYSTEM_LANGUAGE");
    if (expected.isEmpty())
        QSKIP("run by ctest, which sets the locale environment");
    QCOMPARE(Languages::savedChoice(), QString());
    // What app/tandem/main.cpp does without --language.
    QCOMPARE(Languages::installTranslators(*qApp, Languages::savedChoice()), expected);
    open();
    QCOMPARE(menuTitles(m_window.get()).first(),
             expected == QLatin1String("de") ? QStringLiteral("&Datei") : QStringLiteral("&File"));
}

void TestLanguages::savedChoiceWinsOverTheSystem()
{
    Languages::saveChoice(QStringLiteral("es"));
    QCOMPARE(Languages::installTranslators(*qApp, Languages::savedChoice()), QStringLiteral("es"));
    open();
    QCOMPARE(menuTitles(m_window.get()).first(), QStringLiteral("&Archivo"));
}

void TestLanguages::languageChoiceIsSavedAndReadBack()
{
    Languages::installTranslators(*qApp, QStringLiteral("en"));
    open();
    auto *menu = child<LanguageMenu>(m_window.get(), "menuLanguage");
    QVERIFY(menu);
    QVERIFY(child<QAction>(menu, "actionLanguage_system")->isChecked());

    // A different language asks whether to restart; "Later" keeps this session English.
    bool asked = false;
    test::whenModal([&asked](QWidget *modal) {
        asked = true;
        QCOMPARE(modal->objectName(), QStringLiteral("languageRestart"));
        QTest::mouseClick(child<QPushButton>(modal, "later"), Qt::LeftButton);
    });
    child<QAction>(menu, "actionLanguage_de")->trigger();
    QVERIFY(asked);
    QCOMPARE(Languages::savedChoice(), QStringLiteral("de"));
    QCOMPARE(QSettings(QStringLiteral("tandem"), QStringLiteral("console"))
                 .value(QStringLiteral("language"))
                 .toString(),
             QStringLiteral("de"));
    QCOMPARE(Languages::current(), QStringLiteral("en"));
    QCOMPARE(menuTitles(m_window.get()).first(), QStringLiteral("&File"));

    // Read back by a new console.
    m_window.reset();
    open();
    menu = child<LanguageMenu>(m_window.get(), "menuLanguage");
    QVERIFY(child<QAction>(menu, "actionLanguage_de")->isChecked());
    QVERIFY(!child<QAction>(menu, "actionLanguage_system")->isChecked());

    // Back to English, the language in use: saved, nothing to restart for.
    child<QAction>(menu, "actionLanguage_en")->trigger();
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(Languages::savedChoice(), QStringLiteral("en"));
    // The system default asks only where the system's language is not English.
    const bool asks = Languages::resolve({}) != Languages::current();
    bool askedAgain = false;
    if (asks)
        test::whenModal([&askedAgain](QWidget *modal) {
            askedAgain = true;
            QTest::mouseClick(child<QPushButton>(modal, "later"), Qt::LeftButton);
        });
    child<QAction>(menu, "actionLanguage_system")->trigger();
    QCOMPARE(askedAgain, asks);
    QCOMPARE(Languages::savedChoice(), QString());
}

void TestLanguages::restartKeepsArgumentsButLanguage()
{
    QCOMPARE(
        LanguageMenu::restartArguments({QStringLiteral("tandem"), QStringLiteral("--config"),
                                        QStringLiteral("a.xml"), QStringLiteral("--language"),
                                        QStringLiteral("de"), QStringLiteral("--language=es")}),
        QStringList({QStringLiteral("--config"), QStringLiteral("a.xml")}));
}

void TestLanguages::eventsAreRecordedInEnglishAndShownTranslated()
{
    Languages::installTranslators(*qApp, QStringLiteral("de"));
    EventLog log;
    QList<Event> posted;
    connect(&log, &EventLog::eventPosted, this, [&posted](const Event &e) { posted.append(e); });
    log.post(EventId::Connected.primary, QStringLiteral("line1"),
             {QStringLiteral("line1"), QStringLiteral("plc-a:502")});
    log.post(EventId::StatusLost.secondary, QStringLiteral("line1"),
             {QStringLiteral("line1"), QStringLiteral("plc-b:502")});
    QCOMPARE(posted.size(), 2);
    // The record (history, export, mail) is English whatever the console's language.
    QCOMPARE(posted[0].text,
             QStringLiteral("Connected to 'line1' on primary machine 'plc-a:502'."));
    QVERIFY(posted[1].toLine().contains(QLatin1String("\tError\tUnable to retrieve status")));

    EventModel model(10);
    model.append(posted);
    const QString shown = model.index(0, EventModel::EventColumn).data().toString();
    QCOMPARE(shown, QStringLiteral("Verbunden mit 'line1' auf dem Primärrechner 'plc-a:502'."));
    QCOMPARE(EventCatalog::displayText(posted[1].id, posted[1].text),
             model.index(1, EventModel::EventColumn).data().toString());
    QVERIFY(model.index(1, EventModel::EventColumn)
                .data()
                .toString()
                .contains(QLatin1String("'plc-b:502'")));
    QCOMPARE(severityName(Severity::Error), QStringLiteral("Fehler"));
    // A text that is not its template's (edited, or from another version) is shown as is.
    QCOMPARE(EventCatalog::displayText(QStringLiteral("connected.primary"), QStringLiteral("odd")),
             QStringLiteral("odd"));
}

QTEST_MAIN(TestLanguages)
#include "tst_languages.moc"
