// The license transfer between computers through the real tools: tandem-license (the
// vendor) and tandemctl on "computers" that differ by state directory and machine-id
// file, with one media folder. A kill -9 at every step of "out" and "in" leaves exactly
// one usable license; a copy of the media is useless elsewhere; a pulled stick is
// reported and the license kept.
#include "buildpaths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(30000)) {
        r.err = QStringLiteral("did not finish");
        return r;
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return r;
}

const QString VendorKey = tandem::test::sourcePath("tests/license/dev-vendor.key");

} // namespace

class TestLicenseTransfer final : public QObject
{
    Q_OBJECT

    // One computer: its own state directory and machine id.
    struct Computer
    {
        QString name;
        QString stateDir;
        QString machineIdFile;
    };

private Q_SLOTS:
    void init();
    void vendorToolMakesCodesTheProductAccepts();
    void transferMovesTheLicense();
    void killDashNineAtEveryStepLeavesExactlyOneLicense_data();
    void killDashNineAtEveryStepLeavesExactlyOneLicense();
    void mediaCopiedToAThirdComputerIsUseless();
    void pulledStickBeforeTheLicenseLeavesKeepsIt();
    void pulledStickAfterTheLicenseLeftIsFinishedOrUndone();
    void renamedPendingFileIsNoLicense();
    void abortIsRefusedOnceTheLicenseMayBeArmed();
    void copiedStateDirectoryCannotTransferOut();

private:
    Computer computer(const QString &name);
    Run ctl(const Computer &c, const QStringList &args,
            const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    QJsonObject status(const Computer &c);
    bool hasLicense(const Computer &c) { return status(c).contains(QLatin1String("serial")); }
    // Installs and unlocks a license for `pairs` pairs on `c`.
    void license(const Computer &c, int pairs = 2);
    bool mediaHoldsLicense() const
    {
        return QFile::exists(m_media + QStringLiteral("/tandem-license/license.sealed"));
    }
    Run transfer(const Computer &c, const QString &step, const QString &media,
                 const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        return ctl(c,
                   {QStringLiteral("license"), QStringLiteral("transfer"), step,
                    QStringLiteral("--media"), media},
                   env);
    }
    static QProcessEnvironment crashAt(const char *point)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TANDEM_TEST_CRASH_AT"), QString::fromLatin1(point));
        return env;
    }
    static bool copyFolder(const QString &from, const QString &to);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_media;
    Computer m_source, m_target;
};

void TestLicenseTransfer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_media = m_dir->filePath(QStringLiteral("media"));
    QVERIFY(QDir().mkpath(m_media));
    m_source = computer(QStringLiteral("source"));
    m_target = computer(QStringLiteral("target"));
}

TestLicenseTransfer::Computer TestLicenseTransfer::computer(const QString &name)
{
    Computer c{name, m_dir->filePath(name + QStringLiteral("/state")),
               m_dir->filePath(name + QStringLiteral("/machine-id"))};
    QDir().mkpath(m_dir->filePath(name));
    QFile f(c.machineIdFile);
    if (f.open(QIODevice::WriteOnly))
        f.write(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Md5).toHex() + '\n');
    return c;
}

Run TestLicenseTransfer::ctl(const Computer &c, const QStringList &args,
                             const QProcessEnvironment &env)
{
    return run(tandem::test::tandemctlPath(),
               QStringList{QStringLiteral("--config"),
                           m_dir->filePath(c.name + QStringLiteral("/t.xml")),
                           QStringLiteral("--state-dir"), c.stateDir,
                           QStringLiteral("--machine-id-file"), c.machineIdFile} +
                   args,
               env);
}

