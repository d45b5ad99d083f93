#include "backupdialog.h"

#include "backup/backuparchive.h"
#include "config/configdocument.h"
#include "host/controlclient.h"
#include "host/enginesession.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tandem {

namespace {

enum Column
{
    CreatedColumn,
    HostColumn,
    SizeColumn,
    StateColumn
};

} // namespace

BackupDialog::BackupDialog(ConfigDocument *document, EngineSession *engine, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("backupDialog"));
    setWindowTitle(tr("Backup and Restore"));
    const BackupSettings &settings = document->configuration().backup;

    auto *schedule = new QGroupBox(tr("Automatic backups"));
    m_enabled = new QCheckBox(tr("&Back up automatically"));
    m_enabled->setObjectName(QStringLiteral("backupEnabled"));
    m_enabled->setChecked(settings.enabled);
    m_interval = new QSpinBox;
    m_interval->setObjectName(QStringLiteral("backupInterval"));
    m_interval->setRange(BackupSettings::MinIntervalHours, BackupSettings::MaxIntervalHours);
    m_interval->setSuffix(tr(" hour(s)"));
    m_interval->setValue(settings.intervalHours);
    m_retention = new QSpinBox;
    m_retention->setObjectName(QStringLiteral("backupRetention"));
    m_retention->setRange(BackupSettings::MinRetentionDays, BackupSettings::MaxRetentionDays);
    m_retention->setSuffix(tr(" day(s)"));
    m_retention->setValue(settings.retentionDays);
    m_folder = new QLineEdit(settings.directory);
    m_folder->setObjectName(QStringLiteral("backupFolder"));
    m_folder->setPlaceholderText(BackupArchive::defaultDir(document->paths()));
    auto *browse = new QPushButton(tr("B&rowse..."));
    browse->setObjectName(QStringLiteral("backupBrowse"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    m_scheduleState = new QLabel;
    m_scheduleState->setObjectName(QStringLiteral("backupScheduleState"));
    m_scheduleState->setWordWrap(true);
    auto *form = new QFormLayout(schedule);
    form->addRow(m_enabled);
    form->addRow(tr("&Every:"), m_interval);
    form->addRow(tr("&Keep for:"), m_retention);
    form->addRow(tr("&Folder:"), folderRow);
    auto *floorNote = new QLabel(
        tr("When free space on the backup disk drops under 10 GB or 10 %, the oldest backups "
           "are deleted first, whatever their age. The newest backup is always kept. The "
           "schedule is part of the configuration: save it with File › Save."));
    floorNote->setWordWrap(true);
    form->addRow(floorNote);
    form->addRow(m_scheduleState);

    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("backupList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Created"), tr("Computer"), tr("Size"), tr("State")});
    m_list->header()->setStretchLastSection(true);
    m_backUpNow = new QPushButton(tr("Back Up &Now"));
    m_backUpNow->setObjectName(QStringLiteral("backUpNow"));
    m_restore = new QPushButton(tr("&Restore..."));
    m_restore->setObjectName(QStringLiteral("restoreBackup"));
    auto *refreshButton = new QPushButton(tr("Re&fresh"));
    refreshButton->setObjectName(QStringLiteral("refreshBackups"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_backUpNow);
    listButtons->addWidget(m_restore);
    listButtons->addStretch();
    listButtons->addWidget(refreshButton);
    auto *backups = new QGroupBox(tr("Backups in the folder"));
    auto *backupsLayout = new QVBoxLayout(backups);
    backupsLayout->addWidget(m_list);
    backupsLayout->addLayout(listButtons);
    auto *restoreNote = new QLabel(
        tr("A backup holds tandem.xml, the event history and the e-mail outbox; never the "
           "license nor passwords. After a restore every pair is disabled on this computer."));
    restoreNote->setWordWrap(true);
    backupsLayout->addWidget(restoreNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(schedule);
    layout->addWidget(backups, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &BackupDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &BackupDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Backup Folder"), folder());
        if (!dir.isEmpty()) {
            m_folder->setText(dir);
            refresh();
        }
    });
    connect(m_folder, &QLineEdit::editingFinished, this, &BackupDialog::refresh);
    connect(m_backUpNow, &QPushButton::clicked, this, &BackupDialog::backUpNow);
    connect(m_restore, &QPushButton::clicked, this, &BackupDialog::restoreSelected);
    connect(refreshButton, &QPushButton::clicked, this, &BackupDialog::refresh);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &BackupDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &BackupDialog::restoreSelected);
    showScheduleState();
    refresh();
    resize(640, 560);
}

QString BackupDialog::folder() const
{
    const QString typed = m_folder->text().trimmed();
    return typed.isEmpty() ? BackupArchive::defaultDir(m_document->paths()) : typed;
}

