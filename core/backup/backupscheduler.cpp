#include "backupscheduler.h"

#include "backup/backuparchive.h"
#include "events/eventlog.h"

#include <QDir>
#include <QLocale>

#include <algorithm>
#include <memory>
#include <utility>

namespace tandem {

namespace {

QString bytes(qint64 n)
{
    return QLocale::c().formattedDataSize(n, 1, QLocale::DataSizeSIFormat);
}

} // namespace

BackupScheduler::BackupScheduler(const TandemPaths &paths, EventLog *events, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
    , m_events(events)
    , m_diskSpace(BackupRetention::systemDiskSpace())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &BackupScheduler::check);
}

void BackupScheduler::setSettings(const BackupSettings &settings)
{
    if (settings == m_settings && (m_timer.isActive() || !settings.enabled))
        return;
    m_settings = settings;
    m_retryAt = {};
    m_lastError.clear();
    if (!m_settings.enabled) {
        m_timer.stop();
        return;
    }
    check();
}

QString BackupScheduler::directory() const
{
    return m_settings.directory.isEmpty() ? BackupArchive::defaultDir(m_paths)
                                          : m_settings.directory;
}

QDateTime BackupScheduler::nextBackup() const
{
    if (!m_settings.enabled)
        return {};
    if (m_retryAt.isValid())
        return m_retryAt;
    return m_last.isValid() ? m_last.addSecs(qint64(m_settings.intervalHours) * 3600)
                            : m_clock->wallTime();
}

// What a check found and did, handed from the worker thread to the scheduler's.
struct BackupScheduler::Outcome
{
    QDateTime now;
    QDateTime last;                 // the newest intact backup, after a new one
    bool attempted = false;         // a backup was due
    std::optional<QString> created; // its path
    QString error;                  // why not
    BackupRetention::Result retention;
    QHash<QString, BackupInfo> archives;
};

BackupScheduler::~BackupScheduler() = default; // m_worker waits for a running check

void BackupScheduler::check()
{
    if (!m_settings.enabled)
        return;
    if (m_worker.isBusy()) {
        m_checkAgain = true;
        return;
    }
    // Everything the worker needs, copied: it touches nothing of this object's.
    auto outcome = std::make_shared<Outcome>();
    outcome->now = m_clock->wallTime();
    outcome->archives = m_archives;
    const TandemPaths paths = m_paths;
    const QString dir = directory();
    const BackupSettings settings = m_settings;
    const QDateTime retryAt = m_retryAt;
    const DiskSpaceSource diskSpace = m_diskSpace;
    m_worker.start(
        [=] {
            Outcome &o = *outcome;
            // Read from the folder each time: a backup made by hand (tandemctl, the console)
            // counts as well.
            for (const BackupInfo &info : BackupArchive::list(dir, &o.archives))
                if (!info.isBroken() && (!o.last.isValid() || info.created > o.last))
                    o.last = info.created;
            const QDateTime due = retryAt.isValid() ? retryAt
                                  : o.last.isValid()
                                      ? o.last.addSecs(qint64(settings.intervalHours) * 3600)
                                      : o.now;
            if (due <= o.now) {
                o.attempted = true;
                o.created = BackupArchive::create(paths, dir, &o.error, o.now);
                if (o.created)
                    o.last = o.now;
            }
            o.retention =
                BackupRetention::prune(dir, o.now, settings.retentionDays, diskSpace, &o.archives);
            return [this, outcome] { finish(*outcome); };
        },
        QThread::LowPriority);
}

void BackupScheduler::finish(const Outcome &o)
{
    m_archives = o.archives;
    m_last = o.last;
    if (o.attempted) {
        if (o.created) {
            m_retryAt = {};
            m_lastError.clear();
            m_events->post(EventId::BackupCreated, {}, {*o.created});
        } else {
            m_retryAt = o.now.addMSecs(RetryMs);
            m_lastError = o.error;
            m_events->post(EventId::BackupFailed, {}, {directory(), o.error});
        }
    }
    const BackupRetention::Result &result = o.retention;
    for (const BackupRetention::Deleted &d : result.deleted) {
        if (d.reason == BackupRetention::Reason::Retention) {
            m_events->post(EventId::BackupExpired, {},
                           {d.path, QString::number(m_settings.retentionDays)});
        } else {
            const DiskSpace space = result.space.value_or(DiskSpace{});
            m_events->post(EventId::BackupDiskFloor, {},
                           {d.path, bytes(space.available), bytes(space.total)});
        }
    }
    for (const QString &e : result.errors)
        m_events->post(EventId::BackupFailed, {}, {directory(), e});
    // Said once when it starts, not at every check while it lasts.
    if (result.underFloor && !m_underFloor)
        m_events->post(EventId::BackupDiskLow, {},
                       {directory(), bytes(result.space->available), bytes(result.space->total)});
    m_underFloor = result.underFloor;
    if (m_settings.enabled)
        scheduleNext(m_clock->wallTime());
    Q_EMIT checked();
    if (std::exchange(m_checkAgain, false))
        check();
}

void BackupScheduler::scheduleNext(const QDateTime &now)
{
    const qint64 untilDue = now.msecsTo(nextBackup());
    m_timer.start(int(std::clamp<qint64>(untilDue, 1000, MaxWaitMs)));
}

QJsonObject BackupScheduler::status() const
{
    QJsonObject s{{QStringLiteral("enabled"), m_settings.enabled},
                  {QStringLiteral("directory"), directory()},
                  {QStringLiteral("intervalHours"), m_settings.intervalHours},
                  {QStringLiteral("retentionDays"), m_settings.retentionDays}};
    if (m_last.isValid())
        s.insert(QStringLiteral("last"), m_last.toString(Qt::ISODate));
    if (const QDateTime next = nextBackup(); next.isValid())
        s.insert(QStringLiteral("next"), next.toString(Qt::ISODate));
    if (!m_lastError.isEmpty())
        s.insert(QStringLiteral("lastError"), m_lastError);
    s.insert(QStringLiteral("diskUnderFloor"), m_underFloor);
    return s;
}

} // namespace tandem
