// `config check`: tandem.xml read and checked as tandemd would, nothing changed.
#include "arguments.h"
#include "commanderror.h"
#include "commands.h"
#include "session.h"

namespace tandem::ctl {

int configCommand(Session &session, const QString &verb, Arguments &args)
{
    const ConfigDocument &doc = session.doc();
    if (verb != QLatin1String("check"))
        usageError(tr("unknown command: config %1").arg(verb));
    session.names(args, QStringLiteral("config check"), 0);
    session.load();
    session.out()
        << tr("%1: OK, %2 pair(s)").arg(doc.filePath()).arg(doc.configuration().pairs.size())
        << Qt::endl;
    return 0;
}

} // namespace tandem::ctl
