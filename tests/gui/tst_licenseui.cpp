// The license dialogs as an operator uses them: the keypad, Purchase and Unlock with
// serials and passwords made with the development vendor key, the transfer wizard walked
// page by page on two (and three) "computers" that differ by state directory and
// machine-id file, and the Help menu and title bar of the main window.
#include "buildpaths.h"
#include "config/configdocument.h"
#include "events/eventfeed.h"
#include "host/enginesession.h"
#include "license/keypad.h"
#include "license/licensefile.h"
#include "license/licensetransfer.h"
#include "license/mediachooser.h"
#include "license/purchasedialog.h"
#include "license/transferwizard.h"
#include "license/unlockdialog.h"
#include "mainwindow.h"
#include "modaldialogs.h"
#include "tandemdprocess.h"
#include "widgetlookup.h"

#include <QAbstractButton>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace tandem;
using tandem::test::child;
using tandem::test::clickDialogButton;
using tandem::test::whenModal;

namespace {

// Near the left edge: a radio button stretched by its layout takes clicks on its
// indicator and text only.
void click(const QObject *root, const QString &name)
{
    auto *button = child<QAbstractButton>(root, name);
    QTest::mouseClick(button, Qt::LeftButton, {},
                      QPoint(qMin(8, button->width() / 2), button->height() / 2));
}

QString labelText(const QObject *root, const QString &name)
{
    return child<QLabel>(root, name)->text();
}

void pressMessageBox(QWidget *modal, const QString &objectName, QMessageBox::StandardButton which)
{
    QCOMPARE(modal->objectName(), objectName);
    test::pressButton(modal, which);
}

// Types `code` on the keypad of `root`, symbol by symbol (the dashes come by themselves).
void typeOnKeypad(const QObject *root, const QString &code)
{
    for (const QChar c : code) {
        if (c != QLatin1Char('-'))
            click(root, QStringLiteral("key_") + c);
    }
}

} // namespace

class TestLicenseUi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void keypadGroupsByFive();
    void keypadBackspacesOverADash();
    void keypadToggleShowsAndHides();
    void purchaseRefusesAWrongSerial();
    void purchaseInstallsAndOffersToUnlock();
    void purchaseYesOpensUnlock();
    void unlockShowsWhatSupportNeeds();
    void unlockRefusesAnotherComputersPassword();
    void chooserBrowsesToAFolder();
    void transferBetweenTwoComputers();
    void mediaPreparedElsewhereIsRefused();
    void pulledMediaLeavesATransferToFinish();
    void pulledMediaTransferCanBeCancelled();
    void helpMenuOffersTheLicenseActions();
    void titleCountsDownWithTheConsolesEngine();
    void titleFollowsTandemdsLicense();

private:
    // A "computer": its own state directory and machine-id file.
    TandemPaths computer(const QString &name) const
    {
        const QString dir = m_dir->filePath(name);
        QDir().mkpath(dir);
        const QString idFile = dir + QStringLiteral("/machine-id");
        QFile f(idFile);
        if (f.open(QIODevice::WriteOnly))
            f.write(name.toUtf8() + "-0123456789abcdef0123456789\n");
        return {dir + QStringLiteral("/tandem.xml"), dir + QStringLiteral("/state"), idFile};
    }
    Serial serial(quint32 number = 4711) const
    {
        Serial s;
        s.pairs = 2;
        s.issued = QDate(2026, 11, 23);
        s.number = number;
        return s;
    }
    QString computerId(const TandemPaths &paths) const
    {
        return LicenseFile({paths.stateDir, paths.machineIdFile}).status().computerId;
    }
    QString password(const TandemPaths &paths) const
    {
        return UnlockPassword::make(serial(), computerId(paths), m_key);
    }
    void install(const TandemPaths &paths, bool unlocked)
    {
        LicenseFile license({paths.stateDir, paths.machineIdFile});
        QString error;
        QVERIFY2(license.enterSerial(serial().sign(m_key), &error), qPrintable(error));
        if (unlocked)
            QVERIFY2(license.unlock(password(paths), &error), qPrintable(error));
    }
    static LicenseState state(const TandemPaths &paths)
    {
        return LicenseFile({paths.stateDir, paths.machineIdFile}).status().state;
    }
    // Opens the wizard at Step 1 and accepts the agreement.
    void acceptAgreement(TransferWizard *wizard)
    {
        wizard->show();
        QCOMPARE(wizard->currentId(), int(TransferWizard::Agreement));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        click(wizard->currentPage(), QStringLiteral("acceptAgreement"));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        next(wizard);
        QCOMPARE(wizard->currentId(), int(TransferWizard::Prepare));
    }
    static void next(QWizard *wizard)
    {
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    }
    static QString status(QWizard *wizard)
    {
        return labelText(wizard->currentPage(), QStringLiteral("transferStatus"));
    }
    static void chooseMedia(QWizard *wizard, const QString &path)
    {
        child<MediaChooser>(wizard->currentPage(), QStringLiteral("mediaChooser"))->setMedia(path);
    }
    // Answers the Purchase dialog that opens next: the serial, OK, and No to unlocking now.
    void purchaseWhenAsked()
    {
        whenModal([this](QWidget *dialog) {
            QCOMPARE(dialog->objectName(), QStringLiteral("purchaseDialog"));
            QTest::keyClicks(child<QLineEdit>(dialog, "serialEdit"), serial().sign(m_key));
            whenModal([](QWidget *prompt) {
                pressMessageBox(prompt, QStringLiteral("unlockNowPrompt"), QMessageBox::No);
            });
            clickDialogButton(dialog, QDialogButtonBox::Ok);
        });
    }
    // Answers the Unlock dialog that opens next with the password of computer `paths`.
    void unlockWhenAsked(const TandemPaths &paths)
    {
        whenModal([this, paths](QWidget *dialog) {
            QCOMPARE(dialog->objectName(), QStringLiteral("unlockDialog"));
            child<QLineEdit>(dialog, "unlockEdit")->setText(password(paths));
            whenModal([](QWidget *done) {
                pressMessageBox(done, QStringLiteral("unlockedMessage"), QMessageBox::Ok);
            });
            clickDialogButton(dialog, QDialogButtonBox::Ok);
        });
    }
    // The source's Step 3 up to the failed Transfer with the media pulled at `point`.
    void transferWithMediaPulled(TransferWizard *source, const QString &media, const char *point);

    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_key;
};

