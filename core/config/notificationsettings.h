#pragma once

#include <QString>
#include <QStringList>

namespace tandem {

// Seed: Notifications tab. The SMTP password is not here: it lives in the keychain.
struct NotificationSettings
{
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
    QString user;

    friend bool operator==(const NotificationSettings &, const NotificationSettings &) = default;
};

} // namespace tandem
