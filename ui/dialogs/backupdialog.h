#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace tandem {

class ConfigDocument;
class EngineSession;

// File › Backup/Restore…: the schedule of automatic backups (part of the configuration),
// the backups in their folder, a backup made now, and a restore from the list.
class BackupDialog final : public QDialog
{
    Q_OBJECT

public:
    // engine: null when the console runs no engine (its configuration could not be read).
    BackupDialog(ConfigDocument *document, EngineSession *engine, QWidget *parent = nullptr);

    QString folder() const;
    void refresh();
    void backUpNow();
    void restoreSelected();
    void accept() override; // applies the schedule to the document

private:
    void updateButtons();
    void showScheduleState();

    ConfigDocument *m_document;
    EngineSession *m_engine;
    QCheckBox *m_enabled;
    QSpinBox *m_interval;
    QSpinBox *m_retention;
    QLineEdit *m_folder;
    QLabel *m_scheduleState;
    QTreeWidget *m_list;
    QPushButton *m_backUpNow;
    QPushButton *m_restore;
};

} // namespace tandem
