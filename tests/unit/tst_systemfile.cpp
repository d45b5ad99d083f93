// Files root writes for the system service (through pkexec) into folders a group may write:
// a member of that group must not be able to make root write through a symlink planted
// where the writer puts its temporary file. Tests cannot switch users,
// so the attacker's part, a symlink at the old fixed name "X.writing", is planted by the
// test itself and the writing functions are called directly.
#include "base/durablefile.h"
#include "base/systemfile.h"
#include "service/serviceinstaller.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace tandem;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}
} // namespace

class TestSystemFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void durableWriteIgnoresAPlantedSymlink();
    void unitWriteIgnoresAPlantedSymlink();
    void systemWriteSetsModeOnTheDescriptor();
    void systemWriteRefusesALinkedFolder();
    void systemWriteRefusesAFolderOthersMayWrite();
    void systemWriteRefusesAFolderBelowOneOthersMayWrite();
    void systemWriteRefusesSomeoneElsesFolder();
    void makeFolderSetsModeAndRefusesLinks();
    void adoptSetsModeButNeverThroughALink();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    // The attacker's file system state: a victim file elsewhere and, in the shared folder,
    // a symlink at the name the writer used to open with O_TRUNC.
    void plant(const QString &target);

    std::unique_ptr<QTemporaryDir> m_dir;
};

static const QByteArray VictimBytes = "root:x:0:0:root:/root:/bin/bash\n";

void TestSystemFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir().mkpath(path(QStringLiteral("shared"))));
    writeFile(path(QStringLiteral("victim")), VictimBytes);
}

void TestSystemFile::plant(const QString &target)
{
    QVERIFY(QFile::link(path(QStringLiteral("victim")), target + QStringLiteral(".writing")));
}

void TestSystemFile::durableWriteIgnoresAPlantedSymlink()
{
    const QString target = path(QStringLiteral("shared/enabled-pairs.json"));
    plant(target);
    QString error;
    QVERIFY2(DurableFile::write(target, "{\"line1\": true}\n", &error), qPrintable(error));
    QCOMPARE(readAll(path(QStringLiteral("victim"))), VictimBytes);
    // The file written is a file of its own, not the planted link renamed into place.
    QVERIFY(!QFileInfo(target).isSymLink());
    QCOMPARE(readAll(target), QByteArray("{\"line1\": true}\n"));
}

void TestSystemFile::unitWriteIgnoresAPlantedSymlink()
{
    const QString unit = path(QStringLiteral("shared/tandemd.service"));
    plant(unit);
    const ServiceInstaller installer(
        {path(QStringLiteral("user/tandem.xml")), path(QStringLiteral("user/state"))});
    QString error;
    QVERIFY2(installer.writeUnit(ServiceScope::System, unit, &error), qPrintable(error));
    QCOMPARE(readAll(path(QStringLiteral("victim"))), VictimBytes);
    QVERIFY(!QFileInfo(unit).isSymLink());
    QVERIFY(readAll(unit).contains("\n[Unit]\n"));
    // Readable by all (systemd reads it), writable by its owner only.
    struct stat st;
    QCOMPARE(::lstat(QFile::encodeName(unit).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0644));
}

void TestSystemFile::systemWriteSetsModeOnTheDescriptor()
{
    const QString target = path(QStringLiteral("shared/tandem.xml"));
    plant(target);
    QString error;
    QVERIFY2(SystemFile::write(target, "<tandem/>\n", {0640}, &error), qPrintable(error));
    QCOMPARE(readAll(path(QStringLiteral("victim"))), VictimBytes);
    QCOMPARE(readAll(target), QByteArray("<tandem/>\n"));
    struct stat st;
    QCOMPARE(::lstat(QFile::encodeName(target).constData(), &st), 0);
    QVERIFY(S_ISREG(st.st_mode));
    QCOMPARE(st.st_mode & 07777, mode_t(0640));
    // A link planted at the final name itself is replaced, not followed.
    QVERIFY(QFile::remove(target));
    QVERIFY(QFile::link(path(QStringLiteral("victim")), target));
    QVERIFY2(SystemFile::write(target, "<tandem/>\n", {0640}, &error), qPrintable(error));
    QCOMPARE(readAll(path(QStringLiteral("victim"))), VictimBytes);
    QVERIFY(!QFileInfo(target).isSymLink());
    // Nothing left behind under a temporary name.
    const QStringList left =
        QDir(path(QStringLiteral("shared"))).entryList({QStringLiteral("*.writing")}, QDir::Files);
    QCOMPARE(left, QStringList{QStringLiteral("tandem.xml.writing")}); // the planted one
}

void TestSystemFile::systemWriteRefusesALinkedFolder()
{
    // The folder written into swapped for a link to another (/etc, say).
    QVERIFY(QDir().mkpath(path(QStringLiteral("elsewhere"))));
    QVERIFY(QFile::link(path(QStringLiteral("elsewhere")), path(QStringLiteral("linked"))));
    QString error;
    QVERIFY(!SystemFile::write(path(QStringLiteral("linked/passwd")), "x", {0644}, &error));
    QVERIFY2(error.contains(path(QStringLiteral("linked")) +
                            QStringLiteral(" is a symbolic link: refusing to write there")),
             qPrintable(error));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("elsewhere/passwd"))));
}

