package org.umlmanager.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.umlmanager.cow.CowInfo;
import org.umlmanager.cow.CowUser;
import org.umlmanager.disk.ImageInfo;

/**
 * A disk file of the configured instances, as {@link JobService#disks()} lists them: a backing file
 * with the COW files on it, one of those, or a plain image.
 */
public sealed interface DiskEntry {

    Path file();

    /**
     * A file that COW files of configured disks sit on.
     *
     * @param info  its sizes, empty when it cannot be read (then {@code error} says why)
     * @param cows  the COW files on it
     */
    record Backing(Path file, Optional<ImageInfo> info, String error, List<Cow> cows) implements DiskEntry {
    }

    /** A configured disk's COW file; {@code info} is empty when it is not made yet or cannot be read. */
    record Cow(CowUser user, Optional<CowInfo> info) implements DiskEntry {
        @Override
        public Path file() {
            return user.cowFile();
        }
    }

    /**
     * A configured disk without a COW file.
     *
     * @param usedBy  "NAME ubdN" of every disk that uses it
     * @param warning empty, or why writing to it is dangerous (COW files of other disks sit on it)
     */
    record Image(Path file, List<String> usedBy, Optional<ImageInfo> info, String error, String warning)
            implements DiskEntry {
    }
}
