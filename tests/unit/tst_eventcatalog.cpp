// The event catalog is the single list of events: every runtime message of the reference manual,
// with its severity, and Tandem's own, each with a stable unique id.
#include "events/eventcatalog.h"
#include "events/eventids.h"
#include "events/eventlog.h"

#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace tandem;

class TestEventCatalog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySeedEventIsThere_data();
    void everySeedEventIsThere();
    void idsAreUniqueAndTextsComplete();
    void idConstantsAreTheCatalog();
    void postFillsTheText();
    void fillIsOnePass_data();
    void fillIsOnePass();
    void postKeepsPlaceholdersInArguments();
    void lineFormat_data();
    void lineFormat();
};

void TestEventCatalog::everySeedEventIsThere_data()
{
    // The reference manual's wording, <...> as its placeholders.
    QTest::addColumn<QString>("seedText");
    QTest::addColumn<int>("severity");
    const auto both = [](const char *text, Severity severity) {
        for (const char *machine : {"primary", "secondary"}) {
            const QString t = QString::fromLatin1(text).replace(QStringLiteral("MACHINE"),
                                                                QLatin1String(machine));
            QTest::newRow(qPrintable(t)) << t << int(severity);
        }
    };
    // Runtime Diagnostics of the reference manual (docs/requirements.md), all of them.
    both("Attempt to add monitor item '<item id>' for '<server name>' on MACHINE machine '<machine "
         "name>' failed. "
         "This monitor item will be considered in error",
         Severity::Error);
    both("Connected to '<server name>' on MACHINE machine '<machine name>'",
         Severity::Informational);
    both("Disconnected from '<server name>' on MACHINE machine '<machine name>'",
         Severity::Informational);
    both("Failed to connect to '<server name>' on MACHINE machine '<machine name>'",
         Severity::Error);
    both("Monitor item '<item id>' for '<server name>' on MACHINE machine '<machine name>' "
         "contains array data which is "
         "not supported for the 'specific value' trigger condition",
         Severity::Error);
    both("Monitor item test in error for '<server name>' on MACHINE machine '<machine name>'",
         Severity::Error);
    both("Monitor item test passed for '<server name>' on MACHINE machine '<machine name>'",
         Severity::Informational);
    both(
        "Promoted active connection for server '<server name>' to MACHINE machine '<machine name>'",
        Severity::Informational);
    both("Received shutdown notification from server '<server name>' on MACHINE machine '<machine "
         "name>'",
         Severity::Informational);
    both("Unable to retrieve status for server '<server name>' on MACHINE machine '<machine "
         "name>'. Server "
         "communications has been lost",
         Severity::Error);
}

void TestEventCatalog::everySeedEventIsThere()
{
    QFETCH(QString, seedText);
    QFETCH(int, severity);
    QString expected = seedText;
    expected.replace(QStringLiteral("<server name>"), QStringLiteral("%1"))
        .replace(QStringLiteral("<machine name>"), QStringLiteral("%2"))
        .replace(QStringLiteral("<item id>"), QStringLiteral("%3"));
    expected += QLatin1Char('.');
    int found = 0;
    for (const EventDefinition &e : EventCatalog::all()) {
        if (EventCatalog::text(e) == expected) {
            ++found;
            QCOMPARE(int(e.severity), severity);
        }
    }
    QCOMPARE(found, 1);
}

void TestEventCatalog::idsAreUniqueAndTextsComplete()
{
    QSet<QString> ids;
    for (const EventDefinition &e : EventCatalog::all()) {
        const QString id = QLatin1String(e.id);
        QVERIFY2(!ids.contains(id), e.id);
        ids.insert(id);
        QVERIFY(EventCatalog::find(id) == &e);
        QVERIFY(!EventCatalog::text(e).isEmpty());
    }
    QVERIFY(ids.size() >= 28);
    for (const char *own :
         {"engine-started", "engine-stopped", "config-loaded", "config-rejected", "smtp-failed",
          "license-changed", "event-store-error", "endpoint-failed"})
        QVERIFY2(EventCatalog::find(QLatin1String(own)), own);
    QVERIFY(!EventCatalog::find(QStringLiteral("no-such-event")));
}

// eventcatalog.cpp checks this when it compiles; here it is seen from outside, both ways.
void TestEventCatalog::idConstantsAreTheCatalog()
{
    QSet<QString> constants;
    for (const EventIdentifier &id : EventId::All) {
        QVERIFY2(EventCatalog::find(id.toString()), id.name());
        QCOMPARE(EventCatalog::definition(id).id, id.name());
        constants.insert(id.toString());
    }
    for (const EventDefinition &definition : EventCatalog::all()) {
        const QString id = QString::fromLatin1(definition.id);
        QVERIFY2(constants.contains(id), definition.id);
        QCOMPARE(EventId::find(id)->name(), definition.id);
    }
    QCOMPARE(constants.size(), EventCatalog::all().size());
    QCOMPARE(EventId::Connected.primary.toString(), QStringLiteral("connected.primary"));
    QCOMPARE(EventId::Connected.secondary.toString(), QStringLiteral("connected.secondary"));
    QCOMPARE(EventId::ClientStalled.toString(), QStringLiteral("client-stalled"));
    QVERIFY(!EventId::find(QStringLiteral("client-staled")));
    QVERIFY(EventId::PinEnded.primary == EventId::PinEnded.primary);
    QVERIFY(!(EventId::PinEnded.primary == EventId::PinEnded.secondary));
}

