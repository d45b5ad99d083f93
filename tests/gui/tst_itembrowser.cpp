// ItemBrowserDialog and the Monitor Item dialog's browse button against a real node-opcua
// server (tests/support/OpcUaPeer): the lazily browsed tree, picking a Variable with its
// data type, what a closed port looks like and Retry, and which pairs get the button.
#include "dialogs/monitoritemdialog.h"
#include "opcua/client.h"
#include "opcua/itembrowserdialog.h"
#include "opcuapeer.h"
#include "testpairs.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace tandem;
using tandem::test::child;
using tandem::test::itemNamed;
using tandem::test::OpcUaPeer;

namespace {

constexpr int WaitMs = 20000;

const QStringList PlantVariables = {QStringLiteral("Array"),  QStringLiteral("Counter"),
                                    QStringLiteral("Flag"),   QStringLiteral("History"),
                                    QStringLiteral("Offset"), QStringLiteral("Value")};

QStringList childNames(QTreeWidgetItem *parent)
{
    QStringList names;
    for (int i = 0; i < parent->childCount(); ++i)
        names << parent->child(i)->text(0);
    names.sort();
    return names;
}

// The Plant folder once the Objects folder has been browsed; nullptr if it never shows.
QTreeWidgetItem *waitForPlant(QTreeWidget *tree)
{
    QTreeWidgetItem *plant = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            return (plant = itemNamed(tree->topLevelItem(0), QStringLiteral("Plant"))) != nullptr;
        },
        WaitMs);
    return shown ? plant : nullptr;
}

void clickItem(QTreeWidget *tree, QTreeWidgetItem *item)
{
    tree->scrollToItem(item);
    const QRect rect = tree->visualItemRect(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                      QPoint(rect.left() + 40, rect.center().y()));
}

// Established TCP connections to this loopback port, from the client side, as the kernel
// lists them (Linux): how a test sees whether a dialog's connection is still open.
int connectionsTo(quint16 port)
{
    const QByteArray remotePort =
        ':' + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    int count = 0;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file(QString::fromLatin1(table));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (const QByteArray &line : lines) {
            // sl local_address rem_address st ...; state 01 is ESTABLISHED
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() > 3 && fields[2].endsWith(remotePort) && fields[3] == "01")
                ++count;
        }
    }
    return count;
}

QPushButton *okButton(QWidget *dialog)
{
    return child<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Ok);
}

} // namespace

class TestItemBrowser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void showsConnectingThenPlant();
    void expandingListsTheVariables();
    void okOnlyForVariables();
    void pickReadsDataType_data();
    void pickReadsDataType();
    void doubleClickPicks();
    void closedPortShowsErrorAndRetryConnects();
    void lostConnectionShowsError();
    void failedBrowseShowsErrorAndRetryBrowses();
    void closingTheDialogClosesTheConnection_data();
    void closingTheDialogClosesTheConnection();
    void monitorItemDialogBrowsesOpcUaPrimary();
    void invalidPrimaryShowsParseError();
    void modbusPairHasNoBrowseButton();

private:
    // Waits for the browser's tree, expands Plant and returns it once its variables show.
    QTreeWidgetItem *openPlant(QWidget *dialog);
    static PairConfig opcUaPair(const QString &primary);
    // The second server, for the cases that kill, hang or count the connections of theirs:
    // as a fresh start leaves it (a node-opcua server takes seconds to start).
    OpcUaPeer *spare();

    OpcUaPeer m_peer;
    std::unique_ptr<OpcUaPeer> m_spare;
};

void TestItemBrowser::initTestCase()
{
    QVERIFY2(m_peer.start(), "the node-opcua peer did not start (scripts/install-deps?)");
}

void TestItemBrowser::cleanup()
{
    if (m_spare && m_spare->isHung())
        m_spare->resume();
}

void TestItemBrowser::cleanupTestCase()
{
    // The closed dialogs' clients say goodbye to the servers before the process ends;
    // one still waiting for its answer then would be reported as a leak.
    opcua::Client::waitForReleased(5000);
}

