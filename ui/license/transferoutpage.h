#pragma once

#include "mediasteppage.h"

class QLabel;
class QPushButton;

namespace tandem {

// Transfer Step 3, on the source computer: moves the license onto the prepared media. An
// unfinished transfer is shown with a way to give the license back to this computer.
class TransferOutPage final : public MediaStepPage
{
    Q_OBJECT

public:
    TransferOutPage(LocalLicense *license, TransferProgress *progress, QWidget *parent = nullptr);

    void initializePage() override;
    int nextId() const override;
    void transferOut();
    void abortTransfer();

private:
    void updatePending();

    QLabel *m_pending;
    QPushButton *m_abort;
};

} // namespace tandem
