#include "serverdiscoverydialog.h"

#include "certificates/untrustedcertificatedialog.h"
#include "config/configdocument.h"
#include "config/endpoint.h"
#include "consolechannelsecurity.h"
#include "contexthelp.h"
#include "errorlabel.h"
#include "opcua/client.h"
#include "opcua/securitypolicy.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

namespace tandem {

namespace {

// On an endpoint's first column:
constexpr int MachineRole = Qt::UserRole;        // host:port
constexpr int SettingRole = Qt::UserRole + 1;    // "POLICY:MODE"
constexpr int UrlRole = Qt::UserRole + 2;        // the endpoint's URL
constexpr int ThumbprintRole = Qt::UserRole + 3; // of its certificate, under a policy

enum Column
{
    NameColumn,
    ModeColumn,
    PolicyColumn,
    IdentityColumn,
};

QString securityModeText(opcua::MessageSecurityMode mode)
{
    switch (mode) {
    case opcua::MessageSecurityMode::None:
        return ServerDiscoveryDialog::tr("None");
    case opcua::MessageSecurityMode::Sign:
        return ServerDiscoveryDialog::tr("Sign");
    case opcua::MessageSecurityMode::SignAndEncrypt:
        return ServerDiscoveryDialog::tr("Sign & Encrypt");
    case opcua::MessageSecurityMode::Invalid:
        break;
    }
    return ServerDiscoveryDialog::tr("Invalid");
}

QString tokenTypeText(opcua::UserTokenType type)
{
    switch (type) {
    case opcua::UserTokenType::Anonymous:
        return ServerDiscoveryDialog::tr("Anonymous");
    case opcua::UserTokenType::UserName:
        return ServerDiscoveryDialog::tr("UserName");
    case opcua::UserTokenType::Certificate:
        return ServerDiscoveryDialog::tr("Certificate");
    case opcua::UserTokenType::IssuedToken:
        return ServerDiscoveryDialog::tr("IssuedToken");
    }
    return ServerDiscoveryDialog::tr("Unknown");
}

// "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256" -> "Basic256Sha256"
QString policyName(const QString &uri)
{
    return uri.isEmpty() ? ServerDiscoveryDialog::tr("(none given)")
                         : uri.section(QLatin1Char('#'), -1);
}

} // namespace

ServerDiscoveryDialog::ServerDiscoveryDialog(const QString &host, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("serverDiscoveryDialog"));
    setWindowTitle(tr("Browse OPC UA Servers"));
    ContextHelp::setTopic(this, QStringLiteral("opcua#browse-servers"));

    auto *hostLabel = new QLabel(tr("&Host:"));
    m_host = new QLineEdit(host.trimmed());
    m_host->setObjectName(QStringLiteral("discoveryHost"));
    m_host->setPlaceholderText(tr("host[:port]"));
    m_host->setToolTip(tr("The machine to ask for its OPC UA servers, as host name or IP address "
                          "with an optional port (4840 when omitted)"));
    hostLabel->setBuddy(m_host);
    m_find = new QPushButton(tr("&Find"));
    m_find->setObjectName(QStringLiteral("discoveryFind"));
    m_find->setDefault(true);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(hostLabel);
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(m_find);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("discoveryStatus"));
    m_status->setWordWrap(true);
    m_error = createErrorLabel(QStringLiteral("discoveryError"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *serversLabel = new QLabel(tr("&Servers and endpoints:"));
    m_servers = new QTreeWidget;
    m_servers->setObjectName(QStringLiteral("discoveryServers"));
    m_servers->setHeaderLabels({tr("Server / Endpoint URL"), tr("Security mode"),
                                tr("Security policy"), tr("User identity")});
    m_servers->setSelectionMode(QAbstractItemView::SingleSelection);
    m_servers->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_servers->header()->setStretchLastSection(false);
    serversLabel->setBuddy(m_servers);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->setObjectName(QStringLiteral("discoveryButtons"));
    // Enter in the host field searches; choosing is a click, a double click or OK.
    m_buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(hostRow);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(serversLabel);
    layout->addWidget(m_servers, 1);
    layout->addWidget(m_buttons);
    resize(720, 420);

    connect(m_find, &QPushButton::clicked, this, &ServerDiscoveryDialog::find);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ServerDiscoveryDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ServerDiscoveryDialog::reject);
    connect(m_servers, &QTreeWidget::itemSelectionChanged, this, [this] {
        stopVerifying(); // a channel to the endpoint chosen before
        updateOk();
    });
    connect(m_servers, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (!item->data(NameColumn, MachineRole).toString().isEmpty())
            accept();
    });
    updateOk();
}

