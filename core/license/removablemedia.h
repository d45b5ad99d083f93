#pragma once

#include <QList>
#include <QString>

namespace tandem {

// A mounted file system on a removable or USB-attached drive, where a license file can be
// written to or read from.
struct RemovableVolume
{
    QString mountPoint; // "/media/alice/STICK"
    QString device;     // "/dev/sdb1"
    // The file system label from /dev/disk/by-label, else the mount point's last component.
    QString label;
    qint64 bytesFree = -1; // available to this user; -1 when unknown
    bool writable = false;

    // "STICK (/media/alice/STICK, 3.2 GB free)", in the default locale.
    QString displayName() const;

    bool operator==(const RemovableVolume &) const = default;
};

// Finds the mounted removable volumes by reading the kernel's mount table and sysfs
// directly, so it works in the daemon and the CLI without D-Bus or UDisks2.
class RemovableMedia final
{
public:
    // Where the system's tables are read from; tests point these at a constructed tree.
    struct Roots
    {
        QString procMounts = QStringLiteral("/proc/mounts");
        QString sysBlock = QStringLiteral("/sys/block");
        QString byLabel = QStringLiteral("/dev/disk/by-label");
    };

    // Volumes whose base block device is marked removable or hangs off USB, sorted by
    // mount point. An unreadable mount table gives an empty list. An overload rather than
    // `roots = {}`: a nested struct's member initialisers cannot serve as a default
    // argument inside the enclosing class.
    static QList<RemovableVolume> list();
    static QList<RemovableVolume> list(const Roots &roots);

    // "sdb1" → "sdb", "mmcblk0p1" → "mmcblk0", "nvme0n1p1" → "nvme0n1"; a name with
    // its own entry under sysBlock is a whole disk and is returned unchanged.
    static QString baseBlockDevice(const QString &name, const QString &sysBlock);
    // Undoes the mount table's octal escapes: "MY\040STICK" → "MY STICK".
    static QString decodeMountField(const QByteArray &field);
    // Undoes udev's hex escapes in link names: "MY\x20STICK" → "MY STICK".
    static QString decodeLabel(const QString &linkName);
};

} // namespace tandem
