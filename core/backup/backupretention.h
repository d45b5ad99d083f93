#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace tandem {

struct BackupInfo;

// Size and free space of the file system a folder is on.
struct DiskSpace
{
    qint64 total = 0;
    qint64 available = 0;
};

// Where free space is read from: the real file system, or a simulated one in tests.
using DiskSpaceSource = std::function<std::optional<DiskSpace>(const QString &dir)>;

// Which backups go (docs/requirements.md). Archives older than the retention
// period are deleted; and whenever free space on the backup disk is under the floor (less
// than 10 GB or less than 10 % of the volume), the oldest are deleted regardless of the
// retention period until it is not. The newest intact backup is always kept: a schedule
// that fails for weeks must not leave the machine without any.
class BackupRetention final
{
public:
    static constexpr qint64 FloorBytes = 10'000'000'000; // 10 GB
    static constexpr int FloorPercent = 10;

    enum class Reason
    {
        Retention,
        DiskFloor
    };

    struct Deleted
    {
        QString path;
        Reason reason;
        QDateTime created; // invalid for a damaged archive (its file time is used)
    };

    struct Result
    {
        QList<Deleted> deleted;
        QStringList errors;             // archives that could not be deleted, with why
        std::optional<DiskSpace> space; // after deleting; nullopt if it could not be read
        bool underFloor = false;        // still under the floor afterwards
    };

    static DiskSpaceSource systemDiskSpace();
    static bool isUnderFloor(const DiskSpace &space);

    // cache: as BackupArchive::list() takes it.
    static Result prune(const QString &dir, const QDateTime &now, int retentionDays,
                        const DiskSpaceSource &diskSpace,
                        QHash<QString, BackupInfo> *cache = nullptr);
};

} // namespace tandem
