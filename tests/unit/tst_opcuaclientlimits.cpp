// The decisions behind the OPC UA endpoint's client limits, as models on a
// table of scenarios: the lockout after failed logins, which session gives way at a
// session limit, and when a connection has missed its handshake or idle deadline. The
// proxy's wiring of them is tst_opcuaproxysessions' (fake clock) and tst_opcuaproxy's
// (real tandemd and node-opcua).
#include "opcua/channeldeadline.h"
#include "opcua/loginthrottle.h"
#include "opcua/sessionadmission.h"

#include <QTest>

using namespace tandem::opcua;

namespace {

// One step of a login scenario: at time `at`, does `address` get to try (expected
// `allowed`); if it does, it fails, and `lockout` is the lockout that failure starts.
struct LoginStep
{
    qint64 at;
    QString address;
    bool allowed;
    qint64 lockout = 0;
};

const QString A = QStringLiteral("10.0.0.5");
const QString B = QStringLiteral("10.0.0.6");

} // namespace

Q_DECLARE_METATYPE(QList<LoginStep>)
Q_DECLARE_METATYPE(QList<SessionSummary>)
Q_DECLARE_METATYPE(ChannelActivity)

class TestOpcUaClientLimits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loginThrottle_data();
    void loginThrottle();
    void aGoodLoginForgets();
    void thousandWrongPasswords();
    void guessesSentAtOnceAreNoMoreChecked();
    void throttleForgetsQuietAddressesAndStaysBounded();
    void sessionAdmission_data();
    void sessionAdmission();
    void channelDeadline_data();
    void channelDeadline();
};

void TestOpcUaClientLimits::loginThrottle_data()
{
    QTest::addColumn<int>("attempts");
    QTest::addColumn<qint64>("lockoutMs");
    QTest::addColumn<QList<LoginStep>>("steps");

    QTest::newRow("three failures lock for the lockout")
        << 3 << qint64(10000)
        << QList<LoginStep>{{0, A, true},           {10, A, true},     {20, A, true, 10000},
                            {30, A, false},         {10019, A, false}, // still locked
                            {10020, A, true, 20000}};                  // one more: twice as long
    QTest::newRow("lockouts double up to an hour") << 1 << qint64(1000000)
                                                   << QList<LoginStep>{{0, A, true, 1000000},
                                                                       {1000000, A, true, 2000000},
                                                                       {3000000, A, true, 3600000},
                                                                       {6600000, A, true, 3600000}};
    QTest::newRow("a lockout longer than an hour stays as set")
        << 1 << qint64(7200000)
        << QList<LoginStep>{{0, A, true, 7200000}, {7200000, A, true, 7200000}};
    QTest::newRow("addresses are apart")
        << 2 << qint64(5000) << QList<LoginStep>{{0, A, true},  {1, A, true, 5000}, {2, B, true},
                                                 {3, A, false}, {4, B, true, 5000}, {5, B, false}};
    QTest::newRow("guesses while locked neither count nor extend")
        << 2 << qint64(5000)
        << QList<LoginStep>{{0, A, true},    {1, A, true, 5000}, {100, A, false},
                            {200, A, false}, {4999, A, false},   {5001, A, true, 10000}};
}

void TestOpcUaClientLimits::loginThrottle()
{
    QFETCH(int, attempts);
    QFETCH(qint64, lockoutMs);
    QFETCH(QList<LoginStep>, steps);
    LoginThrottle throttle;
    throttle.setLimits(attempts, lockoutMs);
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const LoginStep &step = steps[i];
        const QByteArray where = QByteArray::number(i);
        const bool allowed = throttle.lockedFor(step.address, step.at) == 0;
        QVERIFY2(allowed == step.allowed, where.constData());
        if (allowed)
            QVERIFY2(throttle.failed(step.address, step.at) == step.lockout, where.constData());
    }
}

void TestOpcUaClientLimits::aGoodLoginForgets()
{
    LoginThrottle throttle;
    throttle.setLimits(3, 10000);
    throttle.failed(A, 0);
    throttle.failed(A, 1);
    throttle.succeeded(A);
    QCOMPARE(throttle.failed(A, 2), 0); // counting starts again
    QCOMPARE(throttle.failed(A, 3), 0);
    QCOMPARE(throttle.failed(A, 4), 10000);
    QCOMPARE(throttle.addresses(), 1);
}

