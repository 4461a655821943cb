#!/usr/bin/env bash
# Makes the README's screenshots from the real app with a real guest (boots the UML kernel), as
# people see it: on an X display (a private Xvfb) under a window manager (openbox), the window
# at its first-run size of 1200x800 with its frame. Needs xvfb, openbox, xdotool and imagemagick.
# HEADLESS=1 makes them headless instead (Monocle; the scene without a window frame).
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$PWD/docs/screenshots"
if [ "${HEADLESS:-}" = 1 ]; then
    ./mvnw -B -q test -Dtest=ReadmeScreenshots -Dsurefire.failIfNoSpecifiedTests=false -Dscreenshots.dir="$out"
else
    Xvfb :93 -noreset -screen 0 1440x960x24 -nolisten tcp &
    xvfb=$!
    trap 'kill $openbox $xvfb 2>/dev/null || true' EXIT
    sleep 1
    DISPLAY=:93 openbox &
    openbox=$!
    sleep 1
    DISPLAY=:93 ./mvnw -B -q test -Dtest=ReadmeScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
        -Dscreenshots.dir="$out" -Dscreenshots.wm=true \
        -Dtestfx.flags="-Dtestfx.robot=glass -Dprism.order=sw -Dprism.fontdir=/usr/share/fonts/truetype/dejavu" \
        -Dsurefire.extra.args="-Dscreenshots.wm=true"
fi
ls -l "$out"/*.png
