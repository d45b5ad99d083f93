#pragma once

#include <QHash>
#include <QSet>
#include <QStringList>

#include <optional>

namespace tandem::ctl {

// A command line split into positional words and --options (each may repeat). A bad
// option throws a usage error (commanderror.h).
class Arguments final
{
public:
    // flagsWithoutValue: the options that take no value (--json); any other takes the next
    // word or the text after '='.
    Arguments(const QStringList &args, const QStringList &flagsWithoutValue);

    QStringList positional() const { return m_positional; }
    bool has(const QString &name) const { return m_options.contains(name); }
    // The option's one value; given twice is a usage error.
    std::optional<QString> value(const QString &name);
    QStringList values(const QString &name);
    QString required(const QString &name, const QString &command);
    void take(const QString &name) { m_used.insert(name); }
    // Any option the command did not look at is a typo or misplaced: say so.
    void rejectUnused(const QString &command) const;

private:
    QStringList m_positional;
    QHash<QString, QStringList> m_options;
    QSet<QString> m_used;
};

int parseInt(const QString &option, const QString &text);
bool parseYesNo(const QString &option, const QString &text);

// The command word, found before the options are parsed: `service` reads --user as a
// flag where `pair set` and `notify set` read it as a user name.
QString commandWord(const QStringList &arguments);

} // namespace tandem::ctl
