#!/usr/bin/env bash
# systemd's exposure score of the shipped tandemd.service (it ran as root and
# scored 8.9 EXPOSED). Fails above the limit, printing what systemd-analyze would still
# have tightened. --offline=true scores the file itself: no systemd needs to run.
#
# unit-security.sh SYSTEMD_ANALYZE UNIT_FILE [LIMIT (default 2.5)]
set -euo pipefail
analyze=$1 unit=$2 limit=${3:-2.5}
[ -f "$unit" ] || { echo "FAIL: no $unit" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# systemd-analyze names the unit after its file: keep the name.
cp "$unit" "$work/tandemd.service"
if ! "$analyze" security --offline=true --no-pager "$work/tandemd.service" >"$work/report" 2>&1; then
    cat "$work/report" >&2
    echo "FAIL: systemd-analyze security --offline=true did not run (above)" >&2
    exit 1
fi
score=$(sed -n 's/.*Overall exposure level for tandemd.service: \([0-9.]*\).*/\1/p' "$work/report")
[ -n "$score" ] || { cat "$work/report" >&2; echo "FAIL: no exposure level in the report (above)" >&2; exit 1; }
if awk -v s="$score" -v l="$limit" 'BEGIN { exit !(s > l) }'; then
    grep -E '^✗' "$work/report" >&2 || true
    echo "FAIL: tandemd.service exposure $score is above $limit (what is still open: above)" >&2
    exit 1
fi
echo "ok: tandemd.service exposure $score (limit $limit)"
