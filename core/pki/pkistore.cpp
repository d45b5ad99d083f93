#include "pkistore.h"

#include "base/durablefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace tandem::pki {

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PkiStore)
};

constexpr const char *FolderNames[] = {
    "own/certs",     "own/private", "trusted/certs",  "trusted/crl",
    "issuers/certs", "issuers/crl", "rejected/certs",
};

QString listName(PkiStore::List list)
{
    switch (list) {
    case PkiStore::List::Trusted:
        return QStringLiteral("trusted");
    case PkiStore::List::Issuers:
        return QStringLiteral("issuers");
    case PkiStore::List::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

// A folder of the store: created 0700, or tightened to 0700. A link is left alone (an
// operator may share a trust list with another application), except where the key lives.
bool makePrivateFolder(const QString &path, bool refuseLink, QString *error)
{
    const QByteArray name = QFile::encodeName(path);
    if (::mkdir(name.constData(), 0700) != 0 && errno != EEXIST) {
        *error = Tr::tr("cannot create the folder %1: %2")
                     .arg(path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    struct stat info = {};
    if (::lstat(name.constData(), &info) != 0) {
        *error = Tr::tr("cannot read the folder %1: %2")
                     .arg(path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    if (S_ISLNK(info.st_mode)) {
        if (!refuseLink)
            return true;
        *error =
            Tr::tr("%1 is a link; Tandem keeps its private key only in a real folder").arg(path);
        return false;
    }
    if (!S_ISDIR(info.st_mode)) {
        *error = Tr::tr("%1 is not a folder").arg(path);
        return false;
    }
    if ((info.st_mode & 07777) != 0700 && ::chmod(name.constData(), 0700) != 0) {
        *error = Tr::tr("cannot restrict the folder %1 to its owner: %2")
                     .arg(path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    return true;
}

QJsonObject entryJson(const PkiStore::Entry &entry)
{
    QJsonObject object;
    if (entry.certificate)
        object = entry.certificate->info().toJson();
    else
        object.insert(QStringLiteral("error"), entry.error);
    object.insert(QStringLiteral("file"), QFileInfo(entry.path).fileName());
    return object;
}

} // namespace

PkiStore::PkiStore(const QString &stateDir)
    : m_root(QDir(stateDir).filePath(QStringLiteral("pki")))
{}

QString PkiStore::path(Folder folder) const
{
    return m_root + QLatin1Char('/') + QLatin1String(FolderNames[int(folder)]);
}

bool PkiStore::ensureLayout(QString *error) const
{
    const QString stateDir = QFileInfo(m_root).path();
    if (!QDir().mkpath(stateDir)) {
        *error = Tr::tr("cannot create the state directory %1").arg(stateDir);
        return false;
    }
    if (!makePrivateFolder(m_root, true, error))
        return false;
    for (const char *parent : {"own", "trusted", "issuers", "rejected"})
        if (!makePrivateFolder(m_root + QLatin1Char('/') + QLatin1String(parent),
                               QLatin1String(parent) == QLatin1String("own"), error))
            return false;
    for (int folder = 0; folder <= int(Folder::RejectedCerts); ++folder)
        if (!makePrivateFolder(path(Folder(folder)), Folder(folder) == Folder::OwnPrivate, error))
            return false;
    return true;
}

QStringList PkiStore::files(Folder folder) const
{
    QStringList paths;
    const QDir dir(path(folder));
    // DurableFile's temporary files end in ".writing": half a write is no certificate.
    for (const QFileInfo &file :
         dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name | QDir::IgnoreCase))
        if (!file.fileName().endsWith(QLatin1String(".writing")))
            paths << file.filePath();
    return paths;
}

PkiStore::Folder PkiStore::certsFolder(List list) const
{
    switch (list) {
    case List::Trusted:
        return Folder::TrustedCerts;
    case List::Issuers:
        return Folder::IssuerCerts;
    case List::Rejected:
        return Folder::RejectedCerts;
    }
    return Folder::RejectedCerts;
}

QList<PkiStore::Entry> PkiStore::entries(List list) const
{
    QList<Entry> result;
    for (const QString &file : files(certsFolder(list))) {
        Entry entry{file, std::nullopt, QString()};
        entry.certificate = Certificate::fromFile(file, &entry.error);
        result << entry;
    }
    return result;
}

QList<Certificate> PkiStore::certificates(List list) const
{
    QList<Certificate> result;
    for (const Entry &entry : entries(list))
        if (entry.certificate)
            result << *entry.certificate;
    return result;
}

QList<RevocationList> PkiStore::revocationLists() const
{
    QList<RevocationList> result;
    for (Folder folder : {Folder::TrustedCrl, Folder::IssuerCrl}) {
        for (const QString &file : files(folder)) {
            QByteArray bytes;
            QString error;
            if (!DurableFile::read(file, &bytes, &error))
                continue;
            if (auto crl = RevocationList::fromData(bytes, &error))
                result << *crl;
        }
    }
    return result;
}

std::optional<PkiStore::Entry> PkiStore::find(List list, const QString &thumbprint) const
{
    const QString wanted = normalizedThumbprint(thumbprint);
    for (const Entry &entry : entries(list))
        if (entry.certificate && entry.certificate->thumbprint() == wanted)
            return entry;
    return std::nullopt;
}

QString PkiStore::fileNameFor(const Certificate &certificate)
{
    QString name = certificate.commonName();
    if (name.isEmpty())
        name = QStringLiteral("certificate");
    // A name from the network becomes a file name: no folders, no control characters.
    for (QChar &c : name)
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.category() == QChar::Other_Control)
            c = QLatin1Char('_');
    if (name.startsWith(QLatin1Char('.')))
        name.replace(0, 1, QLatin1Char('_'));
    name.truncate(64);
    return QStringLiteral("%1 [%2].der").arg(name, certificate.thumbprint());
}

bool PkiStore::writeCertificate(Folder folder, const Certificate &certificate, QString *error) const
{
    if (!ensureLayout(error))
        return false;
    const QString file = path(folder) + QLatin1Char('/') + fileNameFor(certificate);
    return DurableFile::write(file, certificate.der(), error);
}

bool PkiStore::removeMatching(Folder folder, const QString &thumbprint, int *removed,
                              QString *error) const
{
    for (const QString &file : files(folder)) {
        QString ignored;
        const auto certificate = Certificate::fromFile(file, &ignored);
        if (!certificate || certificate->thumbprint() != thumbprint)
            continue;
        if (!DurableFile::remove(file, error))
            return false;
        ++*removed;
    }
    return true;
}

std::optional<Certificate> PkiStore::trust(const QString &thumbprintOrFile, QString *error) const
{
    if (QFileInfo(thumbprintOrFile).isFile()) {
        auto certificate = Certificate::fromFile(thumbprintOrFile, error);
        if (!certificate || !trustCertificate(*certificate, error))
            return std::nullopt;
        return certificate;
    }
    const QString thumbprint = normalizedThumbprint(thumbprintOrFile);
    if (thumbprint.isEmpty()) {
        *error =
            Tr::tr("%1 is neither a certificate file nor a SHA-1 thumbprint").arg(thumbprintOrFile);
        return std::nullopt;
    }
    const auto entry = find(List::Rejected, thumbprint);
    if (!entry) {
        if (const auto trusted = find(List::Trusted, thumbprint))
            return trusted->certificate;
        *error = Tr::tr("no certificate with the thumbprint %1 in %2")
                     .arg(thumbprint, path(Folder::RejectedCerts));
        return std::nullopt;
    }
    if (!trustCertificate(*entry->certificate, error))
        return std::nullopt;
    return entry->certificate;
}

bool PkiStore::trustCertificate(const Certificate &certificate, QString *error) const
{
    // Trusted first, then out of rejected/: a crash in between leaves it in both lists,
    // and trusted is what validation reads.
    int removed = 0;
    return writeCertificate(Folder::TrustedCerts, certificate, error) &&
           removeMatching(Folder::RejectedCerts, certificate.thumbprint(), &removed, error);
}

bool PkiStore::addIssuer(const Certificate &certificate, QString *error) const
{
    if (!certificate.isCertificateAuthority()) {
        *error = Tr::tr("%1 is no CA certificate (its basicConstraints do not say cA), so it "
                        "cannot issue others")
                     .arg(certificate.subject());
        return false;
    }
    return writeCertificate(Folder::IssuerCerts, certificate, error);
}

bool PkiStore::addRevocationList(const QByteArray &bytes, QString *error) const
{
    const auto crl = RevocationList::fromData(bytes, error);
    if (!crl)
        return false;
    for (List list : {List::Trusted, List::Issuers}) {
        for (const Certificate &ca : certificates(list)) {
            if (!crl->isIssuedBy(ca))
                continue;
            if (!ensureLayout(error))
                return false;
            const Folder folder = list == List::Trusted ? Folder::TrustedCrl : Folder::IssuerCrl;
            QString name = fileNameFor(ca);
            name.chop(4);
            return DurableFile::write(
                path(folder) + QLatin1Char('/') + name + QLatin1String(".crl"), crl->der(), error);
        }
    }
    *error =
        Tr::tr("no CA in trusted or issuers signed the revocation list of %1").arg(crl->issuer());
    return false;
}

std::optional<Certificate> PkiStore::reject(const QString &thumbprint, QString *error) const
{
    const QString wanted = normalizedThumbprint(thumbprint);
    for (List list : {List::Trusted, List::Issuers}) {
        const auto entry = find(list, wanted);
        if (!entry)
            continue;
        int removed = 0;
        if (storeRejected(*entry->certificate, error).isEmpty() ||
            !removeMatching(certsFolder(list), wanted, &removed, error))
            return std::nullopt;
        return entry->certificate;
    }
    *error = Tr::tr("no trusted or issuer certificate has the thumbprint %1")
                 .arg(wanted.isEmpty() ? thumbprint : wanted);
    return std::nullopt;
}

bool PkiStore::remove(const QString &thumbprint, QString *error) const
{
    const QString wanted = normalizedThumbprint(thumbprint);
    if (wanted.isEmpty()) {
        *error = Tr::tr("%1 is no SHA-1 thumbprint").arg(thumbprint);
        return false;
    }
    int removed = 0;
    for (List list : {List::Trusted, List::Issuers, List::Rejected})
        if (!removeMatching(certsFolder(list), wanted, &removed, error))
            return false;
    if (removed == 0) {
        *error = Tr::tr("no certificate has the thumbprint %1").arg(wanted);
        return false;
    }
    return true;
}

QString PkiStore::storeRejected(const Certificate &certificate, QString *error) const
{
    if (!writeCertificate(Folder::RejectedCerts, certificate, error))
        return {};
    const QString written =
        path(Folder::RejectedCerts) + QLatin1Char('/') + fileNameFor(certificate);
    QFileInfoList all = QDir(path(Folder::RejectedCerts))
                            .entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Time);
    // Newest first; the one just written stays whatever its time says.
    for (qsizetype i = all.size() - 1; i >= 0 && all.size() > MaxRejected; --i) {
        if (all[i].filePath() == written)
            continue;
        if (!DurableFile::remove(all[i].filePath(), error))
            return {};
        all.removeAt(i);
    }
    return written;
}

QJsonObject PkiStore::toJson() const
{
    QJsonObject object;
    for (List list : {List::Trusted, List::Issuers, List::Rejected}) {
        QJsonArray array;
        for (const Entry &entry : entries(list))
            array.append(entryJson(entry));
        object.insert(listName(list), array);
    }
    return object;
}

} // namespace tandem::pki
