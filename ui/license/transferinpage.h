#pragma once

#include "mediasteppage.h"

namespace tandem {

// Transfer Step 4, on the target computer: installs the license from the media this
// computer prepared, and wipes it from the media.
class TransferInPage final : public MediaStepPage
{
    Q_OBJECT

public:
    TransferInPage(LocalLicense *license, TransferProgress *progress, QWidget *parent = nullptr);

    int nextId() const override;
    void initializePage() override;
    void transferIn();
};

} // namespace tandem
