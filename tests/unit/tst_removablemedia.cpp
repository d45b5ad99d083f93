// Removable volumes from a simulated /proc/mounts, /sys/block and /dev/disk/by-label built in
// a temporary directory: which mounts count, labels, read-only, duplicates and overmounts.
// One test reads the real system and only checks that what it returns exists.
#include "license/removablemedia.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace tandem;

namespace {
bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// A fake block device under the simulated /sys/block with its "removable" attribute.
bool addBlockDevice(const QString &sysBlock, const QString &name, const char *removable)
{
    return writeFile(sysBlock + QLatin1Char('/') + name + QStringLiteral("/removable"),
                     QByteArray(removable) + '\n');
}

// Everything but bytesFree, which depends on the disk the test runs on.
QStringList describe(const QList<RemovableVolume> &volumes)
{
    QStringList out;
    for (const RemovableVolume &v : volumes)
        out.append(QStringList{v.mountPoint, v.device, v.label,
                               v.writable ? QStringLiteral("rw") : QStringLiteral("ro")}
                       .join(QLatin1Char('|')));
    return out;
}
} // namespace

class TestRemovableMedia final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsRemovableFromSimulatedProcAndSys();
    void keepsTheVisibleMountFromSimulatedTable();
    void missingSimulatedMountTableGivesEmptyList();
    void realSystemListDoesNotCrash();
    void displayName();
    void baseBlockDevice_data();
    void baseBlockDevice();
    void decodeMountField_data();
    void decodeMountField();
    void decodeLabel_data();
    void decodeLabel();
};

void TestRemovableMedia::listsRemovableFromSimulatedProcAndSys()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    RemovableMedia::Roots roots;
    roots.procMounts = tmp.filePath(QStringLiteral("proc/mounts"));
    roots.sysBlock = tmp.filePath(QStringLiteral("sys/block"));
    roots.byLabel = tmp.filePath(QStringLiteral("dev/disk/by-label"));

    // Mount points that exist, so QStorageInfo has something to measure.
    const QString readOnlyMount = tmp.filePath(QStringLiteral("mnt/CDROM"));
    const QString usbDiskMount = tmp.filePath(QStringLiteral("mnt/usb disk"));
    QVERIFY(QDir().mkpath(readOnlyMount));
    QVERIFY(QDir().mkpath(usbDiskMount));
    const QByteArray usbDiskEscaped = QFile::encodeName(usbDiskMount).replace(" ", "\\040");

    QVERIFY(
        writeFile(roots.procMounts, "proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n"
                                    "/dev/sda2 / ext4 rw,relatime,errors=remount-ro 0 0\n"
                                    "tmpfs /run tmpfs rw,nosuid,nodev,size=1623060k,mode=755 0 0\n"
                                    "/dev/nvme0n1p1 /boot/efi vfat rw,relatime,fmask=0077 0 0\n"
                                    "/dev/sdb1 /media/op/MY\\040STICK vfat "
                                    "rw,nosuid,nodev,relatime,uid=1000,gid=1000 0 0\n"
                                    "/dev/sdc1 " +
                                        QFile::encodeName(readOnlyMount) +
                                        " iso9660 ro,nosuid,nodev,relatime 0 0\n"
                                        "/dev/mmcblk0p1 /media/op/SDCARD exfat "
                                        "rw,nosuid,nodev,relatime,errors=remount-ro 0 0\n"
                                        "/dev/sdd1 " +
                                        usbDiskEscaped +
                                        " ext4 rw,relatime\t0 0\n"
                                        "/dev/mapper/vg-data /srv ext4 rw 0 0\n"
                                        "this line is cut\n"
                                        "\n"));

    QVERIFY(addBlockDevice(roots.sysBlock, QStringLiteral("sda"), "0"));
    QVERIFY(addBlockDevice(roots.sysBlock, QStringLiteral("nvme0n1"), "0"));
    QVERIFY(addBlockDevice(roots.sysBlock, QStringLiteral("sdb"), "1"));
    QVERIFY(addBlockDevice(roots.sysBlock, QStringLiteral("sdc"), "1"));
    QVERIFY(addBlockDevice(roots.sysBlock, QStringLiteral("mmcblk0"), "1"));
    // A USB hard disk says removable=0, but its sysfs entry links below a USB controller.
    const QString usbDevice =
        tmp.filePath(QStringLiteral("sys/devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/"
                                    "host7/target7:0:0/7:0:0:0/block/sdd"));
    QVERIFY(writeFile(usbDevice + QStringLiteral("/removable"), "0\n"));
    QVERIFY(QFile::link(QStringLiteral("../devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/"
                                       "host7/target7:0:0/7:0:0:0/block/sdd"),
                        roots.sysBlock + QStringLiteral("/sdd")));

    // Relative links to device nodes that do not exist in the simulated tree.
    QVERIFY(QDir().mkpath(roots.byLabel));
    QVERIFY(
        QFile::link(QStringLiteral("../../sdb1"), roots.byLabel + QStringLiteral("/MY\\x20STICK")));
    QVERIFY(QFile::link(QStringLiteral("../../sda2"), roots.byLabel + QStringLiteral("/root")));
    QVERIFY(QFile::link(QStringLiteral("../../sdd1"), roots.byLabel + QStringLiteral("/Backup")));

    const QList<RemovableVolume> volumes = RemovableMedia::list(roots);

    QStringList expected{
        QStringLiteral("/media/op/MY STICK|/dev/sdb1|MY STICK|rw"),
        QStringLiteral("/media/op/SDCARD|/dev/mmcblk0p1|SDCARD|rw"),
        readOnlyMount + QStringLiteral("|/dev/sdc1|CDROM|ro"),
        usbDiskMount + QStringLiteral("|/dev/sdd1|Backup|rw"),
    };
    std::sort(expected.begin(), expected.end());
    QCOMPARE(describe(volumes), expected);

    for (const RemovableVolume &v : volumes) {
        if (QFileInfo::exists(v.mountPoint))
            QVERIFY2(v.bytesFree >= 0, qPrintable(v.mountPoint));
        else
            QCOMPARE(v.bytesFree, -1);
    }
}

