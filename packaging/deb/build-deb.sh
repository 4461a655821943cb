#!/bin/bash
# Builds target/dist/uml-manager_VERSION_amd64.deb from the launcher layout in target/uml-manager
# and what the dist profile generated in target/dist/gen (man pages, bash completion).
# Run by `./mvnw -Pdist -DskipTests package`:  build-deb.sh MAVEN_VERSION JDK SCREENSHOTS_URL
#
# The package installs the application under /usr/lib/uml-manager:
#   bin/uml-manager     the launcher (/usr/bin/uml-manager links to it)
#   lib/*.jar, *.so     the application, and JavaFX's native libraries next to its jars
#   lib/uml-manager.aot the class-data (AOT) cache, made here by a training run of the window
#   runtime/            a Java runtime linked from JDK (jlink), so no JDK is needed
# and its menu entry, icons, AppStream data, man pages and completion under /usr/share.
# Nothing is written below /usr at run time: removing the package removes everything.
set -euo pipefail

version=$1
jdk=$2
screenshots=$3

project=$(cd "$(dirname "$0")/../.." && pwd -P)
target=$project/target
layout=$target/uml-manager
gen=$target/dist/gen
work=$target/dist/work
root=$target/dist/root
app=$root/usr/lib/uml-manager
share=$root/usr/share
# Debian sorts '~' before anything: 0.1.0~SNAPSHOT comes before the 0.1.0 release.
deb_version=${version//-/\~}
deb=$target/dist/uml-manager_${deb_version}_amd64.deb
# What the class path uses (jdeps over the jars, transitively), plus jdk.charsets for terminals
# in other encodings than UTF-8.
modules=java.base,java.desktop,java.logging,java.rmi,java.sql,jdk.jfr,jdk.unsupported,jdk.charsets

die() {
    echo "build-deb: $*" >&2
    exit 1
}

need() {
    command -v "$1" >/dev/null 2>&1 || die "$1 is missing: apt-get install $2"
}

need dpkg-deb dpkg
need dpkg-shlibdeps dpkg-dev
need unzip unzip
need Xvfb xvfb
need xdotool xdotool
need appstreamcli appstream
need desktop-file-validate desktop-file-utils
# The feature release of the JDK in $1 (25), or nothing.
feature() {
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true
}
if [ "$jdk" = auto ]; then
    jdk=
    best=0
    for candidate in /usr/lib/jvm/*; do
        f=$(feature "$candidate")
        if [ -x "$candidate/bin/jlink" ] && [ "${f:-0}" -ge 25 ] && [ "${f:-0}" -gt "$best" ]; then
            jdk=$candidate
            best=$f
        fi
    done
    if [ -z "$jdk" ]; then
        # No JDK 25 here: a runtime from the JDK that builds us still makes a working package,
        # only without the start-up cache (D20).
        jdk=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
        echo "build-deb: WARNING: no JDK 25 or newer in /usr/lib/jvm; linking the runtime from $jdk without an AOT cache (the window starts slower)" >&2
    fi
fi
[ -x "$jdk/bin/jlink" ] || die "no JDK at $jdk: the package's Java runtime is linked from a JDK (25 or newer for the AOT cache); pass -Ddist.jdk=DIR"
jdk_feature=$(feature "$jdk")
[ "${jdk_feature:-0}" -ge 17 ] || die "$jdk is a JDK ${jdk_feature:-of unknown version}; the package needs 17 or newer (-Ddist.jdk=DIR)"
[ -x "$layout/bin/uml-manager" ] || die "$layout is not built"

rm -rf "$root" "$work" "$deb"
mkdir -p "$app/lib" "$work"

echo "build-deb: application and JavaFX native libraries"
cp -R "$layout/bin" "$app/bin"
cp "$layout"/lib/*.jar "$app/lib/"
# JavaFX loads its libraries from beside its jars when they are there, instead of unpacking them
# into the user's cache and checksumming them at every start.
for jar in "$app"/lib/javafx-*-linux.jar; do
    if [ -n "$(unzip -Z1 "$jar" '*.so' 2>/dev/null)" ]; then
        unzip -q -o -j "$jar" '*.so' -d "$app/lib"
    fi
done

echo "build-deb: Java runtime from $jdk"
# --add-options: what every JVM of this runtime needs (the app and its holders alike): JNA, pty4j
# and junixsocket load native code, JavaFX 21 still calls sun.misc.Unsafe.
# (A JDK before 25 warns about neither, and its jlink cannot take these options.)
runtime_options=()
if [ "$jdk_feature" -ge 25 ]; then
    runtime_options=(--add-options="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow")
fi
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive "${runtime_options[@]}" --output "$app/runtime" >/dev/null

if [ "$jdk_feature" -ge 25 ]; then
    echo "build-deb: AOT cache (a training run of the window on a private X display)"
    "$project/packaging/deb/train-aot.sh" "$app" "$work"
    UML_MANAGER_HOME=$work/check UML_MANAGER_JAVA_OPTS="-XX:AOTMode=on" "$app/bin/uml-manager" --version \
        >/dev/null || die "the AOT cache made by the training run is not usable"
fi

echo "build-deb: desktop integration, documentation"
mkdir -p "$root/usr/bin"
ln -s ../lib/uml-manager/bin/uml-manager "$root/usr/bin/uml-manager"
install -D -m 644 "$project/packaging/share/applications/uml-manager.desktop" \
    "$share/applications/uml-manager.desktop"
for png in "$project"/icons/hicolor/uml-manager-*.png; do
    size=${png##*-}
    size=${size%.png}
    install -D -m 644 "$png" "$share/icons/hicolor/${size}x${size}/apps/uml-manager.png"
done
install -D -m 644 "$project/icons/uml-manager.svg" "$share/icons/hicolor/scalable/apps/uml-manager.svg"
mkdir -p "$share/metainfo"
sed -e "s|@VERSION@|$version|" -e "s|@DATE@|$(date -u +%F)|" -e "s|@SCREENSHOTS@|$screenshots|" \
    "$project/packaging/share/metainfo/org.umlmanager.uml_manager.metainfo.xml" \
    > "$share/metainfo/org.umlmanager.uml_manager.metainfo.xml"
appstreamcli validate --no-net "$share/metainfo/org.umlmanager.uml_manager.metainfo.xml" >/dev/null \
    || die "AppStream data invalid: appstreamcli validate --no-net $share/metainfo/org.umlmanager.uml_manager.metainfo.xml"
desktop-file-validate "$share/applications/uml-manager.desktop" || die "desktop entry invalid"
mkdir -p "$share/man/man1"
for page in "$gen"/man1/*.1; do
    gzip -9n < "$page" > "$share/man/man1/$(basename "$page").gz"
done
install -D -m 644 "$gen/completion/uml-manager" "$share/bash-completion/completions/uml-manager"
install -D -m 644 "$project/packaging/deb/_uml-manager" "$share/zsh/vendor-completions/_uml-manager"
install -D -m 644 "$project/packaging/deb/copyright" "$share/doc/uml-manager/copyright"

echo "build-deb: control data"
# Depends: the shared libraries of every native library in the package (the runtime's, JavaFX's:
# GTK 3, GL, X11 …), as dpkg-shlibdeps finds them; fonts for the window and the terminal.
mkdir -p "$work/shlibs/debian"
printf 'Source: uml-manager\n\nPackage: uml-manager\nArchitecture: amd64\n' > "$work/shlibs/debian/control"
mapfile -t elves < <(find "$app" -type f -name '*.so*' -o -type f -path '*/runtime/bin/*')
# The multiarch directory is named first so that system libraries are found under /usr/lib, where
# dpkg knows them (through /lib, merged into /usr, dpkg -S finds nothing and shlibdeps gives up).
shlibs=$(cd "$work/shlibs" && dpkg-shlibdeps -O -l"$app/runtime/lib" -l"$app/runtime/lib/server" -l"$app/lib" \
    -l/usr/lib/x86_64-linux-gnu "${elves[@]}" 2>"$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || die "dpkg-shlibdeps found no dependencies: $(cat "$work/shlibdeps.log")"
mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<EOF
Package: uml-manager
Version: $deb_version
Architecture: amd64
Maintainer: The UML Manager developers <maintainers@users.noreply.h-seed-8ca190fd.example>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $shlibs, fontconfig, fonts-dejavu-core
Recommends: user-mode-linux, uml-utilities, vde2, e2fsprogs, mmdebstrap, busybox-static, fakeroot, uidmap
Section: admin
Priority: optional
Description: desktop manager for User Mode Linux virtual machines
 UML Manager does for User Mode Linux what virt-manager does for QEMU/KVM:
 it keeps a list of virtual machines (memory, disks and copy-on-write files,
 network interfaces, consoles, host folders, kernel arguments), starts and
 stops them as an ordinary user, and shows their consoles in a desktop
 window. The same operations are available as a command line for scripts.
 .
 It brings its own Java runtime. The UML kernel (user-mode-linux), its tools
 (uml-utilities), rootless networking (vde2) and the tools that make new
 machines (e2fsprogs, mmdebstrap, busybox-static) are recommended; the window
 says which feature needs which of them when one is missing.
EOF
(cd "$root" && find usr -type f -exec md5sum {} + | sort -k2 > DEBIAN/md5sums)
find "$root" -type d -exec chmod 755 {} +

dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >/dev/null
echo "build-deb: wrote $deb ($(du -h "$deb" | cut -f1))"
