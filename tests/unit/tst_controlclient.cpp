// The typed calls of the control socket, against a real ControlServer on a real local
// socket (in a thread of its own: the calls block). Its handler answers as an engine of this
// version would, or as one of another version, or refuses; what the engine itself does with
// each command is tested with real engines (tst_controlaudit, tst_tandemctl, the fail-over
// suites).
#include "host/controlclient.h"
#include "host/controlserver.h"

#include <QJsonArray>
#include <QMutex>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace tandem;

namespace {
// Runs a ControlServer with `handler` until stopped.
class ServerThread final : public QThread
{
public:
    ServerThread(const QString &stateDir, ControlServer::Handler handler)
        : m_stateDir(stateDir)
        , m_handler(std::move(handler))
    {}
    ~ServerThread() override
    {
        quit();
        wait();
    }
    bool listening()
    {
        m_ready.acquire();
        return m_listening;
    }

protected:
    void run() override
    {
        ControlServer server(m_stateDir, m_handler);
        QString error;
        m_listening = server.listen(&error);
        if (!m_listening)
            qWarning() << error;
        m_ready.release();
        if (m_listening)
            exec();
    }

private:
    QString m_stateDir;
    ControlServer::Handler m_handler;
    QSemaphore m_ready;
    bool m_listening = false;
};

PairStatus line1()
{
    PairStatus p;
    p.name = QStringLiteral("line1");
    p.active = Side::Primary;
    p.primary.machine = QStringLiteral("127.0.0.1:5020");
    p.primary.health = SideHealth::Healthy;
    p.primary.connected = p.primary.statusOk = p.primary.monitorTested = true;
    p.secondary.machine = QStringLiteral("127.0.0.1:5021");
    p.secondary.health = SideHealth::Lost;
    p.secondary.lastError = QStringLiteral("connection refused");
    return p;
}
} // namespace

class TestControlClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void statusIsTyped();
    void statusOfAnotherVersionIsAnError();
    void commandsSayWhatTheyAsk();
    void refusalIsReachedButNotDone();
    void noEngineIsNotReached();

private:
    // Starts a server answering with `answer` (merged into {"ok": true}) to every command.
    void serve(const QJsonObject &answer);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerThread> m_server;
    QMutex m_mutex;
    QList<QJsonObject> m_requests; // as the server received them
};

void TestControlClient::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_requests.clear();
}

void TestControlClient::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

void TestControlClient::serve(const QJsonObject &answer)
{
    m_server = std::make_unique<ServerThread>(
        m_dir->path(), [this, answer](const QJsonObject &request, const ControlCaller &) {
            const QMutexLocker lock(&m_mutex);
            m_requests.append(request);
            QJsonObject reply = answer;
            if (!reply.contains(QLatin1String("ok")))
                reply.insert(QStringLiteral("ok"), true);
            return reply;
        });
    m_server->start();
    QVERIFY(m_server->listening());
}

void TestControlClient::statusIsTyped()
{
    EngineStatus engine;
    engine.pid = 4242;
    engine.process = QStringLiteral("tandemd");
    engine.pairs = {line1()};
    QJsonObject answer = engine.toJson();
    answer.insert(QStringLiteral("notifications"), QJsonObject{{QStringLiteral("outbox"), 3}});
    answer.insert(QStringLiteral("backup"), QJsonObject{{QStringLiteral("enabled"), true}});
    serve(answer);
    const ControlReply<EngineReport> reply = ControlClient::status(m_dir->path());
    QVERIFY2(reply, qPrintable(reply.error));
    QVERIFY(reply.reached);
    QVERIFY(reply->engine == engine);
    QCOMPARE(reply->notifications.value(QLatin1String("outbox")).toInt(), 3);
    QCOMPARE(reply->backup.value(QLatin1String("enabled")).toBool(), true);
    // `tandemctl status --json` prints the answer as the engine sent it.
    QCOMPARE(reply->json.value(QLatin1String("pid")).toInt(), 4242);
    QVERIFY(reply->json.value(QLatin1String("ok")).toBool());
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests.at(0),
             QJsonObject({{QStringLiteral("command"), QStringLiteral("status")}}));
}