void TestSystemFile::systemWriteRefusesAFolderOthersMayWrite()
{
    QVERIFY(QFile::setPermissions(path(QStringLiteral("shared")), QFile::Permissions(0x7777)));
    QString error;
    QVERIFY(!SystemFile::write(path(QStringLiteral("shared/x")), "x", {0644}, &error));
    QVERIFY2(error.contains(path(QStringLiteral("shared")) +
                            QStringLiteral(" may be written by others than its owner (mode 0777)")),
             qPrintable(error));
    // A group may write the folder written into (/etc/tandem, tandem-admin): the write is
    // safe there (fresh name, no link followed).
    QVERIFY(QFile::setPermissions(path(QStringLiteral("shared")), QFile::Permissions(0x7770)));
    QVERIFY2(SystemFile::write(path(QStringLiteral("shared/x")), "x", {0644}, &error),
             qPrintable(error));
}

void TestSystemFile::systemWriteRefusesAFolderBelowOneOthersMayWrite()
{
    // A group member could rename the folder away and put a link in its place.
    QVERIFY(QDir().mkpath(path(QStringLiteral("group/inner"))));
    QVERIFY(QFile::setPermissions(path(QStringLiteral("group")), QFile::Permissions(0x7770)));
    QString error;
    QVERIFY(!SystemFile::write(path(QStringLiteral("group/inner/x")), "x", {0644}, &error));
    QVERIFY2(error.contains(path(QStringLiteral("group")) +
                            QStringLiteral(" may be written by others than its owner")),
             qPrintable(error));
}

void TestSystemFile::systemWriteRefusesSomeoneElsesFolder()
{
    if (::geteuid() != 0)
        QSKIP("giving a folder to another user needs root (CI runs as root)");
    QVERIFY(::chown(QFile::encodeName(path(QStringLiteral("shared"))).constData(), 65534, 65534) ==
            0);
    QString error;
    QVERIFY(!SystemFile::write(path(QStringLiteral("shared/x")), "x", {0644}, &error));
    QVERIFY2(error.contains(path(QStringLiteral("shared")) +
                            QStringLiteral(" belongs to the user id 65534, not to root")),
             qPrintable(error));
    // Owner and group are set on the open descriptor.
    QVERIFY(::chown(QFile::encodeName(path(QStringLiteral("shared"))).constData(), 0, 0) == 0);
    QVERIFY2(SystemFile::write(path(QStringLiteral("shared/x")), "x", {0660, 65534, 65534}, &error),
             qPrintable(error));
    struct stat st;
    QCOMPARE(::lstat(QFile::encodeName(path(QStringLiteral("shared/x"))).constData(), &st), 0);
    QCOMPARE(st.st_uid, uid_t(65534));
    QCOMPARE(st.st_gid, gid_t(65534));
    QCOMPARE(st.st_mode & 07777, mode_t(0660));
}

void TestSystemFile::makeFolderSetsModeAndRefusesLinks()
{
    QString error;
    const QString folder = path(QStringLiteral("etc/tandem"));
    QVERIFY2(SystemFile::makeFolder(folder, {02775}, &error), qPrintable(error));
    struct stat st;
    QCOMPARE(::lstat(QFile::encodeName(folder).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(02775));
    // An existing one is checked and kept as it is.
    QVERIFY2(SystemFile::makeFolder(folder, {0700}, &error), qPrintable(error));
    QCOMPARE(::lstat(QFile::encodeName(folder).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(02775));
    QVERIFY(QFile::link(path(QStringLiteral("victimdir")), path(QStringLiteral("etc/linked"))));
    QVERIFY(!SystemFile::makeFolder(path(QStringLiteral("etc/linked")), {0700}, &error));
    QVERIFY2(error.contains(QStringLiteral("is a symbolic link")), qPrintable(error));
}

// The installer gives the license files it resealed back to the service by descriptor:
// a link put in place of license.json must not make root change the victim's mode.
void TestSystemFile::adoptSetsModeButNeverThroughALink()
{
    const QString victim = path(QStringLiteral("victim"));
    writeFile(victim, VictimBytes);
    QVERIFY(QFile::setPermissions(victim, QFile::ReadOwner | QFile::WriteOwner));
    const QString license = path(QStringLiteral("license.json"));
    QVERIFY(QFile::link(victim, license));
    QString error;
    QVERIFY(!SystemFile::adopt(license, {0660}, &error));
    QVERIFY2(error.contains(license), qPrintable(error));
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(victim).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0600));

    QVERIFY(QFile::remove(license));
    writeFile(license, "{}");
    QVERIFY2(SystemFile::adopt(license, {0640}, &error), qPrintable(error));
    QCOMPARE(::stat(QFile::encodeName(license).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0640));
    // A file that is not there is no error: a license may be a demo.
    QVERIFY(SystemFile::adopt(path(QStringLiteral("license-history.json")), {0660}, &error));
}

QTEST_GUILESS_MAIN(TestSystemFile)
#include "tst_systemfile.moc"
