// OPC UA Binary codec: byte vectors from the specification and from node-opcua, round
// trips of every built-in type, and the malformed input a peer can send: truncation, huge
// and negative lengths, unknown type ids and nesting past the limit must all end in an
// error that names the offset, never a crash or a large allocation.
#include "opcua/binarycodec.h"
#include "opcua/types.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <functional>

using namespace tandem::opcua;

Q_DECLARE_METATYPE(tandem::opcua::Value)
Q_DECLARE_METATYPE(tandem::opcua::NodeId)

namespace tandem::opcua {

// Failure messages of QCOMPARE on Values: type, display text and encoding.
char *toString(const Value &value)
{
    Writer writer;
    writeValue(writer, value);
    const QString text = QStringLiteral("%1 %2 [%3]")
                             .arg(builtInTypeName(typeOf(value)), toDisplayString(value),
                                  QString::fromLatin1(writer.data().toHex()));
    return qstrdup(text.toUtf8().constData());
}

} // namespace tandem::opcua

namespace {

const QString Guid72962B91 = QStringLiteral("72962B91-FA75-4AE6-8D28-B404DC7DAF63");

// 2024-03-01T12:34:56.789Z as ticks since 1601 (0x01DA6BD4DE503C50).
constexpr qint64 InstantTicks = 133537700967890000;

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

Value box(const Variant &variant)
{
    return Box<Variant>(variant);
}

Value box(const DataValue &dataValue)
{
    return Box<DataValue>(dataValue);
}

Value box(const DiagnosticInfo &info)
{
    return Box<DiagnosticInfo>(info);
}

QByteArray encode(const Value &value)
{
    Writer writer;
    writeValue(writer, value);
    return writer.take();
}

// Decodes input as `kind` ("Variant", "NodeId", ...) and returns the reader's error, or
// an empty string when it decoded and consumed all of the input.
QString decodeError(const QByteArray &input, const QString &kind, const Limits &limits = Limits())
{
    Reader reader(input, limits);
    if (kind == QLatin1String("Variant"))
        readVariant(reader);
    else if (kind == QLatin1String("DataValue"))
        readDataValue(reader);
    else if (kind == QLatin1String("ExtensionObject"))
        readExtensionObject(reader);
    else if (kind == QLatin1String("NodeId"))
        readNodeId(reader);
    else if (kind == QLatin1String("ExpandedNodeId"))
        readExpandedNodeId(reader);
    else if (kind == QLatin1String("DiagnosticInfo"))
        readDiagnosticInfo(reader);
    else if (kind == QLatin1String("String"))
        reader.readString();
    else if (kind == QLatin1String("ByteString"))
        reader.readByteString();
    else if (kind == QLatin1String("LocalizedText"))
        readLocalizedText(reader);
    else
        qFatal("unknown decoder kind");
    if (!reader.ok())
        return reader.error();
    if (!reader.atEnd())
        return QStringLiteral("%1 bytes left over").arg(reader.remaining());
    return QString();
}

QByteArray repeated(const QByteArray &part, int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += part;
    return out;
}

DataValue fullDataValue()
{
    DataValue value;
    value.value = Variant(3.5);
    value.status = StatusCode{0x40920000}; // UncertainInitialValue
    value.sourceTimestamp = DateTime{InstantTicks + 1234};
    value.sourcePicoseconds = 7;
    value.serverTimestamp = DateTime{InstantTicks};
    value.serverPicoseconds = 500;
    return value;
}

DiagnosticInfo nestedDiagnosticInfo()
{
    DiagnosticInfo inner;
    inner.symbolicId = 5;
    inner.additionalInfo = QStringLiteral("inner");
    DiagnosticInfo info;
    info.symbolicId = 1;
    info.namespaceUri = 2;
    info.locale = 3;
    info.localizedText = 4;
    info.additionalInfo = QStringLiteral("more");
    info.innerStatusCode = StatusCode{0x800A0000}; // BadTimeout
    info.innerDiagnosticInfo = inner;
    return info;
}

// One value of every built-in type and its awkward corners.
QList<Value> sampleValues()
{
    const QUuid guid = QUuid::fromString(Guid72962B91);
    QList<Value> values = {
        Value(false),
        Value(true),
        Value(std::numeric_limits<qint8>::min()),
        Value(std::numeric_limits<quint8>::max()),
        Value(std::numeric_limits<qint16>::min()),
        Value(std::numeric_limits<quint16>::max()),
        Value(std::numeric_limits<qint32>::min()),
        Value(std::numeric_limits<quint32>::max()),
        Value(std::numeric_limits<qint64>::min()),
        Value(std::numeric_limits<quint64>::max()),
        Value(-0.0f),
        Value(std::numeric_limits<float>::denorm_min()),
        Value(std::numeric_limits<float>::infinity()),
        Value(std::numeric_limits<double>::max()),
        Value(-std::numeric_limits<double>::infinity()),
        Value(QString()),
        Value(QString(QLatin1String(""))),
        Value(str("Grüße 🙂")),
        Value(QString(QChar(0)) + QStringLiteral("after NUL")),
        Value(DateTime{0}),
        Value(DateTime{DateTime::MaxTicks}),
        Value(DateTime{InstantTicks}),
        Value(QUuid()),
        Value(guid),
        Value(QByteArray()),
        Value(QByteArray("")),
        Value(QByteArray("\0\x01\xff", 3)),
        Value(XmlElement{QByteArray("<a b=\"1\"/>")}),
        Value(NodeId()),
        Value(NodeId(0, 255u)),
        Value(NodeId(255, 65535u)),
        Value(NodeId(65535, 4294967295u)),
        Value(NodeId(7, QString())),
        Value(NodeId(7, str("Tag ü"))),
        Value(NodeId(8, guid)),
        Value(NodeId(9, QByteArray(""))),
        Value(NodeId(9, QByteArray("\x01\x02", 2))),
        Value(ExpandedNodeId{NodeId(0, 2256u), QString(), 0}),
        Value(ExpandedNodeId{NodeId(0, str("x")), QStringLiteral("urn:a"), 0}),
        Value(ExpandedNodeId{NodeId(3, guid), QString(), 4000000000u}),
        Value(ExpandedNodeId{NodeId(0, QByteArray("o")), QStringLiteral("urn:b"), 1}),
        Value(StatusCode{0x80340000}),
        Value(QualifiedName{}),
        Value(QualifiedName{65535, str("Näme")}),
        Value(LocalizedText{}),
        Value(LocalizedText{QStringLiteral("en"), QString()}),
        Value(LocalizedText{QStringLiteral("de-DE"), str("Größe")}),
        Value(ExtensionObject{}),
        Value(ExtensionObject{NodeId(2, 5001u), ExtensionObject::Encoding::ByteString,
                              QByteArray("\x01\x02\x03", 3)}),
        Value(
            ExtensionObject{NodeId(2, 5002u), ExtensionObject::Encoding::Xml, QByteArray("<x/>")}),
        Value(ExtensionObject{NodeId(0, 1u), ExtensionObject::Encoding::ByteString, QByteArray()}),
        box(DataValue()),
        box(fullDataValue()),
        box(nestedDiagnosticInfo()),
        box(DiagnosticInfo()),
    };
    DataValue withArray;
    withArray.value = Variant::array(BuiltInType::Int16, {Value(qint16(1)), Value(qint16(-1))});
    values.append(box(withArray));
    values.append(box(
        Variant::matrix(BuiltInType::Variant,
                        {box(Variant(qint32(1))), box(Variant(str("two"))),
                         box(Variant::array(BuiltInType::Boolean, {Value(true)})), box(Variant())},
                        {2, 2})));
    return values;
}

} // namespace

class TestOpcUaCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodeOpcuaVectors_data();
    void nodeOpcuaVectors();
    void roundTripsEveryType();
    void nanKeepsItsBits();
    void nullAndEmptyStayApart();
    void nodeIdPicksTheSmallestForm_data();
    void nodeIdPicksTheSmallestForm();
    void nodeIdText_data();
    void nodeIdText();
    void expandedNodeIdForms();
    void dateTimeLimits();
    void dataValuePicoseconds();
    void variantAccessors();
    void invalidVariantIsWrittenAsNull();
    void reservedTypeIdsAreByteStrings();
    void malformed_data();
    void malformed();
    void truncatedInputFails();
    void nestingLimit();
    void errorIsSticky();
    void customLimits();
};

// Hex generated by tests/unit/opcua-vectors/make-vectors.js with node-opcua 2.182.0. The
// NodeId (TwoByte, FourByte, String) and Guid rows are also the examples of OPC 10000-6
// 5.2.2.9 and 5.2.2.7, byte for byte.
void TestOpcUaCodec::nodeOpcuaVectors_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QByteArray>("hex");

    const QUuid guid = QUuid::fromString(Guid72962B91);
    QTest::newRow("nodeid_twobyte") << Value(NodeId(0, 72u)) << QByteArray("0048");
    QTest::newRow("nodeid_fourbyte") << Value(NodeId(5, 1025u)) << QByteArray("01050104");
    QTest::newRow("nodeid_numeric") << Value(NodeId(300, 70000u)) << QByteArray("022c0170110100");
    QTest::newRow("nodeid_string")
        << Value(NodeId(1, str("Hot水"))) << QByteArray("03010006000000486f74e6b0b4");
    QTest::newRow("nodeid_guid") << Value(NodeId(2, guid))
                                 << QByteArray("040200912b967275fae64a8d28b404dc7daf63");
    QTest::newRow("nodeid_bytestring") << Value(NodeId(3, QByteArray::fromHex("deadbeef")))
                                       << QByteArray("05030004000000deadbeef");
    QTest::newRow("expandednodeid_uri_server")
        << Value(ExpandedNodeId{NodeId(0, QStringLiteral("Tag")), QStringLiteral("urn:tandem:test"),
                                2})
        << QByteArray("c30000030000005461670f00000075726e3a74616e64656d3a7465737402000000");
    QTest::newRow("expandednodeid_server") << Value(ExpandedNodeId{NodeId(0, 2256u), QString(), 1})
                                           << QByteArray("420000d008000001000000");
    QTest::newRow("guid") << Value(guid) << QByteArray("912b967275fae64a8d28b404dc7daf63");
    QTest::newRow("datetime") << Value(DateTime{InstantTicks}) << QByteArray("503c50ded46bda01");
    QTest::newRow("statuscode") << Value(StatusCode{0x80340000}) << QByteArray("00003480");
    QTest::newRow("string_null") << Value(QString()) << QByteArray("ffffffff");
    QTest::newRow("string_empty") << Value(QString(QLatin1String(""))) << QByteArray("00000000");
    QTest::newRow("qualifiedname") << Value(QualifiedName{2, QStringLiteral("Temperature")})
                                   << QByteArray("02000b00000054656d7065726174757265");
    QTest::newRow("localizedtext_both")
        << Value(LocalizedText{QStringLiteral("en-US"), QStringLiteral("Hello")})
        << QByteArray("0305000000656e2d55530500000048656c6c6f");
    QTest::newRow("localizedtext_text") << Value(LocalizedText{QString(), QStringLiteral("Hallo")})
                                        << QByteArray("020500000048616c6c6f");
    QTest::newRow("localizedtext_empty") << Value(LocalizedText{}) << QByteArray("00");
    QTest::newRow("extensionobject_opaque")
        << box(Variant(ExtensionObject{NodeId(2, 5001u), ExtensionObject::Encoding::ByteString,
                                       QByteArray::fromHex("0102030405")}))
        << QByteArray("160102891301050000000102030405");
    QTest::newRow("datavalue_full")
        << box(fullDataValue())
        << QByteArray("3f0b0000000000000c4000009240224150ded46bda010700503c50ded46bda01f401");
    DataValue valueOnly;
    valueOnly.value = Variant(qint32(-7));
    QTest::newRow("datavalue_value_only") << box(valueOnly) << QByteArray("0106f9ffffff");
    QTest::newRow("datavalue_empty") << box(DataValue()) << QByteArray("00");

    QTest::newRow("variant_boolean") << box(Variant(true)) << QByteArray("0101");
    QTest::newRow("variant_sbyte") << box(Variant(qint8(-3))) << QByteArray("02fd");
    QTest::newRow("variant_uint16") << box(Variant(quint16(65000))) << QByteArray("05e8fd");
    QTest::newRow("variant_int32") << box(Variant(qint32(-5))) << QByteArray("06fbffffff");
    QTest::newRow("variant_uint32")
        << box(Variant(quint32(4000000000u))) << QByteArray("0700286bee");
    QTest::newRow("variant_int64")
        << box(Variant(qint64(-4294967306))) << QByteArray("08f6fffffffeffffff");
    QTest::newRow("variant_uint64")
        << box(Variant(quint64(0x123456789abcdef0))) << QByteArray("09f0debc9a78563412");
    QTest::newRow("variant_float") << box(Variant(1.5f)) << QByteArray("0a0000c03f");
    QTest::newRow("variant_double") << box(Variant(-0.1)) << QByteArray("0b9a9999999999b9bf");
    QTest::newRow("variant_string")
        << box(Variant(str("Grüße"))) << QByteArray("0c070000004772c3bcc39f65");
    QTest::newRow("variant_datetime")
        << box(Variant(DateTime{InstantTicks})) << QByteArray("0d503c50ded46bda01");
    QTest::newRow("variant_guid") << box(Variant(guid))
                                  << QByteArray("0e912b967275fae64a8d28b404dc7daf63");
    QTest::newRow("variant_bytestring")
        << box(Variant(QByteArray::fromHex("00ff10"))) << QByteArray("0f0300000000ff10");
    QTest::newRow("variant_nodeid") << box(Variant(NodeId(2, QStringLiteral("Line1.Speed"))))
                                    << QByteArray("110302000b0000004c696e65312e5370656564");
    QTest::newRow("variant_statuscode")
        << box(Variant(StatusCode{0x80340000})) << QByteArray("1300003480");
    QTest::newRow("variant_qualifiedname") << box(Variant(QualifiedName{1, QStringLiteral("Pump")}))
                                           << QByteArray("1401000400000050756d70");
    QTest::newRow("variant_localizedtext")
        << box(Variant(LocalizedText{QStringLiteral("de"), QStringLiteral("Pumpe")}))
        << QByteArray("15030200000064650500000050756d7065");
    QTest::newRow("variant_int32_array")
        << box(Variant::array(BuiltInType::Int32,
                              {Value(qint32(1)), Value(qint32(-2)), Value(qint32(3))}))
        << QByteArray("860300000001000000feffffff03000000");
    QTest::newRow("variant_string_array")
        << box(Variant::array(BuiltInType::String, {Value(QStringLiteral("a")), Value(QString()),
                                                    Value(QString(QLatin1String("")))}))
        << QByteArray("8c030000000100000061ffffffff00000000");
    QTest::newRow("variant_empty_array")
        << box(Variant::array(BuiltInType::Double, {})) << QByteArray("8b00000000");
    QTest::newRow("variant_double_matrix")
        << box(Variant::matrix(
               BuiltInType::Double,
               {Value(1.0), Value(2.0), Value(3.0), Value(4.0), Value(5.0), Value(6.0)}, {2, 3}))
        << QByteArray(
               "cb06000000000000000000f03f0000000000000040000000000000084000000000000010400000"
               "0000000014400000000000001840020000000200000003000000");
    QTest::newRow("variant_variant_array")
        << box(Variant::array(
               BuiltInType::Variant,
               {box(Variant(qint32(1))), box(Variant(QStringLiteral("x"))),
                box(Variant::array(BuiltInType::Boolean, {Value(true), Value(false)}))}))
        << QByteArray("980300000006010000000c010000007881020000000100");
    QTest::newRow("diagnosticinfo_nested")
        << box(nestedDiagnosticInfo())
        << QByteArray("7f01000000020000000300000004000000040000006d6f726500000a801105000000050000"
                      "00696e6e6572");
    QTest::newRow("diagnosticinfo_empty") << box(DiagnosticInfo()) << QByteArray("00");
}

