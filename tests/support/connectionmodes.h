#pragma once

// Data rows over the reference manual's connection modes, for tests that run one case in each.
#include "config/pairconfig.h"

#include <QTest>

Q_DECLARE_METATYPE(tandem::ConnectionMode)

namespace tandem::test {

// Adds the column "mode" and the rows "cold" (unless withCold is false), "warm", "hot".
inline void addConnectionModeRows(bool withCold = true)
{
    QTest::addColumn<ConnectionMode>("mode");
    if (withCold)
        QTest::newRow("cold") << ConnectionMode::Cold;
    QTest::newRow("warm") << ConnectionMode::Warm;
    QTest::newRow("hot") << ConnectionMode::Hot;
}

} // namespace tandem::test
