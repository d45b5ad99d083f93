#include "arguments.h"

#include "base/testhooks.h"
#include "commanderror.h"

namespace tandem::ctl {

Arguments::Arguments(const QStringList &args, const QStringList &flagsWithoutValue)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (!a.startsWith(QLatin1String("--")) || a == QLatin1String("--")) {
            m_positional << a;
            continue;
        }
        QString name = a.mid(2);
        QString value;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
        } else if (flagsWithoutValue.contains(name)) {
            value = QStringLiteral("yes");
        } else {
            if (i + 1 >= args.size())
                usageError(tr("--%1 needs a value").arg(name));
            value = args[++i];
        }
        m_options[name].append(value);
    }
}

std::optional<QString> Arguments::value(const QString &name)
{
    m_used.insert(name);
    const auto it = m_options.constFind(name);
    if (it == m_options.cend())
        return std::nullopt;
    if (it->size() > 1)
        usageError(tr("--%1 is given more than once").arg(name));
    return it->constFirst();
}

QStringList Arguments::values(const QString &name)
{
    m_used.insert(name);
    return m_options.value(name);
}

QString Arguments::required(const QString &name, const QString &command)
{
    const auto v = value(name);
    if (!v || v->isEmpty())
        usageError(tr("%1: --%2 is required").arg(command, name));
    return *v;
}

void Arguments::rejectUnused(const QString &command) const
{
    for (auto it = m_options.cbegin(); it != m_options.cend(); ++it)
        if (!m_used.contains(it.key()))
            usageError(tr("%1: unknown option --%2").arg(command, it.key()));
}

int parseInt(const QString &option, const QString &text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok)
        usageError(tr("--%1: '%2' is not a whole number").arg(option, text));
    return value;
}

bool parseYesNo(const QString &option, const QString &text)
{
    const QString v = text.trimmed().toLower();
    if (v == QLatin1String("yes") || v == QLatin1String("true") || v == QLatin1String("on"))
        return true;
    if (v == QLatin1String("no") || v == QLatin1String("false") || v == QLatin1String("off"))
        return false;
    usageError(tr("--%1: '%2' is not yes or no").arg(option, text));
}

QString commandWord(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (!a.startsWith(QLatin1String("--")))
            return a;
        if (!a.contains(QLatin1Char('=')) &&
            (a == QLatin1String("--config") || a == QLatin1String("--state-dir")
#if TANDEM_HAS_TEST_HOOKS
             || a == QLatin1String("--machine-id-file")
#endif
                 ))
            ++i;
    }
    return {};
}

} // namespace tandem::ctl