void TestLicenseUi::initTestCase()
{
    QFile file(test::sourcePath("tests/license/dev-vendor.key"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    m_key = QByteArray::fromHex(file.readAll().trimmed());
    QCOMPARE(m_key.size(), 64);
    // The console's own engine: the tandemd built beside the tests.
    qputenv("TANDEM_TANDEMD", test::tandemdPath().toLocal8Bit());
}

void TestLicenseUi::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestLicenseUi::cleanup()
{
    m_dir.reset();
}

void TestLicenseUi::keypadGroupsByFive()
{
    QWidget window;
    auto *edit = new QLineEdit;
    auto *pad = new Keypad;
    pad->attach(edit);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(edit);
    layout->addWidget(pad);
    QVERIFY(test::shown(&window));

    QCOMPARE(pad->objectName(), QStringLiteral("keypad"));
    // Crockford base32: no I, L, O or U, which read like 1, 1, 0 and V.
    const QList<QPushButton *> keys = pad->findChildren<QPushButton *>();
    QCOMPARE(keys.size(), 32 + 2);
    for (const char *missing : {"key_I", "key_L", "key_O", "key_U"})
        QVERIFY(!pad->findChild<QPushButton *>(QLatin1String(missing)));

    typeOnKeypad(pad, QStringLiteral("ABCDE"));
    QCOMPARE(edit->text(), QStringLiteral("ABCDE"));
    click(pad, QStringLiteral("key_F"));
    QCOMPARE(edit->text(), QStringLiteral("ABCDE-F"));
    typeOnKeypad(pad, QStringLiteral("GHJKM9"));
    QCOMPARE(edit->text(), QStringLiteral("ABCDE-FGHJK-M9"));
    QCOMPARE(edit->cursorPosition(), edit->text().size());

    // Typed on a keyboard, in lower case and with the operator's own dashes and spaces.
    click(pad, QStringLiteral("key_clear"));
    QCOMPARE(edit->text(), QString());
    QTest::keyClicks(edit, QStringLiteral("abcde-fg hjkm"));
    QCOMPARE(edit->text(), QStringLiteral("ABCDE-FGHJK-M"));
    // A symbol typed in the middle regroups what follows.
    edit->setCursorPosition(2);
    click(pad, QStringLiteral("key_7"));
    QCOMPARE(edit->text(), QStringLiteral("AB7CD-EFGHJ-KM"));
    QCOMPARE(edit->cursorPosition(), 3);
}

void TestLicenseUi::keypadBackspacesOverADash()
{
    QLineEdit edit;
    Keypad pad;
    pad.attach(&edit);
    edit.show();
    pad.show();
    typeOnKeypad(&pad, QStringLiteral("ABCDEF"));
    QCOMPARE(edit.text(), QStringLiteral("ABCDE-F"));
    // The last symbol of a group goes with its dash.
    click(&pad, QStringLiteral("key_backspace"));
    QCOMPARE(edit.text(), QStringLiteral("ABCDE"));
    click(&pad, QStringLiteral("key_backspace"));
    QCOMPARE(edit.text(), QStringLiteral("ABCD"));

    // Right behind a dash, Backspace takes the symbol before the dash.
    typeOnKeypad(&pad, QStringLiteral("EFGHJK"));
    QCOMPARE(edit.text(), QStringLiteral("ABCDE-FGHJK"));
    edit.setCursorPosition(6); // "ABCDE-|FGHJK"
    click(&pad, QStringLiteral("key_backspace"));
    QCOMPARE(edit.text(), QStringLiteral("ABCDF-GHJK"));
    QCOMPARE(edit.cursorPosition(), 4);

    // A selection goes as a whole.
    edit.setSelection(0, 7); // "ABCDF-G"
    click(&pad, QStringLiteral("key_backspace"));
    QCOMPARE(edit.text(), QStringLiteral("HJK"));
    click(&pad, QStringLiteral("key_clear"));
    QCOMPARE(edit.text(), QString());
    click(&pad, QStringLiteral("key_backspace")); // nothing to take: no harm
    QCOMPARE(edit.text(), QString());
}

void TestLicenseUi::keypadToggleShowsAndHides()
{
    PurchaseDialog dialog(computer(QStringLiteral("a")));
    QVERIFY(test::shown(&dialog));
    auto *pad = child<Keypad>(&dialog, QStringLiteral("keypad"));
    QVERIFY(!pad->isVisible());
    click(&dialog, QStringLiteral("keypadButton"));
    QVERIFY(pad->isVisible());
    QCOMPARE(pad->attachedEdit(), child<QLineEdit>(&dialog, QStringLiteral("serialEdit")));
    click(&dialog, QStringLiteral("keypadButton"));
    QVERIFY(!pad->isVisible());
}

void TestLicenseUi::purchaseRefusesAWrongSerial()
{
    const TandemPaths a = computer(QStringLiteral("a"));
    PurchaseDialog dialog(a);
    QVERIFY(test::shown(&dialog));
    auto *edit = child<QLineEdit>(&dialog, QStringLiteral("serialEdit"));
    auto *error = child<QLabel>(&dialog, QStringLiteral("licenseError"));
    QVERIFY(!error->isVisible());

    // Too short.
    QTest::keyClicks(edit, QStringLiteral("ABCDE-FGHJK"));
    clickDialogButton(&dialog, QDialogButtonBox::Ok);
    QVERIFY(dialog.isVisible());
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("not a Tandem serial number")),
             qPrintable(error->text()));

    // The right length, one symbol wrong.
    QString wrong = serial().sign(m_key);
    wrong[7] = wrong[7] == QLatin1Char('7') ? QLatin1Char('8') : QLatin1Char('7');
    edit->clear();
    QTest::keyClicks(edit, wrong);
    clickDialogButton(&dialog, QDialogButtonBox::Ok);
    QVERIFY(dialog.isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("not valid")), qPrintable(error->text()));
    QCOMPARE(state(a), LicenseState::Demo);
    QVERIFY(!QFile::exists(a.stateDir + QStringLiteral("/license.json")));
}

