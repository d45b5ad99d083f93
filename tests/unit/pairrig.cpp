#include "pairrig.h"

#include <QRegularExpression>

namespace tandem::test {

namespace {
Side sideOf(const QString &token, bool *ok)
{
    *ok = true;
    if (token == QLatin1String("P"))
        return Side::Primary;
    if (token == QLatin1String("S"))
        return Side::Secondary;
    if (token == QLatin1String("none"))
        return Side::None;
    *ok = false;
    return Side::None;
}

QString letter(Side side)
{
    return side == Side::Primary     ? QStringLiteral("P")
           : side == Side::Secondary ? QStringLiteral("S")
                                     : QStringLiteral("none");
}

// Events about one side's connection, and about its monitor items, each a state machine
// of their own: the same one twice in a row is a repeat, which the reference manual forbids.
const QStringList &connectionEvents()
{
    static const QStringList ids{QStringLiteral("connected"), QStringLiteral("disconnected"),
                                 QStringLiteral("connect-failed"), QStringLiteral("status-lost"),
                                 QStringLiteral("shutdown")};
    return ids;
}
} // namespace

PairRig::PairRig(const PairConfig &config)
{
    const auto makeLink = [this](Side side, QObject *parent) -> ServerLink * {
        auto *link = new FakeServerLink(side == Side::Primary ? QStringLiteral("plc-a:502")
                                                              : QStringLiteral("plc-b:502"),
                                        &m_clock, parent);
        m_links[size_t(side)] = link;
        return link;
    };
    m_runtime = std::make_unique<PairRuntime>(config, makeLink, &m_log, &m_clock);
    connect(&m_log, &EventLog::eventPosted, this, &PairRig::onEvent);
    connect(m_runtime.get(), &PairRuntime::activeChanged, this, &PairRig::onActiveChanged);
    connect(m_runtime.get(), &PairRuntime::stateChanged, this, &PairRig::trackHealth);
}

PairRig::~PairRig()
{
    m_runtime.reset(); // its links and timers go before the clock
}

PairConfig PairRig::parseConfig(const QString &line, QString *error)
{
    PairConfig config;
    config.name = QStringLiteral("line1");
    config.endpoint = QStringLiteral("127.0.0.1:1502");
    config.primary = QStringLiteral("plc-a");
    config.secondary = QStringLiteral("plc-b");
    config.statusIntervalMs = 200;
    config.statusTimeoutMs = 100;
    int items = 0, rate = 100;
    for (const QString &word : line.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString key = word.section(QLatin1Char('='), 0, 0);
        const int value = word.section(QLatin1Char('='), 1).toInt();
        if (const auto mode = connectionModeFromKey(key))
            config.mode = *mode;
        else if (key == QLatin1String("reconnect"))
            config.reconnectPrimary = true;
        else if (key == QLatin1String("holdoff"))
            config.failbackHoldoffMs = value;
        else if (key == QLatin1String("persistence"))
            config.failurePersistence = value;
        else if (key == QLatin1String("items"))
            items = value;
        else if (key == QLatin1String("count"))
            config.failureCount = value;
        else if (key == QLatin1String("interval"))
            config.statusIntervalMs = value;
        else if (key == QLatin1String("timeout"))
            config.statusTimeoutMs = value;
        else if (key == QLatin1String("rate"))
            rate = value;
        else if (key == QLatin1String("replay"))
            config.writeReplay = true;
        else if (error)
            *error = QStringLiteral("unknown config word '%1'").arg(word);
    }
    for (int i = 0; i < items; ++i) {
        MonitorItem item;
        item.itemId = QStringLiteral("4000%1").arg(11 + i);
        item.trigger = Trigger::SpecificValue;
        item.triggerData = QStringLiteral("1");
        item.updateRateMs = rate;
        config.monitorItems.append(item);
    }
    return config;
}

QString PairRig::run(const QString &script)
{
    for (const QString &s : script.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString error = step(s.trimmed());
        if (!error.isEmpty())
            return QStringLiteral("step '%1': %2").arg(s.trimmed(), error);
    }
    return {};
}

QString PairRig::step(const QString &text)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    const QString &verb = words.first();
    QString error;
    bool ok = false;
    if (verb == QLatin1String("start")) {
        m_runtime->start();
    } else if (verb == QLatin1String("stop")) {
        m_autoRequested = true;
        m_runtime->stop();
    } else if (verb.startsWith(QLatin1Char('+'))) {
        m_clock.advance(verb.mid(1).toLongLong());
    } else if (verb == QLatin1String("try-pin")) {
        m_operatorActed = true; // refusals are the model's right; the invariants judge
        m_runtime->pin(sideOf(words.value(1), &ok));
    } else if (verb == QLatin1String("pin") || verb == QLatin1String("pin!")) {
        const Side side = sideOf(words.value(1), &ok);
        m_operatorActed = true;
        QString refusal;
        const bool pinned = m_runtime->pin(side, &refusal);
        if (verb == QLatin1String("pin") && !pinned)
            error = QStringLiteral("pin refused: %1").arg(refusal);
        else if (verb == QLatin1String("pin!") && (pinned || refusal.isEmpty()))
            error = QStringLiteral("pin was not refused with a reason");
    } else if (verb == QLatin1String("auto")) {
        m_operatorActed = m_autoRequested = true;
        m_runtime->returnToAutomatic();
    } else if (verb == QLatin1String("set")) {
        PairConfig config = m_runtime->config();
        const PairConfig parsed = parseConfig(words.mid(1).join(QLatin1Char(' ')), &error);
        for (const QString &word : words.mid(1)) {
            const QString key = word.section(QLatin1Char('='), 0, 0);
            if (key == QLatin1String("mode"))
                config.mode = *connectionModeFromKey(word.section(QLatin1Char('='), 1));
            else if (key == QLatin1String("reconnect"))
                config.reconnectPrimary = word.section(QLatin1Char('='), 1) == QLatin1String("1");
            else if (key == QLatin1String("holdoff"))
                config.failbackHoldoffMs = parsed.failbackHoldoffMs;
            else if (key == QLatin1String("persistence"))
                config.failurePersistence = parsed.failurePersistence;
            else if (key == QLatin1String("interval"))
                config.statusIntervalMs = parsed.statusIntervalMs;
            else if (key == QLatin1String("timeout"))
                config.statusTimeoutMs = parsed.statusTimeoutMs;
            else if (key == QLatin1String("items") || key == QLatin1String("count")) {
                config.monitorItems = parsed.monitorItems;
                config.failureCount = std::max(1, parsed.failureCount);
                m_lastSideEvent.clear(); // monitoring starts over
            }
        }
        error.clear(); // "mode=..." is no config word of parseConfig's
        if (!m_runtime->reconfigure(config))
            error = QStringLiteral("reconfigure refused an in-place change");
    } else if (verb == QLatin1String("passthrough")) {
        m_autoRequested = true;
        m_runtime->setPassThrough(words.value(1) == QLatin1String("on"));
    } else if (verb == QLatin1String("count")) {
        const QString id = words.value(1).section(QLatin1Char('='), 0, 0);
        const int wanted = words.value(1).section(QLatin1Char('='), 1).toInt();
        const auto n = std::count_if(m_events.cbegin(), m_events.cend(),
                                     [&](const Event &e) { return e.id == id; });
        if (n != wanted)
            error = QStringLiteral("%1 posted %2 times, expected %3").arg(id).arg(n).arg(wanted);
    } else if (verb == QLatin1String("reason")) {
        const QString rest = words.mid(1).join(QLatin1Char(' '));
        const QString id = rest.section(QLatin1Char('~'), 0, 0);
        const QString part = rest.section(QLatin1Char('~'), 1);
        auto it = std::find_if(m_events.crbegin(), m_events.crend(),
                               [&](const Event &e) { return e.id == id; });
        if (it == m_events.crend())
            error = QStringLiteral("no %1 event").arg(id);
        else if (!it->reason.contains(part))
            error = QStringLiteral("%1's reason is '%2', not containing '%3'")
                        .arg(id, it->reason, part);
    } else if (verb.contains(QLatin1Char('='))) {
        const QString key = verb.section(QLatin1Char('='), 0, 0);
        const QString value = verb.section(QLatin1Char('='), 1);
        QString actual;
        if (key == QLatin1String("active"))
            actual = letter(m_runtime->active());
        else if (key == QLatin1String("pinned"))
            actual = letter(m_runtime->pinned());
        else if (key == QLatin1String("failovers"))
            actual = QString::number(m_runtime->failoverCount());
        else if (key == QLatin1String("switching"))
            actual = QString::number(m_runtime->isSwitching() ? 1 : 0);
        else if (key == QLatin1String("P") || key == QLatin1String("S"))
            actual = sideHealthKey(m_runtime->health(sideOf(key, &ok)));
        else
            return QStringLiteral("unknown check '%1'").arg(verb);
        if (actual != value)
            error = QStringLiteral("%1 is %2").arg(key, actual);
    } else if (FakeServerLink *link =
                   words.size() >= 2 ? m_links[size_t(sideOf(verb, &ok))] : nullptr;
               ok && link) {
        const QString &what = words.at(1);
        if (what == QLatin1String("crash"))
            link->crash();
        else if (what == QLatin1String("refuse"))
            link->refuse();
        else if (what == QLatin1String("hang"))
            link->hang();
        else if (what == QLatin1String("heal"))
            link->heal();
        else if (what == QLatin1String("shutdown"))
            link->announceShutdown();
        else if (what == QLatin1String("gateway"))
            link->gatewayError();
        else if (what == QLatin1String("degrade"))
            link->setDegraded(true);
        else if (what == QLatin1String("restore"))
            link->setDegraded(false);
        else if (what == QLatin1String("items-silent"))
            link->setItemsSilent(true);
        else if (what == QLatin1String("items-talk"))
            link->setItemsSilent(false);
        else if (what.startsWith(QLatin1String("opens=")))
            error = link->opens() == what.mid(6).toInt()
                        ? QString()
                        : QStringLiteral("opened %1 times").arg(link->opens());
        else if (what.startsWith(QLatin1String("item"))) {
            static const QRegularExpression itemSet(QStringLiteral("^item(\\d+)=(.+)$"));
            const auto m = itemSet.match(what);
            if (!m.hasMatch())
                return QStringLiteral("bad item step '%1'").arg(what);
            if (m.captured(2) == QLatin1String("bad"))
                link->setItem(m.captured(1).toInt(), {}, false);
            else
                link->setItem(m.captured(1).toInt(), m.captured(2).toInt());
        } else
            return QStringLiteral("unknown server step '%1'").arg(what);
    } else {
        return QStringLiteral("unknown step");
    }
    checkInvariants(qPrintable(text));
    if (!m_violation.isEmpty())
        return m_violation;
    return error;
}