void TestControlClient::statusOfAnotherVersionIsAnError()
{
    QJsonObject pair = line1().toJson();
    QJsonObject secondary = pair.value(QLatin1String("secondary")).toObject();
    secondary.insert(QStringLiteral("health"), QStringLiteral("hibernating"));
    pair.insert(QStringLiteral("secondary"), secondary);
    serve({{QStringLiteral("pid"), 1},
           {QStringLiteral("process"), QStringLiteral("tandemd")},
           {QStringLiteral("pairs"), QJsonArray{pair}}});
    const ControlReply<EngineReport> reply = ControlClient::status(m_dir->path());
    QVERIFY(!reply);
    QVERIFY(reply.reached);
    QVERIFY2(
        reply.error.contains(QLatin1String("'hibernating' as 'pairs[line1].secondary.health'")),
        qPrintable(reply.error));
}

void TestControlClient::commandsSayWhatTheyAsk()
{
    serve({{QStringLiteral("problems"), QJsonArray{QStringLiteral("pair[x]: no machines")}},
           {QStringLiteral("outbox"), 2}});
    const QString dir = m_dir->path();
    const ControlReply<QStringList> reload = ControlClient::reload(dir);
    QVERIFY2(reload, qPrintable(reload.error));
    QCOMPARE(*reload, QStringList{QStringLiteral("pair[x]: no machines")});
    const ControlReply<int> retry = ControlClient::retryMail(dir);
    QVERIFY2(retry, qPrintable(retry.error));
    QCOMPARE(*retry, 2);
    QVERIFY(ControlClient::resetEvents(dir));
    QVERIFY(ControlClient::refreshLicense(dir));
    QVERIFY(ControlClient::switchTo(dir, QStringLiteral("line1"), Side::Secondary));
    QVERIFY(ControlClient::returnToAutomatic(dir, QStringLiteral("line1")));
    ControlClient::flushEvents(dir);
    const auto command = [](const char *name) {
        return QJsonObject{{QStringLiteral("command"), QLatin1String(name)}};
    };
    const auto switchTo = [](const char *side) {
        return QJsonObject{{QStringLiteral("command"), QStringLiteral("switch")},
                           {QStringLiteral("pair"), QStringLiteral("line1")},
                           {QStringLiteral("side"), QLatin1String(side)}};
    };
    const QMutexLocker lock(&m_mutex);
    QCOMPARE(m_requests, QList<QJsonObject>({command("reload"), command("notify-retry"),
                                             command("reset-events"), command("license-refresh"),
                                             switchTo("secondary"), switchTo("auto"),
                                             command("flush-events")}));
}

void TestControlClient::refusalIsReachedButNotDone()
{
    serve({{QStringLiteral("ok"), false},
           {QStringLiteral("error"), QStringLiteral("pair 'line9' is not running")}});
    const ControlReply<> reply =
        ControlClient::switchTo(m_dir->path(), QStringLiteral("line9"), Side::Primary);
    QVERIFY(!reply);
    QVERIFY(reply.reached);
    QCOMPARE(reply.error, QStringLiteral("pair 'line9' is not running"));
    const ControlReply<EngineReport> status = ControlClient::status(m_dir->path());
    QVERIFY(!status);
    QCOMPARE(status.error, QStringLiteral("pair 'line9' is not running"));
}

void TestControlClient::noEngineIsNotReached()
{
    const ControlReply<int> reply = ControlClient::retryMail(m_dir->path(), 1000);
    QVERIFY(!reply);
    QVERIFY(!reply.reached);
    QVERIFY2(reply.error.contains(QLatin1String("no Tandem engine is running")) &&
                 reply.error.contains(m_dir->path()),
             qPrintable(reply.error));
}

QTEST_GUILESS_MAIN(TestControlClient)
#include "tst_controlclient.moc"
