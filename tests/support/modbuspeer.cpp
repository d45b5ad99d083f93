#include "modbuspeer.h"
#include "buildpaths.h"

#include <QProcessEnvironment>

namespace tandem::test {

namespace {
// Debian's pymodbus is importable by the system interpreter only, not by a python3
// that PATH may put first.
const auto Python = QStringLiteral("/usr/bin/python3");
} // namespace

ModbusPeer::ModbusPeer(QObject *parent)
    : PeerProcess(QStringLiteral("Modbus peer"), StartTimeoutMs, parent)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PYTHONHOME"));
    env.remove(QStringLiteral("PYTHONPATH"));
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    setEnvironment(env);
}

bool ModbusPeer::start(quint16 offset, quint16 port)
{
    m_offset = offset;
    return startProcess(Python,
                        {test::sourcePath("tests/integration/peers/modbus_server.py"),
                         QStringLiteral("--port"), QString::number(port),
                         QStringLiteral("--offset"), QString::number(offset)},
                        "ready ");
}

std::optional<ModbusPeer::Stats> ModbusPeer::stats()
{
    const std::optional<QString> answer = query(QStringLiteral("stats"));
    if (!answer)
        return std::nullopt;
    Stats stats;
    for (const QString &field : answer->split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString key = field.section(QLatin1Char('='), 0, 0);
        const int value = field.section(QLatin1Char('='), 1).toInt();
        if (key == QLatin1String("connections"))
            stats.connections = value;
        else if (key == QLatin1String("requests"))
            stats.requests = value;
        else if (key == QLatin1String("flushes"))
            stats.flushes = value;
        else if (key == QLatin1String("flushed-bytes"))
            stats.flushedBytes = value;
        else if (key == QLatin1String("refused"))
            stats.refused = value;
    }
    return stats;
}

} // namespace tandem::test
