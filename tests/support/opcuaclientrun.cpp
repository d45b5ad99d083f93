#include "opcuaclientrun.h"

#include "opcuapeer.h"
#include "peerprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDebug>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <atomic>

namespace tandem::test {

namespace {
// How often a wait checks for its run's end when no output comes.
constexpr int PollMs = 20;

QProcessEnvironment nodeEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("NODE_OPTIONS"));
    env.remove(QStringLiteral("NODE_PATH"));
    return env;
}

QStringList clientArguments(const QString &url, const QStringList &operation,
                            const QStringList &options)
{
    return QStringList{QStringLiteral("--pki"), OpcUaPeer::pkiDir()} << options << url << operation;
}
} // namespace

// The test process's client.js --serve: started at the first run, ended with the
// application (its parent), restarted at the next run if it died.
class ClientHost final : public PeerProcess
{
public:
    // The running host; nullptr (with a warning) if it cannot start.
    static ClientHost *instance();
    // The host as it is, without starting one; nullptr if there is none.
    static ClientHost *current() { return s_host; }
    static void forget(const ClientRun &run);

    // Sends the run's request; false if the host cannot take it.
    bool begin(ClientRun &run, const QStringList &args);
    // {"run":ID, key:value}, a message about a run going on.
    bool tell(const ClientRun &run, const QString &key, const QJsonValue &value);
    // Takes in output and runs the event loop until condition() holds or timeoutMs passed.
    bool waitFor(const std::function<bool()> &condition, int timeoutMs);
    // The shared log from `from` on, and where it ends now.
    QString logSince(qint64 from) const;
    qint64 logSize() const { return QFileInfo(m_logFile).size(); }

private:
    explicit ClientHost(QObject *parent);
    bool launch();
    void readOutput();
    // The host ended: every run still going ends with exit code -1.
    void endRuns();

    static QPointer<ClientHost> s_host;
    QHash<qint64, ClientRun *> m_runs;
    qint64 m_nextId = 0;
    QString m_logFile;
};

QPointer<ClientHost> ClientHost::s_host;

ClientHost::ClientHost(QObject *parent)
    : PeerProcess(QStringLiteral("client.js --serve"), ClientResult::TimeoutMs, parent)
{
    setEnvironment(nodeEnvironment());
    connect(&process(), &QProcess::readyReadStandardOutput, this, &ClientHost::readOutput);
    connect(&process(), &QProcess::finished, this, &ClientHost::endRuns);
}

ClientHost *ClientHost::instance()
{
    Q_ASSERT(QCoreApplication::instance() &&
             QThread::currentThread() == QCoreApplication::instance()->thread());
    if (!s_host)
        s_host = new ClientHost(QCoreApplication::instance());
    if (!s_host->isRunning() && !s_host->launch())
        return nullptr;
    return s_host;
}

bool ClientHost::launch()
{
    static std::atomic_int counter = 0;
    // Next to the peers' logs, in the folder OpcUaPeer removes when the test process ends.
    m_logFile =
        QFileInfo(OpcUaPeer::pkiDir()).path() + QStringLiteral("/clients-%1.log").arg(++counter);
    setLogFile(m_logFile);
    if (startProcess(
            OpcUaPeer::nodeExecutable(),
            {OpcUaPeer::scriptDir() + QStringLiteral("/client.js"), QStringLiteral("--serve")}))
        return true;
    qWarning().noquote() << "client.js --serve did not start:" << errorOutput();
    return false;
}

void ClientHost::forget(const ClientRun &run)
{
    if (s_host)
        s_host->m_runs.remove(run.m_id);
}

bool ClientHost::begin(ClientRun &run, const QStringList &args)
{
    run.m_id = ++m_nextId;
    run.m_logFrom = logSize();
    const QJsonObject request{{QStringLiteral("run"), run.m_id},
                              {QStringLiteral("args"), QJsonArray::fromStringList(args)}};
    m_runs.insert(run.m_id, &run);
    if (send(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact))))
        return true;
    m_runs.remove(run.m_id);
    return false;
}

