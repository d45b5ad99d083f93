#include "arguments.h"
#include "commanderror.h"
#include "commands.h"

#include "service/serviceinstaller.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace tandem::ctl {

// `service install|uninstall|status`: the engine as a systemd service. System scope needs
// root: tandemctl runs itself again through pkexec (the polkit prompt) unless --root puts
// the files elsewhere.
int serviceCommand(QTextStream &out, QTextStream &err, const TandemPaths &paths,
                   const QString &verb, Arguments &args)
{
    const QString command = QLatin1String("service ") + verb;
    const ServiceInstaller installer(paths);
    if (verb == QLatin1String("status")) {
        const bool json = args.value(QStringLiteral("json")).has_value();
        const QString root = args.value(QStringLiteral("root")).value_or(QString());
        if (args.positional().size() != 2)
            usageError(tr("%1 takes no arguments").arg(command));
        args.rejectUnused(command);
        const bool systemd = installer.tools().systemdRunning();
        const ServiceState scopes[] = {installer.state(ServiceScope::System, root),
                                       installer.state(ServiceScope::User, root)};
        if (json) {
            QJsonObject o{{QStringLiteral("systemd"), systemd}};
            for (const ServiceState &s : scopes)
                o.insert(serviceScopeKey(s.scope), s.toJson());
            out << QJsonDocument(o).toJson(QJsonDocument::Indented);
            return 0;
        }
        out << (systemd ? tr("systemd: running") : tr("systemd: not running on this machine"))
            << Qt::endl;
        for (const ServiceState &s : scopes) {
            const QString scope =
                s.scope == ServiceScope::System ? tr("system service") : tr("user service");
            if (!s.installed) {
                out << tr("%1: not installed (%2)").arg(scope, s.unitPath) << Qt::endl;
                continue;
            }
            QString line = tr("%1: installed (%2)").arg(scope, s.unitPath);
            if (!s.enabled.isEmpty())
                line += QStringLiteral(", ") + s.enabled;
            if (!s.active.isEmpty())
                line += QStringLiteral(", ") + s.active;
            if (s.mainPid > 0)
                line += QStringLiteral(", ") + tr("pid %1").arg(s.mainPid);
            out << line << Qt::endl;
        }
        return 0;
    }
    if (verb != QLatin1String("install") && verb != QLatin1String("uninstall"))
        usageError(tr("unknown command: service %1").arg(verb));
    const bool user = args.value(QStringLiteral("user")).has_value();
    const bool system = args.value(QStringLiteral("system")).has_value();
    if (user && system)
        usageError(tr("%1: --system or --user, not both").arg(command));
    const ServiceScope scope = user ? ServiceScope::User : ServiceScope::System;
    ServiceInstaller::Options options;
    options.root = args.value(QStringLiteral("root")).value_or(QString());
    if (!options.root.isEmpty())
        options.root = QFileInfo(options.root).absoluteFilePath();
    if (verb == QLatin1String("install")) {
        options.unitOnly = args.value(QStringLiteral("unit-only")).has_value();
        options.force = args.value(QStringLiteral("force")).has_value();
    }
    if (args.positional().size() != 2)
        usageError(tr("%1 takes no arguments").arg(command));
    args.rejectUnused(command);

    // PKEXEC_UID: this is the run pkexec made; never ask twice.
    if (scope == ServiceScope::System && options.root.isEmpty() &&
        !ServiceInstaller::runningAsRoot() && qEnvironmentVariableIsEmpty("PKEXEC_UID")) {
        if (installer.tools().pkexec.isEmpty())
            throw CommandError{1,
                               tr("a system service needs administrator rights and pkexec is not "
                                  "installed: run 'sudo tandemctl service %1 --system', or use "
                                  "--user for a service of your own")
                                   .arg(verb)};
        QStringList again{QCoreApplication::applicationFilePath(),
                          QStringLiteral("--config"),
                          paths.configFile,
                          QStringLiteral("--state-dir"),
                          paths.stateDir,
                          QStringLiteral("service"),
                          verb,
                          QStringLiteral("--system")};
        if (options.unitOnly)
            again << QStringLiteral("--unit-only");
        if (options.force)
            again << QStringLiteral("--force");
        err << tr("tandemctl: note: a system service needs administrator rights; asking through "
                  "pkexec")
            << Qt::endl;
        out.flush();
        err.flush();
        QProcess pkexec;
        pkexec.setProcessChannelMode(QProcess::ForwardedChannels);
        pkexec.setInputChannelMode(QProcess::ForwardedInputChannel);
        pkexec.start(installer.tools().pkexec, again);
        if (!pkexec.waitForStarted() || !pkexec.waitForFinished(-1))
            throw CommandError{
                1, tr("cannot run %1: %2").arg(installer.tools().pkexec, pkexec.errorString())};
        // pkexec: 126 the prompt was dismissed, 127 not authorized.
        if (pkexec.exitCode() == 126 || pkexec.exitCode() == 127)
            throw CommandError{1, tr("not authorized (the administrator prompt was dismissed or "
                                     "refused); nothing was changed")};
        return pkexec.exitCode();
    }

    QStringList report;
    QString error;
    bool ok;
    if (verb == QLatin1String("install"))
        ok = installer.install(scope, options, &report, &error) == ServiceInstaller::Result::Done;
    else
        ok = installer.uninstall(scope, options.root, &report, &error);
    for (const QString &line : std::as_const(report))
        out << line << Qt::endl;
    if (!ok)
        throw CommandError{1, error};
    return 0;
}

} // namespace tandem::ctl
