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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
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

// Replaces one file of an archive and makes its manifest match again: what a crafted
// backup looks like, since whoever made it also wrote the checksums.
bool replaceEntry(const QString &archive, const QString &name, const QByteArray &data)
{
    QList<TarFile::Entry> entries;
    QString error;
    if (!TarFile::read(readAll(archive), &entries, &error) || entries.isEmpty())
        return false;
    QJsonObject manifest = QJsonDocument::fromJson(entries[0].data).object();
    QJsonArray files = manifest.value(QLatin1String("files")).toArray();
    for (qsizetype i = 0; i < files.size(); ++i) {
        QJsonObject f = files[i].toObject();
        if (f.value(QLatin1String("name")).toString() != name)
            continue;
        f.insert(QStringLiteral("size"), data.size());
        f.insert(QStringLiteral("sha256"),
                 QString::fromLatin1(
                     QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
        files[i] = f;
    }
    manifest.insert(QStringLiteral("files"), files);
    entries[0].data = QJsonDocument(manifest).toJson();
    for (TarFile::Entry &e : entries)
        if (e.name == name)
            e.data = data;
    writeAll(archive, TarFile::write(entries));
    return true;
}

QByteArray entryData(const QString &archive, const QString &name)
{
    QList<TarFile::Entry> entries;
    QString error;
    TarFile::read(readAll(archive), &entries, &error);
    for (const TarFile::Entry &e : entries)
        if (e.name == name)
            return e.data;
    return {};
}

// The SQLite file `bytes` after `statements`, run in a scratch folder.
QByteArray changedDatabase(const QByteArray &bytes, const QStringList &statements)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    writeAll(path, bytes);
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("craft"));
        db.setDatabaseName(path);
        if (!db.open())
            return {};
        QSqlQuery q(db);
        // One file without a -wal beside it, as a backup holds it.
        q.exec(QStringLiteral("PRAGMA journal_mode=DELETE"));
        for (const QString &statement : statements)
            if (!q.exec(statement)) {
                qWarning() << statement << q.lastError().text();
                return {};
            }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("craft"));
    return readAll(path);
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
    void hostileDatabaseIsRefusedAndChangesNothing_data();
    void hostileDatabaseIsRefusedAndChangesNothing();
    void outboxForSomeoneElseIsLeftOut_data();
    void outboxForSomeoneElseIsLeftOut();
    void historyFromBeforeTheReasonColumnIsRestored();

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
    config.notifications.from = QStringLiteral("tandem@plant.example");
    config.notifications.to = {QStringLiteral("op@plant.example"),
                               QStringLiteral("night@plant.example")};
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

