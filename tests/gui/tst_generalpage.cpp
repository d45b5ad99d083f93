// The General tab: every field edits the document, errors show at the field, and the
// seed's Cold-mode rule greys out always-reconnect.
#include "config/configdocument.h"
#include "pages/generalpage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;

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
        T *w = m_page->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no widget %s", name);
        return w;
    }
    const PairConfig &pair() const { return *m_doc->pair(QStringLiteral("line1")); }
    static void replaceText(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConfigDocument> m_doc;
    std::unique_ptr<GeneralPage> m_page;
};

void TestGeneralPage::init()
{
    m_page.reset();
    m_doc.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_doc = std::make_unique<ConfigDocument>(TandemPaths{
        m_dir->filePath(QStringLiteral("tandem.xml")), m_dir->filePath(QStringLiteral("state"))});
    QVERIFY(m_doc->load().isEmpty());
    PairConfig p;
    p.name = QStringLiteral("line1");
    p.endpoint = QStringLiteral("127.0.0.1:1502");
    p.primary = QStringLiteral("plc-a");
    p.secondary = QStringLiteral("plc-b:5020");
    QVERIFY(m_doc->addPair(p).isEmpty());
    QVERIFY(m_doc->save().isEmpty());
    m_page = std::make_unique<GeneralPage>(m_doc.get());
    m_page->setPair(QStringLiteral("line1"));
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
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
    replaceText(edit, text);
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
    interval->setFocus();
    interval->selectAll();
    QTest::keyClicks(interval, QStringLiteral("2500"));
    QCOMPARE(pair().statusIntervalMs, 2500);
    auto *timeout = child<QSpinBox>("statusTimeout");
    timeout->setFocus();
    timeout->selectAll();
    QTest::keyClicks(timeout, QStringLiteral("1000"));
    QCOMPARE(pair().statusTimeoutMs, 1000);
    auto *holdoff = child<QSpinBox>("failbackHoldoff");
    // Without always reconnect the hold-off does nothing: greyed out, and it says why.
    QVERIFY(!holdoff->isEnabled());
    QVERIFY(holdoff->toolTip().startsWith(QStringLiteral("Has no effect")));
    QTest::mouseClick(child<QCheckBox>("reconnectPrimary"), Qt::LeftButton, Qt::KeyboardModifiers(),
                      QPoint(5, 5));
    QVERIFY(pair().reconnectPrimary);
    QVERIFY(holdoff->isEnabled());
    holdoff->setFocus();
    holdoff->selectAll();
    QTest::keyClicks(holdoff, QStringLiteral("3000"));
    QCOMPARE(pair().failbackHoldoffMs, 3000);
    auto *persistence = child<QSpinBox>("failurePersistence");
    persistence->setFocus();
    persistence->selectAll();
    QTest::keyClicks(persistence, QStringLiteral("3"));
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
    replaceText(primary, QStringLiteral("plc a"));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("not a valid host")));
    replaceText(primary, QStringLiteral("plc-a"));
    QVERIFY(error->isHidden());
    auto *endpoint = child<QLineEdit>("endpoint");
    replaceText(endpoint, QStringLiteral("127.0.0.1"));
    QVERIFY(child<QLabel>("endpointError")->isVisible());
    QVERIFY(child<QLabel>("endpointError")->text().contains(QStringLiteral("no port")));
}

void TestGeneralPage::statusItemAndWriteReplay()
{
    auto *item = child<QLineEdit>("statusItem");
    replaceText(item, QStringLiteral("2:300010"));
    QCOMPARE(pair().statusItem, QStringLiteral("2:300010"));
    QVERIFY(child<QLabel>("statusItemError")->isHidden());
    replaceText(item, QStringLiteral("999999"));
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
    replaceText(child<QLineEdit>("secondaryMachine"), QStringLiteral("plc-c"));
    auto *mode = child<QComboBox>("connectionMode");
    mode->setCurrentIndex(mode->findData(int(ConnectionMode::Hot)));
    QVERIFY(m_doc->save().isEmpty());
    ConfigDocument reloaded(
        {m_dir->filePath(QStringLiteral("tandem.xml")), m_dir->filePath(QStringLiteral("state"))});
    QVERIFY(reloaded.load().isEmpty());
    GeneralPage page(&reloaded);
    page.setPair(QStringLiteral("line1"));
    QCOMPARE(page.findChild<QLineEdit *>(QStringLiteral("secondaryMachine"))->text(),
             QStringLiteral("plc-c"));
    QCOMPARE(page.findChild<QComboBox *>(QStringLiteral("connectionMode"))->currentData().toInt(),
             int(ConnectionMode::Hot));
}

// Issue 17's client limits: shown with their defaults, edited into the document; requests
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
    clients->setFocus();
    clients->selectAll();
    QTest::keyClicks(clients, QStringLiteral("64"));
    QCOMPARE(pair().clientLimit, 64);
    requests->setFocus();
    requests->selectAll();
    QTest::keyClicks(requests, QStringLiteral("8"));
    QCOMPARE(pair().requestsPerClient, 8);
    output->setFocus();
    output->selectAll();
    QTest::keyClicks(output, QStringLiteral("65536"));
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
