// File › Backup/Restore…: the schedule goes into the configuration, Back Up Now writes a
// real archive that the list shows, and a restore through the console's own engine
// brings the saved configuration back with every pair disabled, the engine running
// again. A tandemd serving the same files makes the console refuse to restore.
#include "base/enginesocket.h"
#include "buildpaths.h"
#include "consolefiles.h"
#include "dialogs/backupdialog.h"
#include "host/controlserver.h"
#include "host/enginesession.h"
#include "modaldialogs.h"
#include "tandemdprocess.h"
#include "testpairs.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>

#include <functional>
#include <memory>

using namespace tandem;
using tandem::test::child;
using tandem::test::whenModal;

namespace {

PairConfig pair(const QString &name, int port)
{
    return test::plainPair(name, QStringLiteral("127.0.0.1:%1").arg(port),
                           QStringLiteral("127.0.0.1:1"), QStringLiteral("127.0.0.1:2"));
}

// Answers the next modal message box with `button` and keeps its text; then `next`
// (say, to answer the box that follows).
void answer(QMessageBox::StandardButton button, QString *text = nullptr, QString *details = nullptr,
            std::function<void()> next = {})
{
    whenModal([=](QWidget *w) {
        auto *box = qobject_cast<QMessageBox *>(w);
        QVERIFY(box);
        if (text)
            *text = box->text();
        if (details)
            *details = box->detailedText();
        box->button(button)->click();
        if (next)
            next();
    });
}

} // namespace

class TestBackupDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void scheduleGoesIntoTheConfiguration();
    void backUpNowListsTheArchive();
    void damagedArchiveCannotBeRestored();
    void restoreThroughTheConsolesEngine();
    void restoreRefusedWhileTandemdRuns();

private:
    TandemPaths paths() const { return m_files->paths(); }
    QString backups() const { return m_files->filePath(QStringLiteral("backups")); }
    std::unique_ptr<BackupDialog> dialog(EngineSession *engine)
    {
        auto d = std::make_unique<BackupDialog>(m_document, engine);
        child<QLineEdit>(d.get(), "backupFolder")->setText(backups());
        d->refresh();
        return d;
    }

    std::unique_ptr<test::ConsoleFiles> m_files;
    ConfigDocument *m_document = nullptr;
};

void TestBackupDialog::initTestCase()
{
    // The console's own engine: the tandemd built beside the tests.
    qputenv("TANDEM_TANDEMD", test::tandemdPath().toLocal8Bit());
}

void TestBackupDialog::init()
{
    m_files = std::make_unique<test::ConsoleFiles>();
    QVERIFY(m_files->open());
    m_document = m_files->document();
}

void TestBackupDialog::cleanup()
{
    m_files.reset();
}

void TestBackupDialog::scheduleGoesIntoTheConfiguration()
{
    BackupDialog d(m_document, nullptr);
    // Defaults, and the folder suggested when none is set.
    QVERIFY(!child<QCheckBox>(&d, "backupEnabled")->isChecked());
    QCOMPARE(child<QSpinBox>(&d, "backupInterval")->value(), 24);
    QCOMPARE(child<QSpinBox>(&d, "backupRetention")->value(), 30);
    QCOMPARE(child<QLineEdit>(&d, "backupFolder")->placeholderText(),
             QDir(paths().stateDir).filePath(QStringLiteral("backups")));
    QCOMPARE(child<QSpinBox>(&d, "backupInterval")->minimum(), 1);
    QCOMPARE(child<QSpinBox>(&d, "backupRetention")->maximum(), 3650);

    child<QCheckBox>(&d, "backupEnabled")->setChecked(true);
    child<QSpinBox>(&d, "backupInterval")->setValue(12);
    child<QSpinBox>(&d, "backupRetention")->setValue(7);
    child<QLineEdit>(&d, "backupFolder")->setText(backups());
    d.accept();
    const BackupSettings &b = m_document->configuration().backup;
    QVERIFY(b.enabled);
    QCOMPARE(b.intervalHours, 12);
    QCOMPARE(b.retentionDays, 7);
    QCOMPARE(b.directory, backups());
    QVERIFY(m_document->isModified());
    QVERIFY(m_document->save().isEmpty());
    ConfigDocument reread(paths());
    reread.load();
    QCOMPARE(reread.configuration().backup, b);

    // Cancel changes nothing.
    BackupDialog again(m_document, nullptr);
    QVERIFY(child<QCheckBox>(&again, "backupEnabled")->isChecked());
    child<QCheckBox>(&again, "backupEnabled")->setChecked(false);
    again.reject();
    QVERIFY(m_document->configuration().backup.enabled);
}

