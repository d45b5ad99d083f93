#include "session.h"

#include "arguments.h"
#include "base/enginesocket.h"
#include "commanderror.h"
#include "host/controlclient.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tandem::ctl {

Session::Session(QTextStream &out, QTextStream &err, const TandemPaths &paths)
    : m_out(out)
    , m_err(err)
    , m_doc(paths)
{}

void Session::load()
{
    const ConfigIssues issues = m_doc.load();
    if (!m_doc.canSave())
        throw CommandError{1, joinIssues(issues)};
    for (const ConfigIssue &issue : issues)
        m_err << tr("tandemctl: warning: %1").arg(issue.toString()) << Qt::endl;
}

void Session::check(const ConfigIssues &issues)
{
    if (!issues.isEmpty())
        refused(issues);
}

void Session::save()
{
    check(m_doc.save());
    tellEngine();
}

void Session::tellEngine()
{
    if (!EngineSocket::isRunning(m_doc.paths().stateDir))
        return;
    const auto answer = ControlClient::reload(m_doc.paths().stateDir);
    if (!answer) {
        // Saved, but not applied: the role this user has may not reload (controlrole.h).
        m_err << tr("tandemctl: warning: the running engine was not told: %1").arg(answer.error)
              << Qt::endl;
        return;
    }
    for (const QString &problem : *answer)
        m_err << tr("tandemctl: warning: engine: %1").arg(problem) << Qt::endl;
}

const PairConfig &Session::pair(const QString &name)
{
    const PairConfig *p = m_doc.pair(name);
    if (!p)
        throw CommandError{1, tr("there is no pair named '%1' in %2").arg(name, m_doc.filePath())};
    return *p;
}

QStringList Session::names(Arguments &args, const QString &command, int count)
{
    const QStringList words = args.positional().mid(2);
    if (words.size() != count)
        usageError(
            tr("%1: expected %2 argument(s), got %3").arg(command).arg(count).arg(words.size()));
    args.rejectUnused(command);
    return words;
}

void Session::note(const QString &text)
{
    m_err << tr("tandemctl: note: %1").arg(text) << Qt::endl;
}

} // namespace tandem::ctl
