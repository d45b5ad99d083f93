// `events export|reset`: the event history in the state directory.
#include "arguments.h"
#include "commanderror.h"
#include "commands.h"
#include "session.h"

#include "base/enginesocket.h"
#include "events/eventstore.h"
#include "host/controlclient.h"

#include <QJsonObject>
#include <QSaveFile>

namespace tandem::ctl {

int eventsCommand(Session &session, const QString &verb, Arguments &args)
{
    QTextStream &out = session.out();
    const QString command = QLatin1String("events ") + verb;
    const QString stateDir = session.paths().stateDir;
    const bool engineRunning = EngineSocket::isRunning(stateDir);
    QString error;
    if (verb == QLatin1String("reset")) {
        session.names(args, command, 0);
        // The running engine owns its queue of uncommitted events: it must reset them too.
        if (engineRunning) {
            const auto answer = ControlClient::resetEvents(stateDir);
            if (!answer)
                throw CommandError{1, answer.error};
        } else {
            EventStore store(stateDir);
            QString notice;
            if (!store.open(&notice, &error) || !store.reset(&error))
                throw CommandError{1, error};
        }
        out << tr("event history cleared") << Qt::endl;
        return 0;
    }
    if (verb != QLatin1String("export"))
        usageError(tr("unknown command: events %1").arg(verb));
    const QString file = session.names(args, command, 1).at(0);
    ControlClient::flushEvents(stateDir); // what an engine has queued belongs in the export
    EventStore store(stateDir);
    QString notice;
    if (!store.open(&notice, &error))
        throw CommandError{1, error};
    if (!notice.isEmpty())
        session.err() << tr("tandemctl: warning: %1: %2").arg(store.filePath(), notice) << Qt::endl;
    QSaveFile exported(file);
    if (!exported.open(QIODevice::WriteOnly))
        throw CommandError{1, tr("cannot write %1: %2").arg(file, exported.errorString())};
    const QList<Event> events = store.read();
    for (const Event &e : events)
        exported.write(e.toLine().toUtf8() + '\n');
    if (!exported.commit())
        throw CommandError{1, tr("cannot write %1: %2").arg(file, exported.errorString())};
    out << tr("%1 event(s) written to %2").arg(events.size()).arg(file) << Qt::endl;
    return 0;
}

} // namespace tandem::ctl
