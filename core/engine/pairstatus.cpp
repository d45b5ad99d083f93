#include "pairstatus.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace tandem {

namespace {
// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PairStatus)
};

// Reads one JSON object of the status strictly: a key that is missing or of another type
// is the first error, named by its path in the document ("pairs[line1].primary.health").
class Reader final
{
public:
    Reader(const QJsonObject &json, QString where, QString *error)
        : m_json(json)
        , m_where(std::move(where))
        , m_error(error)
    {}

    bool ok() const { return m_ok; }
    QString path(const char *key) const
    {
        return m_where.isEmpty() ? QLatin1String(key)
                                 : m_where + QLatin1Char('.') + QLatin1String(key);
    }
    QJsonValue value(const char *key, QJsonValue::Type type)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (m_ok && v.type() != type)
            fail(Tr::tr("the engine's status has no valid '%1' (is the engine of another "
                        "version of Tandem?)")
                     .arg(path(key)));
        return v;
    }
    QString string(const char *key) { return value(key, QJsonValue::String).toString(); }
    // A key an engine of an earlier version does not send: empty when absent.
    QString optionalString(const char *key)
    {
        return m_json.contains(QLatin1String(key)) ? string(key) : QString();
    }
    bool boolean(const char *key) { return value(key, QJsonValue::Bool).toBool(); }
    qint64 integer(const char *key) { return value(key, QJsonValue::Double).toInteger(); }
    QJsonObject object(const char *key) { return value(key, QJsonValue::Object).toObject(); }
    QJsonArray array(const char *key) { return value(key, QJsonValue::Array).toArray(); }
    // A key whose text must be one of a set of words (a side, a health, a mode...).
    template <typename T>
    T word(const char *key, std::optional<T> (*parse)(const QString &), T fallback)
    {
        const QString text = string(key);
        if (!m_ok)
            return fallback;
        if (const std::optional<T> parsed = parse(text))
            return *parsed;
        fail(Tr::tr("the engine's status has '%1' as '%2', which this version of Tandem does "
                    "not know")
                 .arg(text, path(key)));
        return fallback;
    }
    void fail(const QString &message)
    {
        if (!m_ok)
            return;
        m_ok = false;
        if (m_error)
            *m_error = message;
    }

private:
    QJsonObject m_json;
    QString m_where;
    QString *m_error;
    bool m_ok = true;
};

std::optional<Side> sideOrNone(const QString &key)
{
    if (key == QLatin1String("none"))
        return Side::None;
    return sideFromKey(key);
}

// "pinned" is empty while the rules choose.
std::optional<Side> pinnedSide(const QString &key)
{
    return key.isEmpty() ? std::optional<Side>(Side::None) : sideFromKey(key);
}
} // namespace

QJsonObject SideStatus::toJson() const
{
    return QJsonObject{{QStringLiteral("machine"), machine},
                       {QStringLiteral("health"), sideHealthKey(health)},
                       {QStringLiteral("connected"), connected},
                       {QStringLiteral("status-ok"), statusOk},
                       {QStringLiteral("shutdown"), shutdown},
                       {QStringLiteral("degraded"), degraded},
                       {QStringLiteral("degraded-reason"), degradedReason},
                       {QStringLiteral("monitor-errors"), monitorErrors},
                       {QStringLiteral("monitor-failed"), monitorFailed},
                       {QStringLiteral("monitor-tested"), monitorTested},
                       {QStringLiteral("status-failures"), statusFailuresInRow},
                       {QStringLiteral("last-error"), lastError},
                       {QStringLiteral("last-reason"), lastReason},
                       {QStringLiteral("refused-certificate"), refusedCertificate}};
}

std::optional<SideStatus> SideStatus::fromJson(const QJsonObject &json, const QString &where,
                                               QString *error)
{
    Reader r(json, where, error);
    SideStatus s;
    s.machine = r.string("machine");
    s.health = r.word("health", &sideHealthFromKey, SideHealth::Unknown);
    s.connected = r.boolean("connected");
    s.statusOk = r.boolean("status-ok");
    s.shutdown = r.boolean("shutdown");
    s.degraded = r.boolean("degraded");
    s.degradedReason = r.string("degraded-reason");
    s.monitorErrors = int(r.integer("monitor-errors"));
    s.monitorFailed = r.boolean("monitor-failed");
    s.monitorTested = r.boolean("monitor-tested");
    s.statusFailuresInRow = int(r.integer("status-failures"));
    s.lastError = r.string("last-error");
    s.lastReason = r.string("last-reason");
    s.refusedCertificate = r.optionalString("refused-certificate");
    return r.ok() ? std::optional<SideStatus>(s) : std::nullopt;
}

QJsonObject PairStatus::toJson() const
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("protocol"), protocolKey(protocol)},
        {QStringLiteral("mode"), connectionModeKey(mode)},
        {QStringLiteral("listen"), listen},
        {QStringLiteral("port"), port},
        {QStringLiteral("pass-through"), passThrough},
        {QStringLiteral("active"), sideKey(active)},
        {QStringLiteral("pinned"), pinned == Side::None ? QString() : sideKey(pinned)},
        {QStringLiteral("failovers"), failovers},
        {QStringLiteral("last-failover"),
         lastFailover.isValid() ? lastFailover.toString(Qt::ISODateWithMs) : QString()},
        {QStringLiteral("last-switch-reason"), lastSwitchReason},
        {QStringLiteral("clients"), clients},
        {QStringLiteral("primary"), primary.toJson()},
        {QStringLiteral("secondary"), secondary.toJson()},
    };
}

