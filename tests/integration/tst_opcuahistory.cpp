// HistoryRead and HistoryUpdate through the pair's OPC UA endpoint: two node-opcua servers
// with the same archive (ns=1;s=History, 3000 values a second apart from 2024-01-01, and
// pairs of values at one timestamp), the real tandemd between them and node-opcua clients
// (client.js) on the proxy. Each value's server timestamp is its source timestamp plus the
// server's offset (0 on the primary, 1000 ms on the secondary), so the test sees which
// server gave which page. A paged read that spans a switch must be the one the client gets
// without a switch: no gap, no value twice, the pages after the switch from the new server.
#include "connectionmodes.h"
#include "opcuaclientrun.h"
#include "pairrig.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace tandem;
using namespace tandem::test;

namespace {
constexpr int SecondaryOffset = 1000;
constexpr int EventWaitMs = 15000;
const auto History = QStringLiteral("ns=1;s=History");
// Forward: page 1 (250 values) ends with 249 at 00:04:09, whose twin -249 opens page 2.
const auto Forward = QStringLiteral("2024-01-01T00:00:00Z 2024-01-01T00:10:00Z");
// Backward from 498: page 1 ends with -249, and 249 at the same time opens page 2.
const auto Backward = QStringLiteral("2024-01-01T00:08:18Z 2024-01-01T00:00:00Z");
const auto Paged = QStringLiteral("--max 250");
// Outside both ranges, so the cases after the update read what they read before it.
const auto UpdateTime = QStringLiteral("2024-01-01T01:00:00.500Z");
const auto UpdateRange = QStringLiteral("2024-01-01T01:00:00Z 2024-01-01T01:00:01Z");

enum class Fault
{
    Kill,
    Hang
};

// One value of a history page: source time and value (the archive's), and the marker.
struct Point
{
    QString time;
    double value = 0;
    int marker = 0;
    friend bool operator==(const Point &a, const Point &b)
    {
        return a.time == b.time && a.value == b.value;
    }
};

QList<Point> pageValues(const QJsonObject &page)
{
    QList<Point> points;
    for (const QJsonValue &v : page.value(QLatin1String("values")).toArray()) {
        const QJsonObject o = v.toObject();
        points.append({o.value(QLatin1String("t")).toString(),
                       o.value(QLatin1String("v")).toDouble(),
                       o.value(QLatin1String("m")).toInt()});
    }
    return points;
}

// The pages of the history operations of a client run, one list of pages per operation
// (the last one also when it stopped early, after a release).
QList<QList<QJsonObject>> historyReads(const ClientResult &result)
{
    QList<QList<QJsonObject>> reads{{}};
    for (const QJsonObject &line : result.lines) {
        if (line.contains(QLatin1String("page")))
            reads.last().append(line);
        else if (line.contains(QLatin1String("history")))
            reads.append(QList<QJsonObject>{});
    }
    if (reads.last().isEmpty()) // none after the last one that ended
        reads.removeLast();
    return reads;
}

QList<Point> allValues(const QList<QJsonObject> &pages)
{
    QList<Point> points;
    for (const QJsonObject &page : pages)
        points += pageValues(page);
    return points;
}

QString describe(const QList<Point> &points)
{
    QStringList text;
    for (const Point &p : points.mid(0, 6))
        text << QStringLiteral("%1=%2/%3").arg(p.time).arg(p.value).arg(p.marker);
    return text.join(u' ');
}
} // namespace

Q_DECLARE_METATYPE(Fault)

class TestOpcUaHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void readsUpdatesAndReleasesThroughTheProxy();
    void pagedReadSpansASwitch_data();
    void pagedReadSpansASwitch();

private:
    QString proxyUrl() const { return m_rig.endpoint(); }
    ClientResult run(const QString &url, const QString &operations) const
    {
        return runClient(url, clientWords(operations));
    }

    bool restorePeers()
    {
        return OpcUaPeer::restoreAll(
            {{m_rig.primary.get(), {}}, {m_rig.secondary.get(), {.offset = SecondaryOffset}}});
    }

    PairRig<OpcUaPeer> m_rig;
    // The primary's answers without the proxy: the reference.
    QList<Point> m_forward;
    QList<Point> m_backward;
    QJsonArray m_processed;
};

