// The event history on disk: cap roll-over exactly at the limit, reading back, reset,
// and damaged or foreign files moved aside instead of reused.
#include "events/eventstore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;

namespace {
Event makeEvent(int n)
{
    Event e;
    e.time = QDateTime::currentDateTime();
    e.id = QStringLiteral("connected.primary");
    e.severity = Severity::Informational;
    e.process = QStringLiteral("tandemd (1)");
    e.pair = QStringLiteral("line1");
    e.text = QStringLiteral("event %1").arg(n);
    return e;
}
} // namespace

class TestEventStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void capRollsOverExactly_data();
    void capRollsOverExactly();
    void batchesCommitWithoutFlush();
    void reset();
    void damagedFileIsMovedAside();
    void foreignDatabaseIsMovedAside();
    void secondReaderSeesCommittedEvents();
};

void TestEventStore::roundTrip()
{
    QTemporaryDir dir;
    EventStore store(dir.path());
    QString notice, error;
    QVERIFY2(store.open(&notice, &error), qPrintable(error));
    QVERIFY(notice.isEmpty());
    Event engineWide = makeEvent(0);
    engineWide.pair = QString(); // null, as for engine events
    store.append(engineWide);
    QVERIFY(store.flush());
    QCOMPARE(store.read().at(0).pair, QString());
    QVERIFY(store.reset(&error));
    Event e = makeEvent(1);
    e.time = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678));
    e.severity = Severity::Error;
    e.text = QStringLiteral("Ümlaut ✓ 'quotes'");
    store.append(e);
    QVERIFY(store.flush());
    QList<qint64> ids;
    const QList<Event> back = store.read(0, -1, &ids);
    QCOMPARE(back.size(), 1);
    QCOMPARE(back[0].time, e.time);
    QCOMPARE(back[0].severity, Severity::Error);
    QCOMPARE(back[0].text, e.text);
    QCOMPARE(back[0].process, e.process);
    QCOMPARE(back[0].pair, e.pair);
    QCOMPARE(back[0].id, e.id);
    QCOMPARE(store.read(ids[0]).size(), 0);
}

void TestEventStore::capRollsOverExactly_data()
{
    QTest::addColumn<int>("cap");
    QTest::newRow("1000") << 1000;
    QTest::newRow("30000") << 30000;
}

void TestEventStore::capRollsOverExactly()
{
    QFETCH(int, cap);
    QTemporaryDir dir;
    EventStore store(dir.path());
    QString notice, error;
    QVERIFY(store.open(&notice, &error));
    store.setCap(cap);
    for (int i = 1; i <= cap; ++i)
        store.append(makeEvent(i));
    QVERIFY(store.flush());
    QCOMPARE(store.count(), qint64(cap));
    QCOMPARE(store.read(0, 1).at(0).text, QStringLiteral("event 1"));
    store.append(makeEvent(cap + 1));
    QVERIFY(store.flush());
    QCOMPARE(store.count(), qint64(cap));
    QCOMPARE(store.read(0, 1).at(0).text, QStringLiteral("event 2")); // the oldest went first
    const QList<Event> all = store.read();
    QCOMPARE(all.constLast().text, QStringLiteral("event %1").arg(cap + 1));
    // Lowering the cap drops the oldest beyond it.
    store.setCap(cap / 2);
    QVERIFY(store.flush());
    QCOMPARE(store.count(), qint64(cap / 2));
    QCOMPARE(store.read(0, 1).at(0).text, QStringLiteral("event %1").arg(cap + 2 - cap / 2));
}

void TestEventStore::batchesCommitWithoutFlush()
{
    QTemporaryDir dir;
    EventStore store(dir.path());
    QString notice, error;
    QVERIFY(store.open(&notice, &error));
    store.append(makeEvent(1));
    // A second connection (another process would be the same) sees it once the batch commits.
    EventStore reader(dir.path());
    QVERIFY(reader.open(&notice, &error));
    QTRY_COMPARE(reader.count(), qint64(1));
}

void TestEventStore::reset()
{
    QTemporaryDir dir;
    EventStore store(dir.path());
    QString notice, error;
    QVERIFY(store.open(&notice, &error));
    for (int i = 0; i < 10; ++i)
        store.append(makeEvent(i));
    QVERIFY(store.flush());
    QVERIFY(store.reset(&error));
    QCOMPARE(store.count(), qint64(0));
    store.append(makeEvent(11));
    QVERIFY(store.flush());
    QCOMPARE(store.read().at(0).text, QStringLiteral("event 11"));
}

void TestEventStore::damagedFileIsMovedAside()
{
    QTemporaryDir dir;
    QFile junk(dir.filePath(QStringLiteral("events.sqlite")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(8192, 'x'));
    junk.close();
    EventStore store(dir.path());
    QString notice, error;
    QVERIFY2(store.open(&notice, &error), qPrintable(error));
    QVERIFY2(notice.contains(QStringLiteral("moved to")), qPrintable(notice));
    const QStringList aside =
        QDir(dir.path()).entryList({QStringLiteral("events.sqlite.unusable-*")});
    QCOMPARE(aside.size(), 1);
    QCOMPARE(QFileInfo(dir.filePath(aside[0])).size(), qint64(8192)); // kept as it was
    store.append(makeEvent(1));
    QVERIFY(store.flush());
    QCOMPARE(store.count(), qint64(1));
}

void TestEventStore::foreignDatabaseIsMovedAside()
{
    QTemporaryDir dir;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(dir.filePath(QStringLiteral("events.sqlite")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE recipes (name TEXT)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    EventStore store(dir.path());
    QString notice, error;
    QVERIFY(store.open(&notice, &error));
    QVERIFY(!notice.isEmpty());
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("events.sqlite.unusable-*")}).size(), 1);
}

void TestEventStore::secondReaderSeesCommittedEvents()
{
    QTemporaryDir dir;
    EventStore writer(dir.path());
    QString notice, error;
    QVERIFY(writer.open(&notice, &error));
    for (int i = 0; i < 100; ++i)
        writer.append(makeEvent(i));
    QVERIFY(writer.flush());
    EventStore reader(dir.path());
    QVERIFY(reader.open(&notice, &error));
    QList<qint64> ids;
    QCOMPARE(reader.read(0, -1, &ids).size(), 100);
    writer.append(makeEvent(100));
    QVERIFY(writer.flush());
    const QList<Event> more = reader.read(ids.constLast());
    QCOMPARE(more.size(), 1);
    QCOMPARE(more[0].text, QStringLiteral("event 100"));
}

QTEST_GUILESS_MAIN(TestEventStore)
#include "tst_eventstore.moc"
