#include "licensetransfer.h"

#include "base/durablefile.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <sodium.h>

namespace tandem {

namespace {

const QString RequestFile = QStringLiteral("request.json");
const QString SealedFile = QStringLiteral("license.sealed");
const QString PendingFile = QStringLiteral("license.sealed.pending");

std::optional<QJsonObject> readJson(const QString &path, QString *error)
{
    return DurableFile::readObject(path, error);
}

bool writeJson(const QString &path, const QJsonObject &object, QString *error)
{
    return DurableFile::writeObject(path, object, error);
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

// Writes the pending file and reads it back: the media must hold exactly these bytes.
bool writeVerified(const QString &path, const QByteArray &bytes, QString *error)
{
    if (!DurableFile::write(path, bytes, error))
        return false;
    QByteArray back;
    if (!DurableFile::read(path, &back, error))
        return false;
    if (back != bytes) {
        *error = LicenseTransfer::tr("%1 reads back differently from what was written: the media "
                                     "is faulty")
                     .arg(path);
        return false;
    }
    return true;
}

// The arming key's part of the armed file: the key sealed to the target.
constexpr qsizetype ArmBytes = crypto_box_SEALBYTES + crypto_secretbox_KEYBYTES;

QByteArray sealTo(const QByteArray &message, const QByteArray &publicKey)
{
    QByteArray sealed(message.size() + qsizetype(crypto_box_SEALBYTES), '\0');
    crypto_box_seal(reinterpret_cast<unsigned char *>(sealed.data()),
                    reinterpret_cast<const unsigned char *>(message.constData()),
                    quint64(message.size()),
                    reinterpret_cast<const unsigned char *>(publicKey.constData()));
    return sealed;
}

std::optional<QByteArray> openSealed(const QByteArray &sealed, const QByteArray &publicKey,
                                     const QByteArray &secretKey)
{
    if (sealed.size() < qsizetype(crypto_box_SEALBYTES) ||
        publicKey.size() != crypto_box_PUBLICKEYBYTES ||
        secretKey.size() != crypto_box_SECRETKEYBYTES)
        return std::nullopt;
    QByteArray message(sealed.size() - qsizetype(crypto_box_SEALBYTES), '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char *>(message.data()),
                             reinterpret_cast<const unsigned char *>(sealed.constData()),
                             quint64(sealed.size()),
                             reinterpret_cast<const unsigned char *>(publicKey.constData()),
                             reinterpret_cast<const unsigned char *>(secretKey.constData())) != 0)
        return std::nullopt;
    return message;
}

// The armed file: the pending file (the license, sealed to the target, naming the hash of
// an arming key) followed by the arming key, sealed to the target. The key exists only in
// the source's memory until the source has given the license up, so the pending file alone,
// renamed or copied, installs nothing.
bool writeArmed(const QString &path, const QByteArray &pending, const QJsonObject &journal,
                QString *error)
{
    const QByteArray publicKey =
        QByteArray::fromHex(journal.value(QLatin1String("public-key")).toString().toLatin1());
    const QByteArray armKey =
        QByteArray::fromHex(journal.value(QLatin1String("arm-key")).toString().toLatin1());
    if (publicKey.size() != crypto_box_PUBLICKEYBYTES ||
        armKey.size() != crypto_secretbox_KEYBYTES) {
        *error = LicenseTransfer::tr("the transfer journal is damaged");
        return false;
    }
    return writeVerified(path, pending + sealTo(armKey, publicKey), error);
}

// Whether `path` is the armed file of `pending` (with any sealing of the key).
bool isArmed(const QString &path, const QByteArray &pending)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = f.readAll();
    return bytes.size() == pending.size() + ArmBytes && bytes.startsWith(pending);
}

} // namespace

QString LicenseTransfer::mediaFolder(const QString &mediaDir)
{
    return QDir(mediaDir).filePath(QStringLiteral("tandem-license"));
}

LicenseTransfer::LicenseTransfer(LicenseFile *license)
    : m_license(license)
{
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
}

QString LicenseTransfer::outJournal() const
{
    return QDir(m_license->options().stateDir).filePath(QStringLiteral("transfer-out.json"));
}

