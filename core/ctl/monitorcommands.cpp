// `monitor add|list|remove`: the items a pair watches on each side.
#include "arguments.h"
#include "commanderror.h"
#include "commands.h"
#include "session.h"

#include "config/configvalidator.h"

namespace tandem::ctl {

int monitorCommand(Session &session, const QString &verb, Arguments &args)
{
    QTextStream &out = session.out();
    ConfigDocument &doc = session.doc();
    const QString command = QLatin1String("monitor ") + verb;
    if (verb == QLatin1String("add")) {
        MonitorItem item;
        item.itemId = args.required(QStringLiteral("item"), command);
        if (const auto v = args.value(QStringLiteral("access-path")))
            item.accessPath = *v;
        if (const auto v = args.value(QStringLiteral("type"))) {
            const auto type = dataTypeFromName(*v);
            if (!type)
                usageError(tr("--type: '%1' is not one of Default, Boolean, Word, Short, DWord, "
                              "Long, Float, Double")
                               .arg(*v));
            item.dataType = *type;
        }
        if (const auto v = args.value(QStringLiteral("rate")))
            item.updateRateMs = parseInt(QStringLiteral("rate"), *v);
        const QString trigger = args.required(QStringLiteral("trigger"), command);
        const auto t = triggerFromKey(trigger);
        if (!t)
            usageError(tr("--trigger: '%1' is not bad-quality, value or no-change").arg(trigger));
        item.trigger = *t;
        const auto data = args.value(QStringLiteral("data"));
        item.triggerData = data.value_or(QString());
        if (item.trigger == Trigger::NoChange && data)
            parseInt(QStringLiteral("data"), *data);
        const QString name = session.names(args, command, 1).at(0);
        session.load();
        PairConfig p = session.pair(name);
        if (item.raiseNoChangePeriod())
            session.note(
                tr("the no-change period must be at least twice the update rate; it was set to %1 "
                   "ms")
                    .arg(item.triggerData));
        p.monitorItems.append(item);
        session.check(ConfigValidator::validateMonitorItem(
            p, item,
            ConfigValidator::pairField(name,
                                       QStringLiteral("monitor[%1]").arg(p.monitorItems.size()))));
        session.check(doc.updatePair(name, p));
        session.save();
        out << tr("added monitor item %1 to '%2' (%3 item(s), failure count %4)")
                   .arg(item.itemId, name)
                   .arg(p.monitorItems.size())
                   .arg(p.failureCount)
            << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("list")) {
        const QString name = session.names(args, command, 1).at(0);
        session.load();
        const PairConfig &p = session.pair(name);
        int index = 0;
        for (const MonitorItem &m : p.monitorItems)
            out << ++index << '\t' << m.itemId << '\t' << dataTypeName(m.dataType) << '\t'
                << m.updateRateMs << '\t' << triggerKey(m.trigger) << '\t' << m.triggerData << '\t'
                << m.accessPath << Qt::endl;
        out << tr("failure count: %1").arg(p.failureCount) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("remove")) {
        const QStringList words = session.names(args, command, 2);
        const int index = parseInt(QStringLiteral("INDEX"), words[1]);
        session.load();
        PairConfig p = session.pair(words[0]);
        if (index < 1 || index > p.monitorItems.size())
            throw CommandError{1, tr("'%1' has %2 monitor item(s); there is no item %3")
                                      .arg(words[0])
                                      .arg(p.monitorItems.size())
                                      .arg(index)};
        p.monitorItems.removeAt(index - 1);
        if (p.failureCount > p.maxFailureCount()) {
            p.failureCount = p.maxFailureCount();
            session.note(tr("the failure count was lowered to %1, the number of items left")
                             .arg(p.failureCount));
        }
        session.check(doc.updatePair(words[0], p));
        session.save();
        out << tr("removed monitor item %1 from '%2'").arg(index).arg(words[0]) << Qt::endl;
        return 0;
    }
    usageError(tr("unknown command: monitor %1").arg(verb));
}

} // namespace tandem::ctl
