#include "generalpage.h"

#include "config/configdocument.h"
#include "config/configvalidator.h"
#include "config/itemaddress.h"
#include "engine/pairstatus.h"
#include "errorlabel.h"
#include "host/enginesession.h"
#include "opcua/serverdiscoverydialog.h"
#include "opcuaidentitybox.h"
#include "opcualoginrows.h"
#include "opcuasecuritygroup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace tandem {

namespace {
QSpinBox *makeSpinBox(const QString &objectName, int min, int max, int step)
{
    auto *box = new QSpinBox;
    box->setObjectName(objectName);
    box->setRange(min, max);
    box->setSingleStep(step);
    box->setAccelerated(true);
    return box;
}

} // namespace

GeneralPage::GeneralPage(ConfigDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("generalPage"));
    auto *hint = new QLabel(tr("Press F1 for help on this topic"));
    hint->setObjectName(QStringLiteral("helpHint"));

    auto *machines = new QGroupBox(tr("Machine Settings"));
    auto *machineForm = new QFormLayout(machines);
    m_protocol = new QLabel;
    m_protocol->setObjectName(QStringLiteral("protocol"));
    machineForm->addRow(tr("Protocol:"), m_protocol);
    m_endpoint = new QLineEdit;
    m_endpoint->setObjectName(QStringLiteral("endpoint"));
    m_endpoint->setToolTip(
        tr("The address clients connect to instead of the server, e.g. 127.0.0.1:1502 "
           "or opc.tcp://localhost:4841/line1"));
    m_endpointError = createErrorLabel(QStringLiteral("endpointError"));
    machineForm->addRow(tr("Client &endpoint:"), m_endpoint);
    machineForm->addRow(QString(), m_endpointError);
    // The reference manual's browse button "(...)" next to each machine; OPC UA pairs only, since
    // Modbus TCP has no discovery to ask.
    auto addMachineRow = [machineForm](const QString &label, QLineEdit *edit, QToolButton *browse,
                                       QLabel *error) {
        auto *caption = new QLabel(label);
        caption->setBuddy(edit);
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        machineForm->addRow(caption, row);
        machineForm->addRow(QString(), error);
    };
    m_primary = new QLineEdit;
    m_primary->setObjectName(QStringLiteral("primaryMachine"));
    m_browsePrimary = new QToolButton;
    m_browsePrimary->setObjectName(QStringLiteral("browsePrimary"));
    m_browsePrimary->setText(tr("…"));
    m_browsePrimary->setAccessibleName(tr("Browse primary servers"));
    m_browsePrimary->setToolTip(tr("Find the OPC UA servers on the primary machine"));
    m_primaryError = createErrorLabel(QStringLiteral("primaryError"));
    addMachineRow(tr("&Primary (Hostname or IP Address):"), m_primary, m_browsePrimary,
                  m_primaryError);
    m_secondary = new QLineEdit;
    m_secondary->setObjectName(QStringLiteral("secondaryMachine"));
    m_browseSecondary = new QToolButton;
    m_browseSecondary->setObjectName(QStringLiteral("browseSecondary"));
    m_browseSecondary->setText(tr("…"));
    m_browseSecondary->setAccessibleName(tr("Browse secondary servers"));
    m_browseSecondary->setToolTip(tr("Find the OPC UA servers on the secondary machine"));
    m_secondaryError = createErrorLabel(QStringLiteral("secondaryError"));
    addMachineRow(tr("&Secondary (Hostname or IP Address):"), m_secondary, m_browseSecondary,
                  m_secondaryError);
    m_login = new OpcUaLoginRows(machineForm, this);
    m_identity = new OpcUaIdentityBox;
    connect(m_browsePrimary, &QToolButton::clicked, this, [this] { browseServers(m_primary); });
    connect(m_browseSecondary, &QToolButton::clicked, this, [this] { browseServers(m_secondary); });

    m_security = new OpcUaSecurityGroup;

    auto *options = new QGroupBox(tr("Redundancy Options"));
    auto *optionsForm = new QFormLayout(options);
    m_mode = new QComboBox;
    m_mode->setObjectName(QStringLiteral("connectionMode"));
    for (ConnectionMode mode : {ConnectionMode::Cold, ConnectionMode::Warm, ConnectionMode::Hot})
        m_mode->addItem(connectionModeDescription(mode), int(mode));
    optionsForm->addRow(tr("Connection &mode:"), m_mode);
    m_reconnectPrimary =
        new QCheckBox(tr("&Always reconnect to primary machine upon availability"));
    m_reconnectPrimary->setObjectName(QStringLiteral("reconnectPrimary"));
    optionsForm->addRow(m_reconnectPrimary);
    m_statusInterval =
        makeSpinBox(QStringLiteral("statusInterval"), PairConfig::MinStatusIntervalMs,
                    PairConfig::MaxStatusIntervalMs, 100);
    optionsForm->addRow(tr("Query server status &interval (ms):"), m_statusInterval);
    m_statusTimeout = makeSpinBox(QStringLiteral("statusTimeout"), PairConfig::MinStatusTimeoutMs,
                                  PairConfig::MaxStatusTimeoutMs, 100);
    optionsForm->addRow(tr("Query server status &timeout (ms):"), m_statusTimeout);
    m_failbackHoldoff =
        makeSpinBox(QStringLiteral("failbackHoldoff"), 0, PairConfig::MaxFailbackHoldoffMs, 500);
    optionsForm->addRow(tr("&Fail-back hold-off (ms):"), m_failbackHoldoff);
    m_failurePersistence =
        makeSpinBox(QStringLiteral("failurePersistence"), 1, PairConfig::MaxFailurePersistence, 1);
    m_failurePersistence->setToolTip(
        tr("How many status queries in a row must fail before a machine counts as lost. "
           "Each failed query is repeated at once, so 3 costs three status timeouts. A "
           "closed or refused connection is lost at once whatever this says."));
    optionsForm->addRow(tr("Failed status queries &before a machine is lost:"),
                        m_failurePersistence);
    m_statusItem = new QLineEdit;
    m_statusItem->setObjectName(QStringLiteral("statusItem"));
    m_statusItem->setPlaceholderText(QStringLiteral("400001"));
    m_statusItem->setToolTip(
        tr("The item read as the status query (Modbus reference, e.g. 400001 or 2:300010). "
           "Any answer proves the server alive, except exceptions 0x0A/0x0B of a gateway "
           "whose device is unreachable."));
    m_statusItemError = createErrorLabel(QStringLiteral("statusItemError"));
    optionsForm->addRow(tr("Status &query item:"), m_statusItem);
    optionsForm->addRow(QString(), m_statusItemError);
    m_writeReplay = new QCheckBox(tr("&Replay writes in flight on the new server at fail-over"));
    m_writeReplay->setObjectName(QStringLiteral("writeReplay"));
    m_writeReplay->setToolTip(
        tr("Off: a write in flight when the server fails is answered with exception 0x0B, "
           "because it may already have been carried out. Turn on only for writes that are "
           "safe to repeat."));
    optionsForm->addRow(m_writeReplay);
    m_serverConnections = new QComboBox;
    m_serverConnections->setObjectName(QStringLiteral("serverConnections"));
    m_serverConnections->addItem(tr("Shared by all clients (recommended)"), false);
    m_serverConnections->addItem(tr("One per client"), true);
    optionsForm->addRow(tr("Server connections:"), m_serverConnections);

    // Client limits: what one client may cost the engine.
    auto *limits = new QGroupBox(tr("Client Limits"));
    limits->setObjectName(QStringLiteral("clientLimits"));
    auto *limitsForm = new QFormLayout(limits);
    m_clientLimit = makeSpinBox(QStringLiteral("clientLimit"), 1, PairConfig::MaxClientLimit, 16);
    m_clientLimit->setToolTip(
        tr("Clients connected at once. At the limit a new client takes the place of the one "
           "idle longest, or is refused when none is idle."));
    limitsForm->addRow(tr("Clients at most:"), m_clientLimit);
    m_requestsPerClient =
        makeSpinBox(QStringLiteral("requestsPerClient"), 1, PairConfig::MaxRequestsPerClient, 8);
    limitsForm->addRow(tr("Requests in flight per client:"), m_requestsPerClient);
    m_outputPerClient =
        makeSpinBox(QStringLiteral("outputPerClient"), PairConfig::MinOutputPerClient,
                    PairConfig::MaxOutputPerClient, 4096);
    m_outputPerClient->setToolTip(
        tr("Answers waiting for a client that does not read them; past it Tandem stops "
           "reading that client's requests, and closes it if they are still unread 10 "
           "seconds later"));
    limitsForm->addRow(tr("Unread answers per client (bytes):"), m_outputPerClient);

    m_live = new QGroupBox(tr("Live State"));
    m_live->setObjectName(QStringLiteral("liveState"));
    auto *liveForm = new QFormLayout(m_live);
    auto makeLabel = [](const char *name) {
        auto *label = new QLabel;
        label->setObjectName(QLatin1String(name));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_activeMachine = makeLabel("activeMachine");
    m_primaryHealth = makeLabel("primaryHealth");
    m_secondaryHealth = makeLabel("secondaryHealth");
    m_lastFailover = makeLabel("lastFailover");
    liveForm->addRow(tr("Active machine:"), m_activeMachine);
    liveForm->addRow(tr("Primary:"), m_primaryHealth);
    liveForm->addRow(tr("Secondary:"), m_secondaryHealth);
    liveForm->addRow(tr("Last fail-over:"), m_lastFailover);
    m_makePrimaryActive = new QPushButton(tr("Make &primary active"));
    m_makePrimaryActive->setObjectName(QStringLiteral("makePrimaryActive"));
    m_makeSecondaryActive = new QPushButton(tr("Make s&econdary active"));
    m_makeSecondaryActive->setObjectName(QStringLiteral("makeSecondaryActive"));
    m_returnToAutomatic = new QPushButton(tr("Return to a&utomatic"));
    m_returnToAutomatic->setObjectName(QStringLiteral("returnToAutomatic"));
    m_returnToAutomatic->setToolTip(
        tr("End the operator's hold: the fail-over rules choose the machine again"));
    auto *switchRow = new QHBoxLayout;
    switchRow->addWidget(m_makePrimaryActive);
    switchRow->addWidget(m_makeSecondaryActive);
    switchRow->addWidget(m_returnToAutomatic);
    switchRow->addStretch();
    liveForm->addRow(switchRow);
    const auto switchTo = [this](const QString &side) {
        if (m_engine)
            m_engine->switchPair(m_pairName, side);
    };
    connect(m_makePrimaryActive, &QPushButton::clicked, this,
            [switchTo] { switchTo(QStringLiteral("primary")); });
    connect(m_makeSecondaryActive, &QPushButton::clicked, this,
            [switchTo] { switchTo(QStringLiteral("secondary")); });
    connect(m_returnToAutomatic, &QPushButton::clicked, this,
            [switchTo] { switchTo(QStringLiteral("auto")); });
    m_live->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(machines);
    layout->addWidget(m_security);
    layout->addWidget(m_identity);
    layout->addWidget(options);
    layout->addWidget(limits);
    layout->addWidget(m_live);
    layout->addStretch();

    for (QLineEdit *edit : {m_endpoint, m_primary, m_secondary, m_statusItem})
        connect(edit, &QLineEdit::textEdited, this, &GeneralPage::apply);
    connect(m_login, &OpcUaLoginRows::userEdited, this, &GeneralPage::apply);
    connect(m_security, &OpcUaSecurityGroup::edited, this, &GeneralPage::apply);
    connect(m_identity, &OpcUaIdentityBox::edited, this, &GeneralPage::apply);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &GeneralPage::apply);
    connect(m_reconnectPrimary, &QCheckBox::toggled, this, &GeneralPage::apply);
    connect(m_writeReplay, &QCheckBox::toggled, this, &GeneralPage::apply);
    connect(m_serverConnections, &QComboBox::currentIndexChanged, this, &GeneralPage::apply);
    for (QSpinBox *box :
         {m_statusInterval, m_statusTimeout, m_failbackHoldoff, m_failurePersistence, m_clientLimit,
          m_requestsPerClient, m_outputPerClient})
        connect(box, &QSpinBox::valueChanged, this, &GeneralPage::apply);
    connect(m_document, &ConfigDocument::pairChanged, this, [this](const QString &name) {
        if (name == m_pairName)
            load();
    });
    connect(m_document, &ConfigDocument::pairsChanged, this, [this] {
        if (!m_document->pair(m_pairName))
            m_pairName.clear();
        load();
        showLiveState();
    });
    connect(m_document, &ConfigDocument::enabledChanged, this, &GeneralPage::showLiveState);
    load();
}