bool ClientHost::tell(const ClientRun &run, const QString &key, const QJsonValue &value)
{
    const QJsonObject request{{QStringLiteral("run"), run.m_id}, {key, value}};
    return send(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
}

void ClientHost::readOutput()
{
    while (process().canReadLine()) {
        const QByteArray line = process().readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        ClientRun *run = m_runs.value(record.value(QLatin1String("run")).toInteger(-1));
        if (!run) {
            // A run a test gave up on, or what no run asked for.
            if (!record.contains(QLatin1String("run")))
                qWarning().noquote() << "client.js --serve said:" << QString::fromUtf8(line);
            continue;
        }
        if (record.contains(QLatin1String("line"))) {
            run->m_result.lines << record.value(QLatin1String("line")).toObject();
        } else if (record.contains(QLatin1String("exit"))) {
            run->m_result.exitCode = record.value(QLatin1String("exit")).toInt(-1);
            run->m_finished = true;
            m_runs.remove(run->m_id);
        }
    }
}

void ClientHost::endRuns()
{
    readOutput();
    for (ClientRun *run : std::as_const(m_runs)) {
        run->m_result.exitCode = -1;
        run->m_result.log = QStringLiteral("client.js --serve ended while the run went on:\n") +
                            logSince(run->m_logFrom);
        run->m_finished = true;
    }
    m_runs.clear();
}

bool ClientHost::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QEventLoop loop;
    QTimer poll;
    poll.setSingleShot(true);
    connect(&poll, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(&process(), &QProcess::readyReadStandardOutput, &loop, &QEventLoop::quit);
    connect(&process(), &QProcess::finished, &loop, &QEventLoop::quit);
    for (;;) {
        readOutput();
        if (condition())
            return true;
        if (deadline.hasExpired())
            return false;
        poll.start(int(std::min<qint64>(PollMs, deadline.remainingTime())));
        loop.exec();
    }
}

QString ClientHost::logSince(qint64 from) const
{
    QFile file(m_logFile);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(from))
        return QString();
    return QString::fromUtf8(file.readAll());
}

ClientRun::~ClientRun()
{
    if (m_finished)
        return;
    abort();
    ClientHost::forget(*this);
}

QString ClientRun::log() const
{
    const ClientHost *host = ClientHost::current();
    return host ? host->logSince(m_logFrom) : QString();
}

bool ClientRun::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    if (ClientHost *host = ClientHost::current())
        return host->waitFor(condition, timeoutMs);
    return condition();
}

bool ClientRun::input(const QString &line)
{
    ClientHost *host = ClientHost::current();
    return !m_finished && host && host->isRunning() &&
           host->tell(*this, QStringLiteral("input"), line);
}

bool ClientRun::abort()
{
    ClientHost *host = ClientHost::current();
    return !m_finished && host && host->isRunning() &&
           host->tell(*this, QStringLiteral("abort"), true);
}

QString ClientResult::error() const
{
    for (const QJsonObject &line : lines) {
        if (line.contains(QLatin1String("error")))
            return line.value(QLatin1String("error")).toString();
    }
    return QString();
}

QString ClientResult::dump() const
{
    QStringList text;
    for (const QJsonObject &line : lines)
        text << QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact));
    return QStringLiteral("exit %1\n%2\nlog:\n%3").arg(exitCode).arg(text.join(u'\n'), log);
}

QStringList clientWords(const QString &operations)
{
    return operations.split(u' ', Qt::SkipEmptyParts);
}

std::unique_ptr<ClientRun> startClient(const QString &url, const QStringList &operation,
                                       const QStringList &options)
{
    std::unique_ptr<ClientRun> run(new ClientRun);
    ClientHost *host = ClientHost::instance();
    if (!host || !host->begin(*run, clientArguments(url, operation, options))) {
        run->m_result.log = QStringLiteral("client.js --serve cannot take the run");
        run->m_finished = true;
    }
    return run;
}

ClientResult finishClient(ClientRun &run)
{
    if (!run.m_finished) {
        ClientHost *host = ClientHost::current();
        Q_ASSERT(host); // a run that began has a host until it ends
        if (!host->waitFor([&run] { return run.m_finished; }, ClientResult::TimeoutMs)) {
            // client.js gives up on its own well before: the host is stuck, and the next
            // run gets a new one.
            run.m_result.log = QStringLiteral("client.js --serve did not end the run in %1 ms:\n")
                                   .arg(ClientResult::TimeoutMs) +
                               host->logSince(run.m_logFrom);
            ClientHost::forget(run);
            run.m_finished = true;
            host->kill();
            return run.m_result;
        }
    }
    if (ClientHost *host = ClientHost::current(); host && run.m_result.log.isEmpty())
        run.m_result.log = host->logSince(run.m_logFrom);
    return run.m_result;
}

ClientResult runClient(const QString &url, const QStringList &operation, const QStringList &options)
{
    const auto run = startClient(url, operation, options);
    return finishClient(*run);
}

std::unique_ptr<QProcess> startClientProcess(const QString &url, const QStringList &operation,
                                             const QStringList &options)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->setProcessEnvironment(nodeEnvironment());
    process->start(OpcUaPeer::nodeExecutable(),
                   QStringList{OpcUaPeer::scriptDir() + QStringLiteral("/client.js")}
                       << clientArguments(url, operation, options));
    return process;
}

ClientResult finishClient(QProcess &process)
{
    ClientResult result;
    if (!process.waitForFinished(ClientResult::TimeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    while (process.canReadLine())
        result.lines << QJsonDocument::fromJson(process.readLine()).object();
    result.log = QString::fromUtf8(process.readAllStandardError());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

QStringList userOptions(const QString &user, const QString &password, bool plain)
{
    QStringList options{QStringLiteral("--user"), user + u':' + password};
    if (plain)
        options << QStringLiteral("--plain-password") << QStringLiteral("1");
    return options;
}

} // namespace tandem::test
