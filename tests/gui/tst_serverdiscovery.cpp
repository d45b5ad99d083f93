// The machine browser of OPC UA pairs: ServerDiscoveryDialog against a real node-opcua
// server (FindServers, GetEndpoints without a session), what an unreachable host, a
// server that is no OPC UA server and a silent one look like, and the General tab's
// browse buttons that open it.
#include "consolefiles.h"
#include "modaldialogs.h"
#include "opcua/client.h"
#include "opcua/serverdiscoverydialog.h"
#include "opcuapeer.h"
#include "pages/generalpage.h"
#include "testpairs.h"
#include "widgetlookup.h"

#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <memory>

using namespace tandem;
using tandem::test::child;
using tandem::test::OpcUaPeer;
using tandem::test::whenModal;

namespace {

constexpr int WaitMs = 20000;
const auto UaPair = QStringLiteral("ua");
const auto ModbusPair = QStringLiteral("line1");

QString labelText(QWidget *parent, const char *name)
{
    return child<QLabel>(parent, name)->text();
}

QPushButton *okButton(QWidget *dialog)
{
    return child<QDialogButtonBox>(dialog, "discoveryButtons")->button(QDialogButtonBox::Ok);
}

// Types host into the dialog's host field, presses Enter (Find is the default button)
// and waits until the search has ended.
bool find(QWidget *dialog, const QString &host)
{
    auto *edit = child<QLineEdit>(dialog, "discoveryHost");
    test::retype(edit, host);
    auto *discovery = qobject_cast<ServerDiscoveryDialog *>(dialog);
    QSignalSpy finished(discovery, &ServerDiscoveryDialog::searchFinished);
    QTest::keyClick(edit, Qt::Key_Return);
    return !finished.isEmpty() || finished.wait(WaitMs);
}

QTreeWidgetItem *serverItem(QWidget *dialog, const QString &name)
{
    return test::itemNamed(child<QTreeWidget>(dialog, "discoveryServers"), name);
}

void clickItem(QTreeWidgetItem *item)
{
    QTreeWidget *tree = item->treeWidget();
    tree->scrollToItem(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
}

// Finds the peer on the host shown in the dialog's field, chooses its endpoint and OK.
bool choosePeer(QWidget *dialog, const OpcUaPeer &peer)
{
    if (!find(dialog, peer.address()))
        return false;
    QTreeWidgetItem *server = serverItem(dialog, QStringLiteral("Tandem test peer"));
    if (!server || server->childCount() == 0)
        return false;
    clickItem(server->child(0));
    if (!okButton(dialog)->isEnabled())
        return false;
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    return true;
}

} // namespace

class TestServerDiscovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void findListsThePeerAndItsEndpoint();
    void choosingTheEndpointGivesItsMachine();
    void findWorksAgain();
    void closedPortNamesTheHost();
    void notAnOpcUaServerIsAnError();
    void silentServerTimesOut();
    void badHostIsAnError();
    void closingTheDialogEndsTheSearch();
    void generalPageBrowsesOpcUaPairs();
    void generalPageSecondaryBrowse();
    void modbusPairHasNoBrowseButtons();

private:
    const PairConfig &pair(const QString &name) const { return *m_doc->pair(name); }
    // What choosing the peer's endpoint gives: its address and endpoint path.
    QString peerMachine() const { return m_peer.address() + QStringLiteral("/tandem"); }

    OpcUaPeer m_peer;
    std::unique_ptr<test::ConsoleFiles> m_files;
    ConfigDocument *m_doc = nullptr;
};

void TestServerDiscovery::initTestCase()
{
    QVERIFY(m_peer.start({.path = QStringLiteral("/tandem")}));
}

void TestServerDiscovery::cleanupTestCase()
{
    m_peer.stop();
}

void TestServerDiscovery::init()
{
    m_files = std::make_unique<test::ConsoleFiles>();
    QVERIFY(m_files->open({test::plainPair(ModbusPair, QStringLiteral("127.0.0.1:1502"),
                                           QStringLiteral("plc-a"), QStringLiteral("plc-b:5020")),
                           test::plainPair(UaPair, QStringLiteral("opc.tcp://127.0.0.1:14841/ua"),
                                           QStringLiteral("server-a"),
                                           QStringLiteral("server-b:4841"), Protocol::OpcUa)}));
    m_doc = m_files->document();
}

