#include "backupscheduler.h"

#include "backup/backuparchive.h"
#include "events/eventlog.h"

#include <QDir>
#include <QLocale>

#include <algorithm>

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
    , m_now([] { return QDateTime::currentDateTime(); })
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
    return m_last.isValid() ? m_last.addSecs(qint64(m_settings.intervalHours) * 3600) : m_now();
}

void BackupScheduler::check()
{
    if (!m_settings.enabled)
        return;
    // Read from the folder each time: a backup made by hand (tandemctl, the console)
    // counts as well.
    m_last = {};
    for (const BackupInfo &info : BackupArchive::list(directory()))
        if (!info.isBroken() && (!m_last.isValid() || info.created > m_last))
            m_last = info.created;
    const QDateTime now = m_now();
    if (nextBackup() <= now)
        backUp(now);
    applyRetention(now);
    scheduleNext(now);
}

void BackupScheduler::backUp(const QDateTime &now)
{
    QString error;
    if (const std::optional<QString> path =
            BackupArchive::create(m_paths, directory(), &error, now)) {
        m_last = now;
        m_retryAt = {};
        m_lastError.clear();
        m_events->post(QStringLiteral("backup-created"), {}, {*path});
    } else {
        m_retryAt = now.addMSecs(RetryMs);
        m_lastError = error;
        m_events->post(QStringLiteral("backup-failed"), {}, {directory(), error});
    }
}

void BackupScheduler::applyRetention(const QDateTime &now)
{
    const BackupRetention::Result result =
        BackupRetention::prune(directory(), now, m_settings.retentionDays, m_diskSpace);
    for (const BackupRetention::Deleted &d : result.deleted) {
        if (d.reason == BackupRetention::Reason::Retention) {
            m_events->post(QStringLiteral("backup-expired"), {},
                           {d.path, QString::number(m_settings.retentionDays)});
        } else {
            const DiskSpace space = result.space.value_or(DiskSpace{});
            m_events->post(QStringLiteral("backup-disk-floor"), {},
                           {d.path, bytes(space.available), bytes(space.total)});
        }
    }
    for (const QString &e : result.errors)
        m_events->post(QStringLiteral("backup-failed"), {}, {directory(), e});
    // Said once when it starts, not at every check while it lasts.
    if (result.underFloor && !m_underFloor)
        m_events->post(QStringLiteral("backup-disk-low"), {},
                       {directory(), bytes(result.space->available), bytes(result.space->total)});
    m_underFloor = result.underFloor;
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
