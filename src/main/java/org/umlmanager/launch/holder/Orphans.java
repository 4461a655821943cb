package org.umlmanager.launch.holder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.umlmanager.host.ProcStat;
import org.umlmanager.launch.Posix;

/**
 * Reaps processes the supervisor adopted as a child subreaper ({@link Posix#becomeSubreaper()}):
 * the helpers a dead kernel left behind, and anything else orphaned below it. Without this they
 * would stay zombies wherever init does not reap.
 *
 * <p>Every process the supervisor starts itself (a kernel, a supervised child) leads a process
 * group of its own and is reaped by the thread that waits for it; collecting one of those here
 * would steal its exit status. So only children that lead no group are reaped here: orphans, whose
 * group is the one of the process that started them.
 */
final class Orphans {

    private Orphans() {
    }

    /**
     * Reaps ended children of group {@code pgid} (a dead kernel's helpers) until none of that group
     * is left or {@code patience} has passed. Call after the kernel itself was reaped.
     */
    static void reapGroup(long pgid, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<ProcessHandle> group = ProcessHandle.current().children()
                    .filter(c -> processGroup(c.pid()).orElse(-1) == pgid).toList();
            group.forEach(c -> Posix.reap(c.pid()));
            if (group.stream().allMatch(c -> !Files.exists(proc(c.pid()))) || System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Reaps every ended child that leads no process group (an orphan adopted from below); never blocks. */
    static void sweep() {
        ProcessHandle.current().children()
                .filter(c -> processGroup(c.pid()).orElse(c.pid()) != c.pid() && !Posix.alive(c.pid()))
                .forEach(c -> Posix.reap(c.pid()));
    }

    /** The process group of {@code pid}, from {@code /proc/PID/stat} (also for a zombie). */
    static OptionalLong processGroup(long pid) {
        return ProcStat.read(pid).map(s -> OptionalLong.of(s.pgrp())).orElse(OptionalLong.empty());
    }

    private static Path proc(long pid) {
        return Path.of("/proc", Long.toString(pid));
    }
}
