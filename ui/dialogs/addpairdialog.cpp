#include "addpairdialog.h"

#include "config/configdocument.h"
#include "contexthelp.h"
#include "errorlabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace tandem {

AddPairDialog::AddPairDialog(ConfigDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("addPairDialog"));
    setWindowTitle(tr("Add Redundant Server Configuration"));
    ContextHelp::setTopic(this, QStringLiteral("pairs#add"));
    auto *form = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("pairName"));
    m_name->setPlaceholderText(tr("e.g. line1"));
    form->addRow(tr("&Name:"), m_name);
    m_protocol = new QComboBox;
    m_protocol->setObjectName(QStringLiteral("pairProtocol"));
    m_protocol->addItem(tr("Modbus TCP"), int(Protocol::ModbusTcp));
    m_protocol->addItem(tr("OPC UA"), int(Protocol::OpcUa));
    form->addRow(tr("P&rotocol:"), m_protocol);
    m_endpoint = new QLineEdit(suggestEndpoint(document, false));
    m_endpoint->setObjectName(QStringLiteral("pairEndpoint"));
    form->addRow(tr("Client &endpoint:"), m_endpoint);
    m_primary = new QLineEdit;
    m_primary->setObjectName(QStringLiteral("pairPrimary"));
    m_primary->setPlaceholderText(tr("host or host:port"));
    form->addRow(tr("&Primary (Hostname or IP Address):"), m_primary);
    m_secondary = new QLineEdit;
    m_secondary->setObjectName(QStringLiteral("pairSecondary"));
    m_secondary->setPlaceholderText(tr("host or host:port"));
    form->addRow(tr("&Secondary (Hostname or IP Address):"), m_secondary);
    m_mode = new QComboBox;
    m_mode->setObjectName(QStringLiteral("pairMode"));
    for (ConnectionMode mode : {ConnectionMode::Cold, ConnectionMode::Warm, ConnectionMode::Hot})
        m_mode->addItem(connectionModeDescription(mode), int(mode));
    m_mode->setCurrentIndex(m_mode->findData(int(ConnectionMode::Warm)));
    form->addRow(tr("Connection &mode:"), m_mode);

    m_error = createErrorLabel(QStringLiteral("addPairError"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->setObjectName(QStringLiteral("addPairButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AddPairDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AddPairDialog::reject);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, [this] {
        m_endpoint->setText(
            suggestEndpoint(m_document, m_protocol->currentData().toInt() == int(Protocol::OpcUa)));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString AddPairDialog::suggestEndpoint(const ConfigDocument *document, bool opcUa)
{
    const Protocol protocol = opcUa ? Protocol::OpcUa : Protocol::ModbusTcp;
    for (int port = opcUa ? 4841 : 1502; port < 65536; ++port) {
        const QString text = opcUa ? QStringLiteral("opc.tcp://localhost:%1/tandem").arg(port)
                                   : QStringLiteral("127.0.0.1:%1").arg(port);
        QString error;
        const auto candidate = Endpoint::parse(text, protocol, &error);
        bool taken = false;
        for (const PairConfig &p : document->configuration().pairs)
            if (const auto used = Endpoint::parse(p.endpoint, p.protocol, &error);
                used && used->overlaps(*candidate))
                taken = true;
        if (!taken)
            return text;
    }
    return {};
}

void AddPairDialog::accept()
{
    PairConfig pair;
    pair.name = m_name->text().trimmed();
    pair.protocol = Protocol(m_protocol->currentData().toInt());
    pair.endpoint = m_endpoint->text().trimmed();
    pair.primary = m_primary->text().trimmed();
    pair.secondary = m_secondary->text().trimmed();
    pair.mode = ConnectionMode(m_mode->currentData().toInt());
    if (pair.protocol == Protocol::OpcUa)
        pair.opcuaIdentity = OpcUaIdentity(); // a new pair: the OPC UA users, no anonymous
    const ConfigIssues issues = m_document->addPair(pair);
    if (!issues.isEmpty()) {
        m_error->setText(joinMessages(issues));
        m_error->show();
        return;
    }
    m_added = pair.name;
    QDialog::accept();
}

} // namespace tandem
