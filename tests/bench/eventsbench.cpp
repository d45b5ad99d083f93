// tandem-bench-events: the event history targets of the diagnostics issue, printed.
//   store   >= 20,000 events/s appended with the cap enforced
//   start   the console's event view loads 30,000 preserved events in < 1 s
//   stall   no event-loop stall over 50 ms while 1,000 events/s arrive
//   saveas  Save As of 30,000 events in < 300 ms
// Not part of ctest; run from an optimised build (see README.md).
#include "config/configdocument.h"
#include "eventmodel.h"
#include "events/eventfeed.h"
#include "events/eventstore.h"
#include "pages/diagnosticspage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdio>

using namespace tandem;

namespace {
Event makeEvent(int n)
{
    Event e;
    e.time = QDateTime::currentDateTime();
    e.id = QStringLiteral("connected.primary");
    e.severity = n % 7 ? Severity::Informational : Severity::Error;
    e.process = QStringLiteral("tandemd (4711)");
    e.pair = QStringLiteral("line%1").arg(n % 20);
    e.text = QStringLiteral("Connected to 'line%1' on primary machine '10.0.0.%2:502'. (%3)")
                 .arg(n % 20)
                 .arg(n % 250)
                 .arg(n);
    return e;
}

int verdict(const char *name, bool pass, const QString &figure)
{
    std::printf("%s  %-8s %s\n", pass ? "PASS" : "MISS", name, qPrintable(figure));
    return pass ? 0 : 1;
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int misses = 0;
    QTemporaryDir dir;
    QString notice, error;

    { // store throughput, cap enforced
        EventStore store(dir.filePath(QStringLiteral("store")));
        if (!store.open(&notice, &error))
            qFatal("%s", qPrintable(error));
        store.setCap(30000);
        const int total = 100000;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < total; ++i)
            store.append(makeEvent(i)); // commits every BatchSize events
        store.flush();
        const double perSecond = total * 1000.0 / std::max<qint64>(1, t.elapsed());
        std::printf("store: %d events in %lld ms = %.0f events/s, %lld kept (cap 30000)\n", total,
                    t.elapsed(), perSecond, store.count());
        misses += verdict("store", perSecond >= 20000 && store.count() == 30000,
                          QStringLiteral("%1 events/s >= 20000").arg(perSecond, 0, 'f', 0));
    }

    const QString stateDir = dir.filePath(QStringLiteral("state"));
    {
        EventStore store(stateDir);
        store.open(&notice, &error);
        store.setCap(30000);
        for (int i = 0; i < 30000; ++i)
            store.append(makeEvent(i));
        store.flush();
    }
    ConfigDocument doc({dir.filePath(QStringLiteral("tandem.xml")), stateDir});
    doc.load();
    DiagnosticsSettings d;
    d.maxEvents = 30000;
    doc.setDiagnostics(d);
    DiagnosticsPage page(&doc);
    auto *view = page.findChild<QTableView *>(QStringLiteral("eventView"));
    page.resize(1000, 600);
    page.show();
    { // console start: the whole history into the view
        QElapsedTimer t;
        t.start();
        EventFeed feed(stateDir);
        QObject::connect(&feed, &EventFeed::eventsArrived, page.eventModel(), &EventModel::append);
        feed.start(&error);
        view->scrollToBottom();
        QCoreApplication::processEvents();
        const qint64 ms = t.elapsed();
        std::printf("start: %d events loaded and shown in %lld ms\n", page.eventModel()->rowCount(),
                    ms);
        misses += verdict("start", ms < 1000 && page.eventModel()->rowCount() == 30000,
                          QStringLiteral("%1 ms < 1000").arg(ms));

        // 1,000 events/s from another thread (the engine) for 5 s; measure event-loop gaps.
        std::atomic<bool> stop = false;
        QThread *writer = QThread::create([&] {
            EventStore store(stateDir);
            QString n, e;
            store.open(&n, &e);
            store.setCap(30000);
            int i = 30000;
            QElapsedTimer clock;
            clock.start();
            while (!stop) {
                while (i - 30000 < clock.elapsed()) // one per millisecond
                    store.append(makeEvent(i++));
                store.flush();
                QThread::msleep(20);
            }
        });
        writer->start();
        QElapsedTimer loop, total;
        loop.start();
        total.start();
        qint64 worst = 0;
        QTimer tick;
        QObject::connect(&tick, &QTimer::timeout, &tick,
                         [&] { worst = std::max(worst, loop.restart()); });
        tick.start(5);
        while (total.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        stop = true;
        writer->wait();
        delete writer;
        std::printf(
            "stall: worst event-loop gap %lld ms over 5 s at 1000 events/s (view holds %d)\n",
            worst, page.eventModel()->rowCount());
        misses += verdict("stall", worst <= 50, QStringLiteral("%1 ms <= 50").arg(worst));
    }
    { // Save As of 30,000 events
        QElapsedTimer t;
        t.start();
        const bool ok = page.saveTo(dir.filePath(QStringLiteral("events.txt")));
        const qint64 ms = t.elapsed();
        std::printf("saveas: %d events written in %lld ms\n", page.eventModel()->rowCount(), ms);
        misses += verdict("saveas", ok && ms < 300, QStringLiteral("%1 ms < 300").arg(ms));
    }
    return misses ? 1 : 0;
}
