// Browse OPC UA Servers against a real node-opcua server that offers only Basic256Sha256
// SignAndEncrypt: choosing its endpoint opens a secured channel with Tandem's own
// certificate; the server's certificate, unknown to the trust list, is refused
// (BadCertificateUntrusted, copied to rejected/) and offered to the operator. Cancel trusts
// nothing and chooses nothing; Trust files it in trusted/certs, the channel opens and the
// General tab takes the machine with the endpoint's policy and mode. Browse Items meets the
// same certificate on a secured session and offers it the same way. The console's own
// engine (a real tandemd) meets it on the pair's first connection: the console asks once
// per session, Cancel leaves it refused, Trust lets the running engine connect.
#include "buildpaths.h"
#include "certificates/refusedcertificateprompt.h"
#include "consolefiles.h"
#include "host/enginesession.h"
#include "modaldialogs.h"
#include "opcua/client.h"
#include "opcua/itembrowserdialog.h"
#include "opcua/serverdiscoverydialog.h"
#include "opcuapeer.h"
#include "pages/generalpage.h"
#include "pages/monitoringpage.h"
#include "pki/certificate.h"
#include "pki/pkistore.h"
#include "tandemdprocess.h"
#include "testpairs.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <memory>

using namespace tandem;
using tandem::test::child;
using tandem::test::OpcUaPeer;
using tandem::test::whenModal;

namespace {

constexpr int WaitMs = 30000;
const auto UaPair = QStringLiteral("ua");
const auto Secured = QStringLiteral("Basic256Sha256:SignAndEncrypt");

// Runs `handle` once a modal window named `name` is the active one; unlike whenModal()
// it waits past the modal dialog already open, whose own question comes later. A question
// that never comes is given up with `owner`.
void whenModalNamed(const QString &name, QObject *owner, std::function<void(QWidget *)> handle)
{
    auto *timer = new QTimer(owner);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, name, handle] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && modal->objectName() == name) {
            timer->stop();
            timer->deleteLater();
            handle(modal);
        }
    });
    timer->start();
}

void clickItem(QTreeWidgetItem *item)
{
    QTreeWidget *tree = item->treeWidget();
    tree->scrollToItem(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
}

QPushButton *okButton(QWidget *dialog)
{
    return child<QDialogButtonBox>(dialog, "discoveryButtons")->button(QDialogButtonBox::Ok);
}

// Searches the host in the dialog's field and selects the server's secured endpoint.
QTreeWidgetItem *selectSecuredEndpoint(QWidget *dialog, const OpcUaPeer &peer)
{
    auto *edit = child<QLineEdit>(dialog, "discoveryHost");
    test::retype(edit, peer.address());
    QSignalSpy finished(qobject_cast<ServerDiscoveryDialog *>(dialog),
                        &ServerDiscoveryDialog::searchFinished);
    QTest::keyClick(edit, Qt::Key_Return);
    if (finished.isEmpty() && !finished.wait(WaitMs))
        return nullptr;
    QTreeWidgetItem *server = test::itemNamed(child<QTreeWidget>(dialog, "discoveryServers"),
                                              QStringLiteral("Tandem test peer"));
    if (!server || server->childCount() != 1)
        return nullptr;
    QTreeWidgetItem *endpoint = server->child(0);
    if (endpoint->text(1) != QStringLiteral("Sign & Encrypt") ||
        endpoint->text(2) != QStringLiteral("Basic256Sha256") ||
        !(endpoint->flags() & Qt::ItemIsSelectable))
        return nullptr;
    clickItem(endpoint);
    return endpoint;
}

QString sha1(const QByteArray &der)
{
    QString error;
    const auto certificate = pki::Certificate::fromData(der, &error);
    return certificate ? certificate->thumbprint() : QString();
}

QStringList thumbprints(const pki::PkiStore &store, pki::PkiStore::List list)
{
    QStringList found;
    for (const pki::Certificate &certificate : store.certificates(list))
        found << certificate.thumbprint();
    return found;
}

} // namespace

class TestSecureDiscovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void untrustedServerCanBeLeftUntrusted();
    void trustedServerIsChosenWithItsSecurity();
    void standaloneDialogOffersNoSecuredEndpoint();
    void itemBrowserOffersTrustAndConnectsAgain();
    void monitoringTabBrowsesTheSecuredPrimary();
    void enginesFirstConnectionIsAskedAboutOnce();

