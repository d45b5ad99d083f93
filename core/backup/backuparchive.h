#pragma once

#include "config/tandempaths.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem {

// One file inside a backup, as its manifest lists it.
struct BackupFile
{
    QString name;
    qint64 size = 0;
    QString sha256; // hex
};

// A backup archive found by list(): what its manifest says, or why it is broken.
struct BackupInfo
{
    QString path;
    qint64 size = 0; // of the archive
    QDateTime created;
    QString host;
    QList<BackupFile> files;
    QString problem;    // empty: the archive is complete and every checksum matches
    QDateTime modified; // of the file, when it was read
    bool isBroken() const { return !problem.isEmpty(); }
};

// Backup and restore of Tandem's configuration and state: tandem.xml, the event store
// and the outbox in one ustar archive with a manifest of SHA-256 sums. Never the
// license nor the secrets (those stay with the machine and the keychain).
class BackupArchive final
{
public:
    // Where backups go unless told otherwise: <stateDir>/backups.
    static QString defaultDir(const TandemPaths &paths);

    // Writes tandem-backup-YYYYMMDD-HHMMSS.tar into targetDir and returns its path. The
    // SQLite files are copied with VACUUM INTO, so a running engine may keep writing;
    // the archive appears under its final name only when complete and on disk.
    // when: the time the backup is stamped with (tests of retention); invalid: now.
    static std::optional<QString> create(const TandemPaths &paths, const QString &targetDir,
                                         QString *error, const QDateTime &when = {});

    // The backups in dir, oldest first; a damaged one is listed with its problem.
    // cache: what an earlier call read; an archive whose size and modification time are
    // unchanged is not read and checked again (the scheduler lists its folder hourly).
    static QList<BackupInfo> list(const QString &dir, QHash<QString, BackupInfo> *cache = nullptr);

    // Reads and checks the whole archive (manifest, every SHA-256) before it changes
    // anything; refuses while an engine runs on paths.stateDir. Each restored file
    // replaces the current one atomically, the current one kept as <name>.before-restore;
    // afterwards every pair is disabled on this machine, as after a deployment.
    // *report: one line per file restored or set aside.
    static bool restore(const QString &archivePath, const TandemPaths &paths, QStringList *report,
                        QString *error);
};

} // namespace tandem
