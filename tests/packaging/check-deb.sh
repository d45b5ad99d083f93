#!/usr/bin/env bash
# Builds the .deb from a configured and built tree with cpack, unpacks it and checks what
# an operator gets: the file list, the control fields and maintainer scripts, the unit,
# desktop entry and metainfo (validated by their own tools), man pages that render
# without warnings and name every option the binaries' --help prints.
#
# check-deb.sh CPACK BUILD_DIR SOURCE_DIR SCRATCH_DIR VERSION
set -euo pipefail

cpack=$1 build=$2 source=$3 scratch=$4 version=$5
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

rm -rf "$scratch"
mkdir -p "$scratch"

# (a) the package, from the build tree's CPackConfig.cmake, into the scratch folder only.
if ! "$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/cpack" >"$scratch/cpack.log" 2>&1; then
    cat "$scratch/cpack.log" >&2
    echo "FAIL: cpack -G DEB failed (log above)" >&2
    exit 1
fi
debs=("$scratch"/cpack/*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    cat "$scratch/cpack.log" >&2
    echo "FAIL: expected one .deb in $scratch/cpack, found: ${debs[*]}" >&2
    exit 1
fi
deb=${debs[0]}
arch=$(dpkg --print-architecture)
[ "$(basename "$deb")" = "tandem_${version}-1_${arch}.deb" ] ||
    fail "package file is $(basename "$deb"), expected tandem_${version}-1_${arch}.deb"

# (b) exactly the expected files: the checked-in list plus every help page in the source.
root=$scratch/root
dpkg-deb -x "$deb" "$root"
(cd "$root" && find . \( -type f -o -type l \) | sed 's/^\.//' | LC_ALL=C sort) >"$scratch/actual-files"
{
    grep -v '^#' "$source/tests/packaging/expected-files.txt"
    (cd "$source/resources/help" &&
        find . -type f \( -name '*.html' -o -name '*.css' -o -name '*.png' -o -name '*.svg' \) |
        sed 's|^\.|/usr/share/doc/tandem/html|')
} | LC_ALL=C sort >"$scratch/expected-files"
if ! diff -u "$scratch/expected-files" "$scratch/actual-files" >"$scratch/files.diff"; then
    cat "$scratch/files.diff" >&2
    fail "the package's files differ from tests/packaging/expected-files.txt + resources/help (- missing, + unexpected)"
fi
[ -f "$root/usr/share/doc/tandem/html/index.html" ] || [ ! -f "$source/resources/help/index.html" ] ||
    fail "help index.html is not installed"
for f in "$root"/usr/bin/*; do
    [ -x "$f" ] || fail "${f#"$root"} is not executable"
    if file -b "$f" | grep -q 'not stripped'; then fail "${f#"$root"} is not stripped"; fi
done
# Directories: root-owned 0755 (the tar members), nothing world-writable.
if dpkg-deb -c "$deb" | awk '$1 ~ /^d/ && $1 != "drwxr-xr-x" { print; bad = 1 } END { exit !bad }' >&2; then
    fail "directories in the package that are not drwxr-xr-x (above)"
fi
if dpkg-deb -c "$deb" | awk '$2 != "root/root" { print; bad = 1 } END { exit !bad }' >&2; then
    fail "files in the package not owned by root/root (above)"
fi

# (c) control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = tandem ] || fail "Package is '$(field Package)', expected tandem"
[ "$(field Version)" = "${version}-1" ] || fail "Version is '$(field Version)', expected ${version}-1"
[ "$(field Section)" = net ] || fail "Section is '$(field Section)', expected net"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)', expected $arch"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Homepage)" ] || fail "no Homepage"
has_relation() { # FIELD PACKAGE: PACKAGE is one of FIELD's relations (alternatives count)
    field "$1" | sed -E 's/[,|]/\n/g' | sed -E 's/^ *//; s/[ (].*//' | grep -qxF "$2"
}
# From dpkg-shlibdeps (the binaries' libraries) and the explicit plugin dependencies.
for p in libc6 libstdc++6 libqt6core6 libqt6network6 libqt6sql6 libqt6gui6 libqt6widgets6 \
         libqt6svg6 libqt6sql6-sqlite qt6-qpa-plugins libcurl4 libsodium23 libssl3 \
         libqt6keychain1 adduser; do
    has_relation Depends "$p" || fail "Depends lacks $p: $(field Depends)"
done
for p in systemd pkexec qt6-translations-l10n; do
    has_relation Recommends "$p" || fail "Recommends lacks $p: $(field Recommends)"
done

# Maintainer scripts: present, executable, valid shell, and they never enable or start
# the service (operators do), only stop it on removal and try-restart it on upgrade.
control=$scratch/control
dpkg-deb -e "$deb" "$control"
for script in postinst prerm postrm; do
    if [ ! -x "$control/$script" ]; then
        fail "maintainer script $script missing or not executable"
        continue
    fi
    sh -n "$control/$script" || fail "$script is not valid sh"
    shellcheck -s sh "$control/$script" >&2 || fail "shellcheck finds problems in $script (above)"
    if grep -nE '(systemctl|deb-systemd-helper|deb-systemd-invoke)[^#]*\b(enable|start)\b' "$control/$script" |
        grep -vE '^[0-9]+:[[:space:]]*#' >&2; then
        fail "$script enables or starts tandemd (above); the package must leave that to the operator"
    fi
done
grep -q 'addgroup --system' "$control/postinst" || fail "postinst does not create the tandem group"
grep -q 'adduser --system' "$control/postinst" || fail "postinst does not create the service user tandem"
[ -s "$control/md5sums" ] || fail "no md5sums in the control archive"
[ ! -e "$control/conffiles" ] || [ ! -s "$control/conffiles" ] || fail "unexpected conffiles: $(cat "$control/conffiles")"

# The unit is byte for byte the one in packaging/systemd (tandemctl service install
# writes the same text, compared by its own test).
cmp "$source/packaging/systemd/tandemd.service" "$root/lib/systemd/system/tandemd.service" ||
    fail "the packaged tandemd.service differs from packaging/systemd/tandemd.service"

# (d) desktop entry and AppStream metadata, each by its reference validator; validate-tree
# also checks that the metainfo, the desktop entry and the icon belong together.
id=io.github.tandem_redundancy.tandem
if ! desktop-file-validate "$root/usr/share/applications/$id.desktop" >"$scratch/desktop.log" 2>&1 ||
    [ -s "$scratch/desktop.log" ]; then
    cat "$scratch/desktop.log" >&2
    fail "desktop-file-validate: $id.desktop (above)"
fi
if ! appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/$id.metainfo.xml" >"$scratch/appstream.log" 2>&1 ||
    grep -qE '^[EWIP]: ' "$scratch/appstream.log"; then
    cat "$scratch/appstream.log" >&2
    fail "appstreamcli validate --pedantic: $id.metainfo.xml (above)"
fi
if ! appstreamcli validate-tree --no-net "$root" >"$scratch/appstream-tree.log" 2>&1 ||
    grep -qE '^[EW]: ' "$scratch/appstream-tree.log"; then
    cat "$scratch/appstream-tree.log" >&2
    fail "appstreamcli validate-tree over the package (above)"
fi
grep -qF "<release version=\"$version\"" "$root/usr/share/metainfo/$id.metainfo.xml" ||
    fail "the metainfo has no <release> for $version"

# (e) man pages: render without a warning (what lintian checks), one for every binary,
# and each names every option its binary's --help prints.
for page in "$root"/usr/share/man/man*/*.gz; do
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man page ${page#"$root"} has warnings: $warnings"
    gzip -t "$page" || fail "${page#"$root"} is not valid gzip"
done
export QT_QPA_PLATFORM=offscreen
for binary in tandem tandemctl tandemd tandem-sim; do
    page=$(ls "$root"/usr/share/man/man[18]/"$binary".[18].gz 2>/dev/null || true)
    if [ -z "$page" ]; then
        fail "no man page for $binary"
        continue
    fi
    help=$("$root/usr/bin/$binary" --help 2>&1) || fail "packaged $binary --help failed: $help"
    rendered=$(MANWIDTH=1000 man -l "$page" 2>/dev/null | col -b)
    # Options, and for tandemctl each "group verb" command.
    while read -r option; do
        grep -qF -- "$option" <<<"$rendered" || fail "${page#"$root"} does not mention $option (from $binary --help)"
    done < <(grep -oE -- '--[a-z][a-z-]+' <<<"$help" | sort -u)
    if [ "$binary" = tandemctl ]; then
        while read -r group verb; do
            grep -qE -- "\b$group $verb\b" <<<"$rendered" ||
                fail "${page#"$root"} does not document 'tandemctl $group $verb'"
        done < <(grep -oE '^  [a-z]+ [a-z]+' <<<"$help" | sed 's/^ *//' | sort -u)
    fi
done
"$root/usr/bin/tandemd" --version | grep -qF "$version" || fail "packaged tandemd --version does not say $version"

if [ "$failures" -ne 0 ]; then
    echo "$failures packaging check(s) failed for $deb" >&2
    exit 1
fi
echo "ok: $deb"
