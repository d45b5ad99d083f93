// `backup create|list|set|restore`: archives of tandem.xml, the events and the outbox.
#include "arguments.h"
#include "commanderror.h"
#include "commands.h"
#include "session.h"

#include "backup/backuparchive.h"
#include "host/controlclient.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tandem::ctl {

int backupCommand(Session &session, const QString &verb, Arguments &args)
{
    QTextStream &out = session.out();
    ConfigDocument &doc = session.doc();
    const QString command = QLatin1String("backup ") + verb;
    const TandemPaths &paths = session.paths();
    QString error;
    if (verb == QLatin1String("set")) {
        session.load();
        BackupSettings b = doc.configuration().backup;
        if (const auto v = args.value(QStringLiteral("enable")))
            b.enabled = parseYesNo(QStringLiteral("enable"), *v);
        if (const auto v = args.value(QStringLiteral("interval-hours")))
            b.intervalHours = parseInt(QStringLiteral("interval-hours"), *v);
        if (const auto v = args.value(QStringLiteral("retention-days")))
            b.retentionDays = parseInt(QStringLiteral("retention-days"), *v);
        if (const auto v = args.value(QStringLiteral("to")))
            b.directory = v->isEmpty() ? QString() : QFileInfo(*v).absoluteFilePath();
        session.names(args, command, 0);
        doc.setBackup(b);
        session.save();
        out << (b.enabled ? QCoreApplication::translate(
                                "tandemctl", "scheduled backups every %n hour(s) into %1", nullptr,
                                b.intervalHours)
                                .arg(b.directory.isEmpty() ? BackupArchive::defaultDir(paths)
                                                           : b.directory)
                          : tr("scheduled backups are off"))
            << Qt::endl;
        return 0;
    }
    // --to, else the folder of the scheduled backups (even of a configuration that has
    // problems: a backup is what one wants then), else STATE-DIR/backups.
    const auto backupDir = [&] {
        if (const auto to = args.value(QStringLiteral("to")))
            return *to;
        doc.load();
        const QString configured = doc.configuration().backup.directory;
        return configured.isEmpty() ? BackupArchive::defaultDir(paths) : configured;
    };
    if (verb == QLatin1String("create")) {
        const QString dir = backupDir();
        session.names(args, command, 0);
        ControlClient::flushEvents(paths.stateDir);
        const std::optional<QString> archive = BackupArchive::create(paths, dir, &error);
        if (!archive)
            throw CommandError{1, error};
        out << tr("backup written to %1").arg(*archive) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("list")) {
        const QString dir = backupDir();
        const bool json = args.value(QStringLiteral("json")).has_value();
        session.names(args, command, 0);
        const QList<BackupInfo> backups = BackupArchive::list(dir);
        if (json) {
            QJsonArray list;
            for (const BackupInfo &b : backups) {
                QJsonArray files;
                for (const BackupFile &f : b.files)
                    files.append(QJsonObject{{QStringLiteral("name"), f.name},
                                             {QStringLiteral("size"), f.size},
                                             {QStringLiteral("sha256"), f.sha256}});
                QJsonObject o{{QStringLiteral("file"), b.path}, {QStringLiteral("size"), b.size}};
                if (b.isBroken()) {
                    o.insert(QStringLiteral("broken"), true);
                    o.insert(QStringLiteral("problem"), b.problem);
                } else {
                    o.insert(QStringLiteral("broken"), false);
                    o.insert(QStringLiteral("created"), b.created.toString(Qt::ISODate));
                    o.insert(QStringLiteral("host"), b.host);
                    o.insert(QStringLiteral("files"), files);
                }
                list.append(o);
            }
            out << QJsonDocument(list).toJson(QJsonDocument::Indented);
            return 0;
        }
        if (backups.isEmpty())
            out << tr("no backups in %1 (make one with: tandemctl backup create)").arg(dir)
                << Qt::endl;
        for (const BackupInfo &b : backups) {
            if (b.isBroken()) {
                out << b.path << '\t' << tr("BROKEN: %1").arg(b.problem) << Qt::endl;
                continue;
            }
            QStringList files;
            for (const BackupFile &f : b.files)
                files << f.name;
            out << b.path << '\t' << b.created.toString(Qt::ISODate) << '\t'
                << tr("%1 bytes").arg(b.size) << '\t' << b.host << '\t'
                << files.join(QLatin1Char(',')) << Qt::endl;
        }
        return 0;
    }
    if (verb != QLatin1String("restore"))
        usageError(tr("unknown command: backup %1").arg(verb));
    const QString file = session.names(args, command, 1).at(0);
    QStringList report;
    const bool ok = BackupArchive::restore(file, paths, &report, &error);
    for (const QString &line : std::as_const(report))
        out << line << Qt::endl;
    if (!ok)
        throw CommandError{1, error};
    out << tr("restored from %1").arg(file) << Qt::endl;
    return 0;
}

} // namespace tandem::ctl
