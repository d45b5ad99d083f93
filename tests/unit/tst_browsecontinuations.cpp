// The proxy's browse continuation points (BrowseContinuations, BrowseResume) as a model:
// a list browsed page by page on one server, the server changing after some pages, and the
// pages the client gets in the end. Each row is a scenario; the client must get the new
// server's list from where it was, with no reference twice and none left out, whenever the
// lists allow it.
#include "opcua/browsecontinuations.h"

#include <QTest>

using namespace tandem;
using namespace tandem::opcua;
using namespace Qt::StringLiterals;

namespace {

ReferenceDescription ref(const QString &name)
{
    ReferenceDescription r;
    r.referenceTypeId = NodeId(0, quint32(47));
    r.nodeId.nodeId = NodeId(1, name);
    r.browseName = QualifiedName{1, name};
    return r;
}

// "A B C" -> references named so.
QList<ReferenceDescription> refs(const QString &names)
{
    QList<ReferenceDescription> list;
    for (const QString &name : names.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        list << ref(name);
    return list;
}

QString names(const QList<ReferenceDescription> &list)
{
    QStringList out;
    for (const ReferenceDescription &r : list)
        out << r.browseName.name;
    return out.join(QLatin1Char(' '));
}

const BackendSession Primary{Side::Primary, 1};
const BackendSession Secondary{Side::Secondary, 1};

// A server's list served in pages of `page` references (0: all at once), as a server with
// continuation points does.
struct FakeServerList
{
    QList<ReferenceDescription> list;
    qsizetype page = 0;
    qsizetype next = 0;
    quint32 max = 0; // the browse's, for each page after the first

    // The first page (a Browse asking for `max`, 0: the server's page).
    std::pair<QList<ReferenceDescription>, QByteArray> browse(quint32 browseMax)
    {
        next = 0;
        max = browseMax;
        return more();
    }
    std::pair<QList<ReferenceDescription>, QByteArray> more()
    {
        qsizetype n = list.size() - next;
        if (page > 0)
            n = std::min(n, page);
        if (max > 0)
            n = std::min<qsizetype>(n, max);
        const QList<ReferenceDescription> out = list.mid(next, n);
        next += n;
        return {out, next < list.size() ? QByteArray("cp") : QByteArray()};
    }
};

} // namespace

class TestBrowseContinuations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resume_data();
    void resume();
    void switchBetweenPages_data();
    void switchBetweenPages();
    void pointsPerSession();
    void aSecondSwitchDuringTheRestart();
};

// BrowseResume alone: what was read (position, last), the new list in pages, what comes out.
void TestBrowseContinuations::resume_data()
{
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QStringList>("pages"); // the new list, page by page
    QTest::addColumn<QString>("expected");
    QTest::addColumn<quint64>("readAfter");

    QTest::newRow("same list, one page")
        << 3 << u"C"_s << QStringList{u"A B C D E"_s} << u"D E"_s << 5ull;
    QTest::newRow("same list, skip ends in a page")
        << 3 << u"C"_s << QStringList{u"A B"_s, u"C D"_s, u"E"_s} << u"D E"_s << 5ull;
    QTest::newRow("same list, skip ends with a page")
        << 2 << u"B"_s << QStringList{u"A B"_s, u"C D"_s} << u"C D"_s << 4ull;
    QTest::newRow("nothing read yet") << 0 << u""_s << QStringList{u"A B"_s} << u"A B"_s << 2ull;
    QTest::newRow("all read, nothing new")
        << 3 << u"C"_s << QStringList{u"A B C"_s} << u""_s << 3ull;
    QTest::newRow("new list has one more before: goes on after the last")
        << 3 << u"C"_s << QStringList{u"X A B C D"_s} << u"D"_s << 5ull;
    QTest::newRow("new list lacks one before: goes on after the last")
        << 3 << u"C"_s << QStringList{u"A C D E"_s} << u"D E"_s << 4ull;
    QTest::newRow("last read is gone: goes on by count")
        << 2 << u"B"_s << QStringList{u"A X Y Z"_s} << u"Y Z"_s << 4ull;
    QTest::newRow("new list is shorter and has the last")
        << 4 << u"D"_s << QStringList{u"A D E"_s} << u"E"_s << 3ull;
    QTest::newRow("new list is shorter without the last")
        << 4 << u"D"_s << QStringList{u"A B"_s} << u""_s << 2ull;
    QTest::newRow("empty pages on the way")
        << 2 << u"B"_s << QStringList{u""_s, u"A"_s, u""_s, u"B C"_s, u""_s} << u"C"_s << 3ull;
}

