#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace tandem {

class ConfigDocument;
class EngineSession;
class EventFilter;
class EventModel;
struct Event;

// Diagnostics tab (docs/requirements.md, Diagnostics tab): the event view over the engine's event
// history with Save As and Reset, a filter by severity and pair and a search (beyond the
// reference manual), and the two settings of the history.
class DiagnosticsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit DiagnosticsPage(ConfigDocument *document, QWidget *parent = nullptr);
    // Starts showing the event history the engine writes.
    void setEngine(EngineSession *engine);
    // Save As without the file dialog: writes every event (not only the filtered ones);
    // false with a message box naming the file and the reason.
    bool saveTo(const QString &path);
    EventModel *eventModel() const { return m_model; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void load();
    void apply();
    void saveAs();
    void resetEvents();
    void addEvents(const QList<Event> &events);
    void updatePairFilter();

    ConfigDocument *m_document;
    bool m_loading = false;
    bool m_columnsSized = false;

    QTableView *m_events;
    EventModel *m_model;
    EventFilter *m_filter;
    QComboBox *m_severityFilter;
    QComboBox *m_pairFilter;
    QLineEdit *m_search;
    QLabel *m_note;
    EngineSession *m_engine = nullptr;
    QPushButton *m_saveAs;
    QPushButton *m_reset;
    QCheckBox *m_preserve;
    QSpinBox *m_maxEvents;
};

} // namespace tandem