void TestServerDiscovery::findListsThePeerAndItsEndpoint()
{
    ServerDiscoveryDialog dialog(QStringLiteral("plc-a"));
    QVERIFY(test::shown(&dialog));
    QCOMPARE(child<QLineEdit>(&dialog, "discoveryHost")->text(), QStringLiteral("plc-a"));
    QVERIFY(!okButton(&dialog)->isEnabled());

    auto *edit = child<QLineEdit>(&dialog, "discoveryHost");
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, m_peer.address());
    QSignalSpy finished(&dialog, &ServerDiscoveryDialog::searchFinished);
    QTest::mouseClick(child<QPushButton>(&dialog, "discoveryFind"), Qt::LeftButton);
    // Asynchronous: the dialog says so while it waits.
    QVERIFY(dialog.isSearching());
    QVERIFY2(labelText(&dialog, "discoveryStatus").startsWith(QStringLiteral("Searching")),
             qPrintable(labelText(&dialog, "discoveryStatus")));
    QVERIFY(finished.wait(WaitMs));
    QVERIFY(!dialog.isSearching());
    QVERIFY2(child<QLabel>(&dialog, "discoveryError")->isHidden(),
             qPrintable(labelText(&dialog, "discoveryError")));

    QTreeWidgetItem *server = serverItem(&dialog, QStringLiteral("Tandem test peer"));
    QVERIFY(server);
    QCOMPARE(server->toolTip(0), QStringLiteral("urn:tandem:test"));
    QVERIFY(!(server->flags() & Qt::ItemIsSelectable));
    QCOMPARE(server->childCount(), 1); // SecurityPolicy None only
    QTreeWidgetItem *endpoint = server->child(0);
    QCOMPARE(endpoint->text(0), m_peer.url());
    QVERIFY(endpoint->text(0).endsWith(QStringLiteral("/tandem")));
    QCOMPARE(endpoint->text(1), QStringLiteral("None"));
    QCOMPARE(endpoint->text(2), QStringLiteral("None"));
    QVERIFY2(endpoint->text(3).startsWith(QStringLiteral("Anonymous")),
             qPrintable(endpoint->text(3)));
    QVERIFY(endpoint->flags() & Qt::ItemIsSelectable);
    QVERIFY(labelText(&dialog, "discoveryStatus").contains(m_peer.address()));

    // OK waits until an endpoint is chosen; a server row is no choice.
    QVERIFY(!okButton(&dialog)->isEnabled());
    clickItem(server);
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY(dialog.machine().isEmpty());
    clickItem(endpoint);
    QVERIFY(okButton(&dialog)->isEnabled());

    // The connections close once the search is over.
    QTRY_VERIFY_WITH_TIMEOUT(dialog.findChildren<opcua::Client *>().isEmpty(), WaitMs);
}

void TestServerDiscovery::choosingTheEndpointGivesItsMachine()
{
    ServerDiscoveryDialog dialog(m_peer.address());
    QVERIFY(test::shown(&dialog));
    QVERIFY(choosePeer(&dialog, m_peer));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    // With the endpoint's path: servers that check the endpoint URL need it.
    QCOMPARE(dialog.machine(), QStringLiteral("127.0.0.1:%1/tandem").arg(m_peer.port()));
}

void TestServerDiscovery::findWorksAgain()
{
    ServerDiscoveryDialog dialog(QString{});
    QVERIFY(test::shown(&dialog));
    // Find pressed again while a search runs starts over; each search lists once.
    auto *edit = child<QLineEdit>(&dialog, "discoveryHost");
    QTest::keyClicks(edit, m_peer.address());
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(dialog.isSearching());
    QVERIFY(find(&dialog, m_peer.address()));
    QCOMPARE(child<QTreeWidget>(&dialog, "discoveryServers")->topLevelItemCount(), 1);
    QVERIFY(find(&dialog, m_peer.address()));
    QCOMPARE(child<QTreeWidget>(&dialog, "discoveryServers")->topLevelItemCount(), 1);
    QVERIFY(serverItem(&dialog, QStringLiteral("Tandem test peer")));
    QVERIFY(child<QLabel>(&dialog, "discoveryError")->isHidden());
}

