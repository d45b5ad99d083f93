// `notify set|test|retry`: the e-mail notifications, a test mail, the outbox now.
#include "arguments.h"
#include "commanderror.h"
#include "commands.h"
#include "passwordinput.h"
#include "session.h"

#include "config/configvalidator.h"
#include "events/eventcatalog.h"
#include "host/controlclient.h"
#include "notify/mailer.h"
#include "secrets/passwordstore.h"
#include "secrets/servicecredentials.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

#include <optional>

#include <unistd.h>

namespace tandem::ctl {

namespace {

// The settings' test mail, or with --connection only the dialogue up to sending.
int notifyTest(Session &session, Arguments &args)
{
    QTextStream &out = session.out();
    QTextStream &err = session.err();
    const ConfigDocument &doc = session.doc();
    session.load();
    const std::optional<QString> connection = args.value(QStringLiteral("connection"));
    session.names(args, QStringLiteral("notify test"), 0);
    const NotificationSettings &n = doc.configuration().notifications;
    if (n.primarySmtp.isEmpty())
        throw CommandError{1, tr("no primary SMTP server is set (notify set --primary-smtp URL)")};
    QString password;
    const QString credentials = serviceCredentialsDir(doc.paths());
    if (!n.user.isEmpty() && !credentials.isEmpty()) {
        // The system service's password: what systemd will give it, decrypted as root.
        const QString key = PasswordStore::smtpKey(n.user);
        const QString file = QDir(credentials).filePath(ServiceCredentials::fileName(key));
        QString error;
        if (::geteuid() != 0)
            throw CommandError{1, tr("the system service's SMTP password is a systemd credential "
                                     "in %1, which only root may read: run this command with sudo")
                                      .arg(credentials)};
        if (!QFileInfo::exists(file))
            throw CommandError{1, tr("the system service has no SMTP password for '%1' (%2): set "
                                     "it with notify set --password-stdin")
                                      .arg(n.user, file)};
        const std::optional<QString> decrypted =
            ServiceCredentials::decrypt(key, file, systemdCredsProgram(), &error);
        if (!decrypted)
            throw CommandError{
                1, tr("the SMTP password of '%1' cannot be read: %2").arg(n.user, error)};
        password = *decrypted;
    } else if (!n.user.isEmpty()) {
        const PasswordStore::Result r = PasswordStore::readBlocking(PasswordStore::smtpKey(n.user));
        if (!r.ok)
            throw CommandError{
                1, tr("the SMTP password of '%1' cannot be read: %2").arg(n.user, r.error)};
        password = r.password;
    }
    QList<SmtpServer> servers = Mailer::servers(n, password);
    if (connection) {
        // Only the dialogue up to the point of sending: the console's "Test connection".
        const int index = *connection == QLatin1String("primary")     ? 0
                          : *connection == QLatin1String("secondary") ? 1
                                                                      : -1;
        if (index < 0)
            usageError(tr("--connection: '%1' is not primary or secondary").arg(*connection));
        if (index >= servers.size())
            throw CommandError{1, tr("no secondary SMTP server is set")};
        const SmtpResult r = SmtpClient().probe(servers.at(index));
        if (!r.ok)
            throw CommandError{1, tr("%1: %2").arg(servers.at(index).url, r.error)};
        out << tr("%1: connection, security and login work").arg(servers.at(index).url) << Qt::endl;
        return 0;
    }
    if (n.from.isEmpty() || n.to.isEmpty())
        throw CommandError{1, tr("a test mail needs a sender and at least one recipient "
                                 "(notify set --from ADDR --to ADDR)")};
    const DeliveryReport report = Mailer::deliver(servers, n.from, n.to, Mailer::testMessage(n));
    for (const DeliveryReport::Try &t : report.tries) {
        if (t.result.ok)
            out << tr("%1: test mail accepted for %2").arg(t.url, n.to.join(QLatin1String(", ")))
                << Qt::endl;
        else
            err << tr("tandemctl: %1: %2").arg(t.url, t.result.error) << Qt::endl;
        for (const QString &refused : t.result.refused)
            err << tr("tandemctl: %1: recipient refused: %2").arg(t.url, refused) << Qt::endl;
    }
    if (!report.ok())
        throw CommandError{1, tr("the test mail could not be sent")};
    return 0;
}

} // namespace

int notifyCommand(Session &session, const QString &verb, Arguments &args)
{
    QTextStream &out = session.out();
    ConfigDocument &doc = session.doc();
    const QString command = QLatin1String("notify ") + verb;
    if (verb == QLatin1String("test"))
        return notifyTest(session, args);
    if (verb == QLatin1String("retry")) {
        session.names(args, command, 0);
        const auto answer = ControlClient::retryMail(doc.paths().stateDir);
        if (!answer)
            throw CommandError{1, answer.error};
        out << tr("retrying the e-mail outbox now (%1 waiting)").arg(*answer) << Qt::endl;
        return 0;
    }
    if (verb != QLatin1String("set"))
        usageError(tr("unknown command: notify %1").arg(verb));
    session.load();
    NotificationSettings n = doc.configuration().notifications;
    if (const auto v = args.value(QStringLiteral("enable")))
        n.enabled = parseYesNo(QStringLiteral("enable"), *v);
    if (const auto v = args.value(QStringLiteral("primary-smtp")))
        n.primarySmtp = *v;
    if (const auto v = args.value(QStringLiteral("secondary-smtp")))
        n.secondarySmtp = *v;
    if (const auto v = args.value(QStringLiteral("from")))
        n.from = *v;
    if (args.has(QStringLiteral("to")))
        n.to = args.values(QStringLiteral("to"));
    if (const auto v = args.value(QStringLiteral("subject")))
        n.subject = *v;
    if (const auto v = args.value(QStringLiteral("header")))
        n.header = *v;
    if (const auto v = args.value(QStringLiteral("footer")))
        n.footer = *v;
    if (const auto v = args.value(QStringLiteral("allow-plaintext")))
        n.allowPlaintext = parseYesNo(QStringLiteral("allow-plaintext"), *v);
    if (const auto v = args.value(QStringLiteral("ca-file")))
        n.caFile = *v;
    if (const auto v = args.value(QStringLiteral("user")))
        n.user = *v;
    if (const auto v = args.value(QStringLiteral("retry-hours")))
        n.retryHours = parseInt(QStringLiteral("retry-hours"), *v);
    if (const auto v = args.value(QStringLiteral("batch-window")))
        n.batchWindowS = parseInt(QStringLiteral("batch-window"), *v);
    if (const auto v = args.value(QStringLiteral("timeout")))
        n.timeoutS = parseInt(QStringLiteral("timeout"), *v);
    if (const auto v = args.value(QStringLiteral("events"))) {
        n.allEvents = *v == QLatin1String("all");
        n.events.clear();
        if (!n.allEvents)
            for (const QString &id : v->split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                if (!EventCatalog::find(id.trimmed()))
                    usageError(tr("--events: '%1' is not a known event id").arg(id.trimmed()));
                n.events << id.trimmed();
            }
    }
    const bool setPassword = args.has(QStringLiteral("password-stdin"));
    args.take(QStringLiteral("password-stdin"));
    session.names(args, command, 0);
    if (setPassword && n.user.isEmpty())
        usageError(tr("--password-stdin: give the user name with --user first"));
    Configuration proposed = doc.configuration();
    proposed.notifications = n;
    session.check(ConfigValidator::validate(proposed)); // before the keychain is touched
    doc.setNotifications(n);
    QString stored;
    if (setPassword)
        stored = storePasswordFromStdin(doc.paths(), PasswordStore::smtpKey(n.user),
                                        tr("SMTP password"));
    session.save();
    out << tr("notification settings saved") << Qt::endl;
    if (setPassword)
        out << tr("SMTP password for '%1' stored %2").arg(n.user, stored) << Qt::endl;
    return 0;
}

} // namespace tandem::ctl
