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
if getent passwd tandem >/dev/null; then userdel tandem; fi
for group in tandem tandem-admin; do
    if getent group "$group" >/dev/null; then groupdel "$group"; fi
done
rm -rf /etc/tandem /var/lib/tandem /etc/credstore.encrypted/tandem

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
getent group tandem-admin >/dev/null || fail "postinst configure did not create the group tandem-admin"
gid=$(getent group tandem | cut -d: -f3)
if [ -z "$gid" ] || [ "$gid" -ge 1000 ]; then fail "group tandem (gid $gid) is not a system group"; fi
admin_gid=$(getent group tandem-admin | cut -d: -f3)
if [ -z "$admin_gid" ] || [ "$admin_gid" -ge 1000 ]; then fail "group tandem-admin (gid $admin_gid) is not a system group"; fi
# The service's own user: a system account in the group tandem that cannot log in.
IFS=: read -r _ _ uid user_gid _ home shell <<<"$(getent passwd tandem)" || fail "postinst configure did not create the user tandem"
if [ -z "${uid:-}" ] || [ "$uid" -ge 1000 ] || [ "$uid" -eq 0 ]; then fail "user tandem (uid ${uid:-none}) is not a system user"; fi
[ "${user_gid:-}" = "$gid" ] || fail "user tandem's group is ${user_gid:-none}, not tandem ($gid)"
[ "${home:-}" = /var/lib/tandem ] || fail "user tandem's home is ${home:-none}, not /var/lib/tandem"
[ "${shell:-}" = /usr/sbin/nologin ] || fail "user tandem may log in (shell ${shell:-none})"
id -nG tandem | grep -qw tandem-admin && fail "the service user is in tandem-admin (it needs no more than its own files)"
expect_dir() { # DIR "OWNER:GROUP MODE" WHY
    [ -d "$1" ] || { fail "postinst did not create $1"; return; }
    [ "$(owner_mode "$1")" = "$2" ] || fail "$1 is $(owner_mode "$1"), expected $2 ($3)"
}
expect_dir /etc/tandem "root:tandem-admin 2775" "administrators edit the configuration, the engine reads it"
expect_dir /var/lib/tandem "tandem:tandem 770" "the service's state, the operators' group"
expect_dir /etc/credstore.encrypted/tandem "root:root 700" "the service's encrypted passwords"

# Upgrade: what the administrator changed stays as it is.
chmod 02750 /etc/tandem
echo '<tandem/>' >/etc/tandem/tandem.xml
run postinst configure 0.0.9-1
[ "$(owner_mode /etc/tandem)" = "root:tandem-admin 2750" ] || fail "an upgrade changed /etc/tandem to $(owner_mode /etc/tandem)"
[ -f /etc/tandem/tandem.xml ] || fail "an upgrade removed /etc/tandem/tandem.xml"
[ "$(getent group tandem | cut -d: -f3)" = "$gid" ] || fail "an upgrade changed the group tandem"
[ "$(id -u tandem)" = "$uid" ] || fail "an upgrade changed the user tandem"

# Upgrade from the layout before the roles (operators wrote /etc/tandem): the
# administrators' now, the engine (user tandem) still reads the configuration.
chown root:tandem /etc/tandem && chmod 00770 /etc/tandem
chown root:tandem /etc/tandem/tandem.xml && chmod 0660 /etc/tandem/tandem.xml
run postinst configure 0.0.9-1
[ "$(owner_mode /etc/tandem)" = "root:tandem-admin 2775" ] || fail "an upgrade left /etc/tandem $(owner_mode /etc/tandem), not root:tandem-admin 2775"
[ "$(owner_mode /etc/tandem/tandem.xml)" = "root:tandem-admin 664" ] || fail "an upgrade left tandem.xml $(owner_mode /etc/tandem/tandem.xml), not root:tandem-admin 664"
# ... but not through a link an operator planted there.
chown root:tandem /etc/tandem && chmod 00770 /etc/tandem
echo secret >"$scratch/victim" && chmod 0600 "$scratch/victim"
mv /etc/tandem/tandem.xml "$scratch/tandem.xml"
ln -s "$scratch/victim" /etc/tandem/tandem.xml
run postinst configure 0.0.9-1
[ "$(owner_mode "$scratch/victim")" = "root:root 600" ] || fail "an upgrade changed a file tandem.xml linked to: $(owner_mode "$scratch/victim")"
rm /etc/tandem/tandem.xml && mv "$scratch/tandem.xml" /etc/tandem/tandem.xml

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
[ ! -e /etc/credstore.encrypted/tandem ] || fail "postrm purge left the empty /etc/credstore.encrypted/tandem"

if [ "$failures" -ne 0 ]; then
    echo "$failures maintainer script check(s) failed" >&2
    exit 1
fi
echo "ok: postinst, prerm and postrm through install, upgrade, remove and purge"
