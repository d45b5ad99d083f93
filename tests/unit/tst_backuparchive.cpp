// Backup and restore on real files: tandem.xml, the event store and the outbox go into
// one archive and come back byte for byte or row for row; a damaged archive is refused
// before anything changes; the license is never touched; pairs come back disabled.
#include "backup/backuparchive.h"
#include "backup/tarfile.h"
#include "config/configfile.h"
#include "config/machinestate.h"
#include "events/eventstore.h"
#include "notify/outbox.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace tandem;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

PairConfig pair(const QString &name, int port)
{
    PairConfig p;
    p.name = name;
    p.protocol = Protocol::ModbusTcp;
    p.primary = QStringLiteral("127.0.0.1:5020");
    p.secondary = QStringLiteral("127.0.0.1:5021");
    p.endpoint = QStringLiteral("127.0.0.1:%1").arg(port);
    return p;
}

Event makeEvent(const QString &text)
{
    Event e;
    e.time = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7, 89));
    e.id = QStringLiteral("connected.primary");
    e.process = QStringLiteral("tandemd (1)");
    e.pair = QStringLiteral("line1");
    e.text = text;
    return e;
}

QStringList eventTexts(const QString &stateDir)
{
    EventStore store(stateDir);
    QString notice, error;
    if (!store.open(&notice, &error))
        return {QStringLiteral("cannot open: ") + error};
    QStringList texts;
    for (const Event &e : store.read())
        texts << e.toLine();
    return texts;
}

QStringList outboxSubjects(const QString &stateDir)
{
    Outbox outbox(stateDir);
    QString notice, error;
    if (!outbox.open(&notice, &error))
        return {QStringLiteral("cannot open: ") + error};
    QStringList subjects;
    for (const OutboxMail &m : outbox.all())
        subjects << m.subject + QLatin1Char('|') + QString::fromUtf8(m.message);
    return subjects;
}

// Every file in a folder with its content hash: "nothing changed" made checkable.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    for (const QFileInfo &fi : QDir(dir).entryInfoList(QDir::Files | QDir::Hidden))
        files.insert(fi.fileName(),
                     QCryptographicHash::hash(readAll(fi.filePath()), QCryptographicHash::Sha256));
    return files;
}

// Rewrites the tar header at `offset`: a new name and a correct header checksum, so only
// the name is wrong.
void renameEntry(QByteArray *archive, qsizetype offset, const QByteArray &name)
{
    char *h = archive->data() + offset;
    std::memset(h, 0, 100);
    std::memcpy(h, name.constData(), size_t(name.size()));
    std::memset(h + 148, ' ', 8);
    int sum = 0;
    for (int i = 0; i < 512; ++i)
        sum += static_cast<unsigned char>(h[i]);
    const QByteArray digits = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(h + 148, digits.constData(), 6);
    h[154] = '\0';
}

} // namespace

class TestBackupArchive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void roundTripRestoresEverythingButLicense();
    void damagedArchiveIsRefusedAndChangesNothing_data();
    void damagedArchiveIsRefusedAndChangesNothing();
    void listShowsBrokenArchives();
    void tarRejectsUnsafeNames();

private:
    QString stateDir() const { return m_dir->filePath(QStringLiteral("state")); }
    QString backupDir() const { return m_dir->filePath(QStringLiteral("backups")); }
    QString state(const char *name) const { return QDir(stateDir()).filePath(QLatin1String(name)); }
    // A configuration with two pairs (line1 enabled), events, a mail and a license.
    void makeState();
    QString makeBackup();

    std::unique_ptr<QTemporaryDir> m_dir;
    TandemPaths m_paths;
    QString m_configId;
};

void TestBackupArchive::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_paths.configFile = m_dir->filePath(QStringLiteral("config/tandem.xml"));
    m_paths.stateDir = stateDir();
    QDir().mkpath(stateDir());
    QDir().mkpath(QFileInfo(m_paths.configFile).absolutePath());
    makeState();
}

void TestBackupArchive::makeState()
{
    Configuration config = Configuration::createNew();
    config.pairs << pair(QStringLiteral("line1"), 1502) << pair(QStringLiteral("line2"), 1503);
    m_configId = config.id;
    QVERIFY(ConfigFile::save(config, m_paths.configFile).isEmpty());
    QString notice, error;
    {
        EventStore store(stateDir());
        QVERIFY2(store.open(&notice, &error), qPrintable(error));
        store.append(makeEvent(QStringLiteral("first")));
        store.append(makeEvent(QStringLiteral("second ✓")));
        QVERIFY(store.flush(&error));
    }
    {
        Outbox outbox(stateDir());
        QVERIFY2(outbox.open(&notice, &error), qPrintable(error));
        OutboxMail mail;
        mail.from = QStringLiteral("tandem@plant.example");
        mail.to = {QStringLiteral("op@plant.example")};
        mail.subject = QStringLiteral("line1 failed over");
        mail.message = "Subject: line1 failed over\r\n\r\nbody\r\n";
        QVERIFY2(outbox.add(&mail, &error), qPrintable(error));
    }
    MachineState machine(stateDir());
    QVERIFY(machine.load(m_configId, &error));
    QVERIFY(machine.setEnabled(QStringLiteral("line1"), true, &error));
    writeAll(state("license.json"), "{\"serial\":\"keep me\"}\n");
}