void TestLicenseUi::purchaseInstallsAndOffersToUnlock()
{
    const TandemPaths a = computer(QStringLiteral("a"));
    PurchaseDialog dialog(a);
    QVERIFY(test::shown(&dialog));
    // Typed on the keypad, as on a panel PC without a keyboard.
    click(&dialog, QStringLiteral("keypadButton"));
    typeOnKeypad(&dialog, serial().sign(m_key));
    QCOMPARE(child<QLineEdit>(&dialog, QStringLiteral("serialEdit"))->text(), serial().sign(m_key));

    QString question;
    whenModal([&](QWidget *modal) {
        question = qobject_cast<QMessageBox *>(modal)->text();
        pressMessageBox(modal, QStringLiteral("unlockNowPrompt"), QMessageBox::No);
    });
    clickDialogButton(&dialog, QDialogButtonBox::Ok);
    QVERIFY2(question.contains(QStringLiteral("This application has been licensed and may now be "
                                              "unlocked for unlimited use")),
             qPrintable(question));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const LicenseStatus s = LicenseFile({a.stateDir, a.machineIdFile}).status();
    QCOMPARE(s.state, LicenseState::Licensed);
    QCOMPARE(s.graceDaysLeft, LicenseFile::GraceDays);
    QCOMPARE(s.serial->number, 4711u);

    // A second serial would lose the first: refused, and said so.
    PurchaseDialog again(a);
    again.show();
    QTest::keyClicks(child<QLineEdit>(&again, QStringLiteral("serialEdit")),
                     serial(99).sign(m_key));
    clickDialogButton(&again, QDialogButtonBox::Ok);
    QVERIFY(again.isVisible());
    QVERIFY2(labelText(&again, QStringLiteral("licenseError")).contains(QStringLiteral("4711")),
             qPrintable(labelText(&again, QStringLiteral("licenseError"))));
    QCOMPARE(LicenseFile({a.stateDir, a.machineIdFile}).status().serial->number, 4711u);
}

