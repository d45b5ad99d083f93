// libFuzzer target: a backup archive from a damaged or hostile medium. The first byte
// chooses how the rest is used:
//   even: the rest is the archive's bytes, read by the tar reader and by list() (the
//         manifest and its checksums), then given to restore(), which must refuse it
//         unless it is whole;
//   odd:  the rest is a list of files [which:1][length:3, little-endian][bytes] with
//         `which` choosing tandem.xml, events.sqlite or outbox.sqlite; the harness writes
//         the archive with a matching manifest (as whoever crafted it would), so restore()
//         gets to check the configuration and the SQLite files themselves.
// Nothing may crash; a refusal names its reason; a refused restore changes nothing; an
// accepted one leaves no staging files behind.
#include "backup/backuparchive.h"
#include "backup/tarfile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdlib>

using namespace tandem;

namespace {

QTemporaryDir *scratch()
{
    // On a RAM disk when there is one: every input writes files.
    static QTemporaryDir dir(QDir(QStringLiteral("/dev/shm")).exists()
                                 ? QStringLiteral("/dev/shm/fuzz_backuparchive-XXXXXX")
                                 : QDir::tempPath() + QStringLiteral("/fuzz_backuparchive-XXXXXX"));
    return &dir;
}

QByteArray craftedArchive(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"tandem.xml", "events.sqlite", "outbox.sqlite"};
    QList<TarFile::Entry> files;
    QJsonArray listed;
    size_t at = 0;
    while (at + 4 <= size && files.size() < 3) {
        const QString name = QLatin1String(names[data[at] % 3]);
        const size_t length = std::min<size_t>(
            data[at + 1] | (data[at + 2] << 8) | (data[at + 3] << 16), size - at - 4);
        const QByteArray bytes(reinterpret_cast<const char *>(data + at + 4), qsizetype(length));
        at += 4 + length;
        bool seen = false;
        for (const TarFile::Entry &f : std::as_const(files))
            seen = seen || f.name == name;
        if (seen)
            continue;
        files.append({name, bytes});
        listed.append(QJsonObject{
            {QStringLiteral("name"), name},
            {QStringLiteral("size"), bytes.size()},
            {QStringLiteral("sha256"),
             QString::fromLatin1(
                 QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())}});
    }
    const QJsonObject manifest{{QStringLiteral("format"), QStringLiteral("tandem-backup")},
                               {QStringLiteral("version"), 1},
                               {QStringLiteral("created"), QStringLiteral("2026-01-01T00:00:00Z")},
                               {QStringLiteral("host"), QStringLiteral("fuzz")},
                               {QStringLiteral("files"), listed}};
    QList<TarFile::Entry> entries{
        {QStringLiteral("manifest.json"), QJsonDocument(manifest).toJson()}};
    return TarFile::write(entries + files);
}

QStringList listing(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("tandem.*=false\nqt.*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    QTemporaryDir *dir = scratch();
    if (!dir->isValid())
        abort();
    const QByteArray archive =
        data[0] % 2 ? craftedArchive(data + 1, size - 1)
                    : QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    // The tar reader on its own: what it accepts is written back to the same entries.
    QList<TarFile::Entry> entries;
    QString error;
    if (TarFile::read(archive, &entries, &error)) {
        bool safe = true;
        for (const TarFile::Entry &e : std::as_const(entries))
            safe = safe && TarFile::isSafeName(e.name) && e.name.toUtf8().size() < 100;
        if (!entries.isEmpty() && safe) {
            QList<TarFile::Entry> again;
            QString why;
            if (!TarFile::read(TarFile::write(entries), &again, &why) ||
                again.size() != entries.size())
                abort();
            for (qsizetype i = 0; i < entries.size(); ++i)
                if (again[i].name != entries[i].name || again[i].data != entries[i].data)
                    abort();
        }
    } else if (error.isEmpty()) {
        abort();
    }

    const QString backups = dir->filePath(QStringLiteral("backups"));
    QDir(backups).removeRecursively();
    QDir().mkpath(backups);
    const QString path =
        QDir(backups).filePath(QStringLiteral("tandem-backup-20260101-000000.tar"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(archive) != archive.size())
            abort();
    }
    const QList<BackupInfo> list = BackupArchive::list(backups);
    if (list.size() != 1)
        abort();

    TandemPaths paths;
    paths.configFile = dir->filePath(QStringLiteral("config/tandem.xml"));
    paths.stateDir = dir->filePath(QStringLiteral("state"));
    QDir(paths.stateDir).removeRecursively();
    QDir(QFileInfo(paths.configFile).absolutePath()).removeRecursively();
    QDir().mkpath(paths.stateDir);
    QStringList report;
    error.clear();
    const bool restored = BackupArchive::restore(path, paths, &report, &error);
    if (!restored) {
        if (error.isEmpty())
            abort(); // refused without saying why
        if (!listing(paths.stateDir).isEmpty() || QFile::exists(paths.configFile))
            abort(); // a refused restore changed something
        if (!list.constFirst().isBroken() && data[0] % 2 == 0 &&
            error.contains(QLatin1String("checksum")))
            abort(); // list() and restore() disagree about the archive
    } else {
        if (list.constFirst().isBroken())
            abort(); // restored what list() calls broken
        for (const QString &name : listing(paths.stateDir))
            if (name.endsWith(QLatin1String(".restoring")) || name.startsWith(QLatin1Char('.')))
                abort(); // staging files left behind
    }
    return 0;
}
