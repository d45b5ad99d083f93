#pragma once

#include "backup/backuparchive.h"
#include "backup/backupretention.h"
#include "base/clock.h"
#include "base/worker.h"
#include "config/backupsettings.h"
#include "config/tandempaths.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>

namespace tandem {

class EventLog;

// Scheduled backups, run by the engine (tandemd or the console's own): a backup archive
// every interval, then the retention period and the disk floor applied to the folder.
// Each backup, failure and deletion is posted as an event.
class BackupScheduler final : public QObject
{
    Q_OBJECT

public:
    BackupScheduler(const TandemPaths &paths, EventLog *events, QObject *parent = nullptr);
    ~BackupScheduler() override; // waits for a backup under way

    void setSettings(const BackupSettings &settings);
    // Tests: a simulated disk and a wall clock that moves by hand. The disk is read on the
    // worker thread.
    void setDiskSpaceSource(DiskSpaceSource source) { m_diskSpace = std::move(source); }
    void setClock(const Clock *clock) { m_clock = clock; }

    QString directory() const;
    // Makes a backup if one is due, then deletes what retention and the floor say; on a
    // worker thread, so the engine's pairs do not wait (a backup of a full event history
    // takes about 150 ms). checked() says when it is done. While a check runs, another
    // one follows it.
    void check();
    bool isChecking() const { return m_worker.isBusy(); }
    QDateTime lastBackup() const { return m_last; }
    QDateTime nextBackup() const;
    QJsonObject status() const; // for `tandemctl status` and the console

    // How long check() waits at most: deletion by retention is checked at least this often.
    static constexpr int MaxWaitMs = 60 * 60 * 1000;
    // After a failed backup, the next attempt.
    static constexpr int RetryMs = 10 * 60 * 1000;

Q_SIGNALS:
    void checked();

private:
    struct Outcome;
    void finish(const Outcome &outcome);
    void scheduleNext(const QDateTime &now);

    TandemPaths m_paths;
    EventLog *m_events;
    BackupSettings m_settings;
    DiskSpaceSource m_diskSpace;
    const Clock *m_clock = Clock::system();
    QTimer m_timer;
    QDateTime m_last;    // the newest intact backup in the folder
    QDateTime m_retryAt; // after a failure
    QString m_lastError;
    bool m_underFloor = false;
    // What the folder's archives were found to be: each is read and checked once, not at
    // every hourly check.
    QHash<QString, BackupInfo> m_archives;
    Worker m_worker; // last: it waits for a running check before the rest goes
    bool m_checkAgain = false;
};

} // namespace tandem
