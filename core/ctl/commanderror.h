#pragma once

#include "config/configissue.h"

#include <QCoreApplication>
#include <QString>

// What every tandemctl command shares to fail: its texts (context "tandemctl", not
// translated: core/ctl/ stays English) and the error run() turns into an exit code.
namespace tandem::ctl {

inline QString tr(const char *text)
{
    return QCoreApplication::translate("tandemctl", text);
}

// Thrown for a usage error (exit 2) or a refused change (exit 1); caught in
// CtlCommand::run(), which prints the message.
struct CommandError
{
    int exitCode;
    QString message;
};

[[noreturn]] void usageError(const QString &message);
[[noreturn]] void refused(const ConfigIssues &issues);

} // namespace tandem::ctl