void BackupDialog::showScheduleState()
{
    const QJsonObject state =
        m_engine ? m_engine->status().value(QLatin1String("backup")).toObject() : QJsonObject();
    QStringList lines;
    const QLocale locale;
    const auto when = [&](const char *key) {
        const QDateTime t =
            QDateTime::fromString(state.value(QLatin1String(key)).toString(), Qt::ISODate);
        return locale.toString(t.toLocalTime(), QLocale::ShortFormat);
    };
    if (state.value(QLatin1String("enabled")).toBool()) {
        if (state.contains(QLatin1String("last")))
            lines << tr("Last backup: %1.").arg(when("last"));
        if (state.contains(QLatin1String("next")))
            lines << tr("Next backup: %1.").arg(when("next"));
        if (state.contains(QLatin1String("lastError")))
            lines << tr("The last backup failed: %1")
                         .arg(state.value(QLatin1String("lastError")).toString());
        if (state.value(QLatin1String("diskUnderFloor")).toBool())
            lines << tr("Free space on the backup disk is under the floor.");
    } else if (m_engine) {
        lines << tr("The engine makes no automatic backups now.");
    }
    m_scheduleState->setText(lines.join(QLatin1Char(' ')));
    m_scheduleState->setVisible(!lines.isEmpty());
}

void BackupDialog::refresh()
{
    m_list->clear();
    const QLocale locale;
    for (const BackupInfo &info : BackupArchive::list(folder())) {
        auto *item = new QTreeWidgetItem;
        item->setData(CreatedColumn, Qt::UserRole, info.path);
        item->setToolTip(CreatedColumn, info.path);
        item->setText(SizeColumn, locale.formattedDataSize(info.size));
        if (info.isBroken()) {
            item->setText(CreatedColumn, QFileInfo(info.path).fileName());
            item->setText(StateColumn, tr("Damaged: %1").arg(info.problem));
            item->setToolTip(StateColumn, info.problem);
            item->setData(StateColumn, Qt::UserRole, false);
        } else {
            item->setText(CreatedColumn,
                          locale.toString(info.created.toLocalTime(), QLocale::ShortFormat));
            item->setText(HostColumn, info.host);
            QStringList files;
            for (const BackupFile &f : info.files)
                files << f.name;
            item->setText(StateColumn, tr("Complete (%1)").arg(files.join(QLatin1String(", "))));
            item->setData(StateColumn, Qt::UserRole, true);
        }
        m_list->insertTopLevelItem(0, item); // newest first
    }
    for (int c = 0; c < StateColumn; ++c)
        m_list->resizeColumnToContents(c);
    updateButtons();
}

void BackupDialog::updateButtons()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    m_restore->setEnabled(item && item->isSelected() &&
                          item->data(StateColumn, Qt::UserRole).toBool());
}

void BackupDialog::backUpNow()
{
    const TandemPaths &paths = m_document->paths();
    QString error;
    // Whichever engine writes the history (a service, or the console's own tandemd)
    // commits what it has queued first, so the backup has it too.
    ControlClient::flushEvents(paths.stateDir);
    const std::optional<QString> archive = BackupArchive::create(paths, folder(), &error);
    if (!archive) {
        QMessageBox::warning(this, tr("Backup"), tr("The backup failed: %1").arg(error));
        return;
    }
    refresh();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(CreatedColumn, Qt::UserRole).toString() == *archive)
            m_list->setCurrentItem(item);
    }
}

void BackupDialog::restoreSelected()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || !item->data(StateColumn, Qt::UserRole).toBool())
        return;
    const QString archive = item->data(CreatedColumn, Qt::UserRole).toString();
    QString question =
        tr("Restore the backup of %1 from %2?\n\nThe configuration, the event history and the "
           "e-mail outbox are replaced; the current files are kept beside them as "
           "*.before-restore. Every pair is disabled afterwards: enable them when ready.")
            .arg(item->text(CreatedColumn), item->text(HostColumn));
    if (m_document->isModified())
        question += QLatin1String("\n\n") + tr("Unsaved changes to the configuration are lost.");
    if (m_engine && !m_engine->isRemote())
        question += QLatin1String("\n\n") +
                    tr("The engine in this console stops for the restore and starts again.");
    if (QMessageBox::question(this, tr("Restore"), question) != QMessageBox::Yes)
        return;

    QStringList report;
    QString error;
    ConfigIssues issues;
    const bool restored =
        m_engine ? m_engine->restoreBackup(archive, &report, &error, &issues)
                 : BackupArchive::restore(archive, m_document->paths(), &report, &error);
    if (!restored) {
        QMessageBox::warning(this, tr("Restore"), tr("Nothing was restored: %1").arg(error));
        return;
    }
    issues += m_document->load();
    QMessageBox box(QMessageBox::Information, tr("Restore"),
                    tr("Restored from %1. Every pair is disabled.").arg(archive), QMessageBox::Ok,
                    this);
    box.setObjectName(QStringLiteral("restoreReport"));
    QStringList details = report;
    for (const ConfigIssue &issue : std::as_const(issues))
        details << issue.toString();
    if (!m_engine)
        details << tr("Restart the console to run the engine on the restored files.");
    box.setDetailedText(details.join(QLatin1Char('\n')));
    box.exec();
    showScheduleState();
    refresh();
}

void BackupDialog::accept()
{
    BackupSettings settings;
    settings.enabled = m_enabled->isChecked();
    settings.intervalHours = m_interval->value();
    settings.retentionDays = m_retention->value();
    const QString typed = m_folder->text().trimmed();
    settings.directory = typed.isEmpty() ? QString() : QFileInfo(typed).absoluteFilePath();
    m_document->setBackup(settings);
    QDialog::accept();
}

} // namespace tandem
