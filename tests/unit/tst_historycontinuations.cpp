// The proxy's bookkeeping of history reads that span several HistoryRead calls
// (HistoryReadState, HistoryContinuations): where a read restarts on another server, what of
// the new server's answer the client has had already, and the continuation points of a
// session. A table of scenarios: the pages the client got, the details of the restart and
// what the client gets of the new server's answer.
#include "opcua/historycontinuations.h"

#include <QTest>

#include <functional>

using namespace tandem::opcua;

namespace {

constexpr qint64 TicksPerSecond = 10000000;
const DateTime Base = DateTime::fromQDateTime(QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));

DateTime at(int second)
{
    return DateTime{Base.ticks + second * TicksPerSecond};
}

DataValue value(int second, double v, quint32 status = Status::Good)
{
    DataValue d;
    d.value = Variant(v);
    if (status != Status::Good)
        d.status = StatusCode{status};
    d.sourceTimestamp = at(second);
    return d;
}

// The same archived value as a second server gives it: its own server timestamp.
DataValue fromOtherServer(DataValue d)
{
    d.serverTimestamp = DateTime{d.sourceTimestamp->ticks + 1000 * 10000};
    return d;
}

ExtensionObject raw(DateTime start, DateTime end, quint32 count = 0)
{
    return toExtensionObject(ReadRawModifiedDetails{false, start, end, count, false});
}

ExtensionObject data(const QList<DataValue> &values)
{
    return toExtensionObject(HistoryData{values});
}

HistoryEventFieldList event(const char *id, int second)
{
    return {{Variant(QByteArray(id)), Variant(at(second))}};
}

ExtensionObject events(const QList<HistoryEventFieldList> &list)
{
    return toExtensionObject(HistoryEvent{list});
}

ExtensionObject eventDetails(DateTime start, DateTime end, bool withTime)
{
    ReadEventDetails details{0, start, end, {}};
    details.filter.selectClauses.append(
        {NodeId(0, 2041), {QualifiedName{0, QStringLiteral("EventId")}}, AttributeId::Value, {}});
    if (withTime)
        details.filter.selectClauses.append(
            {NodeId(0, 2041), {QualifiedName{0, QStringLiteral("Time")}}, AttributeId::Value, {}});
    return toExtensionObject(details);
}

ExtensionObject processed(DateTime start, DateTime end, double intervalMs)
{
    return toExtensionObject(
        ReadProcessedDetails{start, end, intervalMs, {NodeId(0, 2342)}, AggregateConfiguration{}});
}

ExtensionObject atTimes(const QList<int> &seconds)
{
    ReadAtTimeDetails details;
    for (int s : seconds)
        details.reqTimes.append(at(s));
    return toExtensionObject(details);
}

struct Scenario
{
    const char *name;
    ExtensionObject details;
    QList<ExtensionObject> pages;      // what the client got before the switch
    HistoryReadState::Restart restart; // expected
    ExtensionObject answer;            // the new server's to the restart
    ExtensionObject kept;              // expected: what the client gets of it
};

