// Scheduled backups, the retention period and the disk floor, on real archives in a
// scratch folder. Free space comes from a simulated disk whose usage is the archives
// really in the folder plus a fixed amount of "other" data, so deleting an archive frees
// exactly its size, as on a real disk.
#include "backup/backuparchive.h"
#include "backup/backupretention.h"
#include "backup/backupscheduler.h"
#include "config/configfile.h"
#include "events/eventlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace tandem;

namespace {

// A disk of `total` bytes holding `other` bytes besides the backups in its folder.
struct SimulatedDisk
{
    qint64 total = 0;
    qint64 other = 0;
    int reads = 0;
    QThread *readOn = nullptr; // the thread that read it last

    DiskSpaceSource source()
    {
        return [this](const QString &dir) -> std::optional<DiskSpace> {
            ++reads;
            readOn = QThread::currentThread();
            qint64 used = other;
            for (const QFileInfo &fi : QDir(dir).entryInfoList(QDir::Files))
                used += fi.size();
            return DiskSpace{total, total - used};
        };
    }
};

QStringList fileNames(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

QStringList eventIds(const QSignalSpy &spy)
{
    QStringList ids;
    for (const QList<QVariant> &args : spy)
        ids << args.at(0).value<Event>().id;
    return ids;
}

// A scheduler on the test's files, a simulated disk and a wall clock moved by hand, with
// the events it posts.
struct SchedulerRig
{
    SchedulerRig(const TandemPaths &paths, const QDateTime &start, SimulatedDisk disk)
        : disk(disk)
        , scheduler(paths, &events)
    {
        clock.setWall(start.toMSecsSinceEpoch());
        scheduler.setDiskSpaceSource(this->disk.source());
        scheduler.setClock(&clock);
    }
    QDateTime now() const { return clock.wallTime(); }
    void setNow(const QDateTime &time) { clock.setWall(time.toMSecsSinceEpoch()); }

    // The scheduler works on a thread of its own: these wait until it is done.
    [[nodiscard]] bool apply(const BackupSettings &settings)
    {
        QSignalSpy done(&scheduler, &BackupScheduler::checked);
        scheduler.setSettings(settings);
        return done.wait(20000);
    }
    [[nodiscard]] bool checkNow()
    {
        QSignalSpy done(&scheduler, &BackupScheduler::checked);
        scheduler.check();
        return done.wait(20000);
    }

    EventLog events;
    QSignalSpy posted{&events, &EventLog::eventPosted};
    SimulatedDisk disk;
    ManualClock clock; // the wall clock only: the scheduler's timer is a real one
    BackupScheduler scheduler;
};

} // namespace

class TestBackupSchedule final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void floorIsTenGigabytesOrTenPercent_data();
    void floorIsTenGigabytesOrTenPercent();
    void retentionDeletesOnlyExpiredArchives();
    void newestIntactBackupIsAlwaysKept();
    void diskFloorDeletesOldestFirstUntilAboveIt();
    void diskFloorThatCannotBeMetKeepsTheNewest();
    void damagedArchivesAgeByTheirFileTime();
    void otherFilesAreNeverDeleted();
    void listingReadsEachArchiveOnce();
    void schedulerBacksUpWhenDueAndPostsEvents();
    void schedulerCountsBackupsMadeByHand();
    void schedulerReportsAFailureAndRetries();
    void schedulerAppliesTheFloorAndSaysSoOnce();
    void disabledSchedulerDoesNothing();

private:
    QString dir() const { return m_dir->filePath(QStringLiteral("backups")); }
    // A backup stamped `daysAgo` days before m_now; returns its path.
    QString backupAged(double daysAgo);

    std::unique_ptr<QTemporaryDir> m_dir;
    TandemPaths m_paths;
    QDateTime m_now;
    qint64 m_archiveSize = 0;
};

