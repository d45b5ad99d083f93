#include "locallicense.h"

#include "base/enginesocket.h"
#include "base/worker.h"
#include "host/controlclient.h"

#include <QLoggingCategory>

namespace tandem {

namespace {
Q_LOGGING_CATEGORY(lcLicenseUi, "tandem.license.ui", QtInfoMsg)
} // namespace

LocalLicense::LocalLicense(const TandemPaths &paths)
    : m_paths(paths)
    , m_file({paths.stateDir, paths.machineIdFile})
    , m_transfer(&m_file)
{}

LicenseStatus LocalLicense::status() const
{
    LicenseStatus s = m_file.status();
    s.pendingTransfer = m_transfer.pending();
    return s;
}

void LocalLicense::tellEngine() const
{
    const QString stateDir = m_paths.stateDir;
    Worker::detach([stateDir] {
        if (!EngineSocket::isRunning(stateDir))
            return; // the engine reads the license when it starts
        const ControlReply<> answer = ControlClient::refreshLicense(stateDir, 3000);
        if (!answer)
            qCWarning(lcLicenseUi)
                << "the engine was not told of the license change:" << answer.error;
    });
}

} // namespace tandem
