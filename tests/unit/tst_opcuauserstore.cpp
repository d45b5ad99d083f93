// The OPC UA users of the proxy's endpoints (opcua/opcuauserstore.h): hashed passwords that
// verify and refuse, the file's shape and mode, and a damaged file that is reported by name
// and never overwritten.
#include "opcua/opcuauserstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace tandem::opcua;

namespace {

OpcUaUser named(const QString &name)
{
    OpcUaUser user;
    user.name = name;
    return user;
}

} // namespace

class TestOpcUaUserStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addVerifyRemove();
    void hashesAreArgon2idAndSalted();
    void namesAndPasswordsChecked();
    void damagedFileIsNamedAndKept();
    void fileIsPrivate();
    void verificationCost();
};

void TestOpcUaUserStore::addVerifyRemove()
{
    QTemporaryDir dir;
    OpcUaUserStore store(dir.path());
    QString error;
    QVERIFY(store.load(&error)); // no file: no users
    QVERIFY(store.users().isEmpty());
    OpcUaUser alice{QStringLiteral("alice"), {}, false, {QStringLiteral("line1")}, true};
    QVERIFY2(store.add(alice, "correct horse", &error), qPrintable(error));
    QVERIFY(store.add(named(QStringLiteral("bob")), "battery staple", &error));

    OpcUaUserStore again(dir.path());
    QVERIFY2(again.load(&error), qPrintable(error));
    QCOMPARE(again.users().size(), 2);
    const auto a = again.user(QStringLiteral("alice"));
    QVERIFY(a);
    QVERIFY(a->isOperator);
    QVERIFY(a->mayLogOnTo(QStringLiteral("line1")));
    QVERIFY(!a->mayLogOnTo(QStringLiteral("line2")));
    QVERIFY(again.user(QStringLiteral("bob"))->mayLogOnTo(QStringLiteral("line2")));
    QVERIFY(OpcUaUserStore::verifyPassword(a->hash, "correct horse"));
    QVERIFY(!OpcUaUserStore::verifyPassword(a->hash, "correct hors"));
    QVERIFY(!OpcUaUserStore::verifyPassword(a->hash, "battery staple"));
    QVERIFY(!OpcUaUserStore::verifyPassword(a->hash, QByteArray()));
    QVERIFY(!OpcUaUserStore::verifyPassword(OpcUaUserStore::decoyHash(), "correct horse"));

    // Replacing keeps one entry, with the new password.
    QVERIFY(store.add(named(QStringLiteral("alice")), "new password", &error));
    QVERIFY(again.load(&error));
    QCOMPARE(again.users().size(), 2);
    QVERIFY(
        OpcUaUserStore::verifyPassword(again.user(QStringLiteral("alice"))->hash, "new password"));
    QVERIFY(again.user(QStringLiteral("alice"))->allPairs);

    QVERIFY(store.remove(QStringLiteral("alice"), &error));
    QVERIFY(!store.remove(QStringLiteral("alice"), &error));
    QVERIFY2(error.contains(QStringLiteral("no OPC UA user named 'alice'")), qPrintable(error));
    QVERIFY(again.load(&error));
    QCOMPARE(again.users().size(), 1);
    QVERIFY(!again.user(QStringLiteral("alice")));
}

void TestOpcUaUserStore::hashesAreArgon2idAndSalted()
{
    QString error;
    const auto one = OpcUaUserStore::hashPassword("correct horse", &error);
    const auto two = OpcUaUserStore::hashPassword("correct horse", &error);
    QVERIFY(one && two);
    QVERIFY2(one->startsWith("$argon2id$"), one->constData());
    QVERIFY(*one != *two); // a salt of its own each
    QVERIFY(!one->contains("correct"));
}

void TestOpcUaUserStore::namesAndPasswordsChecked()
{
    QTemporaryDir dir;
    OpcUaUserStore store(dir.path());
    QString error;
    QVERIFY(!store.add(named(QStringLiteral(" alice")), "correct horse", &error));
    QVERIFY2(error.contains(QStringLiteral("is not a user name")), qPrintable(error));
    QVERIFY(!store.add(named(QString()), "correct horse", &error));
    QVERIFY(!store.add(named(QStringLiteral("alice")), "short", &error));
    QVERIFY2(error.contains(QStringLiteral("8 to 1024 bytes")), qPrintable(error));
    QVERIFY(!QFile::exists(store.filePath()));
}

void TestOpcUaUserStore::damagedFileIsNamedAndKept()
{
    QTemporaryDir dir;
    OpcUaUserStore store(dir.path());
    QString error;
    QVERIFY(store.add(named(QStringLiteral("alice")), "correct horse", &error));
    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray good = file.readAll();
    file.close();

    const QList<QByteArray> damages{
        good.left(good.size() / 2), QByteArray("[]"), QByteArray(good).replace("argon2id", "plain"),
        QByteArray(R"({"version":1,"users":[{"name":"x","hash":"$argon2id$v=19$m=1$a$b"}]})")};
    for (const QByteArray &damaged : damages) {
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(damaged);
        file.close();
        OpcUaUserStore reader(dir.path());
        QVERIFY(!reader.load(&error));
        QVERIFY2(error.contains(store.filePath()) && error.contains(QStringLiteral("damaged")),
                 qPrintable(error));
        // Adding or removing must not replace the damaged file with one that lost alice.
        QVERIFY(!reader.add(named(QStringLiteral("bob")), "battery staple", &error));
        QVERIFY(!reader.remove(QStringLiteral("alice"), &error));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), damaged);
        file.close();
    }
    // The users read before a damage stay.
    QVERIFY(!store.load(&error));
    QVERIFY(store.user(QStringLiteral("alice")));
}

void TestOpcUaUserStore::fileIsPrivate()
{
    QTemporaryDir dir;
    OpcUaUserStore store(dir.filePath(QStringLiteral("state")));
    QString error;
    QVERIFY2(store.add(named(QStringLiteral("alice")), "correct horse", &error), qPrintable(error));
    struct stat st
    {
    };
    QCOMPARE(::stat(QFile::encodeName(store.filePath()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains("correct horse"));
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
}

// What one check costs (it runs on the proxy's Worker, not the engine's thread): printed,
// and bounded so a change of limits that made it far slower shows.
void TestOpcUaUserStore::verificationCost()
{
    QString error;
    const auto hash = OpcUaUserStore::hashPassword("correct horse", &error);
    QVERIFY(hash);
    QElapsedTimer timer;
    timer.start();
    constexpr int Checks = 5;
    for (int i = 0; i < Checks; ++i)
        QVERIFY(!OpcUaUserStore::verifyPassword(*hash, "wrong guess"));
    const qint64 each = timer.elapsed() / Checks;
    qInfo("one password check: %lld ms", each);
    QVERIFY2(each < 5000, qPrintable(QString::number(each)));
}

QTEST_GUILESS_MAIN(TestOpcUaUserStore)
#include "tst_opcuauserstore.moc"