void TestServerDiscovery::closedPortNamesTheHost()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString host = QStringLiteral("127.0.0.1:%1").arg(probe.serverPort());
    probe.close();

    ServerDiscoveryDialog dialog(host);
    QVERIFY(test::shown(&dialog));
    QVERIFY(find(&dialog, host));
    auto *error = child<QLabel>(&dialog, "discoveryError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(host), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("refused"), Qt::CaseInsensitive),
             qPrintable(error->text()));
    QCOMPARE(child<QTreeWidget>(&dialog, "discoveryServers")->topLevelItemCount(), 0);
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY(!labelText(&dialog, "discoveryStatus").startsWith(QStringLiteral("Searching")));

    // Find again, on a host that answers: the error goes, the server comes.
    QVERIFY(find(&dialog, m_peer.address()));
    QVERIFY(error->isHidden());
    QVERIFY(serverItem(&dialog, QStringLiteral("Tandem test peer")));
}

void TestServerDiscovery::notAnOpcUaServerIsAnError()
{
    // A listening TCP server that is something else: it answers with an HTTP error.
    QTcpServer web;
    QVERIFY(web.listen(QHostAddress::LocalHost));
    connect(&web, &QTcpServer::newConnection, &web, [&web] {
        while (QTcpSocket *socket = web.nextPendingConnection()) {
            socket->setParent(&web);
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        }
    });
    const QString host = QStringLiteral("127.0.0.1:%1").arg(web.serverPort());

    ServerDiscoveryDialog dialog(host);
    QVERIFY(test::shown(&dialog));
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(find(&dialog, host));
    // Told at once, not after the timeout.
    QVERIFY2(elapsed.elapsed() < ServerDiscoveryDialog::DefaultTimeoutMs / 2,
             qPrintable(QString::number(elapsed.elapsed())));
    auto *error = child<QLabel>(&dialog, "discoveryError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(host), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("No OPC UA server")), qPrintable(error->text()));
    QCOMPARE(child<QTreeWidget>(&dialog, "discoveryServers")->topLevelItemCount(), 0);
    QTRY_VERIFY(dialog.findChildren<opcua::Client *>().isEmpty());
}

void TestServerDiscovery::silentServerTimesOut()
{
    // Accepts the connection, then never says a word.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const QString host = QStringLiteral("127.0.0.1:%1").arg(silent.serverPort());

    ServerDiscoveryDialog dialog(host);
    dialog.setTimeoutMs(500);
    QVERIFY(test::shown(&dialog));
    QVERIFY(find(&dialog, host));
    auto *error = child<QLabel>(&dialog, "discoveryError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(host), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("timeout")), qPrintable(error->text()));
}

void TestServerDiscovery::badHostIsAnError()
{
    ServerDiscoveryDialog dialog(QString{});
    QVERIFY(test::shown(&dialog));
    QVERIFY(find(&dialog, QStringLiteral("plc a:4840")));
    auto *error = child<QLabel>(&dialog, "discoveryError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("plc a")), qPrintable(error->text()));
    QVERIFY(!dialog.isSearching());
}

void TestServerDiscovery::closingTheDialogEndsTheSearch()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    int connections = 0;
    QTcpSocket *accepted = nullptr;
    connect(&silent, &QTcpServer::newConnection, &silent, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection()) {
            ++connections;
            accepted = socket;
        }
    });
    const QString host = QStringLiteral("127.0.0.1:%1").arg(silent.serverPort());
    ServerDiscoveryDialog dialog(host);
    QVERIFY(test::shown(&dialog));
    QTest::keyClick(child<QLineEdit>(&dialog, "discoveryHost"), Qt::Key_Return);
    QVERIFY(dialog.isSearching());
    QTRY_COMPARE(connections, 1);
    QVERIFY(accepted);
    QSignalSpy closed(accepted, &QTcpSocket::disconnected);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isSearching());
    QVERIFY(closed.wait(WaitMs));
}

