#include "preparemediapage.h"

#include "locallicense.h"
#include "mediachooser.h"
#include "transferwizard.h"

#include <QGroupBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace tandem {

PrepareMediaPage::PrepareMediaPage(LocalLicense *license, TransferProgress *progress,
                                   QWidget *parent)
    : MediaStepPage(license, progress, parent)
{
    setObjectName(QStringLiteral("preparePage"));
    setTitle(tr("Prepare Removable Media for the Target Computer"));
    setSubTitle(tr("Step 2 of 4: the target computer prepares the media that will carry the "
                   "license."));

    QPushButton *skip =
        createSkipButton(QStringLiteral("skipToTransferOut"),
                         tr("This is the source computer, the media is prepared: go to Step &3"));
    QGroupBox *source = createInstructionsBox(
        tr("Step 2: Source Computer Instructions"),
        tr("This step prepares license media on the target computer. Take removable media to the "
           "target computer and complete the procedure below there. Once the media is prepared, "
           "bring it back to this computer and continue with Step 3."),
        skip);
    QPushButton *prepareButton =
        createActionButton(QStringLiteral("prepareButton"), tr("&Prepare"));
    connect(prepareButton, &QPushButton::clicked, this, &PrepareMediaPage::prepare);
    QGroupBox *target = createOperationBox(
        tr("Step 2: Target Computer Instructions"),
        tr("Insert the media in this computer and click Prepare to make it a license disk for "
           "this computer:"),
        prepareButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(source);
    layout->addWidget(target);
    layout->addStretch(1);
    setStatus(tr("Waiting to prepare a license disk."));
}

void PrepareMediaPage::initializePage()
{
    MediaStepPage::initializePage();
    const LicenseStatus status = m_license->status();
    if (!isDone() && status.serial)
        setStatus(tr("Waiting to prepare a license disk. This computer holds a license (serial "
                     "no. %1), so it can only be the source of a transfer.")
                      .arg(status.serial->number));
}

int PrepareMediaPage::nextId() const
{
    return TransferWizard::TransferOut;
}

void PrepareMediaPage::prepare()
{
    const QString media = chosenMedia();
    if (media.isEmpty())
        return;
    QString error;
    if (m_license->transfer()->prepare(media, &error)) {
        m_progress->preparedMedia = media;
        const QString computerId = m_license->status().computerId;
        setStatus(tr("The media at %1 is prepared for this computer (Computer ID %2). Take it to "
                     "the source computer and transfer the license to it there (Step 3); then "
                     "bring it back and install the license here (Step 4). Click Next to "
                     "continue.")
                      .arg(media, computerId));
        setDone(true);
    } else {
        QString text = tr("The media was not prepared: %1.").arg(error);
        if (m_license->status().serial)
            text += QLatin1Char(' ') + tr("If this is the source computer, skip to Step 3.");
        setStatus(text, true);
    }
    afterOperation();
}

} // namespace tandem