void TestOpcUaHistory::initTestCase()
{
    // Started once, side by side; init() brings them back as fresh starts leave them (the
    // archive without a case's updates), started again only when a case killed one.
    m_rig.primary = std::make_unique<OpcUaPeer>();
    m_rig.secondary = std::make_unique<OpcUaPeer>();
    QVERIFY(restorePeers());

    const ClientResult direct = run(
        m_rig.primary->url(),
        QStringLiteral("history-processed %1 %2 60000 Average history %1 %2 %3 history %1 %4 %3")
            .arg(History, Forward, Paged, Backward));
    QVERIFY2(direct.exitCode == 0, qPrintable(direct.dump()));
    m_processed = direct.line(0).value(QLatin1String("values")).toArray();
    QCOMPARE(m_processed.size(), 10); // ten minutes, one average each
    const QList<QList<QJsonObject>> reads = historyReads(direct);
    QCOMPARE(reads.size(), 2);
    m_forward = allValues(reads[0]);
    m_backward = allValues(reads[1]);
    QCOMPARE(reads[0].size(), 3);          // 250 + 250 + 102
    QCOMPARE(m_forward.size(), 601 + 1);   // 0..600 and -249
    QCOMPARE(m_backward.size(), 499 + 1);  // 498..0 and -249
    QCOMPARE(m_forward[249].value, 249.0); // the twins at one timestamp, across pages
    QCOMPARE(m_forward[250].value, -249.0);
    QCOMPARE(m_backward[249].value, -249.0);
    QCOMPARE(m_backward[250].value, 249.0);
}

void TestOpcUaHistory::init()
{
    QVERIFY(restorePeers());
    m_rig.newEngine();
}

void TestOpcUaHistory::cleanup()
{
    // A hung primary answers again first: the engine's polite stop closes its sessions there.
    if (m_rig.primary->isHung())
        m_rig.primary->resume();
    QVERIFY(m_rig.endCase(true));
}

void TestOpcUaHistory::readsUpdatesAndReleasesThroughTheProxy()
{
    QVERIFY(m_rig.engine->startWithPair(m_rig.pair(ConnectionMode::Warm, 300, 300), EventWaitMs));
    const ClientResult proxied =
        run(proxyUrl(), QStringLiteral("history-processed %1 %2 60000 Average "
                                       "history-update %1 %3 7.5 insert history %1 %4 "
                                       "history-many %1 %2 10 11 "
                                       "history %1 %2 %5 history %1 %2 %5 --release-after-page 1")
                            .arg(History, Forward, UpdateTime, UpdateRange, Paged));
    QVERIFY2(proxied.exitCode == 0, qPrintable(proxied.dump()));

    // A processed read passes as it is.
    QCOMPARE(proxied.line(0).value(QLatin1String("values")).toArray(), m_processed);
    // The update reached the active server ...
    QCOMPARE(proxied.line(1).value(QLatin1String("status")).toString(), QStringLiteral("Good"));
    QCOMPARE(proxied.line(1).value(QLatin1String("results")).toArray(),
             QJsonArray{QStringLiteral("GoodEntryInserted")});
    const QList<QList<QJsonObject>> reads = historyReads(proxied);
    QCOMPARE(reads.size(), 3);
    const QList<Point> updated = allValues(reads[0]);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(updated[0].value, 7.5);
    QCOMPARE(updated[0].marker, 0); // the primary's
    // ... and only that one.
    const ClientResult standby =
        run(m_rig.secondary->url(), QStringLiteral("history %1 %2").arg(History, UpdateRange));
    QVERIFY2(standby.exitCode == 0, qPrintable(standby.dump()));
    QCOMPARE(allValues(historyReads(standby).value(0)).size(), 0);

    // A paged read through the proxy is the direct one, page for page.
    QCOMPARE(reads[1].size(), 3);
    QCOMPARE(allValues(reads[1]), m_forward);
    for (const Point &p : allValues(reads[1]))
        QCOMPARE(p.marker, 0);
    for (const QJsonObject &page : reads[1].mid(0, 2))
        QVERIFY(page.value(QLatin1String("more")).toBool());

    // Ten continuation points per session, and the operation past them gets no data; all
    // ten released at once.
    QJsonArray statuses = proxied.line(4).value(QLatin1String("statuses")).toArray();
    QCOMPARE(statuses.size(), 11);
    QCOMPARE(statuses.last().toString(), QStringLiteral("BadNoContinuationPoints"));
    statuses.removeLast();
    for (const QJsonValue &status : statuses)
        QCOMPARE(status.toString(), QStringLiteral("Good"));
    QCOMPARE(proxied.line(4).value(QLatin1String("points")).toInt(), 10);
    QCOMPARE(proxied.line(5).value(QLatin1String("released")).toArray(),
             QJsonArray::fromStringList(QStringList(10, QStringLiteral("Good"))));

    // A released point is gone: the client's next use of it is refused.
    qsizetype released = -1;
    for (qsizetype i = 0; i < proxied.lines.size(); ++i)
        if (proxied.lines[i].contains(QLatin1String("released")))
            released = i;
    QVERIFY2(released > 0, qPrintable(proxied.dump()));
    QCOMPARE(proxied.line(released).value(QLatin1String("released")).toString(),
             QStringLiteral("Good"));
    QCOMPARE(proxied.line(released + 1).value(QLatin1String("status")).toString(),
             QStringLiteral("BadContinuationPointInvalid"));
}

