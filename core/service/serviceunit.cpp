#include "serviceunit.h"

#include "base/testhooks.h"

#include <QDir>
#include <QProcessEnvironment>

namespace tandem {

QString serviceScopeKey(ServiceScope scope)
{
    return scope == ServiceScope::System ? QStringLiteral("system") : QStringLiteral("user");
}

QString ServiceUnit::userUnitDir()
{
    const QString xdg =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("XDG_CONFIG_HOME"));
    // XDG: a relative path is invalid and ignored.
    const QString base = !xdg.isEmpty() && QDir::isAbsolutePath(xdg)
                             ? xdg
                             : QDir::home().filePath(QStringLiteral(".config"));
    return QDir(base).filePath(QStringLiteral("systemd/user"));
}

TandemPaths ServiceUnit::enginePaths(ServiceScope scope, const TandemPaths &userPaths)
{
    if (scope == ServiceScope::User)
        return userPaths;
    return {systemConfigFile(), systemStateDir()};
}

QString ServiceUnit::quoteArgument(const QString &argument)
{
    QString word = argument;
    // Specifiers (%h) and environment variables ($HOME) would be expanded by systemd.
    word.replace(QLatin1Char('%'), QLatin1String("%%"));
    word.replace(QLatin1Char('$'), QLatin1String("$$"));
    bool plain = !word.isEmpty();
    for (const QChar c : std::as_const(word))
        if (c.isSpace() || c == QLatin1Char('"') || c == QLatin1Char('\'') ||
            c == QLatin1Char('\\') || c == QLatin1Char(';'))
            plain = false;
    if (plain)
        return word;
    word.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    word.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + word + QLatin1Char('"');
}

QString ServiceUnit::execStart(const QStringList &command)
{
    QStringList words;
    for (const QString &argument : command)
        words << quoteArgument(argument);
    return words.join(QLatin1Char(' '));
}

QString ServiceUnit::text(ServiceScope scope, const QString &tandemd, const TandemPaths &userPaths)
{
    const TandemPaths paths = enginePaths(scope, userPaths);
    QStringList command{tandemd, QStringLiteral("--config"), paths.configFile,
                        QStringLiteral("--state-dir"), paths.stateDir};
#if TANDEM_HAS_TEST_HOOKS
    // Tests and demos stand in another machine id: the engine must see the same license.
    if (scope == ServiceScope::User && !paths.machineIdFile.isEmpty())
        command << QStringLiteral("--machine-id-file") << paths.machineIdFile;
#endif
    const QString exec = execStart(command);
    if (scope == ServiceScope::System)
        return QStringLiteral(
                   "[Unit]\n"
                   "Description=Tandem redundancy engine\n"
                   "Documentation=man:tandemd(8)\n"
                   "After=network-online.target\n"
                   "Wants=network-online.target\n"
                   "\n"
                   "[Service]\n"
                   "Type=simple\n"
                   "ExecStart=%1\n"
                   "ExecReload=/bin/kill -HUP $MAINPID\n"
                   "Restart=on-failure\n"
                   "RestartSec=2\n"
                   // Its own user (made by the package or the installer): the engine
                   // parses what every client on the plant network sends it.
                   "User=tandem\n"
                   "Group=tandem\n"
                   "UMask=0007\n"
                   // Read only for the engine; root and the group tandem-admin edit it.
                   "ConfigurationDirectory=tandem\n"
                   "ConfigurationDirectoryMode=2775\n"
                   // Events, outbox, license state and the control socket; the group
                   // tandem reads them and reaches the socket.
                   "StateDirectory=tandem\n"
                   "StateDirectoryMode=0770\n"
                   // SMTP and OPC UA passwords (systemd-creds encrypt), one file each,
                   // in $CREDENTIALS_DIRECTORY as tandem_NAME while the engine runs.
                   "LoadCredentialEncrypted=tandem:/etc/credstore.encrypted/tandem\n"
                   // Clients of many pairs, each a descriptor or two.
                   "LimitNOFILE=65536\n"
                   // Modbus's port 502 (OPC UA's 4840 needs nothing).
                   "AmbientCapabilities=CAP_NET_BIND_SERVICE\n"
                   "CapabilityBoundingSet=CAP_NET_BIND_SERVICE\n"
                   "NoNewPrivileges=yes\n"
                   "ProtectSystem=strict\n"
                   "ProtectHome=yes\n"
                   "PrivateTmp=yes\n"
                   "PrivateDevices=yes\n"
                   "PrivateMounts=yes\n"
                   "ProtectKernelTunables=yes\n"
                   "ProtectKernelModules=yes\n"
                   "ProtectKernelLogs=yes\n"
                   "ProtectControlGroups=yes\n"
                   "ProtectClock=yes\n"
                   "ProtectHostname=yes\n"
                   "ProtectProc=invisible\n"
                   "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\n"
                   "RestrictNamespaces=yes\n"
                   "RestrictRealtime=yes\n"
                   "RestrictSUIDSGID=yes\n"
                   "LockPersonality=yes\n"
                   "MemoryDenyWriteExecute=yes\n"
                   "RemoveIPC=yes\n"
                   "KeyringMode=private\n"
                   "DevicePolicy=closed\n"
                   "SystemCallArchitectures=native\n"
                   "SystemCallFilter=@system-service\n"
                   "SystemCallFilter=~@privileged @resources\n"
                   // A call outside the list fails (EPERM) instead of killing the engine.
                   "SystemCallErrorNumber=EPERM\n"
                   "\n"
                   "[Install]\n"
                   "WantedBy=multi-user.target\n")
            .arg(exec);
    // A user manager cannot order against the system's network-online.target, switch
    // groups or set up protected directories; the user's own files are used as they are.
    return QStringLiteral("[Unit]\n"
                          "Description=Tandem redundancy engine\n"
                          "Documentation=man:tandemd(8)\n"
                          "\n"
                          "[Service]\n"
                          "Type=simple\n"
                          "ExecStart=%1\n"
                          "ExecReload=/bin/kill -HUP $MAINPID\n"
                          "Restart=on-failure\n"
                          "RestartSec=2\n"
                          "\n"
                          "[Install]\n"
                          "WantedBy=default.target\n")
        .arg(exec);
}

} // namespace tandem
