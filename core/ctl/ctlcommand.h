#pragma once

#include <QStringList>
#include <QTextStream>

namespace tandem {

// tandemctl's commands (the contract in DESIGN.md), kept out of main() so the
// binary stays a thin shell. Exit codes: 0 done, 1 refused or failed, 2 bad usage.
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
