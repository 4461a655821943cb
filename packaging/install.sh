#!/bin/sh
# Installs UML Manager from this directory (target/uml-manager after `./mvnw -DskipTests package`):
#   PREFIX/lib/uml-manager/                 the application (bin/, lib/, share/)
#   PREFIX/bin/uml-manager                  a symbolic link to its launcher
#   PREFIX/share/applications/uml-manager.desktop and
#   PREFIX/share/icons/hicolor/*/apps/uml-manager.*   its desktop menu entry and icons
# PREFIX is ~/.local by default (one user, no root); --prefix /usr/local as root installs for all.
# Installing again replaces the application; --uninstall removes exactly what was installed.
set -eu

usage() {
    echo "usage: $0 [--prefix DIR] [--uninstall]" >&2
    exit 2
}

prefix=$HOME/.local
uninstall=false
while [ $# -gt 0 ]; do
    case $1 in
        --prefix) [ $# -ge 2 ] || usage; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --uninstall) uninstall=true; shift ;;
        *) usage ;;
    esac
done
case $prefix in
    /*) ;;
    *) prefix=$(pwd -P)/$prefix ;;
esac

app=$prefix/lib/uml-manager
link=$prefix/bin/uml-manager
desktop=$prefix/share/applications/uml-manager.desktop
icons=$prefix/share/icons/hicolor
icon_files="$icons/64x64/apps/uml-manager.png $icons/256x256/apps/uml-manager.png $icons/scalable/apps/uml-manager.svg"

refresh_menus() {
    # Optional: desktops that cache menus and icons pick the change up at once.
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$prefix/share/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
}

if $uninstall; then
    if [ -h "$link" ]; then
        rm -f "$link"
    fi
    rm -f "$desktop" $icon_files
    rm -rf "$app"
    refresh_menus
    echo "Removed UML Manager from $prefix (configurations and disk images are kept)."
    exit 0
fi

src=$(cd "$(dirname "$0")" && pwd -P)
if [ ! -x "$src/bin/uml-manager" ] || [ ! -d "$src/lib" ]; then
    echo "$0: run the install.sh inside target/uml-manager (build it with ./mvnw -B -DskipTests package)" >&2
    exit 1
fi
if [ "$src" = "$app" ]; then
    echo "$0: UML Manager is already installed in $app" >&2
    exit 1
fi
if [ -e "$link" ] && [ ! -h "$link" ]; then
    echo "$0: $link exists and is not UML Manager's link; move it away first" >&2
    exit 1
fi

mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" \
    "$icons/64x64/apps" "$icons/256x256/apps" "$icons/scalable/apps"
# The new copy is complete before it replaces the old one.
staging=$prefix/lib/.uml-manager.new.$$
rm -rf "$staging"
cp -R "$src" "$staging"
rm -f "$staging/install.sh"
rm -rf "$app"
mv "$staging" "$app"
ln -sfn "$app/bin/uml-manager" "$link"

# The menu runs the launcher by its full path: $prefix/bin need not be on the desktop's PATH.
sed "s|^Exec=uml-manager|Exec=$link|" "$app/share/applications/uml-manager.desktop" > "$desktop.tmp"
mv "$desktop.tmp" "$desktop"
cp "$app/share/icons/uml-manager-64.png" "$icons/64x64/apps/uml-manager.png"
cp "$app/share/icons/uml-manager-256.png" "$icons/256x256/apps/uml-manager.png"
cp "$app/share/icons/uml-manager.svg" "$icons/scalable/apps/uml-manager.svg"
refresh_menus

echo "Installed UML Manager in $app"
echo "  command: $link"
echo "  menu entry: $desktop"
case :$PATH: in
    *:"$prefix/bin":*) ;;
    *) echo "  ($prefix/bin is not on your PATH: add it, or run $link)" ;;
esac
