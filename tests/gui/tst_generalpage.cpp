// The General tab: every field edits the document, errors show at the field, and the
// reference manual's Cold-mode rule greys out always-reconnect.
#include "consolefiles.h"
#include "pages/generalpage.h"
#include "testpairs.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>

using namespace tandem;
using tandem::test::retype;

class TestGeneralPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void showsThePairsValues();
    void textFieldsEditDocument_data();
    void textFieldsEditDocument();
    void modeAndReconnect();
    void spinBoxesEditDocument();
    void invalidMachineShowsErrorAtTheField();
    void statusItemAndWriteReplay();
    void noPairDisablesPage();
    void savedValuesComeBack();
    void clientLimits();

private:
    template <typename T> T *child(const char *name) const
    {
        return test::child<T>(m_page.get(), name);
    }
    const PairConfig &pair() const { return *m_doc->pair(QStringLiteral("line1")); }

    std::unique_ptr<test::ConsoleFiles> m_files;
    ConfigDocument *m_doc = nullptr;
    std::unique_ptr<GeneralPage> m_page;
};

void TestGeneralPage::init()
{
    m_page.reset();
    m_files = std::make_unique<test::ConsoleFiles>();
    QVERIFY(
        m_files->open({test::plainPair(QStringLiteral("line1"), QStringLiteral("127.0.0.1:1502"),
                                       QStringLiteral("plc-a"), QStringLiteral("plc-b:5020"))}));
    m_doc = m_files->document();
    m_page = std::make_unique<GeneralPage>(m_doc);
    m_page->setPair(QStringLiteral("line1"));
    QVERIFY(test::shown(m_page.get()));
}

void TestGeneralPage::showsThePairsValues()
{
    QCOMPARE(child<QLineEdit>("endpoint")->text(), QStringLiteral("127.0.0.1:1502"));
    QCOMPARE(child<QLineEdit>("primaryMachine")->text(), QStringLiteral("plc-a"));
    QCOMPARE(child<QLineEdit>("secondaryMachine")->text(), QStringLiteral("plc-b:5020"));
    QCOMPARE(child<QComboBox>("connectionMode")->currentData().toInt(), int(ConnectionMode::Warm));
    QCOMPARE(child<QSpinBox>("statusInterval")->value(), 1000);
    QCOMPARE(child<QSpinBox>("statusTimeout")->value(), 500);
    QCOMPARE(child<QSpinBox>("failbackHoldoff")->value(), 0);
    QCOMPARE(child<QLabel>("protocol")->text(), QStringLiteral("Modbus TCP"));
    QVERIFY(!m_doc->isModified());
}

void TestGeneralPage::textFieldsEditDocument_data()
{
    QTest::addColumn<QString>("widget");
    QTest::addColumn<QString>("text");
    QTest::newRow("endpoint") << "endpoint"
                              << "0.0.0.0:1602";
    QTest::newRow("primary") << "primaryMachine"
                             << "10.1.1.1:502";
    QTest::newRow("secondary") << "secondaryMachine"
                               << "[fd00::2]:502";
}

void TestGeneralPage::textFieldsEditDocument()
{
    QFETCH(QString, widget);
    QFETCH(QString, text);
    auto *edit = child<QLineEdit>(widget.toLatin1().constData());
    retype(edit, text);
    QVERIFY(m_doc->isModified());
    const QString stored = widget == QLatin1String("endpoint")         ? pair().endpoint
                           : widget == QLatin1String("primaryMachine") ? pair().primary
                                                                       : pair().secondary;
    QCOMPARE(stored, text);
    QCOMPARE(edit->cursorPosition(), text.size()); // typing was never interrupted
}

void TestGeneralPage::modeAndReconnect()
{
    auto *mode = child<QComboBox>("connectionMode");
    auto *reconnect = child<QCheckBox>("reconnectPrimary");
    mode->setCurrentIndex(mode->findData(int(ConnectionMode::Hot)));
    QCOMPARE(pair().mode, ConnectionMode::Hot);
    QVERIFY(reconnect->isEnabled());
    QTest::mouseClick(reconnect, Qt::LeftButton, {}, QPoint(4, reconnect->height() / 2));
    QVERIFY(pair().reconnectPrimary);
    // Cold does not support always-reconnect: greyed out and cleared.
    mode->setCurrentIndex(mode->findData(int(ConnectionMode::Cold)));
    QCOMPARE(pair().mode, ConnectionMode::Cold);
    QVERIFY(!reconnect->isEnabled());
    QVERIFY(!reconnect->isChecked());
    QVERIFY(!pair().reconnectPrimary);
}