void TestLicenseUi::purchaseYesOpensUnlock()
{
    const TandemPaths a = computer(QStringLiteral("a"));
    PurchaseDialog dialog(a);
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, QStringLiteral("serialEdit")), serial().sign(m_key));
    QString shownSerial, shownId;
    bool unlocked = false;
    whenModal([&](QWidget *prompt) {
        whenModal([&](QWidget *unlock) {
            QCOMPARE(unlock->objectName(), QStringLiteral("unlockDialog"));
            shownSerial = labelText(unlock, QStringLiteral("serialLabel"));
            shownId = labelText(unlock, QStringLiteral("computerIdLabel"));
            child<QLineEdit>(unlock, QStringLiteral("unlockEdit"))->setText(password(a));
            whenModal([&](QWidget *done) {
                unlocked = true;
                pressMessageBox(done, QStringLiteral("unlockedMessage"), QMessageBox::Ok);
            });
            clickDialogButton(unlock, QDialogButtonBox::Ok);
        });
        pressMessageBox(prompt, QStringLiteral("unlockNowPrompt"), QMessageBox::Yes);
    });
    clickDialogButton(&dialog, QDialogButtonBox::Ok);
    QCOMPARE(shownSerial, serial().sign(m_key));
    QCOMPARE(shownId, computerId(a));
    QVERIFY(unlocked);
    QCOMPARE(state(a), LicenseState::Unlocked);
}

void TestLicenseUi::unlockShowsWhatSupportNeeds()
{
    const TandemPaths a = computer(QStringLiteral("a"));
    install(a, false);
    UnlockDialog dialog(a);
    QVERIFY(test::shown(&dialog));
    QCOMPARE(labelText(&dialog, QStringLiteral("serialLabel")), serial().sign(m_key));
    QCOMPARE(labelText(&dialog, QStringLiteral("computerIdLabel")), computerId(a));
    QVERIFY(child<QLabel>(&dialog, QStringLiteral("computerIdLabel"))->textInteractionFlags() &
            Qt::TextSelectableByMouse);
    QVERIFY(child<QLabel>(&dialog, QStringLiteral("serialLabel"))->textInteractionFlags() &
            Qt::TextSelectableByMouse);
    click(&dialog, QStringLiteral("copyComputerId"));
    QCOMPARE(QApplication::clipboard()->text(), computerId(a));
    // Cancel is safe: the grace period goes on.
    QVERIFY2(labelText(&dialog, QStringLiteral("graceNote")).contains(QStringLiteral("10 day")),
             qPrintable(labelText(&dialog, QStringLiteral("graceNote"))));

    // Typed on the keypad.
    click(&dialog, QStringLiteral("keypadButton"));
    typeOnKeypad(&dialog, password(a));
    QCOMPARE(child<QLineEdit>(&dialog, QStringLiteral("unlockEdit"))->text(), password(a));
    QString done;
    whenModal([&](QWidget *modal) {
        done = qobject_cast<QMessageBox *>(modal)->text();
        pressMessageBox(modal, QStringLiteral("unlockedMessage"), QMessageBox::Ok);
    });
    clickDialogButton(&dialog, QDialogButtonBox::Ok);
    QVERIFY2(done.contains(QStringLiteral("unlocked")), qPrintable(done));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(state(a), LicenseState::Unlocked);
}

void TestLicenseUi::unlockRefusesAnotherComputersPassword()
{
    const TandemPaths a = computer(QStringLiteral("a"));
    const TandemPaths b = computer(QStringLiteral("b"));
    install(a, false);
    UnlockDialog dialog(a);
    QVERIFY(test::shown(&dialog));
    QTest::keyClicks(child<QLineEdit>(&dialog, QStringLiteral("unlockEdit")), password(b));
    clickDialogButton(&dialog, QDialogButtonBox::Ok);
    QVERIFY(dialog.isVisible());
    const QString error = labelText(&dialog, QStringLiteral("licenseError"));
    QVERIFY2(error.contains(QStringLiteral("does not fit")) && error.contains(computerId(a)),
             qPrintable(error));
    QCOMPARE(state(a), LicenseState::Licensed);

    // An empty field asks for the password.
    child<QLineEdit>(&dialog, QStringLiteral("unlockEdit"))->clear();
    clickDialogButton(&dialog, QDialogButtonBox::Ok);
    QVERIFY(labelText(&dialog, QStringLiteral("licenseError")).contains(QStringLiteral("Enter")));

    // No serial yet: nothing to unlock, and the dialog says where to start.
    UnlockDialog demo(b);
    QVERIFY(!child<QLineEdit>(&demo, QStringLiteral("unlockEdit"))->isEnabled());
    QVERIFY(labelText(&demo, QStringLiteral("licenseError"))
                .contains(QStringLiteral("Purchase a License")));
}

