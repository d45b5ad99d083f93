#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace tandem::test {

// What one tandemctl command printed and returned.
struct CtlResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `tandemctl ARGS` inside the test's process, through CtlCommand(out, err).run() as
// the binary's main() does, and returns its exit code and what it wrote to each stream.
// No process starts, so a test can run hundreds of commands in the time of a few.
//
// What a process would have of its own is made the same for the duration of the command:
// - environment: variables set for this command only, or removed when the value is a null
//   QString (TANDEM_CONFIG, TANDEM_STATE_DIR, the TANDEM_* test hooks...); the test's
//   environment is restored afterwards.
// - standard input is empty (/dev/null): a command that reads a password sees none and
//   says so, it never waits on the test's own input.
// - what the command logs (qWarning...) from this thread goes to err, as it goes to the
//   binary's standard error.
// Commands that need a process of their own stay with the binary (test::tandemctlPath()): a
// password given on standard input, `service` (it runs itself again through pkexec), the
// engine's view of the client process, crash hooks.
CtlResult runCtl(const QStringList &args, const QHash<QString, QString> &environment = {});

} // namespace tandem::test
