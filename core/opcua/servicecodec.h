#pragma once

// The OPC UA Binary encoding of service structures (OPC 10000-6, 5.2.6). Each structure
// names its fields once, in wire order, with TANDEM_OPCUA_FIELDS; encode() and decode() walk
// that list, so a structure is declared and never hand-encoded. encodeMessage() prefixes a
// body with its type's DefaultBinary encoding id (BinaryEncodingId) as the Secure
// Conversation requires, and fromExtensionObject() decodes a known structure inside an
// ExtensionObject.

#include "binarycodec.h"
#include "statuscodes.h"
#include "types.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <concepts>
#include <optional>
#include <type_traits>

namespace tandem::opcua {

#define TANDEM_OPCUA_FIELDS(...)                                                                   \
    template <typename V> void visitFields(V &&visitor)                                            \
    {                                                                                              \
        visitor(__VA_ARGS__);                                                                      \
    }                                                                                              \
    template <typename V> void visitFields(V &&visitor) const                                      \
    {                                                                                              \
        visitor(__VA_ARGS__);                                                                      \
    }

// Generic encoding of the structures, element types and QList arrays.
template <typename T>
concept Structure = requires(const T &value)
{
    value.visitFields([](const auto &...) {});
};

template <typename T> struct IsList : std::false_type
{
};
template <typename T> struct IsList<QList<T>> : std::true_type
{
    using Element = T;
};

template <typename T> void encode(Writer &w, const T &value);
template <typename T> void decode(Reader &r, T &value);

template <typename T> void encode(Writer &w, const T &value)
{
    if constexpr (std::is_same_v<T, bool>)
        w.writeBoolean(value);
    else if constexpr (std::is_same_v<T, quint8>)
        w.writeByte(value);
    else if constexpr (std::is_same_v<T, quint16>)
        w.writeUInt16(value);
    else if constexpr (std::is_same_v<T, qint32>)
        w.writeInt32(value);
    else if constexpr (std::is_same_v<T, quint32>)
        w.writeUInt32(value);
    else if constexpr (std::is_same_v<T, double>)
        w.writeDouble(value);
    else if constexpr (std::is_same_v<T, QString>)
        w.writeString(value);
    else if constexpr (std::is_same_v<T, QByteArray>)
        w.writeByteString(value);
    else if constexpr (std::is_enum_v<T>)
        w.writeInt32(qint32(value));
    else if constexpr (std::is_same_v<T, DateTime>)
        writeDateTime(w, value);
    else if constexpr (std::is_same_v<T, NodeId>)
        writeNodeId(w, value);
    else if constexpr (std::is_same_v<T, ExpandedNodeId>)
        writeExpandedNodeId(w, value);
    else if constexpr (std::is_same_v<T, StatusCode>)
        writeStatusCode(w, value);
    else if constexpr (std::is_same_v<T, QualifiedName>)
        writeQualifiedName(w, value);
    else if constexpr (std::is_same_v<T, LocalizedText>)
        writeLocalizedText(w, value);
    else if constexpr (std::is_same_v<T, ExtensionObject>)
        writeExtensionObject(w, value);
    else if constexpr (std::is_same_v<T, DataValue>)
        writeDataValue(w, value);
    else if constexpr (std::is_same_v<T, Variant>)
        writeVariant(w, value);
    else if constexpr (std::is_same_v<T, DiagnosticInfo>)
        writeDiagnosticInfo(w, value);
    else if constexpr (IsList<T>::value) {
        w.writeInt32(qint32(value.size()));
        for (const auto &element : value)
            encode(w, element);
    } else {
        static_assert(Structure<T>, "not an OPC UA type this codec knows");
        value.visitFields([&w](const auto &...fields) { (encode(w, fields), ...); });
    }
}

// The fewest bytes one element of T takes on the wire, so an array length can be checked
// against the bytes left before anything is allocated.
template <typename T> constexpr qsizetype minEncodedSize()
{
    if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, quint8>)
        return 1;
    else if constexpr (std::is_same_v<T, quint16>)
        return 2;
    else if constexpr (std::is_same_v<T, qint32> || std::is_same_v<T, quint32> ||
                       std::is_same_v<T, StatusCode> || std::is_enum_v<T> ||
                       std::is_same_v<T, QString> || std::is_same_v<T, QByteArray>)
        return 4;
    else if constexpr (std::is_same_v<T, double> || std::is_same_v<T, DateTime>)
        return 8;
    else
        return 1;
}

