// `opcua user add|remove|list`: the users that may log on to the pairs' OPC UA endpoints
// (opcua/opcuauserstore.h), kept hashed in the state directory.
#include "arguments.h"
#include "commanderror.h"
#include "commands.h"
#include "session.h"

#include "base/enginesocket.h"
#include "host/controlclient.h"
#include "opcua/opcuauserstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <termios.h>
#include <unistd.h>

namespace tandem::ctl {

namespace {

using opcua::OpcUaUser;
using opcua::OpcUaUserStore;

QByteArray readLine(QFile &in)
{
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

// One line typed without echo after prompt, on the terminal.
QByteArray prompt(QTextStream &err, QFile &in, const QString &text)
{
    err << text << Qt::flush;
    termios saved{};
    const bool tty = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    const QByteArray line = readLine(in);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err << Qt::endl;
    }
    return line;
}

// The new user's password: one line of standard input (--password-stdin, or input that is
// not a terminal), else asked twice on the terminal.
QByteArray newPassword(QTextStream &err, bool fromStdin)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        throw CommandError{1, tr("cannot read the password from standard input")};
    if (fromStdin || !::isatty(STDIN_FILENO)) {
        const QByteArray line = readLine(in);
        if (line.isEmpty())
            throw CommandError{1, tr("standard input held no password; nothing was changed")};
        return line;
    }
    const QByteArray first = prompt(err, in, tr("Password: "));
    const QByteArray second = prompt(err, in, tr("The password again: "));
    if (first != second)
        throw CommandError{1, tr("the two passwords differ; nothing was changed")};
    return first;
}

// A running engine makes the change (the control socket's administrator role, and the file
// stays the engine's); without one the file is written here. Throws when it was not made.
void change(const QString &stateDir, const std::function<ControlReply<>()> &throughEngine,
            const std::function<bool(QString *)> &here, const QString &what)
{
    if (EngineSocket::isRunning(stateDir)) {
        const ControlReply<> answer = throughEngine();
        if (!answer.reached)
            throw CommandError{
                1, tr("%1: the running engine did not answer: %2").arg(what, answer.error)};
        if (!answer)
            throw CommandError{1, tr("%1: %2").arg(what, answer.error)};
        return;
    }
    QString error;
    if (!here(&error))
        throw CommandError{1, tr("%1: %2").arg(what, error)};
}

QString pairsText(const OpcUaUser &u)
{
    return u.allPairs ? tr("all pairs") : u.pairs.join(QLatin1Char(','));
}

} // namespace

int opcuaCommand(Session &session, const QString &verb, Arguments &args)
{
    QTextStream &out = session.out();
    const QStringList words = args.positional();
    if (verb != QLatin1String("user") || words.size() < 3)
        usageError(tr("unknown command: opcua %1; see tandemctl --help").arg(verb));
    const QString action = words.at(2);
    const QString command = QLatin1String("opcua user ") + action;
    // The words after `opcua user ACTION`.
    const auto names = [&](int count) {
        const QStringList rest = words.mid(3);
        if (rest.size() != count)
            usageError(
                tr("%1: expected %2 argument(s), got %3").arg(command).arg(count).arg(rest.size()));
        args.rejectUnused(command);
        return rest;
    };
    OpcUaUserStore store(session.paths().stateDir);
    QString error;
    if (action == QLatin1String("add")) {
        OpcUaUser user;
        if (const auto pairs = args.value(QStringLiteral("pairs"))) {
            user.allPairs = false;
            user.pairs = pairs->split(QLatin1Char(','), Qt::SkipEmptyParts);
            if (user.pairs.isEmpty())
                usageError(tr("--pairs: name at least one pair (P1,P2), or leave it out for all"));
        }
        user.isOperator = args.value(QStringLiteral("operator")).has_value();
        const bool fromStdin = args.value(QStringLiteral("password-stdin")).has_value();
        user.name = names(1).at(0);
        if (!OpcUaUserStore::checkName(user.name, &error))
            throw CommandError{1, error};
        if (!user.allPairs) {
            session.load();
            for (const QString &pair : user.pairs)
                if (!session.doc().pair(pair))
                    throw CommandError{1, tr("--pairs: there is no pair named '%1' in %2")
                                              .arg(pair, session.doc().filePath())};
        }
        const QByteArray password = newPassword(session.err(), fromStdin);
        const auto hash = OpcUaUserStore::hashPassword(password, &error);
        if (!hash)
            throw CommandError{1, tr("the OPC UA user was not stored: %1").arg(error)};
        user.hash = *hash;
        const QString stateDir = session.paths().stateDir;
        change(
            stateDir,
            [&] { return ControlClient::addOpcUaUser(stateDir, OpcUaUserStore::toJson(user)); },
            [&](QString *e) { return store.put(user, e); }, tr("the OPC UA user was not stored"));
        out << tr("OPC UA user '%1' stored in %2 (%3%4)")
                   .arg(user.name, store.filePath(), pairsText(user),
                        user.isOperator ? tr(", operator") : QString())
            << Qt::endl;
        return 0;
    }
    if (action == QLatin1String("remove")) {
        const QString name = names(1).at(0);
        const QString stateDir = session.paths().stateDir;
        change(
            stateDir, [&] { return ControlClient::removeOpcUaUser(stateDir, name); },
            [&](QString *e) { return store.remove(name, e); },
            tr("the OPC UA user was not removed"));
        out << tr("removed OPC UA user '%1'").arg(name) << Qt::endl;
        return 0;
    }
    if (action == QLatin1String("list")) {
        const bool json = args.value(QStringLiteral("json")).has_value();
        names(0);
        if (!store.load(&error))
            throw CommandError{1, error};
        if (json) {
            QJsonArray users;
            for (const OpcUaUser &u : store.users())
                users.append(QJsonObject{
                    {QStringLiteral("name"), u.name},
                    {QStringLiteral("pairs"), u.allPairs ? QJsonValue(QStringLiteral("*"))
                                                         : QJsonArray::fromStringList(u.pairs)},
                    {QStringLiteral("operator"), u.isOperator}});
            out << QJsonDocument(users).toJson(QJsonDocument::Indented);
            return 0;
        }
        for (const OpcUaUser &u : store.users())
            out << u.name << '\t' << pairsText(u) << '\t'
                << (u.isOperator ? tr("operator") : tr("user")) << Qt::endl;
        return 0;
    }
    usageError(tr("unknown command: opcua user %1; see tandemctl --help").arg(action));
}

} // namespace tandem::ctl
