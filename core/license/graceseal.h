#pragma once

#include "licensecodec.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace tandem {

// Makes the start of a license's grace period tamper-evident, offline. A secret made once
// in the state directory (license.secret, mode 0600, never rewritten) keys a MAC over the
// serial, the Computer ID, the secret file's inode and the start. An edited start, a
// license.json taken to another computer, a state directory copied to another folder (its
// secret is a new file) and a deleted or replaced secret all fail the check, and a failed
// check ends the grace period. The history (license-history.json) keeps the first start
// of every serial installed in this state directory, so that entering a serial again, or
// transferring it back, continues the grace period instead of starting a new one.
//
// The limits (resources/help/licensing.html): whoever can read the secret and writes a
// program can compute the MAC, and deleting the whole state directory forgets the history.
class GraceSeal
{
    Q_DECLARE_TR_FUNCTIONS(GraceSeal)

public:
    explicit GraceSeal(const QString &stateDir);

    QString secretPath() const;
    QString historyPath() const;

    // The MAC of `installedMs` for `serial` on the computer `computerId`, as hex; empty when
    // the secret is missing or unreadable (*error says why).
    QString seal(const Serial &serial, const QString &computerId, qint64 installedMs,
                 QString *error) const;
    // Whether `mac` is the seal of `installedMs`; *error says why not.
    bool verify(const Serial &serial, const QString &computerId, qint64 installedMs,
                const QString &mac, QString *error) const;

    // The start of the grace period of `serial`, installed here now: the first start the
    // history remembers for it (0, over, when that entry no longer verifies), else `nowMs`,
    // which the history then remembers. Makes the secret when there is none yet.
    std::optional<qint64> startFor(const Serial &serial, const QString &computerId, qint64 nowMs,
                                   QString *error);

private:
    struct Secret
    {
        QByteArray key;
        quint64 inode = 0;
    };
    std::optional<Secret> readSecret(QString *error) const;
    std::optional<Secret> secretMadeOnce(QString *error);
    static QByteArray mac(const Secret &secret, const Serial &serial, const QByteArray &computerId,
                          qint64 installedMs);

    QString m_stateDir;
};

} // namespace tandem
