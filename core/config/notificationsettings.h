#pragma once

#include <QString>
#include <QStringList>

namespace tandem {

// Seed: Notifications tab. The SMTP password is not here: it lives in the keychain.
struct NotificationSettings
{
    static constexpr int MinRetryHours = 1, MaxRetryHours = 168, DefaultRetryHours = 24;
    static constexpr int MinBatchWindowS = 0, MaxBatchWindowS = 3600, DefaultBatchWindowS = 60;
    static constexpr int MinTimeoutS = 1, MaxTimeoutS = 300, DefaultTimeoutS = 30;

    bool enabled = false;
    QString primarySmtp;   // smtp://host[:port] or smtps://host[:port]
    QString secondarySmtp; // optional
    QString from;
    QStringList to;
    QString subject = QStringLiteral("Tandem e-mail notification.");
    QString header;
    QString footer;
    bool allEvents = true;
    QStringList events; // catalog ids, used when allEvents is false
    bool allowPlaintext = false;
    QString caFile;
    QString user; // for both servers; its password is in the keychain
    // Beyond the reference manual: how long an undelivered mail is retried before it is dropped,
    // the batching window (at most one mail per window), and the per-server SMTP timeout.
    int retryHours = DefaultRetryHours;
    int batchWindowS = DefaultBatchWindowS;
    int timeoutS = DefaultTimeoutS;

    friend bool operator==(const NotificationSettings &, const NotificationSettings &) = default;
};

} // namespace tandem