// Elements a list decoder reserves up front at most, whatever its length says.
constexpr qint32 MaxListReservation = 256;

template <typename T> void decode(Reader &r, T &value)
{
    if constexpr (std::is_same_v<T, bool>)
        value = r.readBoolean();
    else if constexpr (std::is_same_v<T, quint8>)
        value = r.readByte();
    else if constexpr (std::is_same_v<T, quint16>)
        value = r.readUInt16();
    else if constexpr (std::is_same_v<T, qint32>)
        value = r.readInt32();
    else if constexpr (std::is_same_v<T, quint32>)
        value = r.readUInt32();
    else if constexpr (std::is_same_v<T, double>)
        value = r.readDouble();
    else if constexpr (std::is_same_v<T, QString>)
        value = r.readString();
    else if constexpr (std::is_same_v<T, QByteArray>)
        value = r.readByteString();
    else if constexpr (std::is_enum_v<T>)
        value = T(r.readInt32()); // unknown values are kept; users compare, never index
    else if constexpr (std::is_same_v<T, DateTime>)
        value = readDateTime(r);
    else if constexpr (std::is_same_v<T, NodeId>)
        value = readNodeId(r);
    else if constexpr (std::is_same_v<T, ExpandedNodeId>)
        value = readExpandedNodeId(r);
    else if constexpr (std::is_same_v<T, StatusCode>)
        value = readStatusCode(r);
    else if constexpr (std::is_same_v<T, QualifiedName>)
        value = readQualifiedName(r);
    else if constexpr (std::is_same_v<T, LocalizedText>)
        value = readLocalizedText(r);
    else if constexpr (std::is_same_v<T, ExtensionObject>)
        value = readExtensionObject(r);
    else if constexpr (std::is_same_v<T, DataValue>)
        value = readDataValue(r);
    else if constexpr (std::is_same_v<T, Variant>)
        value = readVariant(r);
    else if constexpr (std::is_same_v<T, DiagnosticInfo>)
        value = readDiagnosticInfo(r);
    else if constexpr (IsList<T>::value) {
        using Element = typename IsList<T>::Element;
        value.clear();
        const qint32 count =
            r.readArrayLength("array", r.position(), minEncodedSize<Element>()); // -1: null
        // Grown with what decodes, from a small start: a length the bytes could hold is no
        // reason to reserve that many elements, each of which takes far more memory than
        // the byte or two of its smallest encoding (a million ReadValueIds: ~100 MB).
        if (count > 0)
            value.reserve(std::min(count, MaxListReservation));
        for (qint32 i = 0; i < count && r.ok(); ++i)
            decode(r, value.emplace_back());
    } else {
        static_assert(Structure<T>, "not an OPC UA type this codec knows");
        value.visitFields([&r](auto &...fields) { (decode(r, fields), ...); });
    }
}

// A service message body: the NodeId of the type's DefaultBinary encoding, then the type.
template <typename T> QByteArray encodeMessage(const T &message)
{
    Writer w;
    writeNodeId(w, NodeId(0, T::BinaryEncodingId));
    encode(w, message);
    return w.take();
}

// Reads the encoding id at the start of a message body; 0 when it is not a numeric id
// of namespace 0 (no message of this stack has another).
quint32 readMessageTypeId(Reader &r);

// Decodes the rest of a message body as T; false (with *error set) when the bytes do not
// form exactly one T.
template <typename T> bool decodeMessageBody(Reader &r, T *message, QString *error)
{
    decode(r, *message);
    if (r.ok() && !r.atEnd())
        r.fail("message", r.position(),
               QStringLiteral("%1 bytes after its end").arg(r.remaining()));
    if (!r.ok() && error)
        *error = r.error();
    return r.ok();
}

template <typename T> ExtensionObject toExtensionObject(const T &value)
{
    Writer w;
    encode(w, value);
    return {NodeId(0, T::BinaryEncodingId), ExtensionObject::Encoding::ByteString, w.take()};
}

// The structure inside an ExtensionObject when it is a T in the binary encoding.
template <typename T>
std::optional<T> fromExtensionObject(const ExtensionObject &object, const Limits &limits = {})
{
    if (object.encoding != ExtensionObject::Encoding::ByteString ||
        object.typeId != NodeId(0, T::BinaryEncodingId))
        return std::nullopt;
    Reader r(object.body, limits);
    T value;
    decode(r, value);
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return value;
}

} // namespace tandem::opcua
