#pragma once

#include "config/tandempaths.h"

#include <QString>
#include <QStringList>

namespace tandem {

// Where the engine runs as a systemd service: for every user at boot (System, files in
// /etc/tandem and /var/lib/tandem) or for one user at login (User, that user's own files).
enum class ServiceScope
{
    System,
    User
};

QString serviceScopeKey(ServiceScope scope); // "system" | "user"

// The tandemd.service unit file Tandem writes: packaging/systemd/tandemd.service (the one
// the .deb ships) for the System scope, packaging/systemd/tandemd.user.service for User,
// compiled in, with the ExecStart= line for the given tandemd and files.
class ServiceUnit final
{
public:
    static constexpr const char *FileName = "tandemd.service";
    static QString systemConfigFile() { return QStringLiteral("/etc/tandem/tandem.xml"); }
    static QString systemStateDir() { return QStringLiteral("/var/lib/tandem"); }
    static QString systemUnitDir() { return QStringLiteral("/etc/systemd/system"); }
    // The engine a system service runs: the package's, owned by root. Never one beside
    // the tandemctl that installs it, which may sit in a user's build tree.
    static QString systemTandemd() { return QStringLiteral("/usr/bin/tandemd"); }
    // Where `tandemctl notify|pair set --password-stdin` puts the system service's
    // passwords as encrypted credentials (LoadCredentialEncrypted= in the unit).
    static QString systemCredentialsDir()
    {
        return QStringLiteral("/etc/credstore.encrypted/tandem");
    }
    // $XDG_CONFIG_HOME/systemd/user (~/.config/systemd/user).
    static QString userUnitDir();
    // Where the files of the unit's engine are: /etc/tandem + /var/lib/tandem for System,
    // `userPaths` (the console's or tandemctl's own) for User.
    static TandemPaths enginePaths(ServiceScope scope, const TandemPaths &userPaths);

    // The unit text; tandemd: the absolute path of the engine binary (systemTandemd() for
    // the System scope: ServiceInstaller never passes another).
    static QString text(ServiceScope scope, const QString &tandemd, const TandemPaths &userPaths);
    // One ExecStart= word as systemd reads it: quoted when it holds blanks or quotes, with
    // "%" and "$" doubled so systemd expands neither.
    static QString quoteArgument(const QString &argument);
    static QString execStart(const QStringList &command);
};

} // namespace tandem
