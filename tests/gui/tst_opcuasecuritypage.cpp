// The General tab's OPC UA security: the fields go through the document into tandem.xml and
// come back; a combination the validator refuses is not applied and shows its message; the
// deprecated policies are offered only when allowed; the expected certificate shows and
// clears; None offered beyond loopback warns; Modbus pairs do not show any of it.
#include "config/configvalidator.h"
#include "consolefiles.h"
#include "pages/generalpage.h"
#include "testpairs.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTest>
#include <QToolButton>

using namespace tandem;
using tandem::test::retype;

namespace {

const QString Thumbprint = QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567");

UaSecuritySetting setting(const QString &text)
{
    QString error;
    const auto parsed = UaSecuritySetting::parse(text, &error);
    Q_ASSERT(parsed);
    return *parsed;
}

} // namespace

class TestOpcUaSecurityPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void hiddenForModbusPairs();
    void fieldsRoundTripThroughTandemXml();
    void deprecatedPoliciesOnlyWhenAllowed();
    void expectedCertificateShownAndCleared();
    void refusedCombinationShowsTheValidatorsMessage();
    void noneBeyondLoopbackWarns();

private:
    template <typename T> T *child(const char *name) const
    {
        return test::child<T>(m_page.get(), name);
    }
    const PairConfig &pair() const { return *m_doc->pair(QStringLiteral("ua1")); }
    // Toggles an offered setting's box from the keyboard, as an operator does.
    void toggleOffered(const QString &text)
    {
        auto *list = child<QListWidget>("listenSecurity");
        const QList<QListWidgetItem *> items = list->findItems(text, Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        list->setFocus();
        list->setCurrentItem(items.first());
        QTest::keyClick(list, Qt::Key_Space);
    }
    bool offered(const QString &text) const
    {
        auto *list = child<QListWidget>("listenSecurity");
        return list->findItems(text, Qt::MatchExactly).value(0)->checkState() == Qt::Checked;
    }
    void choose(const char *combo, const QString &text)
    {
        auto *box = child<QComboBox>(combo);
        const int index = box->findData(text);
        QVERIFY2(index >= 0, qPrintable(text));
        box->setCurrentIndex(index);
    }

    std::unique_ptr<test::ConsoleFiles> m_files;
    ConfigDocument *m_doc = nullptr;
    std::unique_ptr<GeneralPage> m_page;
};

void TestOpcUaSecurityPage::init()
{
    m_page.reset();
    m_files = std::make_unique<test::ConsoleFiles>();
    QVERIFY(m_files->open(
        {test::plainPair(QStringLiteral("ua1"), QStringLiteral("opc.tcp://127.0.0.1:4841"),
                         QStringLiteral("plc-a:4840"), QStringLiteral("plc-b:4840"),
                         Protocol::OpcUa),
         test::plainPair(QStringLiteral("mb1"), QStringLiteral("127.0.0.1:1502"),
                         QStringLiteral("plc-a"), QStringLiteral("plc-b"))}));
    m_doc = m_files->document();
    m_page = std::make_unique<GeneralPage>(m_doc);
    m_page->setPair(QStringLiteral("ua1"));
    QVERIFY(test::shown(m_page.get()));
}

void TestOpcUaSecurityPage::hiddenForModbusPairs()
{
    auto *group = child<QWidget>("opcuaSecurity");
    QVERIFY(group->isVisible());
    m_page->setPair(QStringLiteral("mb1"));
    QVERIFY(!group->isVisible());
    m_page->setPair(QStringLiteral("ua1"));
    QVERIFY(group->isVisible());
}

