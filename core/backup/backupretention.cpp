#include "backupretention.h"

#include "backuparchive.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>

#include <algorithm>

namespace tandem {

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BackupRetention)
};

// An archive in the order deletion considers it: by the time it was made.
struct Candidate
{
    BackupInfo info;
    QDateTime when; // the manifest's time, or the file's for a damaged archive
};

} // namespace

DiskSpaceSource BackupRetention::systemDiskSpace()
{
    return [](const QString &dir) -> std::optional<DiskSpace> {
        const QStorageInfo storage(dir);
        if (!storage.isValid() || !storage.isReady())
            return std::nullopt;
        return DiskSpace{storage.bytesTotal(), storage.bytesAvailable()};
    };
}

bool BackupRetention::isUnderFloor(const DiskSpace &space)
{
    return space.available < FloorBytes || space.available * 100 < space.total * FloorPercent;
}

BackupRetention::Result BackupRetention::prune(const QString &dir, const QDateTime &now,
                                               int retentionDays, const DiskSpaceSource &diskSpace,
                                               QHash<QString, BackupInfo> *cache)
{
    QList<Candidate> candidates;
    for (const BackupInfo &info : BackupArchive::list(dir, cache)) {
        const QDateTime when = info.isBroken() ? QFileInfo(info.path).lastModified() : info.created;
        candidates.append({info, when});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) { return a.when < b.when; });
    // The newest intact archive is never a candidate.
    for (qsizetype i = candidates.size() - 1; i >= 0; --i) {
        if (!candidates[i].info.isBroken()) {
            candidates.removeAt(i);
            break;
        }
    }

    Result result;
    auto remove = [&](const Candidate &c, Reason reason) {
        QFile file(c.info.path);
        if (!file.remove()) {
            result.errors.append(
                Tr::tr("cannot delete %1: %2").arg(c.info.path, file.errorString()));
            return;
        }
        result.deleted.append({c.info.path, reason, c.info.isBroken() ? QDateTime() : c.when});
    };

    const QDateTime cutoff = now.addDays(-retentionDays);
    QList<Candidate> kept;
    for (const Candidate &c : std::as_const(candidates)) {
        if (c.when < cutoff)
            remove(c, Reason::Retention);
        else
            kept.append(c);
    }

    result.space = diskSpace(dir);
    for (const Candidate &c : std::as_const(kept)) {
        if (!result.space || !isUnderFloor(*result.space))
            break;
        remove(c, Reason::DiskFloor);
        result.space = diskSpace(dir);
    }
    result.underFloor = result.space && isUnderFloor(*result.space);
    return result;
}

} // namespace tandem