void TestOpcUaCodec::nodeOpcuaVectors()
{
    QFETCH(Value, value);
    QFETCH(QByteArray, hex);

    QCOMPARE(encode(value).toHex(), hex);

    const QByteArray bytes = QByteArray::fromHex(hex);
    Reader reader(bytes);
    const Value decoded = readValue(reader, typeOf(value));
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    QVERIFY(reader.atEnd());
    QCOMPARE(decoded, value);
}

void TestOpcUaCodec::roundTripsEveryType()
{
    for (const Value &value : sampleValues()) {
        // On its own, as the element of a Variant array, and (where the spec allows) as a
        // Variant scalar.
        const QByteArray bytes = encode(value);
        Reader reader(bytes);
        QCOMPARE(readValue(reader, typeOf(value)), value);
        QVERIFY2(reader.ok() && reader.atEnd(), qPrintable(reader.error()));

        QList<Variant> variants = {Variant::array(typeOf(value), {value, value, value})};
        if (typeOf(value) != BuiltInType::Variant)
            variants.append(Variant(value));
        for (const Variant &variant : variants) {
            QVERIFY(variant.isValid());
            const QByteArray wire = encode(box(variant));
            Reader variantReader(wire);
            const Variant decoded = readVariant(variantReader);
            QVERIFY2(variantReader.ok() && variantReader.atEnd(),
                     qPrintable(variantReader.error()));
            QCOMPARE(box(decoded), box(variant));
            QCOMPARE(encode(box(decoded)), wire);
        }
    }
}

