package org.umlmanager.disk;

import java.util.Objects;

/**
 * The outcome of {@link DiskImages#grow}.
 *
 * @param info               the image afterwards
 * @param filesystemResized  whether the filesystem inside now fills the image
 * @param summary            what was done, in words (for example why the filesystem was left alone)
 */
public record GrowResult(ImageInfo info, boolean filesystemResized, String summary) {

    public GrowResult {
        Objects.requireNonNull(info);
        Objects.requireNonNull(summary);
    }
}
