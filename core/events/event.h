#pragma once

#include "eventcatalog.h"

#include <QDateTime>
#include <QString>

namespace tandem {

// One runtime fact as the operator sees it: when, which process it pertains to, what.
struct Event
{
    QDateTime time; // local time, millisecond precision
    QString id;     // catalog id, e.g. "connected.primary"
    Severity severity = Severity::Informational;
    QString process; // "tandemd (4711)" or a client's "mbpoll (5123)"
    QString pair;    // the pair it concerns, empty for engine-wide events
    QString text;    // the catalog text with its placeholders filled in
    // Why it happened, in the system's or the protocol's words ("Connection refused", "no
    // answer within 100 ms (3 in a row)", "exception 0x0B ..."); empty when there is none.
    // Kept apart from the text so the reference manual's message stays as it is.
    QString reason;

    // Date, time, process, severity, text and reason, tab-separated, one line (the log, the
    // mails and the export format of Diagnostics › Save As and `tandemctl events export`).
    // Always LineColumns columns: an event without a reason ends in a tab.
    QString toLine() const;
    static constexpr int LineColumns = 6;
};

} // namespace tandem
