// `cert show|list|trust|reject|remove|renew|import`: Tandem's own OPC UA certificate and the
// trust list, in the state directory's pki/ folder (pki/pkistore.h). The engine reads the
// trust list at every connection and its own certificate again when it changed, so these
// commands take effect without a restart.
#include "arguments.h"
#include "commanderror.h"
#include "commands.h"
#include "passwordinput.h"
#include "session.h"

#include "base/clock.h"
#include "pki/applicationcertificate.h"
#include "pki/pkistore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tandem::ctl {

namespace {

[[noreturn]] void failed(const QString &message)
{
    throw CommandError{1, message};
}

QByteArray readFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        usageError(tr("%1 '%2' cannot be read: %3").arg(what, path, file.errorString()));
    // Certificates, keys and PKCS#12 files are a few kilobytes; a huge file is a mistake.
    constexpr qint64 MaxBytes = 1024 * 1024;
    if (file.size() > MaxBytes)
        usageError(tr("%1 '%2' is larger than 1 MiB: not a certificate or key").arg(what, path));
    return file.readAll();
}

void printCertificate(QTextStream &out, const pki::CertificateInfo &c, const QString &indent)
{
    const auto line = [&](const QString &label, const QString &value) {
        if (!value.isEmpty())
            out << indent << label << ": " << value << Qt::endl;
    };
    line(tr("subject"), c.subject);
    line(tr("thumbprint (SHA-1)"), c.thumbprint);
    line(tr("application URI"), c.applicationUri);
    line(tr("issuer"), c.selfSigned ? tr("%1 (self-signed)").arg(c.issuer) : c.issuer);
    line(tr("valid from"), c.notBefore.toString(Qt::ISODate));
    line(tr("valid until"), c.notAfter.toString(Qt::ISODate));
    line(tr("host names"), c.dnsNames.join(QStringLiteral(", ")));
    line(tr("IP addresses"), c.ipAddresses.join(QStringLiteral(", ")));
    line(tr("key"), tr("RSA %1 bits, %2").arg(c.keyBits).arg(c.signatureAlgorithm));
    if (c.certificateAuthority)
        line(tr("certificate authority"), tr("yes"));
}

int show(Session &session, Arguments &args, const pki::PkiStore &store)
{
    const bool json = args.value(QStringLiteral("json")).has_value();
    session.names(args, QStringLiteral("cert show"), 0);
    QString error;
    // Showing it is a use: a machine without one gets it now, as the engine would.
    const auto own = pki::ApplicationCertificate::loadOrCreate(
        store, pki::ApplicationCertificateRequest::forThisMachine(), *Clock::system(), &error);
    if (!own)
        failed(tr("Tandem's own certificate cannot be used: %1").arg(error));
    const pki::CertificateInfo info = own->certificate().info();
    if (json) {
        QJsonObject o = info.toJson();
        o.insert(QStringLiteral("file"), pki::ApplicationCertificate::certificatePath(store));
        session.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return 0;
    }
    printCertificate(session.out(), info, QString());
    session.out() << tr("file") << ": " << pki::ApplicationCertificate::certificatePath(store)
                  << Qt::endl;
    return 0;
}

int list(Session &session, Arguments &args, const pki::PkiStore &store)
{
    const bool json = args.value(QStringLiteral("json")).has_value();
    session.names(args, QStringLiteral("cert list"), 0);
    if (json) {
        session.out() << QJsonDocument(store.toJson()).toJson(QJsonDocument::Indented);
        return 0;
    }
    QTextStream &out = session.out();
    const std::pair<pki::PkiStore::List, QString> lists[] = {
        {pki::PkiStore::List::Trusted, tr("trusted")},
        {pki::PkiStore::List::Issuers, tr("issuers")},
        {pki::PkiStore::List::Rejected, tr("rejected")}};
    for (const auto &[which, title] : lists) {
        const QList<pki::PkiStore::Entry> entries = store.entries(which);
        out << title << ':' << Qt::endl;
        if (entries.isEmpty())
            out << "  " << tr("(none)") << Qt::endl;
        for (const pki::PkiStore::Entry &e : entries) {
            if (!e.certificate) {
                out << "  " << e.error << Qt::endl;
                continue;
            }
            const pki::CertificateInfo c = e.certificate->info();
            out << "  " << c.thumbprint << "  " << c.subject << "  "
                << tr("until %1").arg(c.notAfter.toString(Qt::ISODate));
            if (!c.applicationUri.isEmpty())
                out << "  " << c.applicationUri;
            out << Qt::endl;
        }
    }
    return 0;
}

