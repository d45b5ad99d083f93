// Events through the proxy as models: the Hot gap fill at a switch (StandbyEvents, a table of
// scenarios: shared EventIds, servers that name events differently, events without an
// EventId, repeats), an event item's EventId clause the proxy adds for itself and strips
// again (MirroredItem), and events published beside data changes (ProxySubscription).
#include "opcua/mirroredsubscription.h"

#include <QTest>

using namespace tandem;
using namespace tandem::opcua;

namespace {

// One step of a scenario: "d ID T" the active server's event delivered at T, "k SIDE ID T"
// the standby's (p or s) kept at T; ID "-" for an event without an EventId.
struct Step
{
    char kind;
    Side side;
    QByteArray id;
    qint64 at;
};

QList<Step> steps(const QString &script)
{
    QList<Step> list;
    for (const QString &text : script.split(u';', Qt::SkipEmptyParts)) {
        const QStringList w = text.split(u' ', Qt::SkipEmptyParts);
        if (w[0] == QLatin1String("d"))
            list.append({'d', Side::None,
                         w[1] == QLatin1String("-") ? QByteArray() : w[1].toLatin1(),
                         w[2].toLongLong()});
        else
            list.append({'k', w[1] == QLatin1String("p") ? Side::Primary : Side::Secondary,
                         w[2] == QLatin1String("-") ? QByteArray() : w[2].toLatin1(),
                         w[3].toLongLong()});
    }
    return list;
}

EventFilter filterOf(const QStringList &names)
{
    EventFilter filter;
    for (const QString &name : names)
        filter.selectClauses.append({NodeId(0, EventNodeId::BaseEventType),
                                     {QualifiedName{0, name}},
                                     AttributeId::Value,
                                     QString()});
    return filter;
}

MirroredItem eventItem(const QStringList &names)
{
    MirroredItem item;
    item.id = 17;
    item.request.itemToMonitor.nodeId = NodeId(0, Id::Server);
    item.request.itemToMonitor.attributeId = AttributeId::EventNotifier;
    item.request.requestedParameters.clientHandle = 4;
    item.request.requestedParameters.filter = toExtensionObject(filterOf(names));
    item.updateEventFilter();
    return item;
}

} // namespace

class TestStandbyEvents final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gapAtASwitch_data();
    void gapAtASwitch();
    void pruneForgetsOldEventsAndIds();
    void eventIdAddedForTheMirrorsAndStripped();
    void eventIdOfTheClientsOwnClause();
    void dataItemsAndUnreadFiltersPassAsTheyAre();
    void eventsShareMessagesWithDataChanges();
};

void TestStandbyEvents::gapAtASwitch_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<qint64>("lastActiveAt");
    QTest::addColumn<QByteArrayList>("expected"); // EventIds of the gap, "-" for none
    QTest::addColumn<bool>("shared");

    // The servers name events alike (one id came from both): by EventId alone.
    QTest::newRow("shared: the missed ones, in order")
        << "d A 10; k s A 12; d B 20; k s B 21; k s C 30; k s D 31" << qint64(20)
        << QByteArrayList{"C", "D"} << true;
    QTest::newRow("shared: a standby faster than the active one")
        << "k s A 5; d A 10; k s B 6; k s C 7" << qint64(10) << QByteArrayList{"B", "C"} << true;
    QTest::newRow("shared: nothing missed")
        << "d A 10; k s A 11; d B 12; k s B 13" << qint64(12) << QByteArrayList{} << true;
    QTest::newRow("shared: a repeat of the standby's comes once")
        << "d A 10; k s A 11; k s C 20; k s C 21" << qint64(10) << QByteArrayList{"C"} << true;
    QTest::newRow("shared: the other server's kept events are not the new one's")
        << "d A 10; k s A 11; k p X 20; k s C 21" << qint64(10) << QByteArrayList{"C"} << true;
    // No id seen from both: what came after the old server's last notification.
    QTest::newRow("own ids: after the last notification")
        << "d A 10; k s Q 9; k s R 11; k s S 15" << qint64(10) << QByteArrayList{"R", "S"} << false;
    QTest::newRow("own ids: nothing after it")
        << "d A 10; k s Q 8; k s R 10" << qint64(10) << QByteArrayList{} << false;
    // Events without an EventId go by time, whatever the others do.
    QTest::newRow("no EventId: by time")
        << "d A 10; k s A 11; k s - 9; k s - 12" << qint64(10) << QByteArrayList{"-"} << true;
    QTest::newRow("nothing kept") << "d A 10" << qint64(10) << QByteArrayList{} << false;
}

