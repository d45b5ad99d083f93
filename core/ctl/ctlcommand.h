#pragma once

#include <QStringList>
#include <QTextStream>

namespace tandem {

// tandemctl's commands (packaging/man/tandemctl.1 documents them), kept out of main() so
// the binary stays a thin shell and tests can run them in-process. run() parses the
// options (arguments.h) and hands the command to its group (commands.h: one file each).
// Exit codes: 0 done, 1 refused or failed, 2 bad usage.
class CtlCommand final
{
public:
    CtlCommand(QTextStream &out, QTextStream &err)
        : m_out(out)
        , m_err(err)
    {}

    // arguments without the program name
    int run(const QStringList &arguments);

    static QString usage();

private:
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace tandem
