#include "consolefiles.h"
#include "eventmodel.h"
#include "pages/diagnosticspage.h"
#include "widgetlookup.h"

#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace tandem;
using tandem::test::child;

class TestDiagnosticsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void eventViewStartsEmpty();
    void columnsFitAsTheViewOpens();
    void reasonColumnAndSearch_data();
    void reasonColumnAndSearch();
    void defaultsShown();
    void spinBoxBounds();
    void preserveEditsDocument();
    void maxEventsEditsDocument();
    void typedMaxEventsEditsDocument();
    void savedValuesReload();
    void followsDocumentChanges();

private:
    std::unique_ptr<test::ConsoleFiles> m_files;
    ConfigDocument *m_document = nullptr;
    std::unique_ptr<DiagnosticsPage> m_page;
};

void TestDiagnosticsPage::init()
{
    m_files = std::make_unique<test::ConsoleFiles>();
    QVERIFY2(m_files->open(), "empty configuration loads");
    m_document = m_files->document();
    m_page = std::make_unique<DiagnosticsPage>(m_document);
    QVERIFY(test::shown(m_page.get()));
}

void TestDiagnosticsPage::cleanup()
{
    m_page.reset();
    m_files.reset();
}

void TestDiagnosticsPage::eventViewStartsEmpty()
{
    auto *view = child<QTableView>(m_page.get(), "eventView");
    QVERIFY(view);
    QVERIFY(view->model());
    QCOMPARE(view->model()->columnCount(), 5);
    QCOMPARE(view->model()->rowCount(), 0);
    const QStringList expected{QStringLiteral("Date"), QStringLiteral("Time"),
                               QStringLiteral("Process"), QStringLiteral("Event"),
                               QStringLiteral("Reason")};
    for (int column = 0; column < expected.size(); ++column)
        QCOMPARE(view->model()->headerData(column, Qt::Horizontal).toString(), expected[column]);

    auto *note = child<QLabel>(m_page.get(), "eventViewNote");
    QVERIFY(note);
    QVERIFY(note->isVisible());
    QVERIFY(!note->text().isEmpty());

    // Without an engine there is nothing to reset; saving an empty view is allowed.
    QVERIFY(!child<QPushButton>(m_page.get(), "resetEvents")->isEnabled());
    QVERIFY(child<QPushButton>(m_page.get(), "saveEventsAs")->isEnabled());
}

void TestDiagnosticsPage::columnsFitAsTheViewOpens()
{
    // The main window's Diagnostics tab at its default size gives the view about this much.
    DiagnosticsPage page(m_document);
    page.resize(700, 480);
    QVERIFY(test::shown(&page));
    auto *view = child<QTableView>(&page, "eventView");
    QVERIFY(view);
    const QHeaderView *header = view->horizontalHeader();
    const int reasonStart = header->sectionViewportPosition(EventModel::ReasonColumn);
    QVERIFY2(reasonStart + header->defaultSectionSize() / 2 <= view->viewport()->width(),
             qPrintable(QString::number(reasonStart)));
    QVERIFY(header->sectionSize(EventModel::EventColumn) >
            header->sectionSize(EventModel::ReasonColumn));
}

void TestDiagnosticsPage::reasonColumnAndSearch_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("reasonsShown");
    const QString refused = QStringLiteral("Connection refused");
    const QString timeout = QStringLiteral("no answer within 100 ms (3 in a row)");
    const QString gateway =
        QStringLiteral("exception 0x0B (gateway target device failed to respond)");
    QTest::newRow("nothing typed")
        << QString() << QStringList{refused, timeout, gateway, QString()};
    QTest::newRow("part of a reason") << QStringLiteral("REFUSED") << QStringList{refused};
    QTest::newRow("another reason") << QStringLiteral("0x0b") << QStringList{gateway};
    QTest::newRow("reason words, not the text")
        << QStringLiteral("3 in a row") << QStringList{timeout};
    QTest::newRow("the text still matches")
        << QStringLiteral("plc-b") << QStringList{gateway, QString()};
}

void TestDiagnosticsPage::reasonColumnAndSearch()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, reasonsShown);
    auto *view = child<QTableView>(m_page.get(), "eventView");
    auto *search = child<QLineEdit>(m_page.get(), "eventSearch");
    QVERIFY(view && search);
    QAbstractItemModelTester tester(view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto event = [](const QString &machine, const QString &reason) {
        Event e;
        e.time = QDateTime(QDate(2026, 11, 23), QTime(2, 10));
        e.id = QStringLiteral("status-lost.primary");
        e.severity = Severity::Error;
        e.process = QStringLiteral("tandemd (7)");
        e.pair = QStringLiteral("line1");
        e.text = QStringLiteral("Unable to retrieve status for server 'line1' on primary machine "
                                "'%1'. Server communications has been lost.")
                     .arg(machine);
        e.reason = reason;
        return e;
    };
    m_page->eventModel()->append(
        {event(QStringLiteral("plc-a"), QStringLiteral("Connection refused")),
         event(QStringLiteral("plc-a"), QStringLiteral("no answer within 100 ms (3 in a row)")),
         event(QStringLiteral("plc-b"),
               QStringLiteral("exception 0x0B (gateway target device failed to respond)")),
         event(QStringLiteral("plc-b"), QString())});
    search->setFocus();
    QTest::keyClicks(search, typed);
    QStringList shown;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        shown << view->model()->index(row, EventModel::ReasonColumn).data().toString();
    QCOMPARE(shown, reasonsShown);
}

