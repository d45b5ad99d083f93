#include "itembrowserdialog.h"

#include "certificates/untrustedcertificatedialog.h"
#include "consolechannelsecurity.h"
#include "contexthelp.h"
#include "errorlabel.h"
#include "opcua/securitypolicy.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>
#include <variant>

namespace tandem {

namespace {

Q_LOGGING_CATEGORY(lcItemBrowser, "tandem.opcua.browse", QtInfoMsg)

enum Column
{
    NameColumn,
    NodeIdColumn,
    ClassColumn,
};

// Data of the name column.
constexpr int NodeIdRole = Qt::UserRole;          // opcua::NodeId
constexpr int NodeClassRole = Qt::UserRole + 1;   // opcua::NodeClass
constexpr int BrowseStateRole = Qt::UserRole + 2; // BrowseState, for Objects and Views

enum class BrowseState
{
    NotBrowsed,
    Browsing,
    Browsed,
};

// A server that does not answer CloseSession must not keep a closed dialog's socket.
constexpr int CloseTimeoutMs = 5000;

// The classes that are or hold monitor items; methods and types are left out.
constexpr quint32 BrowsedClasses = quint32(opcua::NodeClass::Object) |
                                   quint32(opcua::NodeClass::Variable) |
                                   quint32(opcua::NodeClass::View);

// The DataType attribute names a DataType node; those of the built-in types in namespace
// 0 have the built-in type's id (OPC 10000-6, 5.1.2).
DataType dataTypeFor(const opcua::NodeId &typeId)
{
    const auto *number = std::get_if<quint32>(&typeId.identifier);
    if (typeId.namespaceIndex != 0 || !number)
        return DataType::Default;
    switch (*number) {
    case quint32(opcua::BuiltInType::Boolean):
        return DataType::Boolean;
    case quint32(opcua::BuiltInType::Int16):
        return DataType::Short;
    case quint32(opcua::BuiltInType::UInt16):
        return DataType::Word;
    case quint32(opcua::BuiltInType::Int32):
        return DataType::Long;
    case quint32(opcua::BuiltInType::UInt32):
        return DataType::DWord;
    case quint32(opcua::BuiltInType::Float):
        return DataType::Float;
    case quint32(opcua::BuiltInType::Double):
        return DataType::Double;
    default:
        return DataType::Default;
    }
}

QString nodeClassName(opcua::NodeClass nodeClass)
{
    switch (nodeClass) {
    case opcua::NodeClass::Object:
        return ItemBrowserDialog::tr("Object");
    case opcua::NodeClass::Variable:
        return ItemBrowserDialog::tr("Variable");
    case opcua::NodeClass::View:
        return ItemBrowserDialog::tr("View");
    case opcua::NodeClass::Method:
        return ItemBrowserDialog::tr("Method");
    default:
        return ItemBrowserDialog::tr("Class %1").arg(int(nodeClass));
    }
}

opcua::NodeClass nodeClassOf(const QTreeWidgetItem *item)
{
    return opcua::NodeClass(item->data(NameColumn, NodeClassRole).toInt());
}

BrowseState browseStateOf(const QTreeWidgetItem *item)
{
    return BrowseState(item->data(NameColumn, BrowseStateRole).toInt());
}

void setBrowseState(QTreeWidgetItem *item, BrowseState state)
{
    item->setData(NameColumn, BrowseStateRole, int(state));
}

} // namespace

ItemBrowserDialog::ItemBrowserDialog(const QString &url, const opcua::Identity &identity,
                                     QWidget *parent)
    : ItemBrowserDialog(url, identity, Security{}, parent)
{}

ItemBrowserDialog::ItemBrowserDialog(const QString &url, const opcua::Identity &identity,
                                     const Security &security, QWidget *parent)
    : QDialog(parent)
    , m_url(url)
    , m_identity(identity)
    , m_security(security)
    , m_status(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_error(createErrorLabel(QStringLiteral("browseError")))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Browse Items on %1").arg(url));
    ContextHelp::setTopic(this, QStringLiteral("opcua#browse-items"));

    m_status->setObjectName(QStringLiteral("browseStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    m_tree->setObjectName(QStringLiteral("itemTree"));
    m_tree->setHeaderLabels({tr("Display name"), tr("Node id"), tr("Class")});
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setColumnWidth(NameColumn, 240);
    m_tree->setColumnWidth(NodeIdColumn, 240);
    auto *treeLabel = new QLabel(tr("&Items:"), this);
    treeLabel->setBuddy(m_tree);

    m_error->setTextFormat(Qt::PlainText);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->hide();
    m_buttons->setObjectName(QStringLiteral("buttons"));

    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(m_error, 1);
    errorRow->addWidget(m_retry, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(treeLabel);
    layout->addWidget(m_tree, 1);
    layout->addLayout(errorRow);
    layout->addWidget(m_buttons);
    setTabOrder(m_tree, m_retry);
    setTabOrder(m_retry, m_buttons);
    resize(680, 460);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ItemBrowserDialog::pick);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ItemBrowserDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, &ItemBrowserDialog::retry);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &ItemBrowserDialog::updateOk);
    connect(m_tree, &QTreeWidget::itemExpanded, this, [this](QTreeWidgetItem *item) {
        if (isConnected() && nodeClassOf(item) != opcua::NodeClass::Variable &&
            browseStateOf(item) == BrowseState::NotBrowsed)
            browse(item);
    });
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (nodeClassOf(item) == opcua::NodeClass::Variable)
            pick();
    });

    m_tree->setFocus();
    connectToServer();
}

