#pragma once

#include "config/monitoritem.h"

#include <QWidget>

#include <optional>

class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace tandem {

class ConfigDocument;
struct PairConfig;

// Monitoring tab (docs/requirements.md, Monitoring tab): the monitor item list with Add, Modify and
// Delete through MonitorItemDialog, and the failure count bounded by the item count.
class MonitoringPage final : public QWidget
{
    Q_OBJECT

public:
    explicit MonitoringPage(ConfigDocument *document, QWidget *parent = nullptr);
    void setPair(const QString &name); // empty: nothing selected, page disabled
    QString pairName() const { return m_pairName; }

private:
    void load();
    void addItem();
    void modifyItem();
    void deleteItem();
    void setFailureCount(int count);
    void updateButtons();
    int currentRow() const;
    void selectRow(int row);
    // Runs the Monitor Item dialog (objectName "monitorItemDialog") modally.
    std::optional<MonitorItem> editItem(const PairConfig &pair, const MonitorItem &item);
    // Writes the changed pair to the document without reloading from its signal.
    bool apply(const PairConfig &pair);

    ConfigDocument *m_document;
    QString m_pairName;
    bool m_loading = false;

    QTreeWidget *m_items;
    QPushButton *m_add;
    QPushButton *m_modify;
    QPushButton *m_delete;
    QSpinBox *m_failureCount;
};

} // namespace tandem
