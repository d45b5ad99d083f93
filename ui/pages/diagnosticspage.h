#pragma once

#include <QWidget>

class QCheckBox;
class QPushButton;
class QSpinBox;
class QTableView;

namespace tandem {

class ConfigDocument;

// Diagnostics tab (seed: Diagnostics Settings). The event view, Save As and Reset come
// alive with the event store; the settings below it are edited here now.
class DiagnosticsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit DiagnosticsPage(ConfigDocument *document, QWidget *parent = nullptr);

private:
    void load();
    void apply();

    ConfigDocument *m_document;
    bool m_loading = false;

    QTableView *m_events;
    QPushButton *m_saveAs;
    QPushButton *m_reset;
    QCheckBox *m_preserve;
    QSpinBox *m_maxEvents;
};

} // namespace tandem
