#!/usr/bin/python3
"""A build without test hooks holds none: configures a Release tree with a vendor key and
TANDEM_TEST_HOOKS off, then preprocesses (no compiling: about a second a file) every
product source that names a hook, or includes a header that does, as that build would
compile it, and fails on any hook name left in the result. Every hook must sit in an
`#if TANDEM_HAS_TEST_HOOKS` block or be read through TANDEM_TEST_HOOK_VARIABLE (both in
core/base/testhooks.h), which a build without hooks preprocesses away.

    check-hooks-off.py CMAKE SOURCE_DIR WORK_DIR GENERATOR CXX_COMPILER
"""
import concurrent.futures
import json
import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys

cmake, source, work, generator, cxx = sys.argv[1:6]
source = pathlib.Path(source).resolve()
build = pathlib.Path(work) / "hooks-off"

# The names a hook goes by: options, variables of the tests and of the fake tools.
HOOK = re.compile(
    r"TANDEM_TEST_[A-Z_]+|TANDEM_MACHINE_ID_FILE|"
    r"TANDEM_(?:SYSTEMCTL|PKEXEC|GROUPADD|USERADD|SYSTEMD_RUNTIME_DIR|TANDEMD|TANDEMCTL)\b|"
    r"machine-id-file|screenshot-dir")
# What a source may name and still hold no hook once preprocessed: the macros themselves.
ALLOWED = {"TANDEM_TEST_HOOKS", "TANDEM_TEST_HOOK_VARIABLE"}

product = [p for folder in ("app", "core", "ui")
           for p in sorted((source / folder).rglob("*")) if p.suffix in (".cpp", ".h")]
naming = [p for p in product
          if any(m.group(0) not in ALLOWED for m in HOOK.finditer(p.read_text()))]
headers = {p.name for p in naming if p.suffix == ".h"}
include = re.compile(r'#include\s+"(?:[\w/]+/)?(' + "|".join(map(re.escape, headers)) + r')"') \
    if headers else None
sources = sorted({p for p in product if p.suffix == ".cpp" and
                  (p in naming or (include and include.search(p.read_text())))})

shutil.rmtree(build, ignore_errors=True)
configure = subprocess.run(
    [cmake, "-S", str(source), "-B", str(build), "-G", generator, f"-DCMAKE_CXX_COMPILER={cxx}",
     "-DCMAKE_BUILD_TYPE=Release", "-DTANDEM_BUILD_TESTS=OFF", "-DTANDEM_TEST_HOOKS=OFF",
     "-DTANDEM_LICENSE_PUBKEY=" + "0" * 63 + "7"],
    capture_output=True, text=True)
if configure.returncode != 0:
    sys.exit("FAIL: the Release configure without hooks failed:\n" + configure.stdout +
             configure.stderr)

commands = {}
for entry in json.loads((build / "compile_commands.json").read_text()):
    commands.setdefault(pathlib.Path(entry["file"]).resolve(), entry)
missing = [str(p.relative_to(source)) for p in sources if p not in commands]
if missing:
    sys.exit("FAIL: no compile command for " + ", ".join(missing))


def preprocess(path):
    entry = commands[path]
    args = shlex.split(entry["command"])
    # The same command, preprocessing only: drop the launcher, "-o OUT" and "-c".
    args = [a for a in args if a != "-c" and "ccache" not in a]
    if "-o" in args:
        at = args.index("-o")
        del args[at:at + 2]
    run = subprocess.run(args + ["-E", "-P"], cwd=entry["directory"], capture_output=True,
                         text=True)
    if run.returncode != 0:
        return path, None, run.stderr
    return path, sorted({m.group(0) for m in HOOK.finditer(run.stdout)} - ALLOWED), ""


failures = 0
with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
    for path, found, error in pool.map(preprocess, sources):
        name = path.relative_to(source)
        if found is None:
            print(f"FAIL {name}: does not preprocess:\n{error}")
            failures += 1
        elif found:
            print(f"FAIL {name}: a build without test hooks still holds {', '.join(found)}")
            failures += 1
        else:
            print(f"ok   {name}")
shutil.rmtree(build, ignore_errors=True)
print(f"{len(sources)} sources checked, {failures} with hooks left")
sys.exit(1 if failures else 0)
