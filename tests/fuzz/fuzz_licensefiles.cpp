// libFuzzer target: the license's JSON files as a local user or a foreign stick may leave
// them: license.json and the transfer journals in the state folder, the request and the
// sealed license on the media, and serial numbers as typed. The input is a list of
// records [which:1][length:2, little-endian][bytes]; `which` picks the file (or 7: a
// serial number to parse). Then the license's status, the media's state, the pending
// transfer, a recovery and a transfer in are asked for: none may crash, and a refusal
// says why.
#include "license/licensefile.h"
#include "license/licensetransfer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdlib>

using namespace tandem;

namespace {

QTemporaryDir *scratch()
{
    static QTemporaryDir dir(QDir(QStringLiteral("/dev/shm")).exists()
                                 ? QStringLiteral("/dev/shm/fuzz_licensefiles-XXXXXX")
                                 : QDir::tempPath() + QStringLiteral("/fuzz_licensefiles-XXXXXX"));
    return &dir;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("tandem.*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QTemporaryDir *dir = scratch();
    if (!dir->isValid())
        abort();
    const QString state = dir->filePath(QStringLiteral("state"));
    const QString media = dir->filePath(QStringLiteral("media"));
    QDir(state).removeRecursively();
    QDir(media).removeRecursively();
    QDir().mkpath(state);
    QDir().mkpath(LicenseTransfer::mediaFolder(media));
    const QString files[] = {
        QDir(state).filePath(QStringLiteral("license.json")),
        QDir(state).filePath(QStringLiteral("transfer-out.json")),
        QDir(state).filePath(QStringLiteral("transfer-in.json")),
        QDir(state).filePath(QStringLiteral("transfer-target.json")),
        QDir(LicenseTransfer::mediaFolder(media)).filePath(QStringLiteral("request.json")),
        QDir(LicenseTransfer::mediaFolder(media)).filePath(QStringLiteral("license.sealed")),
        QDir(LicenseTransfer::mediaFolder(media))
            .filePath(QStringLiteral("license.sealed.pending")),
    };
    size_t at = 0;
    while (at + 3 <= size) {
        const quint8 which = data[at] % 8;
        const size_t length = std::min<size_t>(data[at + 1] | (data[at + 2] << 8), size - at - 3);
        const QByteArray bytes(reinterpret_cast<const char *>(data + at + 3), qsizetype(length));
        at += 3 + length;
        if (which == 7) {
            QString why;
            if (!Serial::parse(QString::fromUtf8(bytes), builtInVendorPublicKey(), &why) &&
                why.isEmpty())
                abort();
            continue;
        }
        QFile f(files[which]);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
            abort();
    }

    LicenseFile::Options options;
    options.stateDir = state;
    LicenseFile license(options);
    const LicenseStatus status = license.status();
    (void)status.summary();
    (void)status.toJson();
    (void)LicenseTransfer::inspect(media);
    LicenseTransfer transfer(&license);
    (void)transfer.pending();
    QString report, error;
    if (!transfer.recover(&report, &error) && error.isEmpty())
        abort(); // a refusal must say why
    error.clear();
    if (!transfer.in(media, &error) && error.isEmpty())
        abort();
    (void)license.status();
    return 0;
}
