#include "itemaddress.h"

#include <QCoreApplication>

namespace tandem::modbus {

namespace {
// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ItemAddress)
};
} // namespace

std::optional<ItemAddress> ItemAddress::parse(const QString &text, QString *error)
{
    ItemAddress address;
    QString reference = text.trimmed();
    if (const qsizetype colon = reference.indexOf(QLatin1Char(':')); colon >= 0) {
        bool ok = false;
        const int unit = reference.left(colon).toInt(&ok);
        if (!ok || unit < 0 || unit > 255) {
            *error = Tr::tr("'%1': the unit before ':' must be a number from 0 to 255").arg(text);
            return std::nullopt;
        }
        address.unit = quint8(unit);
        reference = reference.mid(colon + 1);
    }
    const bool digitsOnly = !reference.isEmpty() &&
                            std::all_of(reference.cbegin(), reference.cend(),
                                        [](QChar c) { return c.isDigit() && c.unicode() < 128; });
    if (!digitsOnly || reference.size() < 5 || reference.size() > 6) {
        *error =
            Tr::tr("'%1' is not a Modbus reference: write [UNIT:]Txxxxx, T = 0 coil, 1 discrete "
                   "input, 3 input register, 4 holding register (e.g. 400001 or 2:300010)")
                .arg(text);
        return std::nullopt;
    }
    const int tableDigit = reference.at(0).digitValue();
    if (tableDigit != 0 && tableDigit != 1 && tableDigit != 3 && tableDigit != 4) {
        *error = Tr::tr("'%1': the first digit must be 0, 1, 3 or 4 (coil, discrete input, input "
                        "register, holding register)")
                     .arg(text);
        return std::nullopt;
    }
    const int number = reference.mid(1).toInt();
    if (number < 1 || number > 65536) {
        *error =
            Tr::tr("'%1': the reference after the table digit must be from 1 to 65536").arg(text);
        return std::nullopt;
    }
    address.table = Table(tableDigit);
    address.offset = quint16(number - 1);
    return address;
}

QString ItemAddress::toString() const
{
    const QString reference =
        QString::number(int(table)) + QStringLiteral("%1").arg(offset + 1, 5, 10, QLatin1Char('0'));
    return unit == DefaultUnit ? reference : QString::number(unit) + QLatin1Char(':') + reference;
}

int ItemAddress::width(DataType type)
{
    switch (type) {
    case DataType::DWord:
    case DataType::Long:
    case DataType::Float:
        return 2;
    case DataType::Double:
        return 4;
    default:
        return 1;
    }
}

QString ItemAddress::checkType(DataType type) const
{
    if (isBitTable() && type != DataType::Default && type != DataType::Boolean)
        return Tr::tr(
                   "coils and discrete inputs hold single bits: use data type Default or Boolean, "
                   "not %1")
            .arg(dataTypeName(type));
    if (int(offset) + width(type) > 65536)
        return Tr::tr("a %1 at %2 would run past the last address 65536")
            .arg(dataTypeName(type), toString());
    return {};
}

} // namespace tandem::modbus