void TestBrowseContinuations::resume()
{
    QFETCH(int, position);
    QFETCH(QString, last);
    QFETCH(QStringList, pages);
    QFETCH(QString, expected);
    QFETCH(quint64, readAfter);

    BrowseResume resume(quint64(position),
                        last.isEmpty() ? std::nullopt : std::optional(ref(last)));
    QList<ReferenceDescription> out;
    for (const QString &page : pages)
        out += resume.feed(refs(page));
    out += resume.end();
    QCOMPARE(names(out), expected);
    QVERIFY(resume.aligned());
    QCOMPARE(resume.position(), readAfter);
}

// The whole model: a browse with maxReferences per page on the primary, a switch after
// `pagesBefore` client pages, the secondary's list (served in pages of `serverPage`), and
// every reference the client gets.
void TestBrowseContinuations::switchBetweenPages_data()
{
    QTest::addColumn<QString>("primary");
    QTest::addColumn<QString>("secondary");
    QTest::addColumn<int>("maxReferences");
    QTest::addColumn<int>("pagesBefore");
    QTest::addColumn<int>("serverPage");
    QTest::addColumn<QString>("expected");

    const QString ten = QStringLiteral("A B C D E F G H I J");
    QTest::newRow("same lists, switch after the first page") << ten << ten << 3 << 1 << 0 << ten;
    QTest::newRow("same lists, switch after two pages") << ten << ten << 3 << 2 << 0 << ten;
    QTest::newRow("same lists, secondary pages smaller than the skip")
        << ten << ten << 4 << 2 << 2 << ten;
    QTest::newRow("same lists, no client maximum") << ten << ten << 0 << 1 << 4 << ten;
    QTest::newRow("secondary has one more early on")
        << ten << QStringLiteral("A X B C D E F G H I J") << 3 << 1 << 0 << ten;
    QTest::newRow("secondary lacks an early one")
        << ten << QStringLiteral("A C D E F G H I J") << 3 << 1 << 0 << ten;
    QTest::newRow("switch before the last page") << ten << ten << 3 << 3 << 0 << ten;
}

void TestBrowseContinuations::switchBetweenPages()
{
    QFETCH(QString, primary);
    QFETCH(QString, secondary);
    QFETCH(int, maxReferences);
    QFETCH(int, pagesBefore);
    QFETCH(int, serverPage);
    QFETCH(QString, expected);

    BrowseContinuations points;
    FakeServerList first{refs(primary), 4}; // the server's own page size
    FakeServerList second{refs(secondary), serverPage};
    const quint32 max = quint32(maxReferences);

    const auto [page, cp] = first.browse(max);
    QList<ReferenceDescription> got = page;
    BrowsePoint *point = points.open(7, 1, {}, {}, max, Primary, cp, page, nullptr);
    QVERIFY(point);
    const QByteArray id = point->id;
    BackendSession active = Primary;
    FakeServerList *server = &first;
    for (int request = 1; point; ++request) {
        if (request == pagesBefore) {
            active = Secondary;
            server = &second;
        }
        // One BrowseNext: server rounds until there is a page (as RequestForwarder does).
        for (int round = 0; round < 100; ++round) {
            const auto step = BrowseContinuations::next(*point, active);
            if (step == BrowseContinuations::Step::Pending)
                break;
            if (step == BrowseContinuations::Step::Restart) {
                BrowseContinuations::restartOn(*point, active);
                const quint64 wanted = point->position + max;
                const auto [refs, next] = server->browse(max == 0 ? 0 : quint32(wanted));
                BrowseContinuations::read(*point, refs, next);
            } else {
                QCOMPARE(BrowseContinuations::serverPointFor(*point), QByteArray("cp"));
                const auto [refs, next] = server->more();
                BrowseContinuations::read(*point, refs, next);
            }
            if (!point->pending.isEmpty())
                break;
        }
        const QList<ReferenceDescription> clientPage = BrowseContinuations::takePage(*point);
        if (max > 0)
            QVERIFY(clientPage.size() <= qsizetype(max));
        got += clientPage;
        if (point->pending.isEmpty() && point->exhausted()) {
            QVERIFY(points.take(7, id));
            point = nullptr;
        }
        QVERIFY2(clientPage.size() > 0 || !point, "an empty page");
    }
    QCOMPARE(names(got), expected);
    QCOMPARE(points.count(7), 0);
}

