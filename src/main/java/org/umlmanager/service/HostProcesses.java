package org.umlmanager.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One look at the host's processes ({@code /proc/PID/stat}): who is whose child and how much CPU
 * each has used, so that a guest's CPU time is the sum over its UML process and everything under
 * it (UML runs each guest address space and its helpers as host processes). Reading every stat
 * file once per look is cheaper than asking per guest when many guests run.
 */
public final class HostProcesses {

    /**
     * Clock ticks per second in {@code /proc/PID/stat}: USER_HZ, 100 on every Linux architecture
     * UML runs on (the kernel converts to it whatever its own tick rate is).
     */
    public static final long TICKS_PER_SECOND = 100;

    private record Stat(long ppid, long ticks) {
    }

    private final Map<Long, Stat> stats;
    private final Map<Long, List<Long>> children = new HashMap<>();

    private HostProcesses(Map<Long, Stat> stats) {
        this.stats = stats;
        stats.forEach((pid, s) -> children.computeIfAbsent(s.ppid(), p -> new ArrayList<>()).add(pid));
    }

    /**
     * Reads the processes under {@code roots} only, found through each task's {@code children}
     * file (a few dozen stat files for 32 idle guests instead of every process of the machine);
     * falls back to {@link #read} where the kernel has no such files.
     */
    public static HostProcesses readTrees(Path proc, Collection<Long> roots) throws IOException {
        Map<Long, Stat> stats = new HashMap<>();
        Deque<Long> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            if (stats.containsKey(pid)) {
                continue;
            }
            Path dir = proc.resolve(Long.toString(pid));
            Optional<Stat> stat;
            try {
                stat = parse(Files.readString(dir.resolve("stat"), StandardCharsets.US_ASCII));
            } catch (IOException | NumberFormatException e) {
                continue; // ended meanwhile
            }
            if (stat.isEmpty()) {
                continue;
            }
            stats.put(pid, stat.get());
            Path tasks = dir.resolve("task");
            if (!Files.isDirectory(tasks)) {
                return read(proc);
            }
            try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
                for (Path task : threads) {
                    Path children = task.resolve("children");
                    if (!Files.exists(children)) {
                        return read(proc);
                    }
                    for (String child : Files.readString(children, StandardCharsets.US_ASCII).trim().split("\\s+")) {
                        if (!child.isEmpty()) {
                            todo.push(Long.parseLong(child));
                        }
                    }
                }
            } catch (IOException e) {
                // Ended while its threads were listed: what was read stands.
            }
        }
        return new HostProcesses(stats);
    }

    /** Reads {@code proc} (normally {@code /proc}); processes that end while it reads are skipped. */
    public static HostProcesses read(Path proc) throws IOException {
        Map<Long, Stat> stats = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                    continue;
                }
                try {
                    parse(Files.readString(dir.resolve("stat"), StandardCharsets.US_ASCII))
                            .ifPresent(s -> stats.put(Long.parseLong(name), s));
                } catch (IOException | NumberFormatException e) {
                    // Ended meanwhile, or not ours to read: not part of any guest we can see.
                }
            }
        }
        return new HostProcesses(stats);
    }

    /**
     * {@code pid (comm) state ppid …}: the name may hold spaces and parentheses, so fields are
     * counted from the last ')'. utime, stime, cutime and cstime are fields 14–17; the children's
     * share counts the guest processes the kernel already reaped.
     */
    static Optional<Stat> parse(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return Optional.empty();
        }
        String[] f = stat.substring(close + 2).trim().split(" ");
        // f[0] is field 3 (state): field N is f[N - 3].
        if (f.length < 15) {
            return Optional.empty();
        }
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return Optional.of(new Stat(Long.parseLong(f[1]), ticks));
    }

    /** CPU ticks used by {@code pid} itself and the children it reaped; empty when it is gone. */
    public Optional<Long> ticks(long pid) {
        return Optional.ofNullable(stats.get(pid)).map(Stat::ticks);
    }

    /** CPU ticks used by {@code root} and every process under it; empty when {@code root} is gone. */
    public Optional<Long> treeTicks(long root) {
        if (!stats.containsKey(root)) {
            return Optional.empty();
        }
        long sum = 0;
        Deque<Long> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            Stat s = stats.get(pid);
            if (s != null) {
                sum += s.ticks();
            }
            children.getOrDefault(pid, List.of()).forEach(todo::push);
        }
        return Optional.of(sum);
    }
}
