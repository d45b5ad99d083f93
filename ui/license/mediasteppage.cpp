#include "mediasteppage.h"

#include "locallicense.h"
#include "mediachooser.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

namespace tandem {

MediaStepPage::MediaStepPage(LocalLicense *license, TransferProgress *progress, QWidget *parent)
    : QWizardPage(parent)
    , m_license(license)
    , m_progress(progress)
{}

bool MediaStepPage::isComplete() const
{
    return m_done || m_skipped;
}

void MediaStepPage::initializePage()
{
    updateMediaInfo();
}

QPushButton *MediaStepPage::createActionButton(const QString &objectName, const QString &text)
{
    auto *button = new QPushButton(text);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    return button;
}

QPushButton *MediaStepPage::createSkipButton(const QString &objectName, const QString &text)
{
    QPushButton *button = createActionButton(objectName, text);
    connect(button, &QPushButton::clicked, this, [this] {
        m_skipped = true;
        Q_EMIT completeChanged();
        wizard()->next();
    });
    return button;
}

QGroupBox *MediaStepPage::createOperationBox(const QString &title, const QString &instructions,
                                             QPushButton *action)
{
    auto *box = new QGroupBox(title);
    m_chooser = new MediaChooser;
    connect(m_chooser, &MediaChooser::mediaChanged, this, &MediaStepPage::updateMediaInfo);
    auto *chooserLabel = new QLabel(tr("Select the &media:"));
    chooserLabel->setBuddy(m_chooser);
    auto *text = new QLabel(instructions);
    text->setWordWrap(true);
    m_mediaInfo = new QLabel;
    m_mediaInfo->setObjectName(QStringLiteral("mediaInfo"));
    m_mediaInfo->setWordWrap(true);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("transferStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *grid = new QGridLayout(box);
    grid->addWidget(chooserLabel, 0, 0);
    grid->addWidget(m_chooser, 0, 1, 1, 2);
    grid->addWidget(text, 1, 0, 1, 2);
    grid->addWidget(action, 1, 2, Qt::AlignTop);
    grid->addWidget(m_mediaInfo, 2, 0, 1, 3);
    grid->addWidget(m_status, 3, 0, 1, 3);
    grid->setColumnStretch(1, 1);
    return box;
}

QGroupBox *MediaStepPage::createInstructionsBox(const QString &title, const QString &instructions,
                                                QPushButton *skip)
{
    auto *box = new QGroupBox(title);
    auto *text = new QLabel(instructions);
    text->setWordWrap(true);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(text);
    if (skip)
        layout->addWidget(skip, 0, Qt::AlignLeft);
    return box;
}

void MediaStepPage::setStatus(const QString &text, bool error)
{
    m_status->setText(tr("Status: %1").arg(text));
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void MediaStepPage::setDone(bool done)
{
    if (done == m_done)
        return;
    m_done = done;
    Q_EMIT completeChanged();
}

QString MediaStepPage::chosenMedia()
{
    const QString media = m_chooser->media();
    if (media.isEmpty())
        setStatus(tr("Choose the media first: insert it and click Refresh, or click Browse... to "
                     "use a folder."),
                  true);
    return media;
}

void MediaStepPage::updateMediaInfo()
{
    const QString media = m_chooser->media();
    m_mediaInfo->setText(media.isEmpty() ? QString() : LicenseTransfer::inspect(media).text);
}

void MediaStepPage::afterOperation()
{
    updateMediaInfo();
    m_license->tellEngine();
}

} // namespace tandem