void TestRemovableMedia::keepsTheVisibleMountFromSimulatedTable()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    RemovableMedia::Roots roots;
    roots.procMounts = tmp.filePath(QStringLiteral("mounts"));
    roots.sysBlock = tmp.filePath(QStringLiteral("block"));
    roots.byLabel = tmp.filePath(QStringLiteral("no-such-by-label"));
    // A stick listed twice, a stick hidden by a tmpfs mounted over it, a stick remounted
    // read-only, and a stick formatted without a partition table.
    QVERIFY(writeFile(roots.procMounts, "/dev/sdb1 /media/op/A vfat rw 0 0\n"
                                        "/dev/sdb1 /media/op/A vfat rw 0 0\n"
                                        "/dev/sdc1 /media/op/B vfat rw 0 0\n"
                                        "tmpfs /media/op/B tmpfs rw 0 0\n"
                                        "/dev/sdd1 /media/op/C vfat rw 0 0\n"
                                        "/dev/sdd1 /media/op/C vfat ro 0 0\n"
                                        "/dev/sde /media/op/D vfat rw,noatime 0 0\n"));
    for (const char *disk : {"sdb", "sdc", "sdd", "sde"})
        QVERIFY(addBlockDevice(roots.sysBlock, QString::fromLatin1(disk), "1"));

    QCOMPARE(describe(RemovableMedia::list(roots)),
             (QStringList{QStringLiteral("/media/op/A|/dev/sdb1|A|rw"),
                          QStringLiteral("/media/op/C|/dev/sdd1|C|ro"),
                          QStringLiteral("/media/op/D|/dev/sde|D|rw")}));
}

