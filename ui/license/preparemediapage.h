#pragma once

#include "mediasteppage.h"

namespace tandem {

// Transfer Step 2, on the target computer: prepares the license media, which asks the
// source for a license sealed to this computer.
class PrepareMediaPage final : public MediaStepPage
{
    Q_OBJECT

public:
    PrepareMediaPage(LocalLicense *license, TransferProgress *progress, QWidget *parent = nullptr);

    void initializePage() override;
    int nextId() const override;
    void prepare();
};

} // namespace tandem