// The attack: a client guessing as fast as it can. With the defaults (5 attempts, 30 s)
// only a handful of its 1000 guesses in a minute are ever checked, and over a day a few
// dozen.
void TestOpcUaClientLimits::thousandWrongPasswords()
{
    LoginThrottle throttle;
    throttle.setLimits(5, 30000);
    int checked = 0;
    for (int i = 0; i < 1000; ++i) {
        const qint64 at = i * 60; // 1000 guesses in a minute
        if (throttle.lockedFor(A, at) == 0) {
            ++checked;
            throttle.failed(A, at);
        }
    }
    QCOMPARE(checked, 6); // five, then one after the 30 s lockout (which then lasts 60 s)
    checked = 0;
    for (qint64 at = 60000; at < 86400000; at += 100)
        if (throttle.lockedFor(A, at) == 0) {
            ++checked;
            throttle.failed(A, at);
        }
    QVERIFY2(checked <= 30, QByteArray::number(checked).constData());
}

// Password checks take a keychain round trip: a client that sends its guesses without
// waiting for the answers gets no more of them checked than one that waits.
void TestOpcUaClientLimits::guessesSentAtOnceAreNoMoreChecked()
{
    LoginThrottle throttle;
    throttle.setLimits(3, 10000);
    int begun = 0;
    for (int i = 0; i < 100; ++i)
        begun += throttle.tryBegin(A, 0) ? 1 : 0;
    QCOMPARE(begun, 3);
    QVERIFY(throttle.tryBegin(B, 0)); // another address is not held up
    throttle.failed(A, 1);
    throttle.failed(A, 2);
    QVERIFY(!throttle.tryBegin(A, 3)); // the third is still being checked
    QCOMPARE(throttle.failed(A, 4), 10000);
    QVERIFY(!throttle.tryBegin(A, 5));
    // After the lockout, one check at a time.
    QVERIFY(throttle.tryBegin(A, 10004));
    QVERIFY(!throttle.tryBegin(A, 10004));
    throttle.succeeded(A);
    QCOMPARE(throttle.failures(A), 0);
    // A check that could not be made (no password in the keychain) is not a failure.
    QVERIFY(throttle.tryBegin(A, 10005));
    throttle.cancelled(A);
    QCOMPARE(throttle.failures(A), 0);
    QVERIFY(throttle.tryBegin(A, 10006));
}

void TestOpcUaClientLimits::throttleForgetsQuietAddressesAndStaysBounded()
{
    LoginThrottle throttle;
    throttle.setLimits(1, 30000);
    throttle.failed(A, 0);
    throttle.expire(30000 + LoginThrottle::ForgetAfterMs);
    QCOMPARE(throttle.addresses(), 1);
    throttle.expire(30000 + LoginThrottle::ForgetAfterMs + 1);
    QCOMPARE(throttle.addresses(), 0);
    // Failures from ever new addresses (IPv6 gives plenty) do not grow it without bound.
    for (int i = 0; i < LoginThrottle::MaxAddresses + 500; ++i)
        throttle.failed(QStringLiteral("fd00::%1").arg(i, 0, 16), i);
    QCOMPARE(throttle.addresses(), LoginThrottle::MaxAddresses);
    // The most recent are the ones kept (each failure locks with one attempt).
    const qint64 now = LoginThrottle::MaxAddresses + 500;
    QVERIFY(throttle.lockedFor(QStringLiteral("fd00::%1").arg(now - 1, 0, 16), now) > 0);
    QCOMPARE(throttle.lockedFor(QStringLiteral("fd00::0"), now), 0);
}