GeneralPage::~GeneralPage()
{
    // Focus leaves the fields while the children are destroyed: the login rows go first, so
    // an editingFinished on the way out stores or looks up no password.
    delete m_login;
}

void GeneralPage::setPair(const QString &name)
{
    m_login->selectPair(name);
    m_security->showError({});
    m_pairName = name;
    load();
    showLiveState();
}

void GeneralPage::setEngine(EngineSession *engine)
{
    m_engine = engine;
    connect(engine, &EngineSession::statusChanged, this, &GeneralPage::showLiveState);
    showLiveState();
}

void GeneralPage::showLiveState()
{
    m_live->setVisible(m_engine != nullptr);
    if (!m_engine)
        return;
    const QJsonObject json = m_engine->pairStatus(m_pairName);
    QString error;
    const std::optional<PairStatus> status =
        json.isEmpty() ? std::nullopt : PairStatus::fromJson(json, &error);
    m_live->setEnabled(status.has_value());
    if (!status) {
        m_activeMachine->setText(!error.isEmpty() ? error
                                 : m_document->isEnabled(m_pairName)
                                     ? tr("not running (save the configuration to apply it)")
                                     : tr("not running (redundancy is disabled)"));
        for (QLabel *label : {m_primaryHealth, m_secondaryHealth, m_lastFailover})
            label->clear();
        for (QPushButton *button :
             {m_makePrimaryActive, m_makeSecondaryActive, m_returnToAutomatic})
            button->setEnabled(false);
        return;
    }
    // The engine's own words (docs/failover-decision.md, "How a side is judged").
    m_activeMachine->setText(describeActive(*status));
    m_primaryHealth->setText(describeHealth(status->primary));
    m_secondaryHealth->setText(describeHealth(status->secondary));
    const QDateTime &last = status->lastFailover;
    QString lastText = last.isValid()
                           ? tr("%1 (%n fail-over(s) since start)", nullptr, status->failovers)
                                 .arg(QLocale().toString(last, QLocale::ShortFormat))
                           : tr("none since start");
    if (last.isValid() && !status->lastSwitchReason.isEmpty())
        lastText += QLatin1Char('\n') + tr("Reason: %1").arg(status->lastSwitchReason);
    m_lastFailover->setText(lastText);
    // Warm and Hot switch only to a side that communicates; Cold connects to it first.
    const auto offered = [&status](Side side) {
        return !status->passThrough && status->pinned != side &&
               (status->mode == ConnectionMode::Cold || serviceRank(status->side(side).health) > 0);
    };
    m_makePrimaryActive->setEnabled(offered(Side::Primary));
    m_makeSecondaryActive->setEnabled(offered(Side::Secondary));
    m_returnToAutomatic->setEnabled(status->pinned != Side::None);
}

