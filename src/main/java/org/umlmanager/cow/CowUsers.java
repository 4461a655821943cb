package org.umlmanager.cow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.umlmanager.model.Disk;
import org.umlmanager.model.DiskFlag;
import org.umlmanager.model.Instance;

/**
 * Which configured disks sit on which backing file. A COW file's backing file is the one in its
 * header; a COW file not made yet will be made over the disk's image. Paths are compared after
 * resolving symlinks, so {@code /images/base} and a link to it are one backing file. Blocking file
 * I/O (every COW header is read); call from a worker thread.
 */
public final class CowUsers {

    private CowUsers() {
    }

    /** The COW files of {@code instances} that sit on {@code backingFile}. */
    public static BackingFileUsers of(Path backingFile, Collection<Instance> instances) {
        Path key = canonical(backingFile);
        List<CowUser> users = new ArrayList<>();
        for (Instance instance : instances) {
            for (Disk disk : instance.disks()) {
                cowFileOf(disk).ifPresent(cow -> {
                    Located located = locate(instance.name(), disk, cow);
                    if (located.backing().equals(key)) {
                        users.add(located.user());
                    }
                });
            }
        }
        return new BackingFileUsers(key, users);
    }

    /** Every backing file used through a COW file by {@code instances}, with its users, sorted by path. */
    public static List<BackingFileUsers> all(Collection<Instance> instances) {
        Map<Path, List<CowUser>> byBacking = new LinkedHashMap<>();
        for (Instance instance : instances) {
            for (Disk disk : instance.disks()) {
                cowFileOf(disk).ifPresent(cow -> {
                    Located located = locate(instance.name(), disk, cow);
                    byBacking.computeIfAbsent(located.backing(), k -> new ArrayList<>()).add(located.user());
                });
            }
        }
        return byBacking.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(Path::toString)))
                .map(e -> new BackingFileUsers(e.getKey(), e.getValue())).toList();
    }

    /** The COW files {@code instances} use (existing or not), as candidates for {@link CowMerger#planInPlace}. */
    public static List<Path> cowFiles(Collection<Instance> instances) {
        List<Path> files = new ArrayList<>();
        for (Instance instance : instances) {
            for (Disk disk : instance.disks()) {
                cowFileOf(disk).ifPresent(files::add);
            }
        }
        return files;
    }

    /** Whether {@code cow} is a COW file whose header names {@code backingFile} (after resolving links). */
    static boolean sitsOn(Path cow, Path backingFile) {
        try {
            return canonical(Path.of(CowFiles.readHeader(cow).backingFile())).equals(canonical(backingFile));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The disk's COW file: the configured one, or the image itself when it starts with a COW
     * header (UML then uses it as a COW file, unless the {@code d} flag says it is plain data).
     */
    private static Optional<Path> cowFileOf(Disk disk) {
        if (disk.cowFile().isPresent()) {
            return Optional.of(Path.of(disk.cowFile().get()).toAbsolutePath());
        }
        Path image = Path.of(disk.image()).toAbsolutePath();
        if (!disk.flags().contains(DiskFlag.DATA) && CowFiles.isCowFile(image)) {
            return Optional.of(image);
        }
        return Optional.empty();
    }

    private record Located(Path backing, CowUser user) {
    }

    private static Located locate(String instance, Disk disk, Path cow) {
        if (!Files.exists(cow, LinkOption.NOFOLLOW_LINKS)) {
            return new Located(canonical(Path.of(disk.image())), new CowUser(instance, disk, cow,
                    CowUser.State.NOT_CREATED, "UML creates " + cow + " over " + disk.image() + " at the first boot"));
        }
        try {
            CowCheck check = CowFiles.check(cow, Optional.empty());
            CowUser.State state = check.valid() ? CowUser.State.VALID : CowUser.State.MISMATCH;
            return new Located(canonical(check.backingFile()),
                    new CowUser(instance, disk, cow, state, check.explanation()));
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Located(canonical(Path.of(disk.image())),
                    new CowUser(instance, disk, cow, CowUser.State.UNREADABLE, reason));
        }
    }

    /** The real path when the file exists, else the absolute normalized one. */
    static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
