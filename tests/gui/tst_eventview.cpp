// The Diagnostics tab's event view: the ring-buffer model (checked by
// QAbstractItemModelTester, roll-over included), filters, Save As and Reset against an
// engine running in the console with its real event store.
#include "buildpaths.h"
#include "consolefiles.h"
#include "eventmodel.h"
#include "events/eventlog.h"
#include "events/eventstore.h"
#include "host/enginesession.h"
#include "modaldialogs.h"
#include "pages/diagnosticspage.h"
#include "widgetlookup.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolTip>

using namespace tandem;
using tandem::test::child;
using tandem::test::pressButton;
using tandem::test::whenModal;

namespace {
Event makeEvent(int n, Severity severity = Severity::Informational,
                const QString &pair = QStringLiteral("line1"))
{
    Event e;
    e.time = QDateTime(QDate(2026, 11, 22), QTime(10, 0)).addMSecs(n);
    e.id = QStringLiteral("connected.primary");
    e.severity = severity;
    e.process = QStringLiteral("tandemd (7)");
    e.pair = pair;
    e.text = QStringLiteral("event %1").arg(n);
    return e;
}

} // namespace

class TestEventView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ringBufferRollsOver();
    void filters();
    void saveAsWritesEveryEvent();
    void saveAsToUnwritablePlaceLosesNothing();
    void saveAsButtonAsksForTheFile();
    void viewFollowsOnlyAtTheBottom();
    void toolTipOnlyWhenTextIsCut();
    void engineEventsShowAndResetClearsThem();
};

void TestEventView::ringBufferRollsOver()
{
    EventModel model(1000);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Event> batch;
    for (int i = 1; i <= 1000; ++i)
        batch << makeEvent(i);
    model.append(batch);
    QCOMPARE(model.rowCount(), 1000);
    model.append({makeEvent(1001)});
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.eventAt(0).text, QStringLiteral("event 2"));
    QCOMPARE(model.eventAt(999).text, QStringLiteral("event 1001"));
    // A batch larger than the capacity keeps its newest part.
    batch.clear();
    for (int i = 2000; i < 3500; ++i)
        batch << makeEvent(i);
    model.append(batch);
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.eventAt(0).text, QStringLiteral("event 2500"));
    model.setCapacity(10);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.eventAt(0).text, QStringLiteral("event 3490"));
    QCOMPARE(model.index(0, EventModel::EventColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("event 3490"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestEventView::filters()
{
    EventModel model(100);
    EventFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    Event refused = makeEvent(4, Severity::Error, QStringLiteral("line2"));
    refused.reason = QStringLiteral("Connection refused");
    model.append({makeEvent(1), makeEvent(2, Severity::Error),
                  makeEvent(3, Severity::Warning, QStringLiteral("line2")), refused});
    QCOMPARE(filter.rowCount(), 4);
    QCOMPARE(filter.index(3, EventModel::ReasonColumn).data().toString(), refused.reason);
    QCOMPARE(filter.index(0, EventModel::ReasonColumn).data().toString(), QString());
    filter.setMinimumSeverity(Severity::Warning);
    QCOMPARE(filter.rowCount(), 3);
    filter.setPair(QStringLiteral("line2"));
    QCOMPARE(filter.rowCount(), 2);
    filter.setMinimumSeverity(Severity::Error);
    QCOMPARE(filter.rowCount(), 1);
    filter.setMinimumSeverity(Severity::Informational);
    filter.setPair(QString());
    filter.setSearchText(QStringLiteral("EVENT 3"));
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, EventModel::EventColumn).data().toString(), QStringLiteral("event 3"));
    // The reason is searched too, with the severity and pair filters as they were.
    filter.setSearchText(QStringLiteral("refused"));
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, EventModel::EventColumn).data().toString(), QStringLiteral("event 4"));
    filter.setMinimumSeverity(Severity::Error);
    filter.setPair(QStringLiteral("line2"));
    QCOMPARE(filter.rowCount(), 1);
    filter.setPair(QStringLiteral("line1"));
    QCOMPARE(filter.rowCount(), 0);
}

