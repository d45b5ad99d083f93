#pragma once

#include <QList>
#include <QString>

namespace tandem {

enum class Severity
{
    Informational,
    Warning,
    Error
};

QString severityName(Severity severity);

// One kind of runtime event: a stable id (used in tandem.xml to select e-mail
// notifications), its severity and its text with %1/%2/%3 placeholders.
struct EventDefinition
{
    const char *id;
    Severity severity;
    const char *text; // untranslated; use EventCatalog::text()
    // What %1, %2, ... stand for, comma-separated (for the Notifications tab's list).
    const char *placeholders = "server,machine,item";
};

// The single list of events Tandem posts. Ids never change once released.
class EventCatalog final
{
public:
    static const QList<EventDefinition> &all();
    static const EventDefinition *find(const QString &id);
    static QString text(const EventDefinition &definition); // translated template
    // The template with its placeholders named: "Connected to '<server>' on ...".
    static QString templateText(const EventDefinition &definition);
};

} // namespace tandem
