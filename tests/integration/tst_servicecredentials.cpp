// The system service's passwords: it has no keychain, so tandemctl
// stores them as encrypted systemd credentials when it targets the system service, and
// the engine reads what systemd decrypted into $CREDENTIALS_DIRECTORY. Proven with the
// real tandemd logging in to aiosmtpd with SMTP AUTH, with no keychain in reach. systemd
// cannot start services here, so the test does its part: `systemd-creds decrypt` into a
// folder given as $CREDENTIALS_DIRECTORY, named as LoadCredentialEncrypted=tandem:DIR does.
#include "buildpaths.h"
#include "smtppeer.h"
#include "tandemdprocess.h"

#include "config/configfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace tandem;
using namespace tandem::test;

namespace {
const QString Password = QStringLiteral("pä$$ word");

QProcessEnvironment noKeychain()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("DISPLAY"));
    return env;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestServiceCredentials final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void engineLogsInWithItsCredential();
    void missingCredentialIsNamed();
    void tandemctlStoresEncryptedCredentials();

private:
    Configuration config() const;
    int ctl(const QStringList &args, const QByteArray &input, QString *out);
    // What systemd does at the service's start: each file of the store, decrypted, as
    // $CREDENTIALS_DIRECTORY/tandem_NAME.
    bool decryptInto(const QString &store, const QString &credentials, QString *error);
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TandemdProcess> m_engine;
    std::unique_ptr<SmtpPeer> m_smtp;
};

void TestServiceCredentials::init()
{
    m_dir = std::make_unique<QTemporaryDir>(); // each test its own credentials
    QVERIFY(m_dir->isValid());
    m_engine = std::make_unique<TandemdProcess>();
    m_smtp = std::make_unique<SmtpPeer>();
    SmtpPeer::Options options;
    options.authUser = QStringLiteral("alerts");
    options.authPassword = Password;
    options.authPlaintext = true;
    QVERIFY(m_smtp->start(options));
    m_engine->environment() = noKeychain();
}

void TestServiceCredentials::cleanup()
{
    m_engine.reset();
    m_smtp.reset();
    m_dir.reset();
}

Configuration TestServiceCredentials::config() const
{
    Configuration c = Configuration::createNew();
    NotificationSettings &n = c.notifications;
    n.enabled = true;
    n.primarySmtp = m_smtp->url();
    n.from = QStringLiteral("tandem@plant.example");
    n.to = {QStringLiteral("ops@plant.example")};
    n.allowPlaintext = true;
    n.batchWindowS = 0;
    n.timeoutS = 5;
    n.user = QStringLiteral("alerts");
    return c;
}

int TestServiceCredentials::ctl(const QStringList &args, const QByteArray &input, QString *out)
{
    QProcess p;
    QProcessEnvironment env = noKeychain();
    env.insert(QStringLiteral("TANDEM_TEST_SERVICE_CREDENTIALS_DIR"),
               path(QStringLiteral("store")));
    p.setProcessEnvironment(env);
    p.start(test::tandemctlPath(),
            QStringList{QStringLiteral("--config"), m_engine->configFile(),
                        QStringLiteral("--state-dir"), m_engine->stateDir()} +
                args);
    if (!p.waitForStarted())
        return -1;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000))
        return -1;
    *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitCode();
}

bool TestServiceCredentials::decryptInto(const QString &store, const QString &credentials,
                                         QString *error)
{
    QDir().mkpath(credentials);
    const QStringList files = QDir(store).entryList(QDir::Files);
    if (files.isEmpty()) {
        *error = QStringLiteral("no credential in ") + store;
        return false;
    }
    for (const QString &file : files) {
        const QString name = QStringLiteral("tandem_") + file;
        QProcess decrypt;
        decrypt.start(QStringLiteral("systemd-creds"),
                      {QStringLiteral("decrypt"), QStringLiteral("--name=") + name,
                       QDir(store).filePath(file), QDir(credentials).filePath(name)});
        if (!decrypt.waitForFinished(30000) || decrypt.exitCode() != 0) {
            *error = QString::fromLocal8Bit(decrypt.readAllStandardError());
            return false;
        }
    }
    return true;
}

void TestServiceCredentials::engineLogsInWithItsCredential()
{
    // A plain file credential, as systemd leaves it for the service after decrypting.
    const QString credentials = path(QStringLiteral("credentials"));
    QVERIFY(QDir().mkpath(credentials));
    QVERIFY(writeFile(credentials + QStringLiteral("/tandem_smtp%3Aalerts"), Password.toUtf8()));
    m_engine->environment().insert(QStringLiteral("CREDENTIALS_DIRECTORY"), credentials);
    QVERIFY(m_engine->writeConfig(config(), {}));
    QVERIFY(m_engine->start());
    QVERIFY2(m_smtp->waitForMessages(1), qPrintable(m_engine->events().join(QLatin1Char('\n'))));
    QCOMPARE(m_smtp->messages().constFirst().authUser, QStringLiteral("alerts"));
    QCOMPARE(m_engine->countEvents(QStringLiteral("could not be sent")), 0);
}