void GeneralPage::showFieldError(QLineEdit *edit, QLabel *label, const QString &error)
{
    label->setText(error);
    label->setVisible(!error.isEmpty());
    edit->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("border: 1px solid #b00020;"));
}

void GeneralPage::load()
{
    if (m_loading)
        return;
    m_loading = true;
    const PairConfig *pair = m_document->pair(m_pairName);
    setEnabled(pair != nullptr);
    const PairConfig shown = pair ? *pair : PairConfig{};
    m_protocol->setText(pair ? (shown.protocol == Protocol::OpcUa ? tr("OPC UA") : tr("Modbus TCP"))
                             : QString());
    // Only replace text that differs, so the field being typed in keeps its cursor.
    auto setText = [](QLineEdit *edit, const QString &text) {
        if (edit->text().trimmed() != text)
            edit->setText(text);
    };
    setText(m_endpoint, shown.endpoint);
    setText(m_primary, shown.primary);
    setText(m_secondary, shown.secondary);
    setText(m_statusItem, shown.statusItem);
    m_statusItem->setEnabled(shown.protocol == Protocol::ModbusTcp);
    const bool browsable = pair && shown.protocol == Protocol::OpcUa;
    m_browsePrimary->setVisible(browsable);
    m_browseSecondary->setVisible(browsable);
    m_login->show(m_pairName, shown.user, browsable);
    m_security->setVisible(browsable);
    if (browsable)
        m_security->load(shown.opcuaSecurity, shown.endpoint);
    m_identity->setVisible(browsable);
    m_identity->showPair(shown);
    m_writeReplay->setChecked(shown.writeReplay);
    m_serverConnections->setCurrentIndex(shown.connectionPerClient ? 1 : 0);
    m_serverConnections->setEnabled(shown.protocol == Protocol::ModbusTcp);
    m_serverConnections->setToolTip(
        shown.protocol == Protocol::ModbusTcp
            ? tr("Shared: all clients' requests go over one connection to each server (the "
                 "status queries have one of their own). One per client: each client gets its "
                 "own, as RedundancyMaster did; for servers that tie state to a connection. "
                 "Changing it restarts the pair.")
            : tr("Modbus TCP only: OPC UA clients keep their own sessions with the proxy"));
    m_mode->setCurrentIndex(m_mode->findData(int(shown.mode)));
    m_reconnectPrimary->setChecked(shown.reconnectPrimary);
    m_reconnectPrimary->setEnabled(shown.mode != ConnectionMode::Cold);
    m_reconnectPrimary->setToolTip(
        shown.mode == ConnectionMode::Cold
            ? tr("Cold mode does not support always reconnecting to the primary machine")
            : QString());
    m_statusInterval->setValue(shown.statusIntervalMs);
    m_statusTimeout->setValue(shown.statusTimeoutMs);
    m_failbackHoldoff->setValue(shown.failbackHoldoffMs);
    m_failurePersistence->setValue(shown.failurePersistence);
    m_clientLimit->setValue(shown.clientLimit);
    m_requestsPerClient->setValue(shown.requestsPerClient);
    m_outputPerClient->setValue(shown.outputPerClientBytes);
    const bool modbus = shown.protocol == Protocol::ModbusTcp;
    m_requestsPerClient->setEnabled(modbus);
    m_requestsPerClient->setToolTip(
        modbus ? tr("A client's requests forwarded before their answers come back; beyond it "
                    "Tandem reads no more from that client for the moment")
               : tr("Modbus TCP only"));
    // Honest fields: what has no effect in this combination is greyed out, and says why.
    const bool holdoffApplies = shown.reconnectPrimary && shown.mode != ConnectionMode::Cold;
    m_failbackHoldoff->setEnabled(holdoffApplies);
    m_failbackHoldoff->setToolTip(
        holdoffApplies
            ? tr("How long a recovered primary must stay healthy (and pass its monitor items) "
                 "before traffic returns to it; also the shortest time between two switches "
                 "while the active machine still communicates, so a flapping primary cannot "
                 "cause a switch storm")
            : tr("Has no effect: there is no fail-back without \"Always reconnect to primary "
                 "machine upon availability\""));
    QString error;
    showFieldError(m_endpoint, m_endpointError,
                   !pair || Endpoint::parse(shown.endpoint, shown.protocol, &error) ? QString()
                                                                                    : error);
    showFieldError(m_primary, m_primaryError,
                   !pair || MachineAddress::parse(shown.primary, shown.protocol, &error) ? QString()
                                                                                         : error);
    showFieldError(m_secondary, m_secondaryError,
                   !pair || MachineAddress::parse(shown.secondary, shown.protocol, &error)
                       ? QString()
                       : error);
    QString itemError;
    showFieldError(m_statusItem, m_statusItemError,
                   pair && !shown.statusItem.isEmpty() && shown.protocol == Protocol::ModbusTcp &&
                           !modbus::ItemAddress::parse(shown.statusItem, &itemError)
                       ? itemError
                       : QString());
    m_loading = false;
}

