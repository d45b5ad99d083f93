#!/usr/bin/env bash
# The engine as the packaged system service runs it, with real users: postinst makes the
# user tandem and the groups tandem and tandem-admin (in a private mount namespace whose
# /etc and /var/lib are throw-away overlays, as maintainer-scripts.sh does), tandemd runs as
# tandem with only CAP_NET_BIND_SERVICE on port 502, and real members of each group talk to
# it: the operator reads status but may not reset the events; the administrator may; the
# audit event names each of them. Needs root (as CI has) to make the users.
#
# service-user.sh CONTROL_DIR TANDEMD TANDEMCTL
set -euo pipefail
control=$1 tandemd=$2 tandemctl=$3
[ -x "$control/postinst" ] || { echo "FAIL: no $control/postinst (did packaging_deb run?)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "FAIL: needs root to make the service's users (CI runs as root)" >&2; exit 1; }

if [ "${TANDEM_IN_NAMESPACE:-}" != 1 ]; then
    export TANDEM_IN_NAMESPACE=1
    exec unshare --mount --propagation private "$0" "$@"
fi

scratch=$(mktemp -d)
engine=
cleanup() {
    if [ -n "$engine" ]; then kill "$engine" 2>/dev/null || true; wait "$engine" 2>/dev/null || true; fi
    umount /var/lib /etc 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT
for dir in /etc /var/lib; do
    name=${dir//\//_}
    mkdir -p "$scratch/$name/upper" "$scratch/$name/work"
    mount -t overlay overlay -o "lowerdir=$dir,upperdir=$scratch/$name/upper,workdir=$scratch/$name/work" "$dir"
done
if getent passwd tandem >/dev/null; then userdel tandem; fi
for group in tandem tandem-admin; do
    if getent group "$group" >/dev/null; then groupdel "$group"; fi
done
rm -rf /etc/tandem /var/lib/tandem
"$control/postinst" configure >/dev/null

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
# The binaries, where the users may run them (the build tree may be private).
install -m 0755 "$tandemd" "$scratch/tandemd"
install -m 0755 "$tandemctl" "$scratch/tandemctl"
chmod 0755 "$scratch"
useradd --no-create-home --groups tandem tandem-op
useradd --no-create-home --groups tandem,tandem-admin tandem-adm
useradd --no-create-home tandem-stranger

# A configuration with a Modbus pair on port 502, enabled, as an administrator leaves it.
cat >/etc/tandem/tandem.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<tandem version="1"/>
XML
chown root:tandem-admin /etc/tandem/tandem.xml
chmod 0664 /etc/tandem/tandem.xml
as() { # USER COMMAND...: as that user with its groups, nothing else
    local user=$1
    shift
    setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups --inh-caps=-all -- "$@"
}
ctl() { # USER ARGS...
    local user=$1
    shift
    as "$user" "$scratch/tandemctl" --config /etc/tandem/tandem.xml --state-dir /var/lib/tandem "$@"
}
port=502
as tandem-adm "$scratch/tandemctl" --config /etc/tandem/tandem.xml --state-dir /var/lib/tandem \
    pair add line1 --protocol modbus-tcp --primary 127.0.0.1:15020 --secondary 127.0.0.1:15021 \
    --listen 127.0.0.1:$port >"$scratch/add.log" 2>&1 || { cat "$scratch/add.log" >&2; fail "tandem-admin could not add a pair"; }
# StateDirectory= as systemd sets it up before the start.
chown -R tandem:tandem /var/lib/tandem
chmod 0770 /var/lib/tandem
ctl tandem-adm pair enable line1 >/dev/null 2>&1 || fail "tandem-admin could not enable the pair"
chown -R tandem:tandem /var/lib/tandem

# The engine as the unit starts it: user tandem, group tandem, umask 0007, only
# CAP_NET_BIND_SERVICE (ambient), no new privileges.
(umask 0007; exec setpriv --reuid=tandem --regid=tandem --init-groups --no-new-privs \
    --inh-caps=-all,+net_bind_service --ambient-caps=-all,+net_bind_service \
    --bounding-set=-all,+net_bind_service -- \
    "$scratch/tandemd" --config /etc/tandem/tandem.xml --state-dir /var/lib/tandem) \
    >"$scratch/engine.log" 2>&1 &
engine=$!
for _ in $(seq 100); do
    [ -S /var/lib/tandem/engine.sock ] && ctl tandem-op status >/dev/null 2>&1 && break
    sleep 0.1
done
ctl tandem-op status >"$scratch/status.log" 2>&1 || { cat "$scratch/engine.log" "$scratch/status.log" >&2; fail "the operator cannot read the status of the engine run as tandem"; }
grep -q "line1" "$scratch/status.log" || fail "the engine run as tandem does not run line1: $(cat "$scratch/status.log")"
grep -q "Cannot serve clients" "$scratch/engine.log" && fail "the engine run as tandem cannot listen on port $port: $(grep 'Cannot serve' "$scratch/engine.log")"
[ "$(stat -c %U /var/lib/tandem/events.sqlite 2>/dev/null)" = tandem ] || fail "the engine did not write its event store as tandem"
[ "$(stat -c '%G %a' /var/lib/tandem/engine.sock)" = "tandem 770" ] || fail "the control socket is $(stat -c '%G %a' /var/lib/tandem/engine.sock), not group tandem 770"

# The operator: refused the reset, with the role named; recorded with its uid and pid.
if ctl tandem-op events reset >"$scratch/reset-op.log" 2>&1; then
    fail "an operator cleared the event history"
fi
grep -q "'reset-events' needs the administrator role" "$scratch/reset-op.log" ||
    fail "the operator's refusal does not say why: $(cat "$scratch/reset-op.log")"
grep -q "Control command 'reset-events' from tandem-op (uid $(id -u tandem-op), pid [0-9]*) was refused" "$scratch/engine.log" ||
    fail "no refusal event naming tandem-op"
# The administrator may, and is named.
ctl tandem-adm events reset >"$scratch/reset-adm.log" 2>&1 || fail "the administrator could not reset: $(cat "$scratch/reset-adm.log")"
grep -q "Control command 'reset-events' from tandem-adm (uid $(id -u tandem-adm), pid [0-9]*)\." "$scratch/engine.log" ||
    fail "no audit event naming tandem-adm"
# Anyone else does not even get in.
if ctl tandem-stranger status >"$scratch/stranger.log" 2>&1; then
    fail "a user outside both groups read the status"
fi
# The configuration is the administrators': an operator cannot change it, an
# administrator can.
before=$(md5sum </etc/tandem/tandem.xml)
if ctl tandem-op diagnostics set --max-events 7000 >"$scratch/op-write.log" 2>&1; then
    fail "an operator changed /etc/tandem/tandem.xml"
fi
[ "$(md5sum </etc/tandem/tandem.xml)" = "$before" ] || fail "an operator's change reached tandem.xml"
ctl tandem-adm diagnostics set --max-events 7000 >"$scratch/adm-write.log" 2>&1 ||
    fail "the administrator could not change the configuration: $(cat "$scratch/adm-write.log")"
[ "$(md5sum </etc/tandem/tandem.xml)" != "$before" ] || fail "the administrator's change did not reach tandem.xml"
grep -q "Control command 'reload' from tandem-adm" "$scratch/engine.log" ||
    fail "the administrator's reload is not on record"

if [ "$failures" -ne 0 ]; then
    echo "--- engine log" >&2
    cat "$scratch/engine.log" >&2
    echo "$failures service user check(s) failed" >&2
    exit 1
fi
echo "ok: tandemd as user tandem on port $port; operator refused, administrator allowed, both audited"
