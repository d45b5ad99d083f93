#include "backuparchive.h"

#include "backup/tarfile.h"
#include "base/durablefile.h"
#include "base/enginesocket.h"
#include "config/configfile.h"
#include "config/machinestate.h"
#include "events/eventlog.h"
#include "events/eventstore.h"
#include "notify/outbox.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QUuid>

namespace tandem {

namespace {

constexpr int FormatVersion = 1;
const char ManifestName[] = "manifest.json";
const char ConfigName[] = "tandem.xml";
const char *const StateFiles[] = {"events.sqlite", "outbox.sqlite"};
// SQLite's companions of a database file: they belong to it and move with it.
const char *const SqliteCompanions[] = {"-wal", "-shm", "-journal"};

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BackupArchive)
};

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool isSqliteName(const QString &name)
{
    for (const char *file : StateFiles)
        if (name == QLatin1String(file))
            return true;
    return false;
}

// Where a file of the archive goes on this machine.
QString targetPath(const QString &name, const TandemPaths &paths)
{
    if (name == QLatin1String(ConfigName))
        return paths.configFile;
    return QDir(paths.stateDir).filePath(name);
}

// A consistent copy of a live SQLite file: VACUUM INTO runs in one read transaction, so
// the engine may go on writing (WAL) while the copy is made.
bool snapshotSqlite(const QString &source, const QString &copy, QString *error)
{
    const QString connection =
        QStringLiteral("backup-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(source);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            *error = Tr::tr("cannot open %1: %2").arg(source, db.lastError().text());
        } else {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("VACUUM INTO ?"));
            q.addBindValue(copy);
            ok = q.exec();
            if (!ok)
                *error = Tr::tr("cannot copy %1: %2").arg(source, q.lastError().text());
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

QJsonObject manifestFor(const QList<TarFile::Entry> &files, const QDateTime &created)
{
    QJsonArray list;
    for (const TarFile::Entry &f : files)
        list.append(QJsonObject{{QStringLiteral("name"), f.name},
                                {QStringLiteral("size"), f.data.size()},
                                {QStringLiteral("sha256"), sha256(f.data)}});
    return {{QStringLiteral("format"), QStringLiteral("tandem-backup")},
            {QStringLiteral("version"), FormatVersion},
            {QStringLiteral("created"),
             created.toOffsetFromUtc(created.offsetFromUtc()).toString(Qt::ISODate)},
            {QStringLiteral("host"), QSysInfo::machineHostName()},
            {QStringLiteral("files"), list}};
}

// An archive read and checked: its manifest and the files, each matching its SHA-256.
struct CheckedArchive
{
    QDateTime created;
    QString host;
    QList<BackupFile> listed;
    QList<TarFile::Entry> files; // without the manifest, in archive order
};

bool readChecked(const QString &path, CheckedArchive *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const qint64 cap = (TarFile::MaxEntries + 1) * (TarFile::MaxEntrySize + 512);
    if (file.size() > cap) {
        *error = Tr::tr("%1 is not a Tandem backup: it is too large (%2 bytes)")
                     .arg(path)
                     .arg(file.size());
        return false;
    }
    const QByteArray bytes = file.readAll();
    QList<TarFile::Entry> entries;
    QString why;
    if (!TarFile::read(bytes, &entries, &why)) {
        *error = entries.isEmpty() || entries.constFirst().name != QLatin1String(ManifestName)
                     ? Tr::tr("%1 is not a Tandem backup: %2").arg(path, why)
                     : Tr::tr("%1 is damaged: %2").arg(path, why);
        return false;
    }
    if (entries.isEmpty() || entries.constFirst().name != QLatin1String(ManifestName)) {
        *error = Tr::tr("%1 is not a Tandem backup: it does not start with %2")
                     .arg(path, QLatin1String(ManifestName));
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(entries.constFirst().data, &parse);
    const QJsonObject manifest = doc.object();
    if (!doc.isObject() ||
        manifest.value(QLatin1String("format")).toString() != QLatin1String("tandem-backup")) {
        *error = Tr::tr("%1 is not a Tandem backup: %2 is not a Tandem manifest")
                     .arg(path, QLatin1String(ManifestName));
        return false;
    }
    const int version = manifest.value(QLatin1String("version")).toInt();
    if (version != FormatVersion) {
        *error = Tr::tr("%1 is a Tandem backup of format version %2; this Tandem reads version %3")
                     .arg(path)
                     .arg(version)
                     .arg(FormatVersion);
        return false;
    }
    out->created =
        QDateTime::fromString(manifest.value(QLatin1String("created")).toString(), Qt::ISODate);
    out->host = manifest.value(QLatin1String("host")).toString();
    out->listed.clear();
    QHash<QString, BackupFile> listed;
    for (const QJsonValue &value : manifest.value(QLatin1String("files")).toArray()) {
        const QJsonObject o = value.toObject();
        BackupFile f{o.value(QLatin1String("name")).toString(),
                     o.value(QLatin1String("size")).toInteger(-1),
                     o.value(QLatin1String("sha256")).toString()};
        if (f.name != QLatin1String(ConfigName) && !isSqliteName(f.name)) {
            *error = Tr::tr("%1 is damaged: its manifest lists '%2', which is not part of a Tandem "
                            "backup")
                         .arg(path, f.name);
            return false;
        }
        if (listed.contains(f.name)) {
            *error = Tr::tr("%1 is damaged: its manifest lists %2 twice").arg(path, f.name);
            return false;
        }
        listed.insert(f.name, f);
        out->listed.append(f);
    }
    out->files = entries.mid(1);
    QSet<QString> seen;
    for (const TarFile::Entry &entry : std::as_const(out->files)) {
        const auto it = listed.constFind(entry.name);
        if (it == listed.cend() || seen.contains(entry.name)) {
            *error = Tr::tr("%1 is damaged: it holds %2, which its manifest does not list")
                         .arg(path, entry.name);
            return false;
        }
        seen.insert(entry.name);
        if (entry.data.size() != it->size || sha256(entry.data) != it->sha256) {
            *error =
                Tr::tr("bad checksum of %1 in %2: the archive is damaged").arg(entry.name, path);
            return false;
        }
    }
    for (const BackupFile &f : std::as_const(out->listed))
        if (!seen.contains(f.name)) {
            *error = Tr::tr("%1 is damaged: %2 is missing").arg(path, f.name);
            return false;
        }
    return true;
}

const SqliteSchema &schemaOf(const QString &name)
{
    return name == QLatin1String("outbox.sqlite") ? Outbox::schema() : EventStore::schema();
}

// Why the outbox in `stateDir` must not be restored under `settings`, or empty: each mail
// must come from the configured sender and go to configured recipients only, or the
// backup could make the plant's mail server send mail for someone else.
QString foreignMail(const QString &stateDir, const NotificationSettings &settings)
{
    Outbox outbox(stateDir);
    QString notice, error;
    if (!outbox.open(&notice, &error))
        return error;
    QSet<QString> allowed;
    for (const QString &to : settings.to)
        allowed.insert(to.trimmed().toCaseFolded());
    for (const OutboxMail &mail : outbox.all()) {
        if (mail.from.trimmed().compare(settings.from.trimmed(), Qt::CaseInsensitive) != 0)
            return Tr::tr("mail %1 is from '%2', but the configured sender is '%3'")
                .arg(mail.id)
                .arg(mail.from, settings.from);
        for (const QString &to : mail.to)
            if (!allowed.contains(to.trimmed().toCaseFolded()))
                return Tr::tr("mail %1 goes to '%2', who is not a configured recipient")
                    .arg(mail.id)
                    .arg(to);
    }
    return {};
}

// Records an event in the (restored) history of stateDir: the engine is stopped while a
// restore runs, so this process writes it, as the engine would have.
void recordEvent(const QString &stateDir, EventIdentifier id, const QStringList &args,
                 QStringList *report)
{
    EventStore store(stateDir);
    EventLog log;
    QObject::connect(&log, &EventLog::eventPosted, &store, &EventStore::append);
    QString notice, error;
    if (store.open(&notice, &error)) {
        log.post(id, {}, args);
        if (store.flush(&error))
            return;
    }
    report->append(Tr::tr("the event could not be recorded: %1").arg(error));
}

// <path>.before-restore, or -2, -3... when an earlier restore left one: nothing is lost.
QString asideName(const QString &path)
{
    QString candidate = path + QStringLiteral(".before-restore");
    for (int n = 2;
         QFileInfo::exists(candidate) || QFileInfo::exists(candidate + QStringLiteral("-wal")); ++n)
        candidate = path + QStringLiteral(".before-restore-%1").arg(n);
    return candidate;
}

} // namespace

QString BackupArchive::defaultDir(const TandemPaths &paths)
{
    return QDir(paths.stateDir).filePath(QStringLiteral("backups"));
}

std::optional<QString> BackupArchive::create(const TandemPaths &paths, const QString &targetDir,
                                             QString *error, const QDateTime &when)
{
    const QDateTime created = when.isValid() ? when.toLocalTime() : QDateTime::currentDateTime();
    if (!QDir().mkpath(targetDir)) {
        *error = Tr::tr("cannot create the folder %1").arg(targetDir);
        return std::nullopt;
    }
    QList<TarFile::Entry> files;
    if (QFileInfo::exists(paths.configFile)) {
        QByteArray xml;
        if (!DurableFile::read(paths.configFile, &xml, error))
            return std::nullopt;
        files.append({QLatin1String(ConfigName), xml});
    }
    QTemporaryDir scratch(QDir(targetDir).filePath(QStringLiteral(".tandem-backup-XXXXXX")));
    if (!scratch.isValid()) {
        *error = Tr::tr("cannot write in %1: %2").arg(targetDir, scratch.errorString());
        return std::nullopt;
    }
    for (const char *name : StateFiles) {
        const QString source = QDir(paths.stateDir).filePath(QLatin1String(name));
        if (!QFileInfo::exists(source))
            continue;
        const QString copy = scratch.filePath(QLatin1String(name));
        QByteArray bytes;
        if (!snapshotSqlite(source, copy, error) || !DurableFile::read(copy, &bytes, error))
            return std::nullopt;
        files.append({QLatin1String(name), bytes});
    }
    QList<TarFile::Entry> entries{
        {QLatin1String(ManifestName), QJsonDocument(manifestFor(files, created)).toJson()}};
    entries += files;

    const QString stamp = created.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString path = QDir(targetDir).filePath(QStringLiteral("tandem-backup-%1.tar").arg(stamp));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path =
            QDir(targetDir).filePath(QStringLiteral("tandem-backup-%1-%2.tar").arg(stamp).arg(n));
    // DurableFile writes PATH.RANDOM.writing and renames it when synced: no half archive
    // ever has the final name (list() only looks at *.tar).
    if (!DurableFile::write(path, TarFile::write(entries), error))
        return std::nullopt;
    return path;
}

QList<BackupInfo> BackupArchive::list(const QString &dir, QHash<QString, BackupInfo> *cache)
{
    QList<BackupInfo> result;
    const QFileInfoList found =
        QDir(dir).entryInfoList({QStringLiteral("tandem-backup-*.tar")}, QDir::Files, QDir::Name);
    QHash<QString, BackupInfo> seen;
    for (const QFileInfo &fi : found) {
        if (cache) {
            const auto known = cache->constFind(fi.absoluteFilePath());
            if (known != cache->cend() && known->size == fi.size() &&
                known->modified == fi.lastModified()) {
                result.append(*known);
                seen.insert(known->path, *known);
                continue;
            }
        }
        BackupInfo info;
        info.path = fi.absoluteFilePath();
        info.size = fi.size();
        info.modified = fi.lastModified();
        CheckedArchive archive;
        QString problem;
        if (readChecked(info.path, &archive, &problem)) {
            info.created = archive.created;
            info.host = archive.host;
            info.files = archive.listed;
        } else {
            info.problem = problem;
        }
        result.append(info);
        seen.insert(info.path, info);
    }
    if (cache)
        *cache = seen; // forgets archives that are gone
    return result;
}

bool BackupArchive::restore(const QString &archivePath, const TandemPaths &paths,
                            QStringList *report, QString *error)
{
    if (EngineSocket::isRunning(paths.stateDir)) {
        *error = Tr::tr("the engine is running (it answers on %1): stop it first, then restore")
                     .arg(EngineSocket::pathFor(paths.stateDir));
        return false;
    }
    CheckedArchive archive;
    if (!readChecked(archivePath, &archive, error))
        return false;
    // The configuration in force afterwards: the archive's, else the one here.
    std::optional<Configuration> restoredConfig;
    for (const TarFile::Entry &f : std::as_const(archive.files)) {
        if (f.name != QLatin1String(ConfigName))
            continue;
        const ConfigFile::LoadResult parsed = ConfigFile::parse(f.data, f.name);
        if (!parsed.config) {
            *error = Tr::tr("%1 in %2 is not a valid configuration: %3")
                         .arg(f.name, archivePath, joinIssues(parsed.issues));
            return false;
        }
        restoredConfig = parsed.config;
    }
    if (!restoredConfig)
        restoredConfig = ConfigFile::load(paths.configFile).config;

    // The SQLite files are the engine's own and it trusts them: each must be exactly what
    // Tandem writes (no triggers, views or other tables) before anything is installed.
    QString droppedOutbox;
    if (!QDir().mkpath(paths.stateDir)) {
        *error = Tr::tr("cannot create the folder %1").arg(paths.stateDir);
        return false;
    }
    {
        QTemporaryDir scratch(
            QDir(paths.stateDir).filePath(QStringLiteral(".restore-check-XXXXXX")));
        if (!scratch.isValid()) {
            *error = Tr::tr("cannot write in %1: %2").arg(paths.stateDir, scratch.errorString());
            return false;
        }
        for (const TarFile::Entry &f : std::as_const(archive.files)) {
            if (!isSqliteName(f.name))
                continue;
            const QString copy = scratch.filePath(f.name);
            QString why;
            if (!DurableFile::write(copy, f.data, error))
                return false;
            if (!SqliteFile::verify(copy, schemaOf(f.name), &why)) {
                *error = Tr::tr("%1 cannot be restored: %2").arg(archivePath, why);
                return false;
            }
            if (f.name == QLatin1String("outbox.sqlite"))
                droppedOutbox =
                    foreignMail(scratch.path(), restoredConfig ? restoredConfig->notifications
                                                               : NotificationSettings());
        }
    }
    if (!droppedOutbox.isEmpty()) {
        archive.files.removeIf(
            [](const TarFile::Entry &f) { return f.name == QLatin1String("outbox.sqlite"); });
        report->append(Tr::tr("left out the e-mail outbox of the backup: %1").arg(droppedOutbox));
    }

    // First every new file next to its place, synced; only then the renames. A failure
    // before the renames leaves everything as it was.
    QStringList staged;
    const auto dropStaged = [&] {
        QString ignored;
        for (const QString &s : std::as_const(staged))
            DurableFile::remove(s, &ignored);
    };
    for (const TarFile::Entry &f : std::as_const(archive.files)) {
        const QString target = targetPath(f.name, paths);
        const QString temporary = target + QStringLiteral(".restoring");
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) ||
            !DurableFile::write(temporary, f.data, error)) {
            if (error->isEmpty())
                *error = Tr::tr("cannot create the folder of %1").arg(target);
            dropStaged();
            return false;
        }
        staged.append(temporary);
    }

    const auto setAside = [&](const QString &target, const QStringList &companions) -> bool {
        if (!QFileInfo::exists(target))
            return true;
        const QString aside = asideName(target);
        if (!DurableFile::rename(target, aside, error))
            return false;
        for (const QString &suffix : companions)
            if (QFileInfo::exists(target + suffix) &&
                !DurableFile::rename(target + suffix, aside + suffix, error))
                return false;
        report->append(
            Tr::tr("kept the previous %1 as %2").arg(QFileInfo(target).fileName(), aside));
        return true;
    };
    QStringList companions;
    for (const char *suffix : SqliteCompanions)
        companions.append(QLatin1String(suffix));
    for (const TarFile::Entry &f : std::as_const(archive.files)) {
        const QString target = targetPath(f.name, paths);
        if (!setAside(target, isSqliteName(f.name) ? companions : QStringList()) ||
            !DurableFile::rename(target + QStringLiteral(".restoring"), target, error)) {
            dropStaged();
            return false;
        }
        report->append(Tr::tr("restored %1").arg(target));
    }

    // As after a deployment: the restored configuration starts with every pair disabled.
    const QString statePath = MachineState(paths.stateDir).filePath();
    if (!setAside(statePath, {}))
        return false;
    const ConfigFile::LoadResult config = ConfigFile::load(paths.configFile);
    MachineState state(paths.stateDir);
    QString ignored;
    state.load(config.config ? config.config->id : QString(), &ignored);
    if (!state.disableAll(error))
        return false;
    report->append(Tr::tr("every pair is disabled; enable them with: tandemctl pair enable NAME"));
    if (!droppedOutbox.isEmpty())
        recordEvent(paths.stateDir, EventId::RestoreOutboxDropped, {archivePath, droppedOutbox},
                    report);
    return true;
}

} // namespace tandem