void TestOpcUaHistory::pagedReadSpansASwitch_data()
{
    QTest::addColumn<ConnectionMode>("mode");
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("backward");
    QTest::newRow("warm killed") << ConnectionMode::Warm << Fault::Kill << false;
    QTest::newRow("warm hung, backward") << ConnectionMode::Warm << Fault::Hang << true;
    QTest::newRow("hot killed, backward") << ConnectionMode::Hot << Fault::Kill << true;
    QTest::newRow("hot hung") << ConnectionMode::Hot << Fault::Hang << false;
}

void TestOpcUaHistory::pagedReadSpansASwitch()
{
    QFETCH(ConnectionMode, mode);
    QFETCH(Fault, fault);
    QFETCH(bool, backward);
    QVERIFY(m_rig.engine->startWithPair(m_rig.pair(mode, 300, 300), EventWaitMs));
    const auto client = startClient(
        proxyUrl(), clientWords(QStringLiteral("history %1 %2 %3 --pause-after-page 1")
                                    .arg(History, backward ? Backward : Forward, Paged)));
    const auto paused = [&] {
        for (const QJsonObject &line : client->lines())
            if (line.contains(QLatin1String("paused")))
                return true;
        return false;
    };
    QVERIFY2(
        client->waitFor([&] { return paused() || client->finished(); }, ClientResult::TimeoutMs) &&
            paused(),
        qPrintable(client->log()));

    if (fault == Fault::Kill)
        m_rig.primary->kill();
    else
        m_rig.primary->hang();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.active(), QStringLiteral("secondary"), EventWaitMs);
    QVERIFY(client->input(QStringLiteral("continue")));
    const ClientResult rest = finishClient(*client);
    QVERIFY2(rest.exitCode == 0, qPrintable(rest.dump()));

    const QList<QList<QJsonObject>> reads = historyReads(rest);
    QCOMPARE(reads.size(), 1);
    const QList<Point> values = allValues(reads[0]);
    const QList<Point> &expected = backward ? m_backward : m_forward;
    // One continuous answer: every value once, in order, the twins at the page boundary too.
    QVERIFY2(values == expected, qPrintable(QStringLiteral("got %1 values: %2 ... expected %3")
                                                .arg(values.size())
                                                .arg(describe(values.mid(245)))
                                                .arg(expected.size())));
    // The first page came from the primary, everything after it from the secondary.
    const QList<Point> first = pageValues(reads[0].first());
    QCOMPARE(first.size(), 250);
    for (const Point &p : first)
        QCOMPARE(p.marker, 0);
    for (const Point &p : values.mid(first.size()))
        QCOMPARE(p.marker, SecondaryOffset);
}

QTEST_MAIN(TestOpcUaHistory)
#include "tst_opcuahistory.moc"
