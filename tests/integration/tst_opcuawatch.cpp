// The OPC UA watch (tests/support/OpcUaWatch around client.js "watch") against the test
// peer: the proxy tests judge a proxy by what this independent subscriber sees, so it has
// to report sequence numbers, values and connection events as node-opcua saw them.
#include "opcuapeer.h"
#include "opcuawatch.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <memory>

using tandem::test::OpcUaPeer;
using tandem::test::OpcUaWatch;

namespace {
constexpr int WaitMs = 15000;
constexpr int CounterPeriodMs = 50;
constexpr int IntervalMs = 200;
constexpr int ValuesPerInterval = IntervalMs / CounterPeriodMs; // 4
const auto Counter = QStringLiteral("ns=1;s=Counter");

qint64 seqOf(const QJsonObject &record)
{
    return record.value(QLatin1String("seq")).toInteger(-1);
}

qint64 valueOf(const QJsonObject &record)
{
    return record.value(QLatin1String("value")).toInteger(-1);
}

// The data change lines grouped by the NotificationMessage they came in.
QList<QList<QJsonObject>> messages(const QList<QJsonObject> &changes)
{
    QList<QList<QJsonObject>> result;
    for (const QJsonObject &change : changes) {
        if (result.isEmpty() || seqOf(result.constLast().constFirst()) != seqOf(change))
            result.append(QList<QJsonObject>{});
        result.last() << change;
    }
    return result;
}

// Data-change messages numbered one after the other, each change with its number and a
// source timestamp and arrival time.
bool consecutiveMessages(const QList<QJsonObject> &changes, QString *why)
{
    const QList<QList<QJsonObject>> byMessage = messages(changes);
    for (qsizetype i = 0; i < byMessage.size(); ++i) {
        const QJsonObject &first = byMessage[i].constFirst();
        if (seqOf(first) < 1 || !first.value(QLatin1String("sourceTimestamp")).isString() ||
            first.value(QLatin1String("t")).toInteger() <= 0) {
            *why = QStringLiteral("message %1 without seq, sourceTimestamp or t").arg(i);
            return false;
        }
        if (i > 0 && seqOf(first) != seqOf(byMessage[i - 1].constFirst()) + 1) {
            *why = QStringLiteral("message %1 has seq %2 after %3")
                       .arg(i)
                       .arg(seqOf(first))
                       .arg(seqOf(byMessage[i - 1].constFirst()));
            return false;
        }
    }
    return true;
}

bool increasing(const QList<QJsonObject> &changes, QString *why)
{
    for (qsizetype i = 1; i < changes.size(); ++i) {
        if (valueOf(changes[i]) <= valueOf(changes[i - 1])) {
            *why = QStringLiteral("change %1 is %2 after %3")
                       .arg(i)
                       .arg(valueOf(changes[i]))
                       .arg(valueOf(changes[i - 1]));
            return false;
        }
    }
    return true;
}

qsizetype indexOfEvent(const QList<QJsonObject> &records, const QString &name)
{
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (records[i].value(QLatin1String("event")).toString() == name)
            return i;
    }
    return -1;
}
} // namespace

class TestOpcUaWatch final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void numbersNotificationsAndKeepAlives();
    void sampledAtThePublishingInterval();
    void keepsWatchingThroughAServerRestart();
    void unknownNodeFailsTheStart();

private:
    std::unique_ptr<OpcUaPeer> m_peer;
};

void TestOpcUaWatch::initTestCase()
{
    m_peer = std::make_unique<OpcUaPeer>();
    QVERIFY(m_peer->start({.offset = 100, .counterPeriodMs = CounterPeriodMs}));
}

void TestOpcUaWatch::cleanupTestCase()
{
    m_peer.reset();
}

// Sampling every change: each publishing interval's message carries the counts of that
// interval, and the messages are numbered one after the other.
void TestOpcUaWatch::numbersNotificationsAndKeepAlives()
{
    OpcUaWatch watch;
    watch.setSamplingInterval(0);
    QVERIFY(watch.start(m_peer->url(), {Counter}, IntervalMs));
    QVERIFY(watch.waitFor([&] { return messages(watch.changes()).size() >= 12; }, WaitMs));

    const QList<QJsonObject> changes = watch.changes();
    QString why;
    QVERIFY2(consecutiveMessages(changes, &why), qPrintable(why));
    QVERIFY2(increasing(changes, &why), qPrintable(why));
    QCOMPARE(changes.constFirst().value(QLatin1String("nodeId")).toString(), Counter);
    QCOMPARE(changes.constFirst().value(QLatin1String("dataType")).toString(),
             QStringLiteral("Int32"));
    // The first message may bring what queued up while the item was created, and a
    // timer firing late on a busy machine splits an interval's counts over two: the
    // median message carries one interval's.
    QList<qsizetype> sizes;
    for (const QList<QJsonObject> &message : messages(changes).mid(1))
        sizes << message.size();
    std::sort(sizes.begin(), sizes.end());
    const qsizetype median = sizes.at(sizes.size() / 2);
    qInfo("%lld messages, the median with %lld values", qint64(sizes.size()), qint64(median));
    QVERIFY2(median >= ValuesPerInterval - 1 && median <= ValuesPerInterval + 1,
             qPrintable(QString::number(median)));

    // Without changes the server sends keep-alives after 10 intervals; each carries the
    // number the next data message will have, and does not use it up.
    QVERIFY(m_peer->command(QStringLiteral("stop-counter")));
    const qsizetype keepAlivesBefore = watch.keepAlives().size();
    QVERIFY(watch.waitFor([&] { return watch.keepAlives().size() > keepAlivesBefore; }, WaitMs));
    const qint64 lastSeq = seqOf(watch.changes().constLast());
    const qint64 keepAliveSeq = seqOf(watch.keepAlives().constLast());
    QCOMPARE(keepAliveSeq, lastSeq + 1);
    QVERIFY(m_peer->command(QStringLiteral("start-counter")));
    QVERIFY(watch.waitFor([&] { return seqOf(watch.changes().constLast()) > lastSeq; }, WaitMs));
    QCOMPARE(seqOf(watch.changes().constLast()), keepAliveSeq);

    watch.stop();
    QVERIFY(!watch.isRunning());
    QCOMPARE(watch.records().constLast().value(QLatin1String("closed")).toString(),
             QStringLiteral("quit"));
    QVERIFY(watch.events().isEmpty());
}