void TestOpcUaSecurityPage::fieldsRoundTripThroughTandemXml()
{
    // A new pair: None on the links, Basic256Sha256 SignAndEncrypt offered.
    QCOMPARE(child<QComboBox>("primarySecurity")->currentData().toString(),
             QStringLiteral("None:None"));
    QVERIFY(offered(QStringLiteral("Basic256Sha256:SignAndEncrypt")));
    QVERIFY(!offered(QStringLiteral("None:None")));

    choose("primarySecurity", QStringLiteral("Aes256_Sha256_RsaPss:Sign"));
    choose("secondarySecurity", QStringLiteral("Basic256Sha256:SignAndEncrypt"));
    auto *waive = child<QCheckBox>("waiveHostName");
    QTest::mouseClick(waive, Qt::LeftButton, {}, QPoint(4, waive->height() / 2));
    toggleOffered(QStringLiteral("Aes128_Sha256_RsaOaep:SignAndEncrypt"));
    toggleOffered(QStringLiteral("Basic256Sha256:SignAndEncrypt"));
    QVERIFY(child<QLabel>("securityError")->isHidden());

    const OpcUaSecurity &s = pair().opcuaSecurity;
    QCOMPARE(s.primary.setting, setting(QStringLiteral("Aes256_Sha256_RsaPss:Sign")));
    QCOMPARE(s.secondary.setting, setting(QStringLiteral("Basic256Sha256:SignAndEncrypt")));
    QVERIFY(s.waiveHostName);
    QCOMPARE(s.listen, QList<UaSecuritySetting>{
                           setting(QStringLiteral("Aes128_Sha256_RsaOaep:SignAndEncrypt"))});

    QVERIFY(m_doc->save().isEmpty());
    QFile file(m_files->paths().configFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString xml = QString::fromUtf8(file.readAll());
    QVERIFY2(xml.contains(QStringLiteral("Aes256_Sha256_RsaPss:Sign")), qPrintable(xml));
    QVERIFY2(xml.contains(QStringLiteral("Aes128_Sha256_RsaOaep:SignAndEncrypt")), qPrintable(xml));

    ConfigDocument reloaded(m_files->paths());
    QVERIFY(reloaded.load().isEmpty());
    QCOMPARE(reloaded.pair(QStringLiteral("ua1"))->opcuaSecurity, s);
    GeneralPage page(&reloaded);
    page.setPair(QStringLiteral("ua1"));
    QCOMPARE(test::child<QComboBox>(&page, "primarySecurity")->currentData().toString(),
             QStringLiteral("Aes256_Sha256_RsaPss:Sign"));
    QVERIFY(test::child<QCheckBox>(&page, "waiveHostName")->isChecked());
}

void TestOpcUaSecurityPage::deprecatedPoliciesOnlyWhenAllowed()
{
    auto *primary = child<QComboBox>("primarySecurity");
    QCOMPARE(primary->findData(QStringLiteral("Basic256:Sign")), -1);
    QCOMPARE(primary->findData(QStringLiteral("Basic128Rsa15:SignAndEncrypt")), -1);
    QCOMPARE(primary->count(), 7);
    auto *allow = child<QCheckBox>("allowDeprecated");
    QTest::mouseClick(allow, Qt::LeftButton, {}, QPoint(4, allow->height() / 2));
    QVERIFY(pair().opcuaSecurity.allowDeprecated);
    QCOMPARE(primary->count(), 11);
    choose("primarySecurity", QStringLiteral("Basic256:SignAndEncrypt"));
    QCOMPARE(pair().opcuaSecurity.primary.setting,
             setting(QStringLiteral("Basic256:SignAndEncrypt")));

    // Taking the permission away while a link uses one is refused, with the reason.
    QTest::mouseClick(allow, Qt::LeftButton, {}, QPoint(4, allow->height() / 2));
    QVERIFY(pair().opcuaSecurity.allowDeprecated);
    QVERIFY(allow->isChecked());
    auto *error = child<QLabel>("securityError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("Basic256 is deprecated")),
             qPrintable(error->text()));

    // Back to a current policy: the permission can go, and the deprecated choices with it.
    choose("primarySecurity", QStringLiteral("Basic256Sha256:Sign"));
    QVERIFY(error->isHidden());
    QTest::mouseClick(allow, Qt::LeftButton, {}, QPoint(4, allow->height() / 2));
    QVERIFY(!pair().opcuaSecurity.allowDeprecated);
    QCOMPARE(primary->count(), 7);
    // Never offered to clients.
    QVERIFY(child<QListWidget>("listenSecurity")
                ->findItems(QStringLiteral("Basic256:Sign"), Qt::MatchExactly)
                .isEmpty());
}

void TestOpcUaSecurityPage::expectedCertificateShownAndCleared()
{
    PairConfig p = pair();
    p.opcuaSecurity.secondary.setting = setting(QStringLiteral("Basic256Sha256:SignAndEncrypt"));
    p.opcuaSecurity.secondary.serverCertificate = Thumbprint;
    QVERIFY(m_doc->updatePair(QStringLiteral("ua1"), p).isEmpty());
    auto *shown = child<QLineEdit>("secondaryCertificate");
    QCOMPARE(shown->text(), Thumbprint);
    QVERIFY(shown->isReadOnly());
    QVERIFY(child<QLineEdit>("primaryCertificate")->text().isEmpty());
    QVERIFY(!child<QToolButton>("clearPrimaryCertificate")->isEnabled());
    auto *clear = child<QToolButton>("clearSecondaryCertificate");
    QVERIFY(clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(pair().opcuaSecurity.secondary.serverCertificate.isEmpty());
    QVERIFY(shown->text().isEmpty());
    QVERIFY(!clear->isEnabled());
    QCOMPARE(pair().opcuaSecurity.secondary.setting,
             setting(QStringLiteral("Basic256Sha256:SignAndEncrypt")));
}

void TestOpcUaSecurityPage::refusedCombinationShowsTheValidatorsMessage()
{
    // An expected certificate on a link switched to None.
    PairConfig p = pair();
    p.opcuaSecurity.primary.setting = setting(QStringLiteral("Basic256Sha256:Sign"));
    p.opcuaSecurity.primary.serverCertificate = Thumbprint;
    QVERIFY(m_doc->updatePair(QStringLiteral("ua1"), p).isEmpty());
    const PairConfig before = pair();
    PairConfig candidate = before;
    candidate.opcuaSecurity.primary.setting = UaSecuritySetting{};
    const ConfigIssues expected = ConfigValidator::validateOpcUaSecurity(candidate);
    QCOMPARE(expected.size(), 1);

    choose("primarySecurity", QStringLiteral("None:None"));
    QCOMPARE(pair(), before);
    QCOMPARE(child<QComboBox>("primarySecurity")->currentData().toString(),
             QStringLiteral("Basic256Sha256:Sign"));
    auto *error = child<QLabel>("securityError");
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), expected.first().message);

    // The last offered setting cannot go either.
    toggleOffered(QStringLiteral("Basic256Sha256:SignAndEncrypt"));
    QCOMPARE(pair(), before);
    QVERIFY(offered(QStringLiteral("Basic256Sha256:SignAndEncrypt")));
    QVERIFY2(error->text().contains(QStringLiteral("at least one security policy")),
             qPrintable(error->text()));

    // Another pair shown: the message was about this one.
    m_page->setPair(QStringLiteral("mb1"));
    m_page->setPair(QStringLiteral("ua1"));
    QVERIFY(error->isHidden());
}

void TestOpcUaSecurityPage::noneBeyondLoopbackWarns()
{
    auto *warning = child<QLabel>("listenSecurityWarning");
    toggleOffered(QStringLiteral("None:None"));
    QVERIFY(offered(QStringLiteral("None:None")));
    QVERIFY(pair().opcuaSecurity.listen.contains(UaSecuritySetting{}));
    QVERIFY(warning->isHidden()); // 127.0.0.1
    auto *endpoint = child<QLineEdit>("endpoint");
    retype(endpoint, QStringLiteral("opc.tcp://0.0.0.0:4841"));
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().startsWith(QStringLiteral("Warning:")), qPrintable(warning->text()));
    retype(endpoint, QStringLiteral("opc.tcp://localhost:4841"));
    QVERIFY(warning->isHidden());
    retype(endpoint, QStringLiteral("opc.tcp://plant-gateway:4841"));
    QVERIFY(warning->isVisible());
    toggleOffered(QStringLiteral("None:None"));
    QVERIFY(!pair().opcuaSecurity.listen.contains(UaSecuritySetting{}));
    QVERIFY(warning->isHidden());
}

QTEST_MAIN(TestOpcUaSecurityPage)
#include "tst_opcuasecuritypage.moc"
