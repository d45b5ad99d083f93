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

// The tandemd.service unit file Tandem writes. The system unit is the one the .deb ships
// (packaging/systemd/tandemd.service), byte for byte, apart from where tandemd lives.
class ServiceUnit final
{
public:
    static constexpr const char *FileName = "tandemd.service";
    static QString systemConfigFile() { return QStringLiteral("/etc/tandem/tandem.xml"); }
    static QString systemStateDir() { return QStringLiteral("/var/lib/tandem"); }
    static QString systemUnitDir() { return QStringLiteral("/etc/systemd/system"); }
    // $XDG_CONFIG_HOME/systemd/user (~/.config/systemd/user).
    static QString userUnitDir();
    // Where the files of the unit's engine are: /etc/tandem + /var/lib/tandem for System,
    // `userPaths` (the console's or tandemctl's own) for User.
    static TandemPaths enginePaths(ServiceScope scope, const TandemPaths &userPaths);

    // The unit text; tandemd: the absolute path of the engine binary.
    static QString text(ServiceScope scope, const QString &tandemd, const TandemPaths &userPaths);
    // One ExecStart= word as systemd reads it: quoted when it holds blanks or quotes, with
    // "%" and "$" doubled so systemd expands neither.
    static QString quoteArgument(const QString &argument);
    static QString execStart(const QStringList &command);
};

} // namespace tandem
