// Licensing without the media: the text codes, serial and unlock signatures (tampering
// refused), the Computer ID, every state of the license file on a hand-driven clock, and
// the engine's gate (demo warning, demo end, pairs allowed).
#include "base/clock.h"
#include "buildpaths.h"
#include "events/eventlog.h"
#include "license/licensecodec.h"
#include "license/licensefile.h"
#include "license/licensegate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;

namespace {

QByteArray devSecretKey()
{
    QFile file(test::sourcePath("tests/license/dev-vendor.key"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QByteArray::fromHex(file.readAll().trimmed());
}

Serial serial(int pairs = 3, quint32 number = 4711)
{
    Serial s;
    s.edition = Serial::Edition::Professional;
    s.pairs = pairs;
    s.issued = QDate(2026, 11, 23);
    s.number = number;
    return s;
}

// Replaces one symbol of a code with another valid one.
QString tamper(QString code, qsizetype at)
{
    while (code.at(at) == QLatin1Char('-'))
        ++at;
    code[at] = code.at(at) == QLatin1Char('7') ? QLatin1Char('8') : QLatin1Char('7');
    return code;
}

constexpr qint64 Day = 24LL * 3600 * 1000;

} // namespace

class TestLicense final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void groupedBase32RoundTrip();
    void groupedBase32ForgivesWhatPeopleType();
    void serialRoundTrip();
    void serialTamperingIsRefused();
    void serialOfAnotherVendorIsRefused();
    void computerIdIsStablePerMachine();
    void unlockPasswordIsBoundToTheComputer();
    void licenseStates();
    void secondSerialIsRefusedSoNothingIsLost();
    void damagedLicenseFileIsReportedNotReplaced();
    void editedUnlockIsRefused();
    void graceStates_data();
    void graceStates();
    void gateReportsAGraceEndedByTampering();
    void gateDemoWarningThenEnd();
    void gatePairsAllowed();
    void gateServesAgainOnceUnlocked();

private:
    LicenseFile::Options options(const QString &machine);
    LicenseFile::Options options(const QString &machine, const QString &stateDir);

    QTemporaryDir m_dir;
    QByteArray m_key;
    ManualClock m_time; // its wall clock starts at 1'800'000'000'000 ms
};

void TestLicense::initTestCase()
{
    m_key = devSecretKey();
    QCOMPARE(m_key.size(), 64);
    // The development key's public half is what this build verifies with.
    QCOMPARE(m_key.right(32), builtInVendorPublicKey());
}

LicenseFile::Options TestLicense::options(const QString &machine)
{
    const QString idFile = m_dir.filePath(machine + QStringLiteral(".machine-id"));
    QFile f(idFile);
    if (!f.exists() && f.open(QIODevice::WriteOnly))
        f.write(QCryptographicHash::hash(machine.toUtf8(), QCryptographicHash::Md5).toHex() + '\n');
    return {m_dir.filePath(machine), idFile, builtInVendorPublicKey(), &m_time};
}

LicenseFile::Options TestLicense::options(const QString &machine, const QString &stateDir)
{
    LicenseFile::Options o = options(machine);
    o.stateDir = stateDir;
    return o;
}

void TestLicense::groupedBase32RoundTrip()
{
    for (int size : {1, 5, 12, 64, 76}) {
        QByteArray bytes(size, '\0');
        for (int i = 0; i < size; ++i)
            bytes[i] = char(i * 37 + size);
        const QString text = GroupedBase32::encode(bytes);
        for (const QString &group : text.split(QLatin1Char('-')))
            QVERIFY(group.size() <= 5);
        QCOMPARE(GroupedBase32::decode(text, size), bytes);
    }
}

void TestLicense::groupedBase32ForgivesWhatPeopleType()
{
    const QByteArray bytes = QByteArray::fromHex("00ff10203040506070");
    const QString text = GroupedBase32::encode(bytes);
    QString typed = text.toLower();
    typed.replace(QLatin1Char('-'), QLatin1Char(' '));
    typed.replace(QLatin1Char('0'), QLatin1Char('o')).replace(QLatin1Char('1'), QLatin1Char('l'));
    QCOMPARE(GroupedBase32::decode(typed, bytes.size()), bytes);
    QVERIFY(!GroupedBase32::decode(text + QLatin1Char('A'), bytes.size())); // a symbol too many
    QVERIFY(!GroupedBase32::decode(text.chopped(1), bytes.size()));         // one too few
    QVERIFY(!GroupedBase32::decode(QString(text).replace(2, 1, QLatin1Char('U')), bytes.size()));
}

void TestLicense::serialRoundTrip()
{
    const QString text = serial().sign(m_key);
    QString error;
    const std::optional<Serial> parsed = Serial::parse(text, builtInVendorPublicKey(), &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->pairs, 3);
    QCOMPARE(parsed->number, quint32(4711));
    QCOMPARE(parsed->issued, QDate(2026, 11, 23));
    QCOMPARE(parsed->edition, Serial::Edition::Professional);
}

void TestLicense::serialTamperingIsRefused()
{
    const QString text = serial().sign(m_key);
    QString error;
    // Any one symbol changed: in the payload (pairs, date) or in the signature.
    for (qsizetype at : {qsizetype(0), qsizetype(3), qsizetype(8), qsizetype(20), qsizetype(60),
                         text.size() - 3}) {
        QVERIFY2(!Serial::parse(tamper(text, at), builtInVendorPublicKey(), &error),
                 qPrintable(QString::number(at)));
        QVERIFY2(error.contains(QStringLiteral("not valid")) ||
                     error.contains(QStringLiteral("not a Tandem serial")),
                 qPrintable(error));
    }
    QVERIFY(!Serial::parse(QStringLiteral("HELLO-WORLD"), builtInVendorPublicKey(), &error));
    QVERIFY(error.contains(QStringLiteral("not a Tandem serial number")));
}

void TestLicense::serialOfAnotherVendorIsRefused()
{
    const VendorKeyPair other = VendorKeyPair::generate();
    QString error;
    QVERIFY(!Serial::parse(serial().sign(other.secretKey), builtInVendorPublicKey(), &error));
    QVERIFY(Serial::parse(serial().sign(other.secretKey), other.publicKey, &error));
}

void TestLicense::computerIdIsStablePerMachine()
{
    QString error;
    const auto a1 = ComputerId::forMachine(options(QStringLiteral("a")).machineIdFile, &error);
    const auto a2 = ComputerId::forMachine(options(QStringLiteral("a")).machineIdFile, &error);
    const auto b = ComputerId::forMachine(options(QStringLiteral("b")).machineIdFile, &error);
    QVERIFY(a1 && a2 && b);
    QCOMPARE(*a1, *a2);
    QVERIFY(*a1 != *b);
    QVERIFY(
        QRegularExpression(QStringLiteral("^\\d{5}-\\d{5}-\\d{5}-\\d{5}$")).match(*a1).hasMatch());
    QVERIFY(!ComputerId::forMachine(m_dir.filePath(QStringLiteral("missing")), &error));
    QVERIFY(error.contains(QStringLiteral("missing")));
}

void TestLicense::unlockPasswordIsBoundToTheComputer()
{
    QString error;
    const QString a = *ComputerId::forMachine(options(QStringLiteral("a")).machineIdFile, &error);
    const QString b = *ComputerId::forMachine(options(QStringLiteral("b")).machineIdFile, &error);
    const QString password = UnlockPassword::make(serial(), a, m_key);
    QVERIFY(UnlockPassword::verify(serial(), a, password, builtInVendorPublicKey(), &error));
    QVERIFY(!UnlockPassword::verify(serial(), b, password, builtInVendorPublicKey(), &error));
    QVERIFY(error.contains(b));
    QVERIFY(
        !UnlockPassword::verify(serial(3, 4712), a, password, builtInVendorPublicKey(), &error));
    QVERIFY(!UnlockPassword::verify(serial(), a, tamper(password, 10), builtInVendorPublicKey(),
                                    &error));
}

void TestLicense::licenseStates()
{
    LicenseFile license(options(QStringLiteral("states")));
    QCOMPARE(license.status().state, LicenseState::Demo);
    QCOMPARE(license.status().pairsAllowed(), -1);
    QString error;
    QVERIFY(!license.unlock(QStringLiteral("AAAAA"), &error)); // nothing to unlock yet
    QVERIFY(error.contains(QStringLiteral("serial number first")));

    QVERIFY2(license.enterSerial(serial().sign(m_key).toLower(), &error), qPrintable(error));
    LicenseStatus s = license.status();
    QCOMPARE(s.state, LicenseState::Licensed);
    QCOMPARE(s.graceDaysLeft, 10);
    QCOMPARE(s.pairsAllowed(), 3);
    QCOMPARE(s.serialText, serial().sign(m_key)); // stored in its canonical form

    m_time.advance(9 * Day + 1);
    QCOMPARE(license.status().graceDaysLeft, 1);
    QCOMPARE(license.status().state, LicenseState::Licensed);
    m_time.advance(Day);
    QCOMPARE(license.status().state, LicenseState::GraceExpired);
    QCOMPARE(license.status().pairsAllowed(), -1); // demo limits again
    QVERIFY(license.status().demoLimited());

    // Unlocking works after the grace period too, and is for good.
    QVERIFY(
        !license.unlock(tamper(UnlockPassword::make(serial(), s.computerId, m_key), 4), &error));
    QVERIFY2(license.unlock(UnlockPassword::make(serial(), s.computerId, m_key), &error),
             qPrintable(error));
    QCOMPARE(license.status().state, LicenseState::Unlocked);
    m_time.advance(1000 * Day);
    QCOMPARE(license.status().state, LicenseState::Unlocked);
    QCOMPARE(license.status().pairsAllowed(), 3);
}

void TestLicense::secondSerialIsRefusedSoNothingIsLost()
{
    LicenseFile license(options(QStringLiteral("second")));
    QString error;
    QVERIFY(license.enterSerial(serial(3, 1).sign(m_key), &error));
    QVERIFY(!license.enterSerial(serial(5, 2).sign(m_key), &error));
    QVERIFY2(error.contains(QStringLiteral("transfer it away first")), qPrintable(error));
    QVERIFY(!license.enterSerial(serial(3, 1).sign(m_key), &error));
    QVERIFY(error.contains(QStringLiteral("installed already")));
    QCOMPARE(license.status().serial->number, quint32(1));
}

void TestLicense::damagedLicenseFileIsReportedNotReplaced()
{
    LicenseFile license(options(QStringLiteral("damaged")));
    QVERIFY(QDir().mkpath(license.options().stateDir));
    QFile f(license.path());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{ not json");
    f.close();
    const LicenseStatus s = license.status();
    QCOMPARE(s.state, LicenseState::Demo);
    QVERIFY2(s.problem.contains(QStringLiteral("damaged")), qPrintable(s.problem));
    QString error;
    QVERIFY(!license.enterSerial(serial().sign(m_key), &error));
    QVERIFY(error.contains(QStringLiteral("move the file away")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("{ not json")); // still someone's file
}

void TestLicense::editedUnlockIsRefused()
{
    // license.json copied from computer a to computer b: unlocked on a only.
    LicenseFile a(options(QStringLiteral("copy-a")));
    QString error;
    QVERIFY(a.enterSerial(serial().sign(m_key), &error));
    QVERIFY(a.unlock(UnlockPassword::make(serial(), a.status().computerId, m_key), &error));
    LicenseFile b(options(QStringLiteral("copy-b")));
    QVERIFY(QDir().mkpath(b.options().stateDir));
    QVERIFY(QFile::copy(a.path(), b.path()));
    const LicenseStatus s = b.status();
    QVERIFY(s.state != LicenseState::Unlocked);
    QVERIFY2(s.problem.contains(QStringLiteral("does not fit this computer")),
             qPrintable(s.problem));
}

namespace {

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                       : QJsonObject();
}

bool writeJson(const QString &path, const QJsonObject &o)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           f.write(QJsonDocument(o).toJson()) > 0;
}

bool copyFolder(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + file.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(file, target))
            return false;
    }
    return true;
}

} // namespace