QString describe(const pki::Certificate &c)
{
    return QStringLiteral("'%1' [%2]").arg(c.subject(), c.thumbprint());
}

} // namespace

int certCommand(Session &session, const QString &verb, Arguments &args)
{
    const pki::PkiStore store(session.paths().stateDir);
    QString error;
    if (verb != QLatin1String("show") && verb != QLatin1String("list") &&
        !store.ensureLayout(&error))
        failed(error);
    QTextStream &out = session.out();
    if (verb == QLatin1String("show"))
        return show(session, args, store);
    if (verb == QLatin1String("list"))
        return list(session, args, store);
    if (verb == QLatin1String("trust")) {
        const QString what = session.names(args, QStringLiteral("cert trust"), 1).at(0);
        const auto trusted = store.trust(what, &error);
        if (!trusted)
            failed(error);
        out << tr("trusted %1").arg(describe(*trusted)) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("reject")) {
        const QString thumbprint = session.names(args, QStringLiteral("cert reject"), 1).at(0);
        const auto rejected = store.reject(thumbprint, &error);
        if (!rejected)
            failed(error);
        out << tr("rejected %1: it is no longer trusted").arg(describe(*rejected)) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("remove")) {
        const QString thumbprint = session.names(args, QStringLiteral("cert remove"), 1).at(0);
        if (!store.remove(thumbprint, &error))
            failed(error);
        out << tr("removed %1").arg(pki::normalizedThumbprint(thumbprint)) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("renew")) {
        session.names(args, QStringLiteral("cert renew"), 0);
        const auto own = pki::ApplicationCertificate::renew(
            store, pki::ApplicationCertificateRequest::forThisMachine(), *Clock::system(), &error);
        if (!own)
            failed(tr("the certificate was not renewed: %1").arg(error));
        out << tr("renewed Tandem's certificate: %1; servers and clients that trusted the old "
                  "one must trust this one")
                   .arg(describe(own->certificate()))
            << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("import")) {
        const bool withPassword = args.has(QStringLiteral("password-stdin"));
        args.take(QStringLiteral("password-stdin"));
        const QStringList files = args.positional().mid(2);
        if (files.size() != 1 && files.size() != 2)
            usageError(tr("cert import: give CERT KEY (PEM or DER and a PEM key) or one "
                          "PKCS#12 file"));
        session.names(args, QStringLiteral("cert import"), int(files.size()));
        const QByteArray password = withPassword ? readPasswordFromStdin().toUtf8() : QByteArray();
        std::optional<pki::ApplicationCertificate> own;
        if (files.size() == 2)
            own = pki::ApplicationCertificate::importPem(
                store, readFile(files[0], tr("the certificate")), readFile(files[1], tr("the key")),
                password, *Clock::system(), &error);
        else
            own = pki::ApplicationCertificate::importPkcs12(
                store, readFile(files[0], tr("the file")), password, *Clock::system(), &error);
        if (!own)
            failed(tr("the certificate was not imported: %1").arg(error));
        out << tr("Tandem now uses %1").arg(describe(own->certificate())) << Qt::endl;
        return 0;
    }
    usageError(tr("unknown command: cert %1").arg(verb));
}

} // namespace tandem::ctl
