// Tools › Certificates…: the lists show what is on disk (certificates OpenSSL made here, a
// damaged file), Trust / Reject / Remove move and delete the files after a confirmation,
// Renew and Import replace the own certificate on disk, a file copied in by hand shows up
// without a click, and a state directory this user cannot read says so and names the
// tandemctl command instead of showing empty lists.
#include "buildpaths.h"
#include "certificates/certificatesdialog.h"
#include "contexthelp.h"
#include "modaldialogs.h"
#include "testcertificates.h"
#include "widgetlookup.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <sys/stat.h>
#include <unistd.h>

#include <memory>

using namespace tandem;
using tandem::test::child;
using tandem::test::whenModal;

namespace {

// A file where the engine or an operator would put it, folders made as needed.
void place(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    test::writeFile(path, bytes);
}

// Where the store keeps each list (pki/pkistore.h), written here by hand as an operator
// copying files would.
QString folder(const QString &stateDir, const char *list)
{
    return stateDir + QStringLiteral("/pki/") + QLatin1String(list) + QStringLiteral("/certs");
}

// The SHA-1 thumbprints of the certificates in a folder, computed here from the bytes.
QStringList thumbprintsIn(const QString &dir)
{
    QStringList found;
    for (const QFileInfo &file : QDir(dir).entryInfoList(QDir::Files)) {
        const QByteArray bytes = test::readFile(file.filePath());
        found.append(QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex().toUpper()));
    }
    return found;
}

QString ownThumbprint(const QString &stateDir)
{
    const QByteArray der = test::readFile(stateDir + QStringLiteral("/pki/own/certs/tandem.der"));
    if (der.isEmpty())
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(der, QCryptographicHash::Sha1).toHex().toUpper());
}

test::CertificateSpec spec(const QString &name, int keySlot)
{
    test::CertificateSpec s;
    s.commonName = name;
    s.uri = QStringLiteral("urn:%1:server").arg(name.toLower().remove(QLatin1Char(' ')));
    s.keySlot = keySlot;
    s.serial = keySlot + 10;
    return s;
}

// Answers the next question with `button`, keeping its text.
void answer(QMessageBox::StandardButton button, QString *text = nullptr)
{
    whenModal([=](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        if (text)
            *text = box->text();
        box->button(button)->click();
    });
}

// Chooses `path` in the next file dialog, as an operator types it; then `next`.
void choose(const QString &path, std::function<void()> next = {})
{
    whenModal([=](QWidget *modal) {
        auto *dialog = qobject_cast<QFileDialog *>(modal);
        QVERIFY(dialog);
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        name->setText(path);
        QTest::keyClick(name, Qt::Key_Return);
        if (next)
            next();
    });
}

// Types `password` into the next password prompt.
void typePassword(const QString &password)
{
    whenModal([=](QWidget *modal) {
        auto *prompt = qobject_cast<QInputDialog *>(modal);
        QVERIFY(prompt);
        QCOMPARE(prompt->objectName(), QStringLiteral("passwordPrompt"));
        QCOMPARE(prompt->textEchoMode(), QLineEdit::Password);
        prompt->setTextValue(password);
        prompt->accept();
    });
}

} // namespace

class TestCertificatesDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listsWhatIsOnDisk();
    void trustMovesARejectedOne();
    void rejectAndRemove();
    void addTrustsAFile();
    void renewChangesTheOwnCertificate();
    void importPemPair();
    void importEncryptedKeyAndWrongPassword();
    void importPkcs12();
    void fileCopiedInShowsUp();
    void unreadableStateDirectoryNamesTheCommand();
    void f1NamesASectionOfTheHelp();

