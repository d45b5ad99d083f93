// A client that loses its own connection to the pair's OPC UA endpoint keeps its
// subscriptions (OPC 10000-4 §5.6.3, §5.13.7): two node-opcua servers, the real tandemd
// and unmodified node-opcua clients (client.js "keep" and "take-over"). The client's TCP
// connection is reset (RST) while it subscribes to Counter; it comes back either as
// node-opcua does by itself (ActivateSession of its session on a new channel, then
// Republish) or with a new session of the same identity that calls TransferSubscriptions
// with sendInitialValues. Either way no notification is lost: every sequence number
// arrives, and Counter's values have no gap (the proxy queued what happened meanwhile),
// also when the active server is killed at the same time (Hot: the standby's values fill
// the switch). Another user is refused the subscription (BadUserAccessDenied); a second
// client of the same user takes it over and the first hears GoodSubscriptionTransferred.
#include "connectionmodes.h"
#include "opcuaclientrun.h"
#include "pairrig.h"

#include "opcua/opcuauserstore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

using namespace tandem;
using namespace tandem::test;

namespace {
constexpr int WaitMs = 20000;
constexpr int SecondaryOffset = 1000;
const auto Counter = QStringLiteral("ns=1;s=Counter");
const auto BobPassword = QStringLiteral("bob-transfer-2");

// One client.js run the test talks to: its lines as they come, lines sent to it.
class LiveClient
{
public:
    LiveClient(const QString &url, const QString &operations, const QStringList &options = {})
        : m_process(startClientProcess(
              url, clientWords(operations),
              options + QStringList{QStringLiteral("--timeout"), QStringLiteral("120000")}))
    {}
    ~LiveClient()
    {
        if (m_process->state() != QProcess::NotRunning) {
            send("quit");
            if (!m_process->waitForFinished(5000))
                m_process->kill();
            m_process->waitForFinished();
        }
    }

    // The index of the first line from `from` on that matches, reading what comes; -1 when
    // none came within WaitMs.
    qsizetype waitFor(const std::function<bool(const QJsonObject &)> &matches, qsizetype from = 0)
    {
        QElapsedTimer waited;
        waited.start();
        for (qsizetype next = from;;) {
            for (; next < m_lines.size(); ++next)
                if (matches(m_lines[next]))
                    return next;
            if (m_process->state() == QProcess::NotRunning || waited.elapsed() >= WaitMs)
                return -1;
            m_process->waitForReadyRead(int(std::max<qint64>(1, WaitMs - waited.elapsed())));
            while (m_process->canReadLine())
                m_lines.append(QJsonDocument::fromJson(m_process->readLine()).object());
        }
    }
    void send(const QByteArray &line)
    {
        m_process->write(line + '\n');
        m_process->waitForBytesWritten(1000);
    }
    const QList<QJsonObject> &lines() const { return m_lines; }
    QString dump()
    {
        QStringList text;
        for (const QJsonObject &line : std::as_const(m_lines))
            text << QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact));
        return text.join(u'\n') + QStringLiteral("\nlog:\n") +
               QString::fromUtf8(m_process->readAllStandardError()).right(4000);
    }

private:
    std::unique_ptr<QProcess> m_process;
    QList<QJsonObject> m_lines;
};

bool isValue(const QJsonObject &line)
{
    return line.contains(QLatin1String("value")) && line.contains(QLatin1String("seq"));
}
auto valueAtLeast(int least)
{
    return [least](const QJsonObject &line) {
        return isValue(line) && line.value(QLatin1String("value")).toInt() >= least;
    };
}
auto hasKey(const char *key)
{
    return [key](const QJsonObject &line) { return line.contains(QLatin1String(key)); };
}

// The values in the order of their messages' sequence numbers (a message's values in the
// order they came).
QList<int> valuesBySequence(const QList<QJsonObject> &lines)
{
    std::multimap<int, int> bySeq;
    for (const QJsonObject &line : lines)
        if (isValue(line))
            bySeq.emplace(line.value(QLatin1String("seq")).toInt(),
                          line.value(QLatin1String("value")).toInt());
    QList<int> values;
    for (const auto &[seq, value] : bySeq)
        values.append(value);
    return values;
}

// "" when every sequence number from the first to the last came (data messages use them
// up one by one), else which is missing.
QString missingSequenceNumber(const QList<QJsonObject> &lines)
{
    std::set<int> seen;
    for (const QJsonObject &line : lines)
        if (isValue(line))
            seen.insert(line.value(QLatin1String("seq")).toInt());
    if (seen.empty())
        return QStringLiteral("no values");
    for (int n = *seen.begin(); n <= *seen.rbegin(); ++n)
        if (!seen.count(n))
            return QStringLiteral("sequence number %1").arg(n);
    return {};
}