void TestOpcUaCodec::nanKeepsItsBits()
{
    const quint64 bits = 0x7ff8dead0000beefULL; // a quiet NaN with a payload
    double nan;
    std::memcpy(&nan, &bits, sizeof nan);
    const QByteArray wire = encode(Value(nan));
    QCOMPARE(wire.toHex(), QByteArray("efbe0000adde f87f").replace(' ', ""));
    Reader reader(wire);
    const double decoded = reader.readDouble();
    quint64 decodedBits;
    std::memcpy(&decodedBits, &decoded, sizeof decodedBits);
    QCOMPARE(decodedBits, bits);
    QVERIFY(std::isnan(*Variant(decoded).toDouble()));
}

void TestOpcUaCodec::nullAndEmptyStayApart()
{
    const QByteArray strings = QByteArray::fromHex("ffffffff00000000ffffffff00000000");
    Reader reader(strings);
    const QString nullString = reader.readString();
    const QString emptyString = reader.readString();
    const QByteArray nullBytes = reader.readByteString();
    const QByteArray emptyBytes = reader.readByteString();
    QVERIFY(reader.ok());
    QVERIFY(nullString.isNull());
    QVERIFY(emptyString.isEmpty() && !emptyString.isNull());
    QVERIFY(nullBytes.isNull());
    QVERIFY(emptyBytes.isEmpty() && !emptyBytes.isNull());

    // A null array (length -1) and an empty one are different Variants.
    const QByteArray arrayWire = QByteArray::fromHex("86ffffffff8600000000");
    Reader arrays(arrayWire);
    const Variant nullArray = readVariant(arrays);
    const Variant emptyArray = readVariant(arrays);
    QVERIFY(arrays.ok());
    QVERIFY(nullArray.isArray() && nullArray.isNullArray() && nullArray.size() == 0);
    QVERIFY(emptyArray.isArray() && !emptyArray.isNullArray() && emptyArray.size() == 0);
    QVERIFY(!(nullArray == emptyArray));
    QCOMPARE(encode(box(nullArray)).toHex(), QByteArray("86ffffffff"));
    QCOMPARE(encode(box(Variant::nullArray(BuiltInType::Int32))).toHex(), QByteArray("86ffffffff"));
}

void TestOpcUaCodec::nodeIdPicksTheSmallestForm_data()
{
    QTest::addColumn<NodeId>("id");
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("ns0 i=0 twobyte") << NodeId() << QByteArray("0000");
    QTest::newRow("ns0 i=255 twobyte") << NodeId(0, 255u) << QByteArray("00ff");
    QTest::newRow("ns0 i=256 fourbyte") << NodeId(0, 256u) << QByteArray("01000001");
    QTest::newRow("ns1 i=1 fourbyte") << NodeId(1, 1u) << QByteArray("01010100");
    QTest::newRow("ns255 i=65535 fourbyte") << NodeId(255, 65535u) << QByteArray("01ffffff");
    QTest::newRow("ns256 i=1 numeric") << NodeId(256, 1u) << QByteArray("02000101000000");
    QTest::newRow("ns0 i=65536 numeric") << NodeId(0, 65536u) << QByteArray("02000000000100");
    QTest::newRow("null string id") << NodeId(4, QString()) << QByteArray("030400ffffffff");
}

void TestOpcUaCodec::nodeIdPicksTheSmallestForm()
{
    QFETCH(NodeId, id);
    QFETCH(QByteArray, hex);
    Writer writer;
    writeNodeId(writer, id);
    QCOMPARE(writer.data().toHex(), hex);
    Reader reader(writer.data());
    QVERIFY(readNodeId(reader) == id);
    QVERIFY(reader.ok() && reader.atEnd());

    // The longer forms of the same id decode to the same value.
    if (id.idType() == NodeId::IdType::Numeric && id.namespaceIndex == 0) {
        Writer numeric;
        numeric.writeByte(0x02);
        numeric.writeUInt16(0);
        numeric.writeUInt32(std::get<quint32>(id.identifier));
        Reader longForm(numeric.data());
        QVERIFY(readNodeId(longForm) == id);
    }
}

void TestOpcUaCodec::nodeIdText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("numeric ns0") << QStringLiteral("i=2256") << true << QStringLiteral("i=2256");
    QTest::newRow("numeric ns2") << QStringLiteral("ns=2;i=4294967295") << true
                                 << QStringLiteral("ns=2;i=4294967295");
    QTest::newRow("ns0 written out") << QStringLiteral("ns=0;i=5") << true << QStringLiteral("i=5");
    QTest::newRow("string") << str("ns=1;s=Hot水;with=semicolons") << true
                            << str("ns=1;s=Hot水;with=semicolons");
    QTest::newRow("guid") << QStringLiteral("ns=3;g=72962b91-fa75-4ae6-8d28-b404dc7daf63") << true
                          << QStringLiteral("ns=3;g=72962b91-fa75-4ae6-8d28-b404dc7daf63");
    QTest::newRow("opaque") << QStringLiteral("ns=4;b=3q2+7w==") << true
                            << QStringLiteral("ns=4;b=3q2+7w==");
    QTest::newRow("numeric too big") << QStringLiteral("i=4294967296") << false << QString();
    QTest::newRow("namespace too big") << QStringLiteral("ns=65536;i=1") << false << QString();
    QTest::newRow("no type") << QStringLiteral("ns=1;x=1") << false << QString();
    QTest::newRow("no semicolon") << QStringLiteral("ns=1i=1") << false << QString();
    QTest::newRow("bad guid") << QStringLiteral("g=nope") << false << QString();
    QTest::newRow("bad base64") << QStringLiteral("b=!!") << false << QString();
    QTest::newRow("empty") << QString() << false << QString();
}