OpcUaPeer *TestItemBrowser::spare()
{
    if (!m_spare)
        m_spare = std::make_unique<OpcUaPeer>();
    return m_spare->restore({}) ? m_spare.get() : nullptr;
}

QTreeWidgetItem *TestItemBrowser::openPlant(QWidget *dialog)
{
    auto *tree = child<QTreeWidget>(dialog, "itemTree");
    QTreeWidgetItem *plant = waitForPlant(tree);
    if (!plant)
        return nullptr;
    // Expanded with the keyboard, as an operator would.
    clickItem(tree, plant);
    QTest::keyClick(tree, Qt::Key_Right);
    if (!QTest::qWaitFor([&] { return childNames(plant) == PlantVariables; }, WaitMs))
        return nullptr;
    return plant;
}

PairConfig TestItemBrowser::opcUaPair(const QString &primary)
{
    return test::plainPair(QStringLiteral("line1"), QStringLiteral("opc.tcp://127.0.0.1:4841"),
                           primary, QStringLiteral("127.0.0.1:4842"), Protocol::OpcUa);
}

void TestItemBrowser::showsConnectingThenPlant()
{
    ItemBrowserDialog dialog(m_peer.url());
    auto *status = child<QLabel>(&dialog, "browseStatus");
    QVERIFY(status);
    QCOMPARE(status->text(), QStringLiteral("Connecting to %1…").arg(m_peer.url()));
    QVERIFY(!status->isHidden());
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY(test::shown(&dialog));

    auto *tree = child<QTreeWidget>(&dialog, "itemTree");
    QTreeWidgetItem *plant = waitForPlant(tree);
    QVERIFY(plant);
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(1), QStringLiteral("i=85"));
    QVERIFY(tree->topLevelItem(0)->isExpanded());
    QCOMPARE(plant->text(1), QStringLiteral("ns=1;s=Plant"));
    QCOMPARE(plant->text(2), QStringLiteral("Object"));
    QVERIFY(!plant->isExpanded());
    QVERIFY(itemNamed(tree->topLevelItem(0), QStringLiteral("Server")));
    // Browsed lazily: nothing below Plant until it is expanded.
    QCOMPARE(plant->childCount(), 0);
    QCOMPARE(plant->childIndicatorPolicy(), QTreeWidgetItem::ShowIndicator);
    QVERIFY(status->text().contains(QStringLiteral("Connected to %1").arg(m_peer.url())));
    QVERIFY(!child<QLabel>(&dialog, "browseError")->isVisible());
}

void TestItemBrowser::expandingListsTheVariables()
{
    ItemBrowserDialog dialog(m_peer.url());
    QVERIFY(test::shown(&dialog));
    auto *tree = child<QTreeWidget>(&dialog, "itemTree");
    QTreeWidgetItem *plant = openPlant(&dialog);
    QVERIFY(plant);
    QVERIFY(plant->isExpanded());
    for (int i = 0; i < plant->childCount(); ++i) {
        QTreeWidgetItem *variable = plant->child(i);
        QCOMPARE(variable->text(1), QStringLiteral("ns=1;s=") + variable->text(0));
        QCOMPARE(variable->text(2), QStringLiteral("Variable"));
        QCOMPARE(variable->childIndicatorPolicy(), QTreeWidgetItem::DontShowIndicator);
    }
    // Collapsing and expanding again does not browse twice.
    QTest::keyClick(tree, Qt::Key_Left);
    QVERIFY(!plant->isExpanded());
    QTest::keyClick(tree, Qt::Key_Right);
    QVERIFY(plant->isExpanded());
    QCOMPARE(childNames(plant), PlantVariables);
}

