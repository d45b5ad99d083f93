// The document the console and tandemctl edit: modified tracking, alias rules and
// machine-local enabled state (docs/requirements.md, Adding, aliasing and removing redundancy;
// Deployment).
#include "config/configdocument.h"
#include "config/configfile.h"
#include "testpairs.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using tandem::test::validPair;

class TestConfigDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void editsMarkModifiedUntilSaved();
    void addRefusesDuplicatesAndInvalidPairs();
    void aliasRenamesAndFreesTheOriginal();
    void unaliasRefusedWhileOriginalInUse();
    void enableIsImmediateAndNotConfiguration();
    void enabledStateFollowsAliasOnSave();
    void copiedConfigStartsAllDisabled();
    void damagedStateFileIsReportedNotFatal();

private:
    TandemPaths paths(const QString &state = QStringLiteral("state")) const
    {
        return {m_dir->filePath(QStringLiteral("tandem.xml")), m_dir->filePath(state)};
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestConfigDocument::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestConfigDocument::editsMarkModifiedUntilSaved()
{
    ConfigDocument doc(paths());
    QVERIFY(doc.load().isEmpty());
    QSignalSpy modified(&doc, &ConfigDocument::modifiedChanged);
    QVERIFY(!doc.isModified());
    QVERIFY(doc.addPair(validPair()).isEmpty());
    QVERIFY(doc.isModified());
    QCOMPARE(modified.count(), 1);
    QVERIFY(doc.save().isEmpty());
    QVERIFY(!doc.isModified());
    QCOMPARE(modified.count(), 2);

    PairConfig changed = *doc.pair(QStringLiteral("line1"));
    changed.statusIntervalMs = 2500;
    QVERIFY(doc.updatePair(QStringLiteral("line1"), changed).isEmpty());
    QVERIFY(doc.isModified());
    // Editing the value back to what is saved is no modification.
    changed.statusIntervalMs = PairConfig::DefaultStatusIntervalMs;
    QVERIFY(doc.updatePair(QStringLiteral("line1"), changed).isEmpty());
    QVERIFY(!doc.isModified());

    // Renaming through updatePair is refused: names change only by aliasing.
    changed.name = QStringLiteral("other");
    QVERIFY(!doc.updatePair(QStringLiteral("line1"), changed).isEmpty());
    QVERIFY(doc.removePair(QStringLiteral("line1")).isEmpty());
    QVERIFY(doc.pair(QStringLiteral("line1")) == nullptr);
    QVERIFY(!doc.removePair(QStringLiteral("line1")).isEmpty());
}

void TestConfigDocument::addRefusesDuplicatesAndInvalidPairs()
{
    ConfigDocument doc(paths());
    doc.load();
    QVERIFY(doc.addPair(validPair()).isEmpty());
    ConfigIssues issues = doc.addPair(validPair());
    QCOMPARE(issues.size(), 1);
    QVERIFY(issues[0].message.contains(QStringLiteral("already exists")));
    issues = doc.addPair(validPair(QStringLiteral("line2"), 1502));
    QCOMPARE(issues.size(), 1);
    QVERIFY(issues[0].message.contains(QStringLiteral("already used by pair 'line1'")));
    PairConfig bad = validPair(QStringLiteral("line3"), 1504);
    bad.primary.clear();
    QVERIFY(!doc.addPair(bad).isEmpty());
    QCOMPARE(doc.configuration().pairs.size(), 1);
}

void TestConfigDocument::aliasRenamesAndFreesTheOriginal()
{
    ConfigDocument doc(paths());
    doc.load();
    QVERIFY(doc.addPair(validPair(QStringLiteral("KEP"))).isEmpty());
    QCOMPARE(doc.suggestAliasName(QStringLiteral("KEP")), QStringLiteral("KEP.Alias1"));
    QVERIFY(!doc.aliasPair(QStringLiteral("KEP"), QStringLiteral("KEP<1"),
                           QStringLiteral("127.0.0.1:1600"))
                 .isEmpty());
    QVERIFY(!doc.aliasPair(QStringLiteral("KEP"), QStringLiteral("KEP.Alias1"),
                           QStringLiteral("127.0.0.1:1502"))
                 .isEmpty() == false); // its own old endpoint is free again once renamed
    const PairConfig *alias = doc.pair(QStringLiteral("KEP.Alias1"));
    QVERIFY(alias);
    QCOMPARE(alias->aliasOf, QStringLiteral("KEP"));
    QCOMPARE(alias->originalEndpoint, QStringLiteral("127.0.0.1:1502"));
    QVERIFY(!doc.pair(QStringLiteral("KEP")));
    // An alias cannot be aliased again.
    QVERIFY(!doc.aliasPair(QStringLiteral("KEP.Alias1"), QStringLiteral("x"),
                           QStringLiteral("127.0.0.1:1601"))
                 .isEmpty());
    // The original name is free for a second pair on the same server.
    QVERIFY(doc.addPair(validPair(QStringLiteral("KEP"), 1503)).isEmpty());
    QCOMPARE(doc.suggestAliasName(QStringLiteral("KEP")), QStringLiteral("KEP.Alias2"));
    QVERIFY(doc.save().isEmpty());
    ConfigDocument reloaded(paths());
    QVERIFY(reloaded.load().isEmpty());
    QCOMPARE(reloaded.pair(QStringLiteral("KEP.Alias1"))->aliasOf, QStringLiteral("KEP"));
}

void TestConfigDocument::unaliasRefusedWhileOriginalInUse()
{
    ConfigDocument doc(paths());
    doc.load();
    QVERIFY(doc.addPair(validPair(QStringLiteral("KEP"))).isEmpty());
    QVERIFY(doc.aliasPair(QStringLiteral("KEP"), QStringLiteral("KEP.Alias1"),
                          QStringLiteral("127.0.0.1:1600"))
                .isEmpty());
    QVERIFY(!doc.unaliasPair(QStringLiteral("nope")).isEmpty());
    QVERIFY(doc.addPair(validPair(QStringLiteral("KEP"), 1601)).isEmpty());
    ConfigIssues issues = doc.unaliasPair(QStringLiteral("KEP.Alias1"));
    QCOMPARE(issues.size(), 1);
    QVERIFY(issues[0].message.contains(QStringLiteral("in use as a redundant server")));
    // A non-alias cannot be unaliased.
    QVERIFY(!doc.unaliasPair(QStringLiteral("KEP")).isEmpty());
    // Its original endpoint taken by another pair also blocks it.
    QVERIFY(doc.removePair(QStringLiteral("KEP")).isEmpty());
    QVERIFY(doc.addPair(validPair(QStringLiteral("other"), 1502)).isEmpty());
    issues = doc.unaliasPair(QStringLiteral("KEP.Alias1"));
    QVERIFY(!issues.isEmpty());
    QVERIFY(issues[0].message.contains(QStringLiteral("already used by pair 'other'")));
    QVERIFY(doc.removePair(QStringLiteral("other")).isEmpty());
    QVERIFY(doc.unaliasPair(QStringLiteral("KEP.Alias1")).isEmpty());
    QCOMPARE(doc.pair(QStringLiteral("KEP"))->endpoint, QStringLiteral("127.0.0.1:1502"));
    QVERIFY(!doc.pair(QStringLiteral("KEP"))->isAlias());
}

void TestConfigDocument::enableIsImmediateAndNotConfiguration()
{
    ConfigDocument doc(paths());
    doc.load();
    QVERIFY(doc.addPair(validPair()).isEmpty());
    QVERIFY(doc.save().isEmpty());
    QSignalSpy enabled(&doc, &ConfigDocument::enabledChanged);
    QVERIFY(doc.setEnabled(QStringLiteral("line1"), true).isEmpty());
    QCOMPARE(enabled.count(), 1);
    QVERIFY(!doc.isModified());
    QVERIFY(!doc.setEnabled(QStringLiteral("ghost"), true).isEmpty());
    // Written at once: another reader sees it without a save.
    ConfigDocument other(paths());
    other.load();
    QVERIFY(other.isEnabled(QStringLiteral("line1")));
    QVERIFY(doc.setEnabled(QStringLiteral("line1"), false).isEmpty());
    ConfigDocument third(paths());
    third.load();
    QVERIFY(!third.isEnabled(QStringLiteral("line1")));
}

void TestConfigDocument::enabledStateFollowsAliasOnSave()
{
    ConfigDocument doc(paths());
    doc.load();
    QVERIFY(doc.addPair(validPair()).isEmpty());
    QVERIFY(doc.save().isEmpty());
    QVERIFY(doc.setEnabled(QStringLiteral("line1"), true).isEmpty());
    QVERIFY(doc.aliasPair(QStringLiteral("line1"), QStringLiteral("line1.Alias1"),
                          QStringLiteral("127.0.0.1:1600"))
                .isEmpty());
    QVERIFY(doc.save().isEmpty());
    ConfigDocument reloaded(paths());
    reloaded.load();
    QVERIFY(reloaded.isEnabled(QStringLiteral("line1.Alias1")));
    QVERIFY(!reloaded.isEnabled(QStringLiteral("line1")));
}

void TestConfigDocument::copiedConfigStartsAllDisabled()
{
    ConfigDocument doc(paths());
    doc.load();
    QVERIFY(doc.addPair(validPair()).isEmpty());
    QVERIFY(doc.addPair(validPair(QStringLiteral("line2"), 1503)).isEmpty());
    QVERIFY(doc.save().isEmpty());
    QVERIFY(doc.setEnabled(QStringLiteral("line1"), true).isEmpty());
    QVERIFY(doc.setEnabled(QStringLiteral("line2"), true).isEmpty());

    // Another machine: a fresh state directory.
    ConfigDocument target(paths(QStringLiteral("other-machine")));
    QVERIFY(target.load().isEmpty());
    QVERIFY(!target.isEnabled(QStringLiteral("line1")));
    QVERIFY(!target.isEnabled(QStringLiteral("line2")));

    // A machine that had enabled pairs of the same names in its own configuration.
    QTemporaryDir machineB;
    const TandemPaths b{machineB.filePath(QStringLiteral("tandem.xml")),
                        machineB.filePath(QStringLiteral("state"))};
    {
        ConfigDocument own(b);
        own.load();
        QVERIFY(own.addPair(validPair()).isEmpty());
        QVERIFY(own.save().isEmpty());
        QVERIFY(own.setEnabled(QStringLiteral("line1"), true).isEmpty());
    }
    QFile::remove(b.configFile);
    QVERIFY(QFile::copy(paths().configFile, b.configFile));
    ConfigDocument deployed(b);
    QVERIFY(deployed.load().isEmpty());
    QCOMPARE(deployed.configuration().pairs.size(), 2);
    QVERIFY(!deployed.isEnabled(QStringLiteral("line1")));
}

void TestConfigDocument::damagedStateFileIsReportedNotFatal()
{
    ConfigDocument doc(paths());
    doc.load();
    QVERIFY(doc.addPair(validPair()).isEmpty());
    QVERIFY(doc.save().isEmpty());
    QVERIFY(doc.setEnabled(QStringLiteral("line1"), true).isEmpty());
    QFile state(m_dir->filePath(QStringLiteral("state/enabled-pairs.json")));
    QVERIFY(state.open(QIODevice::WriteOnly | QIODevice::Truncate));
    state.write("{ not json");
    state.close();
    ConfigDocument reloaded(paths());
    const ConfigIssues issues = reloaded.load();
    QCOMPARE(issues.size(), 1);
    QVERIFY(issues[0].message.contains(QStringLiteral("damaged")));
    QVERIFY(reloaded.canSave());
    QCOMPARE(reloaded.configuration().pairs.size(), 1);
    QVERIFY(!reloaded.isEnabled(QStringLiteral("line1")));
}

QTEST_GUILESS_MAIN(TestConfigDocument)
#include "tst_configdocument.moc"