std::optional<PairStatus> PairStatus::fromJson(const QJsonObject &json, QString *error)
{
    PairStatus p;
    {
        Reader name(json, QStringLiteral("pairs[]"), error);
        p.name = name.string("name");
        if (!name.ok())
            return std::nullopt;
    }
    const QString where = QStringLiteral("pairs[%1]").arg(p.name);
    Reader r(json, where, error);
    p.protocol = r.word("protocol", &protocolFromKey, Protocol::ModbusTcp);
    p.mode = r.word("mode", &connectionModeFromKey, ConnectionMode::Warm);
    p.listen = r.string("listen");
    const qint64 port = r.integer("port");
    if (r.ok() && (port < 0 || port > 65535))
        r.fail(Tr::tr("the engine's status has '%1' as '%2', which this version of Tandem does "
                      "not know")
                   .arg(QString::number(port), r.path("port")));
    p.port = quint16(port);
    p.passThrough = r.boolean("pass-through");
    p.active = r.word("active", &sideOrNone, Side::None);
    p.pinned = r.word("pinned", &pinnedSide, Side::None);
    p.failovers = int(r.integer("failovers"));
    const QString last = r.string("last-failover");
    p.lastFailover = last.isEmpty() ? QDateTime() : QDateTime::fromString(last, Qt::ISODateWithMs);
    if (r.ok() && !last.isEmpty() && !p.lastFailover.isValid())
        r.fail(Tr::tr("the engine's status has '%1' as '%2', which this version of Tandem does "
                      "not know")
                   .arg(last, r.path("last-failover")));
    p.lastSwitchReason = r.string("last-switch-reason");
    p.clients = int(r.integer("clients"));
    const QJsonObject primary = r.object("primary");
    const QJsonObject secondary = r.object("secondary");
    if (!r.ok())
        return std::nullopt;
    const auto ps = SideStatus::fromJson(primary, where + QLatin1String(".primary"), error);
    const auto ss = ps ? SideStatus::fromJson(secondary, where + QLatin1String(".secondary"), error)
                       : std::nullopt;
    if (!ss)
        return std::nullopt;
    p.primary = *ps;
    p.secondary = *ss;
    return p;
}

const PairStatus *EngineStatus::pair(const QString &name) const
{
    for (const PairStatus &p : pairs)
        if (p.name == name)
            return &p;
    return nullptr;
}

QJsonObject EngineStatus::toJson() const
{
    QJsonArray list;
    for (const PairStatus &p : pairs)
        list.append(p.toJson());
    return QJsonObject{{QStringLiteral("pid"), pid},
                       {QStringLiteral("process"), process},
                       {QStringLiteral("pairs"), list}};
}

std::optional<EngineStatus> EngineStatus::fromJson(const QJsonObject &json, QString *error)
{
    Reader r(json, QString(), error);
    EngineStatus e;
    e.pid = r.integer("pid");
    e.process = r.string("process");
    const QJsonArray pairs = r.array("pairs");
    if (!r.ok())
        return std::nullopt;
    for (const QJsonValue &value : pairs) {
        if (!value.isObject()) {
            r.fail(Tr::tr("the engine's status has no valid '%1' (is the engine of another "
                          "version of Tandem?)")
                       .arg(QStringLiteral("pairs[]")));
            return std::nullopt;
        }
        const std::optional<PairStatus> pair = PairStatus::fromJson(value.toObject(), error);
        if (!pair)
            return std::nullopt;
        e.pairs.append(*pair);
    }
    return e;
}

QString describeHealth(const SideStatus &side)
{
    // The error is said where the side has none to serve with; the last failure's reason
    // where it adds something (after a recovery, or why its items failed).
    QString text;
    bool withError = false;
    switch (side.health) {
    case SideHealth::Healthy:
        text = side.monitorTested ? Tr::tr("healthy")
                                  : Tr::tr("healthy, monitor items not tested yet");
        break;
    case SideHealth::Degraded:
        text = Tr::tr("connected, degraded: %1").arg(side.degradedReason);
        break;
    case SideHealth::MonitorError:
        text = Tr::tr("connected, %n monitor item(s) in error", nullptr, side.monitorErrors);
        break;
    case SideHealth::Connecting:
        text = Tr::tr("connecting");
        break;
    case SideHealth::PassThrough:
        text = Tr::tr("connected (pass-through)");
        break;
    case SideHealth::ShuttingDown:
        withError = !side.lastError.isEmpty();
        text =
            withError ? Tr::tr("shutting down: %1").arg(side.lastError) : Tr::tr("shutting down");
        break;
    case SideHealth::Lost:
        withError = !side.lastError.isEmpty();
        text = withError ? Tr::tr("lost: %1").arg(side.lastError) : Tr::tr("lost");
        break;
    case SideHealth::Unknown:
        withError = !side.lastError.isEmpty();
        text =
            withError ? Tr::tr("not connected: %1").arg(side.lastError) : Tr::tr("not connected");
        break;
    }
    if (!side.lastReason.isEmpty() && !(withError && side.lastReason == side.lastError))
        text = Tr::tr("%1 (last failure: %2)").arg(text, side.lastReason);
    return text;
}

QString describeActive(const PairStatus &pair)
{
    QString text = pair.active == Side::Primary ? Tr::tr("primary (%1)").arg(pair.primary.machine)
                   : pair.active == Side::Secondary
                       ? Tr::tr("secondary (%1)").arg(pair.secondary.machine)
                       : Tr::tr("none: no server is available");
    if (pair.passThrough)
        text = Tr::tr("%1, pass-through (redundancy disabled)").arg(text);
    else if (pair.pinned != Side::None)
        text = Tr::tr("%1, held by the operator").arg(text);
    return text;
}

} // namespace tandem