ItemBrowserDialog::~ItemBrowserDialog()
{
    closeConnection();
}

void ItemBrowserDialog::done(int result)
{
    closeConnection();
    QDialog::done(result);
}

template <typename Response>
opcua::Client::Callback<Response>
ItemBrowserDialog::guarded(std::function<void(const Response &, const opcua::CallStatus &)> handle)
{
    return [self = QPointer<ItemBrowserDialog>(this), generation = m_generation,
            handle = std::move(handle)](const Response &response, const opcua::CallStatus &status) {
        if (self && self->m_generation == generation)
            handle(response, status);
    };
}

bool ItemBrowserDialog::isConnected() const
{
    return m_client && m_client->state() == opcua::Client::State::SessionOpen;
}

void ItemBrowserDialog::connectToServer()
{
    closeConnection();
    m_tree->clear();
    m_picking = false;
    hideError();

    opcua::ClientSecurity security;
    QString error;
    m_channelSecurity =
        std::make_unique<ConsoleChannelSecurity>(m_security.stateDir, m_security.pairName);
    if (!m_channelSecurity->clientSecurity(opcua::SecuritySetting::from(m_security.setting), m_url,
                                           &security, &error)) {
        setStatus(QString());
        showError(tr("Cannot connect to %1: %2").arg(m_url, error), nullptr);
        return;
    }
    m_client = new opcua::Client(this);
    m_client->setSecurity(std::move(security));
    connect(m_client, &opcua::Client::connected, this, [this] {
        showReady();
        // The tree starts at the Objects folder, which holds the server's items.
        auto *objects = new QTreeWidgetItem(
            m_tree, {tr("Objects"), opcua::NodeId(0, opcua::Id::ObjectsFolder).toString(),
                     nodeClassName(opcua::NodeClass::Object)});
        objects->setData(NameColumn, NodeIdRole,
                         QVariant::fromValue(opcua::NodeId(0, opcua::Id::ObjectsFolder)));
        objects->setData(NameColumn, NodeClassRole, int(opcua::NodeClass::Object));
        objects->setIcon(NameColumn, style()->standardIcon(QStyle::SP_DirIcon));
        objects->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
        setBrowseState(objects, BrowseState::NotBrowsed);
        m_tree->expandItem(objects); // browses it
        updateOk();
    });
    connect(m_client, &opcua::Client::connectFailed, this, [this](const QString &reason) {
        // Offering trust opens a dialog of its own: not inside the client's signal.
        QMetaObject::invokeMethod(
            this,
            [this, reason, generation = m_generation] {
                if (generation == m_generation)
                    onConnectFailed(reason);
            },
            Qt::QueuedConnection);
    });
    connect(m_client, &opcua::Client::disconnected, this, [this](const QString &reason) {
        if (reason.isEmpty())
            return; // closed by this dialog
        m_picking = false;
        setStatus(QString());
        showError(tr("The connection to %1 was lost: %2").arg(m_url, reason), nullptr);
        updateOk();
    });
    setStatus(tr("Connecting to %1…").arg(m_url));
    updateOk();
    m_client->connectToServer(m_url, m_identity, true, m_timeoutMs);
}

