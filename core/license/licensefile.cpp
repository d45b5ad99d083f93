#include "licensefile.h"

#include "durablefile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace tandem {

int LicenseStatus::pairsAllowed() const
{
    return state == LicenseState::Licensed || state == LicenseState::Unlocked
               ? (serial ? serial->pairs : 0)
               : -1;
}

QString LicenseStatus::stateName() const
{
    switch (state) {
    case LicenseState::Demo:
        return QStringLiteral("demo");
    case LicenseState::Licensed:
        return QStringLiteral("licensed");
    case LicenseState::GraceExpired:
        return QStringLiteral("grace-expired");
    case LicenseState::Unlocked:
        return QStringLiteral("unlocked");
    }
    return {};
}

QString LicenseStatus::summary() const
{
    QString text;
    switch (state) {
    case LicenseState::Demo:
        text = tr("Demo: full function for 2 hours per engine start");
        break;
    case LicenseState::Licensed:
        text = tr("Licensed (%1 pair(s), %2 edition, serial no. %3): %n day(s) left to unlock",
                  nullptr, graceDaysLeft)
                   .arg(serial->pairs)
                   .arg(Serial::editionName(serial->edition))
                   .arg(serial->number);
        break;
    case LicenseState::GraceExpired:
        text = tr("Licensed but not unlocked within %1 days: demo limits apply until it is "
                  "unlocked")
                   .arg(LicenseFile::GraceDays);
        break;
    case LicenseState::Unlocked:
        text = tr("Unlocked (%n pair(s), %1 edition, serial no. %2)", nullptr, serial->pairs)
                   .arg(Serial::editionName(serial->edition))
                   .arg(serial->number);
        break;
    }
    return text;
}

QJsonObject LicenseStatus::toJson() const
{
    QJsonObject o{{QStringLiteral("state"), stateName()},
                  {QStringLiteral("computer-id"), computerId},
                  {QStringLiteral("summary"), summary()}};
    if (serial) {
        o.insert(QStringLiteral("serial"), serialText);
        o.insert(QStringLiteral("serial-number"), qint64(serial->number));
        o.insert(QStringLiteral("pairs"), serial->pairs);
        o.insert(QStringLiteral("edition"), Serial::editionName(serial->edition));
        o.insert(QStringLiteral("issued"), serial->issued.toString(Qt::ISODate));
    }
    if (state == LicenseState::Licensed) {
        o.insert(QStringLiteral("grace-days-left"), graceDaysLeft);
        o.insert(QStringLiteral("grace-ends"),
                 QDateTime::fromMSecsSinceEpoch(graceEndsMs).toString(Qt::ISODate));
    }
    if (!problem.isEmpty())
        o.insert(QStringLiteral("problem"), problem);
    if (!pendingTransfer.isEmpty())
        o.insert(QStringLiteral("pending-transfer"), pendingTransfer);
    return o;
}

LicenseFile::LicenseFile(Options options)
    : m_options(std::move(options))
{
    if (!m_options.wallClockMs)
        m_options.wallClockMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
}

QString LicenseFile::path() const
{
    return QDir(m_options.stateDir).filePath(QStringLiteral("license.json"));
}

qint64 LicenseFile::nowMs() const
{
    return m_options.wallClockMs();
}

std::optional<QString> LicenseFile::computerId(QString *error) const
{
    return ComputerId::forMachine(m_options.machineIdFile, error);
}

std::optional<QJsonObject> LicenseFile::record(QString *error) const
{
    if (!QFile::exists(path()))
        return QJsonObject();
    return DurableFile::readObject(path(), error);
}

bool LicenseFile::writeRecord(const QJsonObject &record, QString *error)
{
    QDir().mkpath(m_options.stateDir);
    return DurableFile::writeObject(path(), record, error);
}

bool LicenseFile::removeRecord(QString *error)
{
    return DurableFile::remove(path(), error);
}

LicenseStatus LicenseFile::status() const
{
    LicenseStatus s;
    QString error;
    if (const auto id = computerId(&error))
        s.computerId = *id;
    else
        s.problem = error;
    const std::optional<QJsonObject> r = record(&error);
    if (!r) {
        s.problem = error; // an unreadable file is reported, never replaced
        return s;
    }
    if (r->isEmpty())
        return s; // Demo
    s.serialText = r->value(QLatin1String("serial")).toString();
    s.serial = Serial::parse(s.serialText, m_options.vendorPublicKey, &error);
    if (!s.serial) {
        s.problem = tr("%1 holds a serial number that is not valid: %2").arg(path(), error);
        return s;
    }
    const QString unlock = r->value(QLatin1String("unlock")).toString();
    if (!unlock.isEmpty() && !s.computerId.isEmpty() &&
        UnlockPassword::verify(*s.serial, s.computerId, unlock, m_options.vendorPublicKey,
                               &error)) {
        s.state = LicenseState::Unlocked;
        return s;
    }
    if (!unlock.isEmpty())
        s.problem = tr("the stored unlock password does not fit this computer (Computer ID "
                       "%1); unlock the license again")
                        .arg(s.computerId);
    const qint64 installed = r->value(QLatin1String("installed-ms")).toInteger();
    s.graceEndsMs = installed + qint64(GraceDays) * 24 * 3600 * 1000;
    const qint64 left = s.graceEndsMs - nowMs();
    if (left <= 0) {
        s.state = LicenseState::GraceExpired;
        return s;
    }
    s.state = LicenseState::Licensed;
    s.graceDaysLeft = int((left + 24 * 3600 * 1000 - 1) / (24 * 3600 * 1000)); // started days
    return s;
}

bool LicenseFile::enterSerial(const QString &text, QString *error)
{
    const std::optional<Serial> serial = Serial::parse(text, m_options.vendorPublicKey, error);
    if (!serial)
        return false;
    const LicenseStatus current = status();
    if (QFile::exists(path()) && !current.serial) {
        // A damaged license file is someone's license: never written over.
        *error = tr("%1; move the file away to enter a new serial number").arg(current.problem);
        return false;
    }
    if (current.serial) {
        *error = current.serial->number == serial->number
                     ? tr("this serial number is installed already")
                     : tr("a license (serial no. %1) is installed on this computer already; "
                          "transfer it away first so that it is not lost")
                           .arg(current.serial->number);
        return false;
    }
    return writeRecord(
        {{QStringLiteral("serial"),
          GroupedBase32::encode(
              GroupedBase32::decode(text, Serial::PayloadBytes + Serial::SignatureBytes)
                  .value_or(QByteArray()))},
         {QStringLiteral("installed-ms"), nowMs()}},
        error);
}

bool LicenseFile::unlock(const QString &password, QString *error)
{
    const LicenseStatus s = status();
    if (!s.serial) {
        *error = s.problem.isEmpty() ? tr("enter a serial number first (Help › Purchase a License)")
                                     : s.problem;
        return false;
    }
    if (s.computerId.isEmpty()) {
        *error = s.problem;
        return false;
    }
    if (!UnlockPassword::verify(*s.serial, s.computerId, password, m_options.vendorPublicKey,
                                error))
        return false;
    std::optional<QJsonObject> r = record(error);
    if (!r)
        return false;
    r->insert(QStringLiteral("unlock"),
              GroupedBase32::encode(
                  GroupedBase32::decode(password, Serial::SignatureBytes).value_or(QByteArray())));
    return writeRecord(*r, error);
}

} // namespace tandem
