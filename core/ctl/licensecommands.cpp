// `license status|serial|unlock|transfer`: this computer's license and moving it.
#include "arguments.h"
#include "commanderror.h"
#include "commands.h"
#include "session.h"

#include "base/enginesocket.h"
#include "host/controlclient.h"
#include "license/licensefile.h"
#include "license/licensetransfer.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tandem::ctl {

int licenseCommand(Session &session, const QString &verb, Arguments &args)
{
    QTextStream &out = session.out();
    QTextStream &err = session.err();
    const TandemPaths &paths = session.paths();
    LicenseFile license({paths.stateDir, paths.machineIdFile});
    LicenseTransfer transfer(&license);
    QString report, error;
    // A transfer a crash interrupted is finished or undone before anything else (the
    // transfer steps do it themselves and report it).
    if (verb != QLatin1String("transfer")) {
        if (!transfer.recover(&report, &error))
            throw CommandError{1, error};
        if (!report.isEmpty())
            session.note(report);
    }
    const auto tellEngineLicense = [&] {
        if (!EngineSocket::isRunning(paths.stateDir))
            return;
        const auto answer = ControlClient::refreshLicense(paths.stateDir);
        if (answer.reached && !answer)
            err << tr("tandemctl: warning: the running engine was not told: %1").arg(answer.error)
                << Qt::endl;
    };
    const QStringList words = args.positional().mid(2);
    if (verb == QLatin1String("status")) {
        const bool json = args.value(QStringLiteral("json")).has_value();
        session.names(args, QStringLiteral("license status"), 0);
        LicenseStatus s = license.status();
        s.pendingTransfer = transfer.pending();
        if (json) {
            out << QJsonDocument(s.toJson()).toJson(QJsonDocument::Indented);
            return 0;
        }
        out << s.summary() << Qt::endl;
        out << tr("Computer ID: %1").arg(s.computerId) << Qt::endl;
        if (s.serial)
            out << tr("Serial: %1").arg(s.serialText) << Qt::endl;
        if (!s.problem.isEmpty())
            err << tr("tandemctl: %1").arg(s.problem) << Qt::endl;
        if (!s.pendingTransfer.isEmpty())
            err << tr("tandemctl: %1").arg(s.pendingTransfer) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("serial") || verb == QLatin1String("unlock")) {
        const QString value = session.names(args, QLatin1String("license ") + verb, 1).constFirst();
        const bool ok = verb == QLatin1String("serial") ? license.enterSerial(value, &error)
                                                        : license.unlock(value, &error);
        if (!ok)
            throw CommandError{1, error};
        tellEngineLicense();
        out << license.status().summary() << Qt::endl;
        return 0;
    }
    if (verb != QLatin1String("transfer"))
        usageError(tr("unknown command: license %1").arg(verb));
    if (words.isEmpty())
        usageError(tr("license transfer needs prepare, out or in"));
    const QString step = words.constFirst();
    const QString command = QLatin1String("license transfer ") + step;
    if (step == QLatin1String("out") && args.has(QStringLiteral("abort"))) {
        args.take(QStringLiteral("abort"));
        session.names(args, command, 1);
        if (!transfer.abortOut(&error))
            throw CommandError{1, error};
        tellEngineLicense();
        out << tr("transfer cancelled; the license stays on this computer") << Qt::endl;
        return 0;
    }
    const std::optional<QString> media = args.value(QStringLiteral("media"));
    session.names(args, command, 1);
    if (!media)
        usageError(tr("%1: --media DIR is required").arg(command));
    bool ok = false;
    QString done;
    const auto noteRecovery = [&] {
        if (!transfer.lastReport().isEmpty())
            session.note(transfer.lastReport());
    };
    if (step == QLatin1String("prepare")) {
        ok = transfer.prepare(*media, &error);
        done = tr("media prepared for this computer (%1); take it to the source computer")
                   .arg(license.status().computerId);
    } else if (step == QLatin1String("out")) {
        ok = transfer.out(*media, &error);
        done = tr("the license is on the media and no longer on this computer; take the media "
                  "to the target computer");
    } else if (step == QLatin1String("in")) {
        ok = transfer.in(*media, &error);
        done = tr("license installed: %1").arg(license.status().summary());
    } else {
        usageError(tr("unknown command: %1").arg(command));
    }
    noteRecovery();
    if (!ok)
        throw CommandError{1, error};
    tellEngineLicense();
    out << done << Qt::endl;
    return 0;
}

} // namespace tandem::ctl