void TestBackupSchedule::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_paths.configFile = m_dir->filePath(QStringLiteral("config/tandem.xml"));
    m_paths.stateDir = m_dir->filePath(QStringLiteral("state"));
    QVERIFY(QDir().mkpath(m_paths.stateDir));
    QVERIFY(QDir().mkpath(QFileInfo(m_paths.configFile).path()));
    Configuration config = Configuration::createNew();
    const ConfigIssues issues = ConfigFile::save(config, m_paths.configFile);
    QVERIFY2(issues.isEmpty(), issues.isEmpty() ? "" : qPrintable(issues.constFirst().toString()));
    m_now = QDateTime(QDate(2026, 11, 23), QTime(12, 0));
    m_archiveSize = 0;
}

QString TestBackupSchedule::backupAged(double daysAgo)
{
    QString error;
    const std::optional<QString> path =
        BackupArchive::create(m_paths, dir(), &error, m_now.addSecs(qint64(-daysAgo * 24 * 3600)));
    if (!path)
        qFatal("backup failed: %s", qPrintable(error));
    m_archiveSize = QFileInfo(*path).size();
    return *path;
}

void TestBackupSchedule::floorIsTenGigabytesOrTenPercent_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("available");
    QTest::addColumn<bool>("under");
    const qint64 GB = 1'000'000'000;
    QTest::newRow("50 GB disk, 9.9 GB free: under 10 GB") << 50 * GB << 9'900'000'000LL << true;
    QTest::newRow("50 GB disk, 11 GB free") << 50 * GB << 11 * GB << false;
    QTest::newRow("1 TB disk, 99 GB free: under 10 %") << 1000 * GB << 99 * GB << true;
    QTest::newRow("1 TB disk, 101 GB free") << 1000 * GB << 101 * GB << false;
    QTest::newRow("8 GB disk, 7 GB free: under 10 GB") << 8 * GB << 7 * GB << true;
}

void TestBackupSchedule::floorIsTenGigabytesOrTenPercent()
{
    QFETCH(qint64, total);
    QFETCH(qint64, available);
    QFETCH(bool, under);
    QCOMPARE(BackupRetention::isUnderFloor({total, available}), under);
}

void TestBackupSchedule::retentionDeletesOnlyExpiredArchives()
{
    const QString a = backupAged(40), b = backupAged(31), c = backupAged(29), d = backupAged(1);
    SimulatedDisk disk{1'000'000'000'000, 0};
    const BackupRetention::Result r = BackupRetention::prune(dir(), m_now, 30, disk.source());
    QCOMPARE(r.deleted.size(), 2);
    QCOMPARE(r.deleted[0].path, a);
    QCOMPARE(r.deleted[1].path, b);
    QVERIFY(r.deleted[0].reason == BackupRetention::Reason::Retention);
    QCOMPARE(fileNames(dir()), (QStringList{QFileInfo(c).fileName(), QFileInfo(d).fileName()}));
    QVERIFY(r.errors.isEmpty());
    QVERIFY(!r.underFloor);
}

void TestBackupSchedule::newestIntactBackupIsAlwaysKept()
{
    backupAged(100);
    const QString newest = backupAged(90);
    SimulatedDisk disk{1'000'000'000'000, 0};
    const BackupRetention::Result r = BackupRetention::prune(dir(), m_now, 30, disk.source());
    QCOMPARE(r.deleted.size(), 1);
    QCOMPARE(fileNames(dir()), QStringList{QFileInfo(newest).fileName()});
}