// The grace period as a model: what an operator (or someone after more days of grace)
// does to the files, and the state that must come out. Every way to move the start of
// the grace period, to take it to another computer or folder, or to enter the serial
// again ends the grace period or keeps it where it was; none extends it.
void TestLicense::graceStates_data()
{
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("daysLeft");    // -1: not checked
    QTest::addColumn<QString>("problem"); // part of the reported problem; empty: none
    const QString ended = QStringLiteral("grace period has ended");
    const auto row = [](const char *name, const char *steps, const char *state, int days,
                        const QString &problem) {
        QTest::newRow(name) << QString::fromLatin1(steps).split(QLatin1Char(' '))
                            << QString::fromLatin1(state) << days << problem;
    };
    row("entered", "enter", "licensed", 10, {});
    row("three days later", "enter wait:3", "licensed", 7, {});
    row("start moved later", "enter wait:3 shift-start:3", "grace-expired", -1, ended);
    row("start moved earlier", "enter shift-start:-1", "grace-expired", -1, ended);
    row("start removed", "enter drop:installed-ms", "grace-expired", -1, ended);
    row("seal removed (an older version's file)", "enter drop:installed-mac", "grace-expired", -1,
        ended);
    row("secret deleted", "enter delete-secret", "grace-expired", -1, ended);
    row("secret replaced", "enter replace-secret", "grace-expired", -1, ended);
    row("state directory copied to another computer", "enter copy-to-computer", "grace-expired", -1,
        ended);
    row("state directory copied on this computer", "enter copy-state-dir", "grace-expired", -1,
        ended);
    row("serial entered again", "enter wait:3 remove-license enter", "licensed", 7, {});
    row("serial entered again after the grace period", "enter wait:11 remove-license enter",
        "grace-expired", -1, {});
    row("serial entered again with the history edited",
        "enter wait:3 remove-license shift-history:3 enter", "grace-expired", -1, {});
    row("unlocked, start moved", "enter unlock shift-start:100", "unlocked", -1, {});
    row("unlocked, state directory copied to another computer", "enter unlock copy-to-computer",
        "grace-expired", -1, ended);
}