void TestItemBrowser::okOnlyForVariables()
{
    ItemBrowserDialog dialog(m_peer.url());
    QVERIFY(test::shown(&dialog));
    QTreeWidgetItem *plant = openPlant(&dialog);
    QVERIFY(plant);
    auto *tree = child<QTreeWidget>(&dialog, "itemTree");
    QPushButton *ok = okButton(&dialog);

    clickItem(tree, plant);
    QVERIFY(plant->isSelected());
    QVERIFY(!ok->isEnabled());
    clickItem(tree, itemNamed(plant, QStringLiteral("Counter")));
    QVERIFY(ok->isEnabled());
    clickItem(tree, tree->topLevelItem(0));
    QVERIFY(!ok->isEnabled());
    // OK on a folder does nothing, Enter included.
    QTest::keyClick(tree, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
}

void TestItemBrowser::pickReadsDataType_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("itemId");
    QTest::addColumn<QString>("dataType");
    QTest::newRow("Int32") << QStringLiteral("Counter") << QStringLiteral("ns=1;s=Counter")
                           << dataTypeName(DataType::Long);
    QTest::newRow("Boolean") << QStringLiteral("Flag") << QStringLiteral("ns=1;s=Flag")
                             << dataTypeName(DataType::Boolean);
    QTest::newRow("Double") << QStringLiteral("Value") << QStringLiteral("ns=1;s=Value")
                            << dataTypeName(DataType::Double);
    QTest::newRow("Double[3]") << QStringLiteral("Array") << QStringLiteral("ns=1;s=Array")
                               << dataTypeName(DataType::Double);
}

void TestItemBrowser::pickReadsDataType()
{
    QFETCH(QString, name);
    QFETCH(QString, itemId);
    QFETCH(QString, dataType);

    ItemBrowserDialog dialog(m_peer.url());
    QVERIFY(test::shown(&dialog));
    QTreeWidgetItem *plant = openPlant(&dialog);
    QVERIFY(plant);
    auto *tree = child<QTreeWidget>(&dialog, "itemTree");
    clickItem(tree, itemNamed(plant, name));
    QPushButton *ok = okButton(&dialog);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), WaitMs);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.itemId(), itemId);
    QCOMPARE(dataTypeName(dialog.dataType()), dataType);
}

void TestItemBrowser::doubleClickPicks()
{
    ItemBrowserDialog dialog(m_peer.url());
    QVERIFY(test::shown(&dialog));
    QTreeWidgetItem *plant = openPlant(&dialog);
    QVERIFY(plant);
    auto *tree = child<QTreeWidget>(&dialog, "itemTree");
    QTreeWidgetItem *value = itemNamed(plant, QStringLiteral("Value"));
    const QRect rect = tree->visualItemRect(value);
    // A real double click: press and release, then the double click event.
    const QPoint point(rect.left() + 40, rect.center().y());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, point);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, point);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), WaitMs);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.itemId(), QStringLiteral("ns=1;s=Value"));
    QCOMPARE(dialog.dataType(), DataType::Double);
}

void TestItemBrowser::closedPortShowsErrorAndRetryConnects()
{
    // A port nothing listens on, until a peer is started there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    const QString url = QStringLiteral("opc.tcp://127.0.0.1:%1").arg(port);

    ItemBrowserDialog dialog(url);
    QVERIFY(test::shown(&dialog));
    auto *error = child<QLabel>(&dialog, "browseError");
    auto *retry = child<QPushButton>(&dialog, "retryButton");
    QVERIFY(error && retry);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), WaitMs);
    QVERIFY2(error->text().startsWith(QStringLiteral("Cannot connect to %1: ").arg(url)),
             qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("refused")), qPrintable(error->text()));
    QVERIFY(retry->isVisible());
    QCOMPARE(retry->text(), QStringLiteral("&Retry"));
    QVERIFY(!okButton(&dialog)->isEnabled());
    QCOMPARE(child<QTreeWidget>(&dialog, "itemTree")->topLevelItemCount(), 0);

    // Tab goes from the tree to Retry.
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *tree = child<QTreeWidget>(&dialog, "itemTree");
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), retry);

    // The spare server, from now on there.
    if (!m_spare)
        m_spare = std::make_unique<OpcUaPeer>();
    QVERIFY(m_spare->start(OpcUaPeer::Options{}, port));
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(!error->isVisible());
    QVERIFY(!retry->isVisible());
    QVERIFY(child<QLabel>(&dialog, "browseStatus")
                ->text()
                .startsWith(QStringLiteral("Connecting to ")));
    QVERIFY(waitForPlant(tree));
    QVERIFY(!error->isVisible());
}

