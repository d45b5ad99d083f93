#pragma once

#include "base/clock.h"
#include "licensecodec.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace tandem {

enum class LicenseState
{
    Demo,         // no serial: full function for DemoMs per engine start
    Licensed,     // serial entered: full function for GraceDays until unlocked
    GraceExpired, // serial entered, not unlocked in time: back to demo limits
    Unlocked,     // serial + unlock password for this computer
};

struct LicenseStatus
{
    Q_DECLARE_TR_FUNCTIONS(LicenseStatus)

public:
    LicenseState state = LicenseState::Demo;
    std::optional<Serial> serial;
    QString serialText;
    QString computerId; // empty when the machine id could not be read
    QString problem;    // why something is not as it should be (unreadable file, ...)
    qint64 graceEndsMs = 0;
    int graceDaysLeft = 0;
    QString pendingTransfer; // an unfinished transfer and what to do about it
    // The stored grace start is sealed for this computer and state directory (GraceSeal):
    // false when it was changed, or license.json was copied from elsewhere.
    bool sealIntact = false;
    // The grace period ended because the seal is not intact (not merely in time).
    bool graceTampered = false;

    // Demo limits apply (2 h per engine start).
    bool demoLimited() const
    {
        return state == LicenseState::Demo || state == LicenseState::GraceExpired;
    }
    // Pairs this license serves; -1 for no limit (demo: full function).
    int pairsAllowed() const;
    QString stateName() const; // "demo", "licensed", "grace-expired", "unlocked"
    QString summary() const;   // one line for tandemctl and the About box
    QJsonObject toJson() const;
};

// The license of this machine: license.json in the state directory, written durably.
// Verified on every read with the vendor's public key, so an edited file is refused.
class LicenseFile
{
    Q_DECLARE_TR_FUNCTIONS(LicenseFile)

public:
    static constexpr qint64 DemoMs = 2 * 3600 * 1000;
    static constexpr qint64 DemoWarningMs = 10 * 60 * 1000; // before the end
    static constexpr int GraceDays = 10;

    struct Options
    {
        QString stateDir;
        QString machineIdFile; // empty: /etc/machine-id
        QByteArray vendorPublicKey = builtInVendorPublicKey();
        const Clock *clock = nullptr; // null: Clock::system()
    };

    explicit LicenseFile(Options options);

    QString path() const;
    const Options &options() const { return m_options; }
    qint64 nowMs() const;
    std::optional<QString> computerId(QString *error) const;

    LicenseStatus status() const;
    // Help › Purchase a License: a valid serial starts the grace period. Refused when a
    // license is already installed (it would be lost).
    bool enterSerial(const QString &text, QString *error);
    // Help › Unlock a License.
    bool unlock(const QString &password, QString *error);

    // A record for `serial` installed on this computer now: {"serial", "installed-ms",
    // "installed-mac"}, its grace period starting now unless this state directory's
    // history knows an earlier start (GraceSeal).
    std::optional<QJsonObject> newRecord(const QString &serialText, QString *error);

    // The stored record, for the transfer: {"serial", "unlock", "installed-ms",
    // "installed-mac"}.
    std::optional<QJsonObject> record(QString *error) const;
    bool writeRecord(const QJsonObject &record, QString *error);
    // The service installer copied `source`'s license.json here: seal it for this state
    // directory, with the start it had, if it was intact there (else it stays ended).
    bool sealCopyOf(const LicenseFile &source, QString *error);
    bool removeRecord(QString *error);

private:
    Options m_options;
};

} // namespace tandem
