package org.umlmanager.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Where the root filesystem of a new virtual machine comes from. */
public sealed interface RootfsSource {

    /** A minimal system from the host's busybox-static: boots in a second or two; for tests and demos. */
    record Busybox() implements RootfsSource {
        @Override
        public String describe() {
            return "busybox";
        }
    }

    /**
     * Debian installed by mmdebstrap.
     *
     * @param suite    release code name or alias: {@code bookworm}, {@code stable}, …
     * @param variant  mmdebstrap's package set, {@code minbase} by default
     * @param packages extra packages to install
     * @param mirror   the archive to install from; empty takes it from the host's apt sources
     */
    record Debian(String suite, String variant, List<String> packages, Optional<String> mirror)
            implements RootfsSource {

        public static final String DEFAULT_VARIANT = "minbase";
        public static final Set<String> VARIANTS = Set.of("extract", "custom", "essential", "apt", "required",
                "minbase", "buildd", "important", "debootstrap", "standard");
        private static final Pattern SUITE = Pattern.compile("[a-z][a-z0-9.-]{0,39}");
        private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
        private static final Pattern MIRROR = Pattern.compile("(https?|ftp|file|mirror\\+https?)://\\S+");

        public Debian {
            Objects.requireNonNull(suite, "suite");
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(mirror, "mirror");
            packages = List.copyOf(packages);
            if (!SUITE.matcher(suite).matches()) {
                throw new IllegalArgumentException("'" + suite + "' is not a Debian suite; use a code name such as"
                        + " bookworm, or stable");
            }
            if (!VARIANTS.contains(variant)) {
                throw new IllegalArgumentException("variant '" + variant + "' is not one of mmdebstrap's: "
                        + String.join(", ", VARIANTS.stream().sorted().toList()));
            }
            for (String p : packages) {
                if (!PACKAGE.matcher(p).matches()) {
                    throw new IllegalArgumentException("'" + p + "' is not a Debian package name");
                }
            }
            mirror.ifPresent(m -> {
                if (!MIRROR.matcher(m).matches()) {
                    throw new IllegalArgumentException("mirror '" + m + "' is not a URL such as"
                            + " http://deb.debian.org/debian");
                }
            });
        }

        /** The host's own release when it is Debian (the combination tested here), else bookworm. */
        public static String defaultSuite() {
            try {
                Map<String, String> os = new HashMap<>();
                for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        os.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
                    }
                }
                String codename = os.getOrDefault("VERSION_CODENAME", "");
                return "debian".equals(os.get("ID")) && SUITE.matcher(codename).matches() ? codename : "bookworm";
            } catch (IOException e) {
                return "bookworm";
            }
        }

        public static Debian of(String suite) {
            return new Debian(suite, DEFAULT_VARIANT, List.of(), Optional.empty());
        }

        public Debian withPackages(List<String> extra) {
            return new Debian(suite, variant, extra, mirror);
        }

        public Debian withMirror(Optional<String> url) {
            return new Debian(suite, variant, packages, url);
        }

        public Debian withVariant(String v) {
            return new Debian(suite, v, packages, mirror);
        }

        @Override
        public String describe() {
            return "debian:" + suite;
        }
    }

    /** An existing directory, copied into the new image (it is not changed). */
    record Directory(Path path) implements RootfsSource {
        public Directory {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "dir:" + path;
        }
    }

    /** An existing disk image, used in place or under a new copy-on-write file; never copied or changed. */
    record Image(Path path) implements RootfsSource {
        public Image {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "image:" + path;
        }
    }

    /** The text form accepted by {@link #parse}. */
    String describe();

    /** Whether the source yields a new tree that the guest setup and the image step work on. */
    default boolean buildsImage() {
        return !(this instanceof Image);
    }

    /** As {@link #parse(String, Path)} with relative paths taken from the current directory. */
    static RootfsSource parse(String spec) {
        return parse(spec, Path.of("").toAbsolutePath());
    }

    /**
     * Reads {@code busybox}, {@code debian:SUITE}, {@code dir:PATH} or {@code image:PATH}; a
     * relative PATH is resolved against {@code base}.
     *
     * @throws IllegalArgumentException with a message saying which forms are accepted
     */
    static RootfsSource parse(String spec, Path base) {
        String s = spec == null ? "" : spec.strip();
        if (s.equals("busybox")) {
            return new Busybox();
        }
        if (s.equals("debian")) {
            return Debian.of("stable");
        }
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        String value = colon < 0 ? "" : s.substring(colon + 1);
        switch (kind) {
            case "debian":
                return Debian.of(value);
            case "dir":
            case "image":
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("'" + s + "' names no path; write " + kind + ":/path/to/it");
                }
                Path p = base.resolve(value).toAbsolutePath().normalize();
                return kind.equals("dir") ? new Directory(p) : new Image(p);
            default:
                throw new IllegalArgumentException("unknown root filesystem '" + s + "'; use busybox, debian:SUITE"
                        + " (e.g. debian:bookworm), dir:PATH or image:PATH");
        }
    }
}
