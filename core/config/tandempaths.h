#pragma once

#include <QString>

namespace tandem {

// Where the configuration file and the state directory are: the command line first,
// then TANDEM_CONFIG / TANDEM_STATE_DIR, then the XDG defaults
// (~/.config/tandem/tandem.xml, ~/.local/state/tandem).
struct TandemPaths
{
    QString configFile;
    QString stateDir;
    // Stands in for /etc/machine-id (tests play two computers on one machine); empty: the
    // real one. --machine-id-file or TANDEM_MACHINE_ID_FILE, test hooks (testhooks.h)
    // that a build without them ignores: there it is always empty.
    QString machineIdFile = {};

    static TandemPaths resolve(const QString &configOption, const QString &stateDirOption,
                               const QString &machineIdOption = {});
};

} // namespace tandem
