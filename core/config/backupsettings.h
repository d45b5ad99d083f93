#pragma once

#include <QString>

namespace tandem {

// Scheduled backups (docs/requirements.md): how often the engine writes a
// backup archive, how long archives are kept, and where they go.
struct BackupSettings
{
    static constexpr int MinIntervalHours = 1;
    static constexpr int MaxIntervalHours = 24 * 366;
    static constexpr int DefaultIntervalHours = 24;
    static constexpr int MinRetentionDays = 1;
    static constexpr int MaxRetentionDays = 3650;
    static constexpr int DefaultRetentionDays = 30;

    bool enabled = false;
    int intervalHours = DefaultIntervalHours;
    int retentionDays = DefaultRetentionDays;
    QString directory; // empty: <state directory>/backups

    friend bool operator==(const BackupSettings &, const BackupSettings &) = default;
};

} // namespace tandem
