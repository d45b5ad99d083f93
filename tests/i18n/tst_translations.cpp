// The checked-in catalogues are complete and safe to ship: every entry translated, with the
// source's placeholders, accelerator, HTML tags and trailing ellipsis, and both languages
// covering the same texts. Reads translations/*.ts as committed (lupdate never runs on
// build), so a text added to the sources without a translation fails here after the next
// scripts/update-translations.
#include "buildpaths.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Entry
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;             // "unfinished", "vanished", "obsolete" or empty
    QStringList translations; // one, or one per numerus form
};

QList<Entry> readTs(const QString &path, QString *error)
{
    QList<Entry> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return entries;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                entry = Entry{context, {}, false, {}, {}};
                entry.numerus =
                    xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                entry.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                entry.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!entry.numerus)
                    entry.translations.append(xml.readElementText());
            } else if (name == QLatin1String("numerusform")) {
                entry.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            entries.append(entry);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return entries;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList matches(const QRegularExpression &pattern, const QString &text, int group = 0)
{
    QStringList found;
    for (const QRegularExpressionMatch &m : pattern.globalMatch(text))
        found.append(m.captured(group));
    return sorted(found);
}

// %1..%99, %L1, %n, %Ln
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(?:[1-9][0-9]?|n)"));
    return matches(pattern, text);
}

// Tag names as written, <b>, </p>, <a href=...> -> "a"
QStringList tags(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("<(/?[a-zA-Z][a-zA-Z0-9]*)[^>]*>"));
    return matches(pattern, text, 1);
}

// A menu or button mnemonic: "&File", "Step &3", not "&&", "&amp;" or "<, > and &." in prose.
bool hasAccelerator(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("(?<!&)&(?!&)(?![a-zA-Z]+;|#[0-9]+;)[\\p{L}\\p{N}]"));
    return pattern.match(text).hasMatch();
}

bool endsWithEllipsis(const QString &text)
{
    return text.endsWith(QLatin1String("...")) || text.endsWith(QChar(0x2026));
}

QString where(const Entry &e)
{
    return QStringLiteral("[%1] \"%2\"").arg(e.context, e.source.left(70));
}

QStringList problems(const Entry &e)
{
    QStringList found;
    if (!e.type.isEmpty())
        found << QStringLiteral("%1: translation is %2").arg(where(e), e.type);
    if (e.translations.isEmpty())
        found << QStringLiteral("%1: no translation").arg(where(e));
    for (const QString &t : e.translations) {
        if (t.trimmed().isEmpty()) {
            found << QStringLiteral("%1: empty translation").arg(where(e));
            continue;
        }
        if (placeholders(t) != placeholders(e.source))
            found << QStringLiteral("%1: placeholders %2 in \"%3\", the source has %4")
                         .arg(where(e), placeholders(t).join(QLatin1Char(',')), t,
                              placeholders(e.source).join(QLatin1Char(',')));
        if (hasAccelerator(e.source) && !hasAccelerator(t))
            found << QStringLiteral("%1: accelerator (&) lost in \"%2\"").arg(where(e), t);
        if (tags(t) != tags(e.source))
            found << QStringLiteral("%1: HTML tags differ in \"%2\"").arg(where(e), t);
        // "Save &As...": a menu item or button that opens a dialog (short texts only; a
        // sentence may end on "Browse..." in English and not in German).
        if (e.source.size() <= 60 && endsWithEllipsis(e.source) && !endsWithEllipsis(t))
            found << QStringLiteral("%1: trailing ellipsis lost in \"%2\"").arg(where(e), t);
        // The Notifications tab splits these lists on commas, one name per placeholder.
        if (e.context == QLatin1String("TandemEventPlaceholders") &&
            t.count(QLatin1Char(',')) != e.source.count(QLatin1Char(',')))
            found << QStringLiteral("%1: needs %2 comma(s): \"%3\"")
                         .arg(where(e))
                         .arg(e.source.count(QLatin1Char(',')))
                         .arg(t);
    }
    return found;
}

