// The console's OPC UA login with a real keychain: gnome-keyring's Secret Service in a
// private D-Bus session (tests/support/with-keyring). A password typed in the General tab
// lands in the keychain (and not in tandem.xml), the page then says one is stored, and
// the Monitor Item dialog's item browser logs in with it to a node-opcua peer that
// refuses anonymous sessions.
#include "consolefiles.h"
#include "opcuapeer.h"
#include "testpairs.h"
#include "widgetlookup.h"

#include "dialogs/monitoritemdialog.h"
#include "opcua/itembrowserdialog.h"
#include "pages/generalpage.h"
#include "secrets/passwordstore.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace tandem;
using tandem::test::child;
using tandem::test::itemNamed;
using tandem::test::OpcUaPeer;

namespace {

constexpr int WaitMs = 20000;
const QString User = QStringLiteral("operator");
const QString Password = QStringLiteral("correct horse");

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
    void machinePasswordIsStoredForThatMachineOnly();

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
    PairConfig p =
        test::plainPair(QStringLiteral("line1"), QStringLiteral("opc.tcp://127.0.0.1:4841"),
                        m_peer.address(), QStringLiteral("127.0.0.1:4842"), Protocol::OpcUa);
    p.user = user;
    return p;
}

void TestOpcUaIdentityUi::typedPasswordIsStoredAndNotShown()
{
    test::ConsoleFiles files;
    QVERIFY(files.open());
    ConfigDocument &document = *files.document();
    QVERIFY(document.addPair(pair(User)).isEmpty());
    GeneralPage page(&document);
    page.setPair(QStringLiteral("line1"));
    QVERIFY(test::shown(&page));

    auto *password = child<QLineEdit>(&page, "opcUaPassword");
    auto *state = child<QLabel>(&page, "opcUaPasswordState");
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
    QFile file(files.paths().configFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY(saved.contains("<user>operator</user>"));
    QVERIFY(!saved.contains(Password.toUtf8()));
}

void TestOpcUaIdentityUi::browserLogsInWithTheStoredPassword()
{
    QVERIFY(PasswordStore::writeBlocking(PasswordStore::opcUaKey(User), Password).ok);
    MonitorItemDialog dialog(pair(User), MonitorItem{});
    QVERIFY(test::shown(&dialog));
    auto *browse = child<QToolButton>(&dialog, "browseItems");
    QVERIFY(browse);
    QTest::mouseClick(browse, Qt::LeftButton);

    // The keychain answers first, then the browser opens logged in as operator.
    QPointer<ItemBrowserDialog> browser;
    QTRY_VERIFY_WITH_TIMEOUT((browser = dialog.findChild<ItemBrowserDialog *>()), WaitMs);
    QVERIFY(browser->isVisible());
    auto *tree = child<QTreeWidget>(browser, "itemTree");
    QVERIFY(tree);
    QTRY_VERIFY_WITH_TIMEOUT(itemNamed(tree->topLevelItem(0), QStringLiteral("Plant")), WaitMs);
    auto *browseError = child<QLabel>(browser, "browseError");
    QVERIFY(browseError && !browseError->isVisible());
    QVERIFY(!child<QLabel>(&dialog, "itemError")->isVisible());
    browser->reject();
}

void TestOpcUaIdentityUi::browseWithoutStoredPasswordSaysSo()
{
    MonitorItemDialog dialog(pair(QStringLiteral("nobody")), MonitorItem{});
    QVERIFY(test::shown(&dialog));
    QTest::mouseClick(child<QToolButton>(&dialog, "browseItems"), Qt::LeftButton);
    auto *error = child<QLabel>(&dialog, "itemError");
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
    QVERIFY(test::shown(&browser));
    auto *browseError = child<QLabel>(&browser, "browseError");
    QVERIFY(browseError);
    QTRY_VERIFY_WITH_TIMEOUT(browseError->isVisible(), WaitMs);
    QVERIFY2(browseError->text().contains(QStringLiteral("anonymous")),
             qPrintable(browseError->text()));
    auto *tree = child<QTreeWidget>(&browser, "itemTree");
    QVERIFY(!itemNamed(tree->topLevelItem(0), QStringLiteral("Plant")));
}

// The General tab's password of one machine lands in the keychain under that machine's key
// (the engine reads it before the user name's), not the user name's.
void TestOpcUaIdentityUi::machinePasswordIsStoredForThatMachineOnly()
{
    const QString key =
        PasswordStore::opcUaServerKey(QStringLiteral("line1"), QStringLiteral("secondary"));
    const PasswordStore::Result removed = PasswordStore::removeBlocking(key);
    QVERIFY2(removed.ok || removed.notFound, qPrintable(removed.error));
    test::ConsoleFiles files;
    QVERIFY(files.open());
    QVERIFY(files.document()->addPair(pair(User)).isEmpty());
    GeneralPage page(files.document());
    page.setPair(QStringLiteral("line1"));
    QVERIFY(test::shown(&page));
    auto *password = child<QLineEdit>(&page, "secondaryPassword");
    auto *state = child<QLabel>(&page, "secondaryPasswordState");
    QTRY_COMPARE_WITH_TIMEOUT(state->text(),
                              QStringLiteral("None of its own: the user name's password"), WaitMs);
    password->setFocus();
    QTest::keyClicks(password, QStringLiteral("secondary only"));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Stored in the system keychain"),
                              WaitMs);
    QCOMPARE(password->text(), QString());
    const PasswordStore::Result stored = PasswordStore::readBlocking(key);
    QVERIFY2(stored.ok, qPrintable(stored.error));
    QCOMPARE(stored.password, QStringLiteral("secondary only"));
    QVERIFY(PasswordStore::readBlocking(PasswordStore::opcUaKey(User)).notFound);
    PasswordStore::removeBlocking(key);
}

QTEST_MAIN(TestOpcUaIdentityUi)
#include "tst_opcuaidentityui.moc"
