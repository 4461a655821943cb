package org.umlmanager.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The identity of a file: its device and inode. Two paths name the same file exactly when their
 * ids are equal, whatever links, bind mounts, relative paths or renames lie between them.
 */
public record FileId(long device, long inode) {

    /** The id of the file {@code path} leads to (links followed); empty if it does not exist. */
    public static Optional<FileId> of(Path path) {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino");
            return Optional.of(new FileId(((Number) a.get("dev")).longValue(), ((Number) a.get("ino")).longValue()));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The device's major number, decoded as glibc's {@code major()} does. */
    public long major() {
        return ((device >>> 8) & 0xfff) | ((device >>> 32) & ~0xfffL);
    }

    /** The device's minor number, decoded as glibc's {@code minor()} does. */
    public long minor() {
        return (device & 0xff) | ((device >>> 12) & ~0xffL);
    }
}