private:
    const PairConfig &pair() const { return *m_doc->pair(UaPair); }
    pki::PkiStore store() const { return pki::PkiStore(m_files->paths().stateDir); }

    OpcUaPeer m_peer;
    std::unique_ptr<test::ConsoleFiles> m_files;
    ConfigDocument *m_doc = nullptr;
};

void TestSecureDiscovery::initTestCase()
{
    QVERIFY(m_peer.start({.path = QStringLiteral("/tandem"), .security = Secured}));
    QVERIFY(!m_peer.certificate().isEmpty());
}

void TestSecureDiscovery::cleanupTestCase()
{
    // The dialogs' connections close politely after the dialogs are gone.
    opcua::Client::waitForReleased(5000);
    m_peer.stop();
}

void TestSecureDiscovery::init()
{
    m_files = std::make_unique<test::ConsoleFiles>();
    QVERIFY(m_files->open({test::plainPair(UaPair, QStringLiteral("opc.tcp://127.0.0.1:14841/ua"),
                                           QStringLiteral("server-a"),
                                           QStringLiteral("server-b:4841"), Protocol::OpcUa)}));
    m_doc = m_files->document();
}

void TestSecureDiscovery::untrustedServerCanBeLeftUntrusted()
{
    GeneralPage page(m_doc);
    page.setPair(UaPair);
    QVERIFY(test::shown(&page));
    const QString thumbprint = sha1(m_peer.certificate());
    QVERIFY(!thumbprint.isEmpty());

    bool offered = false, chosen = false;
    QString reason, details, error;
    whenModal([&](QWidget *discovery) {
        QTreeWidgetItem *endpoint = selectSecuredEndpoint(discovery, m_peer);
        QVERIFY(endpoint);
        QVERIFY(okButton(discovery)->isEnabled());
        whenModalNamed(QStringLiteral("untrustedCertificateDialog"), &page, [&](QWidget *question) {
            offered = true;
            reason = child<QLabel>(question, "untrustedReason")->text();
            details = child<QPlainTextEdit>(question, "untrustedDetails")->toPlainText();
            QTest::mouseClick(child<QPushButton>(question, "cancelButton"), Qt::LeftButton);
        });
        QTest::mouseClick(okButton(discovery), Qt::LeftButton);
        // Refused and not trusted: the dialog stays open with the reason.
        auto *errorLabel = child<QLabel>(discovery, "discoveryError");
        QTRY_VERIFY_WITH_TIMEOUT(offered && errorLabel->isVisible(), WaitMs);
        error = errorLabel->text();
        chosen = discovery->isVisible() && okButton(discovery)->isEnabled();
        QTest::keyClick(discovery, Qt::Key_Escape);
    });
    QTest::mouseClick(child<QToolButton>(&page, "browsePrimary"), Qt::LeftButton);

    QVERIFY(offered);
    QVERIFY2(reason.contains(QStringLiteral("BadCertificateUntrusted")), qPrintable(reason));
    QVERIFY2(reason.contains(m_peer.url()), qPrintable(reason));
    QVERIFY2(details.contains(thumbprint.left(4)), qPrintable(details));
    QVERIFY2(error.contains(m_peer.url()) &&
                 error.contains(QStringLiteral("not trusted"), Qt::CaseInsensitive),
             qPrintable(error));
    QVERIFY(chosen); // OK can be tried again
    // Where an unknown certificate goes, and nothing chosen.
    QVERIFY(thumbprints(store(), pki::PkiStore::List::Rejected).contains(thumbprint));
    QVERIFY(!thumbprints(store(), pki::PkiStore::List::Trusted).contains(thumbprint));
    QCOMPARE(pair().primary, QStringLiteral("server-a"));
    QVERIFY(pair().opcuaSecurity.primary.setting.isNone());
}

