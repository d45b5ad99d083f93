#include "types.h"

#include "types_p.h"

#include <QStringList>

#include <charconv>

namespace tandem::opcua {

namespace {

constexpr qint64 TicksPerMSec = 10000;
constexpr qint64 MSecsAt1601 = -(DateTime::TicksAtUnixEpoch / TicksPerMSec);
constexpr qint64 MSecsAt9999 = 253402300799000; // 9999-12-31 23:59:59 UTC

// The Value alternative that holds elements of this type: reserved ids hold ByteStrings.
std::size_t valueIndexFor(BuiltInType type)
{
    const auto id = quint8(type);
    return id <= LastBuiltInTypeId ? id : std::size_t(BuiltInType::ByteString);
}

template <typename F> QString shortestText(F value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QString::fromLatin1(buffer, result.ptr - buffer);
}

QString identifierText(const NodeId &id)
{
    switch (id.idType()) {
    case NodeId::IdType::Numeric:
        return QStringLiteral("i=%1").arg(std::get<quint32>(id.identifier));
    case NodeId::IdType::String:
        return QLatin1String("s=") + std::get<QString>(id.identifier);
    case NodeId::IdType::Guid:
        return QLatin1String("g=") + std::get<QUuid>(id.identifier).toString(QUuid::WithoutBraces);
    case NodeId::IdType::Opaque:
        return QLatin1String("b=") +
               QString::fromLatin1(std::get<QByteArray>(id.identifier).toBase64());
    }
    return QString();
}

} // namespace

namespace detail {

bool dimensionsMatch(const QList<qint32> &dimensions, qsizetype length)
{
    for (const qint32 dimension : dimensions) {
        if (dimension <= 0)
            return length == 0;
    }
    qint64 product = 1;
    for (const qint32 dimension : dimensions) {
        product *= dimension;
        if (product > length)
            return false;
    }
    return product == length;
}

} // namespace detail

QString builtInTypeName(BuiltInType type)
{
    static const char *const names[] = {
        "Null",           "Boolean",       "SByte",           "Byte",           "Int16",
        "UInt16",         "Int32",         "UInt32",          "Int64",          "UInt64",
        "Float",          "Double",        "String",          "DateTime",       "Guid",
        "ByteString",     "XmlElement",    "NodeId",          "ExpandedNodeId", "StatusCode",
        "QualifiedName",  "LocalizedText", "ExtensionObject", "DataValue",      "Variant",
        "DiagnosticInfo",
    };
    static_assert(std::size(names) == LastBuiltInTypeId + 1);
    const auto id = quint8(type);
    if (id <= LastBuiltInTypeId)
        return QLatin1String(names[id]);
    if (id <= LastReservedTypeId)
        return QStringLiteral("reserved type %1").arg(id);
    return QStringLiteral("unknown type %1").arg(id);
}

// --- DateTime ---------------------------------------------------------------------------

QDateTime DateTime::toQDateTime() const
{
    if (isMin() || isMax())
        return QDateTime();
    // Floor division: a resolution finer than ours is truncated towards the past.
    const qint64 sinceEpoch = ticks - TicksAtUnixEpoch;
    qint64 msecs = sinceEpoch / TicksPerMSec;
    if (sinceEpoch % TicksPerMSec < 0)
        --msecs;
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

DateTime DateTime::fromQDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return DateTime{0};
    const qint64 msecs = dateTime.toMSecsSinceEpoch();
    if (msecs <= MSecsAt1601)
        return DateTime{0};
    if (msecs >= MSecsAt9999)
        return DateTime{MaxTicks};
    return DateTime{(msecs - MSecsAt1601) * TicksPerMSec};
}

// --- NodeId and friends -----------------------------------------------------------------

bool NodeId::isNull() const
{
    if (namespaceIndex != 0)
        return false;
    switch (idType()) {
    case IdType::Numeric:
        return std::get<quint32>(identifier) == 0;
    case IdType::String:
        return std::get<QString>(identifier).isEmpty();
    case IdType::Guid:
        return std::get<QUuid>(identifier).isNull();
    case IdType::Opaque:
        return std::get<QByteArray>(identifier).isEmpty();
    }
    return false;
}

QString NodeId::toString() const
{
    if (namespaceIndex == 0)
        return identifierText(*this);
    return QStringLiteral("ns=%1;").arg(namespaceIndex) + identifierText(*this);
}

std::optional<NodeId> NodeId::fromString(QStringView text)
{
    quint16 ns = 0;
    QStringView rest = text;
    if (rest.startsWith(u"ns=")) {
        const qsizetype semicolon = rest.indexOf(u';');
        if (semicolon < 0)
            return std::nullopt;
        bool ok = false;
        const uint index = rest.sliced(3, semicolon - 3).toUInt(&ok);
        if (!ok || index > 0xFFFF)
            return std::nullopt;
        ns = quint16(index);
        rest = rest.sliced(semicolon + 1);
    }
    if (rest.size() < 2 || rest[1] != u'=')
        return std::nullopt;
    const QStringView id = rest.sliced(2);
    switch (rest[0].unicode()) {
    case u'i': {
        bool ok = false;
        const qulonglong number = id.toULongLong(&ok);
        if (!ok || number > std::numeric_limits<quint32>::max())
            return std::nullopt;
        return NodeId(ns, quint32(number));
    }
    case u's':
        return NodeId(ns, id.isEmpty() ? QString(QLatin1String("")) : id.toString());
    case u'g': {
        const QUuid guid = QUuid::fromString(id);
        if (guid.isNull() && id != u"00000000-0000-0000-0000-000000000000")
            return std::nullopt;
        return NodeId(ns, guid);
    }
    case u'b': {
        auto decoded =
            QByteArray::fromBase64Encoding(id.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::nullopt;
        return NodeId(ns, *decoded);
    }
    default:
        return std::nullopt;
    }
}

QString ExpandedNodeId::toString() const
{
    QString text;
    if (serverIndex != 0)
        text += QStringLiteral("svr=%1;").arg(serverIndex);
    if (!namespaceUri.isEmpty()) {
        // 5.3.1.11: ';' and '%' in the URI are escaped as %3B and %25.
        QString uri = namespaceUri;
        uri.replace(QLatin1Char('%'), QLatin1String("%25"))
            .replace(QLatin1Char(';'), QLatin1String("%3B"));
        text += QLatin1String("nsu=") + uri + QLatin1Char(';') + identifierText(nodeId);
    } else {
        text += nodeId.toString();
    }
    return text;
}

QString StatusCode::toString() const
{
    return QLatin1String("0x") + QString::number(code, 16).toUpper().rightJustified(8, u'0');
}

QString QualifiedName::toString() const
{
    if (namespaceIndex == 0)
        return name;
    return QStringLiteral("%1:%2").arg(namespaceIndex).arg(name);
}

// --- Value helpers ----------------------------------------------------------------------

std::optional<double> toDouble(const Value &value)
{
    switch (typeOf(value)) {
    case BuiltInType::Boolean:
        return std::get<bool>(value) ? 1.0 : 0.0;
    case BuiltInType::SByte:
        return std::get<qint8>(value);
    case BuiltInType::Byte:
        return std::get<quint8>(value);
    case BuiltInType::Int16:
        return std::get<qint16>(value);
    case BuiltInType::UInt16:
        return std::get<quint16>(value);
    case BuiltInType::Int32:
        return std::get<qint32>(value);
    case BuiltInType::UInt32:
        return std::get<quint32>(value);
    case BuiltInType::Int64:
        return double(std::get<qint64>(value));
    case BuiltInType::UInt64:
        return double(std::get<quint64>(value));
    case BuiltInType::Float:
        return std::get<float>(value);
    case BuiltInType::Double:
        return std::get<double>(value);
    case BuiltInType::DataValue: {
        const DataValue &dataValue = *std::get<Box<DataValue>>(value);
        return dataValue.value ? dataValue.value->toDouble() : std::nullopt;
    }
    case BuiltInType::Variant:
        return std::get<Box<Variant>>(value)->toDouble();
    default:
        return std::nullopt;
    }
}

QString toDisplayString(const Value &value)
{
    switch (typeOf(value)) {
    case BuiltInType::Null:
        return QString();
    case BuiltInType::Boolean:
        return std::get<bool>(value) ? QStringLiteral("true") : QStringLiteral("false");
    case BuiltInType::SByte:
        return QString::number(std::get<qint8>(value));
    case BuiltInType::Byte:
        return QString::number(std::get<quint8>(value));
    case BuiltInType::Int16:
        return QString::number(std::get<qint16>(value));
    case BuiltInType::UInt16:
        return QString::number(std::get<quint16>(value));
    case BuiltInType::Int32:
        return QString::number(std::get<qint32>(value));
    case BuiltInType::UInt32:
        return QString::number(std::get<quint32>(value));
    case BuiltInType::Int64:
        return QString::number(std::get<qint64>(value));
    case BuiltInType::UInt64:
        return QString::number(std::get<quint64>(value));
    case BuiltInType::Float:
        return shortestText(std::get<float>(value));
    case BuiltInType::Double:
        return shortestText(std::get<double>(value));
    case BuiltInType::String:
        return std::get<QString>(value);
    case BuiltInType::DateTime: {
        const QDateTime dateTime = std::get<DateTime>(value).toQDateTime();
        return dateTime.isValid() ? dateTime.toString(Qt::ISODateWithMs) : QString();
    }
    case BuiltInType::Guid:
        return std::get<QUuid>(value).toString(QUuid::WithoutBraces);
    case BuiltInType::ByteString:
        return QString::fromLatin1(std::get<QByteArray>(value).toBase64());
    case BuiltInType::XmlElement:
        return QString::fromUtf8(std::get<XmlElement>(value).xml);
    case BuiltInType::NodeId:
        return std::get<NodeId>(value).toString();
    case BuiltInType::ExpandedNodeId:
        return std::get<ExpandedNodeId>(value).toString();
    case BuiltInType::StatusCode:
        return std::get<StatusCode>(value).toString();
    case BuiltInType::QualifiedName:
        return std::get<QualifiedName>(value).toString();
    case BuiltInType::LocalizedText:
        return std::get<LocalizedText>(value).text;
    case BuiltInType::ExtensionObject: {
        const ExtensionObject &object = std::get<ExtensionObject>(value);
        return QStringLiteral("ExtensionObject %1 (%2 bytes)")
            .arg(object.typeId.toString())
            .arg(object.body.size());
    }
    case BuiltInType::DataValue: {
        const DataValue &dataValue = *std::get<Box<DataValue>>(value);
        return dataValue.value ? dataValue.value->toString() : QString();
    }
    case BuiltInType::Variant:
        return std::get<Box<Variant>>(value)->toString();
    case BuiltInType::DiagnosticInfo:
        return std::get<Box<DiagnosticInfo>>(value)->additionalInfo;
    }
    return QString();
}

QVariant toQVariant(const Value &value)
{
    switch (typeOf(value)) {
    case BuiltInType::Null:
        return QVariant();
    case BuiltInType::Boolean:
        return std::get<bool>(value);
    case BuiltInType::SByte:
        return int(std::get<qint8>(value));
    case BuiltInType::Byte:
        return uint(std::get<quint8>(value));
    case BuiltInType::Int16:
        return int(std::get<qint16>(value));
    case BuiltInType::UInt16:
        return uint(std::get<quint16>(value));
    case BuiltInType::Int32:
        return int(std::get<qint32>(value));
    case BuiltInType::UInt32:
        return uint(std::get<quint32>(value));
    case BuiltInType::Int64:
        return qlonglong(std::get<qint64>(value));
    case BuiltInType::UInt64:
        return qulonglong(std::get<quint64>(value));
    case BuiltInType::Float:
        return std::get<float>(value);
    case BuiltInType::Double:
        return std::get<double>(value);
    case BuiltInType::String:
        return std::get<QString>(value);
    case BuiltInType::DateTime:
        return std::get<DateTime>(value).toQDateTime();
    case BuiltInType::Guid:
        return std::get<QUuid>(value);
    case BuiltInType::ByteString:
        return std::get<QByteArray>(value);
    case BuiltInType::StatusCode:
        return uint(std::get<StatusCode>(value).code);
    case BuiltInType::ExtensionObject:
        return QVariant(); // opaque: no meaningful Qt value
    case BuiltInType::DataValue: {
        const DataValue &dataValue = *std::get<Box<DataValue>>(value);
        return dataValue.value ? dataValue.value->toQVariant() : QVariant();
    }
    case BuiltInType::Variant:
        return std::get<Box<Variant>>(value)->toQVariant();
    case BuiltInType::DiagnosticInfo:
        return QVariant();
    case BuiltInType::XmlElement:
    case BuiltInType::NodeId:
    case BuiltInType::ExpandedNodeId:
    case BuiltInType::QualifiedName:
    case BuiltInType::LocalizedText:
        return toDisplayString(value);
    }
    return QVariant();
}

// --- Variant ----------------------------------------------------------------------------

Variant::Variant(Value scalar)
    : m_type(typeOf(scalar))
{
    if (m_type != BuiltInType::Null)
        m_values.append(std::move(scalar));
}

Variant Variant::array(BuiltInType elementType, QList<Value> values)
{
    Variant variant;
    variant.m_type = elementType;
    variant.m_isArray = true;
    variant.m_values = std::move(values);
    Q_ASSERT_X(variant.isValid(), "Variant::array", "elements must all be of elementType");
    return variant;
}

Variant Variant::nullArray(BuiltInType elementType)
{
    Variant variant;
    variant.m_type = elementType;
    variant.m_isArray = true;
    variant.m_isNullArray = true;
    Q_ASSERT_X(variant.isValid(), "Variant::nullArray", "Null has no arrays");
    return variant;
}

Variant Variant::matrix(BuiltInType elementType, QList<Value> values, QList<qint32> dimensions)
{
    Variant variant = array(elementType, std::move(values));
    variant.m_dimensions = std::move(dimensions);
    Q_ASSERT_X(variant.isValid(), "Variant::matrix", "dimensions must multiply to the size");
    return variant;
}

const Value &Variant::value(qsizetype index) const
{
    static const Value null;
    return index >= 0 && index < m_values.size() ? m_values[index] : null;
}

bool Variant::isValid() const
{
    if (quint8(m_type) > LastReservedTypeId)
        return false;
    if (m_type == BuiltInType::Null)
        return !m_isArray && !m_isNullArray && m_values.isEmpty() && m_dimensions.isEmpty();
    const std::size_t index = valueIndexFor(m_type);
    for (const Value &element : m_values) {
        if (element.index() != index)
            return false;
    }
    if (!m_isArray) {
        return m_values.size() == 1 && m_type != BuiltInType::Variant && !m_isNullArray &&
               m_dimensions.isEmpty();
    }
    if (m_isNullArray && !m_values.isEmpty())
        return false;
    if (m_values.size() > std::numeric_limits<qint32>::max())
        return false;
    return m_dimensions.isEmpty() || detail::dimensionsMatch(m_dimensions, m_values.size());
}

std::optional<double> Variant::toDouble() const
{
    if (!isScalar())
        return std::nullopt;
    return opcua::toDouble(m_values.constFirst());
}

QString Variant::toString() const
{
    if (isNull())
        return QString();
    if (!m_isArray)
        return toDisplayString(m_values.constFirst());
    QStringList parts;
    parts.reserve(m_values.size());
    for (const Value &element : m_values)
        parts.append(toDisplayString(element));
    return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
}

QVariant Variant::toQVariant() const
{
    if (isNull())
        return QVariant();
    if (!m_isArray)
        return opcua::toQVariant(m_values.constFirst());
    QVariantList list;
    list.reserve(m_values.size());
    for (const Value &element : m_values)
        list.append(opcua::toQVariant(element));
    return list;
}

bool operator==(const Variant &a, const Variant &b)
{
    return a.m_type == b.m_type && a.m_isArray == b.m_isArray &&
           a.m_isNullArray == b.m_isNullArray && a.m_dimensions == b.m_dimensions &&
           a.m_values == b.m_values;
}

} // namespace tandem::opcua
