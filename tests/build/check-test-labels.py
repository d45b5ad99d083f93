#!/usr/bin/env python3
"""Every test of the build tree has a tier label (so `ctest -L unit` and friends select the
whole suite between them) and, in a sanitized tree, runs under the sanitizer check
(tests/sanitizers/run-checked), so that no test's sanitizer reports are lost. Tests added
with tandem_add_test or tandem_add_check (tests/CMakeLists.txt) get both.

    check-test-labels.py CTEST BUILD_DIR --tiers TIER... --launcher [COMMAND ARGS...]
"""
import argparse
import json
import subprocess
import sys

parser = argparse.ArgumentParser()
parser.add_argument("ctest")
parser.add_argument("build")
parser.add_argument("--tiers", nargs="+", required=True)
parser.add_argument("--launcher", nargs="*", default=[])
arguments = parser.parse_args()
ctest, build, tiers, launcher = (arguments.ctest, arguments.build, set(arguments.tiers),
                                 arguments.launcher)

listing = subprocess.run([ctest, "--show-only=json-v1"], cwd=build, capture_output=True,
                         text=True)
if listing.returncode != 0:
    sys.exit(f"FAIL: ctest --show-only=json-v1 in {build}:\n{listing.stderr}")
tests = json.loads(listing.stdout)["tests"]

failures = []
for test in tests:
    properties = {p["name"]: p["value"] for p in test.get("properties", [])}
    labels = properties.get("LABELS", [])
    if not tiers & set(labels):
        failures.append(f"{test['name']}: labels {labels or 'none'}, none of the tiers "
                        f"{' '.join(sorted(tiers))}")
    command = test.get("command", [])
    if launcher and command[:len(launcher)] != launcher:
        failures.append(f"{test['name']}: not run under {launcher[0]} (command: "
                        f"{' '.join(command[:3])} ...)")

for failure in failures:
    print("FAIL", failure)
if not tests:
    sys.exit("FAIL: ctest lists no tests")
print(f"{len(tests)} tests; {len(failures)} missing tier label(s) or sanitizer check(s)")
sys.exit(1 if failures else 0)
