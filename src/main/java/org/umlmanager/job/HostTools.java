package org.umlmanager.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds host programs. The sbin directories are searched after PATH because filesystem tools
 * live there and an ordinary user's PATH often lacks them, although they work without root on
 * image files.
 */
public final class HostTools {

    private static final List<String> SBIN = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

    private HostTools() {
    }

    /** The program called {@code name}, if the host has it. */
    public static Optional<Path> find(String name) {
        for (Path dir : searchPath()) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The program called {@code name}, or an error that names the Debian package providing it. */
    public static Path require(String name, String debianPackage) throws HostToolException {
        return find(name).orElseThrow(() -> new HostToolException(name + " is not installed on this host"
                + " (apt-get install " + debianPackage + ")"));
    }

    /** Every program whose name starts with {@code prefix}, first one found per name. */
    public static List<Path> findAll(String prefix) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        List<Path> found = new ArrayList<>();
        for (Path dir : searchPath()) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path p : entries.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(prefix) && Files.isRegularFile(p) && Files.isExecutable(p)
                            && seen.add(name)) {
                        found.add(p);
                    }
                }
            }
        }
        return found;
    }

    private static List<Path> searchPath() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(":")) {
                if (!d.isEmpty()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        SBIN.forEach(d -> dirs.add(Path.of(d)));
        return dirs;
    }
}
