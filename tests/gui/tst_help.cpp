// The bundled manual: every file in resources/help is compiled in and reachable from the
// contents page, no link or image is broken (from qrc and from the installed HTML alike),
// and F1, Help › Contents and the viewer's buttons lead where they should.
#include "buildpaths.h"
#include "consolefiles.h"
#include "contexthelp.h"
#include "dialogs/addpairdialog.h"
#include "dialogs/aliasdialog.h"
#include "dialogs/monitoritemdialog.h"
#include "events/eventcatalog.h"
#include "helpviewer.h"
#include "license/purchasedialog.h"
#include "license/transferwizard.h"
#include "license/unlockdialog.h"
#include "mainwindow.h"
#include "testpairs.h"
#include "widgetlookup.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QDirIterator>
#include <QImage>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolButton>
#include <QWizard>

#include <memory>

using namespace tandem;

namespace {

const QString SourceHelpDir = test::sourcePath("resources/help");

// What one page links to and which anchors it defines, as QTextBrowser parsed it.
struct PageLinks
{
    QString title;
    QList<std::pair<QString, QString>> links; // href, link text
    QStringList images;
    QSet<QString> anchors;
};

PageLinks linksOf(const QTextDocument *document)
{
    PageLinks page;
    page.title = document->metaInformation(QTextDocument::DocumentTitle);
    QString currentHref, currentText;
    auto flush = [&] {
        if (!currentHref.isEmpty())
            page.links.append({currentHref, currentText.trimmed()});
        currentHref.clear();
        currentText.clear();
    };
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            for (const QString &name : format.anchorNames())
                page.anchors.insert(name);
            if (format.isImageFormat())
                page.images.append(format.toImageFormat().name());
            const QString href = format.isAnchor() ? format.anchorHref() : QString();
            if (href != currentHref)
                flush();
            currentHref = href;
            if (!href.isEmpty())
                currentText += fragment.text();
        }
        flush();
    }
    return page;
}

bool isExternal(const QUrl &url)
{
    return url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https") ||
           url.scheme() == QLatin1String("mailto");
}

QStringList sourceFiles()
{
    QStringList files;
    QDirIterator it(SourceHelpDir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(SourceHelpDir).relativeFilePath(it.next());
    files.sort();
    return files;
}

QStringList pages()
{
    return sourceFiles().filter(QRegularExpression(QStringLiteral("^[^/]+\\.html$")));
}

QUrl pageUrl(const QUrl &base, const QString &page)
{
    return base.resolved(QUrl(page));
}

QSet<QString> anchorsOf(QTextBrowser *browser)
{
    return linksOf(browser->document()).anchors;
}

} // namespace

class TestHelp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyHelpFileIsCompiledIn();
    void everyPageIsReachableAndNoLinkIsBroken_data();
    void everyPageIsReachableAndNoLinkIsBroken();
    void everyEventOfTheCatalogIsDescribed();
    void f1OnEachTabOpensItsPage();
    void helpContentsOpensTheContents();
    void backForwardHomeAndContents();
    void f1InADialogOpensItsTopic_data();
    void f1InADialogOpensItsTopic();
    void f1OnEachWizardPageOpensItsStep();

private:
    HelpViewer *viewerOf(QWidget *window) const
    {
        return window->findChild<HelpViewer *>(QStringLiteral("helpViewer"));
    }
    void verifyShows(HelpViewer *viewer, const QString &topic);

    std::unique_ptr<test::ConsoleFiles> m_files;
    ConfigDocument *m_doc = nullptr;
    std::unique_ptr<MainWindow> m_window;
};

