package org.umlmanager.disk;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A filesystem the host can make on an image file.
 *
 * @param name        the type, as in {@code mkfs.<name>}: {@code ext4}, {@code xfs}, {@code vfat} …
 * @param tool        the host's {@code mkfs.<name>} program
 * @param canPopulate whether the tool can fill the new filesystem from a directory without root
 *                    ({@code mkfs.ext* -d}, {@code mkfs.btrfs --rootdir})
 */
public record FilesystemType(String name, Path tool, boolean canPopulate) {

    public FilesystemType {
        Objects.requireNonNull(name);
        Objects.requireNonNull(tool);
    }

    /** ext2, ext3 and ext4 share one tool family (e2fsprogs), which can also grow them. */
    public boolean isExt() {
        return name.equals("ext2") || name.equals("ext3") || name.equals("ext4");
    }
}
