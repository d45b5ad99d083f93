// libFuzzer target: tandem.xml as a file on a deployed machine may hold it. The parser
// must accept it or name what is wrong, never crash; what it accepts must be saved and
// read back to the same configuration (what `tandemctl` writes after any change).
#include "config/configfile.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdlib>

using namespace tandem;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("tandem.*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray xml(reinterpret_cast<const char *>(data), qsizetype(size));
    const ConfigFile::LoadResult parsed = ConfigFile::parse(xml, QStringLiteral("tandem.xml"));
    if (!parsed.config) {
        if (parsed.issues.isEmpty())
            abort(); // refused without saying why
        return 0;
    }
    const QByteArray saved = ConfigFile::serialize(*parsed.config);
    const ConfigFile::LoadResult again = ConfigFile::parse(saved, QStringLiteral("tandem.xml"));
    if (!again.config)
        abort(); // Tandem wrote a file it cannot read
    if (ConfigFile::serialize(*again.config) != saved)
        abort(); // a save and a load changed the configuration
    return 0;
}
