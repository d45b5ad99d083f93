#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <utility>

namespace tandem::opcua {

// Bounds a Reader enforces before it allocates anything, so a peer cannot make us reserve
// memory or recurse on the strength of a length field alone (OPC 10000-6, 5.2).
struct Limits
{
    qint32 maxStringLength = 1 << 24;     // bytes of one String (UTF-8)
    qint32 maxByteStringLength = 1 << 24; // one ByteString, XmlElement or ExtensionObject body
    qint32 maxArrayLength = 1 << 20;      // elements of one array (also array dimensions)
    // Nesting of Variant, DataValue, ExtensionObject and DiagnosticInfo inside each other.
    int maxDepth = 32;
};

// Appends OPC UA Binary encoded values (little-endian, OPC 10000-6 5.2.2) to a buffer.
// Writing cannot fail; the composite types are written by the functions in types.h.
class Writer final
{
public:
    Writer() = default;

    const QByteArray &data() const { return m_data; }
    QByteArray take() { return std::exchange(m_data, QByteArray()); }
    qsizetype size() const { return m_data.size(); }

    void writeBoolean(bool value) { writeByte(value ? 1 : 0); }
    void writeSByte(qint8 value) { writeByte(quint8(value)); }
    void writeByte(quint8 value) { m_data.append(char(value)); }
    void writeInt16(qint16 value);
    void writeUInt16(quint16 value);
    void writeInt32(qint32 value);
    void writeUInt32(quint32 value);
    void writeInt64(qint64 value);
    void writeUInt64(quint64 value);
    void writeFloat(float value); // IEEE 754 bits as they are, NaN payloads included
    void writeDouble(double value);
    // A null QString is written with length -1, an empty one with length 0.
    void writeString(const QString &value);
    // A null QByteArray is written with length -1, an empty one with length 0.
    void writeByteString(const QByteArray &value);
    // Bytes without a length prefix.
    void writeRaw(QByteArrayView bytes) { m_data.append(bytes); }

private:
    QByteArray m_data;
};

// Reads OPC UA Binary encoded values from a byte view it does not own. The first failure
// is sticky: ok() turns false, error() says what failed at which offset, the position
// stays there and every later read returns a default value. Callers check ok() once
// after decoding a whole structure instead of after every field.
class Reader final
{
public:
    explicit Reader(QByteArrayView data, const Limits &limits = Limits());
    // The reader only views its data: a temporary QByteArray would be gone before the read.
    Reader(QByteArray &&, const Limits & = Limits()) = delete;

    bool ok() const { return m_error.isNull(); }
    // "Variant at offset 12: array length 2147483647 exceeds the limit of 1048576".
    const QString &error() const { return m_error; }
    const Limits &limits() const { return m_limits; }
    qsizetype position() const { return m_pos; }
    qsizetype remaining() const { return m_data.size() - m_pos; }
    bool atEnd() const { return m_pos >= m_data.size(); }

    bool readBoolean(); // any non-zero byte is true
    qint8 readSByte();
    quint8 readByte();
    qint16 readInt16();
    quint16 readUInt16();
    qint32 readInt32();
    quint32 readUInt32();
    qint64 readInt64();
    quint64 readUInt64();
    float readFloat();
    double readDouble();
    // Length -1 gives a null QString, 0 an empty, non-null one. Invalid UTF-8 sequences
    // become U+FFFD, as QString::fromUtf8 does.
    QString readString();
    // Length -1 gives a null QByteArray, 0 an empty, non-null one.
    QByteArray readByteString();
    // A ByteString-encoded value named `what` in errors, bounded by maxByteStringLength.
    QByteArray readByteString(const char *what);
    // count bytes without a length prefix; the view points into the reader's data.
    QByteArrayView readRaw(qsizetype count, const char *what = "raw bytes");

    // Reads an Int32 array length for `what` starting at `offset` and checks it against
    // maxArrayLength and against the bytes left, given that each element takes at least
    // minElementSize bytes. Returns -1 for a null array, 0 on failure.
    qint32 readArrayLength(const char *what, qsizetype offset, qsizetype minElementSize);

    // Records "<what> at offset <offset>: <problem>" unless an error is already recorded.
    void fail(const char *what, qsizetype offset, const QString &problem);

    // Counts one level of nesting for as long as it lives; fails the reader when the
    // level exceeds Limits::maxDepth (then entered() is false and the caller returns).
    class Nesting final
    {
    public:
        Nesting(Reader &reader, const char *what, qsizetype offset);
        ~Nesting();
        Nesting(const Nesting &) = delete;
        Nesting &operator=(const Nesting &) = delete;
        bool entered() const { return m_entered; }

    private:
        Reader &m_reader;
        bool m_entered;
    };

private:
    // Checks that count bytes are left for a value of type what; fails otherwise.
    bool need(qsizetype count, const char *what);
    template <typename T> T readFixed(const char *what);
    qint32 readLength(const char *what, qint32 limit);

    QByteArrayView m_data;
    Limits m_limits;
    qsizetype m_pos = 0;
    int m_depth = 0;
    QString m_error;
};

} // namespace tandem::opcua
