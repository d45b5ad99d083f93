#pragma once

#include <QWizardPage>

class QLabel;

namespace tandem {

class LocalLicense;
struct TransferProgress;

// Transfer Step 5: what the transfer did and the license this computer has now; a license
// that arrived here must still be unlocked for this computer.
class CompletionPage final : public QWizardPage
{
    Q_OBJECT

public:
    CompletionPage(LocalLicense *license, const TransferProgress *progress,
                   QWidget *parent = nullptr);

    void initializePage() override;

private:
    LocalLicense *m_license;
    const TransferProgress *m_progress;
    QLabel *m_text;
    QLabel *m_summary;
    QLabel *m_unlock;
};

} // namespace tandem
