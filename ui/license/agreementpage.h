#pragma once

#include <QWizardPage>

class QRadioButton;

namespace tandem {

// Transfer Step 1: the license agreement, to be accepted again before a license moves.
class AgreementPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit AgreementPage(QWidget *parent = nullptr);

    bool isComplete() const override;
    // The agreement's text: resources/license/agreement.html when the build has one.
    static QString agreementText();

private:
    QRadioButton *m_accept;
};

} // namespace tandem
