#pragma once

#include <QWidget>

class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace tandem {

class ConfigDocument;

// Monitoring tab (seed: Monitoring Settings): the monitor item list with Add, Modify and
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
    void updateButtons();

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
