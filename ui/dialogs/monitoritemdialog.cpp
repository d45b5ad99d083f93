#include "monitoritemdialog.h"

#include "contexthelp.h"
#include "errorlabel.h"
#include "opcua/itembrowserdialog.h"
#include "rememberedprompt.h"

#include "config/configvalidator.h"
#include "config/endpoint.h"
#include "secrets/passwordstore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace tandem {

namespace {
constexpr DataType allDataTypes[] = {DataType::Default, DataType::Boolean, DataType::Word,
                                     DataType::Short,   DataType::DWord,   DataType::Long,
                                     DataType::Float,   DataType::Double};
constexpr Trigger allTriggers[] = {Trigger::BadQuality, Trigger::SpecificValue, Trigger::NoChange};
} // namespace

MonitorItemDialog::MonitorItemDialog(const PairConfig &pair, const MonitorItem &item,
                                     QWidget *parent)
    : QDialog(parent)
    , m_pair(pair)
    , m_accessPath(new QLineEdit(this))
    , m_itemId(new QLineEdit(this))
    , m_dataType(new QComboBox(this))
    , m_updateRate(new QSpinBox(this))
    , m_trigger(new QComboBox(this))
    , m_triggerData(new QLineEdit(this))
    , m_error(createErrorLabel(QStringLiteral("itemError")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Monitor Item"));
    ContextHelp::setTopic(this, QStringLiteral("monitoring#item"));

    m_accessPath->setObjectName(QStringLiteral("accessPath"));
    m_accessPath->setText(item.accessPath);
    if (pair.protocol == Protocol::ModbusTcp)
        m_accessPath->setPlaceholderText(tr("not used for Modbus TCP"));
    else
        m_accessPath->setPlaceholderText(tr("optional"));

    m_itemId->setObjectName(QStringLiteral("itemId"));
    m_itemId->setText(item.itemId);
    if (pair.protocol == Protocol::ModbusTcp) {
        m_itemId->setPlaceholderText(tr("400001 or 2:300010"));
        m_itemId->setToolTip(tr("[UNIT:]Txxxxx: T = 0 coil, 1 discrete input, 3 input register, "
                                "4 holding register; xxxxx the 1-based reference"));
    } else {
        m_itemId->setPlaceholderText(tr("ns=2;s=Channel1.Device1.Tag1"));
    }
    if (pair.protocol == Protocol::OpcUa) {
        m_browse = new QToolButton(this);
        m_browse->setObjectName(QStringLiteral("browseItems"));
        m_browse->setText(tr("…"));
        m_browse->setAccessibleName(tr("Browse items"));
        m_browse->setToolTip(tr("Browse the items of the primary machine %1").arg(pair.primary));
    }

    m_dataType->setObjectName(QStringLiteral("dataType"));
    for (DataType type : allDataTypes)
        m_dataType->addItem(dataTypeDisplayName(type), int(type));
    m_dataType->setCurrentIndex(std::max(0, m_dataType->findData(int(item.dataType))));

    m_updateRate->setObjectName(QStringLiteral("updateRate"));
    m_updateRate->setRange(MonitorItem::MinUpdateRateMs, MonitorItem::MaxUpdateRateMs);
    m_updateRate->setSuffix(tr(" ms"));
    m_updateRate->setSingleStep(100);
    m_updateRate->setAccelerated(true);
    m_updateRate->setValue(item.updateRateMs);

    m_trigger->setObjectName(QStringLiteral("trigger"));
    for (Trigger trigger : allTriggers)
        m_trigger->addItem(triggerDescription(trigger), int(trigger));
    m_trigger->setCurrentIndex(std::max(0, m_trigger->findData(int(item.trigger))));

    m_triggerData->setObjectName(QStringLiteral("triggerData"));
    m_triggerData->setText(item.triggerData);

    m_error->setTextFormat(Qt::PlainText);

    m_buttons->setObjectName(QStringLiteral("buttons"));

    auto *general = new QGroupBox(tr("General"), this);
    auto *generalForm = new QFormLayout(general);
    generalForm->addRow(tr("&Access path:"), m_accessPath);
    if (m_browse) {
        auto *itemIdRow = new QHBoxLayout;
        itemIdRow->addWidget(m_itemId, 1);
        itemIdRow->addWidget(m_browse);
        auto *itemIdLabel = new QLabel(tr("&Item ID:"), general);
        itemIdLabel->setBuddy(m_itemId);
        generalForm->addRow(itemIdLabel, itemIdRow);
    } else {
        generalForm->addRow(tr("&Item ID:"), m_itemId);
    }
    generalForm->addRow(tr("&Data type:"), m_dataType);
    generalForm->addRow(tr("&Update rate:"), m_updateRate);

    auto *condition = new QGroupBox(tr("Error Condition"), this);
    auto *conditionForm = new QFormLayout(condition);
    conditionForm->addRow(tr("&Trigger:"), m_trigger);
    conditionForm->addRow(tr("Tri&gger data:"), m_triggerData);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(general);
    layout->addWidget(condition);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
    if (m_browse) {
        setTabOrder(m_itemId, m_browse);
        setTabOrder(m_browse, m_dataType);
    }

    connect(m_buttons, &QDialogButtonBox::accepted, this, &MonitorItemDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &MonitorItemDialog::reject);
    connect(m_trigger, &QComboBox::currentIndexChanged, this,
            &MonitorItemDialog::updateTriggerData);
    connect(m_updateRate, &QSpinBox::valueChanged, this, &MonitorItemDialog::updateTriggerData);
    if (m_browse)
        connect(m_browse, &QToolButton::clicked, this, &MonitorItemDialog::browseItems);

    // A message about a value the operator is changing no longer applies.
    const auto clearError = [this] { m_error->hide(); };
    connect(m_accessPath, &QLineEdit::textEdited, this, clearError);
    connect(m_itemId, &QLineEdit::textEdited, this, clearError);
    connect(m_triggerData, &QLineEdit::textEdited, this, clearError);
    connect(m_dataType, &QComboBox::activated, this, clearError);
    connect(m_trigger, &QComboBox::activated, this, clearError);
    connect(m_updateRate, &QSpinBox::valueChanged, this, clearError);

    updateTriggerData();
    m_itemId->setFocus();
}

MonitorItem MonitorItemDialog::item() const
{
    MonitorItem result;
    result.accessPath = m_accessPath->text().trimmed();
    result.itemId = m_itemId->text().trimmed();
    result.dataType = DataType(m_dataType->currentData().toInt());
    result.updateRateMs = m_updateRate->value();
    result.trigger = Trigger(m_trigger->currentData().toInt());
    if (result.trigger != Trigger::BadQuality)
        result.triggerData = m_triggerData->text().trimmed();
    return result;
}

void MonitorItemDialog::accept()
{
    m_updateRate->interpretText();
    MonitorItem candidate = item();

    // Seed: a no-change period shorter than twice the update rate is auto-adjusted, and
    // an informational prompt says so.
    if (candidate.raiseNoChangePeriod()) {
        m_triggerData->setText(candidate.triggerData);
        RememberedPrompt::ask(this, QStringLiteral("noChangeRaised"), QMessageBox::Information,
                              windowTitle(),
                              tr("The trigger data was auto-adjusted to %1 ms: the period "
                                 "without data changes must be at least twice the update rate "
                                 "(%2 ms).")
                                  .arg(candidate.triggerData)
                                  .arg(candidate.updateRateMs),
                              QMessageBox::Ok, QMessageBox::Ok);
    }

    const ConfigIssues issues =
        ConfigValidator::validateMonitorItem(m_pair, candidate, QStringLiteral("monitor"));
    if (issues.isEmpty()) {
        m_error->hide();
        QDialog::accept();
        return;
    }

    struct FieldEntry
    {
        const char *suffix;
        QString label;
        QWidget *widget;
    };
    const FieldEntry fields[] = {
        {"/id", tr("Item ID"), m_itemId},
        {"/type", tr("Data type"), m_dataType},
        {"/rate", tr("Update rate"), m_updateRate},
        {"/data", tr("Trigger data"), m_triggerData},
    };
    QStringList lines;
    QWidget *focus = nullptr;
    for (const ConfigIssue &issue : issues) {
        QString line = issue.message;
        for (const FieldEntry &field : fields) {
            if (issue.field.endsWith(QLatin1String(field.suffix))) {
                line = tr("%1: %2").arg(field.label, issue.message);
                if (!focus)
                    focus = field.widget;
                break;
            }
        }
        lines.append(line);
    }
    m_error->setText(lines.join(QLatin1Char('\n')));
    m_error->show();
    if (focus) {
        focus->setFocus();
        if (auto *edit = qobject_cast<QLineEdit *>(focus))
            edit->selectAll();
    }
}

void MonitorItemDialog::browseItems()
{
    if (m_readingPassword)
        return;
    QString error;
    const std::optional<MachineAddress> machine =
        MachineAddress::parse(m_pair.primary, Protocol::OpcUa, &error);
    if (!machine) {
        m_error->setText(tr("Cannot browse the items: the primary machine '%1' is not valid: %2")
                             .arg(m_pair.primary, error));
        m_error->show();
        return;
    }
    // MachineAddress writes IPv6 addresses in brackets, as URLs need them.
    const QString url = QStringLiteral("opc.tcp://") + machine->toString();
    if (m_pair.user.isEmpty()) {
        openBrowser(url, opcua::Identity());
        return;
    }
    // Without its password the server would only refuse the session: say why here instead.
    // The button stays enabled (a disabled one would pass the focus on) but waits.
    m_readingPassword = true;
    setCursor(Qt::BusyCursor);
    const QString user = m_pair.user;
    PasswordStore::read(
        PasswordStore::opcUaKey(user), this, [this, url, user](const PasswordStore::Result &r) {
            m_readingPassword = false;
            unsetCursor();
            if (!isVisible())
                return; // closed meanwhile
            if (!r.ok) {
                m_error->setText(
                    r.notFound
                        ? tr("Cannot browse the items as %1: no password is stored for this user "
                             "name; enter it on the General tab.")
                              .arg(user)
                        : tr("Cannot browse the items as %1: the password cannot be read: %2")
                              .arg(user, r.error));
                m_error->show();
                return;
            }
            openBrowser(url, opcua::Identity{user, r.password});
        });
}

void MonitorItemDialog::setTrust(const QString &stateDir, ConfigDocument *document)
{
    m_stateDir = stateDir;
    m_document = document;
}

void MonitorItemDialog::openBrowser(const QString &url, const opcua::Identity &identity)
{
    // The primary link's security, as the engine's link to that server has it.
    const ItemBrowserDialog::Security security{m_pair.opcuaSecurity.primary.setting, m_stateDir,
                                               m_document, m_pair.name, Side::Primary};
    auto *browser = new ItemBrowserDialog(url, identity, security, this);
    browser->setObjectName(QStringLiteral("itemBrowser"));
    browser->setAttribute(Qt::WA_DeleteOnClose);
    connect(browser, &QDialog::accepted, this, [this, browser] {
        m_itemId->setText(browser->itemId());
        m_dataType->setCurrentIndex(std::max(0, m_dataType->findData(int(browser->dataType()))));
        m_error->hide();
        m_itemId->setFocus();
    });
    m_error->hide();
    browser->open();
}

void MonitorItemDialog::updateTriggerData()
{
    const auto trigger = Trigger(m_trigger->currentData().toInt());
    m_triggerData->setEnabled(trigger != Trigger::BadQuality);
    switch (trigger) {
    case Trigger::BadQuality:
        m_triggerData->setPlaceholderText(tr("not used for this trigger"));
        m_triggerData->setToolTip(QString());
        break;
    case Trigger::SpecificValue:
        m_triggerData->setPlaceholderText(tr("the value that means the item is in error"));
        m_triggerData->setToolTip(
            tr("The item is in error while its value equals this value (arrays are not "
               "supported)."));
        break;
    case Trigger::NoChange: {
        const int minimum = 2 * m_updateRate->value();
        m_triggerData->setPlaceholderText(tr("milliseconds, at least %1").arg(minimum));
        m_triggerData->setToolTip(
            tr("The item is in error when no data change arrives for this many milliseconds; "
               "it must be at least twice the update rate (%1 ms).")
                .arg(minimum));
        break;
    }
    }
}

} // namespace tandem
