package org.umlmanager.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.umlmanager.model.Printable;

/**
 * A process of this host as {@code /proc} shows it. A snapshot: the process may be gone by the
 * time it is used.
 *
 * @param pid   its process id
 * @param argv  its command line, empty for kernel threads (and for processes whose memory is gone)
 * @param state the state letter of {@code /proc/PID/stat}: R running, S sleeping, T stopped, Z zombie, …
 * @param ppid  its parent
 * @param pgid  its process group
 * @param uid   its effective user id
 */
public record HostProcess(long pid, List<String> argv, char state, long ppid, long pgid, long uid) {

    private static final Path PROC = Path.of("/proc");
    private static final int LONGEST_COMMAND = 160;

    public HostProcess {
        argv = List.copyOf(argv);
    }

    /** The process {@code pid}, if it exists and {@code /proc} lets us read it. */
    public static Optional<HostProcess> of(long pid) {
        Path dir = PROC.resolve(Long.toString(pid));
        Optional<ProcStat> stat = ProcStat.read(pid);
        if (stat.isEmpty()) {
            return Optional.empty();
        }
        ProcStat s = stat.get();
        try {
            long uid = effectiveUid(Files.readAllLines(dir.resolve("status"), StandardCharsets.ISO_8859_1));
            return Optional.of(new HostProcess(pid, argv(Files.readAllBytes(dir.resolve("cmdline"))), s.state(),
                    s.ppid(), s.pgrp(), uid));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The ids of every process now running (in this pid namespace). */
    public static List<Long> allPids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    pids.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return pids;
    }

    /** The effective uid of this JVM. */
    public static long currentUid() {
        try {
            return effectiveUid(Files.readAllLines(PROC.resolve("self/status"), StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read /proc/self/status: " + e.getMessage(), e);
        }
    }

    static List<String> argv(byte[] raw) {
        if (raw.length == 0) {
            return List.of();
        }
        int end = raw[raw.length - 1] == 0 ? raw.length - 1 : raw.length;
        return Arrays.asList(new String(raw, 0, end, StandardCharsets.UTF_8).split("\0", -1));
    }

    private static long effectiveUid(List<String> status) {
        for (String line : status) {
            if (line.startsWith("Uid:")) {
                return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
            }
        }
        throw new IllegalArgumentException("no Uid: line");
    }

    /**
     * The command line for a message: control characters escaped, a Java class path left out,
     * shortened to its start and its end (where a program's own arguments are).
     */
    public String commandLine() {
        if (argv.isEmpty()) {
            return "(no command line)";
        }
        List<String> words = new ArrayList<>(argv);
        for (int i = 1; i < words.size() - 1; i++) {
            if (List.of("-cp", "-classpath", "--class-path").contains(words.get(i))) {
                words.set(i + 1, "…");
            }
        }
        String text = Printable.escape(String.join(" ", words));
        if (text.length() <= LONGEST_COMMAND) {
            return text;
        }
        String first = Printable.escape(words.get(0));
        int tail = Math.max(20, LONGEST_COMMAND - first.length() - 3);
        return first + " … " + text.substring(text.length() - tail);
    }

    /** "process 1234 (linux mem=… ; stopped)": who it is, for a message. */
    public String describe() {
        String note = switch (state) {
            case 'T', 't' -> "; it is stopped (Ctrl-Z or SIGSTOP), so it will not finish until continued";
            case 'Z' -> "; it has ended but its parent has not collected it";
            case 'D' -> "; it is waiting for a disk or file system";
            default -> "";
        };
        return "process " + pid + " (" + commandLine() + note + ")";
    }
}