QString LicenseTransfer::inJournal() const
{
    return QDir(m_license->options().stateDir).filePath(QStringLiteral("transfer-in.json"));
}

QString LicenseTransfer::targetKeys() const
{
    return QDir(m_license->options().stateDir).filePath(QStringLiteral("transfer-target.json"));
}

LicenseTransfer::MediaInfo LicenseTransfer::inspect(const QString &mediaDir)
{
    MediaInfo info;
    const QDir folder(mediaFolder(mediaDir));
    if (!QDir(mediaDir).exists()) {
        info.state = MediaState::Unusable;
        info.text = tr("%1 does not exist: is the media inserted and mounted?").arg(mediaDir);
        return info;
    }
    QString error;
    if (QFile::exists(folder.filePath(RequestFile))) {
        const std::optional<QJsonObject> request = readJson(folder.filePath(RequestFile), &error);
        if (!request) {
            info.state = MediaState::Unusable;
            info.text = error;
            return info;
        }
        info.computerId = request->value(QLatin1String("computer-id")).toString();
    }
    if (QFile::exists(folder.filePath(SealedFile))) {
        info.state = MediaState::HoldsLicense;
        info.text = tr("The media holds a license for the computer %1.").arg(info.computerId);
    } else if (!info.computerId.isEmpty()) {
        info.state = MediaState::Prepared;
        info.text = QFile::exists(folder.filePath(PendingFile))
                        ? tr("The media was prepared by the computer %1; a transfer to it is "
                             "unfinished.")
                              .arg(info.computerId)
                        : tr("The media was prepared by the computer %1 and waits for the "
                             "license.")
                              .arg(info.computerId);
    } else {
        info.text = tr("The media holds no license transfer yet.");
    }
    return info;
}

bool LicenseTransfer::prepare(const QString &mediaDir, QString *error)
{
    QString report;
    if (!recover(&report, error))
        return false;
    const LicenseStatus status = m_license->status();
    if (status.serial) {
        *error = tr("this computer holds a license already (serial no. %1); a second one would be "
                    "lost here")
                     .arg(status.serial->number);
        return false;
    }
    if (status.computerId.isEmpty()) {
        *error = status.problem;
        return false;
    }
    const MediaInfo media = inspect(mediaDir);
    if (media.state == MediaState::Unusable) {
        *error = media.text;
        return false;
    }
    if (media.state == MediaState::HoldsLicense ||
        QFile::exists(QDir(mediaFolder(mediaDir)).filePath(PendingFile))) {
        *error = tr("the media at %1 holds a license for the computer %2: install it there first "
                    "(Step 4) or use other media")
                     .arg(mediaDir, media.computerId);
        return false;
    }
    QByteArray publicKey(crypto_box_PUBLICKEYBYTES, '\0'),
        secretKey(crypto_box_SECRETKEYBYTES, '\0');
    crypto_box_keypair(reinterpret_cast<unsigned char *>(publicKey.data()),
                       reinterpret_cast<unsigned char *>(secretKey.data()));
    QByteArray requestId(16, '\0');
    randombytes_buf(requestId.data(), size_t(requestId.size()));
    // The secret half stays here; a new preparation replaces an older one.
    QDir().mkpath(m_license->options().stateDir);
    if (!writeJson(targetKeys(),
                   {{QStringLiteral("request-id"), hex(requestId)},
                    {QStringLiteral("computer-id"), status.computerId},
                    {QStringLiteral("public-key"), hex(publicKey)},
                    {QStringLiteral("secret-key"), hex(secretKey)},
                    {QStringLiteral("media"), mediaDir}},
                   error))
        return false;
    if (!QDir().mkpath(mediaFolder(mediaDir))) {
        *error = tr("cannot create %1 on the media").arg(mediaFolder(mediaDir));
        return false;
    }
    return writeJson(QDir(mediaFolder(mediaDir)).filePath(RequestFile),
                     {{QStringLiteral("format"), 1},
                      {QStringLiteral("computer-id"), status.computerId},
                      {QStringLiteral("public-key"), hex(publicKey)},
                      {QStringLiteral("request-id"), hex(requestId)},
                      {QStringLiteral("created"),
                       QDateTime::fromMSecsSinceEpoch(m_license->nowMs()).toString(Qt::ISODate)}},
                     error);
}