void TestOpcUaCodec::nodeIdText()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);
    const std::optional<NodeId> id = NodeId::fromString(text);
    QCOMPARE(id.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(id->toString(), canonical);
    QVERIFY(NodeId::fromString(id->toString()) == id);
}

void TestOpcUaCodec::expandedNodeIdForms()
{
    // With a URI the namespace index is written as 0 (OPC 10000-6 5.2.2.10); with either
    // flag numeric ids take the full form, as node-opcua writes them.
    Writer writer;
    writeExpandedNodeId(writer, ExpandedNodeId{NodeId(5, 7u), QStringLiteral("urn:a"), 0});
    QCOMPARE(writer.data().toHex(), QByteArray("82"
                                               "0000"
                                               "07000000"
                                               "05000000"
                                               "75726e3a61"));
    Writer plain;
    writeExpandedNodeId(plain, ExpandedNodeId{NodeId(5, 7u), QString(), 0});
    QCOMPARE(plain.data().toHex(), QByteArray("01050700"));

    // Other stacks may send the compact forms with flags; they decode all the same.
    const QByteArray compact = QByteArray::fromHex("40"
                                                   "05"
                                                   "01000000"
                                                   "c1"
                                                   "02"
                                                   "0300"
                                                   "0100000061"
                                                   "09000000");
    Reader reader(compact);
    const ExpandedNodeId first = readExpandedNodeId(reader);
    const ExpandedNodeId second = readExpandedNodeId(reader);
    QVERIFY2(reader.ok() && reader.atEnd(), qPrintable(reader.error()));
    QVERIFY(first == (ExpandedNodeId{NodeId(0, 5u), QString(), 1}));
    QVERIFY(second == (ExpandedNodeId{NodeId(2, 3u), QStringLiteral("a"), 9}));
    QCOMPARE((ExpandedNodeId{NodeId(0, 5u), QString(), 0}).toString(), QStringLiteral("i=5"));
    QCOMPARE((ExpandedNodeId{NodeId(0, str("x")), QStringLiteral("urn:a;b%c"), 0}).toString(),
             QStringLiteral("nsu=urn:a%3Bb%25c;s=x"));
}