void TestItemBrowser::lostConnectionShowsError()
{
    QVERIFY(spare());
    OpcUaPeer &peer = *m_spare;
    ItemBrowserDialog dialog(peer.url());
    QVERIFY(test::shown(&dialog));
    QTreeWidgetItem *plant = openPlant(&dialog);
    QVERIFY(plant);
    auto *tree = child<QTreeWidget>(&dialog, "itemTree");
    clickItem(tree, itemNamed(plant, QStringLiteral("Counter")));
    QVERIFY(okButton(&dialog)->isEnabled());

    const quint16 port = peer.port();
    const QString url = peer.url();
    peer.kill();
    auto *error = child<QLabel>(&dialog, "browseError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), WaitMs);
    QVERIFY2(error->text().startsWith(QStringLiteral("The connection to %1 was lost: ").arg(url)),
             qPrintable(error->text()));
    QVERIFY(!okButton(&dialog)->isEnabled());

    // Back where it was: Retry connects anew and lists the address space again.
    QVERIFY(peer.start(OpcUaPeer::Options{}, port));
    QTest::mouseClick(child<QPushButton>(&dialog, "retryButton"), Qt::LeftButton);
    QVERIFY(openPlant(&dialog));
}

void TestItemBrowser::failedBrowseShowsErrorAndRetryBrowses()
{
    QVERIFY(spare());
    OpcUaPeer &peer = *m_spare;
    ItemBrowserDialog dialog(peer.url());
    dialog.setTimeoutMs(1500);
    QVERIFY(test::shown(&dialog));
    auto *tree = child<QTreeWidget>(&dialog, "itemTree");
    QTreeWidgetItem *plant = waitForPlant(tree);
    QVERIFY(plant);

    // A hung server keeps the connection but answers nothing: the browse times out.
    peer.hang();
    clickItem(tree, plant);
    QTest::keyClick(tree, Qt::Key_Right);
    QVERIFY(plant->isExpanded());
    QCOMPARE(childNames(plant), QStringList{QStringLiteral("Loading…")});
    auto *error = child<QLabel>(&dialog, "browseError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), WaitMs);
    QVERIFY2(
        error->text().startsWith(QStringLiteral("Browsing Plant on %1 failed: ").arg(peer.url())),
        qPrintable(error->text()));
    QVERIFY(!plant->isExpanded());
    QCOMPARE(plant->childCount(), 0);

    peer.resume();
    QTest::mouseClick(child<QPushButton>(&dialog, "retryButton"), Qt::LeftButton);
    QVERIFY(!error->isVisible());
    QVERIFY(plant->isExpanded());
    QTRY_COMPARE_WITH_TIMEOUT(childNames(plant), PlantVariables, WaitMs);
    QVERIFY(!error->isVisible());
}

void TestItemBrowser::closingTheDialogClosesTheConnection_data()
{
    QTest::addColumn<bool>("pick");
    QTest::newRow("Cancel") << false;
    QTest::newRow("OK") << true;
}

void TestItemBrowser::closingTheDialogClosesTheConnection()
{
    QFETCH(bool, pick);
    // The spare server, so no other test's open dialog is counted; the dialogs closed
    // before have said goodbye.
    QVERIFY(spare());
    OpcUaPeer &peer = *m_spare;
    opcua::Client::waitForReleased(WaitMs);
    QCOMPARE(connectionsTo(peer.port()), 0);
    ItemBrowserDialog dialog(peer.url());
    QVERIFY(test::shown(&dialog));
    QTreeWidgetItem *plant = openPlant(&dialog);
    QVERIFY(plant);
    QCOMPARE(connectionsTo(peer.port()), 1);

    if (pick) {
        clickItem(child<QTreeWidget>(&dialog, "itemTree"),
                  itemNamed(plant, QStringLiteral("Offset")));
        QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), WaitMs);
        QCOMPARE(dialog.dataType(), DataType::Long);
    } else {
        auto *buttons = child<QDialogButtonBox>(&dialog, "buttons");
        QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
    }
    // Closed while the dialog object still exists, as a dialog on the stack after exec().
    QTRY_COMPARE_WITH_TIMEOUT(connectionsTo(peer.port()), 0, WaitMs);
}

