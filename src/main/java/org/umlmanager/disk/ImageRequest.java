package org.umlmanager.disk;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A new disk image to make.
 *
 * @param path         the image to create; must not exist yet
 * @param size         its size in bytes (the file is sparse: only what the filesystem writes takes space)
 * @param filesystem   the filesystem type to make on it ({@code ext4}, …); empty for a raw, blank image
 * @param populateFrom a directory whose content goes into the new filesystem (ext2/3/4, btrfs)
 * @param keepFailed   on failure or cancel keep the partial image as {@code <path>.failed} for
 *                     inspection instead of deleting it
 */
public record ImageRequest(Path path, long size, Optional<String> filesystem, Optional<Path> populateFrom,
                           boolean keepFailed) {

    public ImageRequest {
        Objects.requireNonNull(path);
        Objects.requireNonNull(filesystem);
        Objects.requireNonNull(populateFrom);
    }

    /** A blank ext4 image of {@code size} bytes. */
    public static ImageRequest ext4(Path path, long size) {
        return new ImageRequest(path, size, Optional.of(Filesystems.DEFAULT_TYPE), Optional.empty(), false);
    }
}
