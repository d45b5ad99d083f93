#pragma once

#include "monitoritem.h"

#include <QString>

#include <optional>

namespace tandem::modbus {

// The four Modbus data tables, by their Modicon reference digit.
enum class Table
{
    Coils = 0,
    DiscreteInputs = 1,
    InputRegisters = 3,
    HoldingRegisters = 4
};

// A Modbus item id: `[UNIT:]Txxxxx` with T the table digit and xxxxx the 1-based
// reference (`400001` is the first holding register; 5-digit `40001` works too).
struct ItemAddress
{
    static constexpr quint8 DefaultUnit = 1;

    quint8 unit = DefaultUnit;
    Table table = Table::HoldingRegisters;
    quint16 offset = 0; // 0-based protocol address

    static std::optional<ItemAddress> parse(const QString &text, QString *error);
    QString toString() const;
    bool isBitTable() const { return table == Table::Coils || table == Table::DiscreteInputs; }

    // Registers (or bits) a value of this type occupies here.
    static int width(DataType type);
    // Empty when type fits this address; otherwise why not.
    QString checkType(DataType type) const;
};

} // namespace tandem::modbus