void TestLicense::graceStates()
{
    QFETCH(QStringList, steps);
    QFETCH(QString, state);
    QFETCH(int, daysLeft);
    QFETCH(QString, problem);
    static int rowNumber = 0;
    const QString machine = QStringLiteral("grace-%1").arg(++rowNumber);
    LicenseFile::Options current = options(machine);
    const QString text = serial(3, 900 + quint32(rowNumber)).sign(m_key);
    const auto inState = [&](const QString &name) { return QDir(current.stateDir).filePath(name); };
    QString error;
    for (const QString &step : steps) {
        const QString verb = step.section(QLatin1Char(':'), 0, 0);
        const QString arg = step.section(QLatin1Char(':'), 1);
        LicenseFile license(current);
        if (verb == QLatin1String("enter")) {
            QVERIFY2(license.enterSerial(text, &error), qPrintable(error));
        } else if (verb == QLatin1String("unlock")) {
            const LicenseStatus s = license.status();
            QVERIFY2(license.unlock(UnlockPassword::make(*s.serial, s.computerId, m_key), &error),
                     qPrintable(error));
        } else if (verb == QLatin1String("wait")) {
            m_time.advance(arg.toInt() * Day);
        } else if (verb == QLatin1String("shift-start")) {
            QJsonObject r = readJson(license.path());
            r.insert(QStringLiteral("installed-ms"),
                     r.value(QLatin1String("installed-ms")).toInteger() - arg.toInt() * Day);
            QVERIFY(writeJson(license.path(), r));
        } else if (verb == QLatin1String("shift-history")) {
            // Every start the history of this state directory remembers, moved back.
            const QString history = inState(QStringLiteral("license-history.json"));
            QJsonObject h = readJson(history);
            QJsonObject serials = h.value(QLatin1String("serials")).toObject();
            QVERIFY(!serials.isEmpty());
            for (auto it = serials.begin(); it != serials.end(); ++it) {
                QJsonObject entry = it.value().toObject();
                entry.insert(QStringLiteral("installed-ms"),
                             entry.value(QLatin1String("installed-ms")).toInteger() +
                                 arg.toInt() * Day);
                it.value() = entry;
            }
            h.insert(QStringLiteral("serials"), serials);
            QVERIFY(writeJson(history, h));
        } else if (verb == QLatin1String("drop")) {
            QJsonObject r = readJson(license.path());
            r.remove(arg);
            QVERIFY(writeJson(license.path(), r));
        } else if (verb == QLatin1String("delete-secret")) {
            QVERIFY(QFile::remove(inState(QStringLiteral("license.secret"))));
        } else if (verb == QLatin1String("replace-secret")) {
            const QString secret = inState(QStringLiteral("license.secret"));
            QVERIFY(QFile::remove(secret));
            QFile f(secret);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(64, 'a') + '\n');
        } else if (verb == QLatin1String("copy-to-computer")) {
            const LicenseFile::Options other = options(machine + QStringLiteral("-elsewhere"));
            QVERIFY(copyFolder(current.stateDir, other.stateDir));
            current = other;
        } else if (verb == QLatin1String("copy-state-dir")) {
            const LicenseFile::Options copy =
                options(machine, current.stateDir + QStringLiteral("-copy"));
            QVERIFY(copyFolder(current.stateDir, copy.stateDir));
            current = copy;
        } else if (verb == QLatin1String("remove-license")) {
            QVERIFY(QFile::remove(license.path()));
        } else {
            QFAIL(qPrintable(QStringLiteral("unknown step ") + step));
        }
    }
    const LicenseStatus s = LicenseFile(current).status();
    QCOMPARE(s.stateName(), state);
    if (daysLeft >= 0)
        QCOMPARE(s.graceDaysLeft, daysLeft);
    if (problem.isEmpty())
        QVERIFY2(!s.problem.contains(QStringLiteral("grace")), qPrintable(s.problem));
    else
        QVERIFY2(s.problem.contains(problem), qPrintable(s.problem));
}

