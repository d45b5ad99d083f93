#include "passwordinput.h"

#include "base/systemfile.h"
#include "base/testhooks.h"
#include "commanderror.h"
#include "secrets/passwordstore.h"
#include "secrets/servicecredentials.h"
#include "service/serviceunit.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <optional>

#include <unistd.h>

namespace tandem::ctl {

namespace {

// The password as an encrypted systemd credential of the system service, written by root
// into a folder only root may use. Returns the file written.
QString storeServiceCredential(const QString &folder, const QString &key, const QString &password,
                               const QString &what)
{
    if (::geteuid() != 0)
        throw CommandError{1, tr("the system service's %1 is a systemd credential in %2, which "
                                 "only root may write: run this command with sudo; nothing was "
                                 "changed")
                                  .arg(what, folder)};
    QString error;
    const std::optional<QByteArray> sealed =
        ServiceCredentials::encrypt(key, password, systemdCredsProgram(), &error);
    const QString file = QDir(folder).filePath(ServiceCredentials::fileName(key));
    if (!sealed || !SystemFile::makeFolder(folder, {0700, 0, 0}, &error) ||
        !SystemFile::write(file, *sealed, {0600, 0, 0}, &error))
        throw CommandError{1,
                           tr("the %1 was not stored: %2; nothing was changed").arg(what, error)};
    return file;
}

} // namespace

QString serviceCredentialsDir(const TandemPaths &paths)
{
    // Tests cannot write /etc: this makes their files count as the system service's.
    const QString hook = TANDEM_TEST_HOOK_VARIABLE("TANDEM_TEST_SERVICE_CREDENTIALS_DIR");
    if (!hook.isEmpty())
        return hook;
    return QFileInfo(paths.configFile).absoluteFilePath() == ServiceUnit::systemConfigFile()
               ? ServiceUnit::systemCredentialsDir()
               : QString();
}

QString systemdCredsProgram()
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("systemd-creds"));
    return tool.isEmpty() ? QStringLiteral("systemd-creds") : tool;
}

QString readPasswordFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        throw CommandError{1, tr("--password-stdin: cannot read standard input")};
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        throw CommandError{
            1, tr("--password-stdin: standard input held no password; nothing was changed")};
    return QString::fromUtf8(line);
}

QString storePasswordFromStdin(const TandemPaths &paths, const QString &key, const QString &what)
{
    const QString password = readPasswordFromStdin();
    const QString credentials = serviceCredentialsDir(paths);
    if (!credentials.isEmpty()) {
        const QString file = storeServiceCredential(credentials, key, password, what);
        return tr("as the system service's encrypted credential %1; it takes effect when the "
                  "service restarts (systemctl restart tandemd)")
            .arg(file);
    }
    const PasswordStore::Result stored = PasswordStore::writeBlocking(key, password);
    if (!stored.ok)
        throw CommandError{
            1, tr("the %1 was not stored: %2; nothing was changed").arg(what, stored.error)};
    return tr("in the system keychain");
}

} // namespace tandem::ctl