ServerDiscoveryDialog::~ServerDiscoveryDialog()
{
    stopSearch();
    stopVerifying();
}

void ServerDiscoveryDialog::setTrust(const QString &stateDir, ConfigDocument *document,
                                     const QString &pairName, Side side)
{
    m_stateDir = stateDir;
    m_document = document;
    m_pairName = pairName;
    m_side = side;
}

UaSecuritySetting ServerDiscoveryDialog::setting() const
{
    const QList<QTreeWidgetItem *> selected = m_servers->selectedItems();
    QString error;
    const auto setting =
        selected.isEmpty()
            ? std::nullopt
            : UaSecuritySetting::parse(selected.first()->data(NameColumn, SettingRole).toString(),
                                       &error);
    return setting.value_or(UaSecuritySetting{});
}

QString ServerDiscoveryDialog::serverThumbprint() const
{
    const QList<QTreeWidgetItem *> selected = m_servers->selectedItems();
    return selected.isEmpty() ? QString()
                              : selected.first()->data(NameColumn, ThumbprintRole).toString();
}

void ServerDiscoveryDialog::accept()
{
    if (machine().isEmpty())
        return;
    if (setting().isNone() || m_verified) {
        QDialog::accept();
        return;
    }
    verifyChosen();
}

void ServerDiscoveryDialog::verifyChosen()
{
    stopVerifying();
    const QTreeWidgetItem *chosen = m_servers->selectedItems().constFirst();
    const QString url = chosen->data(NameColumn, UrlRole).toString();
    QString error;
    const auto wanted =
        opcua::SecuritySetting::parse(chosen->data(NameColumn, SettingRole).toString(), &error);
    m_verifierSecurity = std::make_unique<ConsoleChannelSecurity>(m_stateDir, m_pairName);
    opcua::ClientSecurity security;
    if (!wanted || !m_verifierSecurity->clientSecurity(*wanted, url, &security, &error)) {
        addError(tr("Cannot connect securely to %1: %2").arg(url, error));
        return;
    }
    m_verifier = new opcua::Client(this);
    m_verifier->setSecurity(std::move(security));
    connect(m_verifier, &opcua::Client::connected, this, [this] {
        stopVerifying();
        m_verified = true;
        m_status->clear();
        QDialog::accept();
    });
    connect(m_verifier, &opcua::Client::connectFailed, this, [this, url](const QString &reason) {
        // The operator's answer opens a dialog of its own: not inside the client's signal.
        QMetaObject::invokeMethod(
            this, [this, url, reason] { onVerifyFailed(url, reason); }, Qt::QueuedConnection);
    });
    m_status->setText(tr("Connecting securely to %1 …").arg(url));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_verifier->connectToServer(url, {}, false, m_timeoutMs);
}

void ServerDiscoveryDialog::onVerifyFailed(const QString &url, const QString &reason)
{
    m_status->clear();
    const bool offer = m_verifierSecurity && m_verifierSecurity->canOfferTrust();
    const auto certificate = offer ? m_verifierSecurity->refusedCertificate() : std::nullopt;
    const pki::CertificateStatus status =
        offer ? m_verifierSecurity->refusedStatus() : pki::CertificateStatus::Good;
    stopVerifying();
    updateOk();
    if (certificate &&
        offerTrust(this, *certificate, {m_pairName, m_side, url, status}, m_stateDir, m_document)) {
        verifyChosen(); // trusted now: the same endpoint again
        return;
    }
    addError(tr("Cannot connect securely to %1: %2").arg(url, reason));
}

