#!/bin/bash
# Makes APP/lib/uml-manager.aot, the class-data (AOT) cache of the packaged runtime: starts the
# desktop window once through the packaged launcher, on an X display of its own, with a few
# saved machines, lets it settle (list loaded, first machine's editor shown, terminal warmed up)
# and ends it; the JVM then writes the classes it loaded and linked, and their profiles, into the
# cache. The JVM checks at every start that the cache matches its runtime and jars.
#   train-aot.sh APP WORK_DIR
set -euo pipefail
app=$1
work=$2
cache=$app/lib/uml-manager.aot
home=$work/training-home
mkdir -p "$home"
rm -f "$cache"

pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT

# A display of its own: Xvfb picks a free number and writes it to the pipe. -noreset: a server
# whose last client leaves resets, and a client connecting meanwhile fails to open the display.
exec {display_fd}<> <(:)
Xvfb -displayfd "$display_fd" -noreset -screen 0 1280x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
read -r -t 30 -u "$display_fd" number || { echo "train-aot: Xvfb did not start: $(cat "$work/xvfb.log")" >&2; exit 1; }
export DISPLAY=:$number

# Saved machines as users have them (a disk image, a network interface, consoles), so that the
# list and the editor load what they load in real use.
export UML_MANAGER_HOME=$home
mkdir -p "$home/images"
for n in 1 2 3; do
    truncate -s 64M "$home/images/vm$n.img"
    "$app/bin/uml-manager" import "training-vm$n" --kernel /bin/true -- mem=128M \
        "ubd0=$home/images/vm$n.img" root=/dev/ubda con0=fd:0,fd:1 con1=pts "eth0=vde,$home/switch" \
        "hostfs=$home" >/dev/null 2>>"$work/training.log"
done

UML_MANAGER_JAVA_OPTS="-XX:AOTCacheOutput=$cache" "$app/bin/uml-manager" >>"$work/training.log" 2>&1 &
app_pid=$!
pids+=("$app_pid")
if ! timeout 120 xdotool search --sync --onlyvisible --name '^UML Manager$' >/dev/null; then
    echo "train-aot: the window did not appear: $(tail -20 "$work/training.log")" >&2
    exit 1
fi
# Settled: under 50 ms of CPU in a whole second, twice in a row (at most 60 s).
cpu() {
    local stat
    read -r -a stat < "/proc/$app_pid/stat"
    echo $((stat[13] + stat[14]))
}
ticks=$(getconf CLK_TCK)
quiet=0
for _ in $(seq 1 60); do
    before=$(cpu)
    sleep 1
    if [ $(( ($(cpu) - before) * 1000 / ticks )) -lt 50 ]; then
        quiet=$((quiet + 1))
        [ "$quiet" -ge 2 ] && break
    else
        quiet=0
    fi
done
# An orderly exit (SIGTERM) writes the cache; the JVM assembles it in a child process it waits for.
kill -TERM "$app_pid"
wait "$app_pid" || true
pids=("${pids[@]:0:1}")
if [ ! -s "$cache" ]; then
    echo "train-aot: no AOT cache was written: $(tail -20 "$work/training.log")" >&2
    exit 1
fi
