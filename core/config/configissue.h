#pragma once

#include <QList>
#include <QString>

namespace tandem {

// One thing wrong with a configuration, named so a person can find it:
// the file and line (when it came from a file) and the field path, e.g.
// `pair[line1]/status-timeout` or `notifications/to`.
struct ConfigIssue
{
    ConfigIssue() = default;
    ConfigIssue(QString field, QString message, QString file = {}, int line = 0)
        : field(std::move(field))
        , message(std::move(message))
        , file(std::move(file))
        , line(line)
    {}

    QString field;
    QString message;
    QString file;
    int line = 0;

    QString toString() const;
};

using ConfigIssues = QList<ConfigIssue>;

// One issue a line, with file, line and field (for logs, stderr and detail boxes).
QString joinIssues(const ConfigIssues &issues);
// One message a line without the location (for a dialog already showing the field).
QString joinMessages(const ConfigIssues &issues);

} // namespace tandem