void TestEventView::saveAsWritesEveryEvent()
{
    test::ConsoleFiles files;
    QVERIFY(files.open());
    DiagnosticsPage page(files.document());
    QList<Event> events;
    for (int i = 0; i < 50; ++i) {
        events << makeEvent(i, i % 3 ? Severity::Informational : Severity::Error);
        if (i % 3 == 0)
            events.last().reason = QStringLiteral("Connection refused");
    }
    page.eventModel()->append(events);
    // The filter hides some; Save As still writes them all.
    auto *severity = child<QComboBox>(&page, "severityFilter");
    severity->setCurrentIndex(severity->findData(int(Severity::Error)));
    QVERIFY(child<QTableView>(&page, "eventView")->model()->rowCount() < 50);
    const QString path = files.filePath(QStringLiteral("events.txt"));
    QVERIFY(page.saveTo(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 50);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(lines[i], events[i].toLine());
    QVERIFY(lines[0].endsWith(QStringLiteral("\tevent 0\tConnection refused")));
    QVERIFY(lines[1].endsWith(QStringLiteral("\tevent 1\t")));
}

void TestEventView::saveAsToUnwritablePlaceLosesNothing()
{
    test::ConsoleFiles files;
    QVERIFY(files.open());
    DiagnosticsPage page(files.document());
    page.eventModel()->append({makeEvent(1), makeEvent(2)});
    QString message;
    whenModal([&](QWidget *modal) {
        message = qobject_cast<QMessageBox *>(modal)->text();
        qobject_cast<QMessageBox *>(modal)->accept();
    });
    QVERIFY(!page.saveTo(files.filePath(QStringLiteral("no/such/folder/events.txt"))));
    QVERIFY2(message.contains(QStringLiteral("no/such/folder/events.txt")), qPrintable(message));
    QCOMPARE(page.eventModel()->rowCount(), 2);
}

void TestEventView::saveAsButtonAsksForTheFile()
{
    test::ConsoleFiles files;
    QVERIFY(files.open());
    DiagnosticsPage page(files.document());
    const QList<Event> events{makeEvent(1), makeEvent(2, Severity::Warning)};
    page.eventModel()->append(events);
    const QString path = files.filePath(QStringLiteral("report.txt"));
    QString suggested;
    whenModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<QFileDialog *>(modal);
        QVERIFY(dialog);
        suggested = dialog->selectedFiles().value(0);
        // What an operator does: type the file's path and press Enter.
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        name->setText(path);
        QTest::keyClick(name, Qt::Key_Return);
    });
    QTest::mouseClick(child<QPushButton>(&page, "saveEventsAs"), Qt::LeftButton);
    QVERIFY2(suggested.endsWith(QStringLiteral("tandem-events.txt")), qPrintable(suggested));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()),
             events[0].toLine() + QLatin1Char('\n') + events[1].toLine() + QLatin1Char('\n'));

    // Cancel writes nothing.
    QVERIFY(QFile::remove(path));
    whenModal([](QWidget *modal) { qobject_cast<QFileDialog *>(modal)->reject(); });
    QTest::mouseClick(child<QPushButton>(&page, "saveEventsAs"), Qt::LeftButton);
    QVERIFY(!QFile::exists(path));
}

void TestEventView::viewFollowsOnlyAtTheBottom()
{
    test::ConsoleFiles files;
    QVERIFY(files.open());
    DiagnosticsPage page(files.document());
    page.resize(800, 400);
    QVERIFY(test::shown(&page));
    auto *view = child<QTableView>(&page, "eventView");
    QScrollBar *bar = view->verticalScrollBar();
    QList<Event> batch;
    for (int i = 0; i < 200; ++i)
        batch << makeEvent(i);
    page.eventModel()->append(batch);
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum()); // a view at the bottom follows the newest

    page.eventModel()->append({makeEvent(200), makeEvent(201)});
    QCOMPARE(bar->value(), bar->maximum());

    // Scrolled up to read: new events do not pull the view away.
    bar->setValue(10);
    const QModelIndex top = view->indexAt(QPoint(1, 1));
    page.eventModel()->append({makeEvent(202), makeEvent(203)});
    QCOMPARE(bar->value(), 10);
    QCOMPARE(view->indexAt(QPoint(1, 1)), top);
}

