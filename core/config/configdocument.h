#pragma once

#include "configissue.h"
#include "configuration.h"
#include "machinestate.h"
#include "tandempaths.h"

#include <QObject>

namespace tandem {

// The configuration being edited plus this machine's enabled state: what the console's
// views observe and what tandemctl changes. Edits stay in memory until save(); enabling
// and disabling a pair is written at once, as it is not configuration (docs/requirements.md).
class ConfigDocument final : public QObject
{
    Q_OBJECT

public:
    explicit ConfigDocument(const TandemPaths &paths, QObject *parent = nullptr);

    // Reads tandem.xml (a missing file is an empty configuration) and the machine state.
    // A file that cannot be read leaves the document empty and refuses to save over it.
    ConfigIssues load();
    ConfigIssues save();
    bool isModified() const { return m_config != m_saved; }
    bool canSave() const { return !m_loadFailed; }
    QString filePath() const { return m_paths.configFile; }
    const TandemPaths &paths() const { return m_paths; }

    const Configuration &configuration() const { return m_config; }
    const PairConfig *pair(const QString &name) const { return m_config.find(name); }

    ConfigIssues addPair(const PairConfig &pair);
    // Replaces the pair's settings; the name cannot change here (use alias for that).
    ConfigIssues updatePair(const QString &name, const PairConfig &pair);
    ConfigIssues removePair(const QString &name);
    ConfigIssues aliasPair(const QString &name, const QString &newName, const QString &endpoint);
    ConfigIssues unaliasPair(const QString &name);
    QString suggestAliasName(const QString &name) const;
    void setDiagnostics(const DiagnosticsSettings &settings);
    void setNotifications(const NotificationSettings &settings);
    void setBackup(const BackupSettings &settings);

    bool isEnabled(const QString &name) const { return m_state.isEnabled(name); }
    ConfigIssues setEnabled(const QString &name, bool enabled);

Q_SIGNALS:
    void pairsChanged();                   // added, removed or renamed
    void pairChanged(const QString &name); // settings of one pair
    void settingsChanged();                // diagnostics, notifications or backup
    void modifiedChanged(bool modified);
    void enabledChanged(const QString &name, bool enabled);

private:
    ConfigIssues issuesFor(Configuration candidate, const QString &pairName) const;
    ConfigIssues unknownPair(const QString &name) const;
    void changed(bool wasModified);

    TandemPaths m_paths;
    Configuration m_config;
    Configuration m_saved;
    MachineState m_state;
    bool m_loadFailed = false;
    QList<std::pair<QString, QString>> m_pendingRenames;
};

} // namespace tandem
