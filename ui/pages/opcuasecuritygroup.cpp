#include "opcuasecuritygroup.h"

#include "config/endpoint.h"
#include "errorlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QToolButton>

namespace tandem {

namespace {

// What a link or the endpoint may choose, strongest last as OPC 10000-7 lists them; the
// deprecated ones are added to a link's choices only when the pair allows them.
const UaSecuritySetting Choices[] = {
    {UaSecurityPolicy::None, UaSecurityMode::None},
    {UaSecurityPolicy::Basic256Sha256, UaSecurityMode::Sign},
    {UaSecurityPolicy::Basic256Sha256, UaSecurityMode::SignAndEncrypt},
    {UaSecurityPolicy::Aes128_Sha256_RsaOaep, UaSecurityMode::Sign},
    {UaSecurityPolicy::Aes128_Sha256_RsaOaep, UaSecurityMode::SignAndEncrypt},
    {UaSecurityPolicy::Aes256_Sha256_RsaPss, UaSecurityMode::Sign},
    {UaSecurityPolicy::Aes256_Sha256_RsaPss, UaSecurityMode::SignAndEncrypt},
};

const UaSecuritySetting DeprecatedChoices[] = {
    {UaSecurityPolicy::Basic128Rsa15, UaSecurityMode::Sign},
    {UaSecurityPolicy::Basic128Rsa15, UaSecurityMode::SignAndEncrypt},
    {UaSecurityPolicy::Basic256, UaSecurityMode::Sign},
    {UaSecurityPolicy::Basic256, UaSecurityMode::SignAndEncrypt},
};

UaSecuritySetting settingOf(const QVariant &data)
{
    QString ignored;
    return UaSecuritySetting::parse(data.toString(), &ignored).value_or(UaSecuritySetting{});
}

} // namespace

OpcUaSecurityGroup::OpcUaSecurityGroup(QWidget *parent)
    : QGroupBox(tr("OPC UA Security"), parent)
{
    setObjectName(QStringLiteral("opcuaSecurity"));
    auto *form = new QFormLayout(this);

    const auto linkRows = [this, form](const QString &side, const QString &label, QComboBox **combo,
                                       QLineEdit **certificate, QToolButton **clear) {
        *combo = new QComboBox;
        (*combo)->setObjectName(side + QStringLiteral("Security"));
        (*combo)->setToolTip(tr("The security policy and mode of the connection to this "
                                "server: the server must offer it"));
        form->addRow(label, *combo);
        *certificate = new QLineEdit;
        (*certificate)->setObjectName(side + QStringLiteral("Certificate"));
        (*certificate)->setReadOnly(true);
        (*certificate)->setPlaceholderText(tr("any certificate the trust list accepts"));
        (*certificate)
            ->setToolTip(
                tr("The SHA-1 thumbprint of the certificate this server must present. Learned when "
                   "you trust the server's certificate; clear it to accept any certificate the "
                   "trust list accepts, e.g. after the server's certificate was renewed."));
        *clear = new QToolButton;
        (*clear)->setObjectName(QStringLiteral("clear") + side.at(0).toUpper() + side.mid(1) +
                                QStringLiteral("Certificate"));
        (*clear)->setText(tr("Clear"));
        (*clear)->setToolTip(tr("Accept any certificate the trust list accepts"));
        auto *row = new QHBoxLayout;
        row->addWidget(*certificate, 1);
        row->addWidget(*clear);
        form->addRow(tr("Expected certificate:"), row);
        QLineEdit *edit = *certificate;
        connect(*clear, &QToolButton::clicked, this, [this, edit] {
            if (edit->text().isEmpty())
                return;
            edit->clear();
            fieldEdited();
        });
        connect(*combo, &QComboBox::currentIndexChanged, this, &OpcUaSecurityGroup::fieldEdited);
    };
    linkRows(QStringLiteral("primary"), tr("Primary se&curity:"), &m_primary, &m_primaryCertificate,
             &m_clearPrimary);
    linkRows(QStringLiteral("secondary"), tr("Seco&ndary security:"), &m_secondary,
             &m_secondaryCertificate, &m_clearSecondary);

    m_allowDeprecated = new QCheckBox(tr("Allow &deprecated security policies"));
    m_allowDeprecated->setObjectName(QStringLiteral("allowDeprecated"));
    m_allowDeprecated->setToolTip(
        tr("Basic128Rsa15 and Basic256 rest on SHA-1 and are no longer safe; allow them only "
           "for a server that offers nothing newer. Never offered to clients."));
    form->addRow(m_allowDeprecated);
    m_waiveHostName = new QCheckBox(tr("Accept a &host name mismatch"));
    m_waiveHostName->setObjectName(QStringLiteral("waiveHostName"));
    m_waiveHostName->setToolTip(
        tr("Accept a trusted server certificate whose host names do not include the machine "
           "Tandem connects to (e.g. a server reached by an IP address its certificate does "
           "not name)"));
    form->addRow(m_waiveHostName);
    connect(m_allowDeprecated, &QCheckBox::toggled, this, [this] {
        if (m_loading)
            return;
        // The deprecated choices come and go with the box; the chosen one stays shown.
        m_loading = true;
        fillPolicies(m_primary, settingOf(m_primary->currentData()));
        fillPolicies(m_secondary, settingOf(m_secondary->currentData()));
        m_loading = false;
        fieldEdited();
    });
    connect(m_waiveHostName, &QCheckBox::toggled, this, &OpcUaSecurityGroup::fieldEdited);

    m_listen = new QListWidget;
    m_listen->setObjectName(QStringLiteral("listenSecurity"));
    m_listen->setToolTip(tr("What the pair's endpoint offers its clients; a client picks one"));
    for (const UaSecuritySetting &choice : Choices) {
        auto *item = new QListWidgetItem(choice.toString(), m_listen);
        item->setData(Qt::UserRole, choice.toString());
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_listen->setMaximumHeight(m_listen->sizeHintForRow(0) * (m_listen->count() + 1));
    form->addRow(tr("Endpoint &offers:"), m_listen);
    connect(m_listen, &QListWidget::itemChanged, this, &OpcUaSecurityGroup::fieldEdited);
    m_warning = createErrorLabel(QStringLiteral("listenSecurityWarning"));
    form->addRow(m_warning);
    m_error = createErrorLabel(QStringLiteral("securityError"));
    form->addRow(m_error);
}

void OpcUaSecurityGroup::fillPolicies(QComboBox *combo, const UaSecuritySetting &current)
{
    combo->clear();
    for (const UaSecuritySetting &choice : Choices)
        combo->addItem(choice.toString(), choice.toString());
    for (const UaSecuritySetting &choice : DeprecatedChoices)
        if (m_allowDeprecated->isChecked() || choice == current)
            combo->addItem(tr("%1 (deprecated)").arg(choice.toString()), choice.toString());
    combo->setCurrentIndex(combo->findData(current.toString()));
}

void OpcUaSecurityGroup::load(const OpcUaSecurity &security, const QString &endpoint)
{
    m_loading = true;
    m_loaded = security;
    m_allowDeprecated->setChecked(security.allowDeprecated);
    m_waiveHostName->setChecked(security.waiveHostName);
    fillPolicies(m_primary, security.primary.setting);
    fillPolicies(m_secondary, security.secondary.setting);
    m_primaryCertificate->setText(security.primary.serverCertificate);
    m_secondaryCertificate->setText(security.secondary.serverCertificate);
    m_clearPrimary->setEnabled(!security.primary.serverCertificate.isEmpty());
    m_clearSecondary->setEnabled(!security.secondary.serverCertificate.isEmpty());
    for (int i = 0; i < m_listen->count(); ++i) {
        QListWidgetItem *item = m_listen->item(i);
        item->setCheckState(security.listen.contains(settingOf(item->data(Qt::UserRole)))
                                ? Qt::Checked
                                : Qt::Unchecked);
    }
    const bool warn = offersNoneBeyondLoopback(security, endpoint);
    m_warning->setText(
        warn ? tr("Warning: the endpoint offers None:None and is not on loopback: clients "
                  "anywhere on the network can connect without signing or encrypting, and "
                  "their passwords cross the network readable. Offer None only on "
                  "127.0.0.1 or localhost.")
             : QString());
    m_warning->setVisible(warn);
    m_loading = false;
}

OpcUaSecurity OpcUaSecurityGroup::security() const
{
    OpcUaSecurity security = m_loaded;
    security.primary.setting = settingOf(m_primary->currentData());
    security.secondary.setting = settingOf(m_secondary->currentData());
    security.primary.serverCertificate = m_primaryCertificate->text();
    security.secondary.serverCertificate = m_secondaryCertificate->text();
    security.allowDeprecated = m_allowDeprecated->isChecked();
    security.waiveHostName = m_waiveHostName->isChecked();
    QList<UaSecuritySetting> checked;
    for (int i = 0; i < m_listen->count(); ++i)
        if (m_listen->item(i)->checkState() == Qt::Checked)
            checked.append(settingOf(m_listen->item(i)->data(Qt::UserRole)));
    // The order of preference the configuration had, new ones after it.
    QList<UaSecuritySetting> listen;
    for (const UaSecuritySetting &offered : std::as_const(m_loaded.listen))
        if (checked.contains(offered))
            listen.append(offered);
    for (const UaSecuritySetting &offered : std::as_const(checked))
        if (!listen.contains(offered))
            listen.append(offered);
    security.listen = listen;
    return security;
}

void OpcUaSecurityGroup::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

bool OpcUaSecurityGroup::offersNoneBeyondLoopback(const OpcUaSecurity &security,
                                                  const QString &endpoint)
{
    if (!security.listen.contains(UaSecuritySetting{}))
        return false;
    QString ignored;
    const std::optional<Endpoint> parsed = Endpoint::parse(endpoint, Protocol::OpcUa, &ignored);
    return parsed && !parsed->listenAddress().isLoopback();
}

void OpcUaSecurityGroup::fieldEdited()
{
    if (!m_loading)
        Q_EMIT edited();
}

} // namespace tandem