void TestEventCatalog::postFillsTheText()
{
    EventLog log;
    QSignalSpy posted(&log, &EventLog::eventPosted);
    log.post(EventId::MonitorAddFailed.secondary, QStringLiteral("line1"),
             {QStringLiteral("line1"), QStringLiteral("plc-b:502"), QStringLiteral("400010")},
             QStringLiteral("mbpoll (5123)"),
             QStringLiteral("exception 0x02 (illegal data address)"));
    QCOMPARE(posted.count(), 1);
    const Event e = posted.at(0).at(0).value<Event>();
    QCOMPARE(
        e.text,
        QStringLiteral(
            "Attempt to add monitor item '400010' for 'line1' on secondary machine 'plc-b:502' "
            "failed. This monitor item will be considered in error."));
    QCOMPARE(e.severity, Severity::Error);
    QCOMPARE(e.process, QStringLiteral("mbpoll (5123)"));
    QCOMPARE(e.pair, QStringLiteral("line1"));
    QCOMPARE(e.reason, QStringLiteral("exception 0x02 (illegal data address)"));
    log.post(EventId::EngineStopped, {}, {});
    QVERIFY(posted.at(1).at(0).value<Event>().process.endsWith(
        QStringLiteral("(%1)").arg(QCoreApplication::applicationPid())));
    QCOMPARE(posted.at(1).at(0).value<Event>().reason, QString());
}

void TestEventCatalog::fillIsOnePass_data()
{
    QTest::addColumn<QString>("templateText");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    const QString twoNames = QStringLiteral("'%1' on '%2'");
    QTest::newRow("%1 in an argument")
        << twoNames << QStringList{QStringLiteral("line%1"), QStringLiteral("plc")}
        << QStringLiteral("'line%1' on 'plc'");
    QTest::newRow("%2 in an argument")
        << twoNames << QStringList{QStringLiteral("line%2"), QStringLiteral("plc")}
        << QStringLiteral("'line%2' on 'plc'");
    QTest::newRow("%% in an argument")
        << twoNames << QStringList{QStringLiteral("100%%"), QStringLiteral("plc%")}
        << QStringLiteral("'100%%' on 'plc%'");
    QTest::newRow("placeholders out of order")
        << QStringLiteral("%3 of %1 on %2")
        << QStringList{QStringLiteral("a%3"), QStringLiteral("b%1"), QStringLiteral("c%2")}
        << QStringLiteral("c%2 of a%3 on b%1");
    QTest::newRow("repeated placeholder")
        << QStringLiteral("%1 and %1 again") << QStringList{QStringLiteral("x%1")}
        << QStringLiteral("x%1 and x%1 again");
    QTest::newRow("placeholder without argument stays")
        << twoNames << QStringList{QStringLiteral("line1")} << QStringLiteral("'line1' on '%2'");
    QTest::newRow("argument without placeholder is unused")
        << QStringLiteral("'%1'") << QStringList{QStringLiteral("a"), QStringLiteral("b")}
        << QStringLiteral("'a'");
}

void TestEventCatalog::fillIsOnePass()
{
    QFETCH(QString, templateText);
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QCOMPARE(EventCatalog::fill(templateText, args), expected);
}

void TestEventCatalog::postKeepsPlaceholdersInArguments()
{
    // Pair names and item ids are the operator's: "%1" in one is text, not a placeholder.
    EventLog log;
    QSignalSpy posted(&log, &EventLog::eventPosted);
    log.post(EventId::MonitorAddFailed.primary, QStringLiteral("line%1"),
             {QStringLiteral("line%1"), QStringLiteral("plc%2:502"), QStringLiteral("%%40001")});
    QCOMPARE(posted.count(), 1);
    QCOMPARE(posted.at(0).at(0).value<Event>().text,
             QStringLiteral("Attempt to add monitor item '%%40001' for 'line%1' on primary machine "
                            "'plc%2:502' failed. This monitor item will be considered in error."));
}

void TestEventCatalog::lineFormat_data()
{
    QTest::addColumn<QString>("process");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("line");
    const QString start = QStringLiteral("2026-11-22\t23:05:07.042\t");
    QTest::newRow("without reason: the line ends in a tab")
        << QStringLiteral("tandemd (99)") << QStringLiteral("Connected.") << QString()
        << start + QStringLiteral("tandemd (99)\tWarning\tConnected.\t");
    QTest::newRow("reason last")
        << QStringLiteral("tandemd (99)")
        << QStringLiteral("Failed to connect to 'line1' on primary machine 'plc-a'.")
        << QStringLiteral("Connection refused")
        << start + QStringLiteral("tandemd (99)\tWarning\tFailed to connect to 'line1' on "
                                  "primary machine 'plc-a'.\tConnection refused");
    QTest::newRow("tabs and line breaks flattened")
        << QStringLiteral("odd\tname (5)") << QStringLiteral("two\tparts\nand lines")
        << QStringLiteral("550 5.1.1\r\nuser\tunknown")
        << start + QStringLiteral("odd name (5)\tWarning\ttwo parts and lines\t550 5.1.1  "
                                  "user unknown");
}

void TestEventCatalog::lineFormat()
{
    QFETCH(QString, process);
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QFETCH(QString, line);
    Event e;
    e.time = QDateTime(QDate(2026, 11, 22), QTime(23, 5, 7, 42));
    e.severity = Severity::Warning;
    e.process = process;
    e.text = text;
    e.reason = reason;
    QCOMPARE(e.toLine(), line);
    QCOMPARE(e.toLine().split(QLatin1Char('\t')).size(), Event::LineColumns);
}

QTEST_GUILESS_MAIN(TestEventCatalog)
#include "tst_eventcatalog.moc"