QString TestBackupArchive::makeBackup()
{
    QString error;
    const std::optional<QString> archive = BackupArchive::create(m_paths, backupDir(), &error);
    if (!archive)
        qWarning() << error;
    return archive.value_or(QString());
}

void TestBackupArchive::roundTripRestoresEverythingButLicense()
{
    const QByteArray xml = readAll(m_paths.configFile);
    const QStringList events = eventTexts(stateDir());
    const QStringList mails = outboxSubjects(stateDir());
    QCOMPARE(events.size(), 2);
    QCOMPARE(mails.size(), 1);

    const QString archive = makeBackup();
    QVERIFY(!archive.isEmpty());
    QVERIFY(QFileInfo(archive).fileName().contains(
        QRegularExpression(QStringLiteral("^tandem-backup-\\d{8}-\\d{6}\\.tar$"))));
    QVERIFY(!QDir(backupDir()).entryList({QStringLiteral("*.writing")}).size());

    // What is in it: the manifest first, never the license.
    QList<TarFile::Entry> entries;
    QString error;
    QVERIFY2(TarFile::read(readAll(archive), &entries, &error), qPrintable(error));
    QStringList names;
    for (const TarFile::Entry &e : entries)
        names << e.name;
    QCOMPARE(names,
             (QStringList{QStringLiteral("manifest.json"), QStringLiteral("tandem.xml"),
                          QStringLiteral("events.sqlite"), QStringLiteral("outbox.sqlite")}));

    // Change everything after the backup.
    Configuration other = Configuration::createNew();
    other.pairs << pair(QStringLiteral("oven"), 1600);
    QVERIFY(ConfigFile::save(other, m_paths.configFile).isEmpty());
    {
        EventStore store(stateDir());
        QString notice;
        QVERIFY(store.open(&notice, &error));
        store.append(makeEvent(QStringLiteral("after the backup")));
        QVERIFY(store.flush(&error));
    }
    {
        Outbox outbox(stateDir());
        QString notice;
        QVERIFY(outbox.open(&notice, &error));
        QVERIFY(outbox.remove(outbox.all().constFirst().id, &error));
    }
    const QByteArray changedXml = readAll(m_paths.configFile);
    MachineState machine(stateDir());
    QVERIFY(machine.load(m_configId, &error));
    QVERIFY(machine.setEnabled(QStringLiteral("line2"), true, &error));
    const QByteArray license = "{\"serial\":\"the newer one\"}\n";
    writeAll(state("license.json"), license);

    QStringList report;
    QVERIFY2(BackupArchive::restore(archive, m_paths, &report, &error), qPrintable(error));
    QVERIFY(!report.isEmpty());

    QCOMPARE(readAll(m_paths.configFile), xml);
    QCOMPARE(eventTexts(stateDir()), events);
    QCOMPARE(outboxSubjects(stateDir()), mails);
    QCOMPARE(readAll(state("license.json")), license);
    // The replaced files are kept.
    QCOMPARE(readAll(m_paths.configFile + QStringLiteral(".before-restore")), changedXml);
    QVERIFY(QFile::exists(state("events.sqlite.before-restore")));
    QVERIFY(QFile::exists(state("outbox.sqlite.before-restore")));
    QVERIFY(QFile::exists(state("enabled-pairs.json.before-restore")));
    QVERIFY(!QFile::exists(state("events.sqlite.restoring")));
    // As after a deployment: nothing enabled, for the restored configuration.
    MachineState restored(stateDir());
    QVERIFY(restored.load(m_configId, &error));
    QVERIFY(restored.enabledPairs().isEmpty());
    QVERIFY(QFile::exists(restored.filePath()));

    // A second restore keeps the first one's set-aside files too.
    QVERIFY2(BackupArchive::restore(archive, m_paths, &report, &error), qPrintable(error));
    QCOMPARE(readAll(m_paths.configFile + QStringLiteral(".before-restore")), changedXml);
    QCOMPARE(readAll(m_paths.configFile + QStringLiteral(".before-restore-2")), xml);
}