void TestLicense::gateReportsAGraceEndedByTampering()
{
    LicenseFile license(options(QStringLiteral("gate-tampered")));
    QString error;
    QVERIFY(license.enterSerial(serial(2, 77).sign(m_key), &error));
    QJsonObject r = readJson(license.path());
    r.insert(QStringLiteral("installed-ms"), m_time.wallMs() + 1000 * Day); // "licensed for ever"
    QVERIFY(writeJson(license.path(), r));
    EventLog events;
    QList<Event> posted;
    connect(&events, &EventLog::eventPosted, this, [&](const Event &e) { posted << e; });
    ManualClock clock;
    LicenseGate gate(&license, &events, &clock);
    gate.start();
    gate.announce();
    QVERIFY(gate.status().demoLimited());
    QStringList ids;
    for (const Event &e : posted)
        ids << e.id;
    QVERIFY2(ids.contains(QStringLiteral("license-grace-ended")), qPrintable(ids.join(u' ')));
    const Event &ended = posted.at(ids.indexOf(QStringLiteral("license-grace-ended")));
    QCOMPARE(ended.severity, Severity::Error);
    QVERIFY2(ended.text.contains(license.path()), qPrintable(ended.text));
    // Once per engine start, not on every refresh.
    posted.clear();
    gate.refresh();
    gate.tick();
    QCOMPARE(posted.size(), 0);
}

