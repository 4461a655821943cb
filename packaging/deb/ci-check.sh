#!/bin/bash
# The .deb as a user gets it (run by .ci/run as root, after the test suite): build it, install it
# with apt-get, run `uml-manager --version`, the window (from the installed launcher, on Xvfb with
# openbox, with every JDK of the machine hidden) and a real guest through the CLI, validate the
# AppStream data and the menu entry, purge it and check that nothing is left.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(id -u)" -eq 0 ] || { echo "ci-check: needs root (apt-get install, a private mount namespace)" >&2; exit 1; }

out=target/dist/ci
work=$(mktemp -d /tmp/uml-manager-ci.XXXXXX)
pids=()
installed=false
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
    if $installed; then
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq uml-manager >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
fail() {
    echo "ci-check: FAILED: $*" >&2
    exit 1
}
snapshot() {
    find /usr /etc /opt /var/lib -xdev 2>/dev/null | grep -v -e '^/var/lib/apt/' -e '^/var/lib/dpkg/' | sort
}

# UML_MANAGER_DEB=FILE checks a package built before instead of building one.
if [ -z "${UML_MANAGER_DEB:-}" ]; then
    echo "ci-check: building the package"
    ./mvnw -B -q -Pdist -DskipTests package
    debs=(target/dist/uml-manager_*_amd64.deb)
else
    debs=("$UML_MANAGER_DEB")
fi
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "no single .deb in target/dist: ${debs[*]}"
deb=$(realpath "${debs[0]}")
version=$(dpkg-deb -f "$deb" Version)
rm -rf "$out"
mkdir -p "$out"

# A package left from an earlier run would hide what this one leaves.
if dpkg-query -W -f='${Status}' uml-manager 2>/dev/null | grep -q installed; then
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq uml-manager >/dev/null
fi
snapshot > "$work/before"
echo "ci-check: apt-get install $deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$out/install.log" 2>&1 \
    || fail "apt-get install: $(tail -20 "$out/install.log")"
installed=true

printed=$(uml-manager --version)
[ "$printed" = "UML Manager ${version//\~/-}" ] || fail "uml-manager --version printed '$printed' for package $version"
appstreamcli validate --no-net /usr/share/metainfo/org.umlmanager.uml_manager.metainfo.xml \
    || fail "AppStream data invalid"
desktop-file-validate /usr/share/applications/uml-manager.desktop || fail "menu entry invalid"
man -w uml-manager >/dev/null || fail "no man page"
completion=$(bash -c 'source /usr/share/bash-completion/completions/uml-manager
    COMP_WORDS=(uml-manager st); COMP_CWORD=1; _complete_uml-manager; echo "${COMPREPLY[*]}"')
[ "$completion" = "start stop status" ] || fail "bash completion of 'st' gave '$completion'"

# Without any JDK: /usr/lib/jvm (every JDK, and what /usr/bin/java points to) is an empty tmpfs in
# a private mount namespace for the rest of the checks.
echo "ci-check: the window and a guest, with no JDK on the machine"
home=$work/home
mkdir -p "$home"
cat > "$work/no-jdk.sh" <<'EOF'
#!/bin/sh
mount -t tmpfs -o size=1m no-jdk /usr/lib/jvm || exit 1
if command -v java >/dev/null 2>&1 && java -version >/dev/null 2>&1; then
    echo "a java still runs" >&2
    exit 1
fi
exec "$@"
EOF
chmod +x "$work/no-jdk.sh"
# -noreset: a server whose last client leaves resets, and a client connecting meanwhile (openbox,
# the app) fails to open the display.
exec {display_fd}<> <(:)
Xvfb -displayfd "$display_fd" -noreset -screen 0 1280x900x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
pids+=($!)
read -r -t 30 -u "$display_fd" number || fail "Xvfb did not start: $(cat "$out/xvfb.log")"
export DISPLAY=:$number
openbox >"$out/openbox.log" 2>&1 &
pids+=($!)
as_user=(env -i DISPLAY="$DISPLAY" HOME="$home" PATH=/usr/bin:/bin UML_MANAGER_HOME="$home/uml"
    unshare -m "$work/no-jdk.sh")
"${as_user[@]}" /usr/bin/uml-manager >"$out/window.log" 2>&1 &
app=$!
pids+=("$app")
window=$(timeout 120 xdotool search --sync --onlyvisible --name '^UML Manager$' | head -1) \
    || fail "no window in 120 s: $(tail -20 "$out/window.log")"
# env, unshare, the mount script and the launcher all exec: the process is the JVM by now.
exe=$(readlink "/proc/$app/exe")
[ "$exe" = /usr/lib/uml-manager/runtime/bin/java ] || fail "the window runs on $exe, not the package's runtime"
# Painted: a screenshot of the window with more than a handful of colours (at most 60 s).
colours=0
for _ in $(seq 1 60); do
    import -window "$window" "$out/window.png" 2>/dev/null \
        && colours=$(convert "$out/window.png" -format '%k' info:) && [ "$colours" -gt 100 ] && break
    sleep 1
done
[ "$colours" -gt 100 ] || fail "the window looks blank ($colours colours): $out/window.png"
geometry=$(xdotool getwindowgeometry "$window" | sed -n 's/.*Geometry: //p')
echo "ci-check: window $geometry, $colours colours, screenshot $out/window.png"
kill "$app"
wait "$app" 2>/dev/null || true

# A real guest through the installed CLI: its holder runs on the package's runtime too.
guest="ci-guest-$$"
"${as_user[@]}" sh -c "uml-manager create $guest --rootfs busybox --size 64M >/dev/null \
    && uml-manager start $guest && uml-manager status $guest && uml-manager stop --force $guest \
    && uml-manager delete $guest" >"$out/guest.log" 2>&1 || fail "guest from the installed CLI: $(tail -20 "$out/guest.log")"
grep -Eq "^$guest: (starting|running)" "$out/guest.log" || fail "the guest was not reported as started: $(cat "$out/guest.log")"

echo "ci-check: apt-get purge"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq uml-manager >"$out/purge.log" 2>&1 || fail "apt-get purge"
installed=false
snapshot > "$work/after"
left=$(diff "$work/before" "$work/after" || true)
[ -z "$left" ] || fail "the package left or changed files: $left"
echo "ci-check: passed ($version)"