QList<Scenario> scenarios()
{
    const DateTime min;
    const auto finished = HistoryReadState::Restart{HistoryReadState::Finished{}};
    const auto impossible = HistoryReadState::Restart{HistoryReadState::Impossible{}};
    return {
        {"forward: a second value at the last timestamp is not lost",
         raw(at(0), at(100), 3),
         {data({value(0, 0), value(1, 1), value(2, 2)})},
         raw(at(2), at(100), 3),
         data({fromOtherServer(value(2, 2)), fromOtherServer(value(2, -2)),
               fromOtherServer(value(3, 3))}),
         data({fromOtherServer(value(2, -2)), fromOtherServer(value(3, 3))})},
        {"forward: both values at the last timestamp delivered, across pages",
         raw(at(0), at(100), 3),
         {data({value(0, 0), value(1, 1), value(2, 2)}), data({value(2, -2)})},
         raw(at(2), at(100), 3),
         data({value(2, 2), value(2, -2), value(3, 3)}),
         data({value(3, 3)})},
        {"forward from startTime only",
         raw(at(0), min, 2),
         {data({value(0, 0), value(1, 1)})},
         raw(at(1), min, 2),
         data({value(1, 1), value(2, 2)}),
         data({value(2, 2)})},
        {"reverse: endTime before startTime",
         raw(at(10), at(0), 3),
         {data({value(10, 10), value(9, 9), value(8, 8)})},
         raw(at(8), at(0), 3),
         data({value(8, 8), value(7, 7), value(6, 6)}),
         data({value(7, 7), value(6, 6)})},
        {"reverse: endTime and a count only",
         raw(min, at(10), 2),
         {data({value(10, 10), value(9, 9)})},
         raw(min, at(9), 2),
         data({value(9, 9), value(8, 8)}),
         data({value(8, 8)})},
        {"reverse: the twin at the last timestamp comes first on the new server",
         raw(at(10), at(0), 2),
         {data({value(10, 10), value(9, -9)})},
         raw(at(9), at(0), 2),
         data({value(9, -9), value(9, 9)}),
         data({value(9, 9)})},
        {"only empty pages so far: the read starts again as it was",
         raw(at(0), at(100), 3),
         {data({}), data({})},
         raw(at(0), at(100), 3),
         data({value(0, 0)}),
         data({value(0, 0)})},
        {"the restart brings nothing new",
         raw(at(0), at(5), 3),
         {data({value(3, 3), value(4, 4), value(5, 5)})},
         raw(at(5), at(5), 3),
         data({value(5, 5)}),
         data({})},
        {"the new server's archive differs at the last timestamp: its value is delivered",
         raw(at(0), at(100), 2),
         {data({value(1, 1), value(2, 2)})},
         raw(at(2), at(100), 2),
         data({value(2, 2.5), value(3, 3)}),
         data({value(2, 2.5), value(3, 3)})},
        {"a bound the new server does not find at the restart time is dropped",
         raw(at(0), at(100), 2),
         {data({value(1, 1), value(2, 2)})},
         raw(at(2), at(100), 2),
         data({value(2, 0, Status::BadBoundNotFound), value(3, 3)}),
         data({value(3, 3)})},
        {"processed: from the interval after the last one",
         processed(at(0), at(60), 10000),
         {data({value(0, 1), value(10, 2)})},
         processed(at(20), at(60), 10000),
         data({value(20, 3), value(30, 4)}),
         data({value(20, 3), value(30, 4)})},
        {"processed, reverse",
         processed(at(60), at(0), 10000),
         {data({value(60, 1), value(50, 2)})},
         processed(at(40), at(0), 10000),
         data({value(40, 3)}),
         data({value(40, 3)})},
        {"processed: every interval delivered",
         processed(at(0), at(60), 10000),
         {data(
             {value(0, 1), value(10, 2), value(20, 3), value(30, 4), value(40, 5), value(50, 6)})},
         finished,
         {},
         {}},
        {"at time: the times not answered yet",
         atTimes({1, 2, 3, 4}),
         {data({value(1, 1), value(2, 2)})},
         atTimes({3, 4}),
         data({value(3, 3), value(4, 4)}),
         data({value(3, 3), value(4, 4)})},
        {"at time: every time answered",
         atTimes({1, 2}),
         {data({value(1, 1)}), data({value(2, 2)})},
         finished,
         {},
         {}},
        {"events: from the last Time on, the other event at that Time kept",
         eventDetails(at(0), at(100), true),
         {events({event("a", 1), event("b", 2)})},
         eventDetails(at(2), at(100), true),
         events({event("b", 2), event("c", 2), event("d", 3)}),
         events({event("c", 2), event("d", 3)})},
        {"events without a Time field cannot restart",
         eventDetails(at(0), at(100), false),
         {events({event("a", 1)})},
         impossible,
         {},
         {}},
        {"details the proxy does not know cannot restart",
         ExtensionObject{NodeId(0, 23500), ExtensionObject::Encoding::ByteString, "x"},
         {},
         impossible,
         {},
         {}},
    };
}

} // namespace

