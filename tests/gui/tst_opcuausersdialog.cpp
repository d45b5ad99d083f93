// Tools › OPC UA Users…: the users of the pairs' OPC UA endpoints as the console manages
// them, in the same file tandemctl opcua user writes: added with the password typed twice
// (hashed on a worker thread), limited to chosen pairs, marked operator, removed; a damaged
// file is named and nothing can be changed until it is repaired.
#include "dialogs/opcuausersdialog.h"
#include "modaldialogs.h"
#include "opcua/opcuauserstore.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace tandem;
using tandem::test::child;
using tandem::test::whenModal;

namespace {
constexpr int HashWaitMs = 20000;
}

class TestOpcUaUsersDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addRemoveAndTheFileAgree();
    void editorChecksWhatIsTyped();
    void damagedFileIsNamedAndKept();
};

void TestOpcUaUsersDialog::addRemoveAndTheFileAgree()
{
    QTemporaryDir state;
    OpcUaUsersDialog dialog(state.path(), {QStringLiteral("line1"), QStringLiteral("line2")});
    dialog.show();
    auto *list = child<QTreeWidget>(&dialog, "opcUaUsers");
    QCOMPARE(list->topLevelItemCount(), 0);

    whenModal([](QWidget *modal) {
        QCOMPARE(modal->objectName(), QStringLiteral("opcUaUserEditor"));
        QTest::keyClicks(child<QLineEdit>(modal, "opcUaUserName"), QStringLiteral("alice"));
        QTest::keyClicks(child<QLineEdit>(modal, "opcUaUserPassword"),
                         QStringLiteral("correct horse"));
        QTest::keyClicks(child<QLineEdit>(modal, "opcUaUserPasswordAgain"),
                         QStringLiteral("correct horse"));
        child<QCheckBox>(modal, "opcUaUserAllPairs")->click();
        auto *pairs = child<QListWidget>(modal, "opcUaUserPairs");
        pairs->item(1)->setCheckState(Qt::Checked);
        child<QCheckBox>(modal, "opcUaUserOperator")->click();
        auto *buttons = modal->findChild<QDialogButtonBox *>();
        QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
        buttons->button(QDialogButtonBox::Ok)->click();
    });
    child<QPushButton>(&dialog, "addOpcUaUser")->click();
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, HashWaitMs);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("alice"));
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("line2"));
    QTRY_VERIFY(child<QPushButton>(&dialog, "addOpcUaUser")->isEnabled());

    // The file holds her, hashed, as tandemctl would read her.
    opcua::OpcUaUserStore store(state.path());
    QString error;
    QVERIFY2(store.load(&error), qPrintable(error));
    const auto alice = store.user(QStringLiteral("alice"));
    QVERIFY(alice);
    QVERIFY(alice->isOperator);
    QCOMPARE(alice->pairs, QStringList{QStringLiteral("line2")});
    QVERIFY(opcua::OpcUaUserStore::verifyPassword(alice->hash, "correct horse"));

    list->setCurrentItem(list->topLevelItem(0));
    whenModal([](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
    });
    child<QPushButton>(&dialog, "removeOpcUaUser")->click();
    QTRY_COMPARE(list->topLevelItemCount(), 0);
    QVERIFY(store.load(&error));
    QVERIFY(store.users().isEmpty());
}

void TestOpcUaUsersDialog::editorChecksWhatIsTyped()
{
    OpcUaUserEditor editor({QStringLiteral("line1")});
    editor.show();
    auto *ok = editor.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *problem = child<QLabel>(&editor, "opcUaUserProblem");
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(child<QLineEdit>(&editor, "opcUaUserName"), QStringLiteral("bob"));
    QTest::keyClicks(child<QLineEdit>(&editor, "opcUaUserPassword"), QStringLiteral("short"));
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("8 to 1024 bytes")),
             qPrintable(problem->text()));
    QTest::keyClicks(child<QLineEdit>(&editor, "opcUaUserPassword"), QStringLiteral(" enough"));
    QTest::keyClicks(child<QLineEdit>(&editor, "opcUaUserPasswordAgain"), QStringLiteral("short!"));
    QVERIFY2(problem->text().contains(QStringLiteral("differ")), qPrintable(problem->text()));
    QVERIFY(!ok->isEnabled());
    test::retype(child<QLineEdit>(&editor, "opcUaUserPasswordAgain"),
                 QStringLiteral("short enough"));
    QVERIFY(ok->isEnabled());
    // Some pairs, but none chosen.
    child<QCheckBox>(&editor, "opcUaUserAllPairs")->click();
    QVERIFY(!ok->isEnabled());
    QVERIFY2(problem->text().contains(QStringLiteral("Choose the pairs")),
             qPrintable(problem->text()));
}

void TestOpcUaUsersDialog::damagedFileIsNamedAndKept()
{
    QTemporaryDir state;
    const QString path = opcua::OpcUaUserStore::pathIn(state.path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ damaged");
    file.close();
    OpcUaUsersDialog dialog(state.path(), {});
    dialog.show();
    auto *error = child<QLabel>(&dialog, "opcUaUsersError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(path), qPrintable(error->text()));
    QVERIFY(!child<QPushButton>(&dialog, "addOpcUaUser")->isEnabled());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("{ damaged"));
}

QTEST_MAIN(TestOpcUaUsersDialog)
#include "tst_opcuausersdialog.moc"