private:
    QString stateDir() const { return m_dir->filePath(QStringLiteral("state")); }
    QString file(const QString &name, const QByteArray &bytes) const
    {
        const QString path = m_dir->filePath(name);
        test::writeFile(path, bytes);
        return path;
    }
    void open()
    {
        m_dialog = std::make_unique<CertificatesDialog>(stateDir());
        QVERIFY(test::shown(m_dialog.get()));
    }
    template <typename T> T *get(const char *name) const { return child<T>(m_dialog.get(), name); }
    // Shows a list's tab and selects its row for `thumbprint`.
    void select(const char *list, const QString &thumbprint)
    {
        auto *tree = get<QTreeWidget>(list);
        get<QTabWidget>("certificateLists")->setCurrentWidget(tree);
        const QList<QTreeWidgetItem *> rows = tree->findItems(thumbprint, Qt::MatchExactly, 1);
        QCOMPARE(rows.size(), 1);
        tree->setCurrentItem(rows.first());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CertificatesDialog> m_dialog;
    test::TestCertificate m_server;
    test::TestCertificate m_client;
};

void TestCertificatesDialog::init()
{
    m_dialog.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = test::makeCertificate(spec(QStringLiteral("Plant Server"), 1));
    m_client = test::makeCertificate(spec(QStringLiteral("Panel Client"), 2));
}

void TestCertificatesDialog::listsWhatIsOnDisk()
{
    place(folder(stateDir(), "trusted") + QStringLiteral("/server.der"), m_server.der);
    place(folder(stateDir(), "rejected") + QStringLiteral("/client.pem"), m_client.pem);
    place(folder(stateDir(), "rejected") + QStringLiteral("/zz-broken.der"),
          QByteArray("not a certificate"));
    open();

    auto *trusted = get<QTreeWidget>("trustedList");
    QCOMPARE(trusted->topLevelItemCount(), 1);
    const QTreeWidgetItem *row = trusted->topLevelItem(0);
    QVERIFY2(row->text(0).contains(QStringLiteral("CN=Plant Server")), qPrintable(row->text(0)));
    QCOMPARE(row->text(1), m_server.thumbprint);
    QVERIFY(!row->text(2).isEmpty());
    QCOMPARE(row->text(3), QStringLiteral("urn:plantserver:server"));
    QCOMPARE(get<QTreeWidget>("issuersList")->topLevelItemCount(), 0);
    QCOMPARE(get<QTreeWidget>("rejectedList")->topLevelItemCount(), 2);

    // The details pane: the selection's subject, thumbprint in groups, URI, host names.
    select("trustedList", m_server.thumbprint);
    const QString details = get<QPlainTextEdit>("certificateDetails")->toPlainText();
    QVERIFY2(details.contains(m_server.thumbprint.left(4) + QLatin1Char(' ') +
                              m_server.thumbprint.mid(4, 4)),
             qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("urn:plantserver:server")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("testhost")), qPrintable(details));
    QVERIFY(get<QPushButton>("rejectButton")->isEnabled());
    QVERIFY(!get<QPushButton>("trustButton")->isEnabled());

    // A damaged file is listed with its error instead of details, and cannot be trusted.
    auto *rejected = get<QTreeWidget>("rejectedList");
    get<QTabWidget>("certificateLists")->setCurrentWidget(rejected);
    const QList<QTreeWidgetItem *> broken =
        rejected->findItems(QStringLiteral("zz-broken.der"), Qt::MatchExactly, 0);
    QCOMPARE(broken.size(), 1);
    rejected->setCurrentItem(broken.first());
    const QString error = get<QPlainTextEdit>("certificateDetails")->toPlainText();
    QVERIFY2(error.contains(QStringLiteral("zz-broken.der")), qPrintable(error));
    QVERIFY(!get<QPushButton>("trustButton")->isEnabled());
    QVERIFY(get<QPushButton>("removeButton")->isEnabled());
}

