#include "monitoritem.h"

#include <QCoreApplication>

namespace tandem {

namespace {
struct DataTypeEntry
{
    DataType type;
    const char *name;
};
constexpr DataTypeEntry dataTypes[] = {
    {DataType::Default, "Default"}, {DataType::Boolean, "Boolean"}, {DataType::Word, "Word"},
    {DataType::Short, "Short"},     {DataType::DWord, "DWord"},     {DataType::Long, "Long"},
    {DataType::Float, "Float"},     {DataType::Double, "Double"},
};
struct TriggerEntry
{
    Trigger trigger;
    const char *key;
    const char *description;
};
constexpr TriggerEntry triggers[] = {
    {Trigger::BadQuality, "bad-quality",
     QT_TRANSLATE_NOOP("Tandem", "Item data set to bad quality")},
    {Trigger::SpecificValue, "value",
     QT_TRANSLATE_NOOP("Tandem", "Item data set to a specific value")},
    {Trigger::NoChange, "no-change",
     QT_TRANSLATE_NOOP("Tandem", "No item data changes for a given time period (ms)")},
};
} // namespace

QString dataTypeName(DataType type)
{
    for (const auto &e : dataTypes)
        if (e.type == type)
            return QString::fromLatin1(e.name);
    return {};
}

QString dataTypeDisplayName(DataType type)
{
    return type == DataType::Default ? QCoreApplication::translate("DataType", "Default")
                                     : dataTypeName(type);
}

std::optional<DataType> dataTypeFromName(const QString &name)
{
    for (const auto &e : dataTypes)
        if (name.compare(QLatin1String(e.name), Qt::CaseInsensitive) == 0)
            return e.type;
    return std::nullopt;
}

QString triggerKey(Trigger trigger)
{
    for (const auto &e : triggers)
        if (e.trigger == trigger)
            return QString::fromLatin1(e.key);
    return {};
}

std::optional<Trigger> triggerFromKey(const QString &key)
{
    for (const auto &e : triggers)
        if (key == QLatin1String(e.key))
            return e.trigger;
    return std::nullopt;
}

QString triggerDescription(Trigger trigger)
{
    for (const auto &e : triggers)
        if (e.trigger == trigger)
            return QCoreApplication::translate("Tandem", e.description);
    return {};
}

bool MonitorItem::raiseNoChangePeriod()
{
    if (trigger != Trigger::NoChange)
        return false;
    bool ok = false;
    const qint64 period = triggerData.toLongLong(&ok);
    if (ok && period >= minimumNoChangeMs())
        return false;
    triggerData = QString::number(minimumNoChangeMs());
    return true;
}

} // namespace tandem