void ServerDiscoveryDialog::stopVerifying()
{
    if (m_verifier)
        std::exchange(m_verifier, nullptr)->release();
}

QString ServerDiscoveryDialog::machine() const
{
    const QList<QTreeWidgetItem *> selected = m_servers->selectedItems();
    return selected.isEmpty() ? QString()
                              : selected.first()->data(NameColumn, MachineRole).toString();
}

void ServerDiscoveryDialog::done(int result)
{
    stopSearch();
    stopVerifying();
    QDialog::done(result);
}

void ServerDiscoveryDialog::updateOk()
{
    m_verified = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!machine().isEmpty() && !m_verifier);
}

opcua::Client *ServerDiscoveryDialog::newClient()
{
    auto *client = new opcua::Client(this);
    m_clients.append(client);
    return client;
}

void ServerDiscoveryDialog::find()
{
    stopSearch();
    m_servers->clear();
    m_errors.clear();
    m_error->hide();
    m_status->clear();
    updateOk();

    // A pasted opc.tcp URL is asked as it is; host[:port] becomes opc.tcp://host:port.
    const QString text = m_host->text().trimmed();
    QString error;
    if (text.startsWith(QLatin1String("opc.tcp:"), Qt::CaseInsensitive)) {
        if (!opcua::Client::parseUrl(text, &m_askedHostName, &m_askedPort, &error)) {
            addError(error);
            Q_EMIT searchFinished();
            return;
        }
        m_askedUrl = text;
    } else {
        const auto address = MachineAddress::parse(text, Protocol::OpcUa, &error);
        if (!address) {
            addError(error);
            Q_EMIT searchFinished();
            return;
        }
        m_askedHostName = address->host;
        m_askedPort = address->port;
        m_askedUrl = QStringLiteral("opc.tcp://") + address->toString();
    }
    m_askedHost = MachineAddress{m_askedHostName, m_askedPort, {}}.toString();

    ++m_search;
    m_pending = 1; // connecting and FindServers
    m_status->setText(tr("Searching %1 …").arg(m_askedHost));
    m_channel = newClient();
    const quint64 search = m_search;
    connect(m_channel, &opcua::Client::connected, this, [this, search] {
        if (search == m_search)
            onChannelOpen();
    });
    connect(m_channel, &opcua::Client::connectFailed, this, [this, search](const QString &reason) {
        if (search != m_search)
            return;
        addError(tr("No OPC UA server found on %1: %2.").arg(m_askedHost, reason));
        stepDone();
    });
    m_channel->connectToServer(m_askedUrl, {}, false, m_timeoutMs);
}

void ServerDiscoveryDialog::onChannelOpen()
{
    const quint64 search = m_search;
    m_channel->findServers(
        m_askedUrl,
        [this, search](const opcua::FindServersResponse &response,
                       const opcua::CallStatus &status) {
            if (search != m_search)
                return;
            if (!status.isGood())
                addError(
                    tr("%1 did not list its OPC UA servers: %2.").arg(m_askedHost, status.message));
            else
                onServersFound(response.servers);
            stepDone();
        },
        m_timeoutMs);
}

bool ServerDiscoveryDialog::isAskedServer(const QString &url) const
{
    QString host, error;
    quint16 port = 0;
    return opcua::Client::parseUrl(url, &host, &port, &error) && port == m_askedPort &&
           host.compare(m_askedHostName, Qt::CaseInsensitive) == 0;
}

