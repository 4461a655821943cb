package org.umlmanager.disk;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What an image file holds and what it costs: the size the guest sees against the host space
 * really allocated (smaller for a sparse file; the HowTo asks to check this with {@code ls -ls}).
 *
 * @param path           the image
 * @param apparentSize   the file's length in bytes
 * @param allocatedBytes the bytes the host filesystem has allocated for it
 * @param filesystem     the filesystem found on it ({@code ext4}, …), empty when unknown or none
 */
public record ImageInfo(Path path, long apparentSize, long allocatedBytes, Optional<String> filesystem) {

    public ImageInfo {
        Objects.requireNonNull(path);
        Objects.requireNonNull(filesystem);
    }

    /** Allocated space as a percentage of the apparent size (0 for an empty file). */
    public double allocatedPercent() {
        return apparentSize == 0 ? 0 : 100.0 * allocatedBytes / apparentSize;
    }

    public boolean isSparse() {
        return allocatedBytes < apparentSize;
    }
}
