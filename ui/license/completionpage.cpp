#include "completionpage.h"

#include "locallicense.h"
#include "mediasteppage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace tandem {

CompletionPage::CompletionPage(LocalLicense *license, const TransferProgress *progress,
                               QWidget *parent)
    : QWizardPage(parent)
    , m_license(license)
    , m_progress(progress)
{
    setObjectName(QStringLiteral("completionPage"));
    setFinalPage(true);
    m_text = new QLabel;
    m_text->setObjectName(QStringLiteral("completionText"));
    m_text->setWordWrap(true);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("licenseSummary"));
    m_summary->setWordWrap(true);
    m_unlock = new QLabel;
    m_unlock->setObjectName(QStringLiteral("unlockNote"));
    m_unlock->setWordWrap(true);
    m_unlock->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_summary);
    layout->addWidget(m_unlock);
    layout->addStretch(1);
}

void CompletionPage::initializePage()
{
    const LicenseStatus status = m_license->status();
    if (!m_progress->installedFrom.isEmpty()) {
        setTitle(tr("Congratulations!"));
        setSubTitle(tr("Step 5: the license transfer is complete."));
        m_text->setText(tr("Congratulations! The license has been transferred to this computer. "
                           "The media no longer holds it and need not be kept."));
    } else if (!m_progress->sentMedia.isEmpty()) {
        setTitle(tr("The License Has Left This Computer"));
        setSubTitle(tr("Step 5: this computer's part of the transfer is complete."));
        m_text->setText(
            (m_progress->sentTo.isEmpty()
                 ? tr("The license is on the media at %1.").arg(m_progress->sentMedia)
                 : tr("The license is on the media at %1, for the computer %2.")
                       .arg(m_progress->sentMedia, m_progress->sentTo)) +
            QLatin1Char(' ') +
            tr("Take the media to the target computer and install the license there (Help › "
               "Transfer a License..., Step 4)."));
    } else {
        setTitle(tr("License Transfer"));
        setSubTitle(tr("Step 5"));
        m_text->setText(tr("No license was moved in this run of the wizard."));
    }
    m_summary->setText(tr("This computer's license: %1").arg(status.summary()));
    if (status.state == LicenseState::Licensed) {
        m_unlock->setText(
            tr("The license must be unlocked for this computer within %n day(s): contact "
               "technical support with the serial number and Computer ID below, and enter the "
               "password they issue in Help › Unlock a License...\n\nApplication S/N: %1\n"
               "Computer ID: %2",
               nullptr, status.graceDaysLeft)
                .arg(status.serialText, status.computerId));
        m_unlock->show();
    } else {
        m_unlock->hide();
    }
}

} // namespace tandem
