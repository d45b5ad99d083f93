#!/bin/sh
# An event id is a compile-time constant (core/events/eventids.h): a misspelt one must not
# compile, whether named as a constant or spelt out; the right ones must. Usage:
# event-id-typo.sh CXX SOURCE_DIR QT_INCLUDE_DIRS (colon-separated)
set -u
cxx=$1 src=$2 includes=$3
flags="-std=c++20 -fPIC -fsyntax-only -DQT_NO_CAST_FROM_ASCII -I$src/core"
old_ifs=$IFS
IFS=:
for dir in $includes; do flags="$flags -I$dir"; done
IFS=$old_ifs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
compiles() {
    printf '#include "events/eventlog.h"\nvoid f(tandem::EventLog *log) { %s }\n' "$1" >"$work/t.cpp"
    # shellcheck disable=SC2086
    $cxx $flags "$work/t.cpp" >"$work/out" 2>&1
}
fail=0
compiles 'log->post(tandem::EventId::ClientStalled, {}, {}); log->post(tandem::EventIdentifier("connected.primary"), {}, {});' ||
    { echo "FAIL: the right ids do not compile:"; cat "$work/out"; fail=1; }
for wrong in 'log->post(tandem::EventId::ClientStaled, {}, {});' \
             'log->post(tandem::EventIdentifier("client-staled"), {}, {});' \
             'log->post(tandem::EventIdentifier("connected"), {}, {});'; do
    if compiles "$wrong"; then
        echo "FAIL: compiles although the id is wrong: $wrong"
        fail=1
    else
        echo "ok: refused: $wrong"
    fi
done
exit $fail