void TestStandbyEvents::gapAtASwitch()
{
    QFETCH(QString, script);
    QFETCH(qint64, lastActiveAt);
    QFETCH(QByteArrayList, expected);
    QFETCH(bool, shared);
    StandbyEvents events;
    for (const Step &s : steps(script)) {
        if (s.kind == 'd')
            events.delivered(s.id, s.at);
        else
            events.keep({s.at, s.side, 1, s.id, {Variant(Value(s.id))}});
    }
    QCOMPARE(events.sharedIds(), shared);
    QByteArrayList gap;
    for (const StandbyEvents::Event &e : events.takeGap(Side::Secondary, lastActiveAt)) {
        gap.append(e.eventId.isEmpty() ? QByteArray("-") : e.eventId);
        QCOMPARE(e.fields, QList<Variant>{Variant(Value(e.eventId))}); // as they came
    }
    QCOMPARE(gap, expected);
    // All kept events are gone, and what filled the gap counts as delivered.
    QCOMPARE(events.kept(), size_t(0));
    QVERIFY(events.takeGap(Side::Secondary, -1).empty());
    for (const QByteArray &id : std::as_const(expected)) {
        if (id == "-")
            continue;
        events.keep({1000, Side::Primary, 1, id, {}});
        QVERIFY(events.takeGap(Side::Primary, -1).empty());
    }
}

void TestStandbyEvents::pruneForgetsOldEventsAndIds()
{
    StandbyEvents events;
    events.delivered("A", 0);
    events.keep({1, Side::Secondary, 1, "A", {}});
    events.keep({2, Side::Secondary, 1, "B", {}});
    events.keep({900, Side::Secondary, 1, "C", {}});
    events.prune(1000, 500, 100);
    QCOMPARE(events.kept(), size_t(1));
    // A is forgotten as delivered: kept again, it would fill a gap.
    events.keep({950, Side::Secondary, 1, "A", {}});
    events.prune(1000, 500, 1); // and past the count, the oldest go
    QCOMPARE(events.kept(), size_t(1));
    const auto gap = events.takeGap(Side::Secondary, 0);
    QCOMPARE(gap.size(), size_t(1));
    QCOMPARE(gap.front().eventId, QByteArray("A"));
}

void TestStandbyEvents::eventIdAddedForTheMirrorsAndStripped()
{
    const MirroredItem item = eventItem({QStringLiteral("Message"), QStringLiteral("Severity")});
    QVERIFY(item.isEvent);
    QVERIFY(item.eventIdAdded);
    QCOMPARE(item.eventIdField, 2);
    const MonitoringParameters mirrored = item.mirroredParameters();
    QCOMPARE(mirrored.clientHandle, quint32(17)); // the proxy's id
    const auto filter = fromExtensionObject<EventFilter>(mirrored.filter);
    QVERIFY(filter);
    QCOMPARE(filter->selectClauses.size(), 3);
    QVERIFY(isEventIdClause(filter->selectClauses[2]));
    QCOMPARE(filter->selectClauses[0].browsePath.first().name, QStringLiteral("Message"));

    const QList<Variant> fromServer{Variant(Value(QStringLiteral("High"))),
                                    Variant(Value(quint16(700))),
                                    Variant(Value(QByteArray("id-1")))};
    QCOMPARE(item.eventIdOf(fromServer), QByteArray("id-1"));
    const EventFieldList forClient = item.eventNotification(fromServer);
    QCOMPARE(forClient.clientHandle, quint32(4));
    QCOMPARE(forClient.eventFields, fromServer.mid(0, 2));

    // The server's verdict on three clauses is the client's on its two.
    EventFilterResult result;
    result.selectClauseResults = {StatusCode{}, StatusCode{Status::BadTypeMismatch}, StatusCode{}};
    const auto seen =
        fromExtensionObject<EventFilterResult>(item.clientFilterResult(toExtensionObject(result)));
    QVERIFY(seen);
    QCOMPARE(seen->selectClauseResults,
             (QList<StatusCode>{StatusCode{}, StatusCode{Status::BadTypeMismatch}}));
    // All good: no result at all, as a server that found nothing wrong sends.
    result.selectClauseResults = {StatusCode{}, StatusCode{}, StatusCode{}};
    QCOMPARE(item.clientFilterResult(toExtensionObject(result)), ExtensionObject{});
}