bool LicenseTransfer::out(const QString &mediaDir, QString *error)
{
    QString report;
    if (!recover(&report, error))
        return false;
    // A transfer a crash interrupted was just finished: that is what was asked for.
    if (!report.isEmpty() && !QFile::exists(outJournal()) && !QFile::exists(m_license->path()))
        return true;
    if (QFile::exists(outJournal())) {
        *error = pending();
        return false;
    }
    const LicenseStatus status = m_license->status();
    if (!status.serial) {
        *error = status.problem.isEmpty() ? tr("this computer holds no license to transfer")
                                          : status.problem;
        return false;
    }
    const QDir folder(mediaFolder(mediaDir));
    if (!QDir(mediaDir).exists()) {
        *error = tr("%1 does not exist: is the media inserted and mounted?").arg(mediaDir);
        return false;
    }
    if (!QFile::exists(folder.filePath(RequestFile))) {
        *error = tr("the media at %1 was not prepared: prepare it on the target computer first "
                    "(Step 2)")
                     .arg(mediaDir);
        return false;
    }
    const std::optional<QJsonObject> request = readJson(folder.filePath(RequestFile), error);
    if (!request)
        return false;
    const QString target = request->value(QLatin1String("computer-id")).toString();
    const QByteArray publicKey =
        QByteArray::fromHex(request->value(QLatin1String("public-key")).toString().toLatin1());
    const QString requestId = request->value(QLatin1String("request-id")).toString();
    if (!ComputerId::toBytes(target) || publicKey.size() != crypto_box_PUBLICKEYBYTES ||
        requestId.size() != 32) {
        *error = tr("%1 is damaged: prepare the media again on the target computer")
                     .arg(folder.filePath(RequestFile));
        return false;
    }
    if (target == status.computerId) {
        *error = tr("the media was prepared on this computer: take it to the target computer and "
                    "prepare it there (Step 2)");
        return false;
    }
    if (QFile::exists(folder.filePath(SealedFile))) {
        *error = tr("the media holds a license for the computer %1 already: install it there first "
                    "(Step 4)")
                     .arg(target);
        return false;
    }
    if (!status.sealIntact) {
        // A copy of license.json (or of the whole state directory) must not give the license
        // away while the original keeps it.
        *error = tr("the license in %1 was copied from another computer or folder, or changed: "
                    "it can be transferred only from where it was installed")
                     .arg(m_license->path());
        return false;
    }
    const std::optional<QJsonObject> record = m_license->record(error);
    if (!record)
        return false;
    // Armed only once the license is given up (writeArmed): until then the key is in
    // memory only, and a crash forgets it.
    QByteArray armKey(crypto_secretbox_KEYBYTES, '\0');
    randombytes_buf(armKey.data(), size_t(armKey.size()));
    const QByteArray package =
        QJsonDocument(
            QJsonObject{{QStringLiteral("format"), 2},
                        {QStringLiteral("request-id"), requestId},
                        {QStringLiteral("target-computer-id"), target},
                        {QStringLiteral("source-computer-id"), status.computerId},
                        {QStringLiteral("serial"), status.serialText},
                        {QStringLiteral("was-unlocked"), status.state == LicenseState::Unlocked},
                        {QStringLiteral("arm-sha256"), QString::fromLatin1(sha256(armKey))}})
            .toJson(QJsonDocument::Compact);
    const QByteArray sealed = sealTo(package, publicKey);

    QJsonObject journal{{QStringLiteral("stage"), QStringLiteral("writing")},
                        {QStringLiteral("media"), mediaDir},
                        {QStringLiteral("target-computer-id"), target},
                        {QStringLiteral("public-key"), hex(publicKey)},
                        {QStringLiteral("sealed-sha256"), QString::fromLatin1(sha256(sealed))},
                        {QStringLiteral("sealed"), QString::fromLatin1(sealed.toBase64())},
                        {QStringLiteral("license"), *record}};
    if (!writeJson(outJournal(), journal, error))
        return false;
    DurableFile::checkpoint("out:journaled");

    const QString pendingPath = folder.filePath(PendingFile);
    if (!writeVerified(pendingPath, sealed, error)) {
        // Nothing was given up: undo, keep the license here.
        QString ignored;
        DurableFile::remove(pendingPath, &ignored);
        DurableFile::remove(outJournal(), &ignored);
        *error = tr("%1; the license stays on this computer").arg(*error);
        return false;
    }
    DurableFile::checkpoint("out:pending-written");

    // Giving up and keeping the arming key are one durable step: from here on the license
    // is the media's, and recovery arms it.
    journal.insert(QStringLiteral("stage"), QStringLiteral("given-up"));
    journal.insert(QStringLiteral("arm-key"), hex(armKey));
    if (!writeJson(outJournal(), journal, error))
        return false; // still "writing": recovery rolls back
    DurableFile::checkpoint("out:given-up-journaled");
    if (!m_license->removeRecord(error))
        return false; // "given-up": recovery removes it and finishes
    DurableFile::checkpoint("out:license-removed");

    if (!QFile::exists(pendingPath)) {
        // The media went away before the license was armed on it: it cannot be there.
        *error = tr("%1 is gone. %2").arg(pendingPath, pending());
        return false;
    }
    // From "arming" on the license may be on the media, or on a copy of it: no way back.
    journal.insert(QStringLiteral("stage"), QStringLiteral("arming"));
    if (!writeJson(outJournal(), journal, error))
        return false;
    if (!writeArmed(folder.filePath(SealedFile), sealed, journal, error)) {
        *error = tr("%1. %2").arg(*error, pending());
        return false;
    }
    DurableFile::checkpoint("out:armed");
    return DurableFile::remove(pendingPath, error) && DurableFile::remove(outJournal(), error);
}