bool PairRig::fullyHealthy(Side side) const
{
    const SideStatus s = m_runtime->sideStatus(side);
    return serviceRank(s.health) == 2 && s.monitorTested &&
           (m_runtime->config().monitorItems.isEmpty() || !s.monitorFailed);
}

void PairRig::trackHealth()
{
    for (Side side : {Side::Primary, Side::Secondary}) {
        qint64 &since = m_healthySince[size_t(side)];
        if (!fullyHealthy(side))
            since = -1;
        else if (since < 0)
            since = m_clock.nowMs();
    }
}

void PairRig::violate(const QString &what)
{
    if (m_violation.isEmpty())
        m_violation = QStringLiteral("at %1 ms: %2").arg(m_clock.nowMs()).arg(what);
}

void PairRig::onActiveChanged(Side previous, Side current)
{
    trackHealth();
    const PairConfig &config = m_runtime->config();
    if (current == Side::None)
        m_lastPromoted.clear(); // promoting the same side again after none is a transition
    if (current == Side::None || m_runtime->isPassThrough())
        return;
    const Side left = otherSide(current);
    const bool isSwitch = m_lastMachine == left;
    m_lastMachine = current;
    // Only a direct switch leaves a side; after a while with none, the choice starts over.
    if (!isSwitch || previous != left || config.mode == ConnectionMode::Cold) {
        if (isSwitch)
            m_lastSwitchMs = m_clock.nowMs();
        return;
    }
    const qint64 now = m_clock.nowMs();
    const int leftRank = serviceRank(m_runtime->health(left));
    const int newRank = serviceRank(m_runtime->health(current));
    const qint64 holdoff = config.reconnectPrimary ? config.failbackHoldoffMs : 0;
    if (!m_operatorActed) {
        // Never more than one switch per hold-off while the side left keeps communication.
        if (leftRank > 0 && m_lastSwitchMs >= 0 && now - m_lastSwitchMs < holdoff)
            violate(QStringLiteral("switched to %1 %2 ms after the last switch, within the "
                                   "hold-off of %3 ms, while %4 communicated")
                        .arg(sideKey(current))
                        .arg(now - m_lastSwitchMs)
                        .arg(holdoff)
                        .arg(sideKey(left)));
        if (leftRank > 0 && leftRank >= newRank) {
            // Not a fail-over: only a fail-back may do this, after the hold-off, tested.
            if (!config.reconnectPrimary || current != Side::Primary)
                violate(QStringLiteral("left %1 for %2, which is no better, without always "
                                       "reconnect to primary")
                            .arg(sideKey(left), sideKey(current)));
            else if (!fullyHealthy(Side::Primary))
                violate(QStringLiteral("failed back to a primary that has not passed its "
                                       "monitor test or is not healthy"));
            else if (now - m_healthySince[0] < holdoff)
                violate(QStringLiteral("failed back after %1 ms of health, hold-off %2 ms")
                            .arg(now - m_healthySince[0])
                            .arg(holdoff));
        }
    }
    m_lastSwitchMs = now;
    m_operatorActed = false;
}

