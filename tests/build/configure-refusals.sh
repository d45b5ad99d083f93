#!/usr/bin/env bash
# A build for customers cannot trust a key anyone can sign with, nor carry the test hooks:
# each of these configures must fail, and say which variable is at fault. They stop before
# the packages are searched for, so each takes a second or two.
#   configure-refusals.sh CMAKE SOURCE_DIR WORK_DIR GENERATOR CXX_COMPILER
set -uo pipefail
cmake=$1 source=$2 work=$3 generator=$4 cxx=$5
dev_key=40aa6e8cc56a65ceaac704c9b3eac98396e7b7e8d03a5c880e08489f7bf0e420
# Any key but the development one (its value does not matter to configure).
vendor_key=$(printf '%064d' 7)
failures=0

# refused NAME EXPECTED_TEXT CMAKE_ARGS...: the configure must fail and print EXPECTED_TEXT.
refused() {
  local name=$1 expected=$2
  shift 2
  local dir="$work/$name"
  rm -rf "$dir"
  local output
  if output=$("$cmake" -S "$source" -B "$dir" -G "$generator" -DCMAKE_CXX_COMPILER="$cxx" "$@" 2>&1); then
    echo "FAIL $name: configure succeeded; it must be refused"
    failures=$((failures + 1))
  elif ! grep -qF -- "$expected" <<<"$output"; then
    echo "FAIL $name: refused, but without naming $expected:"
    echo "$output" | grep -A8 'CMake Error' | head -20
    failures=$((failures + 1))
  else
    echo "ok   $name: $(echo "$output" | grep -m1 -oF -- "$expected")"
  fi
  rm -rf "$dir"
}

refused release-without-key "TANDEM_LICENSE_PUBKEY is not set" \
  -DCMAKE_BUILD_TYPE=Release -DTANDEM_BUILD_TESTS=OFF
refused release-with-dev-key "TANDEM_LICENSE_PUBKEY is the development key" \
  -DCMAKE_BUILD_TYPE=Release -DTANDEM_BUILD_TESTS=OFF -DTANDEM_LICENSE_PUBKEY=$dev_key
refused release-with-dev-key-uppercase "TANDEM_LICENSE_PUBKEY is the development key" \
  -DCMAKE_BUILD_TYPE=Release -DTANDEM_BUILD_TESTS=OFF -DTANDEM_LICENSE_PUBKEY=${dev_key^^}
refused release-with-hooks "TANDEM_TEST_HOOKS=ON is refused" \
  -DCMAKE_BUILD_TYPE=Release -DTANDEM_TEST_HOOKS=ON -DTANDEM_LICENSE_PUBKEY=$vendor_key
refused packaging-with-hooks "TANDEM_TEST_HOOKS=ON is refused" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTANDEM_PACKAGING=ON -DTANDEM_TEST_HOOKS=ON \
  -DTANDEM_LICENSE_PUBKEY=$vendor_key
refused packaging-without-key "TANDEM_LICENSE_PUBKEY is not set" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTANDEM_PACKAGING=ON -DTANDEM_BUILD_TESTS=OFF
refused bad-key "TANDEM_LICENSE_PUBKEY must be 64 hex digits" \
  -DCMAKE_BUILD_TYPE=Release -DTANDEM_BUILD_TESTS=OFF -DTANDEM_LICENSE_PUBKEY=1234
refused tests-without-hooks "TANDEM_BUILD_TESTS=ON needs TANDEM_TEST_HOOKS=ON" \
  -DCMAKE_BUILD_TYPE=Release -DTANDEM_BUILD_TESTS=ON -DTANDEM_LICENSE_PUBKEY=$vendor_key
exit $((failures > 0))
