#include "removablemedia.h"

#include "base/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QStorageInfo>

namespace tandem {

namespace {
// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RemovableMedia)
};

struct MountEntry
{
    QString device;
    QString mountPoint;
    QString fsType;
    QByteArray options;
};

// File systems that are never a drive the operator plugged in, even when they name a /dev node.
bool isPseudoFileSystem(const QString &fsType)
{
    static const QSet<QString> pseudo = {
        QStringLiteral("autofs"),     QStringLiteral("binfmt_misc"), QStringLiteral("bpf"),
        QStringLiteral("cgroup"),     QStringLiteral("cgroup2"),     QStringLiteral("configfs"),
        QStringLiteral("debugfs"),    QStringLiteral("devpts"),      QStringLiteral("devtmpfs"),
        QStringLiteral("efivarfs"),   QStringLiteral("fusectl"),     QStringLiteral("hugetlbfs"),
        QStringLiteral("mqueue"),     QStringLiteral("nsfs"),        QStringLiteral("overlay"),
        QStringLiteral("proc"),       QStringLiteral("pstore"),      QStringLiteral("ramfs"),
        QStringLiteral("rpc_pipefs"), QStringLiteral("securityfs"),  QStringLiteral("selinuxfs"),
        QStringLiteral("squashfs"),   QStringLiteral("sysfs"),       QStringLiteral("tmpfs"),
        QStringLiteral("tracefs"),
    };
    return pseudo.contains(fsType);
}

bool hasOption(const QByteArray &options, const char *option)
{
    const QList<QByteArray> all = options.split(',');
    return all.contains(QByteArray(option));
}

// One entry per mount point: when something is mounted over another mount, the later
// line is the one that is visible, so it replaces the earlier one.
QMap<QString, MountEntry> readMounts(const QString &path)
{
    QMap<QString, MountEntry> byMountPoint;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcMedia) << "cannot read the mount table" << path << file.errorString();
        return byMountPoint;
    }
    // One read of the whole table: readAll copes with /proc files that report a size of 0.
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 4)
            continue;
        MountEntry entry{RemovableMedia::decodeMountField(fields[0]),
                         RemovableMedia::decodeMountField(fields[1]),
                         QString::fromLatin1(fields[2]), fields[3]};
        if (!entry.mountPoint.startsWith(QLatin1Char('/')) || entry.fsType.isEmpty())
            continue;
        byMountPoint.insert(entry.mountPoint, entry);
    }
    return byMountPoint;
}

QString readTrimmed(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll().trimmed());
}

bool isRemovableOrUsb(const QString &base, const QString &sysBlock)
{
    const QString entry = sysBlock + QLatin1Char('/') + base;
    if (readTrimmed(entry + QStringLiteral("/removable")) == QLatin1String("1"))
        return true;
    // Card readers and USB hard disks often say removable=0; their sysfs entry is a link
    // into the device tree below the USB host controller.
    const QFileInfo info(entry);
    return info.isSymLink() && info.symLinkTarget().contains(QLatin1String("/usb"));
}

// Device file name ("sdb1") → label, from the links udev keeps in /dev/disk/by-label.
QHash<QString, QString> readLabels(const QString &byLabel)
{
    QHash<QString, QString> labels;
    // QDir::System so that links whose target does not resolve here are still listed.
    const QFileInfoList links = QDir(byLabel).entryInfoList(
        QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &link : links) {
        if (!link.isSymLink())
            continue;
        const QString deviceName = QFileInfo(link.symLinkTarget()).fileName();
        if (!deviceName.isEmpty())
            labels.insert(deviceName, RemovableMedia::decodeLabel(link.fileName()));
    }
    return labels;
}
} // namespace