void TestLicense::gateDemoWarningThenEnd()
{
    LicenseFile license(options(QStringLiteral("gate-demo")));
    EventLog events;
    QList<Event> posted;
    connect(&events, &EventLog::eventPosted, this, [&](const Event &e) { posted << e; });
    ManualClock clock;
    LicenseGate gate(&license, &events, &clock);
    QSignalSpy expired(&gate, &LicenseGate::demoExpired);
    gate.start();
    QCOMPARE(gate.demoRemainingMs(), LicenseFile::DemoMs);
    QCOMPARE(gate.allowedPairs({QStringLiteral("a"), QStringLiteral("b")}).size(), 2);

    clock.advance(LicenseFile::DemoMs - LicenseFile::DemoWarningMs - 1);
    gate.tick();
    QCOMPARE(posted.size(), 0);
    clock.advance(1);
    gate.tick();
    gate.tick(); // once only
    QCOMPARE(posted.size(), 1);
    QCOMPARE(posted[0].id, QStringLiteral("license-demo-expiring"));
    QCOMPARE(posted[0].severity, Severity::Warning);
    QVERIFY(posted[0].text.contains(QStringLiteral("10 minute(s)")));

    clock.advance(LicenseFile::DemoWarningMs - 1);
    gate.tick();
    QCOMPARE(expired.size(), 0);
    clock.advance(1);
    gate.tick();
    gate.tick();
    QCOMPARE(expired.size(), 1);
    QCOMPARE(posted.size(), 2);
    QCOMPARE(posted[1].id, QStringLiteral("license-demo-expired"));
    QCOMPARE(posted[1].severity, Severity::Error);
    QVERIFY(gate.expired());
    QCOMPARE(gate.allowedPairs({QStringLiteral("a")}), QStringList());

    // A restart of the engine is a new demo period.
    gate.start();
    QVERIFY(!gate.expired());
    QCOMPARE(gate.demoRemainingMs(), LicenseFile::DemoMs);
}

