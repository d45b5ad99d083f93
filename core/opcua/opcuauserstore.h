#pragma once

// The users that may log on to the pairs' OPC UA endpoints with a user name and password
// (OPC 10000-4 §7.41.2.2, UserNameIdentityToken), kept in the state directory as
// opcua-users.json (mode 0600, written through DurableFile). Passwords are stored only as
// libsodium's crypto_pwhash_str strings (Argon2id, the interactive limits); checking one
// costs tens of milliseconds on purpose, so the proxy checks them on a Worker
// (ProxyIdentity), never on the engine's thread.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::opcua {

struct OpcUaUser
{
    QString name;
    QByteArray hash; // crypto_pwhash_str: "$argon2id$..."
    bool allPairs = true;
    QStringList pairs; // the pairs it may log on to when not allPairs
    bool isOperator = false;

    bool mayLogOnTo(const QString &pair) const { return allPairs || pairs.contains(pair); }
    friend bool operator==(const OpcUaUser &, const OpcUaUser &) = default;
};

class OpcUaUserStore final
{
public:
    static constexpr int MaxPasswordBytes = 1024;
    static constexpr int MinPasswordBytes = 8;
    static constexpr int MaxNameLength = 128;

    static QString pathIn(const QString &stateDir);

    explicit OpcUaUserStore(const QString &stateDir);
    QString filePath() const { return m_path; }

    // Reads the file: a missing one holds no users. A damaged one is an error naming the
    // file, and the users read before stay.
    bool load(QString *error);
    const QList<OpcUaUser> &users() const { return m_users; }
    std::optional<OpcUaUser> user(const QString &name) const;

    // Adds the user, or replaces one of that name, with password hashed; reads the file
    // first so a change made meanwhile elsewhere is kept, and writes nothing when it is
    // damaged or the password is unusable.
    bool add(OpcUaUser user, const QByteArray &password, QString *error);
    // Adds or replaces the user with the hash it has (made by hashPassword() elsewhere, e.g.
    // by tandemctl before it hands the user to a running engine); refused when the hash is not
    // an Argon2id one.
    bool put(const OpcUaUser &user, QString *error);
    // Removes the user; false with *error when there is none of that name.
    bool remove(const QString &name, QString *error);

    // A name of 1..MaxNameLength printable characters, no leading or trailing blank.
    static bool checkName(const QString &name, QString *error);
    static bool checkPassword(const QByteArray &password, QString *error);
    static std::optional<QByteArray> hashPassword(const QByteArray &password, QString *error);
    // True when password matches hash. Slow (Argon2id): never on the engine's thread.
    static bool verifyPassword(const QByteArray &hash, const QByteArray &password);
    // A hash no password a client sends matches: checked for an unknown user, so that
    // the answer takes as long as for a known one and names no user.
    static QByteArray decoyHash();

    // A user as opcua-users.json and the control socket carry it: name, hash, pairs ("*" or
    // a list), operator.
    static QJsonObject toJson(const OpcUaUser &user);
    static std::optional<OpcUaUser> fromJson(const QJsonObject &object, QString *error);

private:
    bool write(const QList<OpcUaUser> &users, QString *error);

    QString m_path;
    QList<OpcUaUser> m_users;
};

} // namespace tandem::opcua
