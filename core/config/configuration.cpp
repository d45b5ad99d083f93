#include "configuration.h"

#include <QUuid>

namespace tandem {

Configuration Configuration::createNew()
{
    Configuration c;
    c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return c;
}

qsizetype Configuration::indexOf(const QString &pairName) const
{
    for (qsizetype i = 0; i < pairs.size(); ++i)
        if (pairs[i].name == pairName)
            return i;
    return -1;
}

const PairConfig *Configuration::find(const QString &pairName) const
{
    const qsizetype i = indexOf(pairName);
    return i < 0 ? nullptr : &pairs[i];
}

PairConfig *Configuration::find(const QString &pairName)
{
    const qsizetype i = indexOf(pairName);
    return i < 0 ? nullptr : &pairs[i];
}

} // namespace tandem