void ItemBrowserDialog::onConnectFailed(const QString &reason)
{
    setStatus(QString());
    if (m_channelSecurity && m_channelSecurity->canOfferTrust() &&
        offerTrust(
            this, *m_channelSecurity->refusedCertificate(),
            {m_security.pairName, m_security.side, m_url, m_channelSecurity->refusedStatus()},
            m_security.stateDir, m_security.document)) {
        connectToServer(); // trusted now
        return;
    }
    showError(tr("Cannot connect to %1: %2").arg(m_url, reason), nullptr);
}

void ItemBrowserDialog::closeConnection()
{
    ++m_generation;
    if (!m_client)
        return;
    // The client outlives the dialog until the server has closed the session, so a
    // server with few sessions does not keep one per opened browser until it times out.
    std::exchange(m_client, nullptr)->release(CloseTimeoutMs);
}

void ItemBrowserDialog::browse(QTreeWidgetItem *parent)
{
    setBrowseState(parent, BrowseState::Browsing);
    auto *loading = new QTreeWidgetItem(parent, {tr("Loading…")});
    loading->setFlags(Qt::NoItemFlags);

    opcua::BrowseDescription description;
    description.nodeId = nodeIdOf(parent);
    description.nodeClassMask = BrowsedClasses;
    m_client->browse(
        {description},
        guarded<opcua::BrowseResponse>(
            [this, parent](const opcua::BrowseResponse &response, const opcua::CallStatus &status) {
                onBrowsed(parent, {}, response.results, status);
            }),
        m_timeoutMs);
}

void ItemBrowserDialog::onBrowsed(QTreeWidgetItem *parent,
                                  QList<opcua::ReferenceDescription> references,
                                  const QList<opcua::BrowseResult> &results,
                                  const opcua::CallStatus &status)
{
    QString failure;
    if (!status.isGood())
        failure = status.message;
    else if (results.size() != 1)
        failure = tr("the server answered with %1 results for one node").arg(results.size());
    else if (results.constFirst().statusCode.isBad())
        failure = tr("the server answered %1")
                      .arg(opcua::statusCodeText(results.constFirst().statusCode));
    if (!failure.isEmpty()) {
        qDeleteAll(parent->takeChildren());
        setBrowseState(parent, BrowseState::NotBrowsed);
        m_tree->collapseItem(parent);
        // A lost connection is reported once, by disconnected().
        if (isConnected())
            showError(tr("Browsing %1 on %2 failed: %3").arg(nameOf(parent), m_url, failure),
                      [this, parent] { m_tree->expandItem(parent); });
        return;
    }

    const opcua::BrowseResult &result = results.constFirst();
    references += result.references;
    if (!result.continuationPoint.isEmpty()) {
        m_client->browseNext({result.continuationPoint}, false,
                             guarded<opcua::BrowseNextResponse>(
                                 [this, parent, references](const opcua::BrowseNextResponse &next,
                                                            const opcua::CallStatus &nextStatus) {
                                     onBrowsed(parent, references, next.results, nextStatus);
                                 }),
                             m_timeoutMs);
        return;
    }
    qDeleteAll(parent->takeChildren());
    addChildren(parent, references);
    setBrowseState(parent, BrowseState::Browsed);
    if (parent->childCount() == 0)
        parent->setChildIndicatorPolicy(QTreeWidgetItem::DontShowIndicatorWhenChildless);
}

