#include "diagnosticspage.h"

#include "config/configdocument.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace tandem {

DiagnosticsPage::DiagnosticsPage(ConfigDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    // Event view. The event store fills it in a later issue; until then it stays empty and
    // says so, and the buttons that act on stored events are off.
    auto *eventGroup = new QGroupBox(tr("Event View"), this);
    eventGroup->setObjectName(QStringLiteral("eventViewGroup"));

    auto *model = new QStandardItemModel(0, 4, this);
    model->setHorizontalHeaderLabels({tr("Date"), tr("Time"), tr("Process"), tr("Event")});

    m_events = new QTableView(eventGroup);
    m_events->setObjectName(QStringLiteral("eventView"));
    m_events->setModel(model);
    m_events->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_events->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_events->setWordWrap(false);
    m_events->verticalHeader()->hide();
    m_events->horizontalHeader()->setStretchLastSection(true);

    auto *note = new QLabel(tr("Events appear here once the Tandem engine runs and records them."),
                            eventGroup);
    note->setObjectName(QStringLiteral("eventViewNote"));
    note->setWordWrap(true);

    const QString pending = tr("Available once events are recorded by the event store.");
    m_saveAs = new QPushButton(tr("Save &As..."), eventGroup);
    m_saveAs->setObjectName(QStringLiteral("saveEventsAs"));
    m_saveAs->setEnabled(false);
    m_saveAs->setToolTip(pending);
    m_reset = new QPushButton(tr("&Reset"), eventGroup);
    m_reset->setObjectName(QStringLiteral("resetEvents"));
    m_reset->setEnabled(false);
    m_reset->setToolTip(pending);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(note, 1);
    buttons->addWidget(m_saveAs);
    buttons->addWidget(m_reset);

    auto *eventLayout = new QVBoxLayout(eventGroup);
    eventLayout->addWidget(m_events, 1);
    eventLayout->addLayout(buttons);

    // Settings, global to all pairs.
    m_preserve = new QCheckBox(tr("&Preserve events to disk on shutdown"), this);
    m_preserve->setObjectName(QStringLiteral("preserveEvents"));
    m_preserve->setToolTip(tr("Keep the event view across restarts; new events are appended "
                              "to the preserved ones."));

    m_maxEvents = new QSpinBox(this);
    m_maxEvents->setObjectName(QStringLiteral("maxEvents"));
    m_maxEvents->setRange(DiagnosticsSettings::MinMaxEvents, DiagnosticsSettings::MaxMaxEvents);
    m_maxEvents->setSingleStep(1000);
    m_maxEvents->setToolTip(tr("Once this many events are held, the oldest are discarded "
                               "(%1 to %2, default %3).")
                                .arg(DiagnosticsSettings::MinMaxEvents)
                                .arg(DiagnosticsSettings::MaxMaxEvents)
                                .arg(DiagnosticsSettings::DefaultMaxEvents));

    auto *settings = new QFormLayout;
    settings->addRow(m_preserve);
    settings->addRow(tr("&Maximum number of events to capture:"), m_maxEvents);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(eventGroup, 1);
    layout->addLayout(settings);

    load();

    connect(m_preserve, &QCheckBox::toggled, this, &DiagnosticsPage::apply);
    connect(m_maxEvents, &QSpinBox::valueChanged, this, &DiagnosticsPage::apply);
    connect(m_document, &ConfigDocument::settingsChanged, this, &DiagnosticsPage::load);
}

void DiagnosticsPage::load()
{
    if (m_loading)
        return;
    const QScopedValueRollback guard(m_loading, true);
    const DiagnosticsSettings &d = m_document->configuration().diagnostics;
    if (m_preserve->isChecked() != d.preserveEvents)
        m_preserve->setChecked(d.preserveEvents);
    // Only when it differs, so a value being typed keeps its cursor.
    if (m_maxEvents->value() != d.maxEvents)
        m_maxEvents->setValue(d.maxEvents);
}

void DiagnosticsPage::apply()
{
    if (m_loading)
        return;
    DiagnosticsSettings d = m_document->configuration().diagnostics;
    d.preserveEvents = m_preserve->isChecked();
    d.maxEvents = m_maxEvents->value();
    m_document->setDiagnostics(d);
}

} // namespace tandem
