#include "transferinpage.h"

#include "locallicense.h"
#include "mediachooser.h"
#include "transferwizard.h"

#include <QGroupBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace tandem {

TransferInPage::TransferInPage(LocalLicense *license, TransferProgress *progress, QWidget *parent)
    : MediaStepPage(license, progress, parent)
{
    setObjectName(QStringLiteral("transferInPage"));
    setTitle(tr("Transfer the License from the Media to the Target Computer"));
    setSubTitle(tr("Step 4 of 4: the target computer installs the license from the media."));

    QGroupBox *source = createInstructionsBox(
        tr("Step 4: Source Computer Instructions"),
        tr("This final step moves the license from the media to the target computer. Take the "
           "media holding the license from Step 3 to the target computer and complete the "
           "procedure below there."),
        nullptr);
    QPushButton *transferButton =
        createActionButton(QStringLiteral("transferInButton"), tr("&Transfer"));
    connect(transferButton, &QPushButton::clicked, this, &TransferInPage::transferIn);
    QGroupBox *target = createOperationBox(
        tr("Step 4: Target Computer Instructions"),
        tr("Insert the media holding the license from Step 3 in this computer, and click "
           "Transfer to install the license here:"),
        transferButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(source);
    layout->addWidget(target);
    layout->addStretch(1);
    setStatus(tr("Waiting to install the license from the media."));
}

int TransferInPage::nextId() const
{
    return TransferWizard::Completion;
}

void TransferInPage::initializePage()
{
    MediaStepPage::initializePage();
    // The media prepared in Step 2 of this run is the one that comes back.
    if (!m_progress->preparedMedia.isEmpty() && chooser()->media().isEmpty())
        chooser()->setMedia(m_progress->preparedMedia);
}

void TransferInPage::transferIn()
{
    const QString media = chosenMedia();
    if (media.isEmpty())
        return;
    const bool hadLicense = m_license->status().serial.has_value();
    QString report, error;
    bool done = false;
    // An install a crash interrupted is finished first; then in() would only refuse a
    // second license.
    if (!m_license->transfer()->recover(&report, &error)) {
        setStatus(tr("The unfinished transfer could not be completed: %1.").arg(error), true);
    } else if (!hadLicense && m_license->status().serial) {
        done = true;
    } else if (m_license->transfer()->in(media, &error)) {
        done = true;
    } else {
        setStatus(tr("The license was not installed: %1.").arg(error), true);
    }
    if (done) {
        m_progress->installedFrom = media;
        setStatus(tr("The license is installed on this computer; the media holds no license any "
                     "more. Click Next to finish."));
        setDone(true);
    }
    afterOperation();
}

} // namespace tandem
