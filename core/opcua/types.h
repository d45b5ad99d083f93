#pragma once

// The OPC UA built-in types (OPC 10000-6, 5.1.2) and their OPC UA Binary encoding (5.2.2).
// Values are plain structures; writeX() appends one to a Writer, readX() decodes one from
// a Reader within its Limits. Decoders never throw: they return default values once the
// reader has failed, so a caller checks reader.ok() after a whole structure.

#include "binarycodec.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>
#include <QVariant>

#include <limits>
#include <memory>
#include <optional>
#include <type_traits>
#include <variant>

namespace tandem::opcua {

// Built-in type ids (OPC 10000-6, Table 1). A Variant's encoding mask carries them in
// its low 6 bits. Ids 26..31 are reserved: a decoder must accept them and treat the value
// as ByteString(s) (5.2.2.16), so a BuiltInType may hold those values too.
enum class BuiltInType : quint8
{
    Null = 0,
    Boolean = 1,
    SByte = 2,
    Byte = 3,
    Int16 = 4,
    UInt16 = 5,
    Int32 = 6,
    UInt32 = 7,
    Int64 = 8,
    UInt64 = 9,
    Float = 10,
    Double = 11,
    String = 12,
    DateTime = 13,
    Guid = 14,
    ByteString = 15,
    XmlElement = 16,
    NodeId = 17,
    ExpandedNodeId = 18,
    StatusCode = 19,
    QualifiedName = 20,
    LocalizedText = 21,
    ExtensionObject = 22,
    DataValue = 23,
    Variant = 24,
    DiagnosticInfo = 25,
};
constexpr quint8 LastBuiltInTypeId = 25;
constexpr quint8 LastReservedTypeId = 31;

// "Int32", "DataValue", "reserved type 27".
QString builtInTypeName(BuiltInType type);

// A heap-allocated T with value semantics (deep copy, deep comparison), so the recursive
// types (a Variant holding DataValues holding Variants...) can live in a std::variant.
// An empty Box (default-constructed or moved-from) reads as a default T.
template <typename T> class Box
{
public:
    Box() = default;
    Box(T value)
        : m_ptr(std::make_unique<T>(std::move(value)))
    {}
    Box(const Box &other)
        : m_ptr(other.m_ptr ? std::make_unique<T>(*other.m_ptr) : nullptr)
    {}
    Box(Box &&other) noexcept = default;
    Box &operator=(const Box &other)
    {
        if (this != &other)
            m_ptr = other.m_ptr ? std::make_unique<T>(*other.m_ptr) : nullptr;
        return *this;
    }
    Box &operator=(Box &&other) noexcept = default;
    ~Box() = default;

    bool isEmpty() const { return !m_ptr; }
    const T &get() const
    {
        if (m_ptr)
            return *m_ptr;
        static const T empty;
        return empty;
    }
    const T &operator*() const { return get(); }
    const T *operator->() const { return &get(); }
    T &edit()
    {
        if (!m_ptr)
            m_ptr = std::make_unique<T>();
        return *m_ptr;
    }

    friend bool operator==(const Box &a, const Box &b)
    {
        return a.isEmpty() == b.isEmpty() && (a.isEmpty() || *a.m_ptr == *b.m_ptr);
    }

private:
    std::unique_ptr<T> m_ptr;
};

// Guid (5.2.2.7): Data1..Data3 little-endian, Data4 as bytes; QUuid has the same fields.
using Guid = QUuid;

// 100 ns ticks since 1601-01-01 00:00 UTC (5.2.2.5), kept exactly as on the wire.
struct DateTime
{
    static constexpr qint64 MaxTicks = std::numeric_limits<qint64>::max();
    static constexpr qint64 TicksAtUnixEpoch = 116444736000000000; // 1970-01-01 UTC

    qint64 ticks = 0;

    // DateTime.MinValue and MaxValue: 0 (or anything earlier, which is not valid on the
    // wire) and Int64 max. The spec says to treat both as invalid date/times.
    bool isMin() const { return ticks <= 0; }
    bool isMax() const { return ticks == MaxTicks; }
    // UTC, truncated to milliseconds; an invalid QDateTime for isMin() and isMax().
    QDateTime toQDateTime() const;
    // The encoder rules of 5.2.2.5: invalid or at/before 1601-01-01 00:00 UTC gives 0,
    // at/after 9999-12-31 23:59:59 UTC gives Int64 max.
    static DateTime fromQDateTime(const QDateTime &dateTime);

    friend auto operator<=>(const DateTime &, const DateTime &) = default;
};

// XmlElement (5.2.2.8): an XML fragment as UTF-8, encoded like a ByteString.
struct XmlElement
{
    QByteArray xml;

    friend bool operator==(const XmlElement &, const XmlElement &) = default;
};

// NodeId (5.2.2.9). The encoder picks the smallest of the six wire forms (TwoByte,
// FourByte, Numeric, String, Guid, ByteString) that holds the value.
struct NodeId
{
    enum class IdType : quint8
    {
        Numeric = 0,
        String = 1,
        Guid = 2,
        Opaque = 3, // ByteString
    };
    using Identifier = std::variant<quint32, QString, QUuid, QByteArray>;