void TestOpcUaCodec::dateTimeLimits()
{
    const QDateTime instant(QDate(2024, 3, 1), QTime(12, 34, 56, 789), Qt::UTC);
    QCOMPARE(DateTime::fromQDateTime(instant).ticks, InstantTicks);
    QCOMPARE(DateTime{InstantTicks}.toQDateTime(), instant);
    // Finer than a millisecond is truncated, towards the past.
    QCOMPARE(DateTime{InstantTicks + 9999}.toQDateTime(), instant);
    QCOMPARE(DateTime{1}.toQDateTime(), QDateTime(QDate(1601, 1, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(DateTime::fromQDateTime(QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC)).ticks,
             DateTime::TicksAtUnixEpoch);

    // Encoder rules of OPC 10000-6 5.2.2.5.
    QCOMPARE(DateTime::fromQDateTime(QDateTime()).ticks, 0);
    QCOMPARE(DateTime::fromQDateTime(QDateTime(QDate(1601, 1, 1), QTime(0, 0), Qt::UTC)).ticks, 0);
    QCOMPARE(DateTime::fromQDateTime(QDateTime(QDate(1500, 6, 1), QTime(0, 0), Qt::UTC)).ticks, 0);
    QCOMPARE(
        DateTime::fromQDateTime(QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC)).ticks,
        DateTime::MaxTicks);
    QCOMPARE(
        DateTime::fromQDateTime(QDateTime(QDate(9999, 12, 31), QTime(23, 59, 58, 999), Qt::UTC))
            .ticks,
        Q_INT64_C(2650467743989990000)); // the last millisecond below the maximum
    // Another time zone is converted to UTC.
    QCOMPARE(DateTime::fromQDateTime(instant.toOffsetFromUtc(3600)).ticks, InstantTicks);

    // Decoder rules: the minimum and maximum are invalid date/times.
    QVERIFY(DateTime{0}.isMin());
    QVERIFY(DateTime{-5}.isMin());
    QVERIFY(!DateTime{0}.toQDateTime().isValid());
    QVERIFY(!DateTime{-5}.toQDateTime().isValid());
    QVERIFY(DateTime{DateTime::MaxTicks}.isMax());
    QVERIFY(!DateTime{DateTime::MaxTicks}.toQDateTime().isValid());
    QVERIFY(DateTime{DateTime::MaxTicks - 1}.toQDateTime().isValid());
    QCOMPARE(Variant(DateTime{InstantTicks}).toString(),
             QStringLiteral("2024-03-01T12:34:56.789Z"));
}

void TestOpcUaCodec::dataValuePicoseconds()
{
    // Picoseconds of 10000 and more are read as 9999; without their timestamp they are
    // dropped (OPC 10000-6 5.2.2.17).
    const QByteArray wire = QByteArray::fromHex("14"
                                                "0000000000000000"
                                                "1027" // source ts + 10000
                                                "20"
                                                "ffff"); // server ps alone
    Reader reader(wire);
    const DataValue clamped = readDataValue(reader);
    const DataValue orphan = readDataValue(reader);
    QVERIFY2(reader.ok() && reader.atEnd(), qPrintable(reader.error()));
    QCOMPARE(clamped.sourcePicoseconds, std::optional<quint16>(9999));
    QVERIFY(!orphan.serverPicoseconds && !orphan.serverTimestamp);
    QCOMPARE(encode(box(orphan)).toHex(), QByteArray("00"));

    DataValue value;
    value.serverPicoseconds = 5; // no timestamp: not written
    value.sourceTimestamp = DateTime{1};
    value.sourcePicoseconds = 20000;
    QCOMPARE(encode(box(value)).toHex(), QByteArray("14"
                                                    "0100000000000000"
                                                    "0f27"));
    QVERIFY(value.statusCode().isGood());
    QVERIFY(fullDataValue().statusCode().isUncertain());
}

void TestOpcUaCodec::variantAccessors()
{
    const Variant null;
    QVERIFY(null.isNull() && !null.isScalar() && !null.isArray());
    QVERIFY(!null.toDouble());
    QVERIFY(null.toString().isEmpty());
    QVERIFY(!null.toQVariant().isValid());
    QCOMPARE(encode(box(null)).toHex(), QByteArray("00"));

    const Variant number(quint16(42));
    QVERIFY(number.isScalar() && !number.isArray() && !number.isMatrix());
    QCOMPARE(number.type(), BuiltInType::UInt16);
    QCOMPARE(number.toDouble(), std::optional<double>(42));
    QCOMPARE(number.toString(), QStringLiteral("42"));
    QCOMPARE(number.toQVariant(), QVariant(42u));
    QCOMPARE(Variant(true).toDouble(), std::optional<double>(1));
    QCOMPARE(Variant(0.1f).toString(), QStringLiteral("0.1"));
    QCOMPARE(Variant(1e300).toString(), QStringLiteral("1e+300"));
    QVERIFY(!Variant(QStringLiteral("12")).toDouble());
    QCOMPARE(Variant(QStringLiteral("text")).toQVariant(), QVariant(QStringLiteral("text")));
    QCOMPARE(Variant(LocalizedText{QStringLiteral("en"), QStringLiteral("Running")}).toString(),
             QStringLiteral("Running"));
    QCOMPARE(Variant(StatusCode{0x80340000}).toString(), QStringLiteral("0x80340000"));
    QCOMPARE(Variant(QualifiedName{2, QStringLiteral("Speed")}).toString(),
             QStringLiteral("2:Speed"));
    QCOMPARE(Variant(NodeId(2, QStringLiteral("Tag"))).toQVariant(),
             QVariant(QStringLiteral("ns=2;s=Tag")));
    QCOMPARE(Variant(ExpandedNodeId{NodeId(0, 5u), QStringLiteral("urn:x"), 3}).toString(),
             QStringLiteral("svr=3;nsu=urn:x;i=5"));
    QCOMPARE(Variant(QByteArray("hi")).toString(), QStringLiteral("aGk="));

    // A DataValue in a Variant answers with its value.
    DataValue dataValue;
    dataValue.value = Variant(qint64(-3));
    QCOMPARE(Variant(dataValue).toDouble(), std::optional<double>(-3));
    QCOMPARE(Variant(dataValue).toString(), QStringLiteral("-3"));

    const Variant matrix = Variant::matrix(
        BuiltInType::Int32,
        {Value(qint32(1)), Value(qint32(2)), Value(qint32(3)), Value(qint32(4))}, {2, 2});
    QVERIFY(matrix.isArray() && matrix.isMatrix() && !matrix.isScalar());
    QCOMPARE(matrix.size(), 4);
    QCOMPARE(matrix.dimensions(), QList<qint32>({2, 2}));
    QVERIFY(!matrix.toDouble());
    QCOMPARE(toDouble(matrix.value(3)), std::optional<double>(4));
    QVERIFY(std::holds_alternative<std::monostate>(matrix.value(4)));
    QCOMPARE(matrix.toString(), QStringLiteral("[1, 2, 3, 4]"));
    QCOMPARE(matrix.toQVariant(), QVariant(QVariantList({1, 2, 3, 4})));
}

void TestOpcUaCodec::invalidVariantIsWrittenAsNull()
{
    // The spec forbids a Variant holding a scalar Variant; an element of the wrong type and
    // dimensions that do not multiply to the size are programming errors. All are written
    // as Null so the stream stays decodable.
    const Variant scalarVariant(box(Variant(1.0)));
    QVERIFY(!scalarVariant.isValid());
    QCOMPARE(encode(box(scalarVariant)).toHex(), QByteArray("00"));
    const Variant monostate{Value()};
    QVERIFY(monostate.isNull() && monostate.isValid());
}

void TestOpcUaCodec::reservedTypeIdsAreByteStrings()
{
    // Type ids 26..31 are unassigned: decoders accept them as ByteStrings (5.2.2.16).
    const QByteArray wire = QByteArray::fromHex("1a02000000abcd"
                                                "9f0100000000000000");
    Reader reader(wire);
    const Variant scalar = readVariant(reader);
    const Variant array = readVariant(reader);
    QVERIFY2(reader.ok() && reader.atEnd(), qPrintable(reader.error()));
    QCOMPARE(quint8(scalar.type()), quint8(26));
    QCOMPARE(builtInTypeName(scalar.type()), QStringLiteral("reserved type 26"));
    QVERIFY(std::get<QByteArray>(scalar.value()) == QByteArray::fromHex("abcd"));
    QCOMPARE(quint8(array.type()), quint8(31));
    QCOMPARE(array.size(), 1);
    Writer writer;
    writeVariant(writer, scalar);
    writeVariant(writer, array);
    QCOMPARE(writer.data(), wire);
}

void TestOpcUaCodec::malformed_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("error");

    QTest::newRow("variant huge array")
        << QStringLiteral("Variant") << QByteArray("86ffffff7f00010203040506070809")
        << QStringLiteral(
               "Variant at offset 0: array length 2147483647 exceeds the limit of 1048576");
    QTest::newRow("variant array longer than the data")
        << QStringLiteral("Variant") << QByteArray("86e803000000010203040506070809")
        << QStringLiteral(
               "Variant at offset 0: array length 1000 needs at least 4000 bytes, only 10 left");
    QTest::newRow("nested variant huge array")
        << QStringLiteral("Variant") << QByteArray("980100000086ffffff7f0000")
        << QStringLiteral(
               "Variant at offset 5: array length 2147483647 exceeds the limit of 1048576");
    QTest::newRow("variant negative array length")
        << QStringLiteral("Variant") << QByteArray("86feffffff")
        << QStringLiteral("Variant at offset 0: negative array length -2");
    QTest::newRow("variant unknown type 32")
        << QStringLiteral("Variant") << QByteArray("20")
        << QStringLiteral("Variant at offset 0: unknown built-in type id 32");
    QTest::newRow("variant unknown type 63 array")
        << QStringLiteral("Variant") << QByteArray("bf00000000")
        << QStringLiteral("Variant at offset 0: unknown built-in type id 63");
    QTest::newRow("variant array of Null")
        << QStringLiteral("Variant") << QByteArray("80ffffff7f")
        << QStringLiteral(
               "Variant at offset 0: encoding mask 0x80 has array flags on the Null type");
    QTest::newRow("variant dimensions without array")
        << QStringLiteral("Variant") << QByteArray("4601000000")
        << QStringLiteral(
               "Variant at offset 0: encoding mask 0x46 has array dimensions but no array");
    QTest::newRow("variant scalar variant")
        << QStringLiteral("Variant") << QByteArray("180601000000")
        << QStringLiteral("Variant at offset 0: a Variant cannot hold a scalar Variant");
    QTest::newRow("variant dimensions mismatch")
        << QStringLiteral("Variant")
        << QByteArray("c3"
                      "03000000"
                      "010203"
                      "02000000"
                      "02000000"
                      "02000000")
        << QStringLiteral(
               "Variant at offset 0: array dimensions [2, 2] do not match the array length 3");
    QTest::newRow("variant dimensions overflow")
        << QStringLiteral("Variant")
        << QByteArray("c30100000001"
                      "03000000"
                      "ffffff7f"
                      "ffffff7f"
                      "ffffff7f")
        << QStringLiteral(
               "Variant at offset 0: array dimensions [2147483647, 2147483647, 2147483647] "
               "do not match the array length 1");
    QTest::newRow("variant huge dimension count")
        << QStringLiteral("Variant")
        << QByteArray("c3"
                      "00000000"
                      "ffff0000")
        << QStringLiteral("Variant ArrayDimensions at offset 0: array length 65535 needs at least "
                          "262140 bytes, only 0 left");
    QTest::newRow("variant truncated double")
        << QStringLiteral("Variant") << QByteArray("0b000000")
        << QStringLiteral("Double at offset 1: needs 8 bytes, only 3 left");
    QTest::newRow("variant truncated guid")
        << QStringLiteral("Variant") << QByteArray("0e0102")
        << QStringLiteral("Guid at offset 1: needs 16 bytes, only 2 left");
    QTest::newRow("string huge")
        << QStringLiteral("String") << QByteArray("ffffff7f41")
        << QStringLiteral("String at offset 0: length 2147483647 exceeds the limit of 16777216");
    QTest::newRow("string longer than the data")
        << QStringLiteral("String") << QByteArray("0a00000041")
        << QStringLiteral("String at offset 0: length 10 exceeds the 1 bytes left");
    QTest::newRow("string negative") << QStringLiteral("String") << QByteArray("fbffffff")
                                     << QStringLiteral("String at offset 0: negative length -5");
    QTest::newRow("bytestring huge")
        << QStringLiteral("ByteString") << QByteArray("ffffff7f00")
        << QStringLiteral(
               "ByteString at offset 0: length 2147483647 exceeds the limit of 16777216");
    QTest::newRow("bytestring most negative")
        << QStringLiteral("ByteString") << QByteArray("00000080")
        << QStringLiteral("ByteString at offset 0: negative length -2147483648");
    QTest::newRow("nodeid unknown encoding")
        << QStringLiteral("NodeId") << QByteArray("0600")
        << QStringLiteral("NodeId at offset 0: unknown NodeId encoding 0x06");
    QTest::newRow("nodeid with expanded flags")
        << QStringLiteral("NodeId") << QByteArray("800000")
        << QStringLiteral("NodeId at offset 0: encoding byte 0x80 carries ExpandedNodeId flags");
    QTest::newRow("expandednodeid unknown encoding")
        << QStringLiteral("ExpandedNodeId") << QByteArray("c7")
        << QStringLiteral("ExpandedNodeId at offset 0: unknown NodeId encoding 0x07");
    QTest::newRow("expandednodeid truncated uri")
        << QStringLiteral("ExpandedNodeId") << QByteArray("800005000000414243")
        << QStringLiteral("String at offset 2: length 5 exceeds the 3 bytes left");
    QTest::newRow("nodeid string huge")
        << QStringLiteral("NodeId") << QByteArray("030100ffffff7f")
        << QStringLiteral("String at offset 3: length 2147483647 exceeds the limit of 16777216");
    QTest::newRow("extensionobject unknown encoding")
        << QStringLiteral("ExtensionObject") << QByteArray("000003")
        << QStringLiteral("ExtensionObject at offset 0: unknown body encoding 0x03");
    QTest::newRow("extensionobject huge body")
        << QStringLiteral("ExtensionObject") << QByteArray("000001ffffff7f")
        << QStringLiteral(
               "ExtensionObject at offset 3: length 2147483647 exceeds the limit of 16777216");
    QTest::newRow("datavalue truncated status")
        << QStringLiteral("DataValue") << QByteArray("020000")
        << QStringLiteral("UInt32 at offset 1: needs 4 bytes, only 2 left");
    QTest::newRow("diagnosticinfo truncated")
        << QStringLiteral("DiagnosticInfo") << QByteArray("4001")
        << QStringLiteral("Int32 at offset 2: needs 4 bytes, only 0 left");
    QTest::newRow("localizedtext negative")
        << QStringLiteral("LocalizedText") << QByteArray("02f0ffffff")
        << QStringLiteral("String at offset 1: negative length -16");
}