// OPC 10000-4 §7.9: a new request frees the session's oldest point of an earlier one;
// one request that needs more than there are gets none past the limit.
void TestBrowseContinuations::pointsPerSession()
{
    BrowseContinuations points(2);
    QList<BrowsePoint> freed;
    const auto open = [&](quint32 session, quint64 request) {
        return points.open(session, request, {}, {}, 1, Primary, "cp", refs(u"A"_s), &freed);
    };
    BrowsePoint *a = open(1, 1);
    QVERIFY(a);
    const QByteArray first = a->id;
    QVERIFY(open(1, 1));
    QVERIFY(!open(1, 1)); // the same request: no room
    QVERIFY(freed.isEmpty());
    QVERIFY(open(2, 1));         // another session has its own
    BrowsePoint *c = open(1, 2); // a later request: the oldest goes
    QVERIFY(c);
    QCOMPARE(freed.size(), 1);
    QCOMPARE(freed.first().id, first);
    QVERIFY(!points.find(1, first));
    QVERIFY(!points.find(2, c->id)); // one session's point is not another's
    QCOMPARE(points.count(1), 2);
    QCOMPARE(points.takeSession(1).size(), 2);
    QCOMPARE(points.count(1), 0);
    QCOMPARE(points.count(2), 1);
}

// A second switch while the browse is repeated on the first new server starts over from what
// the client had, not from where the interrupted repeat was.
void TestBrowseContinuations::aSecondSwitchDuringTheRestart()
{
    BrowseContinuations points;
    BrowsePoint *point = points.open(1, 1, {}, {}, 2, Primary, "cp1", refs(u"A B"_s), nullptr);
    QCOMPARE(BrowseContinuations::next(*point, Secondary), BrowseContinuations::Step::Restart);
    BrowseContinuations::restartOn(*point, Secondary);
    BrowseContinuations::read(*point, refs(u"A"_s), "cp2"); // still skipping
    QVERIFY(point->pending.isEmpty());
    QCOMPARE(BrowseContinuations::next(*point, Secondary), BrowseContinuations::Step::Continue);
    QCOMPARE(BrowseContinuations::serverPointFor(*point), QByteArray("cp2"));
    const BackendSession primaryAgain{Side::Primary, 2}; // a new session there
    QCOMPARE(BrowseContinuations::next(*point, primaryAgain), BrowseContinuations::Step::Restart);
    BrowseContinuations::restartOn(*point, primaryAgain);
    BrowseContinuations::read(*point, refs(u"A B C D"_s), {});
    QCOMPARE(names(BrowseContinuations::takePage(*point)), QStringLiteral("C D"));
    QVERIFY(point->exhausted());
    QCOMPARE(point->server, primaryAgain);
}

QTEST_GUILESS_MAIN(TestBrowseContinuations)
#include "tst_browsecontinuations.moc"