void GeneralPage::browseServers(QLineEdit *machine)
{
    const Side side = machine == m_secondary ? Side::Secondary : Side::Primary;
    ServerDiscoveryDialog dialog(machine->text(), this);
    dialog.setTrust(m_document->paths().stateDir, m_document, m_pairName, side);
    if (dialog.exec() != QDialog::Accepted || dialog.machine().isEmpty())
        return;
    machine->setText(dialog.machine());
    apply(); // what typing does (textEdited), since setText() does not emit it
    // The link to that server uses the chosen endpoint's policy and mode; a certificate
    // the pair expected from another server would refuse this one, so it goes.
    const PairConfig *current = m_document->pair(m_pairName);
    if (!current)
        return;
    PairConfig pair = *current;
    OpcUaSecurity::Link &link =
        side == Side::Secondary ? pair.opcuaSecurity.secondary : pair.opcuaSecurity.primary;
    link.setting = dialog.setting();
    if (link.setting.isNone() || link.serverCertificate != dialog.serverThumbprint())
        link.serverCertificate.clear();
    if (pair.opcuaSecurity == current->opcuaSecurity)
        return;
    const ConfigIssues issues = ConfigValidator::validateOpcUaSecurity(pair);
    m_security->showError(joinMessages(issues));
    if (issues.isEmpty())
        m_document->updatePair(m_pairName, pair);
    load();
}

