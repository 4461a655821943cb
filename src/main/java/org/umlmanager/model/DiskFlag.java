package org.umlmanager.model;

import java.util.Optional;

/** The single-letter flags of a {@code ubdN<flags>=} option, in the order they are written. */
public enum DiskFlag {
    /** {@code r}: read-only, shared lock. */
    READ_ONLY('r', "read-only"),
    /** {@code s}: O_SYNC writes. */
    SYNC('s', "synchronous writes"),
    /** {@code c}: no host file locking (cluster filesystems only). */
    SHARED('c', "shared, no host locking"),
    /** {@code d}: a raw data image, no COW header detection. */
    DATA('d', "data image, no COW detection"),
    /** {@code t}: TRIM/discard disabled. */
    NO_TRIM('t', "no TRIM/discard");

    private final char letter;
    private final String description;

    DiskFlag(char letter, String description) {
        this.letter = letter;
        this.description = description;
    }

    public char letter() {
        return letter;
    }

    public String description() {
        return description;
    }

    public static Optional<DiskFlag> ofLetter(char c) {
        for (DiskFlag f : values()) {
            if (f.letter == c) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
