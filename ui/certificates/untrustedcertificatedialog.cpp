#include "untrustedcertificatedialog.h"

#include "certificatedetails.h"
#include "config/configdocument.h"
#include "config/configvalidator.h"
#include "contexthelp.h"
#include "errorlabel.h"
#include "pki/pkistore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tandem {

UntrustedCertificateDialog::UntrustedCertificateDialog(const pki::Certificate &certificate,
                                                       const UntrustedServerContext &context,
                                                       const QString &stateDir,
                                                       ConfigDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_certificate(certificate)
    , m_context(context)
    , m_stateDir(stateDir)
    , m_document(document)
{
    setObjectName(QStringLiteral("untrustedCertificateDialog"));
    setWindowTitle(tr("Untrusted Server Certificate"));
    ContextHelp::setTopic(this, QStringLiteral("certificates#untrusted"));
    resize(600, 460);

    const QString server =
        context.serverUrl.isEmpty() ? tr("The server") : tr("The server %1").arg(context.serverUrl);
    auto *reason = new QLabel(
        tr("%1 presented a certificate that Tandem does not trust (%2), so the connection was "
           "refused. Trust it only if it is the certificate the server really has.")
            .arg(server, pki::statusName(context.status)));
    reason->setObjectName(QStringLiteral("untrustedReason"));
    reason->setWordWrap(true);

    auto *details = new QPlainTextEdit(CertificateDetails::text(certificate.info()));
    details->setObjectName(QStringLiteral("untrustedDetails"));
    details->setReadOnly(true);

    m_record =
        new QCheckBox(m_context.side == Side::Secondary
                          ? tr("&Expect exactly this certificate from the secondary server of %1")
                                .arg(context.pairName)
                          : tr("&Expect exactly this certificate from the primary server of %1")
                                .arg(context.pairName));
    m_record->setObjectName(QStringLiteral("recordExpected"));
    m_record->setToolTip(tr("The pair then refuses any other certificate from this server, even "
                            "one the trust list accepts. Save the configuration to keep it."));
    m_record->setChecked(canRecord());
    m_record->setVisible(canRecord());
    m_error = createErrorLabel(QStringLiteral("trustError"));

    auto *buttons = new QDialogButtonBox;
    QPushButton *trust = buttons->addButton(tr("&Trust"), QDialogButtonBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustButton"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(reason);
    layout->addWidget(details, 1);
    layout->addWidget(m_record);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

bool UntrustedCertificateDialog::canRecord() const
{
    if (!m_document || m_context.pairName.isEmpty() || m_context.side == Side::None)
        return false;
    const PairConfig *pair = m_document->pair(m_context.pairName);
    return pair && pair->protocol == Protocol::OpcUa &&
           !pair->opcuaSecurity.link(m_context.side == Side::Secondary).setting.isNone();
}

void UntrustedCertificateDialog::accept()
{
    const QString thumbprint = m_certificate.thumbprint();
    QMessageBox confirm(
        QMessageBox::Warning, tr("Trust Server Certificate"),
        tr("Compare the thumbprint with the one the server shows in its own configuration "
           "before you trust it:\n\n%1\n\nTrust this certificate?")
            .arg(CertificateDetails::groupedThumbprint(thumbprint)),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    confirm.setObjectName(QStringLiteral("trustConfirmation"));
    confirm.setDefaultButton(QMessageBox::Cancel);
    if (confirm.exec() != QMessageBox::Yes)
        return;
    QString error;
    if (!pki::PkiStore(m_stateDir).trustCertificate(m_certificate, &error)) {
        m_error->setText(tr("The certificate was not trusted: %1").arg(error));
        m_error->show();
        return;
    }
    m_trusted = true;
    if (m_record->isChecked() && canRecord()) {
        PairConfig pair = *m_document->pair(m_context.pairName);
        OpcUaSecurity::Link &link = m_context.side == Side::Secondary ? pair.opcuaSecurity.secondary
                                                                      : pair.opcuaSecurity.primary;
        link.serverCertificate = thumbprint;
        ConfigIssues issues = ConfigValidator::validateOpcUaSecurity(pair);
        if (issues.isEmpty())
            issues = m_document->updatePair(m_context.pairName, pair);
        if (!issues.isEmpty()) {
            // Trusted all the same; only the pair's expectation is missing.
            m_error->setText(tr("The certificate is trusted, but the pair does not expect it: "
                                "%1")
                                 .arg(joinMessages(issues)));
            m_error->show();
            m_record->setEnabled(false);
            findChild<QPushButton *>(QStringLiteral("trustButton"))->setEnabled(false);
            findChild<QPushButton *>(QStringLiteral("cancelButton"))->setText(tr("Close"));
            return;
        }
        m_recorded = true;
    }
    QDialog::accept();
}

bool offerTrust(QWidget *parent, const pki::Certificate &certificate,
                const UntrustedServerContext &context, const QString &stateDir,
                ConfigDocument *document)
{
    UntrustedCertificateDialog dialog(certificate, context, stateDir, document, parent);
    return dialog.exec() == QDialog::Accepted || dialog.trusted();
}

} // namespace tandem
