#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tandem {

class EventIdentifier;

enum class Severity
{
    Informational,
    Warning,
    Error
};

// The translated word, for views.
QString severityName(Severity severity);
// The English word, for records: the log line, exports and mails.
QString severitySourceName(Severity severity);

// One kind of runtime event: a stable id (used in tandem.xml to select e-mail
// notifications), its severity and its text with %1/%2/%3 placeholders.
struct EventDefinition
{
    const char *id;
    Severity severity;
    const char *text; // untranslated; use EventCatalog::text()
    // What %1, %2, ... stand for, comma-separated (for the Notifications tab's list).
    const char *placeholders = QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,machine,item");
};

// The single list of events Tandem posts. Ids never change once released.
class EventCatalog final
{
public:
    static const QList<EventDefinition> &all();
    static const EventDefinition &definition(EventIdentifier id);
    // An id read at run time (a recorded event, a mail filter); null when unknown.
    static const EventDefinition *find(const QString &id);
    static QString text(const EventDefinition &definition); // translated template
    // The English template: events are recorded (history, exports, mails) in English, so a
    // record reads the same whichever console or daemon wrote it.
    static QString sourceText(const EventDefinition &definition);
    // A recorded (English) event text in the console's language: its arguments are taken
    // back out of the English template and put into the translated one. A text that does
    // not match its template (or an unknown id) is returned as recorded.
    static QString displayText(const QString &id, const QString &recordedText);
    // `templateText` with %n replaced by args[n - 1], all in one pass: an argument that
    // itself contains "%1" or "%%" stays as it is. A %n without an argument stays as well.
    static QString fill(const QString &templateText, const QStringList &args);
    // The template with its placeholders named: "Connected to '<server>' on ...".
    static QString templateText(const EventDefinition &definition);
};

} // namespace tandem
