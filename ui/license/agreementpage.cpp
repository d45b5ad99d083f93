#include "agreementpage.h"

#include <QButtonGroup>
#include <QFile>
#include <QLabel>
#include <QRadioButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tandem {

AgreementPage::AgreementPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("agreementPage"));
    setTitle(tr("License Agreement"));
    setSubTitle(tr("Step 1 of 4: read and accept the license agreement before moving a license "
                   "from one computer to another."));

    auto *text = new QTextBrowser;
    text->setObjectName(QStringLiteral("agreementText"));
    text->setOpenExternalLinks(true);
    text->setHtml(agreementText());

    m_accept = new QRadioButton(tr("I &accept the terms of this license agreement"));
    m_accept->setObjectName(QStringLiteral("acceptAgreement"));
    auto *decline = new QRadioButton(tr("I do &not accept the terms of this license agreement"));
    decline->setObjectName(QStringLiteral("declineAgreement"));
    decline->setChecked(true);
    auto *choice = new QButtonGroup(this);
    choice->addButton(m_accept);
    choice->addButton(decline);
    connect(m_accept, &QRadioButton::toggled, this, &AgreementPage::completeChanged);

    auto *caution = new QLabel(
        tr("<b>Before you begin:</b> have removable media ready (any USB stick or card with a "
           "little free space; it needs no special format) and make sure you can reach both "
           "computers. Once the license has left the source computer, finish the remaining "
           "steps: until it is installed on the target computer, neither computer can use it. "
           "An interruption (a pulled stick, a crash, a power cut) does not lose the license: "
           "every stage is journaled, and the next run of this wizard finishes or undoes the "
           "unfinished step."));
    caution->setObjectName(QStringLiteral("transferCaution"));
    caution->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text, 1);
    layout->addWidget(m_accept);
    layout->addWidget(decline);
    layout->addWidget(caution);
}

bool AgreementPage::isComplete() const
{
    return m_accept->isChecked();
}

QString AgreementPage::agreementText()
{
    QFile file(QStringLiteral(":/license/agreement.html"));
    if (file.open(QIODevice::ReadOnly))
        return QString::fromUtf8(file.readAll());
    return tr("<h3>Tandem Software License Agreement</h3>"
              "<p>The software license agreement under which this copy of Tandem was licensed "
              "applies to the license you are about to transfer, unchanged. A license serves one "
              "computer at a time: transferring it moves it to the target computer and removes "
              "it from the source computer; it does not copy it.</p>"
              "<p>For the full text of the agreement, contact technical support (Help › "
              "Technical Support).</p>");
}

} // namespace tandem
