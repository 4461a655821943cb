package org.umlmanager.service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.launch.Posix;
import org.umlmanager.mconsole.MconsoleAddress;
import org.umlmanager.mconsole.MconsoleClient;
import org.umlmanager.mconsole.MconsoleException;

/**
 * The kernel's umid directories ({@code uml_dir/UMID/{pid,mconsole}}, docs/KERNEL.md §6): finds
 * guests that run there, also ones started outside UML Manager, and removes the directories that
 * crashed or killed guests left behind. Stateless and thread-safe.
 */
final class UmidDirectories {

    private static final Logger LOG = LoggerFactory.getLogger(UmidDirectories.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    /** What the kernel puts in a umid directory; one holding anything else is not touched. */
    private static final Set<String> KERNEL_FILES = Set.of("pid", "mconsole");

    /** One umid directory and what its pid file says. */
    record Entry(Path umlDir, String umid, OptionalLong pid) {
        Path directory() {
            return umlDir.resolve(umid);
        }

        Path mconsoleSocket() {
            return directory().resolve(MconsoleAddress.SOCKET_NAME);
        }

        /** The pid file names a process that exists (it may still be another program reusing the pid). */
        boolean pidAlive() {
            return pid.isPresent() && Posix.alive(pid.getAsLong());
        }
    }

    private UmidDirectories() {
    }

    static Optional<Entry> read(Path umlDir, String umid) {
        Path dir = umlDir.resolve(umid);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        return Optional.of(new Entry(umlDir, umid, readPid(dir.resolve("pid"))));
    }

    static List<Entry> scan(Path umlDir) {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(umlDir)) {
            return entries;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(umlDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                if (Files.exists(dir.resolve("pid")) || Files.exists(dir.resolve("mconsole"))) {
                    entries.add(new Entry(umlDir, dir.getFileName().toString(), readPid(dir.resolve("pid"))));
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot list {}: {}", umlDir, e.getMessage());
        }
        return entries;
    }

    /** Whether the guest of {@code entry} runs: its pid lives and its mconsole answers. */
    static boolean running(Entry entry) {
        if (!entry.pidAlive()) {
            return false;
        }
        try (MconsoleClient client = new MconsoleClient(MconsoleAddress.ofSocket(entry.mconsoleSocket()),
                PROBE_TIMEOUT)) {
            client.version();
            return true;
        } catch (MconsoleException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Removes {@code entry}'s directory if its pid file names a dead process (what the kernel's
     * own stale takeover does). A directory without a pid file may be a guest in the middle of
     * starting, and one with other files is not the kernel's: both are left alone.
     */
    static boolean removeIfStale(Entry entry) {
        if (entry.pid().isEmpty() || entry.pidAlive()) {
            return false;
        }
        Path dir = entry.directory();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (!KERNEL_FILES.contains(f.getFileName().toString())) {
                    return false;
                }
            }
        } catch (IOException e) {
            return false;
        }
        try {
            for (String name : KERNEL_FILES) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
            LOG.info("removed the stale umid directory {} of dead pid {}", dir, entry.pid().getAsLong());
            return true;
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", dir, e.getMessage());
            return false;
        }
    }

    private static OptionalLong readPid(Path pidFile) {
        try {
            String text = Files.readString(pidFile).strip();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
