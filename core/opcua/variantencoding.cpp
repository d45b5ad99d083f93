#include "types.h"
#include "types_p.h"

#include <QStringList>

namespace tandem::opcua {

using detail::dimensionsMatch;
using detail::hexByte;

namespace {

// Variant encoding mask (OPC 10000-6, 5.2.2.16).
constexpr quint8 VariantTypeMask = 0x3F;
constexpr quint8 VariantDimensionsFlag = 0x40;
constexpr quint8 VariantArrayFlag = 0x80;

// DataValue (5.2.2.17) and DiagnosticInfo (5.2.2.12) masks.
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

QString describeDimensions(const QList<qint32> &dimensions)
{
    QStringList parts;
    for (qsizetype i = 0; i < dimensions.size() && i < 8; ++i)
        parts.append(QString::number(dimensions[i]));
    if (dimensions.size() > 8)
        parts.append(QStringLiteral("… (%1 in all)").arg(dimensions.size()));
    return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
}

} // namespace

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