void TestEventView::toolTipOnlyWhenTextIsCut()
{
    test::ConsoleFiles files;
    QVERIFY(files.open());
    DiagnosticsPage page(files.document());
    page.resize(900, 400);
    QVERIFY(test::shown(&page));
    Event longOne = makeEvent(1);
    longOne.text = QStringLiteral("Failed to connect to 'line1' on secondary machine "
                                  "'plc-b.plant.example:502': connection refused by peer");
    page.eventModel()->append({longOne});
    auto *view = child<QTableView>(&page, "eventView");
    view->horizontalHeader()->setStretchLastSection(false);
    const auto hoverEventCell = [&] {
        const QModelIndex index = view->model()->index(0, EventModel::EventColumn);
        const QPoint pos = view->visualRect(index).center();
        QHelpEvent help(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
        QApplication::sendEvent(view->viewport(), &help);
    };

    view->setColumnWidth(EventModel::EventColumn, 60);
    hoverEventCell();
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), longOne.text);

    QToolTip::hideText();
    QTRY_VERIFY(!QToolTip::isVisible());
    view->setColumnWidth(EventModel::EventColumn,
                         view->fontMetrics().horizontalAdvance(longOne.text) + 80);
    hoverEventCell();
    QVERIFY(!QToolTip::isVisible());
}

void TestEventView::engineEventsShowAndResetClearsThem()
{
    // The console's own engine: the tandemd built beside the tests.
    qputenv("TANDEM_TANDEMD", test::tandemdPath().toLocal8Bit());
    test::ConsoleFiles files;
    QVERIFY(files.open());
    const TandemPaths paths = files.paths();
    // Another writer of the same history (as a second engine process would be); first an
    // event preserved from before the console started.
    EventLog log;
    EventStore writer(paths.stateDir);
    QString notice, error;
    QVERIFY2(writer.open(&notice, &error), qPrintable(error));
    connect(&log, &EventLog::eventPosted, &writer, &EventStore::append);
    log.post(EventId::EngineStopped, {}, {});
    QVERIFY(writer.flush(&error));
    EngineSession session(paths);
    QVERIFY(session.start().isEmpty());
    QVERIFY(session.eventFeed());
    // The window is made once the engine runs: it still gets the whole history.
    DiagnosticsPage page(files.document());
    page.setEngine(&session);
    // The preserved event and the engine's own start events come through its store.
    QTRY_VERIFY(page.eventModel()->rowCount() >= 3);
    QCOMPARE(page.eventModel()->eventAt(0).id, QStringLiteral("engine-stopped"));
    const int before = page.eventModel()->rowCount();
    log.post(EventId::ConnectFailed.secondary, QStringLiteral("line1"),
             {QStringLiteral("line1"), QStringLiteral("plc-b:502")}, {},
             QStringLiteral("Connection refused"));
    QVERIFY(writer.flush(&error));
    QTRY_COMPARE(page.eventModel()->rowCount(), before + 1);
    QCOMPARE(page.eventModel()->eventAt(before).text,
             QStringLiteral("Failed to connect to 'line1' on secondary machine 'plc-b:502'."));
    // Through the event history, as a console attached to tandemd gets it.
    QCOMPARE(page.eventModel()->index(before, EventModel::ReasonColumn).data().toString(),
             QStringLiteral("Connection refused"));

    // Reset asks first: Cancel keeps everything.
    auto *reset = child<QPushButton>(&page, "resetEvents");
    whenModal([](QWidget *modal) { pressButton(modal, QMessageBox::Cancel); });
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(page.eventModel()->rowCount(), before + 1);
    EventStore store(paths.stateDir);
    QVERIFY(store.open(&notice, &error));
    const qint64 generation = store.resetGeneration();
    whenModal([](QWidget *modal) {
        QCOMPARE(modal->objectName(), QStringLiteral("resetEventsPrompt"));
        pressButton(modal, QMessageBox::Reset);
    });
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(page.eventModel()->rowCount(), 0);
    // The preserved events are gone too. The engine records who reset them: that is the
    // first event of the new history.
    QTRY_COMPARE(store.resetGeneration(), generation + 1);
    QTRY_COMPARE(store.count(), qint64(1));
    QCOMPARE(store.read().constFirst().id, QStringLiteral("control-command"));
    QTRY_COMPARE(page.eventModel()->rowCount(), 1);
    QCOMPARE(page.eventModel()->eventAt(0).id, QStringLiteral("control-command"));
    log.post(EventId::EngineStopped, {}, {});
    QVERIFY(writer.flush(&error));
    QTRY_COMPARE(page.eventModel()->rowCount(), 2);
}

QTEST_MAIN(TestEventView)
#include "tst_eventview.moc"
