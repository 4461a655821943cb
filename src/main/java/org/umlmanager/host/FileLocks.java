package org.umlmanager.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who holds a lock on a file, from {@code /proc/locks}. */
public final class FileLocks {

    private static final Path LOCKS = Path.of("/proc/locks");

    private FileLocks() {
    }

    /** The processes holding a lock on {@code file} (waiters are not holders); empty if none or unknown. */
    public static List<Long> holders(Path file) {
        Optional<FileId> id = FileId.of(file);
        if (id.isEmpty()) {
            return List.of();
        }
        try {
            return holders(Files.readAllLines(LOCKS, StandardCharsets.ISO_8859_1), id.get());
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Reads lines such as {@code 1: POSIX  ADVISORY  WRITE 1234 fe:00:2154583 0 EOF}; a waiting
     * request is printed with {@code ->} after the number and is skipped.
     */
    static List<Long> holders(List<String> lines, FileId id) {
        Set<Long> pids = new LinkedHashSet<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6 || f[1].equals("->")) {
                continue;
            }
            String[] where = f[5].split(":");
            try {
                long pid = Long.parseLong(f[4]);
                if (where.length == 3 && Long.parseLong(where[0], 16) == id.major()
                        && Long.parseLong(where[1], 16) == id.minor() && Long.parseLong(where[2]) == id.inode()
                        && pid > 0) {
                    pids.add(pid);
                }
            } catch (NumberFormatException e) {
                // an OFD lock has pid -1, some file systems print odd devices: neither is ours
            }
        }
        return List.copyOf(pids);
    }

    /** "process 1234 (…)" for the holders of {@code file}, or a sentence saying it is unknown. */
    public static String describeHolders(Path file) {
        List<String> who = holders(file).stream().map(pid -> HostProcess.of(pid).map(HostProcess::describe)
                .orElse("process " + pid)).toList();
        return who.isEmpty() ? "a process that /proc/locks does not name" : String.join(" and ", who);
    }
}
