#include "enginesession.h"
#include "base/enginesocket.h"

#include "backup/backuparchive.h"
#include "controlserver.h"
#include "engine/engine.h"
#include "engine/pairruntime.h"
#include "enginehost.h"
#include "events/eventfeed.h"
#include "events/eventstore.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>

#include <memory>

namespace tandem {

EngineSession::EngineSession(const TandemPaths &paths, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
{
    m_poll.setInterval(500);
}

EngineSession::~EngineSession() = default;

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
    if (m_socket) {
        *error = tr("tandemd (pid %1) runs on these files: stop it first (for the service: "
                    "systemctl stop tandemd), then restore.")
                     .arg(m_remotePid);
        return false;
    }
    release();
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
    QString error;
    if (m_host && m_host->eventStore()) {
        if (!m_host->eventStore()->reset(&error))
            Q_EMIT commandFailed(error);
    } else if (m_socket) {
        send({{QStringLiteral("command"), QStringLiteral("reset-events")}});
    } else {
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
    if (EngineSocket::isRunning(m_paths.stateDir)) {
        m_socket = new QLocalSocket(this);
        connect(m_socket, &QLocalSocket::readyRead, this, &EngineSession::onRemoteData);
        connect(m_socket, &QLocalSocket::disconnected, this, [this] {
            m_status = {};
            Q_EMIT statusChanged();
            Q_EMIT commandFailed(tr("The connection to the engine (tandemd) was lost. The "
                                    "console connects again as soon as it is back."));
            // A service restarts (Restart=on-failure): wait for it, however long it takes,
            // rather than start a second engine that the restarted one would collide with.
            QTimer::singleShot(0, this, [this] { resume(true, -1); });
        });
        m_socket->connectToServer(EngineSocket::pathFor(m_paths.stateDir));
        connect(&m_poll, &QTimer::timeout, this, [this] {
            send({{QStringLiteral("command"), QStringLiteral("status")}});
        });
        m_poll.start();
        send({{QStringLiteral("command"), QStringLiteral("status")}});
        return {};
    }
    m_host = new EngineHost(m_paths, this);
    ConfigIssues warnings;
    ConfigIssues fatal = m_host->start(&warnings);
    connect(m_host->engine(), &Engine::pairStateChanged, this, &EngineSession::refreshLocal);
    connect(m_host->engine(), &Engine::pairsChanged, this, &EngineSession::refreshLocal);
    connect(m_host, &EngineHost::reloaded, this, &EngineSession::reloaded);
    // Clients count and timers change without a state signal: refresh now and then too.
    connect(&m_poll, &QTimer::timeout, this, &EngineSession::refreshLocal);
    m_poll.start();
    refreshLocal();
    return fatal + warnings;
}

EventLog *EngineSession::events() const
{
    return m_host ? m_host->events() : nullptr;
}

QString EngineSession::description() const
{
    if (m_socket && m_servicePid > 0 && m_servicePid == m_remotePid)
        return tr("tandemd service (pid %1)").arg(m_remotePid);
    if (m_socket)
        return tr("tandemd (pid %1)").arg(m_remotePid);
    if (m_host)
        return tr("engine in this console");
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
    m_resume.stop();
    m_poll.stop();
    disconnect(&m_poll, &QTimer::timeout, nullptr, nullptr);
    if (m_socket) {
        m_socket->disconnect(this); // leaving is not "the connection was lost"
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    // Its destructor stops every pair and closes the endpoints and the control socket. The
    // engine, its child, announces the stopped pairs once more while it is destroyed, after
    // the host's own members are gone: no status read from a host being deleted.
    if (m_host) {
        disconnect(m_host->engine(), nullptr, this, nullptr);
        disconnect(m_host, nullptr, this, nullptr);
    }
    delete m_host;
    m_host = nullptr;
    m_buffer.clear();
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

void EngineSession::refreshLocal()
{
    const QJsonObject status = m_host->status();
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged();
}

void EngineSession::reload()
{
    if (m_host) {
        m_host->reload();
        refreshLocal();
        return;
    }
    send({{QStringLiteral("command"), QStringLiteral("reload")}});
}

void EngineSession::switchPair(const QString &pair, const QString &side)
{
    if (m_host) {
        PairRuntime *runtime = m_host->engine()->runtime(pair);
        QString error = tr("'%1' is not running.").arg(pair);
        if (runtime && side == QLatin1String("auto")) {
            runtime->returnToAutomatic();
        } else if (!runtime || !runtime->pin(sideFromKey(side).value_or(Side::None), &error)) {
            Q_EMIT commandFailed(error);
        }
        refreshLocal();
        return;
    }
    send({{QStringLiteral("command"), QStringLiteral("switch")},
          {QStringLiteral("pair"), pair},
          {QStringLiteral("side"), side}});
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