void TestDiagnosticsPage::defaultsShown()
{
    auto *preserve = child<QCheckBox>(m_page.get(), "preserveEvents");
    auto *maxEvents = child<QSpinBox>(m_page.get(), "maxEvents");
    QVERIFY(preserve && maxEvents);
    QCOMPARE(preserve->isChecked(), DiagnosticsSettings().preserveEvents);
    QCOMPARE(maxEvents->value(), DiagnosticsSettings::DefaultMaxEvents);
    QVERIFY(!m_document->isModified());
}

void TestDiagnosticsPage::spinBoxBounds()
{
    auto *maxEvents = child<QSpinBox>(m_page.get(), "maxEvents");
    QVERIFY(maxEvents);
    QCOMPARE(maxEvents->minimum(), 1000);
    QCOMPARE(maxEvents->maximum(), 30000);
    maxEvents->setValue(100);
    QCOMPARE(m_document->configuration().diagnostics.maxEvents, 1000);
    maxEvents->setValue(99999);
    QCOMPARE(m_document->configuration().diagnostics.maxEvents, 30000);
}

void TestDiagnosticsPage::preserveEditsDocument()
{
    auto *preserve = child<QCheckBox>(m_page.get(), "preserveEvents");
    QVERIFY(preserve);
    QSignalSpy modified(m_document, &ConfigDocument::modifiedChanged);
    const bool before = preserve->isChecked();
    QTest::mouseClick(preserve, Qt::LeftButton, {}, preserve->rect().center());
    QCOMPARE(preserve->isChecked(), !before);
    QCOMPARE(m_document->configuration().diagnostics.preserveEvents, !before);
    QVERIFY(m_document->isModified());
    QCOMPARE(modified.count(), 1);

    QTest::mouseClick(preserve, Qt::LeftButton, {}, preserve->rect().center());
    QCOMPARE(m_document->configuration().diagnostics.preserveEvents, before);
    QVERIFY(!m_document->isModified());
}

void TestDiagnosticsPage::maxEventsEditsDocument()
{
    auto *maxEvents = child<QSpinBox>(m_page.get(), "maxEvents");
    QVERIFY(maxEvents);
    maxEvents->setValue(12000);
    QCOMPARE(m_document->configuration().diagnostics.maxEvents, 12000);
    QVERIFY(m_document->isModified());
}

void TestDiagnosticsPage::typedMaxEventsEditsDocument()
{
    auto *maxEvents = child<QSpinBox>(m_page.get(), "maxEvents");
    QVERIFY(maxEvents);
    test::retype(maxEvents, 25000);
    QCOMPARE(maxEvents->value(), 25000);
    QCOMPARE(m_document->configuration().diagnostics.maxEvents, 25000);
    QVERIFY(m_document->isModified());
}

void TestDiagnosticsPage::savedValuesReload()
{
    auto *preserve = child<QCheckBox>(m_page.get(), "preserveEvents");
    auto *maxEvents = child<QSpinBox>(m_page.get(), "maxEvents");
    QVERIFY(preserve && maxEvents);
    preserve->setChecked(false);
    maxEvents->setValue(7000);
    QVERIFY(m_document->isModified());
    const ConfigIssues issues = m_document->save();
    QVERIFY2(issues.isEmpty(), qPrintable(joinIssues(issues)));
    QVERIFY(!m_document->isModified());

    ConfigDocument reloaded(m_files->paths());
    const ConfigIssues loadIssues = reloaded.load();
    QVERIFY2(loadIssues.isEmpty(), qPrintable(joinIssues(loadIssues)));
    QCOMPARE(reloaded.configuration().diagnostics.preserveEvents, false);
    QCOMPARE(reloaded.configuration().diagnostics.maxEvents, 7000);

    DiagnosticsPage page(&reloaded);
    auto *preserve2 = child<QCheckBox>(&page, "preserveEvents");
    auto *maxEvents2 = child<QSpinBox>(&page, "maxEvents");
    QVERIFY(preserve2 && maxEvents2);
    QCOMPARE(preserve2->isChecked(), false);
    QCOMPARE(maxEvents2->value(), 7000);
    QVERIFY2(!reloaded.isModified(), "showing the settings does not change them");
}

void TestDiagnosticsPage::followsDocumentChanges()
{
    auto *preserve = child<QCheckBox>(m_page.get(), "preserveEvents");
    auto *maxEvents = child<QSpinBox>(m_page.get(), "maxEvents");
    QVERIFY(preserve && maxEvents);
    DiagnosticsSettings settings;
    settings.preserveEvents = false;
    settings.maxEvents = 2000;
    m_document->setDiagnostics(settings);
    QCOMPARE(preserve->isChecked(), false);
    QCOMPARE(maxEvents->value(), 2000);
    QCOMPARE(m_document->configuration().diagnostics, settings);
}

QTEST_MAIN(TestDiagnosticsPage)
#include "tst_diagnosticspage.moc"