void TestBackupSchedule::diskFloorDeletesOldestFirstUntilAboveIt()
{
    QStringList paths;
    for (int age : {5, 4, 3, 2, 1})
        paths << backupAged(age);
    // 200 GB disk (floor: 20 GB free). Free space with all five archives is 2.5 archives
    // short of the floor: three must go, the oldest ones.
    SimulatedDisk disk{200'000'000'000, 0};
    disk.other = disk.total - 20'000'000'000 - 5 * m_archiveSize + m_archiveSize * 5 / 2;
    const BackupRetention::Result r = BackupRetention::prune(dir(), m_now, 30, disk.source());
    QCOMPARE(r.deleted.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(r.deleted[i].path, paths[i]);
        QVERIFY(r.deleted[i].reason == BackupRetention::Reason::DiskFloor);
    }
    QCOMPARE(fileNames(dir()),
             (QStringList{QFileInfo(paths[3]).fileName(), QFileInfo(paths[4]).fileName()}));
    QVERIFY(!r.underFloor);
    QVERIFY(r.space);
    QVERIFY(!BackupRetention::isUnderFloor(*r.space));
}

void TestBackupSchedule::diskFloorThatCannotBeMetKeepsTheNewest()
{
    for (int age : {3, 2})
        backupAged(age);
    const QString newest = backupAged(1);
    SimulatedDisk disk{50'000'000'000, 45'000'000'000}; // 5 GB free at most
    const BackupRetention::Result r = BackupRetention::prune(dir(), m_now, 30, disk.source());
    QCOMPARE(r.deleted.size(), 2);
    QCOMPARE(fileNames(dir()), QStringList{QFileInfo(newest).fileName()});
    QVERIFY(r.underFloor);
}

void TestBackupSchedule::damagedArchivesAgeByTheirFileTime()
{
    const QString intact = backupAged(1);
    // A damaged archive newer than every intact one is not "the newest backup"; one
    // older than the retention period (by its file time) goes like any other.
    const QString oldBroken = QDir(dir()).filePath(QStringLiteral("tandem-backup-old.tar"));
    const QString newBroken = QDir(dir()).filePath(QStringLiteral("tandem-backup-zzz.tar"));
    for (const QString &p : {oldBroken, newBroken}) {
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a tar archive");
    }
    {
        QFile f(oldBroken);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(m_now.addDays(-60), QFileDevice::FileModificationTime));
    }
    SimulatedDisk disk{1'000'000'000'000, 0};
    const BackupRetention::Result r = BackupRetention::prune(dir(), m_now, 30, disk.source());
    QCOMPARE(r.deleted.size(), 1);
    QCOMPARE(r.deleted[0].path, QFileInfo(oldBroken).absoluteFilePath());
    QVERIFY(!r.deleted[0].created.isValid());
    QVERIFY(QFileInfo::exists(intact));
    QVERIFY(QFileInfo::exists(newBroken));

    // Under the floor, the damaged newer one goes before the intact newest.
    disk.other = disk.total - 5'000'000'000;
    const BackupRetention::Result full = BackupRetention::prune(dir(), m_now, 30, disk.source());
    QCOMPARE(full.deleted.size(), 1);
    QCOMPARE(full.deleted[0].path, QFileInfo(newBroken).absoluteFilePath());
    QCOMPARE(fileNames(dir()), QStringList{QFileInfo(intact).fileName()});
}

