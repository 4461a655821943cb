package org.umlmanager.cow;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to merge into a new file.
 *
 * @param backingOverride the backing file to use instead of the header's (uml_moo's {@code -b})
 * @param overwrite       replace the output file if it exists (uml_moo always does; we refuse by default)
 * @param durable         flush the output to the disk before it gets its name, so a crash never
 *                        leaves a half-written file under it (slower for big images)
 */
public record MergeOptions(Optional<Path> backingOverride, boolean overwrite, boolean durable) {

    public MergeOptions {
        Objects.requireNonNull(backingOverride);
    }

    /** The header's backing file, no overwriting, durable. */
    public static MergeOptions defaults() {
        return new MergeOptions(Optional.empty(), false, true);
    }

    public MergeOptions withBacking(Path backing) {
        return new MergeOptions(Optional.of(backing), overwrite, durable);
    }
}
