#include "types.h"
#include "types_p.h"

#include <QtEndian>

#include <cstring>

namespace tandem::opcua {

using detail::hexByte;

namespace {

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

// LocalizedText mask (5.2.2.14).
constexpr quint8 LocaleFlag = 0x01;
constexpr quint8 TextFlag = 0x02;

} // namespace

namespace detail {

QString hexByte(quint8 value)
{
    return QStringLiteral("0x%1").arg(value, 2, 16, QLatin1Char('0'));
}

} // namespace detail

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

} // namespace tandem::opcua
