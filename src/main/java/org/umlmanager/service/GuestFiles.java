package org.umlmanager.service;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.umlmanager.cmdline.CommandLineParser;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.host.FileId;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;

/**
 * The disk files a guest opens, read from its configuration or from a running kernel's command
 * line (relative paths against its working directory). A disk given as a COW file alone reads the
 * backing file named in the COW file's header, so that one counts too.
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
                headerBacking(image).ifPresent(read::add);
            }
        }
        return new GuestFiles(written, read);
    }

    /** The files of a kernel started with {@code argv} (binary first) in {@code cwd}; empty if unreadable. */
    static Optional<GuestFiles> ofCommandLine(List<String> argv, Path cwd) {
        if (argv.size() < 2) {
            return Optional.empty();
        }
        try {
            // Disks are phase-2 options: the kernel stops reading them at "--", and so does the parser.
            Instance parsed = CommandLineParser.parse("running", argv.subList(1, argv.size())).instance();
            return Optional.of(of(parsed, cwd));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The backing file a COW file given alone names in its header, as the kernel would open it. */
    private static Optional<Path> headerBacking(Path image) {
        if (!CowFiles.isCowFile(image)) {
            return Optional.empty();
        }
        try {
            return Optional.of(absolute(image.getParent(), CowFiles.readHeader(image).backingFile()));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A file as the start checks compare it: by device and inode when it exists, so that every path
     * and link to it is the same file; by its absolute path when it does not exist yet (a COW file
     * the kernel is about to create).
     */
    sealed interface Key {
        static Key of(Path path) {
            return FileId.of(path).<Key>map(Existing::new).orElseGet(() -> new NotYet(path.toAbsolutePath()
                    .normalize()));
        }
    }

    record Existing(FileId id) implements Key {
    }

    record NotYet(Path path) implements Key {
    }

    Set<Key> writtenKeys() {
        return keys(written);
    }

    Set<Key> readKeys() {
        return keys(read);
    }

    private static Set<Key> keys(Set<Path> paths) {
        return paths.stream().map(Key::of).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Path absolute(Path base, String file) {
        return base.resolve(file).toAbsolutePath().normalize();
    }
}
