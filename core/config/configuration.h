#pragma once

#include "backupsettings.h"
#include "diagnosticssettings.h"
#include "notificationsettings.h"
#include "pairconfig.h"

#include <QList>
#include <QString>

namespace tandem {

// Everything in tandem.xml. Machine-local state (enabled pairs) is not part of it.
struct Configuration
{
    static constexpr int SchemaVersion = 1;

    // Identifies this configuration so machine-local state follows it and not a copy
    // deployed from another machine (docs/requirements.md, Deployment).
    QString id;
    QList<PairConfig> pairs;
    DiagnosticsSettings diagnostics;
    NotificationSettings notifications;
    BackupSettings backup;

    static Configuration createNew(); // with a fresh id
    qsizetype indexOf(const QString &pairName) const;
    const PairConfig *find(const QString &pairName) const;
    PairConfig *find(const QString &pairName);

    friend bool operator==(const Configuration &, const Configuration &) = default;
};

} // namespace tandem
