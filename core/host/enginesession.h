#pragma once

#include "config/configissue.h"
#include "config/tandempaths.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

class QLocalSocket;

namespace tandem {

class EngineHost;
class EventFeed;
class EventLog;

// The console's view of "the engine": the tandemd serving this state directory when one
// runs, otherwise an engine inside the console. Either way the console reads the same
// status and sends the same commands, and never talks to a backend server itself.
class EngineSession final : public QObject
{
    Q_OBJECT

public:
    explicit EngineSession(const TandemPaths &paths, QObject *parent = nullptr);
    ~EngineSession() override;

    // Returns what kept the in-console engine from starting (nothing for a remote one).
    ConfigIssues start();
    bool isRemote() const { return m_socket != nullptr; }
    // Runs an engine here, or is attached to tandemd (false between release and resume).
    bool isRunning() const { return m_host || m_socket; }
    qint64 remotePid() const { return m_remotePid; }
    // The pid systemd runs tandemd.service as: a remote engine with it is "the service".
    void setServicePid(qint64 pid);
    QString description() const;

    // Stops the engine in this console, or lets go of tandemd, so that another engine can
    // take the state directory (a service starting) or this one can leave it.
    void release();
    // Runs again once the state directory is as expected: attached to tandemd once one
    // serves it (wantRemote), or with an engine here once none does. Gives up after
    // timeoutMs with commandFailed() and takes whatever there is then; -1: waits forever.
    void resume(bool wantRemote, int timeoutMs);
    // Events of the in-console engine (null when remote: tandemd keeps its own).
    EventLog *events() const;

    QJsonObject status() const { return m_status; }
    QJsonObject pairStatus(const QString &pair) const;

    // After a save or enable/disable: apply the files on disk.
    void reload();
    // The operator's pin: side is "primary", "secondary" or "auto".
    void switchPair(const QString &pair, const QString &side);
    // The event history of the state directory, whoever writes it (null if unreadable).
    EventFeed *eventFeed() const { return m_feed; }
    // Clears the history through whichever engine owns it.
    void resetEvents();
    // Restores a backup archive (BackupArchive::restore). The console's own engine is
    // stopped for it and started again on the restored files, with every pair disabled;
    // a tandemd serving these files must be stopped first (refused). *issues: what kept
    // the engine from starting again.
    bool restoreBackup(const QString &archive, QStringList *report, QString *error,
                       ConfigIssues *issues);

Q_SIGNALS:
    void statusChanged();
    void commandFailed(const QString &message);
    void reloaded(const tandem::ConfigIssues &issues);
    // Another engine now (released, resumed, or the remote pid is known).
    void engineChanged();

private:
    ConfigIssues startEngine();
    void refreshLocal();
    void send(const QJsonObject &request);
    void onRemoteData();

    TandemPaths m_paths;
    EngineHost *m_host = nullptr;
    QLocalSocket *m_socket = nullptr;
    QByteArray m_buffer;
    QTimer m_poll;
    QJsonObject m_status;
    qint64 m_remotePid = 0;
    qint64 m_servicePid = 0;
    QTimer m_resume;
    EventFeed *m_feed = nullptr;
};

} // namespace tandem
