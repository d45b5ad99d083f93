#include "aliasdialog.h"

#include "addpairdialog.h"
#include "config/configdocument.h"
#include "contexthelp.h"
#include "errorlabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace tandem {

AliasDialog::AliasDialog(ConfigDocument *document, const QString &pairName, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_pairName(pairName)
{
    setObjectName(QStringLiteral("aliasDialog"));
    setWindowTitle(tr("Alias Redundant Server Configuration"));
    ContextHelp::setTopic(this, QStringLiteral("pairs#alias"));
    const PairConfig *pair = document->pair(pairName);
    const bool opcUa = pair && pair->protocol == Protocol::OpcUa;

    auto *form = new QFormLayout;
    auto *current = new QLabel(pairName);
    current->setObjectName(QStringLiteral("aliasCurrentName"));
    form->addRow(tr("Current name:"), current);
    m_newName = new QLineEdit(document->suggestAliasName(pairName));
    m_newName->setObjectName(QStringLiteral("aliasNewName"));
    form->addRow(tr("&New name:"), m_newName);
    m_endpoint = new QLineEdit(AddPairDialog::suggestEndpoint(document, opcUa));
    m_endpoint->setObjectName(QStringLiteral("aliasEndpoint"));
    form->addRow(tr("Client &endpoint:"), m_endpoint);
    auto *note =
        new QLabel(tr("Note: alias names cannot include the characters <, > and &. Clients "
                      "that should use this pair connect to its new endpoint."));
    note->setWordWrap(true);
    m_error = createErrorLabel(QStringLiteral("aliasError"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->setObjectName(QStringLiteral("aliasButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AliasDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AliasDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

QString AliasDialog::aliasName() const
{
    return m_newName->text().trimmed();
}

void AliasDialog::accept()
{
    const ConfigIssues issues =
        m_document->aliasPair(m_pairName, aliasName(), m_endpoint->text().trimmed());
    if (!issues.isEmpty()) {
        m_error->setText(joinMessages(issues));
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace tandem
