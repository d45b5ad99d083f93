#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace tandem::ServiceCredentials {

// The system service has no keychain (no login session, no Secret Service): its SMTP and
// OPC UA passwords are systemd credentials instead. The unit loads every file of
// /etc/credstore.encrypted/tandem (LoadCredentialEncrypted=tandem:FOLDER), each encrypted
// with `systemd-creds encrypt` by root and readable only by root there; systemd decrypts
// them when it starts the engine and puts them into $CREDENTIALS_DIRECTORY as
// tandem_FILENAME, readable only by the service's user, for as long as it runs.
// PasswordStore reads from there whenever $CREDENTIALS_DIRECTORY is set.

// The file in the credentials folder for a PasswordStore key ("smtp:alerts" ->
// "smtp%3Aalerts": a credential name must be a plain file name).
QString fileName(const QString &key);
// The name systemd gives it in $CREDENTIALS_DIRECTORY: "tandem_" + fileName(key).
QString credentialName(const QString &key);

// $CREDENTIALS_DIRECTORY, or empty when the engine does not run as such a service.
QString directory();

struct ReadResult
{
    std::optional<QString> password; // nullopt: missing or unreadable, see error
    bool notFound = false;
    QString error;
};
ReadResult read(const QString &key);

// The password encrypted with `systemdCreds encrypt` (bound to this machine's host key or
// TPM, and to its credential name), for the file folder/fileName(key). Needs root.
std::optional<QByteArray> encrypt(const QString &key, const QString &password,
                                  const QString &systemdCreds, QString *error);

// The password in an encrypted credential file (what systemd gives the service), for
// root's tools such as `tandemctl notify test`. Needs root.
std::optional<QString> decrypt(const QString &key, const QString &file, const QString &systemdCreds,
                               QString *error);

} // namespace tandem::ServiceCredentials