Q_DECLARE_METATYPE(HistoryReadState::Restart)

class TestHistoryContinuations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restart_data();
    void restart();
    void modifiedDataKeepsItsInfos();
    void processedReadKeepsItsNodesAggregate();
    void continuationPointsPerSession();
};

void TestHistoryContinuations::restart_data()
{
    QTest::addColumn<int>("index");
    const QList<Scenario> all = scenarios();
    for (qsizetype i = 0; i < all.size(); ++i)
        QTest::newRow(all[i].name) << int(i);
}

void TestHistoryContinuations::restart()
{
    QFETCH(int, index);
    const Scenario s = scenarios()[index];
    HistoryReadState state(s.details);
    for (const ExtensionObject &page : s.pages)
        state.delivered(page);
    const HistoryReadState::Restart restart = state.restart();
    QCOMPARE(restart.index(), s.restart.index());
    if (const auto *details = std::get_if<ExtensionObject>(&restart)) {
        QCOMPARE(*details, std::get<ExtensionObject>(s.restart));
        QCOMPARE(state.dropDelivered(s.answer), s.kept);
    }
}

void TestHistoryContinuations::modifiedDataKeepsItsInfos()
{
    HistoryReadState state(
        toExtensionObject(ReadRawModifiedDetails{true, at(0), at(10), 2, false}));
    const ModificationInfo inserted{at(50), HistoryUpdateType::Insert, QStringLiteral("a")};
    const ModificationInfo replaced{at(51), HistoryUpdateType::Replace, QStringLiteral("b")};
    state.delivered(toExtensionObject(HistoryModifiedData{{value(1, 1)}, {inserted}}));
    const auto kept =
        fromExtensionObject<HistoryModifiedData>(state.dropDelivered(toExtensionObject(
            HistoryModifiedData{{value(1, 1), value(1, 1.5)}, {inserted, replaced}})));
    QVERIFY(kept);
    QCOMPARE(kept->dataValues, QList{value(1, 1.5)});
    QCOMPARE(kept->modificationInfos.size(), 1);
    QCOMPARE(kept->modificationInfos.first().userName, QStringLiteral("b"));
}

void TestHistoryContinuations::processedReadKeepsItsNodesAggregate()
{
    ReadProcessedDetails details{at(0), at(60), 10000, {NodeId(0, 2342), NodeId(0, 2346)}, {}};
    const HistoryReadState second(toExtensionObject(details), 1);
    QCOMPARE(second.kind(), HistoryReadState::Kind::Processed);
    const auto mine = fromExtensionObject<ReadProcessedDetails>(second.details());
    QVERIFY(mine);
    QCOMPARE(mine->aggregateType, QList{NodeId(0, 2346)});
}

void TestHistoryContinuations::continuationPointsPerSession()
{
    HistoryContinuations points(2);
    HistoryContinuation c;
    c.serverPoint = "server";
    const auto a = points.add(1, c);
    const auto b = points.add(1, c);
    QVERIFY(a && b && *a != *b);
    QVERIFY(!points.add(1, c)); // BadNoContinuationPoints
    const auto other = points.add(2, c);
    QVERIFY(other && *other != *a && *other != *b);
    // A point is found only in its own session.
    QVERIFY(points.find(1, *a));
    QVERIFY(!points.find(2, *a));
    QVERIFY(!points.find(1, "server"));
    // Released: gone, and room again.
    QVERIFY(points.take(1, *a));
    QVERIFY(!points.take(1, *a));
    QVERIFY(!points.find(1, *a));
    QCOMPARE(points.count(1), 1);
    QVERIFY(points.add(1, c));
    // A session that ends gives every point back, for its server.
    QCOMPARE(points.takeSession(1).size(), 2);
    QCOMPARE(points.count(1), 0);
    QCOMPARE(points.count(2), 1);
    QVERIFY(points.takeSession(7).isEmpty());
}

QTEST_MAIN(TestHistoryContinuations)
#include "tst_historycontinuations.moc"
