#include "monitoringpage.h"

#include "config/configdocument.h"
#include "dialogs/monitoritemdialog.h"

#include <QAction>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tandem {

namespace {
enum Column
{
    ItemIdColumn,
    DataTypeColumn,
    TriggerColumn,
    TriggerDataColumn,
    UpdateRateColumn,
    AccessPathColumn,
    ColumnCount
};
} // namespace

MonitoringPage::MonitoringPage(ConfigDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_items(new QTreeWidget(this))
    , m_add(new QPushButton(tr("&Add..."), this))
    , m_modify(new QPushButton(tr("&Modify..."), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_failureCount(new QSpinBox(this))
{
    auto *help = new QLabel(tr("Press F1 for help on this topic"), this);
    help->setObjectName(QStringLiteral("helpNote"));

    m_items->setObjectName(QStringLiteral("monitorItems"));
    m_items->setColumnCount(ColumnCount);
    m_items->setHeaderLabels({tr("Item ID"), tr("Data Type"), tr("Trigger"), tr("Trigger Data"),
                              tr("Update Rate (ms)"), tr("Access Path")});
    m_items->setRootIsDecorated(false);
    m_items->setUniformRowHeights(true);
    m_items->setAllColumnsShowFocus(true);
    m_items->setSelectionMode(QAbstractItemView::SingleSelection);
    m_items->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_items->header()->setStretchLastSection(true);
    for (int column = ItemIdColumn; column < AccessPathColumn; ++column)
        m_items->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    m_add->setObjectName(QStringLiteral("addMonitorItem"));
    m_modify->setObjectName(QStringLiteral("modifyMonitorItem"));
    m_delete->setObjectName(QStringLiteral("deleteMonitorItem"));

    auto *deleteAction = new QAction(tr("Delete"), m_items);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_items->addAction(deleteAction);

    m_failureCount->setObjectName(QStringLiteral("failureCount"));
    m_failureCount->setRange(1, 1);
    m_failureCount->setToolTip(tr("A fail-over occurs when this many monitor items are in error "
                                  "(from 1 to the number of monitor items)."));
    auto *failureLabel = new QLabel(tr("Monitor item &failure count:"), this);
    failureLabel->setBuddy(m_failureCount);

    auto *list = new QGroupBox(tr("Monitor Item List"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_modify);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    auto *listLayout = new QVBoxLayout(list);
    listLayout->addWidget(m_items);
    listLayout->addLayout(buttons);

    auto *failureRow = new QHBoxLayout;
    failureRow->addWidget(failureLabel);
    failureRow->addWidget(m_failureCount);
    failureRow->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(help);
    layout->addWidget(list, 1);
    layout->addLayout(failureRow);

    connect(m_add, &QPushButton::clicked, this, &MonitoringPage::addItem);
    connect(m_modify, &QPushButton::clicked, this, &MonitoringPage::modifyItem);
    connect(m_delete, &QPushButton::clicked, this, &MonitoringPage::deleteItem);
    connect(deleteAction, &QAction::triggered, this, &MonitoringPage::deleteItem);
    connect(m_items, &QTreeWidget::itemDoubleClicked, this, &MonitoringPage::modifyItem);
    connect(m_items, &QTreeWidget::itemSelectionChanged, this, &MonitoringPage::updateButtons);
    connect(m_failureCount, &QSpinBox::valueChanged, this, &MonitoringPage::setFailureCount);

    connect(m_document, &ConfigDocument::pairsChanged, this, &MonitoringPage::load);
    connect(m_document, &ConfigDocument::pairChanged, this, [this](const QString &name) {
        if (name == m_pairName)
            load();
    });

    load();
}

void MonitoringPage::setPair(const QString &name)
{
    if (name != m_pairName) {
        m_pairName = name;
        const QScopedValueRollback guard(m_loading, true);
        m_items->clear(); // another pair's rows: do not carry the selection over
    }
    load();
}

void MonitoringPage::load()
{
    if (m_loading)
        return;
    const QScopedValueRollback guard(m_loading, true);
    const int row = currentRow();
    m_items->clear();

    const PairConfig *pair = m_pairName.isEmpty() ? nullptr : m_document->pair(m_pairName);
    setEnabled(pair != nullptr);
    QList<QTreeWidgetItem *> rows;
    if (pair) {
        rows.reserve(pair->monitorItems.size());
        for (const MonitorItem &item : pair->monitorItems) {
            const QStringList texts{
                item.itemId,
                dataTypeDisplayName(item.dataType),
                triggerDescription(item.trigger),
                item.trigger == Trigger::BadQuality ? QString() : item.triggerData,
                QString::number(item.updateRateMs),
                item.accessPath,
            };
            auto *treeItem = new QTreeWidgetItem(texts);
            for (int column = 0; column < ColumnCount; ++column)
                treeItem->setToolTip(column, texts.at(column));
            treeItem->setTextAlignment(UpdateRateColumn, Qt::AlignRight | Qt::AlignVCenter);
            rows.append(treeItem);
        }
    }
    m_items->addTopLevelItems(rows);

    m_failureCount->setRange(1, pair ? pair->maxFailureCount() : 1);
    m_failureCount->setValue(pair ? pair->failureCount : 1);

    selectRow(std::min(row, int(rows.size()) - 1));
    updateButtons();
}

int MonitoringPage::currentRow() const
{
    const QList<QTreeWidgetItem *> selected = m_items->selectedItems();
    return selected.isEmpty() ? -1 : m_items->indexOfTopLevelItem(selected.constFirst());
}

void MonitoringPage::selectRow(int row)
{
    if (QTreeWidgetItem *item = row >= 0 ? m_items->topLevelItem(row) : nullptr) {
        m_items->setCurrentItem(item);
        item->setSelected(true);
        m_items->scrollToItem(item);
    } else {
        m_items->clearSelection();
    }
}

void MonitoringPage::updateButtons()
{
    const PairConfig *pair = m_pairName.isEmpty() ? nullptr : m_document->pair(m_pairName);
    const bool selected = currentRow() >= 0;
    m_add->setEnabled(pair && pair->monitorItems.size() < PairConfig::MaxMonitorItems);
    m_modify->setEnabled(selected);
    m_delete->setEnabled(selected);
}

std::optional<MonitorItem> MonitoringPage::editItem(const PairConfig &pair, const MonitorItem &item)
{
    MonitorItemDialog dialog(pair, item, this);
    dialog.setObjectName(QStringLiteral("monitorItemDialog"));
    dialog.setTrust(m_document->paths().stateDir, m_document);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.item();
}

bool MonitoringPage::apply(const PairConfig &pair)
{
    ConfigIssues issues;
    {
        // The document's pairChanged comes back to us: the caller refreshes instead, so
        // that the selection stays where the operator left it.
        const QScopedValueRollback guard(m_loading, true);
        issues = m_document->updatePair(m_pairName, pair);
    }
    if (issues.isEmpty())
        return true;
    QMessageBox::warning(this, tr("Monitoring"),
                         tr("The change could not be applied:\n%1").arg(joinIssues(issues)));
    load();
    return false;
}

void MonitoringPage::addItem()
{
    const PairConfig *pair = m_pairName.isEmpty() ? nullptr : m_document->pair(m_pairName);
    if (!pair || pair->monitorItems.size() >= PairConfig::MaxMonitorItems)
        return;
    const std::optional<MonitorItem> item = editItem(*pair, MonitorItem{});
    // The dialog was modal, but look the pair up again rather than trust the old pointer.
    pair = item ? m_document->pair(m_pairName) : nullptr;
    if (!pair)
        return;
    PairConfig changed = *pair;
    changed.monitorItems.append(*item);
    if (apply(changed)) {
        load();
        selectRow(int(changed.monitorItems.size()) - 1);
    }
}

void MonitoringPage::modifyItem()
{
    const int row = currentRow();
    const PairConfig *pair = m_pairName.isEmpty() ? nullptr : m_document->pair(m_pairName);
    if (row < 0 || !pair || row >= pair->monitorItems.size())
        return;
    const std::optional<MonitorItem> item = editItem(*pair, pair->monitorItems.at(row));
    pair = item ? m_document->pair(m_pairName) : nullptr;
    if (!pair || row >= pair->monitorItems.size())
        return;
    PairConfig changed = *pair;
    changed.monitorItems[row] = *item;
    if (apply(changed)) {
        load();
        selectRow(row);
    }
}

void MonitoringPage::deleteItem()
{
    const int row = currentRow();
    const PairConfig *pair = m_pairName.isEmpty() ? nullptr : m_document->pair(m_pairName);
    if (row < 0 || !pair || row >= pair->monitorItems.size())
        return;
    PairConfig changed = *pair;
    changed.monitorItems.removeAt(row);
    // Seed: the failure count ranges from 1 to the number of monitor items.
    changed.failureCount = std::clamp(changed.failureCount, 1, changed.maxFailureCount());
    if (apply(changed)) {
        load();
        selectRow(std::min(row, int(changed.monitorItems.size()) - 1));
    }
}

void MonitoringPage::setFailureCount(int count)
{
    if (m_loading)
        return;
    const PairConfig *pair = m_pairName.isEmpty() ? nullptr : m_document->pair(m_pairName);
    if (!pair || pair->failureCount == count)
        return;
    PairConfig changed = *pair;
    changed.failureCount = count;
    apply(changed);
}

} // namespace tandem
