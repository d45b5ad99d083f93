#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace tandem::DurableFile {

// Writes `bytes` so that after a crash or power loss the file holds either the old or
// the new content, never a mix: a temporary file, fsync, rename, fsync of the folder.
bool write(const QString &path, const QByteArray &bytes, QString *error);
// Removes a file and syncs its folder; a missing file is fine.
bool remove(const QString &path, QString *error);
// Renames within one folder and syncs it.
bool rename(const QString &from, const QString &to, QString *error);
// Overwrites a file with zeros before removing it (a license must not linger on media).
bool wipe(const QString &path, QString *error);
bool read(const QString &path, QByteArray *bytes, QString *error);
// All of `bytes` to an open descriptor, through short writes and EINTR (errno on failure).
bool writeAll(int fd, const QByteArray &bytes);
// A JSON object file: read (a damaged one is an error naming it) and written durably.
std::optional<QJsonObject> readObject(const QString &path, QString *error);
bool writeObject(const QString &path, const QJsonObject &object, QString *error);

// Test hook (testhooks.h; does nothing in a build without them): when
// TANDEM_TEST_CRASH_AT names `point`, the process kills itself here (SIGKILL, as a crash
// or power cut would); TANDEM_TEST_PULL_MEDIA_AT=`point` removes the folder in
// TANDEM_TEST_PULL_MEDIA_DIR instead, as a pulled stick would.
void checkpoint(const char *point);

} // namespace tandem::DurableFile