void TestStandbyEvents::eventIdOfTheClientsOwnClause()
{
    const MirroredItem item = eventItem({QStringLiteral("Message"), QStringLiteral("EventId")});
    QVERIFY(!item.eventIdAdded);
    QCOMPARE(item.eventIdField, 1);
    QCOMPARE(item.mirroredParameters().filter, item.request.requestedParameters.filter);
    const QList<Variant> fields{Variant(Value(QStringLiteral("x"))),
                                Variant(Value(QByteArray("E")))};
    QCOMPARE(item.eventIdOf(fields), QByteArray("E"));
    QCOMPARE(item.eventNotification(fields).eventFields, fields);
    // An EventId of another type is none.
    QCOMPARE(item.eventIdOf({Variant(), Variant(Value(QStringLiteral("E")))}), QByteArray());
}

void TestStandbyEvents::dataItemsAndUnreadFiltersPassAsTheyAre()
{
    MirroredItem data;
    data.id = 3;
    data.request.itemToMonitor.attributeId = AttributeId::Value;
    data.request.requestedParameters.clientHandle = 9;
    data.updateEventFilter();
    QVERIFY(!data.isEvent);
    QCOMPARE(data.mirroredParameters().clientHandle, quint32(3));

    MirroredItem opaque = eventItem({});
    opaque.request.requestedParameters.filter = {NodeId(0, 727), ExtensionObject::Encoding::Xml,
                                                 "<EventFilter/>"};
    opaque.updateEventFilter();
    QVERIFY(opaque.isEvent);
    QVERIFY(!opaque.eventFilter);
    QCOMPARE(opaque.eventIdField, -1);
    QCOMPARE(opaque.mirroredParameters().filter, opaque.request.requestedParameters.filter);
}

void TestStandbyEvents::eventsShareMessagesWithDataChanges()
{
    SubscriptionParameters p;
    p.maxNotificationsPerPublish = 3;
    ProxySubscription s(1, p);
    s.enqueue(MonitoredItemNotification{1, DataValue{}});
    s.enqueue(MonitoredItemNotification{1, DataValue{}});
    for (int i = 0; i < 3; ++i)
        s.enqueueEvent(EventFieldList{2, {Variant(Value(qint32(i)))}});
    QCOMPARE(s.queued(), 5);
    bool more = false;
    const NotificationMessage first = s.takeMessage(DateTime{}, &more);
    QVERIFY(more);
    QCOMPARE(first.notificationData.size(), 2);
    QCOMPARE(fromExtensionObject<DataChangeNotification>(first.notificationData[0])
                 ->monitoredItems.size(),
             2);
    const auto events = fromExtensionObject<EventNotificationList>(first.notificationData[1]);
    QVERIFY(events);
    QCOMPARE(events->events.size(), 1);
    QCOMPARE(events->events[0].clientHandle, quint32(2));
    const NotificationMessage second = s.takeMessage(DateTime{}, &more);
    QVERIFY(!more);
    QCOMPARE(second.sequenceNumber, first.sequenceNumber + 1);
    const auto rest = fromExtensionObject<EventNotificationList>(second.notificationData.value(0));
    QVERIFY(rest);
    QCOMPARE(rest->events.size(), 2);
    QCOMPARE(rest->events[1].eventFields, QList<Variant>{Variant(Value(qint32(2)))});
    // Republish gives the events back.
    QCOMPARE(s.retransmit(second.sequenceNumber)->notificationData, second.notificationData);
    // Past the limit the oldest event goes, counted.
    for (int i = 0; i < ProxySubscription::MaxQueuedNotifications + 2; ++i)
        s.enqueueEvent(EventFieldList{2, {}});
    QCOMPARE(s.queued(), ProxySubscription::MaxQueuedNotifications);
    QCOMPARE(s.dropped(), quint64(2));
}

QTEST_MAIN(TestStandbyEvents)
#include "tst_standbyevents.moc"
