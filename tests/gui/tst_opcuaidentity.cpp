// The OPC UA login in the console without a keychain: the General tab's user name and
// password fields (OPC UA pairs only), the user name in tandem.xml, a password that cannot
// be stored staying in its field with the reason beside it, and the Monitor Item dialog's
// browse button saying why it cannot log in. tst_opcuaidentityui has a keychain.
#include "consolefiles.h"
#include "dialogs/addpairdialog.h"
#include "dialogs/monitoritemdialog.h"
#include "opcua/itembrowserdialog.h"
#include "pages/generalpage.h"
#include "testpairs.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace tandem;

namespace {
constexpr int KeychainWaitMs = 15000; // a missing Secret Service can take a while to say so
}

class TestOpcUaIdentity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // No keychain in this process: the page must say so (tst_opcuaidentityui has one).
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
    }
    void init();
    void fieldsOnlyForOpcUaPairs();
    void labelsHaveMnemonicsAndTooltipsMentionTandemXml();
    void userNameGoesIntoTheConfiguration();
    void anonymousPairNeedsNoPassword();
    void passwordWithoutUserNameStaysAndSaysWhy();
    void withoutKeychainThePasswordStaysAndTheReasonShows();
    void switchingPairsClearsTheTypedPassword();
    void browseWithoutKeychainShowsWhyInsteadOfBrowsing();
    void identitiesOfAPairFromBefore();
    void identitiesGoIntoTheConfiguration();
    void newPairTakesNoAnonymousClient();
    void machinePasswordWithoutKeychainStaysAndSaysWhy();

private:
    template <typename T> T *child(const char *name) const
    {
        return test::child<T>(m_page.get(), name);
    }
    const PairConfig &opcUaPair() const { return *m_doc->pair(QStringLiteral("opc")); }
    QByteArray savedFile() const
    {
        QFile file(m_files->paths().configFile);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    void setUser(const QString &user)
    {
        PairConfig p = opcUaPair();
        p.user = user;
        m_doc->updatePair(p.name, p);
    }

    std::unique_ptr<test::ConsoleFiles> m_files;
    ConfigDocument *m_doc = nullptr;
    std::unique_ptr<GeneralPage> m_page;
};

void TestOpcUaIdentity::init()
{
    m_page.reset();
    m_files = std::make_unique<test::ConsoleFiles>();
    QVERIFY(m_files->open(
        {test::plainPair(QStringLiteral("modbus"), QStringLiteral("127.0.0.1:1502"),
                         QStringLiteral("plc-a"), QStringLiteral("plc-b")),
         test::plainPair(QStringLiteral("opc"), QStringLiteral("opc.tcp://127.0.0.1:4841"),
                         QStringLiteral("127.0.0.1:4840"), QStringLiteral("127.0.0.1:4842"),
                         Protocol::OpcUa)}));
    m_doc = m_files->document();
    m_page = std::make_unique<GeneralPage>(m_doc);
    m_page->setPair(QStringLiteral("opc"));
    QVERIFY(test::shown(m_page.get()));
}

void TestOpcUaIdentity::fieldsOnlyForOpcUaPairs()
{
    auto *user = child<QLineEdit>("opcUaUser");
    auto *password = child<QLineEdit>("opcUaPassword");
    auto *state = child<QLabel>("opcUaPasswordState");
    QVERIFY(user->isVisible());
    QVERIFY(password->isVisible());
    QVERIFY(state->isVisible());
    QCOMPARE(password->echoMode(), QLineEdit::Password);

    m_page->setPair(QStringLiteral("modbus"));
    QVERIFY(!user->isVisible());
    QVERIFY(!password->isVisible());
    QVERIFY(!state->isVisible());
    // Their labels go with them.
    for (const QLabel *label : m_page->findChildren<QLabel *>()) {
        if (label->buddy() == user || label->buddy() == password)
            QVERIFY2(!label->isVisible(), qPrintable(label->text()));
    }

    m_page->setPair(QStringLiteral("opc"));
    QVERIFY(user->isVisible());
    QVERIFY(password->isVisible());
}

void TestOpcUaIdentity::labelsHaveMnemonicsAndTooltipsMentionTandemXml()
{
    auto *user = child<QLineEdit>("opcUaUser");
    auto *password = child<QLineEdit>("opcUaPassword");
    QStringList labels;
    for (const QLabel *label : m_page->findChildren<QLabel *>()) {
        if (label->buddy() == user || label->buddy() == password)
            labels << label->text();
    }
    labels.sort();
    QCOMPARE(labels, (QStringList{QStringLiteral("&User name:"), QStringLiteral("Pass&word:")}));
    QVERIFY2(password->toolTip().contains(QStringLiteral("never goes into tandem.xml")),
             qPrintable(password->toolTip()));
    QVERIFY2(user->toolTip().contains(QStringLiteral("tandem.xml")), qPrintable(user->toolTip()));

    // Alt+U reaches the user name, as an operator without a mouse would.
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QTest::keyClick(m_page.get(), Qt::Key_U, Qt::AltModifier);
    QVERIFY(user->hasFocus());
}