void TestLicenseUi::chooserBrowsesToAFolder()
{
    QTemporaryDir media;
    MediaChooser chooser;
    chooser.show();
    QSignalSpy changed(&chooser, &MediaChooser::mediaChanged);
    whenModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<QFileDialog *>(modal);
        QVERIFY(dialog);
        QCOMPARE(dialog->objectName(), QStringLiteral("mediaFolderDialog"));
        // What an operator does: go to the folder and choose it. Driven through the
        // dialog's API, not its keys: typing and Enter went through its directory model,
        // which loads in a thread and under load left the dialog open until the timeout.
        dialog->setDirectory(media.path());
        if (auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")))
            name->clear();
        static_cast<QDialog *>(dialog)->done(QDialog::Accepted);
    });
    click(&chooser, QStringLiteral("browseMedia"));
    QCOMPARE(chooser.media(), QDir::cleanPath(media.path()));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.constLast().constFirst().toString(), chooser.media());

    // Refresh keeps a browsed folder and the choice.
    click(&chooser, QStringLiteral("refreshMedia"));
    QCOMPARE(chooser.media(), QDir::cleanPath(media.path()));
    auto *combo = child<QComboBox>(&chooser, QStringLiteral("mediaCombo"));
    QCOMPARE(combo->findData(chooser.media()), combo->currentIndex());
}

