// `diagnostics set`: how many events the history keeps, and whether across restarts.
#include "arguments.h"
#include "commanderror.h"
#include "commands.h"
#include "session.h"

namespace tandem::ctl {

int diagnosticsCommand(Session &session, const QString &verb, Arguments &args)
{
    ConfigDocument &doc = session.doc();
    const QString command = QLatin1String("diagnostics ") + verb;
    if (verb != QLatin1String("set"))
        usageError(tr("unknown command: diagnostics %1").arg(verb));
    session.load();
    DiagnosticsSettings d = doc.configuration().diagnostics;
    if (const auto v = args.value(QStringLiteral("preserve")))
        d.preserveEvents = parseYesNo(QStringLiteral("preserve"), *v);
    if (const auto v = args.value(QStringLiteral("max-events")))
        d.maxEvents = parseInt(QStringLiteral("max-events"), *v);
    session.names(args, command, 0);
    doc.setDiagnostics(d);
    session.save();
    session.out() << tr("diagnostics settings saved") << Qt::endl;
    return 0;
}

} // namespace tandem::ctl