void TestOpcUaIdentity::userNameGoesIntoTheConfiguration()
{
    auto *user = child<QLineEdit>("opcUaUser");
    QCOMPARE(user->text(), QString());
    user->setFocus();
    QTest::keyClicks(user, QStringLiteral("operator"));
    QVERIFY(m_doc->isModified());
    QCOMPARE(opcUaPair().user, QStringLiteral("operator"));
    QCOMPARE(user->cursorPosition(), 8); // typing was never interrupted
    QVERIFY(m_doc->save().isEmpty());
    QVERIFY(savedFile().contains("<user>operator</user>"));

    // A value from elsewhere (tandemctl, a reload) shows in the field.
    setUser(QStringLiteral("engineer"));
    QCOMPARE(user->text(), QStringLiteral("engineer"));

    // Emptied, the pair logs in anonymously again.
    user->setFocus();
    user->selectAll();
    QTest::keyClick(user, Qt::Key_Backspace);
    QCOMPARE(opcUaPair().user, QString());
    QVERIFY(m_doc->save().isEmpty());
    QVERIFY(!savedFile().contains("<user>engineer</user>"));
}

void TestOpcUaIdentity::anonymousPairNeedsNoPassword()
{
    auto *state = child<QLabel>("opcUaPasswordState");
    QVERIFY2(state->text().contains(QStringLiteral("anonymously")), qPrintable(state->text()));
}

void TestOpcUaIdentity::passwordWithoutUserNameStaysAndSaysWhy()
{
    auto *password = child<QLineEdit>("opcUaPassword");
    password->setFocus();
    QTest::keyClicks(password, QStringLiteral("s3cret"));
    QTest::keyClick(password, Qt::Key_Return);
    auto *state = child<QLabel>("opcUaPasswordState");
    QVERIFY2(state->text().contains(QStringLiteral("user name first")), qPrintable(state->text()));
    QCOMPARE(password->text(), QStringLiteral("s3cret"));
}

void TestOpcUaIdentity::withoutKeychainThePasswordStaysAndTheReasonShows()
{
    setUser(QStringLiteral("operator"));
    auto *state = child<QLabel>("opcUaPasswordState");
    auto *password = child<QLineEdit>("opcUaPassword");
    // Showing a pair with a user name asks the keychain, which is not there.
    QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(QStringLiteral("Passwords cannot be kept")),
                             KeychainWaitMs);
    QVERIFY2(state->text().contains(QStringLiteral("keychain")), qPrintable(state->text()));

    password->setFocus();
    QTest::keyClicks(password, QStringLiteral("s3cret"));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        state->text().startsWith(QStringLiteral("The password was not stored")), KeychainWaitMs);
    QVERIFY2(state->text().contains(QStringLiteral("keychain")), qPrintable(state->text()));
    QCOMPARE(password->text(), QStringLiteral("s3cret")); // not silently dropped
    QCOMPARE(opcUaPair().user, QStringLiteral("operator"));
    QVERIFY(m_doc->save().isEmpty());
    const QByteArray saved = savedFile();
    QVERIFY(saved.contains("<user>operator</user>"));
    QVERIFY(!saved.contains("s3cret")); // nor written in plain text
}

void TestOpcUaIdentity::switchingPairsClearsTheTypedPassword()
{
    auto *password = child<QLineEdit>("opcUaPassword");
    password->setFocus();
    QTest::keyClicks(password, QStringLiteral("s3cret"));
    m_page->setPair(QStringLiteral("modbus"));
    m_page->setPair(QStringLiteral("opc"));
    QCOMPARE(password->text(), QString());
}

void TestOpcUaIdentity::browseWithoutKeychainShowsWhyInsteadOfBrowsing()
{
    PairConfig pair = opcUaPair();
    pair.user = QStringLiteral("operator");
    MonitorItemDialog dialog(pair, MonitorItem{});
    QVERIFY(test::shown(&dialog));
    auto *browse = dialog.findChild<QToolButton *>(QStringLiteral("browseItems"));
    QVERIFY(browse);
    QTest::mouseClick(browse, Qt::LeftButton);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("itemError"));
    QVERIFY(error);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), KeychainWaitMs);
    QVERIFY2(error->text().contains(QStringLiteral("operator")), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("keychain")), qPrintable(error->text()));
    QVERIFY(!dialog.findChild<ItemBrowserDialog *>());
    QVERIFY(browse->isEnabled());
}