// "" when the values of one server (below or from SecondaryOffset) go up by one with no
// gap (a value may come twice: the initial value after a transfer), else the first gap.
QString counterGap(const QList<int> &values, bool secondary)
{
    std::optional<int> previous;
    for (int v : values) {
        if ((v >= SecondaryOffset) != secondary)
            continue;
        if (previous && v != *previous && v != *previous + 1)
            return QStringLiteral("%1 after %2").arg(v).arg(*previous);
        previous = v;
    }
    return {};
}

} // namespace

class TestOpcUaTransfer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    // First: the last row of the next kills the primary, which then needs no restart.
    void anotherSessionOfTheSameUserTakesOver();
    void reconnectKeepsSubscriptions_data();
    void reconnectKeepsSubscriptions();

private:
    PairConfig pairConfig(ConnectionMode mode) const
    {
        PairConfig pair = m_rig.pair(mode, 300, 300);
        OpcUaIdentity identity;
        identity.anonymous = true;
        identity.storeUsers = true;
        pair.opcuaIdentity = identity;
        return pair;
    }

    PairRig<OpcUaPeer> m_rig;
    quint16 m_primaryPort = 0;
};

void TestOpcUaTransfer::initTestCase()
{
    // Started once; a case that kills the primary brings it back in init().
    m_rig.primary = std::make_unique<OpcUaPeer>();
    m_rig.secondary = std::make_unique<OpcUaPeer>();
    QVERIFY(m_rig.primary->start());
    QVERIFY(m_rig.secondary->start({.offset = SecondaryOffset}));
    m_primaryPort = m_rig.primary->port();
}

void TestOpcUaTransfer::init()
{
    if (!m_rig.primary->isRunning())
        QVERIFY(m_rig.primary->start({}, m_primaryPort));
    m_rig.newEngine();
}

void TestOpcUaTransfer::cleanup()
{
    QVERIFY(m_rig.endCase(true));
}

void TestOpcUaTransfer::reconnectKeepsSubscriptions_data()
{
    QTest::addColumn<QByteArray>("drop");
    QTest::addColumn<ConnectionMode>("mode");
    QTest::addColumn<bool>("killActive");
    // node-opcua's own repair: ActivateSession on the new channel, Republish.
    QTest::newRow("session reactivated, Warm")
        << QByteArray("drop") << ConnectionMode::Warm << false;
    // A new session of the same (anonymous) client: TransferSubscriptions, initial values.
    QTest::newRow("new session transfers, Warm")
        << QByteArray("drop-new-session") << ConnectionMode::Warm << false;
    QTest::newRow("new session transfers, Hot, active killed")
        << QByteArray("drop-new-session") << ConnectionMode::Hot << true;
}

void TestOpcUaTransfer::reconnectKeepsSubscriptions()
{
    QFETCH(QByteArray, drop);
    QFETCH(ConnectionMode, mode);
    QFETCH(bool, killActive);
    QVERIFY(m_rig.engine->startWithPair(pairConfig(mode), WaitMs));
    LiveClient client(m_rig.endpoint(), QStringLiteral("keep ") + Counter);
    const qsizetype subscribed = client.waitFor(hasKey("subscribed"));
    QVERIFY2(subscribed >= 0, qPrintable(client.dump()));
    const qsizetype first = client.waitFor(isValue, subscribed);
    QVERIFY2(first >= 0, qPrintable(client.dump()));
    const int start = client.lines()[first].value(QLatin1String("value")).toInt();
    QVERIFY2(client.waitFor(valueAtLeast(start + 3), first) >= 0, qPrintable(client.dump()));

    client.send(drop);
    if (killActive)
        m_rig.primary->kill();
    const qsizetype dropped = client.waitFor(hasKey("dropped"));
    QVERIFY2(dropped >= 0, qPrintable(client.dump()));
    QVERIFY2(client.lines()[dropped].value(QLatin1String("dropped")).toBool(),
             qPrintable(client.dump()));
    qsizetype back = -1;
    if (drop == "drop") {
        // node-opcua's repair: the old session on a new channel.
        back = client.waitFor(
            [](const QJsonObject &l) {
                return l.value(QLatin1String("event")).toString() ==
                       QLatin1String("session_restored");
            },
            dropped);
    } else {
        back = client.waitFor(hasKey("transfer"), dropped);
        QVERIFY2(back >= 0, qPrintable(client.dump()));
        QCOMPARE(client.lines()[back].value(QLatin1String("transfer")).toString(),
                 QStringLiteral("Good"));
    }
    QVERIFY2(back >= 0, qPrintable(client.dump()));
    // Values go on well after it: from the secondary when the primary was killed.
    const int later = killActive ? SecondaryOffset + 1 : start + 3;
    const qsizetype next = client.waitFor(valueAtLeast(later), back);
    QVERIFY2(next >= 0, qPrintable(client.dump()));
    const int resumed = client.lines()[next].value(QLatin1String("value")).toInt();
    QVERIFY2(client.waitFor(valueAtLeast(resumed + 10), next) >= 0, qPrintable(client.dump()));

    const QString missing = missingSequenceNumber(client.lines());
    QVERIFY2(missing.isEmpty(), qPrintable(missing + QLatin1Char('\n') + client.dump()));
    const QList<int> values = valuesBySequence(client.lines());
    for (bool secondary : {false, true}) {
        const QString gap = counterGap(values, secondary);
        QVERIFY2(gap.isEmpty(), qPrintable(gap + QLatin1Char('\n') + client.dump()));
    }
    if (killActive)
        QCOMPARE(m_rig.active(), QStringLiteral("secondary"));
    if (drop == "drop-new-session") {
        // sendInitialValues: the value the proxy last queued comes once more, right behind
        // itself (which the client may have had before the drop), after the transfer.
        bool repeated = false;
        std::optional<int> previous;
        for (qsizetype i = 0; i < client.lines().size(); ++i) {
            if (!isValue(client.lines()[i]))
                continue;
            const int v = client.lines()[i].value(QLatin1String("value")).toInt();
            repeated = repeated || (i > back && previous && v == *previous);
            previous = v;
        }
        QVERIFY2(repeated, qPrintable(client.dump()));
    }
}