void TestBackupArchive::hostileDatabaseIsRefusedAndChangesNothing_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("expected");
    // An outbox that mails its rows away on every insert, a history that wipes itself.
    QTest::newRow("trigger in the outbox")
        << QStringLiteral("outbox.sqlite")
        << QStringList{QStringLiteral(
               "CREATE TRIGGER relay AFTER INSERT ON mails BEGIN UPDATE mails SET recipients = "
               "'[\"spam@attacker.example\"]'; END")}
        << QStringLiteral("outbox.sqlite holds the trigger 'relay'");
    QTest::newRow("trigger in the history")
        << QStringLiteral("events.sqlite")
        << QStringList{QStringLiteral(
               "CREATE TRIGGER wipe AFTER INSERT ON events BEGIN DELETE FROM events; END")}
        << QStringLiteral("events.sqlite holds the trigger 'wipe'");
    QTest::newRow("view") << QStringLiteral("events.sqlite")
                          << QStringList{QStringLiteral("CREATE VIEW v AS SELECT * FROM events")}
                          << QStringLiteral("events.sqlite holds the view 'v'");
    QTest::newRow("extra table")
        << QStringLiteral("outbox.sqlite") << QStringList{QStringLiteral("CREATE TABLE extra (x)")}
        << QStringLiteral("outbox.sqlite holds the table 'extra', which Tandem does not create");
    QTest::newRow("extra index") << QStringLiteral("events.sqlite")
                                 << QStringList{QStringLiteral(
                                        "CREATE INDEX by_text ON events (text)")}
                                 << QStringLiteral("events.sqlite holds the index 'by_text'");
    QTest::newRow("table defined otherwise")
        << QStringLiteral("events.sqlite")
        << QStringList{QStringLiteral("DROP TABLE resets"),
                       QStringLiteral("CREATE TABLE resets (generation INTEGER NOT NULL CHECK "
                                      "(generation < 0))")}
        << QStringLiteral("the table 'resets' in events.sqlite is not defined as Tandem");
    QTest::newRow("missing table")
        << QStringLiteral("events.sqlite") << QStringList{QStringLiteral("DROP TABLE resets")}
        << QStringLiteral("events.sqlite lacks the table 'resets'");
    QTest::newRow("other schema version")
        << QStringLiteral("outbox.sqlite")
        << QStringList{QStringLiteral("UPDATE schema_version SET version = 9")}
        << QStringLiteral("outbox.sqlite is not at schema version 1");
    // Bytes, not SQL: the first table page's type byte overwritten.
    QTest::newRow("corrupt") << QStringLiteral("events.sqlite") << QStringList{}
                             << QStringLiteral("events.sqlite is damaged");
    QTest::newRow("not a database") << QStringLiteral("outbox.sqlite") << QStringList{}
                                    << QStringLiteral("outbox.sqlite is damaged or not an SQLite");
}

