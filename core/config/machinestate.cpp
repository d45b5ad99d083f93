#include "machinestate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace tandem {

namespace {
// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MachineState)
};
} // namespace

MachineState::MachineState(const QString &stateDir)
    : m_stateDir(stateDir)
{}

QString MachineState::filePath() const
{
    return QDir(m_stateDir).filePath(QStringLiteral("enabled-pairs.json"));
}

bool MachineState::load(const QString &configId, QString *error)
{
    m_configId = configId;
    m_enabled.clear();
    QFile file(filePath());
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("%1 cannot be read: %2").arg(filePath(), file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = Tr::tr("%1 is damaged (%2); every pair starts disabled")
                     .arg(filePath(), parseError.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("config-id")).toString() != configId)
        return true; // state of another configuration: this one starts all disabled
    for (const QJsonValue &name : root.value(QLatin1String("enabled")).toArray())
        m_enabled.insert(name.toString());
    return true;
}

bool MachineState::write(QString *error)
{
    if (!QDir().mkpath(m_stateDir)) {
        *error = Tr::tr("cannot create the state folder %1").arg(m_stateDir);
        return false;
    }
    QStringList names(m_enabled.cbegin(), m_enabled.cend());
    names.sort();
    QJsonObject root;
    root.insert(QLatin1String("config-id"), m_configId);
    root.insert(QLatin1String("enabled"), QJsonArray::fromStringList(names));
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly)) {
        *error = Tr::tr("%1 cannot be written: %2").arg(filePath(), file.errorString());
        return false;
    }
    file.write(QJsonDocument(root).toJson());
    if (!file.commit()) {
        *error = Tr::tr("%1 cannot be written: %2").arg(filePath(), file.errorString());
        return false;
    }
    return true;
}

bool MachineState::setEnabled(const QString &pairName, bool enabled, QString *error)
{
    const QSet<QString> before = m_enabled;
    if (enabled)
        m_enabled.insert(pairName);
    else
        m_enabled.remove(pairName);
    if (m_enabled == before)
        return true;
    if (!write(error)) {
        m_enabled = before;
        return false;
    }
    return true;
}

bool MachineState::rename(const QString &from, const QString &to, QString *error)
{
    if (!m_enabled.contains(from))
        return true;
    const QSet<QString> before = m_enabled;
    m_enabled.remove(from);
    m_enabled.insert(to);
    if (!write(error)) {
        m_enabled = before;
        return false;
    }
    return true;
}

bool MachineState::retainOnly(const QSet<QString> &pairNames, QString *error)
{
    const QSet<QString> before = m_enabled;
    m_enabled.intersect(pairNames);
    if (m_enabled == before)
        return true;
    if (!write(error)) {
        m_enabled = before;
        return false;
    }
    return true;
}

bool MachineState::disableAll(QString *error)
{
    const QSet<QString> before = m_enabled;
    m_enabled.clear();
    if (!write(error)) {
        m_enabled = before;
        return false;
    }
    return true;
}

} // namespace tandem