bool LicenseTransfer::recover(QString *report, QString *error)
{
    report->clear();
    const bool ok = recoverOut(report, error) && recoverIn(report, error);
    m_lastReport = *report;
    return ok;
}

bool LicenseTransfer::recoverOut(QString *report, QString *error)
{
    if (!QFile::exists(outJournal()))
        return true;
    const std::optional<QJsonObject> journal = readJson(outJournal(), error);
    if (!journal)
        return false;
    const QString stage = journal->value(QLatin1String("stage")).toString();
    const QString mediaDir = journal->value(QLatin1String("media")).toString();
    const QDir folder(mediaFolder(mediaDir));
    const QByteArray hash = journal->value(QLatin1String("sealed-sha256")).toString().toLatin1();
    if (stage == QLatin1String("writing")) {
        // The license was never given up: roll back.
        if (!QFile::exists(m_license->path()) &&
            !m_license->writeRecord(journal->value(QLatin1String("license")).toObject(), error))
            return false;
        if (folder.exists() && !DurableFile::remove(folder.filePath(PendingFile), error))
            return false;
        *report = tr("An interrupted transfer to %1 was undone; the license stays on this "
                     "computer.")
                      .arg(mediaDir);
        return DurableFile::remove(outJournal(), error);
    }
    // Given up here: the license must end up armed on the media.
    if (!m_license->removeRecord(error))
        return false;
    if (!folder.exists())
        return true; // pending() tells the operator to bring the media back
    const QString sealedPath = folder.filePath(SealedFile);
    const QString pendingPath = folder.filePath(PendingFile);
    const QByteArray sealed =
        QByteArray::fromBase64(journal->value(QLatin1String("sealed")).toString().toLatin1());
    if (sha256(sealed) != hash) {
        *error = tr("%1 is damaged").arg(outJournal());
        return false;
    }
    if (!isArmed(sealedPath, sealed)) {
        QJsonObject arming = *journal;
        arming.insert(QStringLiteral("stage"), QStringLiteral("arming"));
        if (!writeJson(outJournal(), arming, error) ||
            !writeArmed(sealedPath, sealed, arming, error))
            return false;
    }
    if (!DurableFile::remove(pendingPath, error))
        return false;
    *report = tr("An interrupted transfer to %1 was finished: the license is on the media, ready "
                 "for the target computer (Step 4).")
                  .arg(mediaDir);
    return DurableFile::remove(outJournal(), error);
}

