package org.umlmanager.cow;

import java.nio.file.Path;
import java.util.Objects;
import org.umlmanager.model.Disk;

/**
 * One disk of one instance that layers a COW file over a backing file: a leaf of the
 * "backing file → COW files" tree.
 *
 * @param instance the instance's name
 * @param disk     the disk as configured
 * @param cowFile  the COW file (the disk's {@code cowFile}, or its image when that is itself a COW file)
 * @param state    whether the COW file exists and fits its backing file
 * @param detail   a sentence for a tooltip: the check's explanation, or why the file could not be read
 */
public record CowUser(String instance, Disk disk, Path cowFile, State state, String detail) {

    /** How the COW file stands. */
    public enum State {
        /** Exists and matches its backing file. */
        VALID,
        /** Exists but UML would refuse it (see {@link CowUser#detail()}). */
        MISMATCH,
        /** Not made yet: UML creates it over the configured image at the first boot. */
        NOT_CREATED,
        /** Exists but cannot be read as a COW file. */
        UNREADABLE
    }

    public CowUser {
        Objects.requireNonNull(instance);
        Objects.requireNonNull(disk);
        Objects.requireNonNull(cowFile);
        Objects.requireNonNull(state);
        Objects.requireNonNull(detail);
    }
}
