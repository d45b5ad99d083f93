// The Diagnostics tab's event view: the ring-buffer model (checked by
// QAbstractItemModelTester, roll-over included), filters, Save As and Reset against an
// engine running in the console with its real event store.
#include "config/configdocument.h"
#include "control/enginesession.h"
#include "eventmodel.h"
#include "events/eventlog.h"
#include "events/eventstore.h"
#include "pages/diagnosticspage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "modaldialogs.h"
#include <QTimer>

using namespace tandem;
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
    QCOMPARE(model.event(0).text, QStringLiteral("event 2"));
    QCOMPARE(model.event(999).text, QStringLiteral("event 1001"));
    // A batch larger than the capacity keeps its newest part.
    batch.clear();
    for (int i = 2000; i < 3500; ++i)
        batch << makeEvent(i);
    model.append(batch);
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.event(0).text, QStringLiteral("event 2500"));
    model.setCapacity(10);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.event(0).text, QStringLiteral("event 3490"));
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
    model.append({makeEvent(1), makeEvent(2, Severity::Error),
                  makeEvent(3, Severity::Warning, QStringLiteral("line2")),
                  makeEvent(4, Severity::Error, QStringLiteral("line2"))});
    QCOMPARE(filter.rowCount(), 4);
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
}

void TestEventView::saveAsWritesEveryEvent()
{
    QTemporaryDir dir;
    ConfigDocument doc(
        {dir.filePath(QStringLiteral("tandem.xml")), dir.filePath(QStringLiteral("state"))});
    doc.load();
    DiagnosticsPage page(&doc);
    QList<Event> events;
    for (int i = 0; i < 50; ++i)
        events << makeEvent(i, i % 3 ? Severity::Informational : Severity::Error);
    page.eventModel()->append(events);
    // The filter hides some; Save As still writes them all.
    auto *severity = page.findChild<QComboBox *>(QStringLiteral("severityFilter"));
    severity->setCurrentIndex(severity->findData(int(Severity::Error)));
    QVERIFY(page.findChild<QTableView *>(QStringLiteral("eventView"))->model()->rowCount() < 50);
    const QString path = dir.filePath(QStringLiteral("events.txt"));
    QVERIFY(page.saveTo(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 50);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(lines[i], events[i].toLine());
}

void TestEventView::saveAsToUnwritablePlaceLosesNothing()
{
    QTemporaryDir dir;
    ConfigDocument doc(
        {dir.filePath(QStringLiteral("tandem.xml")), dir.filePath(QStringLiteral("state"))});
    doc.load();
    DiagnosticsPage page(&doc);
    page.eventModel()->append({makeEvent(1), makeEvent(2)});
    QString message;
    whenModal([&](QWidget *modal) {
        message = qobject_cast<QMessageBox *>(modal)->text();
        qobject_cast<QMessageBox *>(modal)->accept();
    });
    QVERIFY(!page.saveTo(dir.filePath(QStringLiteral("no/such/folder/events.txt"))));
    QVERIFY2(message.contains(QStringLiteral("no/such/folder/events.txt")), qPrintable(message));
    QCOMPARE(page.eventModel()->rowCount(), 2);
}

void TestEventView::engineEventsShowAndResetClearsThem()
{
    QTemporaryDir dir;
    const TandemPaths paths{dir.filePath(QStringLiteral("tandem.xml")),
                            dir.filePath(QStringLiteral("state"))};
    ConfigDocument doc(paths);
    doc.load();
    EngineSession session(paths);
    QVERIFY(session.start().isEmpty());
    QVERIFY(session.eventFeed());
    DiagnosticsPage page(&doc);
    page.setEngine(&session);
    // The engine's own start events come through its store.
    QTRY_VERIFY(page.eventModel()->rowCount() >= 2);
    const int before = page.eventModel()->rowCount();
    session.events()->post(QStringLiteral("connect-failed.secondary"), QStringLiteral("line1"),
                           {QStringLiteral("line1"), QStringLiteral("plc-b:502")});
    QTRY_COMPARE(page.eventModel()->rowCount(), before + 1);
    QCOMPARE(page.eventModel()->event(before).text,
             QStringLiteral("Failed to connect to 'line1' on secondary machine 'plc-b:502'."));

    // Reset asks first: Cancel keeps everything.
    auto *reset = page.findChild<QPushButton *>(QStringLiteral("resetEvents"));
    whenModal([](QWidget *modal) {
        qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Cancel)->click();
    });
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(page.eventModel()->rowCount(), before + 1);
    whenModal([](QWidget *modal) {
        QCOMPARE(modal->objectName(), QStringLiteral("resetEventsPrompt"));
        qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Reset)->click();
    });
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(page.eventModel()->rowCount(), 0);
    EventStore store(paths.stateDir);
    QString notice, error;
    QVERIFY(store.open(&notice, &error));
    QCOMPARE(store.count(), qint64(0)); // the preserved events are gone too
    session.events()->post(QStringLiteral("engine-stopped"), {}, {});
    QTRY_COMPARE(page.eventModel()->rowCount(), 1);
}

QTEST_MAIN(TestEventView)
#include "tst_eventview.moc"
