#include "proxynodes.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>

namespace tandem::opcua {

namespace {

// Namespace 0 ids (OPC 10000-6, NodeIds.csv) of the nodes below.
constexpr quint32 StartTime = 2257;
constexpr quint32 CurrentTime = 2258;
constexpr quint32 BuildInfoNode = 2260;
constexpr quint32 ProductName = 2261;
constexpr quint32 ProductUri = 2262;
constexpr quint32 ManufacturerName = 2263;
constexpr quint32 SoftwareVersion = 2264;
constexpr quint32 BuildNumber = 2265;
constexpr quint32 BuildDate = 2266;
constexpr quint32 Organizes = 35;
constexpr quint32 HasComponent = 47;
constexpr quint32 HasProperty = 46;
constexpr quint32 PropertyType = 68;
constexpr quint32 FolderType = 61;
constexpr quint32 BaseDataVariableType = 63;
constexpr quint32 StringType = 12;
constexpr quint32 UInt32Type = 7;
constexpr quint32 DateTimeType = 13;
constexpr quint32 WriteMask = 6;
constexpr quint32 UserWriteMask = 7;
constexpr quint32 EventNotifier = 12;
constexpr quint32 ArrayDimensions = 16;
constexpr quint32 UserAccessLevel = 18;
constexpr quint32 MinimumSamplingInterval = 19;
constexpr quint32 Historizing = 20;
constexpr quint32 Executable = 21;
constexpr quint32 UserExecutable = 22;
constexpr quint8 CurrentRead = 1;
const QString FolderName = QStringLiteral("Tandem");
const QString SwitchToName = QStringLiteral("Tandem.SwitchTo");
const QString ReturnToAutomaticName = QStringLiteral("Tandem.ReturnToAutomatic");
const QString InputArgumentsName = QStringLiteral("Tandem.SwitchTo.InputArguments");

DataValue good(Variant value)
{
    DataValue v;
    v.value = std::move(value);
    return v;
}

DataValue bad(quint32 status)
{
    DataValue v;
    v.status = StatusCode{status};
    return v;
}

BuildInfo buildInfo()
{
    BuildInfo info;
    info.productUri = QStringLiteral("urn:tandem");
    info.manufacturerName = QStringLiteral("Tandem");
    info.productName = QStringLiteral("Tandem redundancy proxy");
    info.softwareVersion = QCoreApplication::applicationVersion();
    info.buildNumber = QStringLiteral(__DATE__);
    return info;
}

bool isStatusNode(const NodeId &node)
{
    if (node.namespaceIndex != 0 || node.idType() != NodeId::IdType::Numeric)
        return false;
    const quint32 id = std::get<quint32>(node.identifier);
    return (id >= Id::ServerStatus && id <= Id::ServiceLevel) || id == Id::SecondsTillShutdown ||
           id == Id::ShutdownReason;
}

bool matchesReference(const BrowseDescription &d, quint32 referenceType, bool forward)
{
    if (d.browseDirection == BrowseDirection::Forward && !forward)
        return false;
    if (d.browseDirection == BrowseDirection::Inverse && forward)
        return false;
    if (d.referenceTypeId.isNull())
        return true;
    if (d.referenceTypeId == NodeId(0, referenceType))
        return true;
    // Organizes and HasComponent are hierarchical (HierarchicalReferences 33 >
    // Organizes; > HasChild 34 > Aggregates 44 > HasComponent).
    if (!d.includeSubtypes)
        return false;
    const QList<quint32> parents = referenceType == Organizes
                                       ? QList<quint32>{Id::HierarchicalReferences, 31}
                                       : QList<quint32>{Id::HierarchicalReferences, 31, 34, 44};
    for (quint32 parent : parents)
        if (d.referenceTypeId == NodeId(0, parent))
            return true;
    return false;
}

} // namespace

ProxyState ProxyState::of(const PairStatus &status, int activeServerLevel)
{
    ProxyState s;
    s.pair = status.name;
    s.mode = connectionModeKey(status.mode);
    s.activeSide = sideKey(status.active);
    s.activeMachine = status.active == Side::None ? QString() : status.side(status.active).machine;
    s.primaryMachine = status.primary.machine;
    s.primaryHealth = sideHealthKey(status.primary.health);
    s.secondaryMachine = status.secondary.machine;
    s.secondaryHealth = sideHealthKey(status.secondary.health);
    s.failovers = quint32(status.failovers);
    s.lastFailover = status.lastFailover;
    s.lastSwitchReason = status.lastSwitchReason;
    // Fixed words for an HMI to compare with, in English whatever the console's language.
    s.selection = status.passThrough ? QStringLiteral("pass-through (redundancy disabled)")
                  : status.pinned != Side::None ? QStringLiteral("held by the operator")
                                                : QStringLiteral("automatic");
    // ServiceLevel (OPC 10000-4, 6.6.2.4.2): 1 no data, degraded as the active server
    // says, 255 healthy with a healthy standby, 200 healthy without one.
    if (status.active == Side::None) {
        s.serviceLevel = 1;
    } else if (status.side(status.active).degraded && activeServerLevel > 0) {
        s.serviceLevel = quint8(std::clamp(activeServerLevel, 2, 199));
    } else {
        const SideStatus &standby = status.side(otherSide(status.active));
        s.serviceLevel = standby.health == SideHealth::Healthy ? 255 : 200;
    }
    return s;
}

struct ProxyNodes::Variable
{
    QString name; // the string id, "Tandem.ActiveMachine"
    quint32 dataType;
    std::function<Variant(const ProxyState &)> value;
};

static const QList<
    std::pair<QString, std::pair<quint32, std::function<Variant(const ProxyState &)>>>> &
variableTable()
{
    static const QList<
        std::pair<QString, std::pair<quint32, std::function<Variant(const ProxyState &)>>>>
        table{
            {QStringLiteral("Pair"),
             {StringType, [](const ProxyState &s) { return Variant(s.pair); }}},
            {QStringLiteral("Mode"),
             {StringType, [](const ProxyState &s) { return Variant(s.mode); }}},
            {QStringLiteral("ActiveSide"),
             {StringType, [](const ProxyState &s) { return Variant(s.activeSide); }}},
            {QStringLiteral("ActiveMachine"),
             {StringType, [](const ProxyState &s) { return Variant(s.activeMachine); }}},
            {QStringLiteral("PrimaryMachine"),
             {StringType, [](const ProxyState &s) { return Variant(s.primaryMachine); }}},
            {QStringLiteral("PrimaryHealth"),
             {StringType, [](const ProxyState &s) { return Variant(s.primaryHealth); }}},
            {QStringLiteral("SecondaryMachine"),
             {StringType, [](const ProxyState &s) { return Variant(s.secondaryMachine); }}},
            {QStringLiteral("SecondaryHealth"),
             {StringType, [](const ProxyState &s) { return Variant(s.secondaryHealth); }}},
            {QStringLiteral("FailoverCount"),
             {UInt32Type, [](const ProxyState &s) { return Variant(s.failovers); }}},
            {QStringLiteral("Selection"),
             {StringType, [](const ProxyState &s) { return Variant(s.selection); }}},
            {QStringLiteral("LastSwitchReason"),
             {StringType, [](const ProxyState &s) { return Variant(s.lastSwitchReason); }}},
            {QStringLiteral("LastFailover"),
             {DateTimeType,
              [](const ProxyState &s) {
                  return Variant(DateTime::fromQDateTime(s.lastFailover));
              }}},
        };
    return table;
}

ProxyNodes::ProxyNodes(const QDateTime &startTime)
    : m_startTime(startTime)
{}

QStringList ProxyNodes::variableNames()
{
    QStringList names;
    for (const auto &entry : variableTable())
        names << FolderName + QLatin1Char('.') + entry.first;
    return names;
}

void ProxyNodes::extendNamespaceArray(DataValue &value) const
{
    if (m_ns == 0 || !value.value || value.value->type() != BuiltInType::String ||
        !value.value->isArray() || value.value->size() != m_ns)
        return;
    QList<Value> uris = value.value->values();
    uris.append(QString::fromLatin1(NamespaceUri));
    value.value = Variant::array(BuiltInType::String, uris);
}

QStringList ProxyNodes::methodNames()
{
    return {SwitchToName, ReturnToAutomaticName};
}

QList<Argument> ProxyNodes::switchToArguments()
{
    Argument side;
    side.name = QStringLiteral("side");
    side.dataType = NodeId(0, StringType);
    side.description = LocalizedText{QStringLiteral("en"),
                                     QStringLiteral("The machine to serve: primary or secondary")};
    return {side};
}

bool ProxyNodes::isTandemNode(const NodeId &node) const
{
    if (m_ns == 0 || node.namespaceIndex != m_ns || node.idType() != NodeId::IdType::String)
        return false;
    const QString &id = std::get<QString>(node.identifier);
    return id == FolderName || variable(node) != nullptr || isMethod(node) ||
           id == InputArgumentsName;
}

bool ProxyNodes::isMethod(const NodeId &node) const
{
    if (m_ns == 0 || node.namespaceIndex != m_ns || node.idType() != NodeId::IdType::String)
        return false;
    return methodNames().contains(std::get<QString>(node.identifier));
}

bool ProxyNodes::isInputArguments(const NodeId &node) const
{
    return m_ns != 0 && node == NodeId(m_ns, InputArgumentsName);
}

bool ProxyNodes::answers(const ReadValueId &id) const
{
    return isTandemNode(id.nodeId) ||
           (id.attributeId == AttributeId::Value && isStatusNode(id.nodeId));
}

const ProxyNodes::Variable *ProxyNodes::variable(const NodeId &node) const
{
    static QList<Variable> variables = [] {
        QList<Variable> list;
        for (const auto &[name, entry] : variableTable())
            list.append({FolderName + QLatin1Char('.') + name, entry.first, entry.second});
        return list;
    }();
    if (m_ns == 0 || node.namespaceIndex != m_ns || node.idType() != NodeId::IdType::String)
        return nullptr;
    const QString &id = std::get<QString>(node.identifier);
    for (const Variable &v : variables)
        if (v.name == id)
            return &v;
    return nullptr;
}

DataValue ProxyNodes::read(const ReadValueId &id, const ProxyState &state,
                           TimestampsToReturn timestamps) const
{
    DataValue result;
    if (!id.indexRange.isEmpty() || !id.dataEncoding.name.isEmpty())
        return bad(Status::BadIndexRangeInvalid);
    if (isStatusNode(id.nodeId)) {
        const quint32 node = std::get<quint32>(id.nodeId.identifier);
        const DateTime now = DateTime::fromQDateTime(QDateTime::currentDateTimeUtc());
        const BuildInfo info = buildInfo();
        switch (node) {
        case Id::ServerStatus: {
            ServerStatusDataType status;
            status.startTime = DateTime::fromQDateTime(m_startTime);
            status.currentTime = now;
            status.state = ServerState::Running;
            status.buildInfo = info;
            result = good(Variant(toExtensionObject(status)));
            break;
        }
        case StartTime:
            result = good(Variant(DateTime::fromQDateTime(m_startTime)));
            break;
        case CurrentTime:
            result = good(Variant(now));
            break;
        case Id::ServerStatusState:
            result = good(Variant(qint32(ServerState::Running)));
            break;
        case BuildInfoNode:
            result = good(Variant(toExtensionObject(info)));
            break;
        case ProductName:
            result = good(Variant(info.productName));
            break;
        case ProductUri:
            result = good(Variant(info.productUri));
            break;
        case ManufacturerName:
            result = good(Variant(info.manufacturerName));
            break;
        case SoftwareVersion:
            result = good(Variant(info.softwareVersion));
            break;
        case BuildNumber:
            result = good(Variant(info.buildNumber));
            break;
        case BuildDate:
            result = good(Variant(info.buildDate));
            break;
        case Id::ServiceLevel:
            result = good(Variant(quint8(state.serviceLevel)));
            break;
        case Id::SecondsTillShutdown:
            result = good(Variant(quint32(0)));
            break;
        case Id::ShutdownReason:
            result = good(Variant(LocalizedText{}));
            break;
        default:
            return bad(Status::BadNodeIdUnknown);
        }
    } else if (!isTandemNode(id.nodeId)) {
        return bad(Status::BadNodeIdUnknown);
    } else if (isMethod(id.nodeId) || isInputArguments(id.nodeId)) {
        result = readMethodNode(id);
        if (id.attributeId != AttributeId::Value || !result.statusCode().isGood())
            return result;
    } else {
        const Variable *v = variable(id.nodeId);
        const QString name = std::get<QString>(id.nodeId.identifier);
        const QString shortName = name.section(QLatin1Char('.'), -1);
        switch (id.attributeId) {
        case AttributeId::NodeId:
            return good(Variant(id.nodeId));
        case AttributeId::NodeClass:
            return good(Variant(qint32(v ? NodeClass::Variable : NodeClass::Object)));
        case AttributeId::BrowseName:
            return good(Variant(QualifiedName{m_ns, shortName}));
        case AttributeId::DisplayName:
            return good(Variant(LocalizedText{QString(), shortName}));
        case AttributeId::Description:
            return good(Variant(LocalizedText{}));
        case WriteMask:
        case UserWriteMask:
            return good(Variant(quint32(0)));
        case EventNotifier:
            return v ? bad(Status::BadAttributeIdInvalid) : good(Variant(quint8(0)));
        }
        if (!v)
            return bad(Status::BadAttributeIdInvalid);
        switch (id.attributeId) {
        case AttributeId::Value:
            result = good(v->value(state));
            break;
        case AttributeId::DataType:
            return good(Variant(NodeId(0, v->dataType)));
        case AttributeId::ValueRank:
            return good(Variant(qint32(-1)));
        case ArrayDimensions:
            return good(Variant::nullArray(BuiltInType::UInt32));
        case AttributeId::AccessLevel:
        case UserAccessLevel:
            return good(Variant(CurrentRead));
        case MinimumSamplingInterval:
            return good(Variant(0.0));
        case Historizing:
            return good(Variant(false));
        default:
            return bad(Status::BadAttributeIdInvalid);
        }
    }
    const DateTime now = DateTime::fromQDateTime(QDateTime::currentDateTimeUtc());
    if (timestamps == TimestampsToReturn::Source || timestamps == TimestampsToReturn::Both)
        result.sourceTimestamp = now;
    if (timestamps == TimestampsToReturn::Server || timestamps == TimestampsToReturn::Both)
        result.serverTimestamp = now;
    return result;
}

ReferenceDescription ProxyNodes::reference(const QString &name, bool folder) const
{
    ReferenceDescription r;
    r.referenceTypeId = NodeId(0, folder ? Organizes : HasComponent);
    r.isForward = true;
    r.nodeId.nodeId = NodeId(m_ns, name);
    const QString shortName = name.section(QLatin1Char('.'), -1);
    r.browseName = QualifiedName{m_ns, shortName};
    r.displayName = LocalizedText{QString(), shortName};
    r.nodeClass = folder ? NodeClass::Object : NodeClass::Variable;
    r.typeDefinition.nodeId = NodeId(0, folder ? FolderType : BaseDataVariableType);
    return r;
}

static ReferenceDescription masked(ReferenceDescription r, quint32 mask)
{
    if (!(mask & BrowseResultMask::ReferenceTypeId))
        r.referenceTypeId = NodeId();
    if (!(mask & BrowseResultMask::BrowseName))
        r.browseName = QualifiedName();
    if (!(mask & BrowseResultMask::DisplayName))
        r.displayName = LocalizedText();
    if (!(mask & BrowseResultMask::NodeClass))
        r.nodeClass = NodeClass::Unspecified;
    if (!(mask & BrowseResultMask::TypeDefinition))
        r.typeDefinition = ExpandedNodeId();
    return r;
}

static bool classWanted(const BrowseDescription &d, NodeClass nodeClass)
{
    return d.nodeClassMask == 0 || (d.nodeClassMask & quint32(nodeClass));
}

BrowseResult ProxyNodes::browse(const BrowseDescription &d) const
{
    BrowseResult result;
    if (!isTandemNode(d.nodeId)) {
        result.statusCode = StatusCode{Status::BadNodeIdUnknown};
        return result;
    }
    if (isMethod(d.nodeId) || isInputArguments(d.nodeId))
        return browseMethodNode(d);
    const QString id = std::get<QString>(d.nodeId.identifier);
    if (id == FolderName) {
        if (matchesReference(d, HasComponent, true) && classWanted(d, NodeClass::Variable))
            for (const QString &name : variableNames())
                result.references.append(masked(reference(name, false), d.resultMask));
        if (matchesReference(d, HasComponent, true) && classWanted(d, NodeClass::Method))
            for (const QString &name : methodNames())
                result.references.append(masked(methodReference(name), d.resultMask));
        if (matchesReference(d, Organizes, false) && classWanted(d, NodeClass::Object)) {
            ReferenceDescription up;
            up.referenceTypeId = NodeId(0, Organizes);
            up.isForward = false;
            up.nodeId.nodeId = NodeId(0, Id::ObjectsFolder);
            up.browseName = QualifiedName{0, QStringLiteral("Objects")};
            up.displayName = LocalizedText{QString(), QStringLiteral("Objects")};
            up.nodeClass = NodeClass::Object;
            up.typeDefinition.nodeId = NodeId(0, FolderType);
            result.references.append(masked(up, d.resultMask));
        }
    } else if (matchesReference(d, HasComponent, false) && classWanted(d, NodeClass::Object)) {
        ReferenceDescription up = reference(FolderName, true);
        up.referenceTypeId = NodeId(0, HasComponent);
        up.isForward = false;
        result.references.append(masked(up, d.resultMask));
    }
    return result;
}

std::optional<ReferenceDescription> ProxyNodes::objectsReference(const BrowseDescription &d) const
{
    if (m_ns == 0 || d.nodeId != NodeId(0, Id::ObjectsFolder) ||
        !matchesReference(d, Organizes, true) || !classWanted(d, NodeClass::Object))
        return std::nullopt;
    return masked(reference(FolderName, true), d.resultMask);
}

// The methods and SwitchTo's InputArguments property (OPC 10000-3, 5.7 and 8.6).

ReferenceDescription ProxyNodes::methodReference(const QString &name) const
{
    ReferenceDescription r = reference(name, false);
    r.nodeClass = NodeClass::Method;
    r.typeDefinition = ExpandedNodeId(); // methods have none
    return r;
}

ReferenceDescription ProxyNodes::inputArgumentsReference(bool forward) const
{
    ReferenceDescription r;
    r.referenceTypeId = NodeId(0, HasProperty);
    r.isForward = forward;
    if (forward) {
        r.nodeId.nodeId = NodeId(m_ns, InputArgumentsName);
        r.browseName = QualifiedName{0, QStringLiteral("InputArguments")};
        r.displayName = LocalizedText{QString(), QStringLiteral("InputArguments")};
        r.nodeClass = NodeClass::Variable;
        r.typeDefinition.nodeId = NodeId(0, PropertyType);
    } else {
        r = methodReference(SwitchToName);
        r.referenceTypeId = NodeId(0, HasProperty);
        r.isForward = false;
    }
    return r;
}

DataValue ProxyNodes::readMethodNode(const ReadValueId &id) const
{
    const bool method = isMethod(id.nodeId);
    const QString shortName =
        method ? std::get<QString>(id.nodeId.identifier).section(QLatin1Char('.'), -1)
               : QStringLiteral("InputArguments");
    switch (id.attributeId) {
    case AttributeId::NodeId:
        return good(Variant(id.nodeId));
    case AttributeId::NodeClass:
        return good(Variant(qint32(method ? NodeClass::Method : NodeClass::Variable)));
    case AttributeId::BrowseName: // a property's browse name is the standard one
        return good(Variant(QualifiedName{method ? m_ns : quint16(0), shortName}));
    case AttributeId::DisplayName:
        return good(Variant(LocalizedText{QString(), shortName}));
    case AttributeId::Description:
        return good(Variant(LocalizedText{}));
    case WriteMask:
    case UserWriteMask:
        return good(Variant(quint32(0)));
    }
    if (method) {
        // Who may call them is checked at the call (ProxyMethods): a Read has no caller.
        if (id.attributeId == Executable || id.attributeId == UserExecutable)
            return good(Variant(true));
        return bad(Status::BadAttributeIdInvalid);
    }
    switch (id.attributeId) {
    case AttributeId::Value: {
        QList<Value> arguments;
        for (const Argument &argument : switchToArguments())
            arguments.append(toExtensionObject(argument));
        return good(Variant::array(BuiltInType::ExtensionObject, arguments));
    }
    case AttributeId::DataType:
        return good(Variant(NodeId(0, Argument::DataTypeId)));
    case AttributeId::ValueRank:
        return good(Variant(qint32(1)));
    case ArrayDimensions:
        return good(Variant::array(BuiltInType::UInt32, {Value(quint32(1))}));
    case AttributeId::AccessLevel:
    case UserAccessLevel:
        return good(Variant(CurrentRead));
    case MinimumSamplingInterval:
        return good(Variant(0.0));
    case Historizing:
        return good(Variant(false));
    default:
        return bad(Status::BadAttributeIdInvalid);
    }
}

BrowseResult ProxyNodes::browseMethodNode(const BrowseDescription &d) const
{
    BrowseResult result;
    if (isInputArguments(d.nodeId)) {
        if (matchesReference(d, HasProperty, false) && classWanted(d, NodeClass::Method))
            result.references.append(masked(inputArgumentsReference(false), d.resultMask));
        return result;
    }
    if (d.nodeId == NodeId(m_ns, SwitchToName) && matchesReference(d, HasProperty, true) &&
        classWanted(d, NodeClass::Variable))
        result.references.append(masked(inputArgumentsReference(true), d.resultMask));
    if (matchesReference(d, HasComponent, false) && classWanted(d, NodeClass::Object)) {
        ReferenceDescription up = reference(FolderName, true);
        up.referenceTypeId = NodeId(0, HasComponent);
        up.isForward = false;
        result.references.append(masked(up, d.resultMask));
    }
    return result;
}

} // namespace tandem::opcua
