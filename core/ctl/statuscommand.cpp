// `status`: the running engine's live state, as text or JSON.
#include "arguments.h"
#include "commanderror.h"
#include "commands.h"
#include "session.h"

#include "host/controlserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tandem::ctl {

int statusCommand(Session &session, Arguments &args)
{
    QTextStream &out = session.out();
    const bool json = args.value(QStringLiteral("json")).has_value();
    const QStringList words = args.positional().mid(1);
    if (!words.isEmpty())
        usageError(tr("status takes no arguments"));
    args.rejectUnused(QStringLiteral("status"));
    QString error;
    const auto answer = ControlClient::request(
        session.paths().stateDir, {{QStringLiteral("command"), QStringLiteral("status")}}, 5000,
        &error);
    if (!answer)
        throw CommandError{1, error};
    if (json) {
        out << QJsonDocument(*answer).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << tr("engine: %1 (pid %2)")
               .arg(answer->value(QLatin1String("process")).toString())
               .arg(answer->value(QLatin1String("pid")).toInteger())
        << Qt::endl;
    const QJsonArray pairs = answer->value(QLatin1String("pairs")).toArray();
    if (pairs.isEmpty())
        out << tr("no pair is running (enable one with: tandemctl pair enable NAME)") << Qt::endl;
    for (const QJsonValue &value : pairs) {
        const QJsonObject p = value.toObject();
        QString active = p[QLatin1String("active")].toString();
        if (p[QLatin1String("pass-through")].toBool())
            active += QLatin1Char(' ') + tr("(pass-through, redundancy disabled)");
        else if (!p[QLatin1String("pinned")].toString().isEmpty())
            active += QLatin1Char(' ') + tr("(held by the operator)");
        out << p[QLatin1String("name")].toString() << '\t' << tr("active: %1").arg(active) << '\t'
            << tr("fail-overs: %1").arg(p[QLatin1String("failovers")].toInt()) << '\t'
            << tr("clients: %1").arg(p[QLatin1String("clients")].toInt()) << '\t'
            << p[QLatin1String("listen")].toString() << Qt::endl;
        const QString switchReason = p[QLatin1String("last-switch-reason")].toString();
        if (!switchReason.isEmpty())
            out << "  " << tr("last switch: %1").arg(switchReason) << Qt::endl;
        for (const char *side : {"primary", "secondary"}) {
            const QJsonObject s = p[QLatin1String(side)].toObject();
            // The engine's judgement of the side (docs/failover-decision.md), in words.
            const QString key = s[QLatin1String("health")].toString();
            QString health =
                key == QLatin1String("healthy") ? tr("healthy")
                : key == QLatin1String("degraded")
                    ? tr("degraded: %1").arg(s[QLatin1String("degraded-reason")].toString())
                : key == QLatin1String("monitor-error")
                    ? tr("monitor error: %1 item(s) in error")
                          .arg(s[QLatin1String("monitor-errors")].toInt())
                : key == QLatin1String("connecting")    ? tr("connecting")
                : key == QLatin1String("lost")          ? tr("lost")
                : key == QLatin1String("shutting-down") ? tr("shutting down")
                : key == QLatin1String("pass-through")  ? tr("connected (pass-through)")
                                                        : tr("not connected");
            if (key == QLatin1String("healthy") && !s[QLatin1String("monitor-tested")].toBool())
                health += tr(", monitor items not tested yet");
            const QString error = s[QLatin1String("last-error")].toString();
            if (!error.isEmpty() && !s[QLatin1String("connected")].toBool())
                health += QLatin1String(": ") + error;
            const QString reason = s[QLatin1String("last-reason")].toString();
            if (!reason.isEmpty() && reason != error)
                health += QLatin1Char('\t') + tr("last failure: %1").arg(reason);
            out << "  " << QLatin1String(side) << '\t' << s[QLatin1String("machine")].toString()
                << '\t' << health << Qt::endl;
        }
    }
    const QJsonObject mail = answer->value(QLatin1String("notifications")).toObject();
    if (!mail.isEmpty())
        out << tr("e-mail outbox: %1 waiting; next through the %2 SMTP server%3")
                   .arg(mail[QLatin1String("outbox")].toInt())
                   .arg(mail[QLatin1String("preferred")].toString(),
                        mail[QLatin1String("failing")].toBool() ? tr(" (both failed last time)")
                                                                : QString())
            << Qt::endl;
    return 0;
}

} // namespace tandem::ctl
