// libFuzzer target: a peer's certificate chain as OPC UA carries it (DER certificates one
// after the other, OPC 10000-6 §6.2.3), read and validated as an OpenSecureChannel from the
// network would have it. The last certificate of the input is put in trusted/ of a scratch
// store first, so that the input reaches every step of validation (chain, signatures,
// validity, usage, revocation lists). None may crash; a refusal carries a status code.
#include "base/clock.h"
#include "pki/certificate.h"
#include "pki/certificatevalidator.h"
#include "pki/pkistore.h"
#include "pki/revocationlist.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

using namespace tandem;
using namespace tandem::pki;

namespace {

QTemporaryDir *scratch()
{
    static QTemporaryDir dir(QDir(QStringLiteral("/dev/shm")).exists()
                                 ? QStringLiteral("/dev/shm/fuzz_certificate-XXXXXX")
                                 : QDir::tempPath() + QStringLiteral("/fuzz_certificate-XXXXXX"));
    return &dir;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QTemporaryDir *dir = scratch();
    if (!dir->isValid())
        abort();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    if (const auto single = Certificate::fromData(bytes, &error))
        single->info();
    if (const auto crl = RevocationList::fromData(bytes, &error))
        crl->issuer();

    const QString state = dir->filePath(QStringLiteral("state"));
    QDir(state).removeRecursively();
    const PkiStore store(state);
    if (!store.ensureLayout(&error))
        abort();
    const auto chain = Certificate::chainFromDer(bytes, &error);
    if (chain) {
        for (const Certificate &certificate : *chain) {
            const CertificateInfo info = certificate.info();
            if (info.thumbprint.size() != 40)
                abort();
        }
        if (!store.trustCertificate(chain->last(), &error))
            abort();
    }
    ManualClock clock;
    ValidationOptions options;
    options.expectedApplicationUri = QStringLiteral("urn:testhost:server");
    options.expectedHost = QStringLiteral("testhost");
    const ValidationResult result = CertificateValidator(store, clock).validate(bytes, options);
    if (!result.isGood() && result.message.isEmpty())
        abort(); // a refusal always says why
    if (!chain && result.status != CertificateStatus::BadCertificateInvalid)
        abort();
    return 0;
}
