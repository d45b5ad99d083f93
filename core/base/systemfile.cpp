#include "systemfile.h"

#include "durablefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tandem::SystemFile {

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SystemFile)
};

QString systemError()
{
    return QString::fromLocal8Bit(strerror(errno));
}

uid_t serviceUser()
{
    const struct passwd *pw = ::getpwnam("tandem");
    return pw ? pw->pw_uid : uid_t(-1);
}

bool trustedOwner(uid_t uid, bool writtenInto)
{
    return uid == 0 || uid == ::geteuid() ||
           (writtenInto && serviceUser() != uid_t(-1) && uid == serviceUser());
}

// Writable by someone else, who could then swap what is in it (a sticky folder such as
// /tmp lets nobody replace another's entries).
bool writableByOthers(const struct stat &st, bool groupToo)
{
    if (st.st_mode & S_ISVTX)
        return false;
    return (st.st_mode & S_IWOTH) || (groupToo && (st.st_mode & S_IWGRP));
}

// One folder of the chain; `writtenInto`: the last one, which may be the service's own.
bool checkOne(const QString &path, const struct stat &st, bool writtenInto, QString *error)
{
    if (!S_ISDIR(st.st_mode)) {
        *error = Tr::tr("%1 is not a folder").arg(path);
        return false;
    }
    if (!trustedOwner(st.st_uid, writtenInto)) {
        *error = Tr::tr("%1 belongs to the user id %2, not to root: refusing to write there")
                     .arg(path)
                     .arg(st.st_uid);
        return false;
    }
    if (writableByOthers(st, !writtenInto)) {
        *error = Tr::tr("%1 may be written by others than its owner (mode %2): refusing to "
                        "write there")
                     .arg(path)
                     .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'));
        return false;
    }
    return true;
}

bool checkChain(const QString &folder, int depth, QString *error)
{
    const QString clean = QDir::cleanPath(QDir(folder).absolutePath());
    const QStringList parts = clean.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString current = QStringLiteral("/");
    struct stat st;
    if (::lstat("/", &st) != 0 || !checkOne(current, st, parts.isEmpty(), error))
        return false;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const bool last = i == parts.size() - 1;
        QString next = current == QLatin1String("/") ? QLatin1Char('/') + parts[i]
                                                     : current + QLatin1Char('/') + parts[i];
        if (::lstat(QFile::encodeName(next).constData(), &st) != 0) {
            *error = Tr::tr("cannot check the folder %1: %2").arg(next, systemError());
            return false;
        }
        if (S_ISLNK(st.st_mode)) {
            // A link root made in a folder only root may write (Debian's /lib -> usr/lib)
            // is root's choice; any other link, and a link as the folder written into, is not.
            if (last || st.st_uid != 0 || depth > 8) {
                *error = Tr::tr("%1 is a symbolic link: refusing to write there").arg(next);
                return false;
            }
            const QString target = QFileInfo(next).canonicalFilePath();
            if (target.isEmpty() || !checkChain(target, depth + 1, error))
                return false;
            next = target;
            if (::lstat(QFile::encodeName(next).constData(), &st) != 0) {
                *error = Tr::tr("cannot check the folder %1: %2").arg(next, systemError());
                return false;
            }
        }
        if (!checkOne(next, st, last, error))
            return false;
        current = next;
    }
    return true;
}

// The folder, checked, as a descriptor everything after is relative to: swapping the
// folder for a link after the check changes nothing. -1 with *error on failure.
int openCheckedFolder(const QString &folder, QString *error)
{
    if (!checkChain(folder, 0, error))
        return -1;
    const int dir = ::open(QFile::encodeName(folder).constData(),
                           O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dir < 0)
        *error = Tr::tr("cannot open the folder %1: %2").arg(folder, systemError());
    return dir;
}

bool applyOwnership(int fd, const Ownership &ownership)
{
    if (::fchmod(fd, ownership.mode) != 0)
        return false;
    if ((ownership.uid != uid_t(-1) || ownership.gid != gid_t(-1)) &&
        ::fchown(fd, ownership.uid, ownership.gid) != 0)
        return false;
    return true;
}

} // namespace