void TestOpcUaCodec::malformed()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, hex);
    QFETCH(QString, error);
    QCOMPARE(decodeError(QByteArray::fromHex(hex), kind), error);
}

void TestOpcUaCodec::truncatedInputFails()
{
    // Every proper prefix of a valid encoding fails cleanly, for every sample value.
    for (const Value &value : sampleValues()) {
        const QByteArray wire = encode(box(Variant::array(typeOf(value), {value, value})));
        for (qsizetype cut = 0; cut < wire.size(); ++cut) {
            Reader reader(QByteArrayView(wire).first(cut));
            const Variant decoded = readVariant(reader);
            QVERIFY2(!reader.ok(), qPrintable(QStringLiteral("%1 cut at %2 decoded")
                                                  .arg(QString::fromLatin1(wire.toHex()))
                                                  .arg(cut)));
            QVERIFY(reader.error().contains(QLatin1String(" at offset ")));
            QVERIFY(decoded.isNull());
        }
    }
}

void TestOpcUaCodec::nestingLimit()
{
    // DiagnosticInfo: 32 levels decode, 33 do not.
    const QByteArray diagnostics32 =
        repeated(QByteArray::fromHex("40"), 31) + QByteArray::fromHex("00");
    QCOMPARE(decodeError(diagnostics32, QStringLiteral("DiagnosticInfo")), QString());
    QCOMPARE(
        decodeError(QByteArray::fromHex("40") + diagnostics32, QStringLiteral("DiagnosticInfo")),
        QStringLiteral("DiagnosticInfo at offset 32: nested deeper than 32 levels"));

    // Variant arrays of Variants, and Variant <-> DataValue, count alike.
    const QByteArray arrays =
        repeated(QByteArray::fromHex("9801000000"), 40) + QByteArray::fromHex("00");
    QCOMPARE(decodeError(arrays, QStringLiteral("Variant")),
             QStringLiteral("Variant at offset 160: nested deeper than 32 levels"));
    const QByteArray dataValues =
        repeated(QByteArray::fromHex("0117"), 20) + QByteArray::fromHex("00");
    QCOMPARE(decodeError(dataValues, QStringLiteral("DataValue")),
             QStringLiteral("DataValue at offset 32: nested deeper than 32 levels"));
    const QByteArray objects =
        repeated(QByteArray::fromHex("9801000000"), 31) + QByteArray::fromHex("16000000");
    QCOMPARE(decodeError(objects, QStringLiteral("Variant")),
             QStringLiteral("ExtensionObject at offset 156: nested deeper than 32 levels"));

    // A decoded nesting of exactly the limit re-encodes and decodes again.
    const QByteArray arrays32 =
        repeated(QByteArray::fromHex("9801000000"), 31) + QByteArray::fromHex("00");
    Reader reader(arrays32);
    const Variant deep = readVariant(reader);
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    QCOMPARE(encode(box(deep)), arrays32);

    Limits shallow;
    shallow.maxDepth = 2;
    QCOMPARE(decodeError(QByteArray::fromHex("4000"), QStringLiteral("DiagnosticInfo"), shallow),
             QString());
    QCOMPARE(decodeError(QByteArray::fromHex("404000"), QStringLiteral("DiagnosticInfo"), shallow),
             QStringLiteral("DiagnosticInfo at offset 2: nested deeper than 2 levels"));
}