bool LicenseTransfer::abortOut(QString *error)
{
    if (!QFile::exists(outJournal())) {
        *error = tr("no transfer out of this computer is unfinished");
        return false;
    }
    const std::optional<QJsonObject> journal = readJson(outJournal(), error);
    if (!journal)
        return false;
    const QString stage = journal->value(QLatin1String("stage")).toString();
    const QString mediaDir = journal->value(QLatin1String("media")).toString();
    const QDir folder(mediaFolder(mediaDir));
    if (stage == QLatin1String("writing")) {
        QString report;
        return recoverOut(&report, error);
    }
    if (stage != QLatin1String("given-up")) {
        // Armed, or about to be: a copy of the media would install it even if this
        // computer took it back.
        *error = tr("the license may already be armed on the media at %1, or on a copy of it, "
                    "so it can no longer be taken back: insert the media and transfer out again "
                    "to finish, then install it on the target computer %2 (Step 4)")
                     .arg(mediaDir, journal->value(QLatin1String("target-computer-id")).toString());
        return false;
    }
    // Given up but never armed: what the media holds installs nothing. Wiped all the same.
    if (folder.exists() && (!DurableFile::wipe(folder.filePath(SealedFile), error) ||
                            !DurableFile::wipe(folder.filePath(PendingFile), error)))
        return false;
    if (!m_license->writeRecord(journal->value(QLatin1String("license")).toObject(), error))
        return false;
    return DurableFile::remove(outJournal(), error);
}

bool LicenseTransfer::in(const QString &mediaDir, QString *error)
{
    QString report;
    if (!recover(&report, error))
        return false;
    // An installation a crash interrupted was just finished.
    if (!report.isEmpty() && !QFile::exists(inJournal()) && QFile::exists(m_license->path()))
        return true;
    const LicenseStatus status = m_license->status();
    if (status.serial) {
        *error = tr("this computer holds a license already (serial no. %1); it would be lost")
                     .arg(status.serial->number);
        return false;
    }
    const QDir folder(mediaFolder(mediaDir));
    if (!QDir(mediaDir).exists()) {
        *error = tr("%1 does not exist: is the media inserted and mounted?").arg(mediaDir);
        return false;
    }
    const QString sealedPath = folder.filePath(SealedFile);
    if (!QFile::exists(sealedPath)) {
        *error = QFile::exists(folder.filePath(PendingFile))
                     ? tr("the transfer on the source computer is not finished: take the media "
                          "back there and run Step 3 again")
                 : QFile::exists(folder.filePath(RequestFile))
                     ? tr("the media holds no license yet: take it to the source computer "
                          "(Step 3)")
                     : tr("there is no Tandem license media in %1").arg(mediaDir);
        return false;
    }
    const MediaInfo media = inspect(mediaDir);
    if (!QFile::exists(targetKeys())) {
        *error = tr("this license media was prepared for the computer %1, and this computer "
                    "(%2) holds no matching key: it did not prepare it, or it installed the "
                    "license from it already")
                     .arg(media.computerId.isEmpty() ? tr("(unknown)") : media.computerId,
                          status.computerId);
        return false;
    }
    const std::optional<QJsonObject> keys = readJson(targetKeys(), error);
    if (!keys)
        return false;
    QByteArray sealed;
    if (!DurableFile::read(sealedPath, &sealed, error))
        return false;
    const QByteArray publicKey =
        QByteArray::fromHex(keys->value(QLatin1String("public-key")).toString().toLatin1());
    const QByteArray secretKey =
        QByteArray::fromHex(keys->value(QLatin1String("secret-key")).toString().toLatin1());
    // The armed file: the license and then its arming key, both sealed to this computer.
    const std::optional<QByteArray> package =
        openSealed(sealed.chopped(qMin(ArmBytes, sealed.size())), publicKey, secretKey);
    const std::optional<QByteArray> armKey =
        package ? openSealed(sealed.right(ArmBytes), publicKey, secretKey) : std::nullopt;
    const QJsonObject content =
        package ? QJsonDocument::fromJson(*package).object() : QJsonObject();
    if (!package && !openSealed(sealed, publicKey, secretKey)) {
        *error = tr("this license media was prepared for the computer %1, not for this one (%2); "
                    "a copy of license media is of no use on another computer")
                     .arg(media.computerId.isEmpty() ? tr("(unknown)") : media.computerId,
                          status.computerId);
        return false;
    }
    if (!armKey ||
        content.value(QLatin1String("arm-sha256")).toString().toLatin1() != sha256(*armKey)) {
        // The license without its arming key (a pending file renamed): the source still
        // holds the license, or will take it back.
        *error = tr("the transfer on the source computer is not finished: take the media back "
                    "there and run Step 3 again");
        return false;
    }
    if (content.value(QLatin1String("request-id")).toString() !=
            keys->value(QLatin1String("request-id")).toString() ||
        content.value(QLatin1String("target-computer-id")).toString() != status.computerId) {
        *error = tr("this license media answers an older preparation of this computer; prepare "
                    "new media (Step 2) and transfer again");
        return false;
    }
    QString why;
    if (!Serial::parse(content.value(QLatin1String("serial")).toString(),
                       m_license->options().vendorPublicKey, &why)) {
        *error = tr("the license on the media is not valid: %1").arg(why);
        return false;
    }
    // The target starts its own grace period (the unlock password is bound to a computer),
    // unless this state directory had the serial before: then its first one goes on.
    const std::optional<QJsonObject> record =
        m_license->newRecord(content.value(QLatin1String("serial")).toString(), error);
    if (!record)
        return false;
    if (!writeJson(inJournal(),
                   {{QStringLiteral("stage"), QStringLiteral("installing")},
                    {QStringLiteral("media"), mediaDir},
                    {QStringLiteral("license"), *record}},
                   error))
        return false;
    DurableFile::checkpoint("in:journaled");
    QString installed;
    return recoverIn(&installed, error);
}

