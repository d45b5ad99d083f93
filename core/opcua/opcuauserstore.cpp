#include "opcuauserstore.h"

#include "base/durablefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <sodium.h>

#include <mutex>

namespace tandem::opcua {

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(OpcUaUserStore)
};

const QLatin1String FileName("opcua-users.json");
constexpr int Version = 1;

void initSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            qFatal("libsodium could not be initialised");
    });
}

QJsonObject userToJson(const OpcUaUser &u)
{
    QJsonObject o{{QStringLiteral("name"), u.name},
                  {QStringLiteral("hash"), QString::fromLatin1(u.hash)},
                  {QStringLiteral("operator"), u.isOperator}};
    if (u.allPairs)
        o.insert(QStringLiteral("pairs"), QStringLiteral("*"));
    else
        o.insert(QStringLiteral("pairs"), QJsonArray::fromStringList(u.pairs));
    return o;
}

std::optional<OpcUaUser> userFromJson(const QJsonValue &value, QString *why)
{
    const QJsonObject o = value.toObject();
    OpcUaUser u;
    u.name = o.value(QStringLiteral("name")).toString();
    u.hash = o.value(QStringLiteral("hash")).toString().toLatin1();
    u.isOperator = o.value(QStringLiteral("operator")).toBool();
    const QJsonValue pairs = o.value(QStringLiteral("pairs"));
    if (pairs.isArray()) {
        u.allPairs = false;
        for (const QJsonValue &p : pairs.toArray())
            u.pairs.append(p.toString());
    } else if (pairs.toString() != QLatin1String("*")) {
        *why = Tr::tr("the user %1 has no list of pairs").arg(u.name);
        return std::nullopt;
    }
    if (!OpcUaUserStore::checkName(u.name, why))
        return std::nullopt;
    if (!u.hash.startsWith("$argon2") || u.hash.size() >= qsizetype(crypto_pwhash_STRBYTES)) {
        *why = Tr::tr("the user %1 has no valid password hash").arg(u.name);
        return std::nullopt;
    }
    return u;
}

} // namespace

QString OpcUaUserStore::pathIn(const QString &stateDir)
{
    return QDir(stateDir).filePath(FileName);
}

OpcUaUserStore::OpcUaUserStore(const QString &stateDir)
    : m_path(pathIn(stateDir))
{}

bool OpcUaUserStore::load(QString *error)
{
    if (!QFileInfo::exists(m_path)) {
        m_users.clear();
        return true;
    }
    const std::optional<QJsonObject> root = DurableFile::readObject(m_path, error);
    if (!root)
        return false;
    if (root->value(QStringLiteral("version")).toInt() != Version ||
        !root->value(QStringLiteral("users")).isArray()) {
        *error = Tr::tr("%1 is damaged: it is not a list of OPC UA users of version %2")
                     .arg(m_path)
                     .arg(Version);
        return false;
    }
    QList<OpcUaUser> users;
    for (const QJsonValue &v : root->value(QStringLiteral("users")).toArray()) {
        QString why;
        const auto user = userFromJson(v, &why);
        if (!user) {
            *error = Tr::tr("%1 is damaged: %2").arg(m_path, why);
            return false;
        }
        users.append(*user);
    }
    m_users = users;
    return true;
}

std::optional<OpcUaUser> OpcUaUserStore::user(const QString &name) const
{
    for (const OpcUaUser &u : m_users)
        if (u.name == name)
            return u;
    return std::nullopt;
}

bool OpcUaUserStore::add(OpcUaUser user, const QByteArray &password, QString *error)
{
    if (!checkName(user.name, error) || !load(error))
        return false;
    const auto hash = hashPassword(password, error);
    if (!hash)
        return false;
    user.hash = *hash;
    return put(user, error);
}

bool OpcUaUserStore::put(const OpcUaUser &user, QString *error)
{
    QString why;
    if (!userFromJson(userToJson(user), &why)) {
        *error = why;
        return false;
    }
    if (!load(error))
        return false;
    QList<OpcUaUser> users = m_users;
    const auto it = std::find_if(users.begin(), users.end(),
                                 [&](const OpcUaUser &u) { return u.name == user.name; });
    if (it != users.end())
        *it = user;
    else
        users.append(user);
    return write(users, error);
}

bool OpcUaUserStore::remove(const QString &name, QString *error)
{
    if (!load(error))
        return false;
    QList<OpcUaUser> users = m_users;
    if (users.removeIf([&](const OpcUaUser &u) { return u.name == name; }) == 0) {
        *error = Tr::tr("there is no OPC UA user named '%1' in %2").arg(name, m_path);
        return false;
    }
    return write(users, error);
}

bool OpcUaUserStore::write(const QList<OpcUaUser> &users, QString *error)
{
    QJsonArray list;
    for (const OpcUaUser &u : users)
        list.append(userToJson(u));
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        *error = Tr::tr("cannot create the folder of %1").arg(m_path);
        return false;
    }
    if (!DurableFile::writeObject(
            m_path,
            QJsonObject{{QStringLiteral("version"), Version}, {QStringLiteral("users"), list}},
            error))
        return false;
    m_users = users;
    return true;
}

bool OpcUaUserStore::checkName(const QString &name, QString *error)
{
    const bool printable = std::all_of(
        name.cbegin(), name.cend(), [](QChar c) { return c.isPrint() && c != QLatin1Char('\n'); });
    if (name.isEmpty() || name.size() > MaxNameLength || !printable || name.trimmed() != name) {
        *error = Tr::tr("'%1' is not a user name: 1 to %2 printable characters, without "
                        "blanks at either end")
                     .arg(name)
                     .arg(MaxNameLength);
        return false;
    }
    return true;
}

bool OpcUaUserStore::checkPassword(const QByteArray &password, QString *error)
{
    if (password.size() < MinPasswordBytes || password.size() > MaxPasswordBytes) {
        *error = Tr::tr("a password must have %1 to %2 bytes")
                     .arg(MinPasswordBytes)
                     .arg(MaxPasswordBytes);
        return false;
    }
    return true;
}

std::optional<QByteArray> OpcUaUserStore::hashPassword(const QByteArray &password, QString *error)
{
    if (!checkPassword(password, error))
        return std::nullopt;
    initSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.constData(), quint64(password.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        *error = Tr::tr("hashing the password failed (out of memory)");
        return std::nullopt;
    }
    return QByteArray(out);
}

bool OpcUaUserStore::verifyPassword(const QByteArray &hash, const QByteArray &password)
{
    if (hash.isEmpty() || hash.size() >= qsizetype(crypto_pwhash_STRBYTES) ||
        password.size() > MaxPasswordBytes)
        return false;
    initSodium();
    return crypto_pwhash_str_verify(hash.constData(), password.constData(),
                                    quint64(password.size())) == 0;
}

QJsonObject OpcUaUserStore::toJson(const OpcUaUser &user)
{
    return userToJson(user);
}

std::optional<OpcUaUser> OpcUaUserStore::fromJson(const QJsonObject &object, QString *error)
{
    return userFromJson(object, error);
}

QByteArray OpcUaUserStore::decoyHash()
{
    // Hashed once per process from random bytes nobody knows.
    static const QByteArray decoy = [] {
        initSodium();
        QByteArray secret(32, Qt::Uninitialized);
        randombytes_buf(secret.data(), size_t(secret.size()));
        QString error;
        return hashPassword(secret.toBase64(), &error).value_or(QByteArray());
    }();
    return decoy;
}

} // namespace tandem::opcua