void TestSecureDiscovery::trustedServerIsChosenWithItsSecurity()
{
    // The pair's primary link is already secured, so the operator can pin the
    // certificate while trusting it.
    PairConfig secured = pair();
    QString error;
    const auto setting = UaSecuritySetting::parse(Secured, &error);
    QVERIFY2(setting, qPrintable(error));
    secured.opcuaSecurity.primary.setting = *setting;
    QVERIFY(m_doc->updatePair(UaPair, secured).isEmpty());

    GeneralPage page(m_doc);
    page.setPair(UaPair);
    QVERIFY(test::shown(&page));
    const QString thumbprint = sha1(m_peer.certificate());

    bool offered = false, recordShown = false;
    whenModal([&](QWidget *discovery) {
        QVERIFY(selectSecuredEndpoint(discovery, m_peer));
        whenModalNamed(QStringLiteral("untrustedCertificateDialog"), &page, [&](QWidget *question) {
            offered = true;
            auto *record = child<QCheckBox>(question, "recordExpected");
            recordShown = record->isVisible() && record->isChecked();
            whenModal([](QWidget *confirmation) {
                QCOMPARE(confirmation->objectName(), QStringLiteral("trustConfirmation"));
                test::pressButton(confirmation, QMessageBox::Yes);
            });
            QTest::mouseClick(child<QPushButton>(question, "trustButton"), Qt::LeftButton);
        });
        QTest::mouseClick(okButton(discovery), Qt::LeftButton);
        // Trusted: the channel opens again and the dialog closes by itself.
    });
    QTest::mouseClick(child<QToolButton>(&page, "browsePrimary"), Qt::LeftButton);

    QVERIFY(offered);
    QVERIFY(recordShown);
    QVERIFY(thumbprints(store(), pki::PkiStore::List::Trusted).contains(thumbprint));
    QVERIFY(!thumbprints(store(), pki::PkiStore::List::Rejected).contains(thumbprint));
    QCOMPARE(pair().primary, m_peer.address() + QStringLiteral("/tandem"));
    QCOMPARE(child<QLineEdit>(&page, "primaryMachine")->text(), pair().primary);
    QCOMPARE(pair().opcuaSecurity.primary.setting.toString(), Secured);
    QCOMPARE(pair().opcuaSecurity.primary.serverCertificate, thumbprint);
    QVERIFY(pair().opcuaSecurity.secondary.setting.isNone());

    // Trusted now: choosing it again from the secondary asks nothing and takes it.
    bool asked = false;
    whenModal([&](QWidget *discovery) {
        QVERIFY(selectSecuredEndpoint(discovery, m_peer));
        whenModalNamed(QStringLiteral("untrustedCertificateDialog"), &page, [&](QWidget *question) {
            asked = true;
            QTest::mouseClick(child<QPushButton>(question, "cancelButton"), Qt::LeftButton);
        });
        QTest::mouseClick(okButton(discovery), Qt::LeftButton);
    });
    QTest::mouseClick(child<QToolButton>(&page, "browseSecondary"), Qt::LeftButton);
    QVERIFY(!asked);
    QCOMPARE(pair().secondary, m_peer.address() + QStringLiteral("/tandem"));
    QCOMPARE(pair().opcuaSecurity.secondary.setting.toString(), Secured);
    QVERIFY(pair().opcuaSecurity.secondary.serverCertificate.isEmpty());
}

void TestSecureDiscovery::standaloneDialogOffersNoSecuredEndpoint()
{
    // Without a state directory there is no own certificate to connect with.
    ServerDiscoveryDialog dialog(m_peer.address());
    QVERIFY(test::shown(&dialog));
    QSignalSpy finished(&dialog, &ServerDiscoveryDialog::searchFinished);
    QTest::mouseClick(child<QPushButton>(&dialog, "discoveryFind"), Qt::LeftButton);
    QVERIFY(finished.wait(WaitMs));
    QTreeWidgetItem *server = test::itemNamed(child<QTreeWidget>(&dialog, "discoveryServers"),
                                              QStringLiteral("Tandem test peer"));
    QVERIFY(server);
    QCOMPARE(server->childCount(), 1);
    QVERIFY(!(server->child(0)->flags() & Qt::ItemIsSelectable));
    QVERIFY2(server->child(0)->toolTip(0).contains(QStringLiteral("General tab")),
             qPrintable(server->child(0)->toolTip(0)));
}