void TestBackupArchive::damagedArchiveIsRefusedAndChangesNothing_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expected");
    QTest::newRow("flipped byte in events.sqlite")
        << QStringLiteral("flip") << QStringLiteral("bad checksum of events.sqlite in");
    QTest::newRow("truncated") << QStringLiteral("truncate") << QStringLiteral("truncated");
    QTest::newRow("../x") << QStringLiteral("dotdot") << QStringLiteral("unsafe name '../x'");
    QTest::newRow("header checksum")
        << QStringLiteral("header") << QStringLiteral("bad header checksum");
    QTest::newRow("not a backup") << QStringLiteral("foreign")
                                  << QStringLiteral("is not a Tandem backup");
}

void TestBackupArchive::damagedArchiveIsRefusedAndChangesNothing()
{
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    const QString archive = makeBackup();
    QVERIFY(!archive.isEmpty());
    QByteArray bytes = readAll(archive);
    QList<TarFile::Entry> entries;
    QString error;
    QVERIFY(TarFile::read(bytes, &entries, &error));
    // Offsets: manifest header at 0, its data, then tandem.xml, then events.sqlite.
    const auto padded = [](qsizetype n) { return (n + 511) / 512 * 512; };
    const qsizetype xmlHeader = 512 + padded(entries[0].data.size());
    const qsizetype eventsHeader = xmlHeader + 512 + padded(entries[1].data.size());
    if (damage == QLatin1String("flip"))
        bytes[eventsHeader + 512 + 100] = char(bytes[eventsHeader + 512 + 100] ^ 0x01);
    else if (damage == QLatin1String("truncate"))
        bytes.truncate(eventsHeader + 512 + 1000);
    else if (damage == QLatin1String("dotdot"))
        renameEntry(&bytes, xmlHeader, "../x");
    else if (damage == QLatin1String("header"))
        bytes[xmlHeader + 10] = 'Z';
    else if (damage == QLatin1String("foreign"))
        bytes = TarFile::write({{QStringLiteral("notes.txt"), "hello"}});
    writeAll(archive, bytes);

    const auto stateBefore = snapshot(stateDir());
    const auto configBefore = snapshot(QFileInfo(m_paths.configFile).absolutePath());
    QStringList report;
    QVERIFY(!BackupArchive::restore(archive, m_paths, &report, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(archive), qPrintable(error));
    QCOMPARE(snapshot(stateDir()), stateBefore);
    QCOMPARE(snapshot(QFileInfo(m_paths.configFile).absolutePath()), configBefore);
    QVERIFY(report.isEmpty());
}

void TestBackupArchive::listShowsBrokenArchives()
{
    const QString good = makeBackup();
    QVERIFY(!good.isEmpty());
    const QString broken =
        QDir(backupDir()).filePath(QStringLiteral("tandem-backup-20000101-000000.tar"));
    QByteArray bytes = readAll(good);
    bytes.chop(2000);
    writeAll(broken, bytes);
    writeAll(QDir(backupDir()).filePath(QStringLiteral("unrelated.txt")), "x");

    const QList<BackupInfo> list = BackupArchive::list(backupDir());
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].path, QFileInfo(broken).absoluteFilePath());
    QVERIFY(list[0].isBroken());
    QVERIFY2(list[0].problem.contains(QStringLiteral("truncated")), qPrintable(list[0].problem));
    QVERIFY2(!list[1].isBroken(), qPrintable(list[1].problem));
    QCOMPARE(list[1].path, QFileInfo(good).absoluteFilePath());
    QCOMPARE(list[1].host, QSysInfo::machineHostName());
    QVERIFY(list[1].created.isValid());
    QCOMPARE(list[1].files.size(), 3);
    QCOMPARE(list[1].files[0].name, QStringLiteral("tandem.xml"));
    QCOMPARE(list[1].files[0].size, readAll(m_paths.configFile).size());
}

void TestBackupArchive::tarRejectsUnsafeNames()
{
    QVERIFY(TarFile::isSafeName(QStringLiteral("tandem.xml")));
    QVERIFY(!TarFile::isSafeName(QStringLiteral("/etc/passwd")));
    QVERIFY(!TarFile::isSafeName(QStringLiteral("a/../../x")));
    QVERIFY(!TarFile::isSafeName(QString()));
    QByteArray bytes = TarFile::write({{QStringLiteral("abc"), "data"}});
    renameEntry(&bytes, 0, "/abs");
    QList<TarFile::Entry> entries;
    QString error;
    QVERIFY(!TarFile::read(bytes, &entries, &error));
    QVERIFY2(error.contains(QStringLiteral("unsafe name '/abs'")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestBackupArchive)
#include "tst_backuparchive.moc"
