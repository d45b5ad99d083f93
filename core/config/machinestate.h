#pragma once

#include <QSet>
#include <QString>

namespace tandem {

// Which pairs are enabled on this machine. Kept in the state directory, not in
// tandem.xml, and bound to the configuration's id: a file copied from another machine
// starts with every pair disabled (docs/requirements.md, Deployment).
class MachineState final
{
public:
    explicit MachineState(const QString &stateDir);

    // Reads the state for the configuration with this id; missing or foreign state
    // means nothing is enabled. Returns false with *error when the file is unreadable.
    bool load(const QString &configId, QString *error);
    bool isEnabled(const QString &pairName) const { return m_enabled.contains(pairName); }
    QSet<QString> enabledPairs() const { return m_enabled; }

    // Each change is written at once (atomically): enabling is not a configuration edit.
    bool setEnabled(const QString &pairName, bool enabled, QString *error);
    bool rename(const QString &from, const QString &to, QString *error);
    // Drops names that are no longer pairs.
    bool retainOnly(const QSet<QString> &pairNames, QString *error);
    // Writes the file with no pair enabled, also when it was missing or damaged (a
    // restored configuration starts like a deployed one).
    bool disableAll(QString *error);

    QString filePath() const;

private:
    bool write(QString *error);

    QString m_stateDir;
    QString m_configId;
    QSet<QString> m_enabled;
};

} // namespace tandem
