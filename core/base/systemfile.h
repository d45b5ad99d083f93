#pragma once

#include <QByteArray>
#include <QString>

#include <sys/types.h>

namespace tandem::SystemFile {

// Who a file or folder written for the system service belongs to; -1: left as created.
struct Ownership
{
    mode_t mode = 0644;
    uid_t uid = uid_t(-1);
    gid_t gid = gid_t(-1);
};

// Files root writes for the system service (the installer runs through pkexec) land in
// folders others may write: /etc/tandem (group tandem-admin) and /var/lib/tandem (the
// service user, group tandem). Nothing there may make root write through a link:
//  - a folder written into must be a real folder, owned by root, by this process's user or
//    by the service user, and not writable by others unless sticky (as /tmp is);
//  - every folder above it must be a real folder owned by root or this process's user and
//    writable by nobody else (a sticky one such as /tmp excepted);
//  - the file is written to a fresh random name opened O_EXCL | O_NOFOLLOW, its mode and
//    owner are set on that open descriptor, and it is renamed over the final name (which
//    replaces a planted link rather than following it).
bool checkFolder(const QString &folder, QString *error);
bool write(const QString &path, const QByteArray &bytes, const Ownership &ownership,
           QString *error);
// Gives an existing file `ownership` without following a link: opened O_NOFOLLOW relative
// to its checked folder, a regular file, mode and owner set on the descriptor. A missing
// file is no error. For files another part wrote in place (the license seal keys on its
// secret's inode, so it cannot be copied anew).
bool adopt(const QString &path, const Ownership &ownership, QString *error);
// Creates the missing folders of `path` (the last with `ownership`, the others 0755 and
// this process's), each checked as above; an existing last folder keeps its mode and owner.
bool makeFolder(const QString &path, const Ownership &ownership, QString *error);

} // namespace tandem::SystemFile
