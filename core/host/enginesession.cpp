#include "enginesession.h"

#include "backup/backuparchive.h"
#include "base/enginesocket.h"
#include "controlprotocol.h"
#include "engineprocess.h"
#include "events/eventfeed.h"
#include "events/eventstore.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>

#include <memory>

namespace tandem {

namespace {
// How long the console's own tandemd may take to answer on its control socket.
constexpr int OwnStartTimeoutMs = 15000;
// After a crash: the first restart at once (a second later), then, while it keeps
// crashing within CrashLoopMs of its start, twice as long each time up to the maximum.
constexpr int FirstRestartDelayMs = 1000;
constexpr int MaxRestartDelayMs = 30000;
constexpr int CrashLoopMs = 10000;
} // namespace

EngineSession::EngineSession(const TandemPaths &paths, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
{
    m_poll.setInterval(500);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        send({{QStringLiteral("command"), ControlCommand::Status}});
    });
    m_restart.setSingleShot(true);
    connect(&m_restart, &QTimer::timeout, this, &EngineSession::restartOwnEngine);
}

EngineSession::~EngineSession()
{
    // The console's own engine stops with it (its pairs with it); a service stays.
    dropSocket();
    delete m_own;
}

ConfigIssues EngineSession::start()
{
    ConfigIssues issues = startEngine();
    // After the engine: an engine of our own creates (or moves aside) the store first.
    m_feed = new EventFeed(m_paths.stateDir, this);
    QString error;
    if (!m_feed->start(&error)) {
        issues.append({QString(), error});
        delete m_feed;
        m_feed = nullptr;
    }
    return issues;
}

bool EngineSession::restoreBackup(const QString &archive, QStringList *report, QString *error,
                                  ConfigIssues *issues)
{
    if (isRemote()) {
        *error = tr("tandemd (pid %1) runs on these files: stop it first (for the service: "
                    "systemctl stop tandemd), then restore.")
                     .arg(m_remotePid);
        return false;
    }
    release(); // the console's own engine: stopped (and its files closed) for the restore
    const bool restored = BackupArchive::restore(archive, m_paths, report, error);
    // Whether or not it worked, the engine runs again: on the restored files or the old.
    *issues = startEngine();
    Q_EMIT engineChanged();
    if (m_feed) {
        QString feedError;
        if (!m_feed->restart(&feedError))
            issues->append({QString(), feedError});
    }
    Q_EMIT statusChanged();
    return restored;
}

void EngineSession::resetEvents()
{
    if (m_socket) {
        send({{QStringLiteral("command"), ControlCommand::ResetEvents}});
    } else {
        QString error;
        EventStore store(m_paths.stateDir);
        QString notice;
        if (!store.open(&notice, &error) || !store.reset(&error))
            Q_EMIT commandFailed(error);
    }
    if (m_feed)
        m_feed->poll();
}

ConfigIssues EngineSession::startEngine()
{
    m_restart.stop();
    m_released = false;
    if (EngineSocket::isRunning(m_paths.stateDir)) {
        attach();
        return {};
    }
    auto own = std::make_unique<EngineProcess>(m_paths);
    ConfigIssues warnings;
    const ConfigIssues fatal = own->start(&warnings, OwnStartTimeoutMs);
    if (!fatal.isEmpty()) {
        // Another engine took the state directory meanwhile: the console shows that one.
        if (EngineSocket::isRunning(m_paths.stateDir)) {
            attach();
            return {};
        }
        return fatal;
    }
    m_own = own.release();
    m_own->setParent(this);
    connect(m_own, &EngineProcess::exitedUnexpectedly, this, &EngineSession::onOwnEngineExited);
    m_ownSince.start();
    attach();
    return warnings;
}

void EngineSession::attach()
{
    m_socket = new QLocalSocket(this);
    connect(m_socket, &QLocalSocket::readyRead, this, &EngineSession::onRemoteData);
    connect(m_socket, &QLocalSocket::disconnected, this, &EngineSession::onDisconnected);
    m_socket->connectToServer(EngineSocket::pathFor(m_paths.stateDir));
    m_poll.start();
    // The console's own engine has just answered: its first status is there at once, as
    // it was when the engine ran inside the console.
    const bool own = m_own != nullptr;
    if (own)
        m_socket->waitForConnected(1000);
    send({{QStringLiteral("command"), ControlCommand::Status}});
    if (own && m_socket->waitForReadyRead(2000))
        onRemoteData();
}

