#!/usr/bin/env bash
# Makes the README's screenshots from the real app with a real guest (boots the UML kernel).
# Runs headless (Monocle, software rendering), so no display is needed.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q test -Dtest=ReadmeScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
    -Dscreenshots.dir="$PWD/docs/screenshots"
ls -l docs/screenshots/*.png