// A pair without identity settings shows what it does (anonymous clients: it has no user)
// and says so; changing the user name keeps it so, changing an identity saves them all.
void TestOpcUaIdentity::identitiesOfAPairFromBefore()
{
    QVERIFY(!opcUaPair().opcuaIdentity);
    auto *anonymous = child<QCheckBox>("opcUaAnonymous");
    auto *note = child<QLabel>("opcUaIdentityNote");
    QVERIFY(anonymous->isVisible() && anonymous->isChecked());
    QVERIFY(!child<QCheckBox>("opcUaStoreUsers")->isChecked());
    QVERIFY(note->isVisible());
    QTest::keyClicks(child<QLineEdit>("opcUaUser"), QStringLiteral("operator"));
    QCOMPARE(opcUaPair().user, QStringLiteral("operator"));
    QVERIFY(!opcUaPair().opcuaIdentity);
    QVERIFY(!anonymous->isChecked()); // a pair with a user took that user only
    QVERIFY(child<QCheckBox>("opcUaPairUser")->isChecked());

    child<QCheckBox>("opcUaStoreUsers")->click();
    QVERIFY(opcUaPair().opcuaIdentity);
    QVERIFY(opcUaPair().opcuaIdentity->storeUsers);
    QVERIFY(opcUaPair().opcuaIdentity->pairUser);
    QVERIFY(!note->isVisible());

    m_page->setPair(QStringLiteral("modbus"));
    QVERIFY(!child<QWidget>("opcUaIdentities")->isVisible());
}

void TestOpcUaIdentity::identitiesGoIntoTheConfiguration()
{
    child<QCheckBox>("opcUaCertificates")->click();
    QTest::keyClicks(child<QLineEdit>("opcUaPrimaryUser"), QStringLiteral("plc-a"));
    // A pair from before sent a password in clear where a server wanted it so; no longer.
    auto *clearToServers = child<QCheckBox>("opcUaClearTextToServers");
    QVERIFY(clearToServers->isChecked());
    clearToServers->click();
    const OpcUaIdentity identity = opcUaPair().identity();
    QVERIFY(identity.certificates);
    QVERIFY(identity.anonymous);
    QCOMPARE(identity.primaryUser, QStringLiteral("plc-a"));
    QVERIFY(identity.secondaryUser.isEmpty());
    QVERIFY(!identity.clearTextToServers);
    QVERIFY(m_doc->save().isEmpty());
    const QByteArray xml = savedFile();
    QVERIFY2(xml.contains("primary-user=\"plc-a\"") && xml.contains("certificates=\"yes\""),
             xml.constData());
    // Alt+Y reaches the primary machine's user, as an operator without a mouse would.
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QTest::keyClick(m_page.get(), Qt::Key_Y, Qt::AltModifier);
    QVERIFY(child<QLineEdit>("opcUaPrimaryUser")->hasFocus());
}

// A pair added in the console has identity settings of its own from the start: the OPC UA
// users, no anonymous client.
void TestOpcUaIdentity::newPairTakesNoAnonymousClient()
{
    AddPairDialog dialog(m_doc);
    dialog.show();
    test::retype(test::child<QLineEdit>(&dialog, "pairName"), QStringLiteral("ua2"));
    auto *protocol = test::child<QComboBox>(&dialog, "pairProtocol");
    protocol->setCurrentIndex(protocol->findData(int(Protocol::OpcUa)));
    test::retype(test::child<QLineEdit>(&dialog, "pairEndpoint"),
                 QStringLiteral("opc.tcp://127.0.0.1:4851/ua2"));
    test::retype(test::child<QLineEdit>(&dialog, "pairPrimary"), QStringLiteral("127.0.0.1:4850"));
    test::retype(test::child<QLineEdit>(&dialog, "pairSecondary"),
                 QStringLiteral("127.0.0.1:4852"));
    test::child<QDialogButtonBox>(&dialog, "addPairButtons")->button(QDialogButtonBox::Ok)->click();
    const PairConfig *added = m_doc->pair(QStringLiteral("ua2"));
    QVERIFY(added);
    QVERIFY(added->opcuaIdentity);
    QVERIFY(!added->identity().anonymous);
    QVERIFY(added->identity().storeUsers);
}

// The password of one machine: only with a user name for it, and without a keychain the
// typed password stays in its field with the reason beside it.
void TestOpcUaIdentity::machinePasswordWithoutKeychainStaysAndSaysWhy()
{
    auto *password = child<QLineEdit>("primaryPassword");
    auto *state = child<QLabel>("primaryPasswordState");
    QVERIFY(!password->isEnabled()); // anonymous: no user name on the machines
    QTest::keyClicks(child<QLineEdit>("opcUaSecondaryUser"), QStringLiteral("plc-b"));
    QVERIFY(!password->isEnabled());
    QVERIFY(child<QLineEdit>("secondaryPassword")->isEnabled());
    setUser(QStringLiteral("operator"));
    QVERIFY(password->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(QStringLiteral("Passwords cannot be kept")),
                             KeychainWaitMs);
    password->setFocus();
    QTest::keyClicks(password, QStringLiteral("s3cret"));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        state->text().startsWith(QStringLiteral("The password was not stored")), KeychainWaitMs);
    QCOMPARE(password->text(), QStringLiteral("s3cret"));
    QVERIFY(!savedFile().contains("s3cret"));
}

QTEST_MAIN(TestOpcUaIdentity)
#include "tst_opcuaidentity.moc"