void TestHelp::init()
{
    m_files = std::make_unique<test::ConsoleFiles>();
    QVERIFY(m_files->writeMachineId("5b3c2f8e7d1a4c6b9e210d9f4a7c1e55"));
    QVERIFY(m_files->open());
    m_doc = m_files->document();
    QVERIFY(m_doc
                ->addPair(test::plainPair(QStringLiteral("line1"), QStringLiteral("127.0.0.1:1502"),
                                          QStringLiteral("127.0.0.1:5020"),
                                          QStringLiteral("127.0.0.1:5021")))
                .isEmpty());
    m_window = std::make_unique<MainWindow>(m_doc);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestHelp::cleanup()
{
    m_window.reset();
    m_files.reset();
}

void TestHelp::everyHelpFileIsCompiledIn()
{
    const QStringList files = sourceFiles();
    QVERIFY(files.contains(QStringLiteral("index.html")));
    for (const QString &file : files)
        QVERIFY2(QFile::exists(QStringLiteral(":/help/") + file),
                 qPrintable(file + QStringLiteral(" is not listed in resources/CMakeLists.txt")));
    QDirIterator it(QStringLiteral(":/help"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next().mid(7);
        QVERIFY2(files.contains(file), qPrintable(file + QStringLiteral(" has no source file")));
    }
}

void TestHelp::everyPageIsReachableAndNoLinkIsBroken_data()
{
    QTest::addColumn<QUrl>("base");
    QTest::newRow("qrc") << QUrl(QStringLiteral("qrc:/help/"));
    // As installed to share/doc/tandem/html: the same files, opened from the file system.
    QTest::newRow("file") << QUrl::fromLocalFile(SourceHelpDir + QLatin1Char('/'));
}

void TestHelp::everyPageIsReachableAndNoLinkIsBroken()
{
    QFETCH(QUrl, base);
    QTextBrowser browser;
    QSet<QString> reached{QStringLiteral("index.html")};
    QStringList queue{QStringLiteral("index.html")};
    QHash<QString, PageLinks> parsed;
    QStringList problems;
    while (!queue.isEmpty()) {
        const QString page = queue.takeFirst();
        const QUrl url = pageUrl(base, page);
        browser.setSource(url);
        QCOMPARE(browser.source(), url);
        const PageLinks links = linksOf(browser.document());
        parsed.insert(page, links);
        if (links.title.trimmed().isEmpty())
            problems << page + QStringLiteral(": no title");
        if (browser.toPlainText().size() < 300)
            problems << page + QStringLiteral(": hardly any text");
        bool toContents = false;
        for (const auto &[href, text] : links.links) {
            const QUrl target = url.resolved(QUrl(href));
            if (isExternal(target))
                continue;
            if (QUrl(href).isRelative() == false) {
                problems << page + QStringLiteral(": absolute link ") + href;
                continue;
            }
            const QString name = QUrl(href).path().isEmpty() ? page : QUrl(href).path();
            const QUrl targetPage = pageUrl(base, name);
            if (browser.loadResource(QTextDocument::HtmlResource, targetPage).isNull()) {
                problems << page + QStringLiteral(": broken link ") + href;
                continue;
            }
            if (name == QLatin1String("index.html") && text == QLatin1String("Contents"))
                toContents = true;
            if (!reached.contains(name)) {
                reached.insert(name);
                queue << name;
            }
        }
        if (!toContents)
            problems << page + QStringLiteral(": no link back to Contents");
        for (const QString &image : links.images) {
            const QVariant data =
                browser.loadResource(QTextDocument::ImageResource, url.resolved(QUrl(image)));
            if (data.isNull() || QImage::fromData(data.toByteArray()).isNull())
                problems << page + QStringLiteral(": image does not load: ") + image;
        }
    }
    // Anchors: "page.html#anchor" must name an anchor of that page.
    for (auto it = parsed.cbegin(); it != parsed.cend(); ++it) {
        for (const auto &[href, text] : it.value().links) {
            const QUrl link(href);
            if (isExternal(link) || !link.hasFragment())
                continue;
            const QString name = link.path().isEmpty() ? it.key() : link.path();
            if (!parsed.value(name).anchors.contains(link.fragment()))
                problems << it.key() + QStringLiteral(": no anchor for ") + href;
        }
    }
    for (const QString &page : pages())
        if (!reached.contains(page))
            problems << page + QStringLiteral(": not reachable from index.html (orphan)");
    // Previous/next: following "next" from the contents visits every page once, and each
    // page's "previous" leads back.
    QString page = QStringLiteral("index.html");
    QStringList order{page};
    for (;;) {
        QString next;
        for (const auto &[href, text] : parsed.value(page).links)
            if (text.endsWith(QChar(0x2192)))
                next = href;
        if (next.isEmpty())
            break;
        bool back = false;
        for (const auto &[href, text] : parsed.value(next).links)
            back = back || (text.startsWith(QChar(0x2190)) && href == page);
        if (!back)
            problems << next + QStringLiteral(": its previous page is not ") + page;
        if (order.contains(next)) {
            problems << next + QStringLiteral(": the next links run in a circle");
            break;
        }
        order << next;
        page = next;
    }
    if (order.size() != pages().size())
        problems << QStringLiteral("next links visit %1 of %2 pages (run scripts/help-nav)")
                        .arg(order.size())
                        .arg(pages().size());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestHelp::everyEventOfTheCatalogIsDescribed()
{
    QTextBrowser browser;
    browser.setSource(QUrl(QStringLiteral("qrc:/help/events.html")));
    const QSet<QString> anchors = anchorsOf(&browser);
    for (const EventDefinition &event : EventCatalog::all())
        QVERIFY2(anchors.contains(QLatin1String(event.id)), event.id);
    // Each event once, and the page opens with its navigation row and title.
    QFile file(QStringLiteral(":/help/events.html"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    for (const EventDefinition &event : EventCatalog::all()) {
        const QString anchor = QStringLiteral("name=\"%1\"").arg(QLatin1String(event.id));
        QVERIFY2(html.count(anchor) == 1, event.id);
    }
    QVERIFY(html.section(QLatin1Char('\n'), 1, 1).startsWith(QLatin1String("<!--nav-->")));
}

void TestHelp::verifyShows(HelpViewer *viewer, const QString &topic)
{
    QVERIFY(viewer);
    QTRY_VERIFY(viewer->isVisible());
    QTextBrowser *browser = viewer->browser();
    QCOMPARE(browser->source(), HelpViewer::topicUrl(topic));
    const QString title = browser->documentTitle();
    QVERIFY2(!title.isEmpty(), qPrintable(topic));
    QVERIFY2(viewer->windowTitle().startsWith(title), qPrintable(viewer->windowTitle()));
    if (topic.contains(QLatin1Char('#')))
        QVERIFY2(anchorsOf(browser).contains(topic.section(QLatin1Char('#'), 1)),
                 qPrintable(topic));
}

void TestHelp::f1OnEachTabOpensItsPage()
{
    auto *tabs = test::child<QTabWidget>(m_window.get(), "tabs");
    const QStringList topics{QStringLiteral("general"), QStringLiteral("monitoring"),
                             QStringLiteral("diagnostics"), QStringLiteral("notifications")};
    QCOMPARE(tabs->count(), topics.size());
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        QVERIFY(viewerOf(m_window.get()));
        verifyShows(viewerOf(m_window.get()), topics[i]);
        viewerOf(m_window.get())->close();
    }
}

void TestHelp::helpContentsOpensTheContents()
{
    test::child<QAction>(m_window.get(), "actionHelpContents")->trigger();
    verifyShows(viewerOf(m_window.get()), QStringLiteral("index"));
    QCOMPARE(viewerOf(m_window.get())->browser()->documentTitle(), QStringLiteral("Contents"));
}

void TestHelp::backForwardHomeAndContents()
{
    auto *tabs = test::child<QTabWidget>(m_window.get(), "tabs");
    tabs->setCurrentIndex(1);
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    HelpViewer *viewer = viewerOf(m_window.get());
    QVERIFY(viewer);
    verifyShows(viewer, QStringLiteral("monitoring"));
    auto *back = test::child<QToolButton>(viewer, "helpBack");
    auto *forward = test::child<QToolButton>(viewer, "helpForward");
    auto *home = test::child<QToolButton>(viewer, "helpHome");
    auto *contents = test::child<QToolButton>(viewer, "helpContents");
    QVERIFY(back && forward && home && contents);
    QVERIFY(!forward->isEnabled());

    QTest::mouseClick(contents, Qt::LeftButton);
    QCOMPARE(viewer->browser()->source(), HelpViewer::topicUrl(QStringLiteral("index")));
    QCOMPARE(viewer->windowTitle(), QStringLiteral("Contents - Tandem Help"));
    // A link of the page, as a click on it would follow it.
    viewer->browser()->setSource(
        viewer->browser()->source().resolved(QUrl(QStringLiteral("failover.html"))));
    QCOMPARE(viewer->browser()->source(), HelpViewer::topicUrl(QStringLiteral("failover")));
    QVERIFY(viewer->windowTitle().startsWith(QStringLiteral("Fail-over and Fail-back")));

    QVERIFY(back->isEnabled());
    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(viewer->browser()->source(), HelpViewer::topicUrl(QStringLiteral("index")));
    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(viewer->browser()->source(), HelpViewer::topicUrl(QStringLiteral("monitoring")));
    QVERIFY(viewer->windowTitle().startsWith(QStringLiteral("Monitoring Tab")));
    QVERIFY(forward->isEnabled());
    QTest::mouseClick(forward, Qt::LeftButton);
    QTest::mouseClick(forward, Qt::LeftButton);
    QCOMPARE(viewer->browser()->source(), HelpViewer::topicUrl(QStringLiteral("failover")));
    QVERIFY(!forward->isEnabled());

    QTest::mouseClick(home, Qt::LeftButton);
    QCOMPARE(viewer->browser()->source(), HelpViewer::topicUrl(QStringLiteral("monitoring")));
}

void TestHelp::f1InADialogOpensItsTopic_data()
{
    QTest::addColumn<QString>("dialog");
    QTest::addColumn<QString>("topic");
    QTest::newRow("add pair") << "add"
                              << "pairs#add";
    QTest::newRow("alias") << "alias"
                           << "pairs#alias";
    QTest::newRow("monitor item") << "monitor"
                                  << "monitoring#item";
    QTest::newRow("purchase") << "purchase"
                              << "licensing#purchase";
    QTest::newRow("unlock") << "unlock"
                            << "licensing#unlock";
}

void TestHelp::f1InADialogOpensItsTopic()
{
    QFETCH(QString, dialog);
    QFETCH(QString, topic);
    const PairConfig pair = *m_doc->pair(QStringLiteral("line1"));
    std::unique_ptr<QDialog> shown;
    if (dialog == QLatin1String("add"))
        shown = std::make_unique<AddPairDialog>(m_doc, m_window.get());
    else if (dialog == QLatin1String("alias"))
        shown = std::make_unique<AliasDialog>(m_doc, pair.name, m_window.get());
    else if (dialog == QLatin1String("monitor"))
        shown = std::make_unique<MonitorItemDialog>(pair, MonitorItem{}, m_window.get());
    else if (dialog == QLatin1String("purchase"))
        shown = std::make_unique<PurchaseDialog>(m_doc->paths(), m_window.get());
    else
        shown = std::make_unique<UnlockDialog>(m_doc->paths(), m_window.get());
    // Modal, as the console runs them: the viewer must not be blocked by the dialog.
    shown->setWindowModality(Qt::ApplicationModal);
    shown->show();
    // (A dialog shares "active" with its parent: ask for the dialog itself.)
    shown->activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), shown.get());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F1);
    HelpViewer *viewer = viewerOf(shown.get());
    QVERIFY(viewer);
    verifyShows(viewer, topic);
    // A child of the modal dialog, so the dialog does not block it.
    QCOMPARE(viewer->parentWidget(), shown.get());
    // The main window's viewer is not the one that answered.
    QVERIFY(!m_window->findChild<HelpViewer *>(QString(), Qt::FindDirectChildrenOnly));
}

void TestHelp::f1OnEachWizardPageOpensItsStep()
{
    TransferWizard wizard(m_doc->paths(), m_window.get());
    wizard.setWindowModality(Qt::ApplicationModal);
    wizard.show();
    wizard.activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), &wizard);
    for (int id : {TransferWizard::Agreement, TransferWizard::Prepare, TransferWizard::TransferOut,
                   TransferWizard::TransferIn, TransferWizard::Completion}) {
        wizard.setStartId(id);
        wizard.restart();
        QCOMPARE(wizard.currentId(), id);
        const QString topic = QStringLiteral("license-transfer#step%1").arg(id + 1);
        QTest::keyClick(&wizard, Qt::Key_F1);
        QVERIFY(viewerOf(&wizard));
        verifyShows(viewerOf(&wizard), topic);
        viewerOf(&wizard)->close();
        // The wizard's Help button says the same.
        QAbstractButton *help = wizard.button(QWizard::HelpButton);
        QVERIFY(help && help->isVisible());
        QTest::mouseClick(help, Qt::LeftButton);
        verifyShows(viewerOf(&wizard), topic);
        viewerOf(&wizard)->close();
        wizard.activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), &wizard);
    }
}

QTEST_MAIN(TestHelp)
#include "tst_help.moc"