void TestOpcUaClientLimits::sessionAdmission_data()
{
    QTest::addColumn<QList<SessionSummary>>("sessions");
    QTest::addColumn<int>("maxSessions");
    QTest::addColumn<int>("perAddress");
    QTest::addColumn<bool>("admitted");
    QTest::addColumn<QList<quint32>>("evict");

    // id, address, activated, has a channel, created at
    const SessionSummary a1{1, A, true, true, 100};
    const SessionSummary a2{2, A, true, true, 200};
    const SessionSummary a3pending{3, A, false, true, 300};
    const SessionSummary a4orphan{4, A, true, false, 50};
    const SessionSummary b1{5, B, true, true, 10};
    const SessionSummary b2pending{6, B, false, true, 400};
    const SessionSummary b3orphan{7, B, true, false, 20};

    QTest::newRow("room") << QList{a1, b1} << 10 << 10 << true << QList<quint32>{};
    QTest::newRow("address full of live sessions")
        << QList{a1, a2} << 10 << 2 << false << QList<quint32>{};
    QTest::newRow("pair full of live sessions")
        << QList{a1, b1} << 2 << 10 << false << QList<quint32>{};
    QTest::newRow("a pending session gives way before an orphan")
        << QList{a4orphan, a1, a3pending} << 10 << 3 << true << QList<quint32>{3};
    QTest::newRow("an orphan gives way")
        << QList{a1, a4orphan} << 10 << 2 << true << QList<quint32>{4};
    QTest::newRow("only the address's own give way for the address")
        << QList{a1, a2, b2pending, b3orphan} << 10 << 2 << false << QList<quint32>{};
    QTest::newRow("any address's give way for the pair, oldest pending first")
        << QList{a1, b2pending, b3orphan, a3pending} << 4 << 10 << true << QList<quint32>{3};
    QTest::newRow("then the oldest orphan")
        << QList{a1, b1, b3orphan, a4orphan} << 4 << 10 << true << QList<quint32>{7};
    QTest::newRow("room on the address and on the pair")
        << QList{a1, a3pending, b2pending} << 2 << 2 << true << QList<quint32>{3, 6};
    QTest::newRow("a limit lowered below what is there")
        << QList{a4orphan, a3pending, a1} << 10 << 2 << true << QList<quint32>{3, 4};
}

void TestOpcUaClientLimits::sessionAdmission()
{
    QFETCH(QList<SessionSummary>, sessions);
    QFETCH(int, maxSessions);
    QFETCH(int, perAddress);
    QFETCH(bool, admitted);
    QFETCH(QList<quint32>, evict);
    const SessionAdmission a = SessionAdmission::decide(sessions, A, maxSessions, perAddress);
    QCOMPARE(a.admitted, admitted);
    QCOMPARE(a.evict, evict);
    QCOMPARE(a.reason.isEmpty(), admitted);
}

void TestOpcUaClientLimits::channelDeadline_data()
{
    QTest::addColumn<ChannelActivity>("activity");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("reason"); // empty: keeps going

    // connected at 1000, handshake 10 s, idle 60 s
    QTest::newRow("connected, nothing yet")
        << ChannelActivity{1000, 1000, false, false} << qint64(10999) << QString();
    QTest::newRow("no Hello in 10 s")
        << ChannelActivity{1000, 1000, false, false} << qint64(11000)
        << QStringLiteral("no secure channel within 10000 ms of connecting");
    QTest::newRow("Hello but no OpenSecureChannel in 10 s")
        << ChannelActivity{1000, 5000, false, false} << qint64(11000)
        << QStringLiteral("no secure channel within 10000 ms of connecting");
    QTest::newRow("open, then silent for less than idle")
        << ChannelActivity{1000, 2000, true, false} << qint64(61999) << QString();
    QTest::newRow("open, silent without a session")
        << ChannelActivity{1000, 2000, true, false} << qint64(62000)
        << QStringLiteral("idle for 60000 ms without an activated session");
    QTest::newRow("a session keeps it")
        << ChannelActivity{1000, 2000, true, true} << qint64(5000000) << QString();
}

void TestOpcUaClientLimits::channelDeadline()
{
    QFETCH(ChannelActivity, activity);
    QFETCH(qint64, now);
    QFETCH(QString, reason);
    QCOMPARE(channelDeadlinePassed(activity, 10000, 60000, now).value_or(QString()), reason);
}

QTEST_GUILESS_MAIN(TestOpcUaClientLimits)
#include "tst_opcuaclientlimits.moc"
