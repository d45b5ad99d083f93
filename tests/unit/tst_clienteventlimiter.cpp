// ClientEventLimiter: client events are posted at most EventsPerWindow
// a window per pair, the rest summarised in one event when the window ends, and the /proc
// lookup that names the client's process never holds an event past its budget. Time is a
// ManualClock; the lookups are functions the test controls (a real /proc cannot be made
// to hang on purpose).
#include "engine/clienteventlimiter.h"
#include "events/eventlog.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

using namespace tandem;

class TestClientEventLimiter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postsTenThenSummarises();
    void windowStartsAgain();
    void namesTheProcess();
    void slowLookupIsNotWaitedFor();
    void manyHangingLookupsAreNotStarted();

private:
    static QStringList texts(const QSignalSpy &spy)
    {
        QStringList t;
        for (const QList<QVariant> &args : spy)
            t << args.at(0).value<Event>().text;
        return t;
    }
    static QStringList malformed(int n)
    {
        return {QStringLiteral("line1"), QStringLiteral("127.0.0.1:%1").arg(40000 + n),
                QStringLiteral("garbage")};
    }
};

void TestClientEventLimiter::postsTenThenSummarises()
{
    ManualClock clock;
    EventLog log;
    QSignalSpy spy(&log, &EventLog::eventPosted);
    ClientEventLimiter limiter(&log, QStringLiteral("line1"), &clock);
    for (int i = 0; i < 300; ++i) {
        limiter.post(EventId::ClientMalformed, malformed(i));
        clock.advance(100); // 300 clients in 30 s: all in one window
    }
    QCOMPARE(spy.size(), ClientEventLimiter::EventsPerWindow);
    QCOMPARE(limiter.suppressedInWindow(), 300 - ClientEventLimiter::EventsPerWindow);
    clock.advance(ClientEventLimiter::WindowMs - 30000 - 1);
    QCOMPARE(spy.size(), ClientEventLimiter::EventsPerWindow); // not before the window ends
    clock.advance(1);
    QCOMPARE(spy.size(), ClientEventLimiter::EventsPerWindow + 1);
    const Event summary = spy.last().at(0).value<Event>();
    QCOMPARE(summary.id, QStringLiteral("client-events-suppressed"));
    QCOMPARE(summary.pair, QStringLiteral("line1"));
    QVERIFY2(summary.text.contains(QStringLiteral("290")), qPrintable(summary.text));
    // Nothing more to say: no further summary.
    clock.advance(10 * ClientEventLimiter::WindowMs);
    QCOMPARE(spy.size(), ClientEventLimiter::EventsPerWindow + 1);
}

void TestClientEventLimiter::windowStartsAgain()
{
    ManualClock clock;
    EventLog log;
    QSignalSpy spy(&log, &EventLog::eventPosted);
    ClientEventLimiter limiter(&log, QStringLiteral("line1"), &clock);
    for (int i = 0; i < 3; ++i)
        limiter.post(EventId::ClientMalformed, malformed(i));
    clock.advance(ClientEventLimiter::WindowMs);
    QCOMPARE(spy.size(), 3); // no summary: nothing was held back
    for (int i = 0; i < 12; ++i)
        limiter.post(EventId::ClientMalformed, malformed(i));
    QCOMPARE(spy.size(), 3 + ClientEventLimiter::EventsPerWindow);
    clock.advance(ClientEventLimiter::WindowMs);
    QCOMPARE(spy.size(), 3 + ClientEventLimiter::EventsPerWindow + 1);
    QVERIFY(texts(spy).last().contains(QStringLiteral("2 more")));
}

void TestClientEventLimiter::namesTheProcess()
{
    ManualClock clock;
    EventLog log;
    QSignalSpy spy(&log, &EventLog::eventPosted);
    ClientEventLimiter limiter(&log, QStringLiteral("line1"), &clock,
                               [](quint16 client, quint16 server) {
                                   return QStringLiteral("mbpoll (%1)").arg(client + server);
                               });
    limiter.post(EventId::ClientMalformed, malformed(0), -1, 40000, 1502);
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<Event>().process, QStringLiteral("mbpoll (41502)"));
    QCOMPARE(limiter.runningLookups(), 0);
}

void TestClientEventLimiter::slowLookupIsNotWaitedFor()
{
    ManualClock clock;
    EventLog log;
    QSignalSpy spy(&log, &EventLog::eventPosted);
    QSemaphore release;
    {
        ClientEventLimiter limiter(&log, QStringLiteral("line1"), &clock,
                                   [&release](quint16, quint16) {
                                       release.acquire(); // a /proc that does not answer
                                       return QStringLiteral("late (1)");
                                   });
        limiter.post(EventId::ClientMalformed, malformed(0), -1, 40000, 1502);
        QCOMPARE(spy.size(), 0);
        clock.advance(ClientEventLimiter::LookupBudgetMs - 1);
        QCOMPARE(spy.size(), 0);
        clock.advance(1);
        QCOMPARE(spy.size(), 1); // posted at the budget, without the name
        QCOMPARE(spy.at(0).at(0).value<Event>().process, log.defaultProcess());
        release.release();
        QTRY_COMPARE(limiter.runningLookups(), 0);
        QCOMPARE(spy.size(), 1); // the late name posts nothing more
    }
}

void TestClientEventLimiter::manyHangingLookupsAreNotStarted()
{
    ManualClock clock;
    EventLog log;
    QSignalSpy spy(&log, &EventLog::eventPosted);
    QSemaphore release;
    std::atomic<int> started = 0;
    ClientEventLimiter limiter(&log, QStringLiteral("line1"), &clock, [&](quint16, quint16) {
        ++started;
        release.acquire();
        return QString();
    });
    for (int i = 0; i < ClientEventLimiter::EventsPerWindow; ++i) {
        limiter.post(EventId::ClientMalformed, malformed(i), -1, quint16(40000 + i), 1502);
        clock.advance(ClientEventLimiter::LookupBudgetMs);
    }
    // Every event is posted at its budget; no more lookups run than the cap.
    QCOMPARE(spy.size(), ClientEventLimiter::EventsPerWindow);
    QCOMPARE(limiter.runningLookups(), ClientEventLimiter::MaxRunningLookups);
    release.release(ClientEventLimiter::EventsPerWindow);
    QTRY_COMPARE(limiter.runningLookups(), 0);
    QCOMPARE(started.load(), ClientEventLimiter::MaxRunningLookups);
}

QTEST_GUILESS_MAIN(TestClientEventLimiter)
#include "tst_clienteventlimiter.moc"
