#pragma once

#include "config/tandempaths.h"
#include "license/licensefile.h"
#include "license/licensetransfer.h"

namespace tandem {

// This computer's license as the console's license dialogs use it: the license file and
// its transfer for the paths the console runs with, and the engine told of each change.
class LocalLicense final
{
public:
    explicit LocalLicense(const TandemPaths &paths);
    LocalLicense(const LocalLicense &) = delete;
    LocalLicense &operator=(const LocalLicense &) = delete;

    const TandemPaths &paths() const { return m_paths; }
    LicenseFile *file() { return &m_file; }
    LicenseTransfer *transfer() { return &m_transfer; }
    // The license file's status with any unfinished transfer.
    LicenseStatus status() const;

    // Asks the engine serving the state directory, in the console or tandemd, to read
    // the license again. Runs off the GUI thread and returns at once: the console's own
    // engine answers on this thread's event loop, which a blocking request would stall.
    void tellEngine() const;

private:
    TandemPaths m_paths;
    LicenseFile m_file;
    LicenseTransfer m_transfer;
};

} // namespace tandem