void TestSecureDiscovery::itemBrowserOffersTrustAndConnectsAgain()
{
    const QString thumbprint = sha1(m_peer.certificate());
    QString error;
    const auto setting = UaSecuritySetting::parse(Secured, &error);
    QVERIFY2(setting, qPrintable(error));
    QWidget owner;
    bool offered = false;
    QString reason;
    whenModalNamed(QStringLiteral("untrustedCertificateDialog"), &owner, [&](QWidget *question) {
        offered = true;
        reason = child<QLabel>(question, "untrustedReason")->text();
        whenModal([](QWidget *confirmation) {
            QCOMPARE(confirmation->objectName(), QStringLiteral("trustConfirmation"));
            test::pressButton(confirmation, QMessageBox::Yes);
        });
        QTest::mouseClick(child<QPushButton>(question, "trustButton"), Qt::LeftButton);
    });
    ItemBrowserDialog dialog(m_peer.url(), {},
                             {*setting, m_files->paths().stateDir, m_doc, UaPair, Side::Primary});
    dialog.setTimeoutMs(WaitMs);
    QVERIFY(test::shown(&dialog));
    auto *tree = child<QTreeWidget>(&dialog, "itemTree");
    // Refused, trusted, connected again: the address space below Objects is browsed.
    QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() == 1 &&
                                 test::itemNamed(tree->topLevelItem(0), QStringLiteral("Plant")) !=
                                     nullptr,
                             WaitMs);
    QVERIFY(offered);
    QVERIFY2(reason.contains(QStringLiteral("BadCertificateUntrusted")), qPrintable(reason));
    QVERIFY(child<QLabel>(&dialog, "browseError")->isHidden());
    QVERIFY(thumbprints(store(), pki::PkiStore::List::Trusted).contains(thumbprint));
}

void TestSecureDiscovery::monitoringTabBrowsesTheSecuredPrimary()
{
    // Add on the Monitoring tab, then the Item ID's browse button: the browser uses the
    // primary link's security and the console's state directory.
    PairConfig secured = pair();
    QString error;
    const auto setting = UaSecuritySetting::parse(Secured, &error);
    QVERIFY2(setting, qPrintable(error));
    secured.primary = m_peer.address() + QStringLiteral("/tandem");
    secured.opcuaSecurity.primary.setting = *setting;
    QVERIFY(m_doc->updatePair(UaPair, secured).isEmpty());
    MonitoringPage page(m_doc);
    page.setPair(UaPair);
    QVERIFY(test::shown(&page));
    const QString thumbprint = sha1(m_peer.certificate());

    bool offered = false, browsed = false;
    whenModal([&](QWidget *itemDialog) {
        QCOMPARE(itemDialog->objectName(), QStringLiteral("monitorItemDialog"));
        whenModalNamed(QStringLiteral("untrustedCertificateDialog"), &page, [&](QWidget *question) {
            offered = true;
            whenModal(
                [](QWidget *confirmation) { test::pressButton(confirmation, QMessageBox::Yes); });
            QTest::mouseClick(child<QPushButton>(question, "trustButton"), Qt::LeftButton);
        });
        QTest::mouseClick(child<QToolButton>(itemDialog, "browseItems"), Qt::LeftButton);
        auto *browser = child<QDialog>(itemDialog, "itemBrowser");
        auto *tree = child<QTreeWidget>(browser, "itemTree");
        browsed = QTest::qWaitFor(
            [&] {
                return tree->topLevelItemCount() == 1 &&
                       test::itemNamed(tree->topLevelItem(0), QStringLiteral("Plant"));
            },
            WaitMs);
        browser->reject();
        QTest::keyClick(itemDialog, Qt::Key_Escape);
    });
    QTest::mouseClick(child<QPushButton>(&page, "addMonitorItem"), Qt::LeftButton);
    QVERIFY(offered);
    QVERIFY(browsed);
    QVERIFY(thumbprints(store(), pki::PkiStore::List::Trusted).contains(thumbprint));
    // The pair's primary link expects the certificate trusted for it.
    QCOMPARE(pair().opcuaSecurity.primary.serverCertificate, thumbprint);
}

