package org.umlmanager.launch.holder;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Removes the umid directory a crashed or killed kernel left behind ({@code pid} and
 * {@code mconsole}; a clean halt removes them itself), so that a stale socket never answers
 * "connection refused" to the next client. Only a directory whose pid file names the holder's own
 * dead kernel, holding nothing but the kernel's files, is removed.
 */
final class StaleUmidDirectory {

    private static final Set<String> KERNEL_FILES = Set.of("pid", "mconsole");

    private StaleUmidDirectory() {
    }

    /** Whether {@code dir} is still there with a pid file naming {@code deadPid}: the kernel skipped its exit path. */
    static boolean leftBy(Path dir, long deadPid) {
        try {
            return Files.isDirectory(dir) && Files.readString(dir.resolve("pid")).strip().equals(Long.toString(deadPid));
        } catch (IOException e) {
            return false;
        }
    }

    static boolean removeIfLeftBy(Path dir, long deadPid) {
        try {
            if (!leftBy(dir, deadPid)) {
                return false;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    if (!KERNEL_FILES.contains(f.getFileName().toString())) {
                        return false;
                    }
                }
            }
            for (String name : KERNEL_FILES) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
