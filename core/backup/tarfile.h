#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace tandem::TarFile {

// A minimal POSIX ustar archive of regular files: enough for Tandem's backups, and a
// reader that trusts nothing (a backup may come from a damaged or foreign medium).
struct Entry
{
    QString name;
    QByteArray data;
};

// Larger entries are refused on read: a backup holds a configuration and two capped
// SQLite files, never gigabytes.
constexpr qint64 MaxEntrySize = qint64(1) << 30;
constexpr int MaxEntries = 16;

// Each name must be relative, without "..", and fit the 100-byte name field.
QByteArray write(const QList<Entry> &entries);
// Reads every entry, checking each header's checksum, magic, type, size and name, and
// that the archive ends with its end-of-archive blocks. False with *error saying what is
// wrong and at which entry.
bool read(const QByteArray &archive, QList<Entry> *entries, QString *error);
// True for a name the reader accepts: not empty, relative, no "." or ".." component.
bool isSafeName(const QString &name);

} // namespace tandem::TarFile
