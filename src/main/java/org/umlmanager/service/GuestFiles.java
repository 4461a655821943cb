package org.umlmanager.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.umlmanager.cmdline.CommandLineParser;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;

/**
 * The disk files a guest opens, read from its configuration or, for a running guest, from its
 * process's own command line ({@code /proc/PID/cmdline}, relative paths against
 * {@code /proc/PID/cwd}), so that guests started outside UML Manager count too.
 *
 * @param written files the guest writes: writable images and COW files
 * @param read    files it only reads: backing files of COW disks and read-only images
 */
record GuestFiles(Set<Path> written, Set<Path> read) {

    static GuestFiles of(Instance instance, Path workingDirectory) {
        Set<Path> written = new LinkedHashSet<>();
        Set<Path> read = new LinkedHashSet<>();
        for (Disk d : instance.disks()) {
            Path image = absolute(workingDirectory, d.image());
            if (d.cowFile().isPresent()) {
                read.add(image);
                (d.readOnly() ? read : written).add(absolute(workingDirectory, d.cowFile().get()));
            } else {
                (d.readOnly() ? read : written).add(image);
            }
        }
        return new GuestFiles(written, read);
    }

    /** The files of the running process {@code pid}; empty if it cannot be read (gone, not ours). */
    static Optional<GuestFiles> ofProcess(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            byte[] raw = Files.readAllBytes(proc.resolve("cmdline"));
            Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
            List<String> argv = new ArrayList<>(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0")));
            if (argv.isEmpty()) {
                return Optional.empty();
            }
            Instance parsed = CommandLineParser.parse("running", argv.subList(1, argv.size())).instance();
            return Optional.of(of(parsed, cwd));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The file's real path where it exists, so that links and relative paths compare equal. */
    private static Path absolute(Path base, String file) {
        Path p = base.resolve(file).toAbsolutePath().normalize();
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }
}
