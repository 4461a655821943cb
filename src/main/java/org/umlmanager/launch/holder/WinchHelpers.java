package org.umlmanager.launch.holder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.umlmanager.host.HostProcess;
import org.umlmanager.host.ProcStat;
import org.umlmanager.launch.Posix;

/**
 * UML's window-size helpers. For a console on a terminal that is not the kernel's controlling
 * one (con0 as the supervisor starts it, every {@code pts} line), the kernel clones a helper that
 * makes a session of its own with that terminal and waits for SIGWINCH (docs/PITFALLS.md,
 * "Resizing"). Being in another session, it escapes the kernel's process group; it blocks every
 * other signal and shares the kernel's file table. When the kernel dies without its exit calls
 * (a crash, SIGKILL) the helper lives on, keeping the guest's disk images, their locks and its
 * memory file open. It is found by what it shares: a session leader whose standard input is the
 * kernel's console device.
 */
final class WinchHelpers {

    private static final Duration REAP_PATIENCE = Duration.ofSeconds(2);

    private WinchHelpers() {
    }

    /** The device number of {@code path} (a terminal), if it can be read. */
    static OptionalLong device(Path path) {
        try {
            return OptionalLong.of(((Number) Files.getAttribute(path, "unix:rdev")).longValue());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** SIGKILLs every helper on console device {@code device} and reaps those adopted here. */
    static void kill(long device) {
        List<Long> helpers = find(device);
        helpers.forEach(pid -> Posix.kill(pid, Posix.SIGKILL));
        long deadline = System.nanoTime() + REAP_PATIENCE.toNanos();
        for (long pid : helpers) {
            while (ProcessHandle.current().children().anyMatch(c -> c.pid() == pid)
                    && !Posix.reap(pid) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Session leaders of this user whose standard input is {@code device}. */
    static List<Long> find(long device) {
        return HostProcess.allPids().stream()
                .filter(pid -> ProcStat.read(pid).filter(s -> s.session() == pid).isPresent())
                .filter(pid -> device(Path.of("/proc", Long.toString(pid), "fd", "0")).orElse(-1) == device)
                .toList();
    }
}