void TestLicenseUi::transferBetweenTwoComputers()
{
    const TandemPaths target = computer(QStringLiteral("target"));
    const TandemPaths source = computer(QStringLiteral("source"));
    install(source, true);
    QTemporaryDir media;

    // Target, Step 2: prepare the media.
    TransferWizard a(target);
    QCOMPARE(a.objectName(), QStringLiteral("transferWizard"));
    acceptAgreement(&a);
    QVERIFY(!a.button(QWizard::NextButton)->isEnabled());
    QVERIFY2(status(&a).contains(QStringLiteral("Status: Waiting to prepare a license disk.")),
             qPrintable(status(&a)));
    chooseMedia(&a, media.path());
    click(a.currentPage(), QStringLiteral("prepareButton"));
    QVERIFY2(status(&a).contains(QStringLiteral("is prepared")), qPrintable(status(&a)));
    QCOMPARE(LicenseTransfer::inspect(media.path()).state, LicenseTransfer::MediaState::Prepared);
    next(&a);
    QCOMPARE(a.currentId(), int(TransferWizard::TransferOut));

    // Source, Step 2: the media is prepared already; a Prepare by mistake is refused.
    TransferWizard b(source);
    acceptAgreement(&b);
    chooseMedia(&b, media.path());
    click(b.currentPage(), QStringLiteral("prepareButton"));
    QVERIFY2(status(&b).contains(QStringLiteral("skip to Step 3")), qPrintable(status(&b)));
    click(b.currentPage(), QStringLiteral("skipToTransferOut"));
    QCOMPARE(b.currentId(), int(TransferWizard::TransferOut));

    // Source, Step 3: the license goes onto the media.
    chooseMedia(&b, media.path());
    const QString info = labelText(b.currentPage(), QStringLiteral("mediaInfo"));
    QVERIFY2(info.contains(computerId(target)), qPrintable(info));
    QVERIFY(!b.button(QWizard::NextButton)->isEnabled());
    QVERIFY(
        !child<QPushButton>(b.currentPage(), QStringLiteral("abortTransferButton"))->isVisible());
    click(b.currentPage(), QStringLiteral("transferOutButton"));
    QVERIFY2(status(&b).contains(computerId(target)), qPrintable(status(&b)));
    QCOMPARE(state(source), LicenseState::Demo);
    QCOMPARE(LicenseTransfer::inspect(media.path()).state,
             LicenseTransfer::MediaState::HoldsLicense);
    next(&b);
    QCOMPARE(b.currentId(), int(TransferWizard::Completion));
    QVERIFY(
        labelText(b.currentPage(), QStringLiteral("completionText")).contains(computerId(target)));
    QVERIFY(labelText(b.currentPage(), QStringLiteral("licenseSummary"))
                .contains(QStringLiteral("Demo")));
    QTest::mouseClick(b.button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(b.result(), int(QDialog::Accepted));

    // Target, Step 3 happened elsewhere; Step 4: the license comes in.
    click(a.currentPage(), QStringLiteral("skipToTransferIn"));
    QCOMPARE(a.currentId(), int(TransferWizard::TransferIn));
    // The media prepared in Step 2 is chosen already.
    QCOMPARE(child<MediaChooser>(a.currentPage(), QStringLiteral("mediaChooser"))->media(),
             QDir::cleanPath(media.path()));
    QVERIFY(!a.button(QWizard::NextButton)->isEnabled());
    click(a.currentPage(), QStringLiteral("transferInButton"));
    QVERIFY2(status(&a).contains(QStringLiteral("installed")), qPrintable(status(&a)));
    next(&a);
    QCOMPARE(a.currentId(), int(TransferWizard::Completion));
    QVERIFY(labelText(a.currentPage(), QStringLiteral("completionText"))
                .startsWith(QStringLiteral("Congratulations!")));
    const QString unlockNote = labelText(a.currentPage(), QStringLiteral("unlockNote"));
    QVERIFY2(unlockNote.contains(computerId(target)) && unlockNote.contains(serial().sign(m_key)) &&
                 unlockNote.contains(QStringLiteral("Unlock a License")),
             qPrintable(unlockNote));
    QTest::mouseClick(a.button(QWizard::FinishButton), Qt::LeftButton);

    // One license, on the target, in a new grace period (the unlock was the source's).
    QCOMPARE(state(source), LicenseState::Demo);
    const LicenseStatus s = LicenseFile({target.stateDir, target.machineIdFile}).status();
    QCOMPARE(s.state, LicenseState::Licensed);
    QCOMPARE(s.serialText, serial().sign(m_key));
    QCOMPARE(LicenseTransfer::inspect(media.path()).state, LicenseTransfer::MediaState::Empty);
    QVERIFY(!QFile::exists(LicenseTransfer::mediaFolder(media.path()) +
                           QStringLiteral("/license.sealed")));
}

void TestLicenseUi::mediaPreparedElsewhereIsRefused()
{
    const TandemPaths target = computer(QStringLiteral("target"));
    const TandemPaths source = computer(QStringLiteral("source"));
    const TandemPaths third = computer(QStringLiteral("third"));
    install(source, false);
    QTemporaryDir media, otherMedia;
    QString error;
    LicenseFile targetLicense({target.stateDir, target.machineIdFile});
    QVERIFY2(LicenseTransfer(&targetLicense).prepare(media.path(), &error), qPrintable(error));
    LicenseFile sourceLicense({source.stateDir, source.machineIdFile});
    QVERIFY2(LicenseTransfer(&sourceLicense).out(media.path(), &error), qPrintable(error));

    // A third computer that never prepared media holds no key for it.
    TransferWizard c(third);
    acceptAgreement(&c);
    click(c.currentPage(), QStringLiteral("skipToTransferOut"));
    click(c.currentPage(), QStringLiteral("skipToTransferIn"));
    QCOMPARE(c.currentId(), int(TransferWizard::TransferIn));
    // Nothing chosen yet: said so.
    child<QComboBox>(c.currentPage(), QStringLiteral("mediaCombo"))->setCurrentIndex(-1);
    click(c.currentPage(), QStringLiteral("transferInButton"));
    QVERIFY2(status(&c).contains(QStringLiteral("Choose the media")), qPrintable(status(&c)));
    chooseMedia(&c, media.path());
    click(c.currentPage(), QStringLiteral("transferInButton"));
    QVERIFY2(status(&c).contains(computerId(target)) && status(&c).contains(computerId(third)),
             qPrintable(status(&c)));
    QVERIFY(child<QLabel>(c.currentPage(), QStringLiteral("transferStatus"))
                ->styleSheet()
                .contains(QStringLiteral("color")));
    QCOMPARE(c.currentId(), int(TransferWizard::TransferIn));
    QVERIFY(!c.button(QWizard::NextButton)->isEnabled());
    QCOMPARE(state(third), LicenseState::Demo);

    // One that prepared other media has a key, but not the one this license is sealed to.
    LicenseFile thirdLicense({third.stateDir, third.machineIdFile});
    QVERIFY2(LicenseTransfer(&thirdLicense).prepare(otherMedia.path(), &error), qPrintable(error));
    click(c.currentPage(), QStringLiteral("transferInButton"));
    QVERIFY2(status(&c).contains(QStringLiteral("not for this one")) &&
                 status(&c).contains(computerId(target)),
             qPrintable(status(&c)));
    QCOMPARE(state(third), LicenseState::Demo);

    // The media is still good for the computer it was prepared on.
    QCOMPARE(LicenseTransfer::inspect(media.path()).state,
             LicenseTransfer::MediaState::HoldsLicense);
    QVERIFY2(LicenseTransfer(&targetLicense).in(media.path(), &error), qPrintable(error));
    QCOMPARE(state(target), LicenseState::Licensed);
}

void TestLicenseUi::transferWithMediaPulled(TransferWizard *source, const QString &media,
                                            const char *point)
{
    acceptAgreement(source);
    click(source->currentPage(), QStringLiteral("skipToTransferOut"));
    chooseMedia(source, media);
    qputenv("TANDEM_TEST_PULL_MEDIA_AT", point);
    qputenv("TANDEM_TEST_PULL_MEDIA_DIR", LicenseTransfer::mediaFolder(media).toLocal8Bit());
    click(source->currentPage(), QStringLiteral("transferOutButton"));
    qunsetenv("TANDEM_TEST_PULL_MEDIA_AT");
    qunsetenv("TANDEM_TEST_PULL_MEDIA_DIR");
    QVERIFY2(status(source).contains(QStringLiteral("not transferred")),
             qPrintable(status(source)));
    QVERIFY(!source->button(QWizard::NextButton)->isEnabled());
    QWizardPage *page = source->currentPage();
    QVERIFY(child<QPushButton>(page, QStringLiteral("abortTransferButton"))->isVisible());
    QVERIFY2(
        labelText(page, QStringLiteral("pendingTransfer")).contains(QStringLiteral("unfinished")),
        qPrintable(labelText(page, QStringLiteral("pendingTransfer"))));
}

void TestLicenseUi::pulledMediaLeavesATransferToFinish()
{
    const TandemPaths target = computer(QStringLiteral("target"));
    const TandemPaths source = computer(QStringLiteral("source"));
    install(source, true);
    QTemporaryDir media;
    QString error;
    LicenseFile targetLicense({target.stateDir, target.machineIdFile});
    QVERIFY2(LicenseTransfer(&targetLicense).prepare(media.path(), &error), qPrintable(error));

    // The stick is pulled after the license was given up here.
    TransferWizard b(source);
    transferWithMediaPulled(&b, media.path(), "out:license-removed");
    QCOMPARE(state(source), LicenseState::Demo);

    // It is back (without what was on it): Transfer finishes what was begun.
    QVERIFY(QDir().mkpath(LicenseTransfer::mediaFolder(media.path())));
    click(b.currentPage(), QStringLiteral("transferOutButton"));
    QVERIFY2(status(&b).contains(QStringLiteral("has left this computer")), qPrintable(status(&b)));
    QVERIFY(
        !child<QPushButton>(b.currentPage(), QStringLiteral("abortTransferButton"))->isVisible());
    next(&b);
    QCOMPARE(b.currentId(), int(TransferWizard::Completion));
    QCOMPARE(LicenseTransfer::inspect(media.path()).state,
             LicenseTransfer::MediaState::HoldsLicense);
}

void TestLicenseUi::pulledMediaTransferCanBeCancelled()
{
    const TandemPaths target = computer(QStringLiteral("target"));
    const TandemPaths source = computer(QStringLiteral("source"));
    install(source, true);
    QTemporaryDir media;
    QString error;
    LicenseFile targetLicense({target.stateDir, target.machineIdFile});
    QVERIFY2(LicenseTransfer(&targetLicense).prepare(media.path(), &error), qPrintable(error));

    TransferWizard b(source);
    transferWithMediaPulled(&b, media.path(), "out:license-removed");

    // The stick went before the license was armed on it: the license comes back here.
    click(b.currentPage(), QStringLiteral("abortTransferButton"));
    QVERIFY2(status(&b).contains(QStringLiteral("stays on this computer")), qPrintable(status(&b)));
    QVERIFY(
        !child<QPushButton>(b.currentPage(), QStringLiteral("abortTransferButton"))->isVisible());
    QVERIFY(!child<QLabel>(b.currentPage(), QStringLiteral("pendingTransfer"))->isVisible());
    QCOMPARE(state(source), LicenseState::Unlocked);
    QVERIFY(!b.button(QWizard::NextButton)->isEnabled());
    // Back in the drive, the media holds no license.
    QVERIFY(LicenseTransfer::inspect(media.path()).state !=
            LicenseTransfer::MediaState::HoldsLicense);
}

void TestLicenseUi::helpMenuOffersTheLicenseActions()
{
    const TandemPaths a = computer(QStringLiteral("a"));
    ConfigDocument doc(a);
    doc.load();
    MainWindow window(&doc);
    QVERIFY(test::shown(&window));

    auto *help = child<QMenu>(&window, QStringLiteral("menuHelp"));
    QCOMPARE(help->actions().constFirst()->objectName(), QStringLiteral("actionHelpContents"));
    QStringList names;
    for (QAction *action : help->actions())
        names << action->objectName();
    for (const char *name : {"actionPurchaseLicense", "actionUnlockLicense",
                             "actionTransferLicense", "actionTechnicalSupport", "actionAbout"})
        QVERIFY2(names.contains(QLatin1String(name)), name);
    auto *unlock = child<QAction>(&window, QStringLiteral("actionUnlockLicense"));
    QVERIFY(!unlock->isEnabled());

    purchaseWhenAsked();
    child<QAction>(&window, QStringLiteral("actionPurchaseLicense"))->trigger();
    QCOMPARE(state(a), LicenseState::Licensed);
    QVERIFY(unlock->isEnabled());

    QString support;
    whenModal([&](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        support = box->text() + box->informativeText();
        pressMessageBox(modal, QStringLiteral("technicalSupportMessage"), QMessageBox::Ok);
    });
    child<QAction>(&window, QStringLiteral("actionTechnicalSupport"))->trigger();
    QVERIFY2(support.contains(QStringLiteral("support@tandem.example")) &&
                 support.contains(computerId(a)),
             qPrintable(support));

    QString about;
    whenModal([&](QWidget *modal) {
        about = qobject_cast<QMessageBox *>(modal)->text();
        qobject_cast<QMessageBox *>(modal)->accept();
    });
    child<QAction>(&window, QStringLiteral("actionAbout"))->trigger();
    QVERIFY2(about.contains(QStringLiteral(TANDEM_VERSION)) && about.contains(computerId(a)) &&
                 about.contains(QStringLiteral("Licensed")),
             qPrintable(about));

    // Unlocked, there is nothing left to unlock.
    unlockWhenAsked(a);
    unlock->trigger();
    QCOMPARE(state(a), LicenseState::Unlocked);
    QVERIFY(!unlock->isEnabled());

    // The wizard opens from the menu too.
    whenModal([](QWidget *wizard) {
        QCOMPARE(wizard->objectName(), QStringLiteral("transferWizard"));
        qobject_cast<QWizard *>(wizard)->reject();
    });
    child<QAction>(&window, QStringLiteral("actionTransferLicense"))->trigger();
}

void TestLicenseUi::titleCountsDownWithTheConsolesEngine()
{
    const TandemPaths a = computer(QStringLiteral("a"));
    ConfigDocument doc(a);
    doc.load();
    EngineSession engine(a);
    const ConfigIssues issues = engine.start();
    QVERIFY2(issues.isEmpty(), qPrintable(joinIssues(issues)));
    QVERIFY(engine.isRunning() && !engine.isRemote());
    MainWindow window(&doc, &engine);
    window.show();

    // The console tells its own engine of a new serial without blocking on it; the
    // engine's event comes back through the event history (its start posted the demo).
    bool licenseChanged = false;
    connect(engine.eventFeed(), &EventFeed::eventsArrived, this,
            [&licenseChanged](const QList<Event> &events) {
                for (const Event &event : events)
                    licenseChanged |= event.id == QLatin1String("license-changed") &&
                                      event.text.contains(QLatin1String("Licensed ("));
            });
    purchaseWhenAsked();
    child<QAction>(&window, QStringLiteral("actionPurchaseLicense"))->trigger();
    QTRY_VERIFY(licenseChanged);

    // The engine in the console re-reads the license and the title follows.
    QTRY_VERIFY_WITH_TIMEOUT(window.windowTitle().contains(QStringLiteral("Days Left to Unlock")),
                             3000);
}

void TestLicenseUi::titleFollowsTandemdsLicense()
{
    test::TandemdProcess daemon;
    QVERIFY(daemon.writeConfig(Configuration::createNew(), {}));
    const TandemPaths a = computer(QStringLiteral("a"));
    const TandemPaths paths{daemon.configFile(), daemon.stateDir(), a.machineIdFile};
    QVERIFY(daemon.start({QStringLiteral("--machine-id-file"), a.machineIdFile}));
    ConfigDocument doc(paths);
    doc.load();
    EngineSession engine(paths);
    engine.start();
    QVERIFY(engine.isRemote());
    MainWindow window(&doc, &engine);
    window.show();
    QTRY_VERIFY2(window.windowTitle().contains(QStringLiteral(" (Demo Expires 0")),
                 qPrintable(window.windowTitle()));
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("Tandem")));
    // hh:mm:ss
    const QString title = window.windowTitle();
    const QString clock = title.mid(title.indexOf(QStringLiteral("Expires ")) + 8, 8);
    QVERIFY2(QTime::fromString(clock, QStringLiteral("hh:mm:ss")).isValid(), qPrintable(title));

    purchaseWhenAsked();
    child<QAction>(&window, QStringLiteral("actionPurchaseLicense"))->trigger();
    QTRY_VERIFY2(window.windowTitle().endsWith(QStringLiteral(" (10 Days Left to Unlock)")),
                 qPrintable(window.windowTitle()));
    QVERIFY(child<QAction>(&window, QStringLiteral("actionUnlockLicense"))->isEnabled());

    unlockWhenAsked(a);
    child<QAction>(&window, QStringLiteral("actionUnlockLicense"))->trigger();
    QTRY_COMPARE(window.windowTitle(), QStringLiteral("Tandem"));
}

QTEST_MAIN(TestLicenseUi)
#include "tst_licenseui.moc"
