#pragma once

#include "config/configdocument.h"

#include <QTextStream>

namespace tandem::ctl {

class Arguments;

// What the command groups share: the two output streams, the configuration (tandem.xml
// and the state directory, loaded, checked and saved), telling a running engine about a
// change, and the notes and argument counts every command writes and checks.
class Session final
{
public:
    Session(QTextStream &out, QTextStream &err, const TandemPaths &paths);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    ConfigDocument &doc() { return m_doc; }
    const TandemPaths &paths() const { return m_doc.paths(); }

    // Loads tandem.xml; a file that cannot be saved back is refused (exit 1), the
    // problems of one that can are printed as warnings.
    void load();
    // Refuses (exit 1) when there are issues.
    void check(const ConfigIssues &issues);
    // Saves tandem.xml (refused on issues) and tells a running engine.
    void save();
    // A running engine applies changes at once (SIGHUP or the control socket).
    void tellEngine();

    // The pair named so in the loaded configuration; refused when there is none.
    const PairConfig &pair(const QString &name);

    // The command's words after the group and verb, exactly count of them; any option
    // the command did not look at is a usage error.
    QStringList names(Arguments &args, const QString &command, int count);
    // "tandemctl: note: ..." on the error stream.
    void note(const QString &text);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    ConfigDocument m_doc;
};

} // namespace tandem::ctl