void TestRemovableMedia::missingSimulatedMountTableGivesEmptyList()
{
    QTemporaryDir tmp;
    RemovableMedia::Roots roots;
    roots.procMounts = tmp.filePath(QStringLiteral("missing"));
    roots.sysBlock = tmp.filePath(QStringLiteral("missing"));
    roots.byLabel = tmp.filePath(QStringLiteral("missing"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot read the mount")));
    QVERIFY(RemovableMedia::list(roots).isEmpty());
}

void TestRemovableMedia::realSystemListDoesNotCrash()
{
    const QList<RemovableVolume> volumes = RemovableMedia::list();
    qInfo() << "removable volumes on this machine:" << volumes.size();
    for (const RemovableVolume &v : volumes) {
        QVERIFY2(QFileInfo(v.mountPoint).isDir(), qPrintable(v.mountPoint));
        QVERIFY(v.device.startsWith(QLatin1String("/dev/")));
        QVERIFY(!v.label.isEmpty());
    }
}

void TestRemovableMedia::displayName()
{
    QLocale::setDefault(QLocale::c());
    RemovableVolume stick;
    stick.mountPoint = QStringLiteral("/media/alice/STICK");
    stick.device = QStringLiteral("/dev/sdb1");
    stick.label = QStringLiteral("STICK");
    stick.bytesFree = 3'200'000'000;
    stick.writable = true;
    QCOMPARE(stick.displayName(), QStringLiteral("STICK (/media/alice/STICK, 3.2 GB free)"));

    RemovableVolume cd = stick;
    cd.label = QStringLiteral("CD");
    cd.mountPoint = QStringLiteral("/media/alice/CD");
    cd.bytesFree = -1;
    cd.writable = false;
    QCOMPARE(cd.displayName(), QStringLiteral("CD (/media/alice/CD, read-only)"));
    QLocale::setDefault(QLocale::system());
}

void TestRemovableMedia::baseBlockDevice_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("base");
    QTest::newRow("sata partition") << QStringLiteral("sdb1") << QStringLiteral("sdb");
    QTest::newRow("sata partition 12") << QStringLiteral("sdb12") << QStringLiteral("sdb");
    QTest::newRow("sd card partition") << QStringLiteral("mmcblk0p1") << QStringLiteral("mmcblk0");
    QTest::newRow("nvme partition") << QStringLiteral("nvme0n1p1") << QStringLiteral("nvme0n1");
    QTest::newRow("virtio partition") << QStringLiteral("vda3") << QStringLiteral("vda");
    QTest::newRow("whole disk") << QStringLiteral("sdb") << QStringLiteral("sdb");
    // Whole disks whose names end in a digit are recognised by their own sysfs entry.
    QTest::newRow("whole nvme disk") << QStringLiteral("nvme0n1") << QStringLiteral("nvme0n1");
    QTest::newRow("whole sd card") << QStringLiteral("mmcblk0") << QStringLiteral("mmcblk0");
}

void TestRemovableMedia::baseBlockDevice()
{
    QFETCH(QString, name);
    QFETCH(QString, base);
    QTemporaryDir sysBlock;
    for (const char *disk : {"sdb", "mmcblk0", "nvme0n1", "vda"})
        QVERIFY(QDir(sysBlock.path()).mkdir(QString::fromLatin1(disk)));
    QCOMPARE(RemovableMedia::baseBlockDevice(name, sysBlock.path()), base);
}

void TestRemovableMedia::decodeMountField_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("plain") << QByteArray("/media/op/STICK") << QStringLiteral("/media/op/STICK");
    QTest::newRow("space") << QByteArray("/media/op/MY\\040STICK")
                           << QStringLiteral("/media/op/MY STICK");
    QTest::newRow("tab newline backslash")
        << QByteArray("/m/a\\011b\\012c\\134d") << QStringLiteral("/m/a\tb\nc\\d");
    QTest::newRow("utf-8 bytes") << QByteArray("/media/op/\xc3\xa9t\xc3\xa9")
                                 << QStringLiteral("/media/op/été");
    QTest::newRow("cut escape") << QByteArray("/m/a\\04") << QStringLiteral("/m/a\\04");
    QTest::newRow("not octal") << QByteArray("/m/a\\089") << QStringLiteral("/m/a\\089");
}

void TestRemovableMedia::decodeMountField()
{
    QFETCH(QByteArray, field);
    QFETCH(QString, decoded);
    QCOMPARE(RemovableMedia::decodeMountField(field), decoded);
}

void TestRemovableMedia::decodeLabel_data()
{
    QTest::addColumn<QString>("linkName");
    QTest::addColumn<QString>("label");
    QTest::newRow("plain") << QStringLiteral("STICK") << QStringLiteral("STICK");
    QTest::newRow("space") << QStringLiteral("MY\\x20STICK") << QStringLiteral("MY STICK");
    QTest::newRow("slash") << QStringLiteral("A\\x2fB") << QStringLiteral("A/B");
    QTest::newRow("escaped utf-8")
        << QStringLiteral("\\xc3\\xa9t\\xc3\\xa9") << QStringLiteral("été");
    QTest::newRow("not hex") << QStringLiteral("A\\xZZ") << QStringLiteral("A\\xZZ");
    QTest::newRow("cut") << QStringLiteral("A\\x2") << QStringLiteral("A\\x2");
}

void TestRemovableMedia::decodeLabel()
{
    QFETCH(QString, linkName);
    QFETCH(QString, label);
    QCOMPARE(RemovableMedia::decodeLabel(linkName), label);
}

QTEST_GUILESS_MAIN(TestRemovableMedia)
#include "tst_removablemedia.moc"