void TestServerDiscovery::generalPageBrowsesOpcUaPairs()
{
    GeneralPage page(m_doc);
    page.setPair(UaPair);
    QVERIFY(test::shown(&page));
    auto *primaryBrowse = child<QToolButton>(&page, "browsePrimary");
    auto *secondaryBrowse = child<QToolButton>(&page, "browseSecondary");
    QVERIFY(primaryBrowse->isVisible());
    QVERIFY(secondaryBrowse->isVisible());
    QCOMPARE(primaryBrowse->accessibleName(), QStringLiteral("Browse primary servers"));
    QCOMPARE(secondaryBrowse->accessibleName(), QStringLiteral("Browse secondary servers"));
    QVERIFY(!m_doc->isModified());

    QString prefilled;
    bool chosen = false;
    whenModal([&](QWidget *modal) {
        QCOMPARE(modal->objectName(), QStringLiteral("serverDiscoveryDialog"));
        prefilled = child<QLineEdit>(modal, "discoveryHost")->text();
        chosen = choosePeer(modal, m_peer);
        if (!chosen)
            QTest::keyClick(modal, Qt::Key_Escape);
    });
    QTest::mouseClick(primaryBrowse, Qt::LeftButton);
    QCOMPARE(prefilled, QStringLiteral("server-a")); // the machine field's text
    QVERIFY(chosen);
    QCOMPARE(child<QLineEdit>(&page, "primaryMachine")->text(), peerMachine());
    QCOMPARE(pair(UaPair).primary, peerMachine());
    QCOMPARE(pair(UaPair).secondary, QStringLiteral("server-b:4841"));
    QVERIFY(m_doc->isModified());
    QVERIFY(child<QLabel>(&page, "primaryError")->isHidden());

    // Cancel leaves the field and the configuration as they were.
    whenModal([](QWidget *modal) { QTest::keyClick(modal, Qt::Key_Escape); });
    QTest::mouseClick(primaryBrowse, Qt::LeftButton);
    QCOMPARE(pair(UaPair).primary, peerMachine());

    // The labels' mnemonics still lead to the fields.
    for (QLabel *label : page.findChildren<QLabel *>()) {
        if (label->text().startsWith(QStringLiteral("&Primary")))
            QCOMPARE(label->buddy(), child<QLineEdit>(&page, "primaryMachine"));
        if (label->text().startsWith(QStringLiteral("&Secondary")))
            QCOMPARE(label->buddy(), child<QLineEdit>(&page, "secondaryMachine"));
    }
}

void TestServerDiscovery::generalPageSecondaryBrowse()
{
    GeneralPage page(m_doc);
    page.setPair(UaPair);
    QVERIFY(test::shown(&page));
    QString prefilled;
    bool chosen = false;
    whenModal([&](QWidget *modal) {
        prefilled = child<QLineEdit>(modal, "discoveryHost")->text();
        chosen = choosePeer(modal, m_peer);
        if (!chosen)
            QTest::keyClick(modal, Qt::Key_Escape);
    });
    QTest::mouseClick(child<QToolButton>(&page, "browseSecondary"), Qt::LeftButton);
    QCOMPARE(prefilled, QStringLiteral("server-b:4841"));
    QVERIFY(chosen);
    QCOMPARE(child<QLineEdit>(&page, "secondaryMachine")->text(), peerMachine());
    QCOMPARE(pair(UaPair).secondary, peerMachine());
    QCOMPARE(pair(UaPair).primary, QStringLiteral("server-a"));
}

void TestServerDiscovery::modbusPairHasNoBrowseButtons()
{
    GeneralPage page(m_doc);
    page.setPair(ModbusPair);
    QVERIFY(test::shown(&page));
    auto *primaryBrowse = child<QToolButton>(&page, "browsePrimary");
    auto *secondaryBrowse = child<QToolButton>(&page, "browseSecondary");
    QVERIFY(primaryBrowse->isHidden());
    QVERIFY(secondaryBrowse->isHidden());
    // The buttons follow the pair shown.
    page.setPair(UaPair);
    QVERIFY(primaryBrowse->isVisible());
    QVERIFY(secondaryBrowse->isVisible());
    page.setPair(ModbusPair);
    QVERIFY(primaryBrowse->isHidden());
    QVERIFY(secondaryBrowse->isHidden());
    page.setPair(QString());
    QVERIFY(primaryBrowse->isHidden());
}

QTEST_MAIN(TestServerDiscovery)
#include "tst_serverdiscovery.moc"
