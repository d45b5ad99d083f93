#include "transferoutpage.h"

#include "locallicense.h"
#include "mediachooser.h"
#include "transferwizard.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tandem {

TransferOutPage::TransferOutPage(LocalLicense *license, TransferProgress *progress, QWidget *parent)
    : MediaStepPage(license, progress, parent)
{
    setObjectName(QStringLiteral("transferOutPage"));
    setTitle(tr("Transfer the License from the Source Computer to the Media"));
    setSubTitle(tr("Step 3 of 4: the source computer moves its license onto the prepared "
                   "media."));

    QPushButton *transferButton =
        createActionButton(QStringLiteral("transferOutButton"), tr("&Transfer"));
    connect(transferButton, &QPushButton::clicked, this, &TransferOutPage::transferOut);
    QGroupBox *source = createOperationBox(
        tr("Step 3: Source Computer Instructions"),
        tr("Insert the license media prepared in Step 2 on the target computer, and click "
           "Transfer to move the license to it. The license leaves this computer."),
        transferButton);

    m_pending = new QLabel;
    m_pending->setObjectName(QStringLiteral("pendingTransfer"));
    m_pending->setWordWrap(true);
    m_pending->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_abort = createActionButton(QStringLiteral("abortTransferButton"), tr("&Cancel the transfer"));
    m_abort->setToolTip(tr("Keep the license on this computer; the media no longer holds it"));
    connect(m_abort, &QPushButton::clicked, this, &TransferOutPage::abortTransfer);
    auto *pendingRow = new QHBoxLayout;
    pendingRow->addWidget(m_pending, 1);
    pendingRow->addWidget(m_abort, 0, Qt::AlignTop);
    auto *grid = static_cast<QGridLayout *>(source->layout());
    grid->addLayout(pendingRow, grid->rowCount(), 0, 1, grid->columnCount());

    QPushButton *skip = createSkipButton(
        QStringLiteral("skipToTransferIn"),
        tr("This is the target computer, the license is on the media: go to Step &4"));
    QGroupBox *target = createInstructionsBox(
        tr("Step 3: Target Computer Instructions"),
        tr("This step moves the license from the source computer to the media. Take the media "
           "prepared in Step 2 to the source computer and complete the procedure above there. "
           "When you are back with the media, continue with Step 4."),
        skip);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(source);
    layout->addWidget(target);
    layout->addStretch(1);
    setStatus(tr("Waiting to transfer the license to the media."));
    updatePending();
}

void TransferOutPage::initializePage()
{
    MediaStepPage::initializePage();
    updatePending();
}

int TransferOutPage::nextId() const
{
    // The source is finished once its license is on the media; the target goes on.
    return isDone() ? TransferWizard::Completion : TransferWizard::TransferIn;
}

void TransferOutPage::updatePending()
{
    const QString pending = m_license->transfer()->pending();
    m_pending->setText(pending);
    m_pending->setVisible(!pending.isEmpty());
    m_abort->setVisible(!pending.isEmpty());
}

void TransferOutPage::transferOut()
{
    const QString media = chosenMedia();
    if (media.isEmpty())
        return;
    const bool wasPending = !m_license->transfer()->pending().isEmpty();
    const QString target = LicenseTransfer::inspect(media).computerId;
    QString report, error;
    bool done = false;
    // An unfinished transfer is finished or undone first; finished, there is nothing left
    // to move (out() would only say that this computer holds no license).
    if (!m_license->transfer()->recover(&report, &error)) {
        setStatus(tr("The unfinished transfer could not be completed: %1.").arg(error), true);
    } else if (wasPending && m_license->transfer()->pending().isEmpty() &&
               !m_license->status().serial) {
        done = true;
    } else if (m_license->transfer()->out(media, &error)) {
        done = true;
    } else {
        QString text = tr("The license was not transferred: %1.").arg(error);
        if (!report.isEmpty())
            text = report + QLatin1Char(' ') + text;
        setStatus(text, true);
    }
    if (done) {
        m_progress->sentMedia = media;
        m_progress->sentTo = target;
        setStatus(target.isEmpty()
                      ? tr("The license is on the media at %1 and has left this computer. Take the "
                           "media to the target computer and complete Step 4 there. Click Next to "
                           "finish here.")
                            .arg(media)
                      : tr("The license is on the media at %1, sealed for the computer %2, and has "
                           "left this computer. Take the media to that computer and complete Step "
                           "4 there. Click Next to finish here.")
                            .arg(media, target));
        setDone(true);
    }
    updatePending();
    afterOperation();
}

void TransferOutPage::abortTransfer()
{
    QString error;
    if (m_license->transfer()->abortOut(&error))
        setStatus(tr("The transfer was cancelled: the license stays on this computer."));
    else
        setStatus(tr("The transfer could not be cancelled: %1.").arg(error), true);
    updatePending();
    afterOperation();
}

} // namespace tandem