QString RemovableVolume::displayName() const
{
    QStringList details{mountPoint};
    if (!writable)
        details.append(Tr::tr("read-only"));
    if (bytesFree >= 0)
        details.append(Tr::tr("%1 free").arg(
            QLocale().formattedDataSize(bytesFree, 1, QLocale::DataSizeSIFormat)));
    return QStringLiteral("%1 (%2)").arg(label, details.join(QStringLiteral(", ")));
}

QString RemovableMedia::decodeMountField(const QByteArray &field)
{
    QByteArray out;
    out.reserve(field.size());
    auto isOctal = [](char c) { return c >= '0' && c <= '7'; };
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size() && isOctal(field[i + 1]) &&
            isOctal(field[i + 2]) && isOctal(field[i + 3])) {
            out.append(char(((field[i + 1] - '0') << 6) | ((field[i + 2] - '0') << 3) |
                            (field[i + 3] - '0')));
            i += 3;
        } else {
            out.append(field[i]);
        }
    }
    return QFile::decodeName(out);
}

QString RemovableMedia::decodeLabel(const QString &linkName)
{
    const QByteArray raw = QFile::encodeName(linkName);
    auto hexValue = [](char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    QByteArray out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const int high = i + 3 < raw.size() ? hexValue(raw[i + 2]) : -1;
        const int low = i + 3 < raw.size() ? hexValue(raw[i + 3]) : -1;
        if (high >= 0 && low >= 0 && raw[i] == '\\' && raw[i + 1] == 'x') {
            out.append(char((high << 4) | low));
            i += 3;
        } else {
            out.append(raw[i]);
        }
    }
    return QFile::decodeName(out);
}

QString RemovableMedia::baseBlockDevice(const QString &name, const QString &sysBlock)
{
    if (QFileInfo::exists(sysBlock + QLatin1Char('/') + name))
        return name;
    // Disks whose names end in a digit (mmcblk0, nvme0n1, loop0) put a "p" before the
    // partition number; the others (sdb, vda) append it directly.
    static const QRegularExpression withP(QStringLiteral("^(.*\\d)p\\d+$"));
    static const QRegularExpression plain(QStringLiteral("^(.*\\D)\\d+$"));
    if (const auto m = withP.match(name); m.hasMatch())
        return m.captured(1);
    if (const auto m = plain.match(name); m.hasMatch())
        return m.captured(1);
    return name;
}

QList<RemovableVolume> RemovableMedia::list()
{
    return list(Roots{});
}

QList<RemovableVolume> RemovableMedia::list(const Roots &roots)
{
    const QMap<QString, MountEntry> mounts = readMounts(roots.procMounts);
    QHash<QString, QString> labels;
    bool labelsRead = false;
    QList<RemovableVolume> volumes;
    for (const MountEntry &entry : mounts) {
        if (isPseudoFileSystem(entry.fsType) || !entry.device.startsWith(QLatin1String("/dev/")))
            continue;
        const QString name = entry.device.mid(5);
        // /dev/mapper/... and similar are not a plain block device name.
        if (name.isEmpty() || name.contains(QLatin1Char('/')))
            continue;
        if (!isRemovableOrUsb(baseBlockDevice(name, roots.sysBlock), roots.sysBlock))
            continue;
        if (!labelsRead) {
            labels = readLabels(roots.byLabel);
            labelsRead = true;
        }

        RemovableVolume volume;
        volume.mountPoint = entry.mountPoint;
        volume.device = entry.device;
        volume.label = labels.value(name);
        if (volume.label.isEmpty())
            volume.label = QFileInfo(entry.mountPoint).fileName();
        if (volume.label.isEmpty())
            volume.label = entry.mountPoint;
        volume.writable = !hasOption(entry.options, "ro");
        // Only for volumes that made it this far: statfs on a hung network mount blocks.
        const QStorageInfo storage(entry.mountPoint);
        if (storage.isValid() && storage.isReady())
            volume.bytesFree = storage.bytesAvailable();
        volumes.append(volume);
    }
    // QMap iterated in key order, so the list is already sorted by mount point.
    return volumes;
}

} // namespace tandem
