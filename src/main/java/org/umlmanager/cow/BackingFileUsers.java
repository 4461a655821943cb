package org.umlmanager.cow;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A backing file and the COW files of configured instances that sit on it: a node of the tree
 * view, with its leaves.
 *
 * @param backingFile the backing file (symlinks resolved when it exists)
 * @param users       the disks layered over it, in instance order
 */
public record BackingFileUsers(Path backingFile, List<CowUser> users) {

    public BackingFileUsers {
        Objects.requireNonNull(backingFile);
        users = List.copyOf(users);
    }
}