void TestBackupDialog::backUpNowListsTheArchive()
{
    QVERIFY(m_document->addPair(pair(QStringLiteral("line1"), 15020)).isEmpty());
    QVERIFY(m_document->save().isEmpty());
    auto d = dialog(nullptr);
    auto *list = child<QTreeWidget>(d.get(), "backupList");
    QCOMPARE(list->topLevelItemCount(), 0);
    child<QPushButton>(d.get(), "backUpNow")->click();
    const QStringList archives =
        QDir(backups()).entryList({QStringLiteral("tandem-backup-*.tar")}, QDir::Files);
    QCOMPARE(archives.size(), 1);
    QCOMPARE(list->topLevelItemCount(), 1);
    QTreeWidgetItem *item = list->topLevelItem(0);
    QVERIFY2(item->text(3).contains(QLatin1String("tandem.xml")), qPrintable(item->text(3)));
    QVERIFY(item->isSelected());
    QVERIFY(child<QPushButton>(d.get(), "restoreBackup")->isEnabled());
}

void TestBackupDialog::damagedArchiveCannotBeRestored()
{
    QVERIFY(QDir().mkpath(backups()));
    QFile broken(QDir(backups()).filePath(QStringLiteral("tandem-backup-20260101-000000.tar")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(QByteArray(1024, 'x'));
    broken.close();
    auto d = dialog(nullptr);
    auto *list = child<QTreeWidget>(d.get(), "backupList");
    QCOMPARE(list->topLevelItemCount(), 1);
    list->setCurrentItem(list->topLevelItem(0));
    QVERIFY2(list->topLevelItem(0)->text(3).startsWith(QLatin1String("Damaged")),
             qPrintable(list->topLevelItem(0)->text(3)));
    QVERIFY(!child<QPushButton>(d.get(), "restoreBackup")->isEnabled());
}

void TestBackupDialog::restoreThroughTheConsolesEngine()
{
    QVERIFY(m_document->addPair(pair(QStringLiteral("line1"), 15021)).isEmpty());
    QVERIFY(m_document->save().isEmpty());
    QVERIFY(m_document->setEnabled(QStringLiteral("line1"), true).isEmpty());
    EngineSession engine(paths());
    QVERIFY(engine.start().isEmpty());
    QVERIFY(engine.isRunning() && !engine.isRemote());
    QTRY_VERIFY(!engine.pairStatus(QStringLiteral("line1")).isEmpty());

    auto d = dialog(&engine);
    child<QPushButton>(d.get(), "backUpNow")->click();
    QCOMPARE(child<QTreeWidget>(d.get(), "backupList")->topLevelItemCount(), 1);

    // Later: a second pair, saved. The restore takes the configuration back to one pair.
    QVERIFY(m_document->addPair(pair(QStringLiteral("line2"), 15022)).isEmpty());
    QVERIFY(m_document->save().isEmpty());
    engine.reload();
    QTRY_VERIFY(!engine.pairStatus(QStringLiteral("line1")).isEmpty());

    QString question, report, details;
    answer(QMessageBox::Yes, &question, nullptr,
           [&] { answer(QMessageBox::Ok, &report, &details); });
    child<QPushButton>(d.get(), "restoreBackup")->click();
    QVERIFY2(question.contains(QLatin1String("stops for the restore")), qPrintable(question));
    QVERIFY2(report.contains(QLatin1String("Every pair is disabled")), qPrintable(report));
    QVERIFY2(details.contains(QLatin1String("before-restore")), qPrintable(details));

    QCOMPARE(m_document->configuration().pairs.size(), 1);
    QVERIFY(!m_document->isEnabled(QStringLiteral("line1")));
    QVERIFY(QFile::exists(paths().configFile + QStringLiteral(".before-restore")));
    // The console's engine runs again, on the restored files: nothing enabled.
    QVERIFY(!engine.isRemote());
    QTRY_VERIFY(engine.status().contains(QLatin1String("pairs")));
    QVERIFY(engine.pairStatus(QStringLiteral("line2")).isEmpty());
    QVERIFY(EngineSocket::isRunning(paths().stateDir));
}

void TestBackupDialog::restoreRefusedWhileTandemdRuns()
{
    tandem::test::TandemdProcess tandemd;
    QVERIFY(tandemd.writeConfig(Configuration::createNew(), {}));
    QVERIFY(tandemd.start());
    const TandemPaths shared{tandemd.configFile(), tandemd.stateDir()};
    ConfigDocument sharedDocument(shared);
    sharedDocument.load();
    m_document = &sharedDocument;
    EngineSession engine(shared);
    QVERIFY(engine.start().isEmpty());
    QVERIFY(engine.isRemote());

    auto d = dialog(&engine);
    child<QPushButton>(d.get(), "backUpNow")->click();
    auto *list = child<QTreeWidget>(d.get(), "backupList");
    QCOMPARE(list->topLevelItemCount(), 1);
    QString question, refusal;
    answer(QMessageBox::Yes, &question, nullptr, [&] { answer(QMessageBox::Ok, &refusal); });
    child<QPushButton>(d.get(), "restoreBackup")->click();
    QVERIFY2(refusal.contains(QLatin1String("Nothing was restored")) &&
                 refusal.contains(QLatin1String("stop it first")),
             qPrintable(refusal));
    QVERIFY(!QFile::exists(shared.configFile + QStringLiteral(".before-restore")));
    QVERIFY(tandemd.isRunning());
    QVERIFY(tandemd.stop());
}

QTEST_MAIN(TestBackupDialog)
#include "tst_backupdialog.moc"
