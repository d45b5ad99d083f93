#include "diagnosticspage.h"

#include "config/configdocument.h"
#include "elidedtooltipdelegate.h"
#include "eventmodel.h"
#include "events/eventfeed.h"
#include "host/enginesession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace tandem {

DiagnosticsPage::DiagnosticsPage(ConfigDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *eventGroup = new QGroupBox(tr("Event View"), this);
    eventGroup->setObjectName(QStringLiteral("eventViewGroup"));

    m_model = new EventModel(document->configuration().diagnostics.maxEvents, this);
    m_filter = new EventFilter(this);
    m_filter->setSourceModel(m_model);
    m_events = new QTableView(eventGroup);
    m_events->setObjectName(QStringLiteral("eventView"));
    m_events->setModel(m_filter);
    m_events->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_events->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_events->setWordWrap(false);
    m_events->setTextElideMode(Qt::ElideRight);
    m_events->setItemDelegate(new ElidedToolTipDelegate(m_events));
    m_events->verticalHeader()->hide();
    m_events->verticalHeader()->setDefaultSectionSize(m_events->fontMetrics().height() + 6);
    m_events->horizontalHeader()->setStretchLastSection(true);
    m_events->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Follow new events only while the operator is looking at the newest ones.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *bar = m_events->verticalScrollBar();
        m_events->setProperty("followTail", bar->value() >= bar->maximum());
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_events->property("followTail").toBool())
            m_events->scrollToBottom();
    });

    m_severityFilter = new QComboBox(eventGroup);
    m_severityFilter->setObjectName(QStringLiteral("severityFilter"));
    m_severityFilter->addItem(tr("All events"), int(Severity::Informational));
    m_severityFilter->addItem(tr("Warnings and errors"), int(Severity::Warning));
    m_severityFilter->addItem(tr("Errors only"), int(Severity::Error));
    m_pairFilter = new QComboBox(eventGroup);
    m_pairFilter->setObjectName(QStringLiteral("pairFilter"));
    m_pairFilter->addItem(tr("All pairs"), QString());
    m_search = new QLineEdit(eventGroup);
    m_search->setObjectName(QStringLiteral("eventSearch"));
    m_search->setPlaceholderText(tr("Search events"));
    m_search->setClearButtonEnabled(true);
    connect(m_severityFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumSeverity(Severity(m_severityFilter->currentData().toInt()));
    });
    connect(m_pairFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setPair(m_pairFilter->currentData().toString()); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &EventFilter::setSearchText);
    connect(m_document, &ConfigDocument::pairsChanged, this, &DiagnosticsPage::updatePairFilter);
    updatePairFilter();
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_severityFilter);
    filters->addWidget(m_pairFilter);
    filters->addWidget(m_search, 1);

    m_note = new QLabel(tr("Events appear here once the Tandem engine runs and records them."),
                        eventGroup);
    m_note->setObjectName(QStringLiteral("eventViewNote"));
    m_note->setWordWrap(true);

    m_saveAs = new QPushButton(tr("Save &As..."), eventGroup);
    m_saveAs->setObjectName(QStringLiteral("saveEventsAs"));
    m_saveAs->setToolTip(tr("Save every event to a text file, one per line"));
    connect(m_saveAs, &QPushButton::clicked, this, &DiagnosticsPage::saveAs);
    m_reset = new QPushButton(tr("&Reset"), eventGroup);
    m_reset->setObjectName(QStringLiteral("resetEvents"));
    m_reset->setToolTip(tr("Clear the event view and the events preserved on disk"));
    m_reset->setEnabled(false);
    connect(m_reset, &QPushButton::clicked, this, &DiagnosticsPage::resetEvents);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_note, 1);
    buttons->addWidget(m_saveAs);
    buttons->addWidget(m_reset);

    auto *eventLayout = new QVBoxLayout(eventGroup);
    eventLayout->addLayout(filters);
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
    m_model->setCapacity(d.maxEvents);
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

void DiagnosticsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_columnsSized)
        return;
    // Once the view has its width: the event text gets two thirds of what Date, Time and
    // Process leave, the reason (last) stretches over the rest. Later the operator decides.
    m_columnsSized = true;
    const QHeaderView *header = m_events->horizontalHeader();
    int rest = m_events->viewport()->width();
    for (int column = 0; column < EventModel::EventColumn; ++column)
        rest -= header->sectionSize(column);
    m_events->setColumnWidth(EventModel::EventColumn,
                             std::max(rest * 2 / 3, header->defaultSectionSize()));
}

void DiagnosticsPage::setEngine(EngineSession *engine)
{
    m_engine = engine;
    m_reset->setEnabled(engine != nullptr);
    EventFeed *feed = engine ? engine->eventFeed() : nullptr;
    if (!feed)
        return;
    connect(feed, &EventFeed::eventsArrived, this, &DiagnosticsPage::addEvents);
    connect(feed, &EventFeed::cleared, m_model, &EventModel::clear);
    feed->poll();
}

void DiagnosticsPage::addEvents(const QList<Event> &events)
{
    m_model->append(events);
    m_note->setText(tr("%n event(s)", nullptr, m_model->rowCount()));
}

void DiagnosticsPage::updatePairFilter()
{
    const QString current = m_pairFilter->currentData().toString();
    const QSignalBlocker blocker(m_pairFilter);
    while (m_pairFilter->count() > 1)
        m_pairFilter->removeItem(1);
    for (const PairConfig &pair : m_document->configuration().pairs)
        m_pairFilter->addItem(pair.name, pair.name);
    const int index = m_pairFilter->findData(current);
    m_pairFilter->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0)
        m_filter->setPair(QString());
}

bool DiagnosticsPage::saveTo(const QString &path)
{
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    if (ok) {
        for (const Event &e : m_model->events())
            file.write(e.toLine().toUtf8() + '\n');
        ok = file.commit();
    }
    if (!ok) {
        // The events stay in the view and on disk: only this copy failed.
        QMessageBox box(QMessageBox::Warning, tr("Save Events"),
                        tr("The events could not be saved to %1: %2").arg(path, file.errorString()),
                        QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("saveEventsFailed"));
        box.exec();
    }
    return ok;
}

void DiagnosticsPage::saveAs()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Events"), QStringLiteral("tandem-events.txt"),
                                     tr("Text files (*.txt);;All files (*)"));
    if (!path.isEmpty())
        saveTo(path);
}

void DiagnosticsPage::resetEvents()
{
    QMessageBox box(
        QMessageBox::Question, tr("Reset Events"),
        tr("Clear the event view and every event preserved on disk? This cannot be undone; use "
           "Save As first to keep a copy."),
        QMessageBox::Reset | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("resetEventsPrompt"));
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Reset || !m_engine)
        return;
    m_model->clear();
    m_engine->resetEvents();
}

} // namespace tandem
