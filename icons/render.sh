#!/bin/sh
# Renders the hicolor PNG sizes of the menu icon from uml-manager.svg (needs rsvg-convert from
# librsvg2-bin). The PNGs are committed, so a build needs no SVG renderer; run this after
# changing the SVG.
set -eu
cd "$(dirname "$0")"
mkdir -p hicolor
for size in 16 22 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" uml-manager.svg -o "hicolor/uml-manager-$size.png"
done
