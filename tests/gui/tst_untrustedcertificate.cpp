// The untrusted server certificate dialog: it shows what an operator compares (subject,
// thumbprint in groups, ApplicationUri, validity, host names, issuer) and why the server was
// refused; Trust asks once, files the certificate in pki/trusted/certs (out of rejected/)
// and records it as the certificate the pair expects from that server; Cancel at either
// step trusts nothing; offerTrust() is the same for a caller that only wants the answer.
#include "certificates/untrustedcertificatedialog.h"
#include "consolefiles.h"
#include "modaldialogs.h"
#include "testcertificates.h"
#include "testpairs.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

#include <memory>

using namespace tandem;
using tandem::test::child;
using tandem::test::whenModal;

namespace {

// A file where the engine or an operator would put it, folders made as needed.
void place(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    test::writeFile(path, bytes);
}

QStringList thumbprintsIn(const QString &dir)
{
    QStringList found;
    for (const QFileInfo &file : QDir(dir).entryInfoList(QDir::Files))
        found.append(QString::fromLatin1(
            QCryptographicHash::hash(test::readFile(file.filePath()), QCryptographicHash::Sha1)
                .toHex()
                .toUpper()));
    return found;
}

// Answers the trust confirmation with `button`, keeping its text.
void confirm(QMessageBox::StandardButton button, QString *text = nullptr)
{
    whenModal([=](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        QCOMPARE(box->objectName(), QStringLiteral("trustConfirmation"));
        if (text)
            *text = box->text();
        box->button(button)->click();
    });
}

} // namespace

class TestUntrustedCertificate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void showsWhatToCompare();
    void trustFilesItAndRecordsTheExpectation();
    void cancelTrustsNothing();
    void offerTrustHook();

private:
    QString stateDir() const { return m_files->paths().stateDir; }
    QString trustedDir() const { return stateDir() + QStringLiteral("/pki/trusted/certs"); }
    QString rejectedDir() const { return stateDir() + QStringLiteral("/pki/rejected/certs"); }
    pki::Certificate certificate() const
    {
        QString error;
        const auto c = pki::Certificate::fromData(m_server.der, &error);
        Q_ASSERT(c);
        return *c;
    }
    UntrustedServerContext context(Side side = Side::Secondary) const
    {
        return {QStringLiteral("ua1"), side, QStringLiteral("opc.tcp://plc-b:4840"),
                pki::CertificateStatus::BadCertificateUntrusted};
    }
    const PairConfig &pair() const { return *m_files->document()->pair(QStringLiteral("ua1")); }

    test::TestCertificate m_server;
    std::unique_ptr<test::ConsoleFiles> m_files;
};

void TestUntrustedCertificate::initTestCase()
{
    test::CertificateSpec spec;
    spec.commonName = QStringLiteral("Line B Server");
    spec.uri = QStringLiteral("urn:plc-b:server");
    spec.dns = {QStringLiteral("plc-b")};
    spec.ips = {QStringLiteral("10.0.0.2")};
    spec.keySlot = 1;
    m_server = test::makeCertificate(spec);
}

void TestUntrustedCertificate::init()
{
    m_files = std::make_unique<test::ConsoleFiles>();
    PairConfig ua = test::plainPair(
        QStringLiteral("ua1"), QStringLiteral("opc.tcp://127.0.0.1:4841"),
        QStringLiteral("plc-a:4840"), QStringLiteral("plc-b:4840"), Protocol::OpcUa);
    ua.opcuaSecurity.secondary.setting = {UaSecurityPolicy::Basic256Sha256,
                                          UaSecurityMode::SignAndEncrypt};
    QVERIFY(m_files->open({ua}));
}