// The default: items sampled at the publishing interval, so each message carries about
// one value, the counter about four further on.
void TestOpcUaWatch::sampledAtThePublishingInterval()
{
    OpcUaWatch watch;
    QVERIFY(watch.start(m_peer->url(), {Counter}, IntervalMs));
    QVERIFY(watch.waitFor([&] { return watch.changes().size() >= 12; }, WaitMs));

    const QList<QJsonObject> changes = watch.changes().mid(1);
    QString why;
    QVERIFY2(consecutiveMessages(changes, &why), qPrintable(why));
    QVERIFY2(increasing(changes, &why), qPrintable(why));
    const double perMessage = double(changes.size()) / double(messages(changes).size());
    QVERIFY2(perMessage <= 1.5, qPrintable(QString::number(perMessage)));
    const double step = double(valueOf(changes.constLast()) - valueOf(changes.constFirst())) /
                        double(changes.size() - 1);
    qInfo("%lld changes, %.2f a message, the counter %.2f further each", qint64(changes.size()),
          perMessage, step);
    QVERIFY2(step >= ValuesPerInterval - 1.5 && step <= ValuesPerInterval + 1.5,
             qPrintable(QString::number(step)));
    watch.stop();
}

// A killed server: the watch says so and goes on; once the server is back on its port,
// node-opcua reconnects, creates a new session and subscription, and changes come again.
void TestOpcUaWatch::keepsWatchingThroughAServerRestart()
{
    OpcUaWatch watch;
    QVERIFY(watch.start(m_peer->url(), {Counter}, IntervalMs));
    QVERIFY(watch.waitFor([&] { return watch.changes().size() >= 3; }, WaitMs));

    const quint16 port = m_peer->port();
    m_peer->kill();
    QVERIFY(
        watch.waitFor([&] { return watch.hasEvent(QStringLiteral("connection_lost")); }, WaitMs));
    QVERIFY(watch.isRunning());
    const qsizetype changesBefore = watch.changes().size();

    // Another offset, so the new values cannot come from the first run.
    constexpr int NewOffset = 5000;
    QVERIFY(m_peer->start({.offset = NewOffset, .counterPeriodMs = CounterPeriodMs}, port));
    QVERIFY(watch.waitFor(
        [&] {
            const QList<QJsonObject> changes = watch.changes();
            return changes.size() >= changesBefore + 5 && valueOf(changes.constLast()) >= NewOffset;
        },
        30000));

    const QList<QJsonObject> records = watch.records();
    const qsizetype lost = indexOfEvent(records, QStringLiteral("connection_lost"));
    const qsizetype reconnecting = indexOfEvent(records, QStringLiteral("reconnecting"));
    const qsizetype reconnected = indexOfEvent(records, QStringLiteral("reconnected"));
    QVERIFY(lost >= 0);
    QVERIFY2(reconnecting > lost && reconnected > reconnecting,
             qPrintable(QStringLiteral("%1 %2 %3").arg(lost).arg(reconnecting).arg(reconnected)));
    QVERIFY(indexOfEvent(records, QStringLiteral("terminated")) < 0);
    // The new server's subscription numbers its messages from 1 again, one after the other.
    QList<QJsonObject> after;
    for (const QJsonObject &change : watch.changes().mid(changesBefore)) {
        if (valueOf(change) >= NewOffset)
            after << change;
    }
    QVERIFY(!after.isEmpty());
    QCOMPARE(seqOf(after.constFirst()), 1);
    QString why;
    QVERIFY2(consecutiveMessages(after, &why), qPrintable(why));
    QVERIFY2(increasing(after, &why), qPrintable(why));

    watch.stop();
    QCOMPARE(watch.records().constLast().value(QLatin1String("closed")).toString(),
             QStringLiteral("quit"));
}

void TestOpcUaWatch::unknownNodeFailsTheStart()
{
    OpcUaWatch watch;
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("did not subscribe(.|\n)*"
                                                           "ns=1;s=NoSuchNode: BadNodeIdUnknown")));
    QVERIFY(!watch.start(m_peer->url(), {Counter, QStringLiteral("ns=1;s=NoSuchNode")}));
    QVERIFY(!watch.isRunning());
}

QTEST_GUILESS_MAIN(TestOpcUaWatch)
#include "tst_opcuawatch.moc"
