// backup: how long a backup of a full state directory takes, how big it is, and what
// listing and pruning a folder of a month's daily backups cost, with and without the
// scheduler's cache. The scheduler does this on a worker thread, so the engine does not
// wait; the Back Up Now button does wait. No target in the issue: figures only.
#include "backup/backuparchive.h"
#include "backup/backupretention.h"
#include "bench.h"
#include "config/configfile.h"
#include "eventhistory.h"
#include "notify/outbox.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace tandem::bench {

namespace {

// The largest history the Diagnostics tab allows, and a backlog of undelivered mail.
void fillState(const TandemPaths &paths, int events, int mails)
{
    QDir().mkpath(paths.stateDir);
    Configuration config = Configuration::createNew();
    for (int p = 0; p < 50; ++p) {
        PairConfig pair;
        pair.name = QStringLiteral("line%1").arg(p + 1);
        pair.primary = QStringLiteral("10.0.0.1:502");
        pair.secondary = QStringLiteral("10.0.0.2:502");
        pair.endpoint = QStringLiteral("127.0.0.1:%1").arg(15000 + p);
        config.pairs << pair;
    }
    if (const ConfigIssues issues = ConfigFile::save(config, paths.configFile); !issues.isEmpty())
        throw BenchError(issues.constFirst().toString().toStdString());
    QString notice, error;
    if (!test::fillEventHistory(paths.stateDir, events, &error))
        throw BenchError(error.toStdString());
    Outbox outbox(paths.stateDir);
    if (!outbox.open(&notice, &error))
        throw BenchError(error.toStdString());
    for (int i = 0; i < mails; ++i) {
        OutboxMail mail;
        mail.createdMs = QDateTime::currentMSecsSinceEpoch();
        mail.from = QStringLiteral("tandem@plant.example");
        mail.to = {QStringLiteral("operator@plant.example")};
        mail.subject = QStringLiteral("Tandem event %1").arg(i);
        mail.message = QByteArray(4000, 'x');
        if (!outbox.add(&mail, &error))
            throw BenchError(error.toStdString());
    }
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

void runBackup(int reps)
{
    constexpr int Events = 30000; // the Diagnostics tab's maximum
    constexpr int Mails = 500;
    constexpr int Archives = 30; // a month of daily backups
    say("\n== backup: %d events (the maximum history), %d queued mails of 4 KB, 50 pairs; "
        "%d runs ==",
        Events, Mails, reps);
    QTemporaryDir dir;
    const TandemPaths paths{dir.filePath(QStringLiteral("tandem.xml")),
                            dir.filePath(QStringLiteral("state"))};
    const TimePoint filling = Clock::now();
    fillState(paths, Events, Mails);
    say("state filled in %.1f s: events.sqlite %.1f MB, outbox.sqlite %.1f MB",
        msBetween(filling, Clock::now()) / 1000,
        QFileInfo(QDir(paths.stateDir).filePath(QStringLiteral("events.sqlite"))).size() / 1e6,
        QFileInfo(QDir(paths.stateDir).filePath(QStringLiteral("outbox.sqlite"))).size() / 1e6);

    const QString folder = dir.filePath(QStringLiteral("backups"));
    std::vector<double> createMs;
    qint64 archiveBytes = 0;
    for (int i = 0; i < std::max(reps, Archives); ++i) {
        checkInterrupted();
        QString error;
        // Stamped a day apart, as a daily schedule leaves them.
        const TimePoint t0 = Clock::now();
        const std::optional<QString> path = BackupArchive::create(
            paths, folder, &error, QDateTime::currentDateTime().addDays(i - Archives));
        const double ms = msBetween(t0, Clock::now());
        if (!path)
            throw BenchError(error.toStdString());
        if (i < reps)
            createMs.push_back(ms);
        archiveBytes = QFileInfo(*path).size();
    }
    const double create = median(createMs);
    say("backup create: median %.0f ms (min %.0f, max %.0f); archive %.1f MB", create,
        *std::min_element(createMs.begin(), createMs.end()),
        *std::max_element(createMs.begin(), createMs.end()), archiveBytes / 1e6);

    const TimePoint l0 = Clock::now();
    const QList<BackupInfo> listed = BackupArchive::list(folder);
    const double listMs = msBetween(l0, Clock::now());
    say("backup list of %lld archives (every checksum read): %.0f ms",
        static_cast<long long>(listed.size()), listMs);
    // The scheduler's hourly check: its cache read them all once already.
    QHash<QString, BackupInfo> cache;
    BackupArchive::list(folder, &cache);
    const TimePoint c0 = Clock::now();
    BackupArchive::list(folder, &cache);
    say("the same with the scheduler's cache (its hourly check): %.1f ms",
        msBetween(c0, Clock::now()));

    // Retention of 7 days over the month; a disk with room to spare.
    const auto roomy = [](const QString &) -> std::optional<DiskSpace> {
        return DiskSpace{1'000'000'000'000, 500'000'000'000};
    };
    const TimePoint p0 = Clock::now();
    const BackupRetention::Result pruned =
        BackupRetention::prune(folder, QDateTime::currentDateTime(), 7, roomy);
    const double pruneMs = msBetween(p0, Clock::now());
    say("prune to 7 days: %lld deleted in %.0f ms", static_cast<long long>(pruned.deleted.size()),
        pruneMs);
}

} // namespace tandem::bench
