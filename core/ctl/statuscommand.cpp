// `status`: the running engine's live state, as text or JSON.
#include "arguments.h"
#include "commanderror.h"
#include "commands.h"
#include "session.h"

#include "host/controlclient.h"

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
    const auto answer = ControlClient::status(session.paths().stateDir);
    if (!answer)
        throw CommandError{1, answer.error};
    if (json) {
        out << QJsonDocument(answer->json).toJson(QJsonDocument::Indented);
        return 0;
    }
    const EngineStatus &engine = answer->engine;
    out << tr("engine: %1 (pid %2)").arg(engine.process).arg(engine.pid) << Qt::endl;
    if (engine.pairs.isEmpty())
        out << tr("no pair is running (enable one with: tandemctl pair enable NAME)") << Qt::endl;
    for (const PairStatus &p : engine.pairs) {
        // The engine's judgement (docs/failover-decision.md), in the console's words.
        out << p.name << '\t' << tr("active: %1").arg(describeActive(p)) << '\t'
            << tr("fail-overs: %1").arg(p.failovers) << '\t' << tr("clients: %1").arg(p.clients)
            << '\t' << p.listen << Qt::endl;
        if (!p.lastSwitchReason.isEmpty())
            out << "  " << tr("last switch: %1").arg(p.lastSwitchReason) << Qt::endl;
        for (Side side : {Side::Primary, Side::Secondary})
            out << "  " << sideKey(side) << '\t' << p.side(side).machine << '\t'
                << describeHealth(p.side(side)) << Qt::endl;
    }
    const QJsonObject &mail = answer->notifications;
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