bool LicenseTransfer::recoverIn(QString *report, QString *error)
{
    if (!QFile::exists(inJournal()))
        return true;
    const std::optional<QJsonObject> journal = readJson(inJournal(), error);
    if (!journal)
        return false;
    const QString mediaDir = journal->value(QLatin1String("media")).toString();
    if (!QFile::exists(m_license->path()) &&
        !m_license->writeRecord(journal->value(QLatin1String("license")).toObject(), error))
        return false;
    DurableFile::checkpoint("in:installed");
    const QDir folder(mediaFolder(mediaDir));
    if (folder.exists()) {
        // The license leaves the media; what cannot be wiped now is useless without our key.
        QString ignored;
        DurableFile::wipe(folder.filePath(SealedFile), &ignored);
        DurableFile::remove(folder.filePath(RequestFile), &ignored);
    }
    DurableFile::checkpoint("in:media-wiped");
    if (!DurableFile::remove(targetKeys(), error))
        return false;
    if (report->isEmpty())
        *report = tr("The license from %1 is installed.").arg(mediaDir);
    return DurableFile::remove(inJournal(), error);
}

QString LicenseTransfer::pending() const
{
    if (!QFile::exists(outJournal()))
        return {};
    QString error;
    const std::optional<QJsonObject> journal = readJson(outJournal(), &error);
    if (!journal)
        return error;
    const QString stage = journal->value(QLatin1String("stage")).toString();
    if (stage != QLatin1String("writing") && stage != QLatin1String("given-up"))
        return tr("The transfer of the license to the media at %1 is unfinished: insert the "
                  "media and transfer again to finish it. The license may be armed on the media "
                  "already, so it can no longer be taken back.")
            .arg(journal->value(QLatin1String("media")).toString());
    return tr("The transfer of the license to the media at %1 is unfinished: insert the media "
              "and transfer again to finish it, or cancel the transfer to keep the license on "
              "this computer.")
        .arg(journal->value(QLatin1String("media")).toString());
}

} // namespace tandem
