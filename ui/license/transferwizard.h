#pragma once

#include "locallicense.h"
#include "mediasteppage.h"

#include <QWizard>

namespace tandem {

// Help › Transfer a License... (docs/requirements.md, Licensing). The same wizard runs
// on both computers: the target prepares the media (Step 2) and installs the license from
// it (Step 4), the source moves its license onto the media (Step 3). Each computer skips
// the steps the other one does.
class TransferWizard final : public QWizard
{
    Q_OBJECT

public:
    enum Page
    {
        Agreement,
        Prepare,
        TransferOut,
        TransferIn,
        Completion,
    };

    explicit TransferWizard(const TandemPaths &paths, QWidget *parent = nullptr);

    LocalLicense *license() { return &m_license; }
    const TransferProgress &progress() const { return m_progress; }

private:
    LocalLicense m_license;
    TransferProgress m_progress;
};

} // namespace tandem
