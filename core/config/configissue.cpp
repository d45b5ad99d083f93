#include "configissue.h"

namespace tandem {

QString ConfigIssue::toString() const
{
    QString where;
    if (!file.isEmpty())
        where = file + (line > 0 ? QLatin1Char(':') + QString::number(line) : QString()) +
                QLatin1String(": ");
    if (!field.isEmpty())
        where += field + QLatin1String(": ");
    return where + message;
}

QString joinIssues(const ConfigIssues &issues)
{
    QStringList lines;
    for (const ConfigIssue &issue : issues)
        lines << issue.toString();
    return lines.join(QLatin1Char('\n'));
}

QString joinMessages(const ConfigIssues &issues)
{
    QStringList lines;
    for (const ConfigIssue &issue : issues)
        lines << issue.message;
    return lines.join(QLatin1Char('\n'));
}

} // namespace tandem