void PairRig::onEvent(const Event &event)
{
    m_events.append(event);
    const QString base = event.id.section(QLatin1Char('.'), 0, 0);
    const QString side = event.id.section(QLatin1Char('.'), 1);
    if (base == QLatin1String("pin-ended")) {
        const Side was = side == QLatin1String("primary") ? Side::Primary : Side::Secondary;
        if (serviceRank(m_runtime->health(was)) > 0)
            violate(QStringLiteral("the pin on %1 ended while it communicates").arg(side));
        m_pinEnded = true;
        return;
    }
    if (base == QLatin1String("promoted") || base == QLatin1String("serving")) {
        if (base == QLatin1String("promoted") && m_lastPromoted == side)
            violate(QStringLiteral("%1 posted twice in a row").arg(event.id));
        m_lastPromoted = side;
        return;
    }
    QString key;
    if (connectionEvents().contains(base)) {
        key = side + QLatin1String("/conn");
        m_lastSideEvent.remove(side + QLatin1String("/monitor"));
        m_lastSideEvent.remove(side + QLatin1String("/level"));
        // "Disconnected" follows "shutdown" as the same transition's second half.
        if (base == QLatin1String("disconnected") &&
            m_lastSideEvent.value(key) == QLatin1String("shutdown"))
            return;
    } else if (base == QLatin1String("monitor-error") || base == QLatin1String("monitor-passed")) {
        key = side + QLatin1String("/monitor");
    } else if (base == QLatin1String("degraded") || base == QLatin1String("service-restored")) {
        key = side + QLatin1String("/level");
    } else {
        return;
    }
    if (m_lastSideEvent.value(key) == base)
        violate(QStringLiteral("%1 posted twice in a row").arg(event.id));
    m_lastSideEvent.insert(key, base);
}

