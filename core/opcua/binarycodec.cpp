#include "binarycodec.h"

#include <QtEndian>

#include <cstring>
#include <limits>

namespace tandem::opcua {

namespace {

template <typename T> void appendLittleEndian(QByteArray &out, T value)
{
    uchar bytes[sizeof(T)];
    qToLittleEndian<T>(value, bytes);
    out.append(reinterpret_cast<const char *>(bytes), qsizetype(sizeof(T)));
}

QString describeOffset(const char *what, qsizetype offset)
{
    return QStringLiteral("%1 at offset %2").arg(QLatin1String(what)).arg(offset);
}

} // namespace

void Writer::writeInt16(qint16 value)
{
    appendLittleEndian(m_data, value);
}

void Writer::writeUInt16(quint16 value)
{
    appendLittleEndian(m_data, value);
}

void Writer::writeInt32(qint32 value)
{
    appendLittleEndian(m_data, value);
}

void Writer::writeUInt32(quint32 value)
{
    appendLittleEndian(m_data, value);
}

void Writer::writeInt64(qint64 value)
{
    appendLittleEndian(m_data, value);
}

void Writer::writeUInt64(quint64 value)
{
    appendLittleEndian(m_data, value);
}

void Writer::writeFloat(float value)
{
    // Through the bit pattern, so NaN payloads survive unchanged.
    quint32 bits;
    static_assert(sizeof bits == sizeof value);
    std::memcpy(&bits, &value, sizeof bits);
    writeUInt32(bits);
}

void Writer::writeDouble(double value)
{
    quint64 bits;
    static_assert(sizeof bits == sizeof value);
    std::memcpy(&bits, &value, sizeof bits);
    writeUInt64(bits);
}

void Writer::writeString(const QString &value)
{
    if (value.isNull()) {
        writeInt32(-1);
        return;
    }
    writeByteString(value.toUtf8());
}

void Writer::writeByteString(const QByteArray &value)
{
    if (value.isNull()) {
        writeInt32(-1);
        return;
    }
    Q_ASSERT(value.size() <= std::numeric_limits<qint32>::max());
    writeInt32(qint32(value.size()));
    m_data.append(value);
}

Reader::Reader(QByteArrayView data, const Limits &limits)
    : m_data(data)
    , m_limits(limits)
{}

void Reader::fail(const char *what, qsizetype offset, const QString &problem)
{
    if (!ok())
        return;
    m_error = describeOffset(what, offset) + QLatin1String(": ") + problem;
}

bool Reader::need(qsizetype count, const char *what)
{
    if (!ok())
        return false;
    if (count <= remaining())
        return true;
    fail(what, m_pos, QStringLiteral("needs %1 bytes, only %2 left").arg(count).arg(remaining()));
    return false;
}

namespace {

template <typename T> T readLittleEndian(QByteArrayView data, qsizetype pos)
{
    return qFromLittleEndian<T>(reinterpret_cast<const uchar *>(data.data() + pos));
}

} // namespace

bool Reader::readBoolean()
{
    if (!need(1, "Boolean"))
        return false;
    return m_data[m_pos++] != 0;
}

qint8 Reader::readSByte()
{
    if (!need(1, "SByte"))
        return 0;
    return qint8(m_data[m_pos++]);
}

quint8 Reader::readByte()
{
    if (!need(1, "Byte"))
        return 0;
    return quint8(m_data[m_pos++]);
}

template <typename T> T Reader::readFixed(const char *what)
{
    if (!need(qsizetype(sizeof(T)), what))
        return 0;
    const T value = readLittleEndian<T>(m_data, m_pos);
    m_pos += qsizetype(sizeof(T));
    return value;
}

qint16 Reader::readInt16()
{
    return readFixed<qint16>("Int16");
}

quint16 Reader::readUInt16()
{
    return readFixed<quint16>("UInt16");
}

qint32 Reader::readInt32()
{
    return readFixed<qint32>("Int32");
}

quint32 Reader::readUInt32()
{
    return readFixed<quint32>("UInt32");
}

qint64 Reader::readInt64()
{
    return readFixed<qint64>("Int64");
}

quint64 Reader::readUInt64()
{
    return readFixed<quint64>("UInt64");
}

float Reader::readFloat()
{
    const quint32 bits = readFixed<quint32>("Float");
    float value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

double Reader::readDouble()
{
    const quint64 bits = readFixed<quint64>("Double");
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

qint32 Reader::readLength(const char *what, qint32 limit)
{
    const qsizetype offset = m_pos;
    if (!need(4, what))
        return 0;
    const qint32 length = readLittleEndian<qint32>(m_data, m_pos);
    m_pos += 4;
    if (length < -1) {
        fail(what, offset, QStringLiteral("negative length %1").arg(length));
        return 0;
    }
    if (length > limit) {
        fail(what, offset,
             QStringLiteral("length %1 exceeds the limit of %2").arg(length).arg(limit));
        return 0;
    }
    if (length > remaining()) {
        fail(what, offset,
             QStringLiteral("length %1 exceeds the %2 bytes left").arg(length).arg(remaining()));
        return 0;
    }
    return length;
}

QString Reader::readString()
{
    const qint32 length = readLength("String", m_limits.maxStringLength);
    if (!ok() || length < 0)
        return QString();
    if (length == 0)
        return QString(QLatin1String("")); // empty, but not null: the spec keeps them apart
    const QByteArrayView bytes = m_data.sliced(m_pos, length);
    m_pos += length;
    return QString::fromUtf8(bytes);
}

QByteArray Reader::readByteString()
{
    return readByteString("ByteString");
}

QByteArray Reader::readByteString(const char *what)
{
    const qint32 length = readLength(what, m_limits.maxByteStringLength);
    if (!ok() || length < 0)
        return QByteArray();
    if (length == 0)
        return QByteArray(""); // empty, but not null
    QByteArray bytes(m_data.data() + m_pos, length);
    m_pos += length;
    return bytes;
}

QByteArrayView Reader::readRaw(qsizetype count, const char *what)
{
    if (count < 0 || !need(count, what))
        return QByteArrayView();
    const QByteArrayView bytes = m_data.sliced(m_pos, count);
    m_pos += count;
    return bytes;
}

qint32 Reader::readArrayLength(const char *what, qsizetype offset, qsizetype minElementSize)
{
    if (!need(4, what))
        return 0;
    const qint32 length = readLittleEndian<qint32>(m_data, m_pos);
    m_pos += 4;
    if (length == -1)
        return -1;
    if (length < 0) {
        fail(what, offset, QStringLiteral("negative array length %1").arg(length));
        return 0;
    }
    if (length > m_limits.maxArrayLength) {
        fail(what, offset,
             QStringLiteral("array length %1 exceeds the limit of %2")
                 .arg(length)
                 .arg(m_limits.maxArrayLength));
        return 0;
    }
    // Each element takes at least minElementSize bytes: a length the data cannot hold is
    // refused before anyone reserves memory for it.
    if (qint64(length) * qMax<qint64>(minElementSize, 1) > remaining()) {
        fail(what, offset,
             QStringLiteral("array length %1 needs at least %2 bytes, only %3 left")
                 .arg(length)
                 .arg(qint64(length) * qMax<qint64>(minElementSize, 1))
                 .arg(remaining()));
        return 0;
    }
    return length;
}

Reader::Nesting::Nesting(Reader &reader, const char *what, qsizetype offset)
    : m_reader(reader)
    , m_entered(false)
{
    if (!reader.ok())
        return;
    if (reader.m_depth >= reader.m_limits.maxDepth) {
        reader.fail(what, offset,
                    QStringLiteral("nested deeper than %1 levels").arg(reader.m_limits.maxDepth));
        return;
    }
    ++reader.m_depth;
    m_entered = true;
}

Reader::Nesting::~Nesting()
{
    if (m_entered)
        --m_reader.m_depth;
}

} // namespace tandem::opcua
