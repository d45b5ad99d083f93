#include "types.h"

#include <QStringList>
#include <QtEndian>

#include <charconv>
#include <cstring>

namespace tandem::opcua {

namespace {

// Variant encoding mask (OPC 10000-6, 5.2.2.16).
constexpr quint8 VariantTypeMask = 0x3F;
constexpr quint8 VariantDimensionsFlag = 0x40;
constexpr quint8 VariantArrayFlag = 0x80;

// NodeId encoding byte (5.2.2.9) and the ExpandedNodeId flags sharing it (5.2.2.10).
enum NodeIdEncoding : quint8
{
    TwoByteEncoding = 0x00,
    FourByteEncoding = 0x01,
    NumericEncoding = 0x02,
    StringEncoding = 0x03,
    GuidEncoding = 0x04,
    ByteStringEncoding = 0x05,
};
constexpr quint8 NodeIdEncodingMask = 0x3F;
constexpr quint8 ServerIndexFlag = 0x40;
constexpr quint8 NamespaceUriFlag = 0x80;

// LocalizedText (5.2.2.14), DataValue (5.2.2.17) and DiagnosticInfo (5.2.2.12) masks.
constexpr quint8 LocaleFlag = 0x01;
constexpr quint8 TextFlag = 0x02;

constexpr quint8 ValueFlag = 0x01;
constexpr quint8 StatusFlag = 0x02;
constexpr quint8 SourceTimestampFlag = 0x04;
constexpr quint8 ServerTimestampFlag = 0x08;
constexpr quint8 SourcePicosecondsFlag = 0x10;
constexpr quint8 ServerPicosecondsFlag = 0x20;
constexpr quint16 MaxPicoseconds = 9999;

constexpr quint8 SymbolicIdFlag = 0x01;
constexpr quint8 NamespaceUriIndexFlag = 0x02;
constexpr quint8 LocalizedTextIndexFlag = 0x04;
constexpr quint8 LocaleIndexFlag = 0x08;
constexpr quint8 AdditionalInfoFlag = 0x10;
constexpr quint8 InnerStatusCodeFlag = 0x20;
constexpr quint8 InnerDiagnosticInfoFlag = 0x40;

constexpr qint64 TicksPerMSec = 10000;
constexpr qint64 MSecsAt1601 = -(DateTime::TicksAtUnixEpoch / TicksPerMSec);
constexpr qint64 MSecsAt9999 = 253402300799000; // 9999-12-31 23:59:59 UTC

QString hexByte(quint8 value)
{
    return QStringLiteral("0x%1").arg(value, 2, 16, QLatin1Char('0'));
}

// The Value alternative that holds elements of this type: reserved ids hold ByteStrings.
std::size_t valueIndexFor(BuiltInType type)
{
    const auto id = quint8(type);
    return id <= LastBuiltInTypeId ? id : std::size_t(BuiltInType::ByteString);
}

// The fewest bytes one element of this type takes on the wire; an array length that the
// remaining bytes cannot hold is refused before anything is reserved for it.
qsizetype minimumEncodedSize(BuiltInType type)
{
    switch (type) {
    case BuiltInType::Null:
        return 0;
    case BuiltInType::Boolean:
    case BuiltInType::SByte:
    case BuiltInType::Byte:
    case BuiltInType::LocalizedText:
    case BuiltInType::DataValue:
    case BuiltInType::Variant:
    case BuiltInType::DiagnosticInfo:
        return 1;
    case BuiltInType::Int16:
    case BuiltInType::UInt16:
    case BuiltInType::NodeId:
    case BuiltInType::ExpandedNodeId:
        return 2;
    case BuiltInType::ExtensionObject:
        return 3; // TwoByte NodeId + encoding byte
    case BuiltInType::Int32:
    case BuiltInType::UInt32:
    case BuiltInType::Float:
    case BuiltInType::String:
    case BuiltInType::ByteString:
    case BuiltInType::XmlElement:
    case BuiltInType::StatusCode:
        return 4;
    case BuiltInType::QualifiedName:
        return 6;
    case BuiltInType::Int64:
    case BuiltInType::UInt64:
    case BuiltInType::Double:
    case BuiltInType::DateTime:
        return 8;
    case BuiltInType::Guid:
        return 16;
    }
    return 4; // reserved ids: ByteString
}

// Whether the dimensions describe exactly `length` elements. Any dimension <= 0 makes
// the array empty (5.2.2.16); the product is cut short before it can overflow.
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

QString describeDimensions(const QList<qint32> &dimensions)
{
    QStringList parts;
    for (qsizetype i = 0; i < dimensions.size() && i < 8; ++i)
        parts.append(QString::number(dimensions[i]));
    if (dimensions.size() > 8)
        parts.append(QStringLiteral("… (%1 in all)").arg(dimensions.size()));
    return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
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
    return m_dimensions.isEmpty() || dimensionsMatch(m_dimensions, m_values.size());
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

// --- Encoding ---------------------------------------------------------------------------

void writeGuid(Writer &writer, const Guid &value)
{
    writer.writeUInt32(value.data1);
    writer.writeUInt16(value.data2);
    writer.writeUInt16(value.data3);
    writer.writeRaw(QByteArrayView(reinterpret_cast<const char *>(value.data4), 8));
}

Guid readGuid(Reader &reader)
{
    const QByteArrayView bytes = reader.readRaw(16, "Guid");
    if (!reader.ok())
        return Guid();
    const auto *p = reinterpret_cast<const uchar *>(bytes.data());
    Guid guid;
    guid.data1 = qFromLittleEndian<quint32>(p);
    guid.data2 = qFromLittleEndian<quint16>(p + 4);
    guid.data3 = qFromLittleEndian<quint16>(p + 6);
    std::memcpy(guid.data4, p + 8, 8);
    return guid;
}

void writeDateTime(Writer &writer, DateTime value)
{
    writer.writeInt64(value.ticks);
}

DateTime readDateTime(Reader &reader)
{
    return DateTime{reader.readInt64()};
}

void writeXmlElement(Writer &writer, const XmlElement &value)
{
    writer.writeByteString(value.xml);
}

XmlElement readXmlElement(Reader &reader)
{
    return XmlElement{reader.readByteString("XmlElement")};
}

namespace {

// With ExpandedNodeId flags set, numeric ids take the full Numeric form so the namespace
// index is "included in the stream for consistency" (5.2.2.10), as node-opcua does.
void writeNodeIdWithFlags(Writer &writer, const NodeId &value, quint8 flags)
{
    const quint16 ns = value.namespaceIndex;
    switch (value.idType()) {
    case NodeId::IdType::Numeric: {
        const quint32 id = std::get<quint32>(value.identifier);
        if (flags != 0) {
            writer.writeByte(flags | NumericEncoding);
            writer.writeUInt16(ns);
            writer.writeUInt32(id);
        } else if (ns == 0 && id <= 0xFF) {
            writer.writeByte(flags | TwoByteEncoding);
            writer.writeByte(quint8(id));
        } else if (ns <= 0xFF && id <= 0xFFFF) {
            writer.writeByte(flags | FourByteEncoding);
            writer.writeByte(quint8(ns));
            writer.writeUInt16(quint16(id));
        } else {
            writer.writeByte(flags | NumericEncoding);
            writer.writeUInt16(ns);
            writer.writeUInt32(id);
        }
        return;
    }
    case NodeId::IdType::String:
        writer.writeByte(flags | StringEncoding);
        writer.writeUInt16(ns);
        writer.writeString(std::get<QString>(value.identifier));
        return;
    case NodeId::IdType::Guid:
        writer.writeByte(flags | GuidEncoding);
        writer.writeUInt16(ns);
        writeGuid(writer, std::get<QUuid>(value.identifier));
        return;
    case NodeId::IdType::Opaque:
        writer.writeByte(flags | ByteStringEncoding);
        writer.writeUInt16(ns);
        writer.writeByteString(std::get<QByteArray>(value.identifier));
        return;
    }
}

// The NodeId after its encoding byte, whose flag bits the caller has removed.
NodeId readNodeIdBody(Reader &reader, quint8 encoding, const char *what, qsizetype offset)
{
    NodeId id;
    switch (encoding) {
    case TwoByteEncoding:
        id.identifier = quint32(reader.readByte());
        break;
    case FourByteEncoding:
        id.namespaceIndex = reader.readByte();
        id.identifier = quint32(reader.readUInt16());
        break;
    case NumericEncoding:
        id.namespaceIndex = reader.readUInt16();
        id.identifier = reader.readUInt32();
        break;
    case StringEncoding:
        id.namespaceIndex = reader.readUInt16();
        id.identifier = reader.readString();
        break;
    case GuidEncoding:
        id.namespaceIndex = reader.readUInt16();
        id.identifier = readGuid(reader);
        break;
    case ByteStringEncoding:
        id.namespaceIndex = reader.readUInt16();
        id.identifier = reader.readByteString();
        break;
    default:
        reader.fail(what, offset,
                    QStringLiteral("unknown NodeId encoding %1").arg(hexByte(encoding)));
        break;
    }
    return reader.ok() ? id : NodeId();
}

} // namespace

void writeNodeId(Writer &writer, const NodeId &value)
{
    writeNodeIdWithFlags(writer, value, 0);
}

NodeId readNodeId(Reader &reader)
{
    const qsizetype offset = reader.position();
    const quint8 encoding = reader.readByte();
    if (!reader.ok())
        return NodeId();
    if (encoding & (NamespaceUriFlag | ServerIndexFlag)) {
        reader.fail(
            "NodeId", offset,
            QStringLiteral("encoding byte %1 carries ExpandedNodeId flags").arg(hexByte(encoding)));
        return NodeId();
    }
    return readNodeIdBody(reader, encoding, "NodeId", offset);
}

void writeExpandedNodeId(Writer &writer, const ExpandedNodeId &value)
{
    quint8 flags = 0;
    if (!value.namespaceUri.isEmpty())
        flags |= NamespaceUriFlag;
    if (value.serverIndex != 0)
        flags |= ServerIndexFlag;
    if (flags & NamespaceUriFlag) {
        NodeId withoutIndex = value.nodeId; // the URI replaces the index, written as 0
        withoutIndex.namespaceIndex = 0;
        writeNodeIdWithFlags(writer, withoutIndex, flags);
    } else {
        writeNodeIdWithFlags(writer, value.nodeId, flags);
    }
    if (flags & NamespaceUriFlag)
        writer.writeString(value.namespaceUri);
    if (flags & ServerIndexFlag)
        writer.writeUInt32(value.serverIndex);
}

ExpandedNodeId readExpandedNodeId(Reader &reader)
{
    const qsizetype offset = reader.position();
    const quint8 encoding = reader.readByte();
    if (!reader.ok())
        return ExpandedNodeId();
    ExpandedNodeId id;
    id.nodeId = readNodeIdBody(reader, encoding & NodeIdEncodingMask, "ExpandedNodeId", offset);
    if (encoding & NamespaceUriFlag)
        id.namespaceUri = reader.readString();
    if (encoding & ServerIndexFlag)
        id.serverIndex = reader.readUInt32();
    return reader.ok() ? id : ExpandedNodeId();
}

void writeStatusCode(Writer &writer, StatusCode value)
{
    writer.writeUInt32(value.code);
}

StatusCode readStatusCode(Reader &reader)
{
    return StatusCode{reader.readUInt32()};
}

void writeQualifiedName(Writer &writer, const QualifiedName &value)
{
    writer.writeUInt16(value.namespaceIndex);
    writer.writeString(value.name);
}

QualifiedName readQualifiedName(Reader &reader)
{
    QualifiedName name;
    name.namespaceIndex = reader.readUInt16();
    name.name = reader.readString();
    return reader.ok() ? name : QualifiedName();
}

void writeLocalizedText(Writer &writer, const LocalizedText &value)
{
    quint8 mask = 0;
    if (!value.locale.isEmpty())
        mask |= LocaleFlag;
    if (!value.text.isEmpty())
        mask |= TextFlag;
    writer.writeByte(mask);
    if (mask & LocaleFlag)
        writer.writeString(value.locale);
    if (mask & TextFlag)
        writer.writeString(value.text);
}

LocalizedText readLocalizedText(Reader &reader)
{
    // Unknown mask bits are ignored, as other stacks do; they carry no fields.
    const quint8 mask = reader.readByte();
    LocalizedText text;
    if (mask & LocaleFlag)
        text.locale = reader.readString();
    if (mask & TextFlag)
        text.text = reader.readString();
    return reader.ok() ? text : LocalizedText();
}

void writeExtensionObject(Writer &writer, const ExtensionObject &value)
{
    writeNodeId(writer, value.typeId);
    writer.writeByte(quint8(value.encoding));
    if (value.encoding != ExtensionObject::Encoding::None)
        writer.writeByteString(value.body);
}

ExtensionObject readExtensionObject(Reader &reader)
{
    const qsizetype offset = reader.position();
    const Reader::Nesting nesting(reader, "ExtensionObject", offset);
    if (!nesting.entered())
        return ExtensionObject();
    ExtensionObject object;
    object.typeId = readNodeId(reader);
    const quint8 encoding = reader.readByte();
    if (!reader.ok())
        return ExtensionObject();
    switch (encoding) {
    case quint8(ExtensionObject::Encoding::None):
        break;
    case quint8(ExtensionObject::Encoding::ByteString):
    case quint8(ExtensionObject::Encoding::Xml):
        object.encoding = ExtensionObject::Encoding(encoding);
        object.body = reader.readByteString("ExtensionObject");
        break;
    default:
        reader.fail("ExtensionObject", offset,
                    QStringLiteral("unknown body encoding %1").arg(hexByte(encoding)));
        break;
    }
    return reader.ok() ? object : ExtensionObject();
}

void writeDataValue(Writer &writer, const DataValue &value)
{
    // Picoseconds without their timestamp mean nothing; the decoder drops them too.
    const bool sourcePicoseconds = value.sourceTimestamp && value.sourcePicoseconds;
    const bool serverPicoseconds = value.serverTimestamp && value.serverPicoseconds;
    quint8 mask = 0;
    if (value.value)
        mask |= ValueFlag;
    if (value.status)
        mask |= StatusFlag;
    if (value.sourceTimestamp)
        mask |= SourceTimestampFlag;
    if (value.serverTimestamp)
        mask |= ServerTimestampFlag;
    if (sourcePicoseconds)
        mask |= SourcePicosecondsFlag;
    if (serverPicoseconds)
        mask |= ServerPicosecondsFlag;
    writer.writeByte(mask);
    if (value.value)
        writeVariant(writer, *value.value);
    if (value.status)
        writeStatusCode(writer, *value.status);
    if (value.sourceTimestamp)
        writeDateTime(writer, *value.sourceTimestamp);
    if (sourcePicoseconds)
        writer.writeUInt16(qMin(*value.sourcePicoseconds, MaxPicoseconds));
    if (value.serverTimestamp)
        writeDateTime(writer, *value.serverTimestamp);
    if (serverPicoseconds)
        writer.writeUInt16(qMin(*value.serverPicoseconds, MaxPicoseconds));
}

DataValue readDataValue(Reader &reader)
{
    const qsizetype offset = reader.position();
    const Reader::Nesting nesting(reader, "DataValue", offset);
    if (!nesting.entered())
        return DataValue();
    const quint8 mask = reader.readByte();
    DataValue value;
    if (mask & ValueFlag)
        value.value = readVariant(reader);
    if (mask & StatusFlag)
        value.status = readStatusCode(reader);
    if (mask & SourceTimestampFlag)
        value.sourceTimestamp = readDateTime(reader);
    if (mask & SourcePicosecondsFlag) {
        const quint16 picoseconds = qMin(reader.readUInt16(), MaxPicoseconds);
        if (value.sourceTimestamp)
            value.sourcePicoseconds = picoseconds;
    }
    if (mask & ServerTimestampFlag)
        value.serverTimestamp = readDateTime(reader);
    if (mask & ServerPicosecondsFlag) {
        const quint16 picoseconds = qMin(reader.readUInt16(), MaxPicoseconds);
        if (value.serverTimestamp)
            value.serverPicoseconds = picoseconds;
    }
    return reader.ok() ? value : DataValue();
}

void writeVariant(Writer &writer, const Variant &value)
{
    if (value.isNull() || !value.isValid()) {
        writer.writeByte(0);
        return;
    }
    quint8 mask = quint8(value.type());
    if (value.isArray())
        mask |= VariantArrayFlag;
    if (value.isMatrix())
        mask |= VariantDimensionsFlag;
    writer.writeByte(mask);
    if (!value.isArray()) {
        writeValue(writer, value.value());
        return;
    }
    writer.writeInt32(value.isNullArray() ? -1 : qint32(value.size()));
    for (const Value &element : value.values())
        writeValue(writer, element);
    if (value.isMatrix()) {
        writer.writeInt32(qint32(value.dimensions().size()));
        for (const qint32 dimension : value.dimensions())
            writer.writeInt32(dimension);
    }
}

Variant readVariant(Reader &reader)
{
    const qsizetype offset = reader.position();
    const Reader::Nesting nesting(reader, "Variant", offset);
    if (!nesting.entered())
        return Variant();
    const quint8 mask = reader.readByte();
    if (!reader.ok())
        return Variant();
    const quint8 typeId = mask & VariantTypeMask;
    if (typeId > LastReservedTypeId) {
        reader.fail("Variant", offset, QStringLiteral("unknown built-in type id %1").arg(typeId));
        return Variant();
    }
    const auto type = BuiltInType(typeId);
    const bool isArray = mask & VariantArrayFlag;
    if (type == BuiltInType::Null) {
        if (mask != 0) {
            reader.fail("Variant", offset,
                        QStringLiteral("encoding mask %1 has array flags on the Null type")
                            .arg(hexByte(mask)));
        }
        return Variant();
    }
    if ((mask & VariantDimensionsFlag) && !isArray) {
        reader.fail("Variant", offset,
                    QStringLiteral("encoding mask %1 has array dimensions but no array")
                        .arg(hexByte(mask)));
        return Variant();
    }

    Variant variant;
    variant.m_type = type;
    if (!isArray) {
        if (type == BuiltInType::Variant) {
            reader.fail("Variant", offset,
                        QStringLiteral("a Variant cannot hold a scalar Variant"));
            return Variant();
        }
        variant.m_values.append(readValue(reader, type));
        return reader.ok() ? variant : Variant();
    }

    variant.m_isArray = true;
    const qint32 length = reader.readArrayLength("Variant", offset, minimumEncodedSize(type));
    if (!reader.ok())
        return Variant();
    variant.m_isNullArray = length < 0;
    // Grow with what actually decodes rather than trusting the length up front.
    variant.m_values.reserve(qBound(0, length, 4096));
    for (qint32 i = 0; i < length; ++i) {
        variant.m_values.append(readValue(reader, type));
        if (!reader.ok())
            return Variant();
    }
    if (mask & VariantDimensionsFlag) {
        const qint32 count = reader.readArrayLength("Variant ArrayDimensions", offset, 4);
        for (qint32 i = 0; i < count; ++i)
            variant.m_dimensions.append(reader.readInt32());
        if (!reader.ok())
            return Variant();
        if (!variant.m_dimensions.isEmpty() &&
            !dimensionsMatch(variant.m_dimensions, variant.m_values.size())) {
            reader.fail("Variant", offset,
                        QStringLiteral("array dimensions %1 do not match the array length %2")
                            .arg(describeDimensions(variant.m_dimensions))
                            .arg(variant.m_values.size()));
            return Variant();
        }
    }
    return variant;
}

void writeDiagnosticInfo(Writer &writer, const DiagnosticInfo &value)
{
    quint8 mask = 0;
    if (value.symbolicId)
        mask |= SymbolicIdFlag;
    if (value.namespaceUri)
        mask |= NamespaceUriIndexFlag;
    if (value.localizedText)
        mask |= LocalizedTextIndexFlag;
    if (value.locale)
        mask |= LocaleIndexFlag;
    if (!value.additionalInfo.isNull())
        mask |= AdditionalInfoFlag;
    if (value.innerStatusCode)
        mask |= InnerStatusCodeFlag;
    if (!value.innerDiagnosticInfo.isEmpty())
        mask |= InnerDiagnosticInfoFlag;
    writer.writeByte(mask);
    // The field order of Table 11/16 puts Locale before LocalizedText, unlike the mask.
    if (value.symbolicId)
        writer.writeInt32(*value.symbolicId);
    if (value.namespaceUri)
        writer.writeInt32(*value.namespaceUri);
    if (value.locale)
        writer.writeInt32(*value.locale);
    if (value.localizedText)
        writer.writeInt32(*value.localizedText);
    if (!value.additionalInfo.isNull())
        writer.writeString(value.additionalInfo);
    if (value.innerStatusCode)
        writeStatusCode(writer, *value.innerStatusCode);
    if (!value.innerDiagnosticInfo.isEmpty())
        writeDiagnosticInfo(writer, *value.innerDiagnosticInfo);
}

DiagnosticInfo readDiagnosticInfo(Reader &reader)
{
    const qsizetype offset = reader.position();
    const Reader::Nesting nesting(reader, "DiagnosticInfo", offset);
    if (!nesting.entered())
        return DiagnosticInfo();
    const quint8 mask = reader.readByte();
    DiagnosticInfo info;
    if (mask & SymbolicIdFlag)
        info.symbolicId = reader.readInt32();
    if (mask & NamespaceUriIndexFlag)
        info.namespaceUri = reader.readInt32();
    if (mask & LocaleIndexFlag)
        info.locale = reader.readInt32();
    if (mask & LocalizedTextIndexFlag)
        info.localizedText = reader.readInt32();
    if (mask & AdditionalInfoFlag)
        info.additionalInfo = reader.readString();
    if (mask & InnerStatusCodeFlag)
        info.innerStatusCode = readStatusCode(reader);
    if (mask & InnerDiagnosticInfoFlag)
        info.innerDiagnosticInfo = readDiagnosticInfo(reader);
    return reader.ok() ? info : DiagnosticInfo();
}

void writeValue(Writer &writer, const Value &value)
{
    switch (typeOf(value)) {
    case BuiltInType::Null:
        return;
    case BuiltInType::Boolean:
        return writer.writeBoolean(std::get<bool>(value));
    case BuiltInType::SByte:
        return writer.writeSByte(std::get<qint8>(value));
    case BuiltInType::Byte:
        return writer.writeByte(std::get<quint8>(value));
    case BuiltInType::Int16:
        return writer.writeInt16(std::get<qint16>(value));
    case BuiltInType::UInt16:
        return writer.writeUInt16(std::get<quint16>(value));
    case BuiltInType::Int32:
        return writer.writeInt32(std::get<qint32>(value));
    case BuiltInType::UInt32:
        return writer.writeUInt32(std::get<quint32>(value));
    case BuiltInType::Int64:
        return writer.writeInt64(std::get<qint64>(value));
    case BuiltInType::UInt64:
        return writer.writeUInt64(std::get<quint64>(value));
    case BuiltInType::Float:
        return writer.writeFloat(std::get<float>(value));
    case BuiltInType::Double:
        return writer.writeDouble(std::get<double>(value));
    case BuiltInType::String:
        return writer.writeString(std::get<QString>(value));
    case BuiltInType::DateTime:
        return writeDateTime(writer, std::get<DateTime>(value));
    case BuiltInType::Guid:
        return writeGuid(writer, std::get<QUuid>(value));
    case BuiltInType::ByteString:
        return writer.writeByteString(std::get<QByteArray>(value));
    case BuiltInType::XmlElement:
        return writeXmlElement(writer, std::get<XmlElement>(value));
    case BuiltInType::NodeId:
        return writeNodeId(writer, std::get<NodeId>(value));
    case BuiltInType::ExpandedNodeId:
        return writeExpandedNodeId(writer, std::get<ExpandedNodeId>(value));
    case BuiltInType::StatusCode:
        return writeStatusCode(writer, std::get<StatusCode>(value));
    case BuiltInType::QualifiedName:
        return writeQualifiedName(writer, std::get<QualifiedName>(value));
    case BuiltInType::LocalizedText:
        return writeLocalizedText(writer, std::get<LocalizedText>(value));
    case BuiltInType::ExtensionObject:
        return writeExtensionObject(writer, std::get<ExtensionObject>(value));
    case BuiltInType::DataValue:
        return writeDataValue(writer, *std::get<Box<DataValue>>(value));
    case BuiltInType::Variant:
        return writeVariant(writer, *std::get<Box<Variant>>(value));
    case BuiltInType::DiagnosticInfo:
        return writeDiagnosticInfo(writer, *std::get<Box<DiagnosticInfo>>(value));
    }
}

Value readValue(Reader &reader, BuiltInType type)
{
    switch (type) {
    case BuiltInType::Null:
        return Value();
    case BuiltInType::Boolean:
        return reader.readBoolean();
    case BuiltInType::SByte:
        return reader.readSByte();
    case BuiltInType::Byte:
        return reader.readByte();
    case BuiltInType::Int16:
        return reader.readInt16();
    case BuiltInType::UInt16:
        return reader.readUInt16();
    case BuiltInType::Int32:
        return reader.readInt32();
    case BuiltInType::UInt32:
        return reader.readUInt32();
    case BuiltInType::Int64:
        return reader.readInt64();
    case BuiltInType::UInt64:
        return reader.readUInt64();
    case BuiltInType::Float:
        return reader.readFloat();
    case BuiltInType::Double:
        return reader.readDouble();
    case BuiltInType::String:
        return reader.readString();
    case BuiltInType::DateTime:
        return readDateTime(reader);
    case BuiltInType::Guid:
        return readGuid(reader);
    case BuiltInType::ByteString:
        return reader.readByteString();
    case BuiltInType::XmlElement:
        return readXmlElement(reader);
    case BuiltInType::NodeId:
        return readNodeId(reader);
    case BuiltInType::ExpandedNodeId:
        return readExpandedNodeId(reader);
    case BuiltInType::StatusCode:
        return readStatusCode(reader);
    case BuiltInType::QualifiedName:
        return readQualifiedName(reader);
    case BuiltInType::LocalizedText:
        return readLocalizedText(reader);
    case BuiltInType::ExtensionObject:
        return readExtensionObject(reader);
    case BuiltInType::DataValue:
        return Box<DataValue>(readDataValue(reader));
    case BuiltInType::Variant:
        return Box<Variant>(readVariant(reader));
    case BuiltInType::DiagnosticInfo:
        return Box<DiagnosticInfo>(readDiagnosticInfo(reader));
    }
    if (quint8(type) <= LastReservedTypeId)
        return reader.readByteString();
    reader.fail("Value", reader.position(),
                QStringLiteral("unknown built-in type id %1").arg(quint8(type)));
    return Value();
}

} // namespace tandem::opcua