void TestCertificatesDialog::trustMovesARejectedOne()
{
    place(folder(stateDir(), "rejected") + QStringLiteral("/client.der"), m_client.der);
    open();
    select("rejectedList", m_client.thumbprint);
    QVERIFY(get<QPushButton>("trustButton")->isEnabled());

    // Cancel changes nothing.
    answer(QMessageBox::Cancel);
    QTest::mouseClick(get<QPushButton>("trustButton"), Qt::LeftButton);
    QCOMPARE(thumbprintsIn(folder(stateDir(), "rejected")), QStringList{m_client.thumbprint});
    QVERIFY(thumbprintsIn(folder(stateDir(), "trusted")).isEmpty());

    QString question;
    answer(QMessageBox::Yes, &question);
    QTest::mouseClick(get<QPushButton>("trustButton"), Qt::LeftButton);
    QVERIFY2(question.contains(m_client.thumbprint.left(4) + QLatin1Char(' ')),
             qPrintable(question));
    QCOMPARE(thumbprintsIn(folder(stateDir(), "trusted")), QStringList{m_client.thumbprint});
    QVERIFY(thumbprintsIn(folder(stateDir(), "rejected")).isEmpty());
    QCOMPARE(get<QTreeWidget>("trustedList")->topLevelItemCount(), 1);
    QCOMPARE(get<QTreeWidget>("rejectedList")->topLevelItemCount(), 0);
}

void TestCertificatesDialog::rejectAndRemove()
{
    place(folder(stateDir(), "trusted") + QStringLiteral("/server.der"), m_server.der);
    place(folder(stateDir(), "trusted") + QStringLiteral("/client.der"), m_client.der);
    open();
    select("trustedList", m_server.thumbprint);
    answer(QMessageBox::Yes);
    QTest::mouseClick(get<QPushButton>("rejectButton"), Qt::LeftButton);
    QCOMPARE(thumbprintsIn(folder(stateDir(), "trusted")), QStringList{m_client.thumbprint});
    QCOMPARE(thumbprintsIn(folder(stateDir(), "rejected")), QStringList{m_server.thumbprint});
    QVERIFY(get<QLabel>("outcome")->text().contains(m_server.thumbprint));

    select("trustedList", m_client.thumbprint);
    answer(QMessageBox::Yes);
    QTest::mouseClick(get<QPushButton>("removeButton"), Qt::LeftButton);
    QVERIFY(thumbprintsIn(folder(stateDir(), "trusted")).isEmpty());
    QCOMPARE(get<QTreeWidget>("trustedList")->topLevelItemCount(), 0);
    QVERIFY(!get<QPushButton>("removeButton")->isEnabled());

    select("rejectedList", m_server.thumbprint);
    answer(QMessageBox::Yes);
    QTest::mouseClick(get<QPushButton>("removeButton"), Qt::LeftButton);
    QVERIFY(thumbprintsIn(folder(stateDir(), "rejected")).isEmpty());
}