void EngineSession::dropSocket()
{
    m_poll.stop();
    if (m_socket) {
        m_socket->disconnect(this); // leaving is not "the connection was lost"
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_buffer.clear();
}

void EngineSession::onDisconnected()
{
    if (m_own) {
        // The console's own engine ends (exitedUnexpectedly follows and restarts it), or it
        // closed this connection alone: then the console connects again.
        dropSocket();
        QTimer::singleShot(100, this, [this] {
            if (m_own && m_own->isRunning() && !m_socket)
                attach();
        });
        return;
    }
    dropSocket();
    m_remotePid = 0;
    m_status = {};
    Q_EMIT statusChanged();
    // A service restarts (Restart=on-failure): wait for it, however long it takes,
    // rather than start a second engine that the restarted one would collide with.
    QTimer::singleShot(0, this, [this] { resume(true, -1); });
    Q_EMIT commandFailed(tr("The connection to the engine (tandemd) was lost. The console "
                            "connects again as soon as it is back."));
}

void EngineSession::onOwnEngineExited(const QString &why)
{
    const qint64 pid = m_own->pid();
    const bool crashLoop = m_ownSince.elapsed() < CrashLoopMs;
    m_own->deleteLater(); // it is emitting
    m_own = nullptr;
    dropSocket();
    m_remotePid = 0;
    m_status = {};
    Q_EMIT statusChanged();
    Q_EMIT engineChanged();
    m_restartDelayMs = crashLoop && m_restartDelayMs > 0
                           ? std::min(2 * m_restartDelayMs, MaxRestartDelayMs)
                           : FirstRestartDelayMs;
    // Before the message: a dialog showing it must not hold the restart up.
    m_restart.start(m_restartDelayMs);
    Q_EMIT commandFailed(
        tr("The console's engine (tandemd, pid %1) stopped unexpectedly: %2. The console "
           "starts it again in %n second(s).",
           nullptr, (m_restartDelayMs + 999) / 1000)
            .arg(pid)
            .arg(why));
}

void EngineSession::restartOwnEngine()
{
    if (m_own || m_socket || m_released)
        return; // released meanwhile, or an engine runs again
    const ConfigIssues issues = startEngine();
    Q_EMIT engineChanged();
    Q_EMIT statusChanged();
    if (m_feed)
        m_feed->poll();
    if (!issues.isEmpty())
        Q_EMIT commandFailed(joinIssues(issues));
}

QString EngineSession::description() const
{
    if (m_own)
        return tr("engine in this console");
    if (m_socket && m_servicePid > 0 && m_servicePid == m_remotePid)
        return tr("tandemd service (pid %1)").arg(m_remotePid);
    if (m_socket)
        return tr("tandemd (pid %1)").arg(m_remotePid);
    return tr("not running");
}

void EngineSession::setServicePid(qint64 pid)
{
    if (pid == m_servicePid)
        return;
    m_servicePid = pid;
    Q_EMIT engineChanged();
}

void EngineSession::release()
{
    m_released = true;
    m_resume.stop();
    m_restart.stop();
    dropSocket();
    // SIGTERM: it stops every pair and closes the endpoints and the control socket.
    delete m_own;
    m_own = nullptr;
    m_remotePid = 0;
    m_status = {};
    Q_EMIT statusChanged();
    Q_EMIT engineChanged();
}

void EngineSession::resume(bool wantRemote, int timeoutMs)
{
    release();
    const auto deadline = std::make_shared<QDeadlineTimer>(timeoutMs);
    disconnect(&m_resume, &QTimer::timeout, nullptr, nullptr);
    connect(&m_resume, &QTimer::timeout, this, [this, wantRemote, deadline] {
        const bool remote = EngineSocket::isRunning(m_paths.stateDir);
        if (remote != wantRemote && !deadline->hasExpired())
            return;
        m_resume.stop();
        if (remote != wantRemote)
            Q_EMIT commandFailed(
                wantRemote ? tr("No engine (tandemd) started serving %1 in time; the console "
                                "runs the engine itself meanwhile.")
                                 .arg(m_paths.stateDir)
                           : tr("Another engine still serves %1; the console shows it.")
                                 .arg(m_paths.stateDir));
        const ConfigIssues issues = startEngine();
        Q_EMIT engineChanged();
        if (!issues.isEmpty())
            Q_EMIT commandFailed(joinIssues(issues));
    });
    m_resume.setInterval(100);
    m_resume.start();
}

QJsonObject EngineSession::pairStatus(const QString &pair) const
{
    for (const QJsonValue &p : m_status.value(QLatin1String("pairs")).toArray())
        if (p.toObject().value(QLatin1String("name")).toString() == pair)
            return p.toObject();
    return {};
}

void EngineSession::reload()
{
    if (m_socket) {
        send({{QStringLiteral("command"), ControlCommand::Reload}});
        // Pipelined: the engine answers in order, so the status shows the reload.
        send({{QStringLiteral("command"), ControlCommand::Status}});
        return;
    }
    // The console's own engine did not start (an endpoint in use, a broken file) or
    // crashed: the saved files may be what it needed. Not after release(): the pairs are
    // handed to a service, or the console shows files another engine runs.
    if (m_released)
        return;
    const ConfigIssues issues = startEngine();
    if (!isRunning()) {
        Q_EMIT reloaded(issues);
        return;
    }
    Q_EMIT engineChanged();
    Q_EMIT statusChanged();
    if (m_feed)
        m_feed->poll();
    Q_EMIT reloaded(issues);
}

void EngineSession::switchPair(const QString &pair, const QString &side)
{
    send({{QStringLiteral("command"), ControlCommand::Switch},
          {QStringLiteral("pair"), pair},
          {QStringLiteral("side"), side}});
    send({{QStringLiteral("command"), ControlCommand::Status}});
}

void EngineSession::send(const QJsonObject &request)
{
    if (m_socket && m_socket->state() == QLocalSocket::ConnectedState)
        m_socket->write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
}

void EngineSession::onRemoteData()
{
    m_buffer += m_socket->readAll();
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QJsonObject answer = QJsonDocument::fromJson(m_buffer.left(newline)).object();
        m_buffer.remove(0, newline + 1);
        if (!answer.value(QLatin1String("ok")).toBool()) {
            Q_EMIT commandFailed(answer.value(QLatin1String("error")).toString());
            continue;
        }
        if (answer.contains(QLatin1String("pairs"))) {
            const qint64 pid = answer.value(QLatin1String("pid")).toInteger();
            if (pid != m_remotePid) {
                m_remotePid = pid;
                Q_EMIT engineChanged();
            }
            QJsonObject status = answer;
            status.remove(QStringLiteral("ok"));
            if (status != m_status) {
                m_status = status;
                Q_EMIT statusChanged();
            }
        } else if (answer.contains(QLatin1String("problems"))) {
            ConfigIssues issues;
            for (const QJsonValue &p : answer.value(QLatin1String("problems")).toArray())
                issues.append({QString(), p.toString()});
            Q_EMIT reloaded(issues);
        }
    }
}

} // namespace tandem