void ServerDiscoveryDialog::onServersFound(const QList<opcua::ApplicationDescription> &servers)
{
    for (const opcua::ApplicationDescription &server : servers) {
        auto *item = new QTreeWidgetItem(m_servers);
        const QString name = server.applicationName.text.isEmpty() ? server.applicationUri
                                                                   : server.applicationName.text;
        item->setText(NameColumn, name);
        item->setToolTip(NameColumn, server.applicationUri);
        item->setFlags(Qt::ItemIsEnabled);
        item->setFirstColumnSpanned(true);
        // The asked host:port when the server is reachable there (one channel for all
        // calls), else its first opc.tcp discovery URL, else the URL that was asked.
        QString discoveryUrl;
        for (const QString &url : server.discoveryUrls) {
            if (isAskedServer(url)) {
                discoveryUrl = url;
                break;
            }
            QString host, error;
            quint16 port = 0;
            if (discoveryUrl.isEmpty() && opcua::Client::parseUrl(url, &host, &port, &error))
                discoveryUrl = url;
        }
        listEndpoints(item, discoveryUrl.isEmpty() ? m_askedUrl : discoveryUrl);
    }
}

void ServerDiscoveryDialog::listEndpoints(QTreeWidgetItem *serverItem, const QString &discoveryUrl)
{
    ++m_pending;
    const quint64 search = m_search;
    const QString serverName = serverItem->text(NameColumn);
    const bool ownChannel = !isAskedServer(discoveryUrl);
    opcua::Client *client = ownChannel ? newClient() : m_channel;
    const auto fail = [this, serverItem, serverName, discoveryUrl](const QString &reason) {
        auto *item = new QTreeWidgetItem(serverItem);
        item->setText(NameColumn, tr("no endpoints: %1").arg(reason));
        item->setToolTip(NameColumn, reason);
        item->setFlags(Qt::NoItemFlags);
        item->setFirstColumnSpanned(true);
        serverItem->setExpanded(true);
        addError(
            tr("%1 at %2 did not list its endpoints: %3.").arg(serverName, discoveryUrl, reason));
    };
    const auto getEndpoints = [this, search, client, serverItem, discoveryUrl, ownChannel, fail] {
        client->getEndpoints(
            discoveryUrl,
            [this, search, client, serverItem, ownChannel,
             fail](const opcua::GetEndpointsResponse &response, const opcua::CallStatus &status) {
                if (search != m_search)
                    return;
                if (!status.isGood()) {
                    fail(status.message);
                } else {
                    for (const opcua::EndpointDescription &endpoint : response.endpoints)
                        addEndpoint(serverItem, endpoint);
                    if (response.endpoints.isEmpty())
                        fail(tr("the server has none"));
                    serverItem->setExpanded(true);
                }
                if (ownChannel)
                    closeConnection(client);
                stepDone();
            },
            m_timeoutMs);
    };
    if (!ownChannel) {
        getEndpoints();
        return;
    }
    connect(client, &opcua::Client::connected, this, [this, search, getEndpoints] {
        if (search == m_search)
            getEndpoints();
    });
    connect(client, &opcua::Client::connectFailed, this,
            [this, search, client, fail](const QString &reason) {
                if (search != m_search)
                    return;
                fail(reason);
                closeConnection(client);
                stepDone();
            });
    client->connectToServer(discoveryUrl, {}, false, m_timeoutMs);
}

