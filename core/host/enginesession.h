#pragma once

#include "config/configissue.h"
#include "config/tandempaths.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

class QLocalSocket;

namespace tandem {

class EngineProcess;
class EventFeed;

// The console's view of "the engine": the tandemd serving this state directory when one
// runs, otherwise the console's own engine, a tandemd it starts as a child process and
// stops when it closes. Either way the console talks to it through its control socket
// only, reads the same status and sends the same commands, and never talks to a backend
// server itself. The engine never runs on the console's GUI thread.
class EngineSession final : public QObject
{
    Q_OBJECT

public:
    explicit EngineSession(const TandemPaths &paths, QObject *parent = nullptr);
    ~EngineSession() override;

    // Returns what kept the console's own engine from starting, or what it runs with
    // anyway (nothing for a tandemd the console did not start).
    ConfigIssues start();
    // Attached to a tandemd the console did not start (a service, or one run by hand).
    bool isRemote() const { return m_socket && !m_own; }
    // Runs its own engine, or is attached to tandemd (false between release and resume,
    // and while its own engine is restarted after a crash).
    bool isRunning() const { return m_own || m_socket; }
    // The pid of the engine shown (the console's own tandemd too), once it has answered.
    qint64 remotePid() const { return m_remotePid; }
    // The pid systemd runs tandemd.service as: a remote engine with it is "the service".
    void setServicePid(qint64 pid);
    QString description() const;

    // Stops the console's own engine, or lets go of tandemd, so that another engine can
    // take the state directory (a service starting) or this one can leave it.
    void release();
    // Runs again once the state directory is as expected: attached to tandemd once one
    // serves it (wantRemote), or with an engine of its own once none does. Gives up after
    // timeoutMs with commandFailed() and takes whatever there is then; -1: waits forever.
    void resume(bool wantRemote, int timeoutMs);

    QJsonObject status() const { return m_status; }
    QJsonObject pairStatus(const QString &pair) const;

    // After a save or enable/disable: apply the files on disk (the console's own engine
    // that did not start is started again on them).
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
    void attach();
    void dropSocket();
    void onDisconnected();
    void onOwnEngineExited(const QString &why);
    void restartOwnEngine();
    void send(const QJsonObject &request);
    void onRemoteData();

    TandemPaths m_paths;
    EngineProcess *m_own = nullptr; // the console's own tandemd
    QLocalSocket *m_socket = nullptr;
    QByteArray m_buffer;
    QTimer m_poll;
    QJsonObject m_status;
    qint64 m_remotePid = 0;
    qint64 m_servicePid = 0;
    QTimer m_resume;
    QTimer m_restart; // the console's own engine again, after it crashed
    QElapsedTimer m_ownSince;
    int m_restartDelayMs = 0;
    bool m_released = false; // by release(), until an engine is started or attached again
    EventFeed *m_feed = nullptr;
};

} // namespace tandem
