#pragma once

#include "modbuspeer.h"
#include "tandemdprocess.h"

#include <QTest>

#include <memory>

namespace tandem::test {

// What every Modbus fail-over test starts from: two independent pymodbus servers as the
// pair (offsets 0 and 1000, so holding register 400002 tells which one answered), a
// tandemd to run it and a free port for the pair's endpoint. cleanup() prints what
// tandemd said when the test failed, then stops everything.
struct ModbusPairRig
{
    static constexpr quint16 SecondaryOffset = 1000;

    std::unique_ptr<ModbusPeer> primary;
    std::unique_ptr<ModbusPeer> secondary;
    std::unique_ptr<TandemdProcess> engine;
    quint16 port = 0;

    // Call with QVERIFY from a test's init().
    bool init()
    {
        primary = std::make_unique<ModbusPeer>();
        secondary = std::make_unique<ModbusPeer>();
        if (!primary->start(0) || !secondary->start(SecondaryOffset))
            return false;
        engine = std::make_unique<TandemdProcess>();
        port = TandemdProcess::freePort();
        return true;
    }

    void cleanup()
    {
        if (QTest::currentTestFailed() && engine)
            qWarning().noquote() << "tandemd said:\n" << engine->lines().join(QLatin1Char('\n'));
        engine.reset();
        primary.reset();
        secondary.reset();
    }
};

} // namespace tandem::test
