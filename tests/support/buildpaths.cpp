#include "buildpaths.h"

namespace tandem::test {

QString tandemctlPath()
{
    return QStringLiteral(TANDEM_BUILD_TANDEMCTL);
}

QString tandemdPath()
{
    return QStringLiteral(TANDEM_BUILD_TANDEMD);
}

QString tandemSimPath()
{
    return QStringLiteral(TANDEM_BUILD_TANDEMSIM);
}

QString tandemLicensePath()
{
    return QStringLiteral(TANDEM_BUILD_TANDEMLICENSE);
}

QString nodeExecutable()
{
    return QStringLiteral(TANDEM_BUILD_NODE);
}

QString sourcePath(const char *relative)
{
    return QStringLiteral(TANDEM_BUILD_SOURCE_DIR "/") + QString::fromUtf8(relative);
}

} // namespace tandem::test
