#include "licensefile.h"

#include "base/durablefile.h"
#include "graceseal.h"

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
    if (!m_options.clock)
        m_options.clock = Clock::system();
}

QString LicenseFile::path() const
{
    return QDir(m_options.stateDir).filePath(QStringLiteral("license.json"));
}

qint64 LicenseFile::nowMs() const
{
    return m_options.clock->wallMs();
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

bool LicenseFile::sealCopyOf(const LicenseFile &source, QString *error)
{
    const LicenseStatus from = source.status();
    const LicenseStatus here = status();
    if (!from.sealIntact || !here.serial || here.sealIntact || here.serialText != from.serialText)
        return true;
    std::optional<QJsonObject> r = record(error);
    if (!r)
        return false;
    const qint64 installed = r->value(QLatin1String("installed-ms")).toInteger();
    GraceSeal seal(m_options.stateDir);
    if (!seal.startFor(*here.serial, here.computerId, installed, error))
        return false;
    const QString mac = seal.seal(*here.serial, here.computerId, installed, error);
    if (mac.isEmpty())
        return false;
    r->insert(QStringLiteral("installed-mac"), mac);
    return writeRecord(*r, error);
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
    const qint64 installed = r->value(QLatin1String("installed-ms")).toInteger(-1);
    QString broken;
    s.sealIntact = installed >= 0 && !s.computerId.isEmpty() &&
                   GraceSeal(m_options.stateDir)
                       .verify(*s.serial, s.computerId, installed,
                               r->value(QLatin1String("installed-mac")).toString(), &broken);
    const QString unlock = r->value(QLatin1String("unlock")).toString();
    if (!unlock.isEmpty() && !s.computerId.isEmpty() &&
        UnlockPassword::verify(*s.serial, s.computerId, unlock, m_options.vendorPublicKey,
                               &error)) {
        s.state = LicenseState::Unlocked;
        return s;
    }
    QStringList problems;
    if (!s.problem.isEmpty())
        problems << s.problem;
    if (!unlock.isEmpty())
        problems << tr("the stored unlock password does not fit this computer (Computer ID "
                       "%1); unlock the license again")
                        .arg(s.computerId);
    if (!s.sealIntact) {
        // A changed or missing start ends the grace period; it never extends it.
        s.graceTampered = true;
        s.state = LicenseState::GraceExpired;
        problems << tr("the start of the grace period in %1 was changed, or the license was "
                       "copied from another computer or folder (%2): the grace period has ended; "
                       "unlock the license (Help › Unlock a License)")
                        .arg(path(), broken.isEmpty() ? tr("its start is missing") : broken);
        s.problem = problems.join(QStringLiteral("; "));
        return s;
    }
    s.problem = problems.join(QStringLiteral("; "));
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
    const std::optional<QJsonObject> r = newRecord(text, error);
    return r && writeRecord(*r, error);
}

std::optional<QJsonObject> LicenseFile::newRecord(const QString &serialText, QString *error)
{
    const std::optional<Serial> serial =
        Serial::parse(serialText, m_options.vendorPublicKey, error);
    if (!serial)
        return std::nullopt;
    const std::optional<QString> id = computerId(error);
    if (!id)
        return std::nullopt;
    GraceSeal seal(m_options.stateDir);
    const std::optional<qint64> start = seal.startFor(*serial, *id, nowMs(), error);
    if (!start)
        return std::nullopt;
    const QString mac = seal.seal(*serial, *id, *start, error);
    if (mac.isEmpty())
        return std::nullopt;
    return QJsonObject{
        {QStringLiteral("serial"), // stored in its canonical form
         GroupedBase32::encode(
             GroupedBase32::decode(serialText, Serial::PayloadBytes + Serial::SignatureBytes)
                 .value_or(QByteArray()))},
        {QStringLiteral("installed-ms"), *start},
        {QStringLiteral("installed-mac"), mac}};
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
    // The vendor bound the license to this computer: seal it to this state directory again
    // (it may have moved to another file system), so that it can be transferred from here.
    QString why;
    const qint64 installed = r->value(QLatin1String("installed-ms")).toInteger();
    GraceSeal seal(m_options.stateDir);
    if (!s.sealIntact && seal.startFor(*s.serial, s.computerId, installed, &why)) {
        const QString mac = seal.seal(*s.serial, s.computerId, installed, &why);
        if (!mac.isEmpty())
            r->insert(QStringLiteral("installed-mac"), mac);
    }
    return writeRecord(*r, error);
}

} // namespace tandem
