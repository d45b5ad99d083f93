// The event history on disk: cap roll-over exactly at the limit, reading back, reset,
// damaged or foreign files moved aside instead of reused, and files from before the
// reason column upgraded in place.
#include "events/eventstore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

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
    void fileWithoutReasonIsUpgradedInPlace();
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
    QCOMPARE(store.read().at(0).reason, QString()); // none given, none read back
    QVERIFY(store.reset(&error));
    Event e = makeEvent(1);
    e.time = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678));
    e.severity = Severity::Error;
    e.text = QStringLiteral("Ümlaut ✓ 'quotes'");
    e.reason = QStringLiteral("no answer within 100 ms (3 in a row)");
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
    QCOMPARE(back[0].reason, e.reason);
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

void TestEventStore::fileWithoutReasonIsUpgradedInPlace()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.sqlite"));
    // The schema as Tandem wrote it before events had a reason, with three events in it.
    const auto withOldConnection = [&](const std::function<void(QSqlQuery &)> &work) {
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            work(q);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
    };
    withOldConnection([](QSqlQuery &q) {
        for (const char *statement :
             {"PRAGMA journal_mode=WAL", "CREATE TABLE schema_version (version INTEGER NOT NULL)",
              "INSERT INTO schema_version (version) VALUES (1)",
              "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, time_ms INTEGER NOT "
              "NULL, event_id TEXT NOT NULL, severity INTEGER NOT NULL, process TEXT NOT NULL, "
              "pair TEXT NOT NULL, text TEXT NOT NULL)",
              "CREATE TABLE resets (generation INTEGER NOT NULL)"})
            QVERIFY2(q.exec(QLatin1String(statement)), statement);
        for (int i = 1; i <= 3; ++i)
            QVERIFY(q.exec(QStringLiteral("INSERT INTO events (time_ms, event_id, severity, "
                                          "process, pair, text) VALUES (%1, 'connected.primary', "
                                          "0, 'tandemd (1)', 'line1', 'old event %1')")
                               .arg(i)));
    });

    EventStore store(dir.path());
    QString notice, error;
    QVERIFY2(store.open(&notice, &error), qPrintable(error));
    QVERIFY2(notice.isEmpty(), qPrintable(notice));
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("events.sqlite.unusable-*")}).size(), 0);
    QList<Event> events = store.read();
    QCOMPARE(events.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(events[i].text, QStringLiteral("old event %1").arg(i + 1));
        QCOMPARE(events[i].time.toMSecsSinceEpoch(), qint64(i + 1));
        QCOMPARE(events[i].reason, QString());
    }
    Event fresh = makeEvent(4);
    fresh.reason = QStringLiteral("Connection refused");
    store.append(fresh);
    QVERIFY(store.flush());

    // A second opener finds the column there; the file stays at its version.
    EventStore reader(dir.path());
    QVERIFY2(reader.open(&notice, &error), qPrintable(error));
    QCOMPARE(reader.read().constLast().reason, QStringLiteral("Connection refused"));

    // An older Tandem still writes the upgraded file: its insert names no reason.
    withOldConnection([](QSqlQuery &q) {
        QVERIFY(q.exec(QStringLiteral("SELECT version FROM schema_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), EventStore::SchemaVersion);
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO events (time_ms, event_id, severity, process, "
                                       "pair, text) VALUES (5, 'connected.primary', 0, "
                                       "'tandemd (1)', 'line1', 'from an older Tandem')")),
                 qPrintable(q.lastError().text()));
    });
    events = store.read();
    QCOMPARE(events.size(), 5);
    QCOMPARE(events[4].text, QStringLiteral("from an older Tandem"));
    QCOMPARE(events[4].reason, QString());
}

QTEST_GUILESS_MAIN(TestEventStore)
#include "tst_eventstore.moc"
