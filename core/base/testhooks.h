#pragma once

// Test hooks: what lets the tests play several computers and fake tools on one machine
// (--machine-id-file and TANDEM_MACHINE_ID_FILE, the TANDEM_TEST_* variables, the fake
// tool variables such as TANDEM_SYSTEMCTL, the console's --screenshot-dir). They exist
// only in builds configured with TANDEM_TEST_HOOKS=ON, which CMake refuses for Release
// and packaging builds: there /etc/machine-id is the only source of the Computer ID.
//
// Every hook is behind this header, either in an `#if TANDEM_HAS_TEST_HOOKS` block or
// read through TANDEM_TEST_HOOK_VARIABLE, so that a build without hooks does not even
// hold their names (tests/build/check-hooks-off checks the preprocessed sources).

#include <QString>

#if defined(TANDEM_TEST_HOOKS)
#define TANDEM_HAS_TEST_HOOKS 1
// The value of the test hook variable `name` (a string literal).
#define TANDEM_TEST_HOOK_VARIABLE(name) qEnvironmentVariable(name)
#else
#define TANDEM_HAS_TEST_HOOKS 0
// Without hooks: always empty, and the variable's name is not in the binary.
#define TANDEM_TEST_HOOK_VARIABLE(name) QString()
#endif

namespace tandem::TestHooks {
constexpr bool Enabled = TANDEM_HAS_TEST_HOOKS;
} // namespace tandem::TestHooks