QJsonObject TestLicenseTransfer::status(const Computer &c)
{
    const Run r =
        ctl(c, {QStringLiteral("license"), QStringLiteral("status"), QStringLiteral("--json")});
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

void TestLicenseTransfer::license(const Computer &c, int pairs)
{
    const Run serial = run(tandem::test::tandemLicensePath(),
                           {QStringLiteral("serial"), QStringLiteral("--key"), VendorKey,
                            QStringLiteral("--pairs"), QString::number(pairs)});
    QCOMPARE(serial.exitCode, 0);
    Run r = ctl(c, {QStringLiteral("license"), QStringLiteral("serial"), serial.out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString computerId = status(c).value(QLatin1String("computer-id")).toString();
    const Run unlock =
        run(tandem::test::tandemLicensePath(),
            {QStringLiteral("unlock"), QStringLiteral("--key"), VendorKey,
             QStringLiteral("--serial"), serial.out, QStringLiteral("--computer-id"), computerId});
    QCOMPARE(unlock.exitCode, 0);
    r = ctl(c, {QStringLiteral("license"), QStringLiteral("unlock"), unlock.out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(status(c).value(QLatin1String("state")).toString(), QStringLiteral("unlocked"));
}

void TestLicenseTransfer::vendorToolMakesCodesTheProductAccepts()
{
    // A new vendor key pair: written once, never overwritten.
    const QString keys = m_dir->filePath(QStringLiteral("vendor"));
    Run r = run(tandem::test::tandemLicensePath(),
                {QStringLiteral("keygen"), QStringLiteral("--out"), keys});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(QFile::exists(keys + QStringLiteral("/vendor.key")));
    QCOMPARE(QFile::permissions(keys + QStringLiteral("/vendor.key")) & QFile::ReadOther,
             QFile::Permissions());
    r = run(tandem::test::tandemLicensePath(),
            {QStringLiteral("keygen"), QStringLiteral("--out"), keys});
    QCOMPARE(r.exitCode, 1);
    // Its serials are refused by this build, which trusts the development key only.
    r = run(tandem::test::tandemLicensePath(),
            {QStringLiteral("serial"), QStringLiteral("--key"),
             keys + QStringLiteral("/vendor.key"), QStringLiteral("--pairs"), QStringLiteral("1")});
    QCOMPARE(r.exitCode, 0);
    Run refused = ctl(m_source, {QStringLiteral("license"), QStringLiteral("serial"), r.out});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("not valid")), qPrintable(refused.err));
    // Bad vendor input is refused with the reason.
    r = run(tandem::test::tandemLicensePath(),
            {QStringLiteral("serial"), QStringLiteral("--key"), VendorKey,
             QStringLiteral("--pairs"), QStringLiteral("0")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("--pairs")));
    license(m_source, 4);
    QCOMPARE(status(m_source).value(QLatin1String("pairs")).toInt(), 4);
}

void TestLicenseTransfer::transferMovesTheLicense()
{
    license(m_source);
    const QString serial = status(m_source).value(QLatin1String("serial")).toString();
    Run r = ctl(m_target, {QStringLiteral("license"), QStringLiteral("transfer"),
                           QStringLiteral("prepare"), QStringLiteral("--media"), m_media});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // The media goes to the source first: the target cannot install from it yet.
    r = ctl(m_target, {QStringLiteral("license"), QStringLiteral("transfer"), QStringLiteral("in"),
                       QStringLiteral("--media"), m_media});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("source computer")), qPrintable(r.err));
    r = ctl(m_source, {QStringLiteral("license"), QStringLiteral("transfer"), QStringLiteral("out"),
                       QStringLiteral("--media"), m_media});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(status(m_source).value(QLatin1String("state")).toString(), QStringLiteral("demo"));
    QVERIFY(mediaHoldsLicense());
    r = ctl(m_target, {QStringLiteral("license"), QStringLiteral("transfer"), QStringLiteral("in"),
                       QStringLiteral("--media"), m_media});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject target = status(m_target);
    QCOMPARE(target.value(QLatin1String("state")).toString(), QStringLiteral("licensed"));
    QCOMPARE(target.value(QLatin1String("serial")).toString(), serial);
    QCOMPARE(target.value(QLatin1String("grace-days-left")).toInt(), 10);
    // The media is wiped: nothing of the license is left on it.
    QVERIFY(!mediaHoldsLicense());
    QCOMPARE(QDir(m_media + QStringLiteral("/tandem-license")).entryList(QDir::Files),
             QStringList());
}

void TestLicenseTransfer::killDashNineAtEveryStepLeavesExactlyOneLicense_data()
{
    QTest::addColumn<QString>("point");
    for (const char *point :
         {"out:journaled", "out:pending-written", "out:given-up-journaled", "out:license-removed",
          "out:armed", "in:journaled", "in:installed", "in:media-wiped"})
        QTest::newRow(point) << QString::fromLatin1(point);
}

void TestLicenseTransfer::killDashNineAtEveryStepLeavesExactlyOneLicense()
{
    QFETCH(QString, point);
    license(m_source);
    Run r = ctl(m_target, {QStringLiteral("license"), QStringLiteral("transfer"),
                           QStringLiteral("prepare"), QStringLiteral("--media"), m_media});
    QCOMPARE(r.exitCode, 0);
    QProcessEnvironment crash = QProcessEnvironment::systemEnvironment();
    crash.insert(QStringLiteral("TANDEM_TEST_CRASH_AT"), point);
    const bool inOut = point.startsWith(QLatin1String("out:"));

    const QStringList out{QStringLiteral("license"), QStringLiteral("transfer"),
                          QStringLiteral("out"), QStringLiteral("--media"), m_media};
    const QStringList in{QStringLiteral("license"), QStringLiteral("transfer"),
                         QStringLiteral("in"), QStringLiteral("--media"), m_media};
    r = ctl(m_source, out, inOut ? crash : QProcessEnvironment::systemEnvironment());
    QCOMPARE(r.crashed, inOut);
    if (!inOut) {
        QCOMPARE(r.exitCode, 0);
        r = ctl(m_target, in, crash);
        QVERIFY(r.crashed);
    }
    // After the crash, the next tandemctl finishes or undoes it. Exactly one license:
    // on the source, on the target, or armed on the media for the target.
    const int licenses =
        int(hasLicense(m_source)) + int(hasLicense(m_target)) + int(mediaHoldsLicense());
    QCOMPARE(licenses, 1);

    // And the transfer can always be completed from there.
    if (hasLicense(m_source)) {
        r = ctl(m_source, out);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    if (!hasLicense(m_target)) {
        r = ctl(m_target, in);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    QVERIFY(!hasLicense(m_source));
    QCOMPARE(status(m_target).value(QLatin1String("state")).toString(), QStringLiteral("licensed"));
    QVERIFY(!mediaHoldsLicense());
    QVERIFY(!QFile::exists(m_media + QStringLiteral("/tandem-license/license.sealed.pending")));
    for (const Computer &c : {m_source, m_target})
        QCOMPARE(QDir(c.stateDir).entryList({QStringLiteral("transfer-*")}, QDir::Files),
                 QStringList());
}

void TestLicenseTransfer::mediaCopiedToAThirdComputerIsUseless()
{
    license(m_source);
    QCOMPARE(ctl(m_target, {QStringLiteral("license"), QStringLiteral("transfer"),
                            QStringLiteral("prepare"), QStringLiteral("--media"), m_media})
                 .exitCode,
             0);
    QCOMPARE(ctl(m_source, {QStringLiteral("license"), QStringLiteral("transfer"),
                            QStringLiteral("out"), QStringLiteral("--media"), m_media})
                 .exitCode,
             0);
    // Someone copies the stick before it reaches the target.
    const QString copy = m_dir->filePath(QStringLiteral("copy"));
    QVERIFY(QDir().mkpath(copy + QStringLiteral("/tandem-license")));
    for (const QString &name :
         QDir(m_media + QStringLiteral("/tandem-license")).entryList(QDir::Files))
        QVERIFY(QFile::copy(m_media + QStringLiteral("/tandem-license/") + name,
                            copy + QStringLiteral("/tandem-license/") + name));
    const Computer third = computer(QStringLiteral("third"));
    Run r = ctl(third, {QStringLiteral("license"), QStringLiteral("transfer"), QStringLiteral("in"),
                        QStringLiteral("--media"), copy});
    QCOMPARE(r.exitCode, 1);
    const QString targetId = status(m_target).value(QLatin1String("computer-id")).toString();
    QVERIFY2(r.err.contains(targetId), qPrintable(r.err)); // names the computer it is for
    QVERIFY(!hasLicense(third));
    // The same holds for a third computer that prepared media of its own.
    QCOMPARE(ctl(third,
                 {QStringLiteral("license"), QStringLiteral("transfer"), QStringLiteral("prepare"),
                  QStringLiteral("--media"), m_dir->filePath(QStringLiteral("media3"))})
                 .exitCode,
             1); // media3 does not exist: refused, clearly
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("media3"))));
    QCOMPARE(ctl(third,
                 {QStringLiteral("license"), QStringLiteral("transfer"), QStringLiteral("prepare"),
                  QStringLiteral("--media"), m_dir->filePath(QStringLiteral("media3"))})
                 .exitCode,
             0);
    r = ctl(third, {QStringLiteral("license"), QStringLiteral("transfer"), QStringLiteral("in"),
                    QStringLiteral("--media"), copy});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("not for this one")), qPrintable(r.err));

    // The target installs from the original; then the copy is useless to it as well.
    QCOMPARE(ctl(m_target, {QStringLiteral("license"), QStringLiteral("transfer"),
                            QStringLiteral("in"), QStringLiteral("--media"), m_media})
                 .exitCode,
             0);
    r = ctl(m_target, {QStringLiteral("license"), QStringLiteral("transfer"), QStringLiteral("in"),
                       QStringLiteral("--media"), copy});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("holds a license already")));
    QVERIFY(!hasLicense(m_source) && !hasLicense(third));
}

