#!/usr/bin/env bash
# systemd-analyze verify on the packaged tandemd.service, after packaging_deb unpacked it.
# verify needs ExecStart's binary on the real file system, so a copy of the unit points
# at the unpacked one instead (nothing else changes); MANPATH lets it find man:tandemd(8)
# in the package. Any message (an unknown key only warns, exit 0) fails the test.
#
# verify-unit.sh SYSTEMD_ANALYZE UNPACKED_ROOT
set -euo pipefail
analyze=$1 root=$2
unit=$root/lib/systemd/system/tandemd.service
[ -f "$unit" ] || { echo "FAIL: no $unit (did packaging_deb run?)" >&2; exit 1; }
[ -x "$root/usr/bin/tandemd" ] || { echo "FAIL: no $root/usr/bin/tandemd" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed "s|^ExecStart=/usr/bin/tandemd |ExecStart=$root/usr/bin/tandemd |" "$unit" >"$work/tandemd.service"
grep -q "^ExecStart=$root/usr/bin/tandemd " "$work/tandemd.service" ||
    { echo "FAIL: tandemd.service has no ExecStart=/usr/bin/tandemd line" >&2; exit 1; }
if ! output=$(MANPATH=$root/usr/share/man "$analyze" verify "$work/tandemd.service" 2>&1) || [ -n "$output" ]; then
    echo "$output" >&2
    echo "FAIL: systemd-analyze verify tandemd.service (above)" >&2
    exit 1
fi
echo "ok: systemd-analyze verify tandemd.service"
