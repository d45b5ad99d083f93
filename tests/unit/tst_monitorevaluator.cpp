// Monitor item rules on a hand-driven clock: the three triggers, items that cannot be
// added, array data, the failure count and when a first result may be reported.
#include "engine/monitorevaluator.h"

#include <QTest>

using namespace tandem;

namespace {
MonitorItem item(Trigger trigger, const QString &data = {}, int rate = 100)
{
    MonitorItem m;
    m.itemId = QStringLiteral("400001");
    m.trigger = trigger;
    m.triggerData = data;
    m.updateRateMs = rate;
    return m;
}
MonitorSample good(const QVariant &value)
{
    return {true, value, false};
}
const MonitorSample bad{false, {}, false};
} // namespace

class TestMonitorEvaluator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badQuality();
    void specificValue_data();
    void specificValue();
    void arrayDataIsAnErrorReportedOnce();
    void noChange();
    void addFailedStaysInErrorUntilReset();
    void failureCount();
    void noItemsNeverFail();
};

void TestMonitorEvaluator::badQuality()
{
    ManualClock clock;
    MonitorEvaluator e({item(Trigger::BadQuality)}, 1, &clock);
    QVERIFY(!e.evaluated());
    e.sample(0, good(5));
    QVERIFY(e.evaluated());
    QVERIFY(!e.failed());
    e.sample(0, bad);
    QVERIFY(e.failed());
    e.sample(0, good(5));
    QVERIFY(!e.failed());
}

void TestMonitorEvaluator::specificValue_data()
{
    QTest::addColumn<QString>("triggerData");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("inError");
    QTest::newRow("equal int") << "99" << QVariant(99u) << true;
    QTest::newRow("other int") << "99" << QVariant(98u) << false;
    QTest::newRow("negative") << "-1" << QVariant(-1) << true;
    QTest::newRow("float") << "1.5" << QVariant(1.5) << true;
    QTest::newRow("bool true vs 1") << "1" << QVariant(true) << true;
    QTest::newRow("bool false vs true") << "true" << QVariant(false) << false;
    QTest::newRow("string") << "Stopped" << QVariant(QStringLiteral("Stopped")) << true;
    QTest::newRow("other string") << "Stopped" << QVariant(QStringLiteral("Running")) << false;
}

void TestMonitorEvaluator::specificValue()
{
    QFETCH(QString, triggerData);
    QFETCH(QVariant, value);
    QFETCH(bool, inError);
    ManualClock clock;
    MonitorEvaluator e({item(Trigger::SpecificValue, triggerData)}, 1, &clock);
    e.sample(0, good(value));
    QCOMPARE(e.failed(), inError);
    // Bad quality is not "the value": the specific-value trigger does not fire on it.
    e.sample(0, bad);
    QVERIFY(!e.failed());
}

void TestMonitorEvaluator::arrayDataIsAnErrorReportedOnce()
{
    ManualClock clock;
    MonitorEvaluator e({item(Trigger::SpecificValue, QStringLiteral("1"))}, 1, &clock);
    const MonitorSample array{true, QVariantList{1, 2}, true};
    QVERIFY(e.sample(0, array));
    QVERIFY(e.failed());
    QVERIFY(!e.sample(0, array)); // reported once
    e.reset();
    QVERIFY(e.sample(0, array)); // a new connection reports it again
}

void TestMonitorEvaluator::noChange()
{
    ManualClock clock;
    MonitorEvaluator e({item(Trigger::NoChange, QStringLiteral("1000"))}, 1, &clock);
    QCOMPARE(e.msUntilNextDeadline(), 1000);
    e.sample(0, good(1));
    QVERIFY(!e.failed());
    clock.advance(600);
    e.sample(0, good(1)); // same value: no change
    e.tick();
    QVERIFY(!e.failed());
    QCOMPARE(e.msUntilNextDeadline(), 400);
    clock.advance(400);
    e.tick();
    QVERIFY(e.failed());
    QCOMPARE(e.msUntilNextDeadline(), -1);
    e.sample(0, good(2)); // an update clears the error and restarts the period
    QVERIFY(!e.failed());
    clock.advance(999);
    e.tick();
    QVERIFY(!e.failed());
    // Without any sample after reset, the period runs from the reset.
    e.reset();
    clock.advance(1000);
    e.tick();
    QVERIFY(e.evaluated());
    QVERIFY(e.failed());
}

void TestMonitorEvaluator::addFailedStaysInErrorUntilReset()
{
    ManualClock clock;
    MonitorEvaluator e({item(Trigger::BadQuality)}, 1, &clock);
    e.addFailed(0);
    QVERIFY(e.evaluated());
    QVERIFY(e.failed());
    e.sample(0, good(1));
    QVERIFY(e.failed());
    e.reset();
    QVERIFY(!e.failed());
    QVERIFY(!e.evaluated());
}

void TestMonitorEvaluator::failureCount()
{
    ManualClock clock;
    MonitorEvaluator e(
        {item(Trigger::BadQuality), item(Trigger::BadQuality), item(Trigger::BadQuality)}, 2,
        &clock);
    e.sample(0, bad);
    QCOMPARE(e.errorCount(), 1);
    QVERIFY(!e.failed());
    QVERIFY(!e.evaluated()); // items 2 and 3 have no result yet
    e.sample(1, good(0));
    e.sample(2, bad);
    QVERIFY(e.evaluated());
    QCOMPARE(e.errorCount(), 2);
    QVERIFY(e.failed());
    e.sample(0, good(0));
    QVERIFY(!e.failed());
}

void TestMonitorEvaluator::noItemsNeverFail()
{
    ManualClock clock;
    MonitorEvaluator e({}, 1, &clock);
    QVERIFY(!e.hasItems());
    QVERIFY(!e.failed());
    QVERIFY(e.evaluated());
}

QTEST_GUILESS_MAIN(TestMonitorEvaluator)
#include "tst_monitorevaluator.moc"
