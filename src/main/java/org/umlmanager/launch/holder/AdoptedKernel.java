package org.umlmanager.launch.holder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.umlmanager.launch.Posix;

/**
 * A running kernel taken over from a supervisor that was killed. It is not this process's child
 * (it went to the nearest subreaper or init, which reaps it), so its end is noticed by looking,
 * and its exit status is not known.
 */
final class AdoptedKernel implements KernelProcess {

    static final Duration POLL = Duration.ofMillis(200);

    private final long pid;
    private final OptionalLong console;
    private final CompletableFuture<OptionalInt> exit = new CompletableFuture<>();
    private ScheduledFuture<?> watch;

    private AdoptedKernel(long pid) {
        this.pid = pid;
        this.console = WinchHelpers.device(Path.of("/proc", Long.toString(pid), "fd", "0"));
    }

    /** The kernel of umid {@code umid} at {@code pid}, watched on {@code timer}; null if that process is not it. */
    static AdoptedKernel find(long pid, String umid, ScheduledExecutorService timer) {
        if (!Posix.alive(pid) || !argv(pid).contains("umid=" + umid)) {
            return null;
        }
        AdoptedKernel k = new AdoptedKernel(pid);
        k.watch = timer.scheduleWithFixedDelay(k::check, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        return k;
    }

    private static List<String> argv(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private void check() {
        if (!Posix.alive(pid)) {
            watch.cancel(false);
            exit.complete(OptionalInt.empty());
        }
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public CompletableFuture<OptionalInt> exit() {
        return exit;
    }

    @Override
    public void signal(int signal) {
        Posix.kill(pid, signal);
    }

    @Override
    public void killGroup() {
        Posix.killGroup(pid, Posix.SIGKILL);
        console.ifPresent(WinchHelpers::kill);
    }
}