void TestCertificatesDialog::addTrustsAFile()
{
    open();
    choose(file(QStringLiteral("server.pem"), m_server.pem));
    QTest::mouseClick(get<QPushButton>("addButton"), Qt::LeftButton);
    QCOMPARE(thumbprintsIn(folder(stateDir(), "trusted")), QStringList{m_server.thumbprint});
    QCOMPARE(get<QTreeWidget>("trustedList")->topLevelItemCount(), 1);

    // A file that is no certificate: its error, named, and nothing trusted.
    choose(file(QStringLiteral("notes.txt"), QByteArray("hello")));
    QTest::mouseClick(get<QPushButton>("addButton"), Qt::LeftButton);
    auto *error = get<QLabel>("listError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("notes.txt")), qPrintable(error->text()));
    QCOMPARE(thumbprintsIn(folder(stateDir(), "trusted")).size(), 1);
}

void TestCertificatesDialog::renewChangesTheOwnCertificate()
{
    open();
    // None yet: the button creates one without asking.
    auto *renew = get<QPushButton>("renewButton");
    QVERIFY(ownThumbprint(stateDir()).isEmpty());
    QTest::mouseClick(renew, Qt::LeftButton);
    const QString first = ownThumbprint(stateDir());
    QVERIFY(!first.isEmpty());
    QVERIFY(get<QPlainTextEdit>("ownDetails")->toPlainText().contains(first.left(4)));

    // Renewing asks first: Cancel keeps it, Yes replaces it and warns about the peers.
    answer(QMessageBox::Cancel);
    QTest::mouseClick(renew, Qt::LeftButton);
    QCOMPARE(ownThumbprint(stateDir()), first);
    QString question;
    answer(QMessageBox::Yes, &question);
    QTest::mouseClick(renew, Qt::LeftButton);
    QVERIFY2(question.contains(QStringLiteral("until it trusts the new one")),
             qPrintable(question));
    const QString second = ownThumbprint(stateDir());
    QVERIFY(!second.isEmpty());
    QVERIFY(second != first);
    const QString shown = get<QPlainTextEdit>("ownDetails")->toPlainText();
    QVERIFY2(shown.contains(second.left(4) + QLatin1Char(' ') + second.mid(4, 4)),
             qPrintable(shown));
}

void TestCertificatesDialog::importPemPair()
{
    open();
    const QString cert = file(QStringLiteral("plant.pem"), m_server.pem);
    const QString key = file(QStringLiteral("plant.key"), m_server.keyPem);
    choose(cert, [key] { choose(key); });
    QTest::mouseClick(get<QPushButton>("importButton"), Qt::LeftButton);
    QTRY_COMPARE(ownThumbprint(stateDir()), m_server.thumbprint);
    QVERIFY(!get<QLabel>("ownError")->isVisible());
    QVERIFY(get<QPlainTextEdit>("ownDetails")
                ->toPlainText()
                .contains(QStringLiteral("urn:plantserver:server")));

    // A key that is not the certificate's: refused with the reason, the own one stays.
    const QString otherKey = file(QStringLiteral("other.key"), m_server.keyPem);
    choose(file(QStringLiteral("client.pem"), m_client.pem), [otherKey] { choose(otherKey); });
    QTest::mouseClick(get<QPushButton>("importButton"), Qt::LeftButton);
    auto *error = get<QLabel>("ownError");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("not imported")), qPrintable(error->text()));
    QCOMPARE(ownThumbprint(stateDir()), m_server.thumbprint);
}

void TestCertificatesDialog::importEncryptedKeyAndWrongPassword()
{
    open();
    const QString cert = file(QStringLiteral("plant.der"), m_server.der);
    const QString key = file(QStringLiteral("plant.key"),
                             test::encryptedKeyPem(m_server, QByteArrayLiteral("key secret")));
    choose(cert, [key] { choose(key, [] { typePassword(QStringLiteral("wrong")); }); });
    QTest::mouseClick(get<QPushButton>("importButton"), Qt::LeftButton);
    auto *error = get<QLabel>("ownError");
    QTRY_VERIFY(error->isVisible());
    QVERIFY(ownThumbprint(stateDir()).isEmpty());

    choose(cert, [key] { choose(key, [] { typePassword(QStringLiteral("key secret")); }); });
    QTest::mouseClick(get<QPushButton>("importButton"), Qt::LeftButton);
    QTRY_COMPARE(ownThumbprint(stateDir()), m_server.thumbprint);
    QVERIFY(!error->isVisible());
}

void TestCertificatesDialog::importPkcs12()
{
    open();
    const QString p12 = file(QStringLiteral("plant.p12"),
                             test::makePkcs12(m_client, QByteArrayLiteral("p12 secret")));
    choose(p12, [] { typePassword(QStringLiteral("not it")); });
    QTest::mouseClick(get<QPushButton>("importButton"), Qt::LeftButton);
    auto *error = get<QLabel>("ownError");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("not imported")), qPrintable(error->text()));
    QVERIFY(ownThumbprint(stateDir()).isEmpty());

    choose(p12, [] { typePassword(QStringLiteral("p12 secret")); });
    QTest::mouseClick(get<QPushButton>("importButton"), Qt::LeftButton);
    QTRY_COMPARE(ownThumbprint(stateDir()), m_client.thumbprint);
    QVERIFY(!error->isVisible());
    QVERIFY(get<QLabel>("outcome")->text().contains(m_client.thumbprint));
}