void PairRig::checkInvariants(const char *when)
{
    Q_UNUSED(when)
    trackHealth();
    const PairRuntime &r = *m_runtime;
    const PairConfig &config = r.config();
    const Side pinned = r.pinned();
    // A pin ends only when its side loses communication (or the operator, or a stop).
    // A pin ends only when its side loses communication (said by pin-ended, checked
    // there), by the operator, or with a stop.
    if (m_pinSeen != Side::None && pinned == Side::None && !m_autoRequested && !m_pinEnded)
        violate(QStringLiteral("the pin on %1 ended silently").arg(sideKey(m_pinSeen)));
    m_pinSeen = pinned;
    m_autoRequested = m_pinEnded = false;
    if (!r.isRunning() || r.isPassThrough())
        return;
    const Side active = r.active();
    if (pinned != Side::None) {
        if (active != pinned && !(config.mode == ConnectionMode::Cold && active == Side::None))
            violate(QStringLiteral("pinned to %1 but %2 is active")
                        .arg(sideKey(pinned), sideKey(active)));
        return;
    }
    if (config.mode == ConnectionMode::Cold)
        return;
    const auto rank = [&](Side s) { return serviceRank(r.health(s)); };
    const auto outranks = [&](Side a, Side b) {
        return rank(a) > rank(b) && (rank(b) == 0 || r.sideStatus(a).monitorTested);
    };
    if (active == Side::None) {
        const bool waitingForPrimary = r.health(Side::Primary) == SideHealth::Connecting;
        if ((rank(Side::Primary) > 0 || rank(Side::Secondary) > 0) && !waitingForPrimary)
            violate(QStringLiteral("no side active though one can serve"));
        return;
    }
    const Side other = otherSide(active);
    if (outranks(other, active)) {
        const qint64 holdoff = config.reconnectPrimary ? config.failbackHoldoffMs : 0;
        const bool dwelling = m_lastSwitchMs >= 0 && m_clock.nowMs() - m_lastSwitchMs < holdoff;
        if (!dwelling)
            violate(QStringLiteral("stays on %1 (%2) though %3 (%4) is better")
                        .arg(sideKey(active), sideHealthKey(r.health(active)), sideKey(other),
                             sideHealthKey(r.health(other))));
    }
}

QString PairRig::history() const
{
    QStringList lines;
    for (const Event &e : m_events)
        lines << QStringLiteral("%1 %2 [%3]").arg(e.id, e.text, e.reason);
    return lines.join(QLatin1Char('\n'));
}

} // namespace tandem::test