void TestBackupSchedule::otherFilesAreNeverDeleted()
{
    backupAged(50);
    backupAged(40);
    QVERIFY(QDir().mkpath(dir()));
    for (const char *name : {"notes.txt", "tandem-backup-x.tar.writing", "other.tar"}) {
        QFile f(QDir(dir()).filePath(QLatin1String(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.setFileTime(m_now.addDays(-400), QFileDevice::FileModificationTime));
    }
    SimulatedDisk disk{50'000'000'000, 49'000'000'000};
    const BackupRetention::Result r = BackupRetention::prune(dir(), m_now, 30, disk.source());
    QCOMPARE(r.deleted.size(), 1);
    QCOMPARE(fileNames(dir()).size(), 4); // the three others and the newest backup
    QVERIFY(fileNames(dir()).contains(QStringLiteral("notes.txt")));
    QVERIFY(fileNames(dir()).contains(QStringLiteral("tandem-backup-x.tar.writing")));
}

// The scheduler lists its folder at every check: an archive already read (same size and
// file time) is taken from the cache; one that changed is read and checked again.
void TestBackupSchedule::listingReadsEachArchiveOnce()
{
    const QString a = backupAged(2);
    backupAged(1);
    QHash<QString, BackupInfo> cache;
    QCOMPARE(BackupArchive::list(dir(), &cache).size(), 2);
    QCOMPARE(cache.size(), 2);

    // Garbage of the same size with the same file time: not read again, so still intact.
    const QDateTime modified = QFileInfo(a).lastModified();
    {
        QFile f(a);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const QByteArray garbage(int(f.size()), 'x');
        f.write(garbage);
        QVERIFY(f.flush()); // before the time is set back: a later write would move it
        QVERIFY(f.setFileTime(modified, QFileDevice::FileModificationTime));
    }
    QList<BackupInfo> listed = BackupArchive::list(dir(), &cache);
    QVERIFY(!listed.constFirst().isBroken());
    QVERIFY(BackupArchive::list(dir()).constFirst().isBroken()); // without the cache: read

    // A new file time: read again, and found damaged.
    {
        QFile f(a);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(modified.addSecs(60), QFileDevice::FileModificationTime));
    }
    listed = BackupArchive::list(dir(), &cache);
    QVERIFY(listed.constFirst().isBroken());

    // A deleted archive leaves the cache.
    QVERIFY(QFile::remove(a));
    QCOMPARE(BackupArchive::list(dir(), &cache).size(), 1);
    QCOMPARE(cache.size(), 1);
}

void TestBackupSchedule::schedulerBacksUpWhenDueAndPostsEvents()
{
    SchedulerRig rig(m_paths, m_now, SimulatedDisk{1'000'000'000'000, 0});
    QSignalSpy &posted = rig.posted;
    BackupScheduler &scheduler = rig.scheduler;

    BackupSettings settings;
    settings.enabled = true;
    settings.intervalHours = 24;
    settings.retentionDays = 2;
    settings.directory = dir();
    QVERIFY(rig.apply(settings)); // the first backup at once: none was there
    // The files were read and written off the engine's thread.
    QVERIFY(rig.disk.readOn != nullptr && rig.disk.readOn != QThread::currentThread());
    QVERIFY(!scheduler.isChecking());
    QCOMPARE(eventIds(posted), QStringList{QStringLiteral("backup-created")});
    QCOMPARE(fileNames(dir()).size(), 1);
    QCOMPARE(scheduler.lastBackup(), rig.now());
    QCOMPARE(scheduler.nextBackup(), rig.now().addDays(1));
    QCOMPARE(scheduler.status().value(QLatin1String("next")).toString(),
             rig.now().addDays(1).toString(Qt::ISODate));

    rig.setNow(rig.now().addSecs(23 * 3600));
    QVERIFY(rig.checkNow());
    QCOMPARE(posted.size(), 1); // not due yet
    QCOMPARE(fileNames(dir()).size(), 1);

    for (int day = 1; day <= 3; ++day) {
        rig.setNow(m_now.addDays(day));
        QVERIFY(rig.checkNow());
    }
    // Day 0, 1, 2, 3 backed up; with 2 days' retention day 0 went on day 3 (strictly
    // older than two days only then).
    QCOMPARE(eventIds(posted),
             (QStringList{QStringLiteral("backup-created"), QStringLiteral("backup-created"),
                          QStringLiteral("backup-created"), QStringLiteral("backup-created"),
                          QStringLiteral("backup-expired")}));
    QCOMPARE(fileNames(dir()).size(), 3);
    const Event expired = posted.last().at(0).value<Event>();
    QVERIFY2(expired.text.contains(QLatin1String("2 day(s)")), qPrintable(expired.text));
}

void TestBackupSchedule::schedulerCountsBackupsMadeByHand()
{
    backupAged(0.5); // made 12 hours ago with tandemctl
    SchedulerRig rig(m_paths, m_now, SimulatedDisk{1'000'000'000'000, 0});
    QSignalSpy &posted = rig.posted;
    BackupScheduler &scheduler = rig.scheduler;
    BackupSettings settings;
    settings.enabled = true;
    settings.directory = dir();
    QVERIFY(rig.apply(settings));
    QCOMPARE(posted.size(), 0);
    QCOMPARE(scheduler.nextBackup(), m_now.addSecs(12 * 3600));
}

void TestBackupSchedule::schedulerReportsAFailureAndRetries()
{
    SchedulerRig rig(m_paths, m_now, SimulatedDisk{1'000'000'000'000, 0});
    QSignalSpy &posted = rig.posted;
    BackupScheduler &scheduler = rig.scheduler;
    // The folder cannot be made: a file is in the way.
    const QString blocked = m_dir->filePath(QStringLiteral("blocked"));
    {
        QFile f(blocked);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    BackupSettings settings;
    settings.enabled = true;
    settings.directory = blocked + QStringLiteral("/backups");
    QVERIFY(rig.apply(settings));
    QCOMPARE(eventIds(posted), QStringList{QStringLiteral("backup-failed")});
    const Event failed = posted.last().at(0).value<Event>();
    QVERIFY2(failed.text.contains(settings.directory), qPrintable(failed.text));
    QCOMPARE(failed.severity, Severity::Error);
    QVERIFY(!scheduler.status().value(QLatin1String("lastError")).toString().isEmpty());
    QCOMPARE(scheduler.nextBackup(), rig.now().addMSecs(BackupScheduler::RetryMs));

    QVERIFY(QFile::remove(blocked)); // the operator fixes it
    rig.setNow(rig.now().addMSecs(BackupScheduler::RetryMs));
    QVERIFY(rig.checkNow());
    QCOMPARE(eventIds(posted).last(), QStringLiteral("backup-created"));
    QVERIFY(!scheduler.status().contains(QLatin1String("lastError")));
}

void TestBackupSchedule::schedulerAppliesTheFloorAndSaysSoOnce()
{
    for (int age : {3, 2, 1})
        backupAged(age);
    SchedulerRig rig(m_paths, m_now,
                     SimulatedDisk{50'000'000'000, 45'000'000'000}); // never above the floor
    QSignalSpy &posted = rig.posted;
    BackupScheduler &scheduler = rig.scheduler;
    BackupSettings settings;
    settings.enabled = true;
    settings.directory = dir();
    QVERIFY(rig.apply(settings));
    QCOMPARE(eventIds(posted),
             (QStringList{QStringLiteral("backup-created"), QStringLiteral("backup-disk-floor"),
                          QStringLiteral("backup-disk-floor"), QStringLiteral("backup-disk-floor"),
                          QStringLiteral("backup-disk-low")}));
    QCOMPARE(fileNames(dir()).size(), 1);
    QVERIFY(scheduler.status().value(QLatin1String("diskUnderFloor")).toBool());
    const Event floor = posted.at(1).at(0).value<Event>();
    QCOMPARE(floor.severity, Severity::Warning);
    QVERIFY2(floor.text.contains(QLatin1String("of 50.0 GB")), qPrintable(floor.text));

    posted.clear();
    rig.setNow(rig.now().addSecs(3600));
    QVERIFY(rig.checkNow()); // still low: not said again
    QCOMPARE(posted.size(), 0);
}

void TestBackupSchedule::disabledSchedulerDoesNothing()
{
    SchedulerRig rig(m_paths, m_now, SimulatedDisk{1'000'000'000'000, 0});
    QSignalSpy &posted = rig.posted;
    BackupScheduler &scheduler = rig.scheduler;
    BackupSettings settings;
    settings.directory = dir();
    scheduler.setSettings(settings);
    scheduler.check();
    QCOMPARE(posted.size(), 0);
    QVERIFY(!QFileInfo::exists(dir()));
    QCOMPARE(rig.disk.reads, 0);
    QVERIFY(!scheduler.nextBackup().isValid());
}

QTEST_GUILESS_MAIN(TestBackupSchedule)
#include "tst_backupschedule.moc"