void TestUntrustedCertificate::showsWhatToCompare()
{
    UntrustedCertificateDialog dialog(certificate(), context(), stateDir(), m_files->document());
    QVERIFY(test::shown(&dialog));
    const QString reason = child<QLabel>(&dialog, "untrustedReason")->text();
    QVERIFY2(reason.contains(QStringLiteral("BadCertificateUntrusted")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("opc.tcp://plc-b:4840")), qPrintable(reason));
    const QString details = child<QPlainTextEdit>(&dialog, "untrustedDetails")->toPlainText();
    const QString &t = m_server.thumbprint;
    const QString grouped =
        QStringList{t.mid(0, 4),  t.mid(4, 4),  t.mid(8, 4),  t.mid(12, 4), t.mid(16, 4),
                    t.mid(20, 4), t.mid(24, 4), t.mid(28, 4), t.mid(32, 4), t.mid(36, 4)}
            .join(QLatin1Char(' '));
    for (const QString &expected :
         {QStringLiteral("CN=Line B Server"), grouped, QStringLiteral("urn:plc-b:server"),
          QStringLiteral("plc-b"), QStringLiteral("10.0.0.2"), QStringLiteral("self-signed"),
          QStringLiteral("Valid until")})
        QVERIFY2(details.contains(expected),
                 qPrintable(expected + QStringLiteral(" in ") + details));
    // Offered for the side that is secured.
    QVERIFY(child<QCheckBox>(&dialog, "recordExpected")->isVisible());
    QVERIFY(child<QCheckBox>(&dialog, "recordExpected")->isChecked());
    // The primary link uses None: no certificate to expect there.
    UntrustedCertificateDialog primary(certificate(), context(Side::Primary), stateDir(),
                                       m_files->document());
    QVERIFY(test::shown(&primary));
    QVERIFY(!child<QCheckBox>(&primary, "recordExpected")->isVisible());
}

void TestUntrustedCertificate::trustFilesItAndRecordsTheExpectation()
{
    // The engine filed it in rejected/ when it refused it.
    place(rejectedDir() + QStringLiteral("/refused.der"), m_server.der);
    UntrustedCertificateDialog dialog(certificate(), context(), stateDir(), m_files->document());
    QVERIFY(test::shown(&dialog));
    QString question;
    confirm(QMessageBox::Yes, &question);
    QTest::mouseClick(child<QPushButton>(&dialog, "trustButton"), Qt::LeftButton);
    QVERIFY2(question.contains(m_server.thumbprint.left(4) + QLatin1Char(' ') +
                               m_server.thumbprint.mid(4, 4)),
             qPrintable(question));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.trusted());
    QCOMPARE(thumbprintsIn(trustedDir()), QStringList{m_server.thumbprint});
    QVERIFY(thumbprintsIn(rejectedDir()).isEmpty());
    QVERIFY(dialog.recordedExpected());
    QCOMPARE(pair().opcuaSecurity.secondary.serverCertificate, m_server.thumbprint);
    QVERIFY(pair().opcuaSecurity.primary.serverCertificate.isEmpty());
    QVERIFY(m_files->document()->isModified());
}

void TestUntrustedCertificate::cancelTrustsNothing()
{
    UntrustedCertificateDialog dialog(certificate(), context(), stateDir(), m_files->document());
    QVERIFY(test::shown(&dialog));
    confirm(QMessageBox::Cancel);
    QTest::mouseClick(child<QPushButton>(&dialog, "trustButton"), Qt::LeftButton);
    QVERIFY(dialog.isVisible()); // back to the question
    QVERIFY(!dialog.trusted());
    QVERIFY(thumbprintsIn(trustedDir()).isEmpty());
    QTest::mouseClick(child<QPushButton>(&dialog, "cancelButton"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(thumbprintsIn(trustedDir()).isEmpty());
    QVERIFY(pair().opcuaSecurity.secondary.serverCertificate.isEmpty());
    QVERIFY(!m_files->document()->isModified());
}

void TestUntrustedCertificate::offerTrustHook()
{
    // Without a document (browsing servers): trusted, nothing recorded.
    whenModal([](QWidget *modal) {
        QCOMPARE(modal->objectName(), QStringLiteral("untrustedCertificateDialog"));
        QVERIFY(!child<QCheckBox>(modal, "recordExpected")->isVisible());
        confirm(QMessageBox::Yes);
        QTest::mouseClick(child<QPushButton>(modal, "trustButton"), Qt::LeftButton);
    });
    QVERIFY(offerTrust(nullptr, certificate(), {{}, Side::None, QStringLiteral("opc.tcp://x:4840")},
                       stateDir()));
    QCOMPARE(thumbprintsIn(trustedDir()), QStringList{m_server.thumbprint});

    whenModal([](QWidget *modal) {
        QTest::mouseClick(child<QPushButton>(modal, "cancelButton"), Qt::LeftButton);
    });
    QVERIFY(!offerTrust(nullptr, certificate(), context(), stateDir(), m_files->document()));
}

QTEST_MAIN(TestUntrustedCertificate)
#include "tst_untrustedcertificate.moc"
