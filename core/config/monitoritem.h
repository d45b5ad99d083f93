#pragma once

#include <QString>

#include <optional>

namespace tandem {

// Data type a monitor item is requested as (docs/requirements.md, Monitoring tab).
enum class DataType
{
    Default,
    Boolean,
    Word,
    Short,
    DWord,
    Long,
    Float,
    Double
};

// How a monitor item is tested (docs/requirements.md, Monitoring tab).
enum class Trigger
{
    BadQuality,
    SpecificValue,
    NoChange
};

QString dataTypeName(DataType type); // "Default", "Boolean", ...
// The name the console shows: the data type names are the field's own, only "Default" is
// translated.
QString dataTypeDisplayName(DataType type);
std::optional<DataType> dataTypeFromName(const QString &name); // case-insensitive
QString triggerKey(Trigger trigger); // "bad-quality", "value", "no-change"
std::optional<Trigger> triggerFromKey(const QString &key);
// The reference manual's wording, for the console.
QString triggerDescription(Trigger trigger);

struct MonitorItem
{
    static constexpr int DefaultUpdateRateMs = 1000;
    static constexpr int MinUpdateRateMs = 10;
    static constexpr int MaxUpdateRateMs = 3600000;
    static constexpr int MaxNoChangeMs = 86400000;

    QString accessPath;
    QString itemId;
    DataType dataType = DataType::Default;
    int updateRateMs = DefaultUpdateRateMs;
    Trigger trigger = Trigger::BadQuality;
    QString triggerData; // value for SpecificValue, milliseconds for NoChange

    // The reference manual's rule: a no-change period must be at least twice the update rate.
    // Returns true when triggerData was raised to that minimum.
    bool raiseNoChangePeriod();
    int minimumNoChangeMs() const { return 2 * updateRateMs; }

    friend bool operator==(const MonitorItem &, const MonitorItem &) = default;
};

} // namespace tandem