void TestBackupArchive::hostileDatabaseIsRefusedAndChangesNothing()
{
    QFETCH(QString, file);
    QFETCH(QStringList, statements);
    QFETCH(QString, expected);
    const QString archive = makeBackup();
    QVERIFY(!archive.isEmpty());
    QByteArray data = entryData(archive, file);
    QVERIFY(data.size() >= 2 * 4096);
    if (QByteArray(QTest::currentDataTag()) == "corrupt") {
        data = changedDatabase(data, {});
        QVERIFY(data.size() >= 2 * 4096);
        data[4096] = char(0x07); // no b-tree page type
    } else if (QByteArray(QTest::currentDataTag()) == "not a database") {
        data = QByteArray(8192, 'x');
    } else {
        data = changedDatabase(data, statements);
        QVERIFY(!data.isEmpty());
    }
    QVERIFY(replaceEntry(archive, file, data));
    QVERIFY(!BackupArchive::list(backupDir()).constFirst().isBroken()); // checksums match

    const auto stateBefore = snapshot(stateDir());
    const auto configBefore = snapshot(QFileInfo(m_paths.configFile).absolutePath());
    QStringList report;
    QString error;
    QVERIFY(!BackupArchive::restore(archive, m_paths, &report, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(archive), qPrintable(error));
    QCOMPARE(snapshot(stateDir()), stateBefore);
    QCOMPARE(snapshot(QFileInfo(m_paths.configFile).absolutePath()), configBefore);
    QVERIFY(QDir(stateDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    QVERIFY(report.isEmpty());
}

void TestBackupArchive::outboxForSomeoneElseIsLeftOut_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("to");
    QTest::addColumn<QString>("expected");
    QTest::newRow("foreign recipient")
        << QStringLiteral("tandem@plant.example")
        << QStringList{QStringLiteral("op@plant.example"), QStringLiteral("spam@attacker.example")}
        << QStringLiteral("goes to 'spam@attacker.example', who is not a configured recipient");
    QTest::newRow("foreign sender")
        << QStringLiteral("ceo@plant.example") << QStringList{QStringLiteral("op@plant.example")}
        << QStringLiteral("is from 'ceo@plant.example', but the configured sender is "
                          "'tandem@plant.example'");
}

void TestBackupArchive::outboxForSomeoneElseIsLeftOut()
{
    QFETCH(QString, from);
    QFETCH(QStringList, to);
    QFETCH(QString, expected);
    QString notice, error;
    {
        Outbox outbox(stateDir());
        QVERIFY2(outbox.open(&notice, &error), qPrintable(error));
        OutboxMail mail;
        mail.from = from;
        mail.to = to;
        mail.subject = QStringLiteral("crafted");
        mail.message = "Subject: crafted\r\n\r\nbuy now\r\n";
        QVERIFY2(outbox.add(&mail, &error), qPrintable(error));
    }
    const QString archive = makeBackup();
    QVERIFY(!archive.isEmpty());
    // The outbox here now holds one mail of its own, to a configured recipient.
    {
        Outbox outbox(stateDir());
        QVERIFY(outbox.open(&notice, &error));
        for (const OutboxMail &m : outbox.all())
            QVERIFY(outbox.remove(m.id, &error));
        OutboxMail mail;
        mail.from = QStringLiteral("tandem@plant.example");
        mail.to = {QStringLiteral("night@plant.example")};
        mail.subject = QStringLiteral("after the backup");
        mail.message = "Subject: after the backup\r\n\r\nbody\r\n";
        QVERIFY(outbox.add(&mail, &error));
    }
    const QStringList outboxBefore = outboxSubjects(stateDir());

    QStringList report;
    QVERIFY2(BackupArchive::restore(archive, m_paths, &report, &error), qPrintable(error));
    // Everything else came back; the outbox here is the one it was.
    QCOMPARE(outboxSubjects(stateDir()), outboxBefore);
    QVERIFY(!QFile::exists(state("outbox.sqlite.before-restore")));
    QVERIFY(eventTexts(stateDir()).join(QLatin1Char('\n')).contains(QStringLiteral("second ✓")));
    QVERIFY2(report.join(QLatin1Char('\n')).contains(expected),
             qPrintable(report.join(QLatin1Char('\n'))));
    // And the history says so, as a Warning naming the backup and the mail.
    const QStringList warnings =
        eventTexts(stateDir())
            .filter(QStringLiteral("\tWarning\tThe e-mail outbox of the backup '") + archive +
                    QStringLiteral("' was not restored: "));
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.constFirst().contains(expected), qPrintable(warnings.constFirst()));
}

void TestBackupArchive::historyFromBeforeTheReasonColumnIsRestored()
{
    const QString archive = makeBackup();
    QVERIFY(!archive.isEmpty());
    // The history as Tandem wrote it before events had a reason column.
    const QByteArray legacy = changedDatabase(
        {}, {QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY "
                            "AUTOINCREMENT, time_ms INTEGER NOT NULL, event_id TEXT NOT NULL, "
                            "severity INTEGER NOT NULL, process TEXT NOT NULL, pair TEXT NOT "
                            "NULL, text TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE IF NOT EXISTS resets (generation INTEGER NOT NULL)"),
             QStringLiteral("INSERT INTO schema_version (version) VALUES (1)"),
             QStringLiteral("INSERT INTO events (time_ms, event_id, severity, process, pair, text) "
                            "VALUES (0, 'connected.primary', 0, 'tandemd (1)', 'line1', 'old')")});
    QVERIFY(!legacy.isEmpty());
    QVERIFY(replaceEntry(archive, QStringLiteral("events.sqlite"), legacy));
    QStringList report;
    QString error;
    QVERIFY2(BackupArchive::restore(archive, m_paths, &report, &error), qPrintable(error));
    const QStringList events = eventTexts(stateDir());
    QCOMPARE(events.size(), 1);
    QVERIFY2(events.constFirst().contains(QStringLiteral("\told\t")),
             qPrintable(events.constFirst()));
}

QTEST_GUILESS_MAIN(TestBackupArchive)
#include "tst_backuparchive.moc"
