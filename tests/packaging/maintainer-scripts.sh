#!/usr/bin/env bash
# Runs the packaged postinst, prerm and postrm for real, as dpkg would (install, install
# again, remove, purge), in a private mount namespace where /etc and /var/lib are
# overlays: the group, folders and links they make are real but vanish with the test.
#
# maintainer-scripts.sh CONTROL_DIR   (the control archive packaging_deb unpacked)
set -euo pipefail
control=$1
for script in postinst prerm postrm; do
    [ -x "$control/$script" ] || { echo "FAIL: no $control/$script (did packaging_deb run?)" >&2; exit 1; }
done

if [ "${TANDEM_IN_NAMESPACE:-}" != 1 ]; then
    export TANDEM_IN_NAMESPACE=1
    exec unshare --mount --propagation private "$0" "$@"
fi

scratch=$(mktemp -d)
trap 'umount /var/lib /etc 2>/dev/null; rm -rf "$scratch"' EXIT
for dir in /etc /var/lib; do
    name=${dir//\//_}
    mkdir -p "$scratch/$name/upper" "$scratch/$name/work"
    mount -t overlay overlay -o "lowerdir=$dir,upperdir=$scratch/$name/upper,workdir=$scratch/$name/work" "$dir"
done
# As on a machine that never had Tandem.
if getent group tandem >/dev/null; then groupdel tandem; fi
rm -rf /etc/tandem /var/lib/tandem

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
run() { # SCRIPT ARGS...: runs a maintainer script as dpkg does, which must succeed
    local script=$1
    shift
    "$control/$script" "$@" >"$scratch/out" 2>&1 || { cat "$scratch/out" >&2; fail "$script $* exited $?"; }
}
owner_mode() { stat -c '%U:%G %a' "$1"; }

# Fresh install.
run postinst configure
getent group tandem >/dev/null || fail "postinst configure did not create the group tandem"
gid=$(getent group tandem | cut -d: -f3)
if [ -z "$gid" ] || [ "$gid" -ge 1000 ]; then fail "group tandem (gid $gid) is not a system group"; fi
for dir in /etc/tandem /var/lib/tandem; do
    [ -d "$dir" ] || { fail "postinst did not create $dir"; continue; }
    [ "$(owner_mode "$dir")" = "root:tandem 770" ] ||
        fail "$dir is $(owner_mode "$dir"), expected root:tandem 770 (the unit's mode)"
done

# Upgrade: what the administrator changed stays as it is.
chmod 0750 /etc/tandem
echo '<tandem/>' >/etc/tandem/tandem.xml
run postinst configure 0.0.9-1
[ "$(owner_mode /etc/tandem)" = "root:tandem 750" ] || fail "an upgrade changed /etc/tandem to $(owner_mode /etc/tandem)"
[ -f /etc/tandem/tandem.xml ] || fail "an upgrade removed /etc/tandem/tandem.xml"
[ "$(getent group tandem | cut -d: -f3)" = "$gid" ] || fail "an upgrade changed the group tandem"

# Remove: configuration and state stay.
run prerm remove
run postrm remove
[ -f /etc/tandem/tandem.xml ] || fail "postrm remove deleted /etc/tandem/tandem.xml"
[ -d /var/lib/tandem ] || fail "postrm remove deleted /var/lib/tandem"

# Purge with data: the data stays, and the operator is told; the enable link goes.
mkdir -p /etc/systemd/system/multi-user.target.wants
ln -sf /lib/systemd/system/tandemd.service /etc/systemd/system/multi-user.target.wants/tandemd.service
ln -sf /lib/systemd/system/other.service /etc/systemd/system/multi-user.target.wants/other.service
echo '{}' >/var/lib/tandem/license.json
run postrm purge
[ -f /etc/tandem/tandem.xml ] || fail "postrm purge deleted the configuration /etc/tandem/tandem.xml"
[ -f /var/lib/tandem/license.json ] || fail "postrm purge deleted the license /var/lib/tandem/license.json"
grep -q '/var/lib/tandem is kept' "$scratch/out" || fail "postrm purge did not say that /var/lib/tandem is kept"
if [ -L /etc/systemd/system/multi-user.target.wants/tandemd.service ]; then
    fail "postrm purge left the systemctl enable link of tandemd.service"
fi
[ -L /etc/systemd/system/multi-user.target.wants/other.service ] || fail "postrm purge removed another unit's link"

# Purge with nothing left: the folders go.
rm -f /etc/tandem/tandem.xml /var/lib/tandem/license.json
run postrm purge
[ ! -e /etc/tandem ] || fail "postrm purge left the empty /etc/tandem"
[ ! -e /var/lib/tandem ] || fail "postrm purge left the empty /var/lib/tandem"

if [ "$failures" -ne 0 ]; then
    echo "$failures maintainer script check(s) failed" >&2
    exit 1
fi
echo "ok: postinst, prerm and postrm through install, upgrade, remove and purge"
