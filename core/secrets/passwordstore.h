#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace tandem {

// Secrets in the system keychain (Secret Service through QtKeychain), never in tandem.xml
// or a log. Jobs are asynchronous; the *Blocking variants run a local event loop for
// command-line use. Without a keychain service every call fails with a message that says
// so: nothing falls back to a plain-text file. An engine run as the system service (with
// $CREDENTIALS_DIRECTORY) reads its systemd credentials instead (servicecredentials.h).
namespace PasswordStore {

struct Result
{
    bool ok = false;
    bool notFound = false; // no such entry (ok is false)
    QString password;      // read only
    QString error;
};

// Key of the SMTP password for `user` (the same user name on both servers).
QString smtpKey(const QString &user);
// Key of the password of an OPC UA user name (the same on every server that has it).
QString opcUaKey(const QString &user);
// Key of the password the engine logs in with on one server of an OPC UA pair ("primary" or
// "secondary"); where none is stored there, the user's opcUaKey() is read instead.
QString opcUaServerKey(const QString &pair, const QString &side);

void read(const QString &key, QObject *context, std::function<void(const Result &)> done);
void write(const QString &key, const QString &password, QObject *context,
           std::function<void(const Result &)> done);
void remove(const QString &key, QObject *context, std::function<void(const Result &)> done);

Result readBlocking(const QString &key);
Result writeBlocking(const QString &key, const QString &password);
Result removeBlocking(const QString &key);

} // namespace PasswordStore
} // namespace tandem