    quint16 namespaceIndex = 0;
    Identifier identifier = quint32(0);

    NodeId() = default;
    NodeId(quint16 ns, quint32 id)
        : namespaceIndex(ns)
        , identifier(id)
    {}
    NodeId(quint16 ns, const QString &id)
        : namespaceIndex(ns)
        , identifier(id)
    {}
    NodeId(quint16 ns, const QUuid &id)
        : namespaceIndex(ns)
        , identifier(id)
    {}
    NodeId(quint16 ns, const QByteArray &opaqueId)
        : namespaceIndex(ns)
        , identifier(opaqueId)
    {}

    IdType idType() const { return IdType(identifier.index()); }
    // Namespace 0 and a zero/empty identifier (OPC 10000-3, 8.2.4).
    bool isNull() const;
    // The text form of OPC 10000-6, 5.3.1.10: "i=2256", "ns=2;s=Line 1", "ns=1;g=…",
    // "ns=1;b=<base64>".
    QString toString() const;
    static std::optional<NodeId> fromString(QStringView text);

    friend bool operator==(const NodeId &, const NodeId &) = default;
};

// ExpandedNodeId (5.2.2.10): flag 0x80 adds a namespace URI, 0x40 a server index. With
// either flag the encoder writes numeric ids in the full Numeric form.
struct ExpandedNodeId
{
    NodeId nodeId;
    QString namespaceUri;    // encoded when not empty, nodeId's namespace index then as 0
    quint32 serverIndex = 0; // encoded when not 0

    QString toString() const; // "svr=1;nsu=urn:x;s=Tag" or just the NodeId's form

    friend bool operator==(const ExpandedNodeId &, const ExpandedNodeId &) = default;
};

// StatusCode (5.2.2.11, OPC 10000-4 7.39): the top two bits give the severity.
struct StatusCode
{
    quint32 code = 0; // Good

    bool isGood() const { return (code >> 30) == 0; }
    bool isUncertain() const { return (code >> 30) == 1; }
    bool isBad() const { return (code >> 30) >= 2; }
    QString toString() const; // "0x80340000"

    friend auto operator<=>(const StatusCode &, const StatusCode &) = default;
};

// QualifiedName (5.2.2.13).
struct QualifiedName
{
    quint16 namespaceIndex = 0;
    QString name;

    QString toString() const; // "Name" in namespace 0, else "2:Name"

    friend bool operator==(const QualifiedName &, const QualifiedName &) = default;
};

// LocalizedText (5.2.2.14): locale and text are each encoded only when not empty, and
// decode to null strings when absent.
struct LocalizedText
{
    QString locale;
    QString text;

    friend bool operator==(const LocalizedText &, const LocalizedText &) = default;
};

// ExtensionObject (5.2.2.15): a structure this codec does not know, kept as its encoding
// NodeId and opaque body bytes; the service layer decodes the types it knows from body.
struct ExtensionObject
{
    enum class Encoding : quint8
    {
        None = 0x00,       // no body (a null ExtensionObject has a null typeId too)
        ByteString = 0x01, // body is the OPC UA Binary encoding of the structure
        Xml = 0x02,        // body is an XmlElement (UTF-8)
    };

    NodeId typeId;
    Encoding encoding = Encoding::None;
    QByteArray body; // ignored and not written when encoding is None

    friend bool operator==(const ExtensionObject &, const ExtensionObject &) = default;
};

struct DataValue;
class Variant;
struct DiagnosticInfo;

// One value of a built-in type. The alternative's index is the BuiltInType id, so
// typeOf() needs no table: Value(qint32(5)) is an Int32, Value(5.0) a Double,
// Value(QString()) a (null) String. Null is std::monostate.
using Value =
    std::variant<std::monostate, bool, qint8, quint8, qint16, quint16, qint32, quint32, qint64,
                 quint64, float, double, QString, DateTime, Guid, QByteArray, XmlElement, NodeId,
                 ExpandedNodeId, StatusCode, QualifiedName, LocalizedText, ExtensionObject,
                 Box<DataValue>, Box<Variant>, Box<DiagnosticInfo>>;
static_assert(std::variant_size_v<Value> == LastBuiltInTypeId + 1);

inline BuiltInType typeOf(const Value &value)
{
    return BuiltInType(value.index());
}
// Boolean (0/1) and the numeric types, also inside a scalar Variant or DataValue;
// nullopt for anything else, strings included.
std::optional<double> toDouble(const Value &value);
// Text for logs, events and the UI: numbers in their shortest exact form, DateTime as
// ISO 8601 UTC, ByteString as base64, LocalizedText as its text, NodeId in text form.
QString toDisplayString(const Value &value);
// The closest Qt type: integers as int/uint/qlonglong/qulonglong, Float/Double,
// QString, QDateTime, QUuid, QByteArray; NodeIds and names as text; arrays as lists.
QVariant toQVariant(const Value &value);

// Variant (5.2.2.16): Null, a scalar, a one-dimensional array or a matrix (an array with
// dimensions, elements flattened with the last index varying fastest) of one built-in
// type. Invariants, checked by isValid() and always true of a decoded Variant: every
// element's typeOf() is type() (ByteString for the reserved ids), a scalar holds exactly
// one element and is not itself a Variant, and dimensions multiply to size().
class Variant
{
public:
    Variant() = default; // Null

