#pragma once

#include <QWizardPage>

class QGroupBox;
class QLabel;
class QPushButton;

namespace tandem {

class LocalLicense;
class MediaChooser;

// What this run of the transfer wizard did, for its last page.
struct TransferProgress
{
    QString preparedMedia; // Step 2 ran here
    QString sentMedia;     // Step 3 ran here: the license left this computer
    QString sentTo;        // ... sealed for this Computer ID
    QString installedFrom; // Step 4 ran here
};

// A transfer step that works on the license media (Steps 2-4): instructions for the
// source and for the target computer, a media chooser, the step's button and its status.
class MediaStepPage : public QWizardPage
{
    Q_OBJECT

public:
    bool isComplete() const override;
    void initializePage() override;

    MediaChooser *chooser() const { return m_chooser; }
    bool isDone() const { return m_done; }

protected:
    MediaStepPage(LocalLicense *license, TransferProgress *progress, QWidget *parent);

    // The group for the computer that works in this step: the chooser, `instructions`
    // next to `action`, what the media holds and the status line.
    QGroupBox *createOperationBox(const QString &title, const QString &instructions,
                                  QPushButton *action);
    // The group for the other computer: what it does meanwhile, and `skip` to go on.
    QGroupBox *createInstructionsBox(const QString &title, const QString &instructions,
                                     QPushButton *skip);
    QPushButton *createActionButton(const QString &objectName, const QString &text);
    // Marks the step as done elsewhere and goes on to the next page.
    QPushButton *createSkipButton(const QString &objectName, const QString &text);

    void setStatus(const QString &text, bool error = false);
    void setDone(bool done);
    // The chosen media, or empty after saying that one must be chosen.
    QString chosenMedia();
    void updateMediaInfo();
    // Runs after each operation, whatever its outcome.
    void afterOperation();

    LocalLicense *m_license;
    TransferProgress *m_progress;

private:
    MediaChooser *m_chooser = nullptr;
    QLabel *m_mediaInfo = nullptr;
    QLabel *m_status = nullptr;
    bool m_done = false;
    bool m_skipped = false;
};

} // namespace tandem
