#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace tandem::test {

// One run of tests/integration/peers/opcua/client.js (a node-opcua client): its JSON
// lines, exit code and log (stderr). See client.js for the operations and their lines.
struct ClientResult
{
    static constexpr int TimeoutMs = 30000; // node-opcua takes ~2 s to load on an idle machine

    int exitCode = -1;
    QList<QJsonObject> lines;
    QString log;

    QJsonObject line(qsizetype i) const { return lines.value(i); }
    QString error() const; // the first {"error":..} line's message, or empty
    QString dump() const;  // everything, for a failure message
};

// "read ns=1;s=Offset read i=2267" -> client.js's operation words.
QStringList clientWords(const QString &operations);
// Starts client.js; several may run at once. options come before the URL.
std::unique_ptr<QProcess> startClient(const QString &url, const QStringList &operation,
                                      const QStringList &options = {});
ClientResult finishClient(QProcess &process);
ClientResult runClient(const QString &url, const QStringList &operation,
                       const QStringList &options = {});
// --user USER:PASSWORD [--plain-password 1]
QStringList userOptions(const QString &user, const QString &password, bool plain = false);

} // namespace tandem::test
