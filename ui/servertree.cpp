#include "servertree.h"

#include "config/configdocument.h"

#include <QHeaderView>

namespace tandem {

ServerTree::ServerTree(ConfigDocument *document, QWidget *parent)
    : QTreeWidget(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("serverTree"));
    setHeaderHidden(true);
    setColumnCount(1);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setMinimumWidth(220);
    connect(this, &QTreeWidget::currentItemChanged, this,
            [this] { Q_EMIT currentPairChanged(currentPair()); });
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        if (item->data(0, AddHintRole).toBool())
            Q_EMIT addRequested();
    });
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item->data(0, AddHintRole).toBool())
            Q_EMIT addRequested();
    });
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QTreeWidgetItem *item = itemAt(pos);
        if (item)
            setCurrentItem(item);
        if (item && !item->data(0, PairNameRole).toString().isEmpty())
            Q_EMIT contextMenuRequestedFor(item->data(0, PairNameRole).toString(),
                                           viewport()->mapToGlobal(pos));
    });
    connect(m_document, &ConfigDocument::pairsChanged, this, &ServerTree::rebuild);
    connect(m_document, &ConfigDocument::pairChanged, this, [this](const QString &name) {
        if (QTreeWidgetItem *item = itemForPair(name))
            decorate(item, name);
    });
    connect(m_document, &ConfigDocument::enabledChanged, this, [this](const QString &name) {
        if (QTreeWidgetItem *item = itemForPair(name))
            decorate(item, name);
    });
    rebuild();
}

QString ServerTree::currentPair() const
{
    return currentItem() ? currentItem()->data(0, PairNameRole).toString() : QString();
}

QTreeWidgetItem *ServerTree::itemForPair(const QString &name) const
{
    if (name.isEmpty())
        return nullptr;
    for (QTreeWidgetItemIterator it(const_cast<ServerTree *>(this)); *it; ++it)
        if ((*it)->data(0, PairNameRole).toString() == name)
            return *it;
    return nullptr;
}

void ServerTree::selectPair(const QString &name)
{
    if (QTreeWidgetItem *item = itemForPair(name))
        setCurrentItem(item);
}

void ServerTree::decorate(QTreeWidgetItem *item, const QString &pairName)
{
    const PairConfig *pair = m_document->pair(pairName);
    if (!pair)
        return;
    const bool enabled = m_document->isEnabled(pairName);
    item->setIcon(0, QIcon(enabled ? QStringLiteral(":/icons/pair-enabled.svg")
                                   : QStringLiteral(":/icons/pair-disabled.svg")));
    item->setForeground(0, enabled ? palette().text()
                                   : palette().brush(QPalette::Disabled, QPalette::Text));
    item->setToolTip(0, tr("%1 (%2)\nClients connect to: %3\nPrimary: %4\nSecondary: %5")
                            .arg(pair->name,
                                 enabled ? tr("redundancy enabled")
                                         : tr("pass-through (redundancy disabled): clients "
                                              "are served by the primary only"),
                                 pair->endpoint, pair->primary, pair->secondary));
}

void ServerTree::rebuild()
{
    const QString selected = currentPair();
    QSignalBlocker blocker(this);
    clear();
    const Configuration &config = m_document->configuration();
    if (config.pairs.isEmpty()) {
        auto *hint = new QTreeWidgetItem(this, {tr("Click here to add redundancy to a server")});
        hint->setData(0, AddHintRole, true);
        hint->setIcon(0, QIcon(QStringLiteral(":/icons/add.svg")));
        blocker.unblock();
        Q_EMIT currentPairChanged(QString());
        return;
    }
    QHash<QString, QTreeWidgetItem *> servers;
    for (const PairConfig &pair : config.pairs) {
        if (pair.isAlias())
            continue;
        auto *item = new QTreeWidgetItem(this, {pair.name});
        item->setData(0, PairNameRole, pair.name);
        decorate(item, pair.name);
        servers.insert(pair.name, item);
    }
    for (const PairConfig &pair : config.pairs) {
        if (!pair.isAlias())
            continue;
        QTreeWidgetItem *parentItem = servers.value(pair.aliasOf);
        if (!parentItem) {
            // The original name is free: show it as a group holding its aliases.
            parentItem = new QTreeWidgetItem(this, {pair.aliasOf});
            parentItem->setIcon(0, QIcon(QStringLiteral(":/icons/alias-group.svg")));
            QFont font = parentItem->font(0);
            font.setItalic(true);
            parentItem->setFont(0, font);
            parentItem->setToolTip(0, tr("Server aliased by the configurations below"));
            servers.insert(pair.aliasOf, parentItem);
        }
        auto *item = new QTreeWidgetItem(parentItem, {pair.name});
        item->setData(0, PairNameRole, pair.name);
        decorate(item, pair.name);
    }
    expandAll();
    QTreeWidgetItem *current = itemForPair(selected);
    if (!current && topLevelItemCount() > 0)
        current = topLevelItem(0);
    setCurrentItem(current);
    blocker.unblock();
    Q_EMIT currentPairChanged(currentPair());
}

} // namespace tandem