void GeneralPage::apply()
{
    const PairConfig *current = m_document->pair(m_pairName);
    if (m_loading || !current)
        return;
    PairConfig pair = *current;
    pair.endpoint = m_endpoint->text().trimmed();
    pair.primary = m_primary->text().trimmed();
    pair.secondary = m_secondary->text().trimmed();
    pair.mode = ConnectionMode(m_mode->currentData().toInt());
    // The reference manual: Cold mode does not support always-reconnect, so switching to Cold
    // clears it.
    pair.reconnectPrimary = pair.mode != ConnectionMode::Cold && m_reconnectPrimary->isChecked();
    pair.statusIntervalMs = m_statusInterval->value();
    pair.statusTimeoutMs = m_statusTimeout->value();
    pair.failbackHoldoffMs = m_failbackHoldoff->value();
    pair.failurePersistence = m_failurePersistence->value();
    pair.statusItem = m_statusItem->text().trimmed();
    if (pair.protocol == Protocol::OpcUa) {
        m_identity->applyTo(pair); // before the user name: what it had depends on the old one
        pair.user = m_login->userText();
        // A combination the validator refuses is not applied: the fields go back to what
        // the configuration holds, and the message says why.
        PairConfig candidate = pair;
        candidate.opcuaSecurity = m_security->security();
        const ConfigIssues issues = ConfigValidator::validateOpcUaSecurity(candidate);
        m_security->showError(joinMessages(issues));
        if (issues.isEmpty())
            pair.opcuaSecurity = candidate.opcuaSecurity;
    }
    pair.writeReplay = m_writeReplay->isChecked();
    pair.connectionPerClient = m_serverConnections->currentData().toBool();
    pair.clientLimit = m_clientLimit->value();
    pair.requestsPerClient = m_requestsPerClient->value();
    pair.outputPerClientBytes = m_outputPerClient->value();
    m_document->updatePair(m_pairName, pair);
    load();
}

} // namespace tandem