void TestItemBrowser::monitorItemDialogBrowsesOpcUaPrimary()
{
    MonitorItemDialog dialog(opcUaPair(m_peer.address()), MonitorItem{});
    QVERIFY(test::shown(&dialog));
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    auto *itemId = child<QLineEdit>(&dialog, "itemId");
    auto *dataType = child<QComboBox>(&dialog, "dataType");
    auto *browse = child<QToolButton>(&dialog, "browseItems");
    QVERIFY(itemId && dataType && browse);
    QCOMPARE(browse->accessibleName(), QStringLiteral("Browse items"));
    QCOMPARE(dataType->currentData().toInt(), int(DataType::Default));

    // The button sits between the Item ID and the Data Type in the tab order.
    itemId->setFocus();
    QTest::keyClick(itemId, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), browse);
    QTest::keyClick(browse, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dataType);

    QTest::mouseClick(browse, Qt::LeftButton);
    QPointer<ItemBrowserDialog> browser = dialog.findChild<ItemBrowserDialog *>();
    QVERIFY(browser);
    QVERIFY(browser->isVisible());
    QVERIFY(browser->isModal());
    QVERIFY(browser->windowTitle().contains(m_peer.url()));
    QTreeWidgetItem *plant = openPlant(browser);
    QVERIFY(plant);
    auto *tree = child<QTreeWidget>(browser, "itemTree");
    clickItem(tree, itemNamed(plant, QStringLiteral("Flag")));
    QTest::mouseClick(okButton(browser), Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(itemId->text(), QStringLiteral("ns=1;s=Flag"), WaitMs);
    QCOMPARE(dataType->currentData().toInt(), int(DataType::Boolean));
    QVERIFY(dialog.isVisible());
    QTRY_VERIFY(!browser); // deleted once closed
    QCOMPARE(dialog.item().itemId, QStringLiteral("ns=1;s=Flag"));
    QCOMPARE(dialog.item().dataType, DataType::Boolean);
}

void TestItemBrowser::invalidPrimaryShowsParseError()
{
    MonitorItemDialog dialog(opcUaPair(QStringLiteral("plc 1:4840")), MonitorItem{});
    QVERIFY(test::shown(&dialog));
    auto *browse = child<QToolButton>(&dialog, "browseItems");
    QVERIFY(browse);
    QTest::mouseClick(browse, Qt::LeftButton);
    auto *error = child<QLabel>(&dialog, "itemError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("'plc 1:4840'")), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("not a valid host name")),
             qPrintable(error->text()));
    QVERIFY(!dialog.findChild<ItemBrowserDialog *>());
}

void TestItemBrowser::modbusPairHasNoBrowseButton()
{
    PairConfig pair = opcUaPair(QStringLiteral("127.0.0.1:502"));
    pair.protocol = Protocol::ModbusTcp;
    pair.endpoint = QStringLiteral("127.0.0.1:1502");
    MonitorItemDialog dialog(pair, MonitorItem{});
    QVERIFY(!dialog.findChild<QToolButton *>(QStringLiteral("browseItems")));
    const QList<QToolButton *> buttons = dialog.findChildren<QToolButton *>();
    for (const QToolButton *button : buttons)
        QVERIFY(button->accessibleName() != QStringLiteral("Browse items"));
}

QTEST_MAIN(TestItemBrowser)
#include "tst_itembrowser.moc"