void TestOpcUaCodec::errorIsSticky()
{
    const QByteArray wire = QByteArray::fromHex("0102");
    Reader reader(wire);
    QCOMPARE(reader.readByte(), quint8(1));
    QCOMPARE(reader.readInt32(), 0);
    QVERIFY(!reader.ok());
    const QString error = reader.error();
    QCOMPARE(error, QStringLiteral("Int32 at offset 1: needs 4 bytes, only 1 left"));
    QCOMPARE(reader.position(), 1);
    // Later reads fail quietly: defaults, no movement, the first error kept.
    QCOMPARE(reader.readByte(), quint8(0));
    QVERIFY(reader.readString().isNull());
    QVERIFY(readVariant(reader).isNull());
    QVERIFY(readNodeId(reader) == NodeId());
    QCOMPARE(reader.position(), 1);
    QCOMPARE(reader.error(), error);
    reader.fail("Else", 0, QStringLiteral("ignored"));
    QCOMPARE(reader.error(), error);
}

void TestOpcUaCodec::customLimits()
{
    Limits limits;
    limits.maxStringLength = 3;
    limits.maxByteStringLength = 2;
    limits.maxArrayLength = 2;
    QCOMPARE(decodeError(QByteArray::fromHex("03000000616263"), QStringLiteral("String"), limits),
             QString());
    QCOMPARE(decodeError(QByteArray::fromHex("0400000061626364"), QStringLiteral("String"), limits),
             QStringLiteral("String at offset 0: length 4 exceeds the limit of 3"));
    QCOMPARE(
        decodeError(QByteArray::fromHex("03000000010203"), QStringLiteral("ByteString"), limits),
        QStringLiteral("ByteString at offset 0: length 3 exceeds the limit of 2"));
    QCOMPARE(
        decodeError(QByteArray::fromHex("8303000000010203"), QStringLiteral("Variant"), limits),
        QStringLiteral("Variant at offset 0: array length 3 exceeds the limit of 2"));
    QCOMPARE(
        decodeError(QByteArray::fromHex("9003000000010203"), QStringLiteral("Variant"), limits),
        QStringLiteral("Variant at offset 0: array length 3 exceeds the limit of 2"));
    QCOMPARE(decodeError(QByteArray::fromHex("0000020300000001020304"),
                         QStringLiteral("ExtensionObject"), limits),
             QStringLiteral("ExtensionObject at offset 3: length 3 exceeds the limit of 2"));
}

QTEST_GUILESS_MAIN(TestOpcUaCodec)

#include "tst_opcuacodec.moc"
