// The console's OPC UA login with a real keychain: gnome-keyring's Secret Service in a
// private D-Bus session (tests/support/with-keyring). A password typed in the General tab
// lands in the keychain (and not in tandem.xml), the page then says one is stored, and
// the Monitor Item dialog's item browser logs in with it to a node-opcua peer that
// refuses anonymous sessions.
#include "opcuapeer.h"

#include "config/configdocument.h"
#include "dialogs/monitoritemdialog.h"
#include "opcua/itembrowserdialog.h"
#include "pages/generalpage.h"
#include "secrets/passwordstore.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace tandem;
using tandem::test::OpcUaPeer;

namespace {

constexpr int WaitMs = 20000;
const QString User = QStringLiteral("operator");
const QString Password = QStringLiteral("correct horse");

QTreeWidgetItem *childNamed(QTreeWidgetItem *parent, const QString &name)
{
    for (int i = 0; parent && i < parent->childCount(); ++i) {
        if (parent->child(i)->text(0) == name)
            return parent->child(i);
    }
    return nullptr;
}

} // namespace

class TestOpcUaIdentityUi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void typedPasswordIsStoredAndNotShown();
    void browserLogsInWithTheStoredPassword();
    void browseWithoutStoredPasswordSaysSo();
    void anonymousBrowserIsRefused();

private:
    PairConfig pair(const QString &user) const;

    OpcUaPeer m_peer;
};

void TestOpcUaIdentityUi::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run this test through tests/support/with-keyring");
    QVERIFY2(m_peer.start({.user = User, .password = Password, .anonymous = false}),
             "the node-opcua peer did not start (scripts/install-deps?)");
}

void TestOpcUaIdentityUi::init()
{
    for (const QString &user : {User, QStringLiteral("nobody")}) {
        const PasswordStore::Result removed =
            PasswordStore::removeBlocking(PasswordStore::opcUaKey(user));
        QVERIFY2(removed.ok || removed.notFound, qPrintable(removed.error));
    }
}

PairConfig TestOpcUaIdentityUi::pair(const QString &user) const
{
    PairConfig p;
    p.name = QStringLiteral("line1");
    p.protocol = Protocol::OpcUa;
    p.endpoint = QStringLiteral("opc.tcp://127.0.0.1:4841");
    p.primary = m_peer.address();
    p.secondary = QStringLiteral("127.0.0.1:4842");
    p.user = user;
    return p;
}

void TestOpcUaIdentityUi::typedPasswordIsStoredAndNotShown()
{
    QTemporaryDir dir;
    const TandemPaths paths{dir.filePath(QStringLiteral("tandem.xml")),
                            dir.filePath(QStringLiteral("state"))};
    ConfigDocument document(paths);
    QVERIFY(document.load().isEmpty());
    QVERIFY(document.addPair(pair(User)).isEmpty());
    GeneralPage page(&document);
    page.setPair(QStringLiteral("line1"));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    auto *password = page.findChild<QLineEdit *>(QStringLiteral("opcUaPassword"));
    auto *state = page.findChild<QLabel *>(QStringLiteral("opcUaPasswordState"));
    QVERIFY(password && state);
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("No password stored for operator"),
                              WaitMs);
    QCOMPARE(password->placeholderText(), QStringLiteral("No password stored for operator"));

    password->setFocus();
    QTest::keyClicks(password, Password);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Stored in the system keychain"),
                              WaitMs);
    const PasswordStore::Result stored = PasswordStore::readBlocking(PasswordStore::opcUaKey(User));
    QVERIFY2(stored.ok, qPrintable(stored.error));
    QCOMPARE(stored.password, Password);
    QCOMPARE(password->text(), QString()); // the field never holds a stored password
    QCOMPARE(password->placeholderText(), QStringLiteral("A password is stored"));

    // Shown again, the page asks the keychain and finds it; the field stays empty.
    page.setPair(QString());
    page.setPair(QStringLiteral("line1"));
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("A password is stored"), WaitMs);
    QCOMPARE(password->text(), QString());
    QCOMPARE(password->placeholderText(), QStringLiteral("A password is stored"));

    QVERIFY(document.save().isEmpty());
    QFile file(paths.configFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY(saved.contains("<user>operator</user>"));
    QVERIFY(!saved.contains(Password.toUtf8()));
}

void TestOpcUaIdentityUi::browserLogsInWithTheStoredPassword()
{
    QVERIFY(PasswordStore::writeBlocking(PasswordStore::opcUaKey(User), Password).ok);
    MonitorItemDialog dialog(pair(User), MonitorItem{});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *browse = dialog.findChild<QToolButton *>(QStringLiteral("browseItems"));
    QVERIFY(browse);
    QTest::mouseClick(browse, Qt::LeftButton);

    // The keychain answers first, then the browser opens logged in as operator.
    QPointer<ItemBrowserDialog> browser;
    QTRY_VERIFY_WITH_TIMEOUT((browser = dialog.findChild<ItemBrowserDialog *>()), WaitMs);
    QVERIFY(browser->isVisible());
    auto *tree = browser->findChild<QTreeWidget *>(QStringLiteral("itemTree"));
    QVERIFY(tree);
    QTRY_VERIFY_WITH_TIMEOUT(childNamed(tree->topLevelItem(0), QStringLiteral("Plant")), WaitMs);
    auto *browseError = browser->findChild<QLabel *>(QStringLiteral("browseError"));
    QVERIFY(browseError && !browseError->isVisible());
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("itemError"))->isVisible());
    browser->reject();
}

void TestOpcUaIdentityUi::browseWithoutStoredPasswordSaysSo()
{
    MonitorItemDialog dialog(pair(QStringLiteral("nobody")), MonitorItem{});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.findChild<QToolButton *>(QStringLiteral("browseItems")),
                      Qt::LeftButton);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("itemError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), WaitMs);
    QVERIFY2(error->text().contains(QStringLiteral("no password is stored")),
             qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("nobody")), qPrintable(error->text()));
    QVERIFY(!dialog.findChild<ItemBrowserDialog *>());
}

void TestOpcUaIdentityUi::anonymousBrowserIsRefused()
{
    // The control: without the user name the same peer refuses the session, so the Plant
    // folder above was the stored password's doing.
    ItemBrowserDialog browser(m_peer.url());
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    auto *browseError = browser.findChild<QLabel *>(QStringLiteral("browseError"));
    QVERIFY(browseError);
    QTRY_VERIFY_WITH_TIMEOUT(browseError->isVisible(), WaitMs);
    QVERIFY2(browseError->text().contains(QStringLiteral("anonymous")),
             qPrintable(browseError->text()));
    auto *tree = browser.findChild<QTreeWidget *>(QStringLiteral("itemTree"));
    QVERIFY(!childNamed(tree->topLevelItem(0), QStringLiteral("Plant")));
}

QTEST_MAIN(TestOpcUaIdentityUi)
#include "tst_opcuaidentityui.moc"
