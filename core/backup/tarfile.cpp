#include "tarfile.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstring>

namespace tandem::TarFile {

namespace {

constexpr qsizetype Block = 512;
// Field offsets and lengths of the ustar header.
constexpr int NameAt = 0, NameLen = 100;
constexpr int ModeAt = 100, UidAt = 108, GidAt = 116;
constexpr int SizeAt = 124, SizeLen = 12;
constexpr int MtimeAt = 136;
constexpr int ChecksumAt = 148, ChecksumLen = 8;
constexpr int TypeAt = 156;
constexpr int MagicAt = 257;
constexpr int PrefixAt = 345, PrefixLen = 155;

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TarFile)
};

void putOctal(char *field, int length, qint64 value)
{
    // length - 1 digits, zero padded, then NUL
    const QByteArray digits =
        QByteArray::number(value, 8).rightJustified(length - 1, '0').right(length - 1);
    std::memcpy(field, digits.constData(), size_t(length - 1));
    field[length - 1] = '\0';
}

qint64 headerChecksum(const char *header)
{
    qint64 sum = 0;
    for (int i = 0; i < Block; ++i)
        sum += (i >= ChecksumAt && i < ChecksumAt + ChecksumLen)
                   ? ' '
                   : static_cast<unsigned char>(header[i]);
    return sum;
}

// An octal field: optional leading spaces, digits, then NUL or space padding.
bool parseOctal(const char *field, int length, qint64 *value)
{
    int i = 0;
    while (i < length && field[i] == ' ')
        ++i;
    qint64 v = 0;
    int digits = 0;
    for (; i < length && field[i] >= '0' && field[i] <= '7'; ++i, ++digits) {
        if (v > (qint64(1) << 52))
            return false;
        v = v * 8 + (field[i] - '0');
    }
    for (; i < length; ++i)
        if (field[i] != '\0' && field[i] != ' ')
            return false;
    *value = v;
    return digits > 0;
}

QByteArray cString(const char *field, int length)
{
    return QByteArray(field, qsizetype(strnlen(field, size_t(length))));
}

} // namespace

bool isSafeName(const QString &name)
{
    if (name.isEmpty() || name.startsWith(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        return false;
    const QStringList parts = name.split(QLatin1Char('/'));
    for (const QString &part : parts)
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    return true;
}

QByteArray write(const QList<Entry> &entries)
{
    QByteArray out;
    for (const Entry &entry : entries) {
        Q_ASSERT(isSafeName(entry.name));
        const QByteArray name = entry.name.toUtf8();
        Q_ASSERT(name.size() < NameLen);
        QByteArray header(Block, '\0');
        char *h = header.data();
        std::memcpy(h + NameAt, name.constData(), size_t(name.size()));
        putOctal(h + ModeAt, 8, 0600);
        putOctal(h + UidAt, 8, 0);
        putOctal(h + GidAt, 8, 0);
        putOctal(h + SizeAt, SizeLen, entry.data.size());
        putOctal(h + MtimeAt, 12, 0);
        h[TypeAt] = '0';
        std::memcpy(h + MagicAt,
                    "ustar\0"
                    "00",
                    8);
        // checksum: six octal digits, NUL, space
        const QByteArray sum = QByteArray::number(headerChecksum(h), 8).rightJustified(6, '0');
        std::memcpy(h + ChecksumAt, sum.constData(), 6);
        h[ChecksumAt + 6] = '\0';
        h[ChecksumAt + 7] = ' ';
        out += header;
        out += entry.data;
        if (const qsizetype rest = entry.data.size() % Block)
            out += QByteArray(Block - rest, '\0');
    }
    out += QByteArray(2 * Block, '\0');
    return out;
}

bool read(const QByteArray &archive, QList<Entry> *entries, QString *error)
{
    entries->clear();
    qsizetype at = 0;
    const QByteArray zeros(Block, '\0');
    while (true) {
        if (at + Block > archive.size()) {
            *error = entries->isEmpty()
                         ? Tr::tr("it is empty or not a tar archive")
                         : Tr::tr("it is truncated (the end of the archive is missing "
                                  "after %1)")
                               .arg(entries->constLast().name);
            return false;
        }
        const char *h = archive.constData() + at;
        if (std::memcmp(h, zeros.constData(), Block) == 0) {
            if (at + 2 * Block > archive.size() ||
                std::memcmp(h + Block, zeros.constData(), Block) != 0) {
                *error = Tr::tr("it is truncated (the end of the archive is incomplete)");
                return false;
            }
            return true;
        }
        const int index = int(entries->size()) + 1;
        if (std::memcmp(h + MagicAt,
                        "ustar\0"
                        "00",
                        8) != 0) {
            *error =
                Tr::tr("entry %1 has no ustar header (not a Tandem backup archive)").arg(index);
            return false;
        }
        qint64 stored = 0;
        if (!parseOctal(h + ChecksumAt, ChecksumLen, &stored) || stored != headerChecksum(h)) {
            *error = Tr::tr("the header of entry %1 is damaged (bad header checksum)").arg(index);
            return false;
        }
        QByteArray rawName = cString(h + NameAt, NameLen);
        const QByteArray prefix = cString(h + PrefixAt, PrefixLen);
        if (!prefix.isEmpty())
            rawName = prefix + '/' + rawName;
        const QString name = QString::fromUtf8(rawName);
        if (!isSafeName(name)) {
            *error = Tr::tr("entry %1 has the unsafe name '%2' (absolute or with '..')")
                         .arg(index)
                         .arg(name);
            return false;
        }
        if (h[TypeAt] != '0' && h[TypeAt] != '\0') {
            *error = Tr::tr("%1 is not a regular file (tar type '%2')")
                         .arg(name, QString(QLatin1Char(h[TypeAt])));
            return false;
        }
        qint64 size = 0;
        if (!parseOctal(h + SizeAt, SizeLen, &size)) {
            *error = Tr::tr("the size of %1 is not a number").arg(name);
            return false;
        }
        if (size > MaxEntrySize) {
            *error = Tr::tr("%1 is too large (%2 bytes; at most %3)")
                         .arg(name)
                         .arg(size)
                         .arg(MaxEntrySize);
            return false;
        }
        if (entries->size() >= MaxEntries) {
            *error = Tr::tr("it holds more than %1 files").arg(MaxEntries);
            return false;
        }
        at += Block;
        if (at + size > archive.size()) {
            *error = Tr::tr("it is truncated (%1 is cut short)").arg(name);
            return false;
        }
        entries->append({name, archive.mid(at, qsizetype(size))});
        at += qsizetype((size + Block - 1) / Block * Block);
    }
}

} // namespace tandem::TarFile
