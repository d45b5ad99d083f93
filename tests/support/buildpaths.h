#pragma once

#include <QString>

// Where the build put the programs the tests start, and where the source tree is. Only
// buildpaths.cpp is compiled with these absolute paths, so every other test compiles to
// the same object in any clone of the tree and the compiler cache can reuse it.
namespace tandem::test {

QString tandemctlPath();
QString tandemdPath();
QString tandemSimPath();
QString tandemLicensePath();
QString nodeExecutable();
// A file or folder of the source tree, e.g. sourcePath("tests/license/dev-vendor.key").
QString sourcePath(const char *relative);

} // namespace tandem::test