// A second client of the same user takes over the first one's subscription, given its
// id; another user may not. The owner is anonymous (the same user is then the same client
// application, OPC 10000-4 §5.13.7); the user name rules are tst_proxytransfer's table, and
// one user here keeps the test short (each password check is an Argon2id).
void TestOpcUaTransfer::anotherSessionOfTheSameUserTakesOver()
{
    QVERIFY(m_rig.engine->startWithPair(pairConfig(ConnectionMode::Warm), WaitMs));
    opcua::OpcUaUserStore users(m_rig.engine->stateDir());
    QString error;
    opcua::OpcUaUser bob;
    bob.name = QStringLiteral("bob");
    QVERIFY2(users.add(bob, BobPassword.toUtf8(), &error), qPrintable(error));
    LiveClient owner(m_rig.endpoint(), QStringLiteral("keep ") + Counter);
    const qsizetype subscribed = owner.waitFor(hasKey("subscribed"));
    QVERIFY2(subscribed >= 0, qPrintable(owner.dump()));
    const int id = owner.lines()[subscribed].value(QLatin1String("subscriptionId")).toInt();
    QVERIFY(id > 0);
    QVERIFY2(owner.waitFor(isValue, subscribed) >= 0, qPrintable(owner.dump()));

    // In a client.js of its own, as the taker below: take-over prints as a process does.
    const auto refusedRun =
        startClientProcess(m_rig.endpoint(), clientWords(QStringLiteral("take-over %1").arg(id)),
                           userOptions(QStringLiteral("bob"), BobPassword));
    const ClientResult refused = finishClient(*refusedRun);
    QVERIFY2(refused.exitCode == 0, qPrintable(refused.dump()));
    QCOMPARE(refused.line(0).value(QLatin1String("transfer")).toString(),
             QStringLiteral("BadUserAccessDenied"));
    QCOMPARE(refused.line(1).value(QLatin1String("closed")).toString(), QStringLiteral("refused"));

    LiveClient taker(m_rig.endpoint(), QStringLiteral("take-over %1").arg(id));
    const qsizetype taken = taker.waitFor(hasKey("transfer"));
    QVERIFY2(taken >= 0, qPrintable(taker.dump()));
    QCOMPARE(taker.lines()[taken].value(QLatin1String("transfer")).toString(),
             QStringLiteral("Good"));
    // The old session hears where its subscription went.
    QVERIFY2(owner.waitFor([](const QJsonObject &l) {
        return l.value(QLatin1String("status")).toString() ==
               QLatin1String("GoodSubscriptionTransferred");
    }) >= 0,
             qPrintable(owner.dump()));
    // The new one gets the initial value, then Counter goes on under the same numbers.
    const qsizetype firstTaken = taker.waitFor(isValue, taken);
    QVERIFY2(firstTaken >= 0, qPrintable(taker.dump()));
    const int from = taker.lines()[firstTaken].value(QLatin1String("value")).toInt();
    QVERIFY2(taker.waitFor(valueAtLeast(from + 10), firstTaken) >= 0, qPrintable(taker.dump()));
    const QString missing = missingSequenceNumber(taker.lines());
    QVERIFY2(missing.isEmpty(), qPrintable(missing + QLatin1Char('\n') + taker.dump()));
    const QString gap = counterGap(valuesBySequence(taker.lines()), false);
    QVERIFY2(gap.isEmpty(), qPrintable(gap + QLatin1Char('\n') + taker.dump()));
}

QTEST_GUILESS_MAIN(TestOpcUaTransfer)
#include "tst_opcuatransfer.moc"
