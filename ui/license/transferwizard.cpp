#include "transferwizard.h"

#include "agreementpage.h"
#include "completionpage.h"
#include "contexthelp.h"
#include "preparemediapage.h"
#include "transferinpage.h"
#include "transferoutpage.h"

namespace tandem {

TransferWizard::TransferWizard(const TandemPaths &paths, QWidget *parent)
    : QWizard(parent)
    , m_license(paths)
{
    setObjectName(QStringLiteral("transferWizard"));
    setWindowTitle(tr("Transfer a License"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(Agreement, new AgreementPage);
    setPage(Prepare, new PrepareMediaPage(&m_license, &m_progress));
    setPage(TransferOut, new TransferOutPage(&m_license, &m_progress));
    setPage(TransferIn, new TransferInPage(&m_license, &m_progress));
    setPage(Completion, new CompletionPage(&m_license, &m_progress));
    setStartId(Agreement);
    ContextHelp::setTopic(this, QStringLiteral("license-transfer"));
    for (int id : pageIds())
        ContextHelp::setTopic(page(id), QStringLiteral("license-transfer#step%1").arg(id + 1));
    resize(720, 620);
}

} // namespace tandem