void ItemBrowserDialog::addChildren(QTreeWidgetItem *parent,
                                    const QList<opcua::ReferenceDescription> &references)
{
    const QIcon folderIcon = style()->standardIcon(QStyle::SP_DirIcon);
    const QIcon variableIcon = style()->standardIcon(QStyle::SP_FileIcon);
    QSet<QString> seen; // a node referenced twice, e.g. Organizes and HasComponent
    QList<QTreeWidgetItem *> children;
    for (const opcua::ReferenceDescription &reference : references) {
        if (reference.nodeId.serverIndex != 0 || !reference.nodeId.namespaceUri.isEmpty()) {
            // Nodes of another server, or named by URI, have no item id this session reads.
            qCDebug(lcItemBrowser) << m_url << "skipped" << reference.nodeId.toString();
            continue;
        }
        const QString id = reference.nodeId.nodeId.toString();
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const QString name = reference.displayName.text.isEmpty() ? reference.browseName.name
                                                                  : reference.displayName.text;
        auto *item = new QTreeWidgetItem({name, id, nodeClassName(reference.nodeClass)});
        item->setData(NameColumn, NodeIdRole, QVariant::fromValue(reference.nodeId.nodeId));
        item->setData(NameColumn, NodeClassRole, int(reference.nodeClass));
        item->setToolTip(NameColumn, id);
        if (reference.nodeClass == opcua::NodeClass::Variable) {
            item->setIcon(NameColumn, variableIcon);
            item->setChildIndicatorPolicy(QTreeWidgetItem::DontShowIndicator);
        } else {
            item->setIcon(NameColumn, folderIcon);
            item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
            setBrowseState(item, BrowseState::NotBrowsed);
        }
        children.append(item);
    }
    parent->addChildren(children);
}

opcua::NodeId ItemBrowserDialog::nodeIdOf(QTreeWidgetItem *item) const
{
    return item->data(NameColumn, NodeIdRole).value<opcua::NodeId>();
}

QString ItemBrowserDialog::nameOf(QTreeWidgetItem *item) const
{
    return item->text(NameColumn);
}

void ItemBrowserDialog::pick()
{
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    if (m_picking || !isConnected() || selected.size() != 1 ||
        nodeClassOf(selected.constFirst()) != opcua::NodeClass::Variable)
        return;
    const opcua::NodeId nodeId = nodeIdOf(selected.constFirst());
    const QString name = nameOf(selected.constFirst());
    m_picking = true;
    hideError();
    setStatus(tr("Reading the data type of %1…").arg(name));
    updateOk();

    opcua::ReadValueId dataTypeAttribute;
    dataTypeAttribute.nodeId = nodeId;
    dataTypeAttribute.attributeId = opcua::AttributeId::DataType;
    m_client->read(
        {dataTypeAttribute},
        guarded<opcua::ReadResponse>([this, nodeId, name](const opcua::ReadResponse &response,
                                                          const opcua::CallStatus &status) {
            m_picking = false;
            QString failure;
            if (!status.isGood())
                failure = status.message;
            else if (response.results.constFirst().statusCode().isBad())
                failure =
                    tr("the server answered %1")
                        .arg(opcua::statusCodeText(response.results.constFirst().statusCode()));
            if (!failure.isEmpty()) {
                if (isConnected()) {
                    showReady();
                    showError(tr("Reading the data type of %1 from %2 failed: %3")
                                  .arg(name, m_url, failure),
                              [this] { pick(); });
                }
                updateOk();
                return;
            }
            const std::optional<opcua::Variant> &value = response.results.constFirst().value;
            const opcua::Value typeValue = value ? value->value() : opcua::Value();
            const auto *typeId = std::get_if<opcua::NodeId>(&typeValue);
            m_itemId = nodeId.toString();
            m_dataType = typeId ? dataTypeFor(*typeId) : DataType::Default;
            accept();
        }),
        m_timeoutMs);
}

void ItemBrowserDialog::retry()
{
    const std::function<void()> action = std::exchange(m_retryAction, nullptr);
    hideError();
    m_tree->setFocus();
    if (!isConnected() || !action) {
        connectToServer();
        return;
    }
    action();
}

void ItemBrowserDialog::showError(const QString &message, std::function<void()> retry)
{
    qCInfo(lcItemBrowser).noquote() << message;
    m_error->setText(message);
    m_error->show();
    m_retryAction = std::move(retry);
    m_retry->show();
}

void ItemBrowserDialog::hideError()
{
    m_error->hide();
    m_error->clear();
    m_retry->hide();
    m_retryAction = nullptr;
}

void ItemBrowserDialog::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void ItemBrowserDialog::showReady()
{
    setStatus(tr("Connected to %1. Expand the folders and choose a variable.").arg(m_url));
}

void ItemBrowserDialog::updateOk()
{
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    const bool variable =
        selected.size() == 1 && nodeClassOf(selected.constFirst()) == opcua::NodeClass::Variable;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(variable && isConnected() && !m_picking);
}

} // namespace tandem