bool checkFolder(const QString &folder, QString *error)
{
    return checkChain(folder, 0, error);
}

bool write(const QString &path, const QByteArray &bytes, const Ownership &ownership, QString *error)
{
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    const int dir = openCheckedFolder(folder, error);
    if (dir < 0)
        return false;
    const QByteArray name = QFile::encodeName(info.fileName());
    QByteArray temporary;
    int fd = -1;
    for (int attempt = 0; fd < 0 && attempt < 16; ++attempt) {
        temporary = name + '.' + QByteArray::number(QRandomGenerator::system()->generate64(), 36) +
                    ".writing";
        fd = ::openat(dir, temporary.constData(),
                      O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        *error = Tr::tr("cannot write %1: %2").arg(path, systemError());
        ::close(dir);
        return false;
    }
    const bool written =
        DurableFile::writeAll(fd, bytes) && applyOwnership(fd, ownership) && ::fsync(fd) == 0;
    const QString failure = systemError();
    ::close(fd);
    if (!written || ::renameat(dir, temporary.constData(), dir, name.constData()) != 0) {
        *error = Tr::tr("cannot write %1: %2").arg(path, written ? systemError() : failure);
        ::unlinkat(dir, temporary.constData(), 0);
        ::close(dir);
        return false;
    }
    const bool synced = ::fsync(dir) == 0;
    ::close(dir);
    if (!synced) {
        *error = Tr::tr("cannot sync the folder %1: %2").arg(folder, systemError());
        return false;
    }
    return true;
}

bool adopt(const QString &path, const Ownership &ownership, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return true; // nothing to adopt (a demo has no license file)
    const int dir = openCheckedFolder(info.absolutePath(), error);
    if (dir < 0)
        return false;
    const int fd = ::openat(dir, QFile::encodeName(info.fileName()).constData(),
                            O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    const int openError = errno;
    ::close(dir);
    if (fd < 0) {
        if (openError == ENOENT)
            return true;
        errno = openError;
        *error = Tr::tr("cannot open %1: %2").arg(path, systemError());
        return false;
    }
    struct stat st;
    bool done = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 1;
    const QString failure = done ? QString() : Tr::tr("%1 is not a plain file").arg(path);
    done = done && applyOwnership(fd, ownership);
    const QString ownershipFailure = systemError();
    ::close(fd);
    if (!done)
        *error = failure.isEmpty()
                     ? Tr::tr("cannot set the owner of %1: %2").arg(path, ownershipFailure)
                     : failure;
    return done;
}

bool makeFolder(const QString &path, const Ownership &ownership, QString *error)
{
    const QString clean = QDir::cleanPath(QDir(path).absolutePath());
    QStringList missing;
    QString existing = clean;
    while (!QFileInfo(existing).exists() && !QFileInfo(existing).isSymLink() &&
           existing != QLatin1String("/")) {
        missing.prepend(QFileInfo(existing).fileName());
        existing = QFileInfo(existing).absolutePath();
    }
    if (!checkFolder(existing, error))
        return false;
    // Folders made inside one that others may write could be swapped under us.
    struct stat st;
    if (missing.size() > 1 && ::lstat(QFile::encodeName(existing).constData(), &st) == 0 &&
        writableByOthers(st, true)) {
        *error = Tr::tr("%1 may be written by others than its owner: refusing to create folders "
                        "in it")
                     .arg(existing);
        return false;
    }
    QString current = existing;
    for (qsizetype i = 0; i < missing.size(); ++i) {
        current = QDir(current).filePath(missing[i]);
        const bool last = i == missing.size() - 1;
        const QByteArray name = QFile::encodeName(current);
        if (::mkdir(name.constData(), last ? 0700 : 0755) != 0) {
            *error = Tr::tr("cannot create the folder %1: %2").arg(current, systemError());
            return false;
        }
        if (!last)
            continue;
        const int fd = ::open(name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        const bool owned = fd >= 0 && applyOwnership(fd, ownership);
        if (!owned)
            *error = Tr::tr("cannot set the owner and mode of %1: %2").arg(current, systemError());
        if (fd >= 0)
            ::close(fd);
        return owned;
    }
    return true;
}

} // namespace tandem::SystemFile