void TestGeneralPage::spinBoxesEditDocument()
{
    auto *interval = child<QSpinBox>("statusInterval");
    retype(interval, 2500);
    QCOMPARE(pair().statusIntervalMs, 2500);
    auto *timeout = child<QSpinBox>("statusTimeout");
    retype(timeout, 1000);
    QCOMPARE(pair().statusTimeoutMs, 1000);
    auto *holdoff = child<QSpinBox>("failbackHoldoff");
    // Without always reconnect the hold-off does nothing: greyed out, and it says why.
    QVERIFY(!holdoff->isEnabled());
    QVERIFY(holdoff->toolTip().startsWith(QStringLiteral("Has no effect")));
    QTest::mouseClick(child<QCheckBox>("reconnectPrimary"), Qt::LeftButton, Qt::KeyboardModifiers(),
                      QPoint(5, 5));
    QVERIFY(pair().reconnectPrimary);
    QVERIFY(holdoff->isEnabled());
    retype(holdoff, 3000);
    QCOMPARE(pair().failbackHoldoffMs, 3000);
    auto *persistence = child<QSpinBox>("failurePersistence");
    retype(persistence, 3);
    QCOMPARE(pair().failurePersistence, 3);
    QCOMPARE(persistence->maximum(), PairConfig::MaxFailurePersistence);
    auto *connections = child<QComboBox>("serverConnections");
    connections->setCurrentIndex(1);
    QVERIFY(pair().connectionPerClient);
    connections->setCurrentIndex(0);
    QVERIFY(!pair().connectionPerClient);
    QVERIFY(m_doc->isModified());
    QCOMPARE(interval->minimum(), PairConfig::MinStatusIntervalMs);
    QCOMPARE(timeout->maximum(), PairConfig::MaxStatusTimeoutMs);
}

void TestGeneralPage::invalidMachineShowsErrorAtTheField()
{
    auto *primary = child<QLineEdit>("primaryMachine");
    auto *error = child<QLabel>("primaryError");
    QVERIFY(error->isHidden());
    retype(primary, QStringLiteral("plc a"));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("not a valid host")));
    retype(primary, QStringLiteral("plc-a"));
    QVERIFY(error->isHidden());
    auto *endpoint = child<QLineEdit>("endpoint");
    retype(endpoint, QStringLiteral("127.0.0.1"));
    QVERIFY(child<QLabel>("endpointError")->isVisible());
    QVERIFY(child<QLabel>("endpointError")->text().contains(QStringLiteral("no port")));
}

void TestGeneralPage::statusItemAndWriteReplay()
{
    auto *item = child<QLineEdit>("statusItem");
    retype(item, QStringLiteral("2:300010"));
    QCOMPARE(pair().statusItem, QStringLiteral("2:300010"));
    QVERIFY(child<QLabel>("statusItemError")->isHidden());
    retype(item, QStringLiteral("999999"));
    QVERIFY(child<QLabel>("statusItemError")->isVisible());
    auto *replay = child<QCheckBox>("writeReplay");
    QVERIFY(!replay->isChecked());
    QTest::mouseClick(replay, Qt::LeftButton, {}, QPoint(4, replay->height() / 2));
    QVERIFY(pair().writeReplay);
}

void TestGeneralPage::noPairDisablesPage()
{
    m_page->setPair(QString());
    QVERIFY(!m_page->isEnabled());
    QVERIFY(child<QLineEdit>("primaryMachine")->text().isEmpty());
    m_page->setPair(QStringLiteral("line1"));
    QVERIFY(m_page->isEnabled());
    // Removing the shown pair empties the page too.
    QVERIFY(m_doc->removePair(QStringLiteral("line1")).isEmpty());
    QVERIFY(!m_page->isEnabled());
    QVERIFY(m_page->pairName().isEmpty());
}

void TestGeneralPage::savedValuesComeBack()
{
    retype(child<QLineEdit>("secondaryMachine"), QStringLiteral("plc-c"));
    auto *mode = child<QComboBox>("connectionMode");
    mode->setCurrentIndex(mode->findData(int(ConnectionMode::Hot)));
    QVERIFY(m_doc->save().isEmpty());
    ConfigDocument reloaded(m_files->paths());
    QVERIFY(reloaded.load().isEmpty());
    GeneralPage page(&reloaded);
    page.setPair(QStringLiteral("line1"));
    QCOMPARE(page.findChild<QLineEdit *>(QStringLiteral("secondaryMachine"))->text(),
             QStringLiteral("plc-c"));
    QCOMPARE(page.findChild<QComboBox *>(QStringLiteral("connectionMode"))->currentData().toInt(),
             int(ConnectionMode::Hot));
}

// The client limits: shown with their defaults, edited into the document; requests
// in flight, Modbus only, is greyed out for an OPC UA pair and says why.
void TestGeneralPage::clientLimits()
{
    auto *clients = child<QSpinBox>("clientLimit");
    auto *requests = child<QSpinBox>("requestsPerClient");
    auto *output = child<QSpinBox>("outputPerClient");
    QCOMPARE(clients->value(), PairConfig::DefaultClientLimit);
    QCOMPARE(requests->value(), PairConfig::DefaultRequestsPerClient);
    QCOMPARE(output->value(), PairConfig::DefaultOutputPerClient);
    QCOMPARE(clients->maximum(), PairConfig::MaxClientLimit);
    QCOMPARE(output->minimum(), PairConfig::MinOutputPerClient);
    retype(clients, 64);
    QCOMPARE(pair().clientLimit, 64);
    retype(requests, 8);
    QCOMPARE(pair().requestsPerClient, 8);
    retype(output, 65536);
    QCOMPARE(pair().outputPerClientBytes, 65536);
    QVERIFY(requests->isEnabled());
    PairConfig opcua = pair();
    opcua.protocol = Protocol::OpcUa;
    opcua.endpoint = QStringLiteral("opc.tcp://localhost:4841/line1");
    m_doc->updatePair(QStringLiteral("line1"), opcua);
    QVERIFY(clients->isEnabled());
    QVERIFY(!requests->isEnabled());
    QCOMPARE(requests->toolTip(), QStringLiteral("Modbus TCP only"));
    QVERIFY(output->isEnabled());
}

QTEST_MAIN(TestGeneralPage)
#include "tst_generalpage.moc"