void TestCertificatesDialog::fileCopiedInShowsUp()
{
    // The engine files a refused certificate while the dialog is open: it appears by itself.
    QVERIFY(QDir().mkpath(folder(stateDir(), "rejected")));
    open();
    QCOMPARE(get<QTreeWidget>("rejectedList")->topLevelItemCount(), 0);
    place(folder(stateDir(), "rejected") + QStringLiteral("/new.der"), m_client.der);
    QTRY_COMPARE(get<QTreeWidget>("rejectedList")->topLevelItemCount(), 1);
    QCOMPARE(get<QTreeWidget>("rejectedList")->topLevelItem(0)->text(1), m_client.thumbprint);

    // Refresh reads again too (a folder the watcher could not follow).
    QVERIFY(QFile::remove(folder(stateDir(), "rejected") + QStringLiteral("/new.der")));
    QTest::mouseClick(get<QPushButton>("refreshButton"), Qt::LeftButton);
    QCOMPARE(get<QTreeWidget>("rejectedList")->topLevelItemCount(), 0);
}

void TestCertificatesDialog::unreadableStateDirectoryNamesTheCommand()
{
    // A system service's state directory: it belongs to another user, mode 0700. Root reads
    // everything, so as root the test becomes the user nobody while it looks (the saved
    // user id stays root to come back).
    place(folder(stateDir(), "trusted") + QStringLiteral("/server.der"), m_server.der);
    QVERIFY(
        QFile::setPermissions(stateDir(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const bool root = ::geteuid() == 0;
    if (root) {
        QVERIFY(QFile::setPermissions(m_dir->path(), QFile::Permissions(0x7755)));
        QCOMPARE(::setresuid(65534, 65534, 0), 0);
    } else {
        QVERIFY(QFile::setPermissions(stateDir(), QFile::Permissions()));
    }
    const QString problem = CertificatesDialog::accessProblem(stateDir());
    m_dialog = std::make_unique<CertificatesDialog>(stateDir());
    m_dialog->show();
    auto *message = get<QLabel>("pkiProblem");
    const bool messageShown = message->isVisible();
    const bool listsShown = get<QTreeWidget>("trustedList")->isVisible();
    const QString text = message->text();
    m_dialog.reset();
    if (root)
        QCOMPARE(::setresuid(0, 0, 0), 0);
    QVERIFY(
        QFile::setPermissions(stateDir(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    QVERIFY2(problem.contains(QStringLiteral("cannot be read")), qPrintable(problem));
    QVERIFY(messageShown);
    QVERIFY(!listsShown);
    QVERIFY2(text.contains(QStringLiteral("sudo tandemctl --state-dir %1 cert").arg(stateDir())),
             qPrintable(text));

    // Readable again: the lists, and no message.
    open();
    QVERIFY(!get<QLabel>("pkiProblem")->isVisible());
    QCOMPARE(get<QTreeWidget>("trustedList")->topLevelItemCount(), 1);
}

void TestCertificatesDialog::f1NamesASectionOfTheHelp()
{
    open();
    const QString topic = ContextHelp::topicFor(m_dialog.get());
    QCOMPARE(topic, QStringLiteral("certificates#console"));
    const QByteArray page = test::readFile(test::sourcePath("resources/help/certificates.html"));
    QVERIFY(page.contains("<a name=\"console\">"));
    QVERIFY(page.contains("<a name=\"untrusted\">"));
}

QTEST_MAIN(TestCertificatesDialog)
#include "tst_certificatesdialog.moc"