QStringList tsFiles()
{
    const QDir dir(tandem::test::sourcePath("translations"));
    QStringList files;
    for (const QString &name : dir.entryList({QStringLiteral("tandem_*.ts")}, QDir::Files))
        files.append(dir.filePath(name));
    return files;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogues();
    void complete_data();
    void complete();
    void languagesCoverTheSameTexts();
    void checkerFindsProblems();
};

void TestTranslations::catalogues()
{
    const QStringList files = tsFiles();
    QVERIFY2(files.contains(tandem::test::sourcePath("translations/tandem_de.ts")),
             qPrintable(files.join(QLatin1Char(' '))));
    QVERIFY(files.contains(tandem::test::sourcePath("translations/tandem_es.ts")));
}

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : tsFiles())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestTranslations::complete()
{
    QFETCH(QString, path);
    QString error;
    const QList<Entry> entries = readTs(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(entries.size() > 100);
    QStringList found;
    for (const Entry &e : entries)
        found += problems(e);
    for (const QString &problem : found)
        qWarning().noquote() << problem;
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 problem(s) in %2 of %3 entries")
                                             .arg(found.size())
                                             .arg(path)
                                             .arg(entries.size())));
    qInfo().noquote() << QStringLiteral("%1: %2 entries translated").arg(path).arg(entries.size());
}

void TestTranslations::languagesCoverTheSameTexts()
{
    QMap<QString, QSet<QString>> keys;
    for (const QString &path : tsFiles()) {
        QString error;
        for (const Entry &e : readTs(path, &error))
            keys[QFileInfo(path).fileName()].insert(e.context + QLatin1Char('\n') + e.source);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    const QSet<QString> first = keys.first();
    for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
        QSet<QString> missing = first - it.value();
        QSet<QString> extra = it.value() - first;
        QVERIFY2(missing.isEmpty() && extra.isEmpty(),
                 qPrintable(QStringLiteral("%1 differs from %2: missing %3, extra %4; run "
                                           "scripts/update-translations")
                                .arg(it.key(), keys.firstKey())
                                .arg(QStringList(missing.cbegin(), missing.cend()).join(u'|'))
                                .arg(QStringList(extra.cbegin(), extra.cend()).join(u'|'))));
    }
}

// The checks themselves: each kind of mistake is reported.
void TestTranslations::checkerFindsProblems()
{
    auto entry = [](const QString &source, const QString &translation, const QString &type = {}) {
        return Entry{QStringLiteral("Ctx"), source, false, type, {translation}};
    };
    QVERIFY(problems(entry(QStringLiteral("&File"), QStringLiteral("&Datei"))).isEmpty());
    QVERIFY(problems(entry(QStringLiteral("Save As..."), QStringLiteral("Speichern unter…")))
                .isEmpty());
    QCOMPARE(problems(entry(QStringLiteral("&File"), QStringLiteral("Datei"))).size(), 1);
    QCOMPARE(problems(entry(QStringLiteral("a %1 b %2"), QStringLiteral("a %1 b"))).size(), 1);
    QCOMPARE(problems(entry(QStringLiteral("%n item(s)"), QStringLiteral("%1 Elemente"))).size(),
             1);
    QCOMPARE(problems(entry(QStringLiteral("x"), QString(), QStringLiteral("unfinished"))).size(),
             2);
    QCOMPARE(problems(entry(QStringLiteral("<b>x</b>"), QStringLiteral("<b>y"))).size(), 1);
    QCOMPARE(problems(entry(QStringLiteral("Open..."), QStringLiteral("Öffnen"))).size(), 1);
    QVERIFY(!hasAccelerator(QStringLiteral("Tom &amp; Jerry && more")));
    QVERIFY(hasAccelerator(QStringLiteral("E&xit")));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