void TestSecureDiscovery::enginesFirstConnectionIsAskedAboutOnce()
{
    // The pair enabled with its primary link secured, run by the console's own tandemd;
    // the secondary listens nowhere.
    QString error;
    const auto setting = UaSecuritySetting::parse(Secured, &error);
    QVERIFY2(setting, qPrintable(error));
    const std::vector<quint16> ports = test::freePorts(2);
    PairConfig secured = pair();
    secured.endpoint = QStringLiteral("opc.tcp://127.0.0.1:%1/ua").arg(ports[0]);
    secured.primary = m_peer.address() + QStringLiteral("/tandem");
    secured.secondary = QStringLiteral("127.0.0.1:%1").arg(ports[1]);
    secured.opcuaSecurity.primary.setting = *setting;
    QVERIFY(m_doc->updatePair(UaPair, secured).isEmpty());
    QVERIFY(m_doc->save().isEmpty());
    QVERIFY(m_doc->setEnabled(UaPair, true).isEmpty());
    qputenv("TANDEM_TANDEMD", test::tandemdPath().toLocal8Bit());
    EngineSession engine(m_files->paths());
    const ConfigIssues issues = engine.start();
    QVERIFY2(issues.isEmpty(), qPrintable(joinIssues(issues)));
    const auto primary = [&] {
        return engine.pairStatus(UaPair).value(QLatin1String("primary")).toObject();
    };
    const QString thumbprint = sha1(m_peer.certificate());
    QVERIFY(!thumbprint.isEmpty());
    QWidget window;

    {
        // Asked, and left untrusted.
        RefusedCertificatePrompt prompt(&engine, m_doc, &window);
        QSignalSpy answered(&prompt, &RefusedCertificatePrompt::answered);
        QObject watching;
        int asked = 0;
        QString reason, details;
        const std::function<void(QWidget *)> cancel = [&](QWidget *question) {
            if (++asked == 1) {
                reason = child<QLabel>(question, "untrustedReason")->text();
                details = child<QPlainTextEdit>(question, "untrustedDetails")->toPlainText();
            }
            QTest::mouseClick(child<QPushButton>(question, "cancelButton"), Qt::LeftButton);
            // A second question would be answered the same way, and counted.
            whenModalNamed(QStringLiteral("untrustedCertificateDialog"), &watching, cancel);
        };
        whenModalNamed(QStringLiteral("untrustedCertificateDialog"), &watching, cancel);
        QVERIFY(answered.wait(WaitMs));
        QCOMPARE(answered.first().at(0).toString(), thumbprint);
        QVERIFY(!answered.first().at(1).toBool());
        QVERIFY2(reason.contains(QStringLiteral("BadCertificateUntrusted")), qPrintable(reason));
        QVERIFY2(reason.contains(m_peer.address()), qPrintable(reason));
        QVERIFY2(details.contains(thumbprint.left(4)), qPrintable(details));
        // The engine goes on refusing it and says so; this console session does not ask again.
        QSignalSpy statuses(&engine, &EngineSession::statusChanged);
        QTRY_VERIFY_WITH_TIMEOUT(statuses.size() >= 3, WaitMs);
        QCOMPARE(primary().value(QLatin1String("refused-certificate")).toString(), thumbprint);
        QVERIFY(!primary().value(QLatin1String("connected")).toBool());
        QCOMPARE(asked, 1);
        QCOMPARE(answered.size(), 1);
        QVERIFY(!thumbprints(store(), pki::PkiStore::List::Trusted).contains(thumbprint));
        QVERIFY(thumbprints(store(), pki::PkiStore::List::Rejected).contains(thumbprint));
    }

    // The next console session asks again; Trust, confirmed once, and the running engine
    // connects on its next attempt.
    RefusedCertificatePrompt prompt(&engine, m_doc, &window);
    QSignalSpy answered(&prompt, &RefusedCertificatePrompt::answered);
    whenModalNamed(QStringLiteral("untrustedCertificateDialog"), &window, [](QWidget *question) {
        whenModal([](QWidget *confirmation) {
            QCOMPARE(confirmation->objectName(), QStringLiteral("trustConfirmation"));
            test::pressButton(confirmation, QMessageBox::Yes);
        });
        QTest::mouseClick(child<QPushButton>(question, "trustButton"), Qt::LeftButton);
    });
    QVERIFY(answered.wait(WaitMs));
    QCOMPARE(answered.first().at(0).toString(), thumbprint);
    QVERIFY(answered.first().at(1).toBool());
    QVERIFY(thumbprints(store(), pki::PkiStore::List::Trusted).contains(thumbprint));
    QTRY_VERIFY_WITH_TIMEOUT(primary().value(QLatin1String("connected")).toBool(), WaitMs);
    QCOMPARE(engine.pairStatus(UaPair).value(QLatin1String("active")).toString(),
             QStringLiteral("primary"));
    QVERIFY(primary().value(QLatin1String("refused-certificate")).toString().isEmpty());
    // The pair now expects that certificate from its primary (saved with the rest).
    QCOMPARE(pair().opcuaSecurity.primary.serverCertificate, thumbprint);
}

QTEST_MAIN(TestSecureDiscovery)
#include "tst_securediscovery.moc"
