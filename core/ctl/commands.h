#pragma once

#include "config/tandempaths.h"

#include <QString>
#include <QTextStream>

// tandemctl's command groups, one file each (paircommands.cpp, ...), dispatched by
// CtlCommand::run(). Each takes the verb (the word after the group) and the parsed
// arguments, writes to the session's streams and returns the exit code, or throws a
// CommandError (commanderror.h).
namespace tandem::ctl {

class Arguments;
class Session;

int pairCommand(Session &session, const QString &verb, Arguments &args);
int monitorCommand(Session &session, const QString &verb, Arguments &args);
int notifyCommand(Session &session, const QString &verb, Arguments &args);
int diagnosticsCommand(Session &session, const QString &verb, Arguments &args);
int configCommand(Session &session, const QString &verb, Arguments &args);
int eventsCommand(Session &session, const QString &verb, Arguments &args);
int licenseCommand(Session &session, const QString &verb, Arguments &args);
int backupCommand(Session &session, const QString &verb, Arguments &args);
int certCommand(Session &session, const QString &verb, Arguments &args);
// `opcua user add|remove|list`: the verb is `user`, the action the word after it.
int opcuaCommand(Session &session, const QString &verb, Arguments &args);
// `status` has no verb.
int statusCommand(Session &session, Arguments &args);
// `service` works on the unit files, not on tandem.xml: no session.
int serviceCommand(QTextStream &out, QTextStream &err, const TandemPaths &paths,
                   const QString &verb, Arguments &args);

} // namespace tandem::ctl
