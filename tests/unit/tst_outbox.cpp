// The mail outbox on disk: what goes in stays until removed, due times and retries,
// expiry by creation time, reopening after a restart, and a damaged file moved aside.
#include "notify/outbox.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;

namespace {
OutboxMail mail(qint64 created, const QString &subject)
{
    OutboxMail m;
    m.createdMs = created;
    m.nextAttemptMs = created;
    m.from = QStringLiteral("tandem@plant.example");
    m.to = {QStringLiteral("a@plant.example"), QStringLiteral("b@plant.example")};
    m.subject = subject;
    m.message = "Subject: " + subject.toUtf8() + "\r\n\r\nbody\r\n";
    return m;
}
} // namespace

class TestOutbox final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsMailAcrossReopen();
    void dueTimesAndRetries();
    void expiryByCreationTime();
    void damagedFileIsMovedAside();
};

void TestOutbox::keepsMailAcrossReopen()
{
    QTemporaryDir dir;
    QString notice, error;
    {
        Outbox box(dir.path());
        QVERIFY2(box.open(&notice, &error), qPrintable(error));
        OutboxMail m = mail(1000, QStringLiteral("first"));
        QVERIFY(box.add(&m, &error));
        QVERIFY(m.id > 0);
        OutboxMail m2 = mail(2000, QStringLiteral("ünïcode"));
        QVERIFY(box.add(&m2, &error));
    }
    Outbox box(dir.path());
    QVERIFY(box.open(&notice, &error));
    QVERIFY(notice.isEmpty());
    const QList<OutboxMail> all = box.all();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].subject, QStringLiteral("first"));
    QCOMPARE(all[1].subject, QStringLiteral("ünïcode"));
    QCOMPARE(all[1].to, mail(0, {}).to);
    QCOMPARE(all[1].message, mail(2000, QStringLiteral("ünïcode")).message);
    QVERIFY(box.remove(all[0].id));
    QCOMPARE(box.count(), 1);
}

void TestOutbox::dueTimesAndRetries()
{
    QTemporaryDir dir;
    Outbox box(dir.path());
    QString notice, error;
    QVERIFY(box.open(&notice, &error));
    OutboxMail a = mail(1000, QStringLiteral("a")), b = mail(1500, QStringLiteral("b"));
    QVERIFY(box.add(&a, &error));
    QVERIFY(box.add(&b, &error));
    QVERIFY(!box.nextDue(999));
    QCOMPARE(box.nextDue(2000)->id, a.id); // oldest first
    QVERIFY(box.retryLater(a.id, 6000, QStringLiteral("both down")));
    QCOMPARE(box.nextDue(2000)->id, b.id);
    QVERIFY(box.deferDue(6000)); // b waits with a
    QVERIFY(!box.nextDue(5999));
    QCOMPARE(*box.earliestAttempt(), 6000);
    const OutboxMail again = *box.find(a.id);
    QCOMPARE(again.attempts, 1);
    QCOMPARE(again.lastError, QStringLiteral("both down"));
    QCOMPARE(box.find(b.id)->attempts, 0); // deferred, not attempted
    QVERIFY(box.makeAllDue(3000));
    QCOMPARE(box.nextDue(3000)->id, a.id);
    QVERIFY(box.remove(a.id) && box.remove(b.id));
    QVERIFY(!box.earliestAttempt());
}

void TestOutbox::expiryByCreationTime()
{
    QTemporaryDir dir;
    Outbox box(dir.path());
    QString notice, error;
    QVERIFY(box.open(&notice, &error));
    OutboxMail old = mail(1000, QStringLiteral("old")), young = mail(5000, QStringLiteral("new"));
    QVERIFY(box.add(&old, &error));
    QVERIFY(box.add(&young, &error));
    // Retrying does not make a mail younger.
    QVERIFY(box.retryLater(old.id, 9000, QStringLiteral("x")));
    const QList<OutboxMail> expired = box.createdBefore(5000);
    QCOMPARE(expired.size(), 1);
    QCOMPARE(expired[0].id, old.id);
}

void TestOutbox::damagedFileIsMovedAside()
{
    QTemporaryDir dir;
    QFile junk(dir.filePath(QStringLiteral("outbox.sqlite")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray("this is not a database, but it is someone's file").repeated(100));
    junk.close();
    Outbox box(dir.path());
    QString notice, error;
    QVERIFY2(box.open(&notice, &error), qPrintable(error));
    QVERIFY2(notice.contains(QStringLiteral("moved to")), qPrintable(notice));
    const QStringList aside =
        QDir(dir.path()).entryList({QStringLiteral("outbox.sqlite.unusable-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    OutboxMail m = mail(1, QStringLiteral("after"));
    QVERIFY(box.add(&m, &error));
    QCOMPARE(box.count(), 1);
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