    // A scalar holding this value: Variant(2.5), Variant(qint32(7)), Variant(u"x"_s);
    // Null for std::monostate. Mind that a const char * makes a ByteString.
    Variant(Value scalar);

    static Variant array(BuiltInType elementType, QList<Value> values);
    static Variant nullArray(BuiltInType elementType); // length -1 on the wire
    static Variant matrix(BuiltInType elementType, QList<Value> values, QList<qint32> dimensions);

    BuiltInType type() const { return m_type; }
    bool isNull() const { return m_type == BuiltInType::Null; }
    bool isScalar() const { return !isNull() && !m_isArray; }
    bool isArray() const { return m_isArray; }
    bool isNullArray() const { return m_isNullArray; }
    bool isMatrix() const { return !m_dimensions.isEmpty(); }
    const QList<qint32> &dimensions() const { return m_dimensions; }
    const QList<Value> &values() const { return m_values; }
    qsizetype size() const { return m_values.size(); }
    // The element at index (the scalar at 0); Null when out of range.
    const Value &value(qsizetype index = 0) const;
    bool isValid() const;

    // The scalar as a number (see opcua::toDouble); nullopt for Null and arrays.
    std::optional<double> toDouble() const;
    // The scalar's display text, "[1, 2, 3]" for an array, empty for Null.
    QString toString() const;
    // The scalar's closest Qt type, a QVariantList for an array, invalid for Null.
    QVariant toQVariant() const;

    friend bool operator==(const Variant &a, const Variant &b);

private:
    friend Variant readVariant(Reader &reader);

    BuiltInType m_type = BuiltInType::Null;
    bool m_isArray = false;
    bool m_isNullArray = false;
    QList<qint32> m_dimensions;
    QList<Value> m_values;
};

// DataValue (5.2.2.17): each field is encoded only when present. Picoseconds are only
// kept with their timestamp and never above 9999, as the spec tells decoders.
struct DataValue
{
    std::optional<Variant> value;
    std::optional<StatusCode> status; // absent means Good
    std::optional<DateTime> sourceTimestamp;
    std::optional<quint16> sourcePicoseconds;
    std::optional<DateTime> serverTimestamp;
    std::optional<quint16> serverPicoseconds;

    StatusCode statusCode() const { return status.value_or(StatusCode()); }

    friend bool operator==(const DataValue &, const DataValue &) = default;
};

// DiagnosticInfo (5.2.2.12). The four Int32 fields index the response header's string
// table. Recursive through innerDiagnosticInfo, bounded by Limits::maxDepth.
struct DiagnosticInfo
{
    std::optional<qint32> symbolicId;
    std::optional<qint32> namespaceUri;
    std::optional<qint32> locale;
    std::optional<qint32> localizedText;
    QString additionalInfo; // null: absent
    std::optional<StatusCode> innerStatusCode;
    Box<DiagnosticInfo> innerDiagnosticInfo; // empty: absent

    friend bool operator==(const DiagnosticInfo &, const DiagnosticInfo &) = default;
};

void writeGuid(Writer &writer, const Guid &value);
Guid readGuid(Reader &reader);
void writeDateTime(Writer &writer, DateTime value);
DateTime readDateTime(Reader &reader);
void writeXmlElement(Writer &writer, const XmlElement &value);
XmlElement readXmlElement(Reader &reader);
void writeNodeId(Writer &writer, const NodeId &value);
NodeId readNodeId(Reader &reader);
void writeExpandedNodeId(Writer &writer, const ExpandedNodeId &value);
ExpandedNodeId readExpandedNodeId(Reader &reader);
void writeStatusCode(Writer &writer, StatusCode value);
StatusCode readStatusCode(Reader &reader);
void writeQualifiedName(Writer &writer, const QualifiedName &value);
QualifiedName readQualifiedName(Reader &reader);
void writeLocalizedText(Writer &writer, const LocalizedText &value);
LocalizedText readLocalizedText(Reader &reader);
void writeExtensionObject(Writer &writer, const ExtensionObject &value);
ExtensionObject readExtensionObject(Reader &reader);
void writeDataValue(Writer &writer, const DataValue &value);
DataValue readDataValue(Reader &reader);
// An invalid Variant (see isValid()) is written as Null, so the output stays decodable.
void writeVariant(Writer &writer, const Variant &value);
Variant readVariant(Reader &reader);
void writeDiagnosticInfo(Writer &writer, const DiagnosticInfo &value);
DiagnosticInfo readDiagnosticInfo(Reader &reader);

// One value as its own built-in type (Null writes nothing), as a Variant encodes elements.
void writeValue(Writer &writer, const Value &value);
// One value of the given type; reserved ids read a ByteString, Null reads nothing.
Value readValue(Reader &reader, BuiltInType type);

} // namespace tandem::opcua