void TestLicense::gatePairsAllowed()
{
    LicenseFile license(options(QStringLiteral("gate-pairs")));
    QString error;
    QVERIFY(license.enterSerial(serial(2).sign(m_key), &error));
    EventLog events;
    ManualClock clock;
    LicenseGate gate(&license, &events, &clock);
    gate.start();
    QCOMPARE(gate.demoRemainingMs(), -1);
    const QStringList enabled{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QCOMPARE(gate.allowedPairs(enabled), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    clock.advance(100 * Day); // no demo clock while licensed
    gate.tick();
    QVERIFY(!gate.expired());
}

void TestLicense::gateServesAgainOnceUnlocked()
{
    LicenseFile license(options(QStringLiteral("gate-unlock")));
    EventLog events;
    ManualClock clock;
    LicenseGate gate(&license, &events, &clock);
    QSignalSpy changed(&gate, &LicenseGate::changed);
    gate.start();
    clock.advance(LicenseFile::DemoMs);
    gate.tick();
    QVERIFY(gate.expired());
    QString error;
    QVERIFY(license.enterSerial(serial(1).sign(m_key), &error));
    gate.refresh();
    QCOMPARE(changed.size(), 1);
    QVERIFY(!gate.expired());
    QCOMPARE(gate.allowedPairs({QStringLiteral("a"), QStringLiteral("b")}),
             QStringList({QStringLiteral("a")}));
}

QTEST_GUILESS_MAIN(TestLicense)
#include "tst_license.moc"
