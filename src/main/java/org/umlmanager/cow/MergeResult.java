package org.umlmanager.cow;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a merge wrote.
 *
 * @param target       the new file, or the backing file for an in-place merge
 * @param bytesWritten bytes actually written (zero sectors skipped as holes are not counted)
 */
public record MergeResult(Path target, long bytesWritten) {

    public MergeResult {
        Objects.requireNonNull(target);
    }
}