void TestServiceCredentials::missingCredentialIsNamed()
{
    const QString credentials = path(QStringLiteral("credentials"));
    QVERIFY(QDir().mkpath(credentials));
    m_engine->environment().insert(QStringLiteral("CREDENTIALS_DIRECTORY"), credentials);
    QVERIFY(m_engine->writeConfig(config(), {}));
    QVERIFY(m_engine->start());
    QVERIFY(m_engine->waitForEvent(QStringLiteral("could not be sent through")));
    const QString error =
        m_engine->events().filter(QStringLiteral("could not be sent")).constFirst();
    QVERIFY2(error.contains(QStringLiteral("no SMTP password: the service has no credential "
                                           "tandem_smtp%3Aalerts in ") +
                            credentials),
             qPrintable(error));
    QCOMPARE(m_smtp->messages().size(), 0);
}

void TestServiceCredentials::tandemctlStoresEncryptedCredentials()
{
    Configuration c = config();
    c.notifications.user.clear();
    QVERIFY(m_engine->writeConfig(c, {}));
    const QByteArray before = readFile(m_engine->configFile());
    QString out;
    const int code = ctl({QStringLiteral("notify"), QStringLiteral("set"), QStringLiteral("--user"),
                          QStringLiteral("alerts"), QStringLiteral("--password-stdin")},
                         Password.toUtf8() + '\n', &out);
    const QString store = path(QStringLiteral("store"));
    if (::geteuid() != 0) {
        // Only root may write the service's credentials: refused, and nothing changed.
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(QStringLiteral("only root may write")), qPrintable(out));
        QCOMPARE(readFile(m_engine->configFile()), before);
        QVERIFY(!QFileInfo::exists(store));
        return;
    }
    QVERIFY2(code == 0, qPrintable(out));
    const QString file = store + QStringLiteral("/smtp%3Aalerts");
    QVERIFY2(
        out.contains(QStringLiteral("stored as the system service's encrypted credential ") + file),
        qPrintable(out));
    // Encrypted, root's alone, in a folder that is root's alone; never in tandem.xml.
    const QByteArray sealed = readFile(file);
    QVERIFY(!sealed.isEmpty());
    QVERIFY(!sealed.contains(Password.toUtf8()));
    QVERIFY(!readFile(m_engine->configFile()).contains(Password.toUtf8()));
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0600));
    QCOMPARE(st.st_uid, uid_t(0));
    QCOMPARE(::stat(QFile::encodeName(store).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0700));

    // The OPC UA password of a pair's user goes the same way.
    QVERIFY2(
        ctl({QStringLiteral("pair"), QStringLiteral("add"), QStringLiteral("line1"),
             QStringLiteral("--protocol"), QStringLiteral("opcua"), QStringLiteral("--primary"),
             QStringLiteral("127.0.0.1:4841"), QStringLiteral("--secondary"),
             QStringLiteral("127.0.0.1:4842"), QStringLiteral("--listen"),
             QStringLiteral("opc.tcp://127.0.0.1:4850/line1"), QStringLiteral("--user"),
             QStringLiteral("operator"), QStringLiteral("--password-stdin")},
            "plc secret\n", &out) == 0,
        qPrintable(out));
    QVERIFY(QFileInfo::exists(store + QStringLiteral("/opcua%3Aoperator")));

    // `notify test` as root tries the login the service will make, with that credential.
    QVERIFY2(ctl({QStringLiteral("notify"), QStringLiteral("test")}, {}, &out) == 0,
             qPrintable(out));
    QVERIFY(m_smtp->waitForMessages(1));
    QCOMPARE(m_smtp->messages().constLast().authUser, QStringLiteral("alerts"));

    // What systemd does when it starts the service; then the engine logs in with it.
    const QString credentials = path(QStringLiteral("credentials"));
    QString error;
    QVERIFY2(decryptInto(store, credentials, &error), qPrintable(error));
    QCOMPARE(readFile(credentials + QStringLiteral("/tandem_smtp%3Aalerts")), Password.toUtf8());
    QCOMPARE(readFile(credentials + QStringLiteral("/tandem_opcua%3Aoperator")),
             QByteArray("plc secret"));
    m_engine->environment().insert(QStringLiteral("CREDENTIALS_DIRECTORY"), credentials);
    QVERIFY(m_engine->start());
    QVERIFY2(m_smtp->waitForMessages(2), qPrintable(m_engine->events().join(QLatin1Char('\n'))));
    QCOMPARE(m_smtp->messages().constLast().authUser, QStringLiteral("alerts"));
}

QTEST_GUILESS_MAIN(TestServiceCredentials)
#include "tst_servicecredentials.moc"