void ServerDiscoveryDialog::addEndpoint(QTreeWidgetItem *serverItem,
                                        const opcua::EndpointDescription &endpoint)
{
    auto *item = new QTreeWidgetItem(serverItem);
    item->setText(NameColumn, endpoint.endpointUrl);
    item->setText(ModeColumn, securityModeText(endpoint.securityMode));
    item->setText(PolicyColumn, policyName(endpoint.securityPolicyUri));
    QStringList identities;
    for (const opcua::UserTokenPolicy &policy : endpoint.userIdentityTokens) {
        const QString type = tokenTypeText(policy.tokenType);
        if (!identities.contains(type))
            identities << type;
    }
    item->setText(IdentityColumn, identities.join(QLatin1String(", ")));

    QString error;
    const bool plain = endpoint.securityPolicyUri == opcua::SecurityPolicyNone &&
                       endpoint.securityMode == opcua::MessageSecurityMode::None;
    const opcua::SecurityPolicy *policy =
        plain ? nullptr : opcua::securityPolicyByUri(endpoint.securityPolicyUri);
    const bool secured =
        policy && (endpoint.securityMode == opcua::MessageSecurityMode::Sign ||
                   endpoint.securityMode == opcua::MessageSecurityMode::SignAndEncrypt);
    const PairConfig *pair = m_document ? m_document->pair(m_pairName) : nullptr;
    QString why;
    const auto address = MachineAddress::parse(endpoint.endpointUrl, Protocol::OpcUa, &error);
    if (!address)
        why = tr("Tandem connects over opc.tcp only: %1").arg(error);
    else if (!plain && !secured)
        why = tr("Tandem does not know the security policy %1 with security mode %2.")
                  .arg(policyName(endpoint.securityPolicyUri),
                       securityModeText(endpoint.securityMode));
    else if (secured && m_stateDir.isEmpty())
        why = tr("A secured endpoint is chosen from a pair's General tab, where Tandem's "
                 "certificates are at hand.");
    else if (secured && policy->deprecated && pair && !pair->opcuaSecurity.allowDeprecated)
        why = tr("The security policy %1 is deprecated, and the pair does not allow deprecated "
                 "policies.")
                  .arg(policy->nameString());
    if (secured) {
        item->setData(NameColumn, SettingRole,
                      policy->nameString() + QLatin1Char(':') +
                          opcua::messageSecurityModeName(endpoint.securityMode));
        QString ignored;
        if (const auto certificates =
                pki::Certificate::chainFromDer(endpoint.serverCertificate, &ignored);
            certificates && !certificates->isEmpty())
            item->setData(NameColumn, ThumbprintRole, certificates->constFirst().thumbprint());
    } else {
        item->setData(NameColumn, SettingRole, QStringLiteral("None:None"));
    }
    item->setData(NameColumn, UrlRole, endpoint.endpointUrl);
    if (why.isEmpty()) {
        const QString machine = address->toString(); // with the endpoint's path
        item->setData(NameColumn, MachineRole, machine);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        for (int column = NameColumn; column <= IdentityColumn; ++column)
            item->setToolTip(column, tr("Choose to connect to %1").arg(machine));
    } else {
        item->setFlags(Qt::NoItemFlags);
        for (int column = NameColumn; column <= IdentityColumn; ++column)
            item->setToolTip(column, why);
    }
}

void ServerDiscoveryDialog::addError(const QString &error)
{
    m_errors << error;
    m_error->setText(m_errors.join(QLatin1Char('\n')));
    m_error->show();
}

void ServerDiscoveryDialog::stepDone()
{
    if (m_pending > 0 && --m_pending == 0)
        finishSearch();
}

void ServerDiscoveryDialog::finishSearch()
{
    if (m_channel) {
        closeConnection(m_channel);
        m_channel = nullptr;
    }
    const int servers = m_servers->topLevelItemCount();
    if (servers > 0) {
        m_status->setText(
            tr("Found %n OPC UA server(s) on %1.", nullptr, servers).arg(m_askedHost));
    } else if (m_errors.isEmpty()) {
        m_status->setText(tr("%1 lists no OPC UA servers.").arg(m_askedHost));
    } else {
        m_status->clear();
    }
    Q_EMIT searchFinished();
}

void ServerDiscoveryDialog::closeConnection(opcua::Client *client)
{
    m_clients.removeAll(client);
    client->release();
}

void ServerDiscoveryDialog::stopSearch()
{
    ++m_search;
    m_pending = 0;
    m_channel = nullptr;
    // Their answers are discarded unheard; each closes politely on its own.
    for (opcua::Client *client : std::exchange(m_clients, {}))
        client->release();
}

} // namespace tandem