void TestLicenseTransfer::pulledStickBeforeTheLicenseLeavesKeepsIt()
{
    license(m_source);
    QCOMPARE(ctl(m_target, {QStringLiteral("license"), QStringLiteral("transfer"),
                            QStringLiteral("prepare"), QStringLiteral("--media"), m_media})
                 .exitCode,
             0);
    QProcessEnvironment pull = QProcessEnvironment::systemEnvironment();
    pull.insert(QStringLiteral("TANDEM_TEST_PULL_MEDIA_AT"), QStringLiteral("out:journaled"));
    pull.insert(QStringLiteral("TANDEM_TEST_PULL_MEDIA_DIR"), m_media);
    const Run r = ctl(m_source,
                      {QStringLiteral("license"), QStringLiteral("transfer"), QStringLiteral("out"),
                       QStringLiteral("--media"), m_media},
                      pull);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(m_media) &&
                 r.err.contains(QStringLiteral("the license stays on this computer")),
             qPrintable(r.err));
    QCOMPARE(status(m_source).value(QLatin1String("state")).toString(), QStringLiteral("unlocked"));
    QVERIFY(status(m_source).value(QLatin1String("pending-transfer")).toString().isEmpty());
}

void TestLicenseTransfer::pulledStickAfterTheLicenseLeftIsFinishedOrUndone()
{
    license(m_source);
    QCOMPARE(ctl(m_target, {QStringLiteral("license"), QStringLiteral("transfer"),
                            QStringLiteral("prepare"), QStringLiteral("--media"), m_media})
                 .exitCode,
             0);
    // Save the prepared stick's content: "re-inserting" it later brings it back.
    const QByteArray request = [&] {
        QFile f(m_media + QStringLiteral("/tandem-license/request.json"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QProcessEnvironment pull = QProcessEnvironment::systemEnvironment();
    pull.insert(QStringLiteral("TANDEM_TEST_PULL_MEDIA_AT"), QStringLiteral("out:license-removed"));
    pull.insert(QStringLiteral("TANDEM_TEST_PULL_MEDIA_DIR"), m_media);
    const QStringList out{QStringLiteral("license"), QStringLiteral("transfer"),
                          QStringLiteral("out"), QStringLiteral("--media"), m_media};
    Run r = ctl(m_source, out, pull);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("insert the media")), qPrintable(r.err));
    // Not on the source, not on the (gone) media: held by the journal, and said so.
    QJsonObject s = status(m_source);
    QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("demo"));
    QVERIFY(s.value(QLatin1String("pending-transfer")).toString().contains(m_media));

    // The stick comes back: transfer out again finishes the job.
    QVERIFY(QDir().mkpath(m_media + QStringLiteral("/tandem-license")));
    QFile f(m_media + QStringLiteral("/tandem-license/request.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(request);
    f.close();
    r = ctl(m_source, out);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("was finished")), qPrintable(r.err));
    QVERIFY(mediaHoldsLicense());
    QCOMPARE(ctl(m_target, {QStringLiteral("license"), QStringLiteral("transfer"),
                            QStringLiteral("in"), QStringLiteral("--media"), m_media})
                 .exitCode,
             0);
    QVERIFY(hasLicense(m_target) && !hasLicense(m_source));

    // The other way out: the stick is lost for good, so the source takes its license back.
    const Computer other = computer(QStringLiteral("other"));
    license(other);
    const Computer receiver = computer(QStringLiteral("receiver"));
    const QString media2 = m_dir->filePath(QStringLiteral("media2"));
    QVERIFY(QDir().mkpath(media2));
    QCOMPARE(ctl(receiver, {QStringLiteral("license"), QStringLiteral("transfer"),
                            QStringLiteral("prepare"), QStringLiteral("--media"), media2})
                 .exitCode,
             0);
    pull.insert(QStringLiteral("TANDEM_TEST_PULL_MEDIA_DIR"), media2);
    QCOMPARE(ctl(other,
                 {QStringLiteral("license"), QStringLiteral("transfer"), QStringLiteral("out"),
                  QStringLiteral("--media"), media2},
                 pull)
                 .exitCode,
             1);
    QVERIFY(!hasLicense(other));
    r = ctl(other, {QStringLiteral("license"), QStringLiteral("transfer"), QStringLiteral("out"),
                    QStringLiteral("--abort")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(status(other).value(QLatin1String("state")).toString(), QStringLiteral("unlocked"));
}

bool TestLicenseTransfer::copyFolder(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    const QDir source(from);
    for (const QFileInfo &entry :
         source.entryInfoList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)) {
        const QString target = QDir(to).filePath(entry.fileName());
        if (entry.isDir() ? !copyFolder(entry.filePath(), target)
                          : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

// A hole in the transfer: the source dies (or is killed) while the license is
// written to the media, before it gave the license up. Renaming the pending file to the
// armed name must not give the target a license: the source keeps its own.
void TestLicenseTransfer::renamedPendingFileIsNoLicense()
{
    license(m_source);
    QCOMPARE(transfer(m_target, QStringLiteral("prepare"), m_media).exitCode, 0);
    const Run killed =
        transfer(m_source, QStringLiteral("out"), m_media, crashAt("out:pending-written"));
    QVERIFY(killed.crashed);
    const QString folder = m_media + QStringLiteral("/tandem-license/");
    QVERIFY(QFile::exists(folder + QStringLiteral("license.sealed.pending")));
    QVERIFY(QFile::rename(folder + QStringLiteral("license.sealed.pending"),
                          folder + QStringLiteral("license.sealed")));
    const Run in = transfer(m_target, QStringLiteral("in"), m_media);
    QCOMPARE(in.exitCode, 1);
    QVERIFY2(in.err.contains(QStringLiteral("not finished")), qPrintable(in.err));
    QVERIFY(!hasLicense(m_target));
    // The source rolled back: the license is where it was, once.
    QCOMPARE(status(m_source).value(QLatin1String("state")).toString(), QStringLiteral("unlocked"));
}

// Hole 2: once the license may be armed on the media, a copy of the media can install it,
// so the source must not take it back: --abort is refused and says what to do instead.
void TestLicenseTransfer::abortIsRefusedOnceTheLicenseMayBeArmed()
{
    license(m_source);
    QCOMPARE(transfer(m_target, QStringLiteral("prepare"), m_media).exitCode, 0);
    const Run killed = transfer(m_source, QStringLiteral("out"), m_media, crashAt("out:armed"));
    QVERIFY(killed.crashed);
    const QString copy = m_dir->filePath(QStringLiteral("media-copy"));
    QVERIFY(copyFolder(m_media, copy));
    const Run abort = ctl(m_source, {QStringLiteral("license"), QStringLiteral("transfer"),
                                     QStringLiteral("out"), QStringLiteral("--abort")});
    QCOMPARE(abort.exitCode, 1);
    QVERIFY2(abort.err.contains(QStringLiteral("can no longer be taken back")),
             qPrintable(abort.err));
    QVERIFY(!hasLicense(m_source));
    // The copy installs it on the target; the license exists once.
    const Run in = transfer(m_target, QStringLiteral("in"), copy);
    QVERIFY2(in.exitCode == 0, qPrintable(in.err));
    QVERIFY(hasLicense(m_target));
    QVERIFY(!hasLicense(m_source));

    // Before the license could be armed, the source may still take it back: the media
    // holds nothing the target accepts.
    const Computer other = computer(QStringLiteral("other"));
    license(other);
    const Computer receiver = computer(QStringLiteral("receiver"));
    const QString media2 = m_dir->filePath(QStringLiteral("media2"));
    QVERIFY(QDir().mkpath(media2));
    QCOMPARE(transfer(receiver, QStringLiteral("prepare"), media2).exitCode, 0);
    QVERIFY(transfer(other, QStringLiteral("out"), media2, crashAt("out:license-removed")).crashed);
    const QString copy2 = m_dir->filePath(QStringLiteral("media2-copy"));
    QVERIFY(copyFolder(media2, copy2));
    const Run aborted = ctl(other, {QStringLiteral("license"), QStringLiteral("transfer"),
                                    QStringLiteral("out"), QStringLiteral("--abort")});
    QVERIFY2(aborted.exitCode == 0, qPrintable(aborted.err));
    QCOMPARE(status(other).value(QLatin1String("state")).toString(), QStringLiteral("unlocked"));
    const QString folder2 = copy2 + QStringLiteral("/tandem-license/");
    if (QFile::exists(folder2 + QStringLiteral("license.sealed.pending")))
        QVERIFY(QFile::rename(folder2 + QStringLiteral("license.sealed.pending"),
                              folder2 + QStringLiteral("license.sealed")));
    QCOMPARE(transfer(receiver, QStringLiteral("in"), copy2).exitCode, 1);
    QVERIFY(!hasLicense(receiver));
}

// Hole 3: a copy of the source's state directory (license.json and all) transfers out
// while the original keeps the license. The copy is refused; the original still can.
void TestLicenseTransfer::copiedStateDirectoryCannotTransferOut()
{
    license(m_source);
    Computer copy = m_source;
    copy.name = QStringLiteral("source-copy");
    copy.stateDir = m_dir->filePath(QStringLiteral("source-copy/state"));
    QVERIFY(copyFolder(m_source.stateDir, copy.stateDir));
    QCOMPARE(transfer(m_target, QStringLiteral("prepare"), m_media).exitCode, 0);
    const Run out = transfer(copy, QStringLiteral("out"), m_media);
    QCOMPARE(out.exitCode, 1);
    QVERIFY2(out.err.contains(QStringLiteral("copied")), qPrintable(out.err));
    QVERIFY(!mediaHoldsLicense());
    QVERIFY(transfer(m_target, QStringLiteral("in"), m_media).exitCode != 0);
    QVERIFY(!hasLicense(m_target));
    // The original transfers as before.
    const Run original = transfer(m_source, QStringLiteral("out"), m_media);
    QVERIFY2(original.exitCode == 0, qPrintable(original.err));
    QCOMPARE(transfer(m_target, QStringLiteral("in"), m_media).exitCode, 0);
    QVERIFY(hasLicense(m_target) && !hasLicense(m_source));
}

QTEST_GUILESS_MAIN(TestLicenseTransfer)
#include "tst_licensetransfer.moc"
