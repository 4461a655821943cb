package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.Posix;
import org.umlmanager.launch.StopMode;
import org.umlmanager.launch.StopStep;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.testing.BusyboxImage;

/**
 * How guests end other than by a graceful stop: forced, killed from outside, kernel panic (three
 * guests at once), and a guest that sets a high exit code itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GuestEndingsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The default init, except that an {@code exitcode=N} kernel argument makes it exit with N at once. */
    private static final String INIT = BusyboxImage.DEFAULT_INIT.replace("mount -t proc proc /proc\n", """
            mount -t proc proc /proc
            [ -n "$exitcode" ] && { echo "$exitcode" > /proc/exitcode; poweroff -f; }
            """);

    private RuntimeFixture f;
    private final List<GuestEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    void bootThree() throws Exception {
        f = new RuntimeFixture(GuestFixture.create(INIT));
        f.runtime.addListener(events::add);
        List<Instance> guests = List.of(f.guests.instance("forced").build(), f.guests.instance("killed").build(),
                f.guests.instance("panics").build());
        List<CompletableFuture<GuestStatus>> up = new java.util.ArrayList<>();
        for (Instance i : guests) {
            f.instances.add(i);
            up.add(f.runtime.start(i).thenCompose(s -> {
                f.guests.trackSession(s.name());
                return f.runtime.whenRunning(s.name());
            }));
        }
        CompletableFuture.allOf(up.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
    }

    @AfterAll
    void cleanUp() throws Exception {
        f.close();
    }

    @Test
    void forcedStopHaltsAtOnce() throws Exception {
        List<StopStep> steps = new CopyOnWriteArrayList<>();
        GuestStatus end = f.runtime.stop("forced", StopMode.FORCE, steps::add).get(30, TimeUnit.SECONDS);
        assertThat(end.state()).isEqualTo(InstanceState.STOPPED);
        assertThat(end.exitStatus()).hasValue(0);
        awaitSize(steps, 2);
        assertThat(steps).extracting(StopStep::step).containsExactly(StopStep.Step.HALT, StopStep.Step.STOPPED);
    }

    @Test
    void killedGuestIsCrashedWithoutZombies() throws Exception {
        GuestStatus running = f.runtime.status("killed").get();
        long pid = running.pid().orElseThrow();
        Path umidDir = running.mconsoleSocket().orElseThrow().getParent();
        List<Long> winchHelpers = winchHelpers(pid);
        assertThat(Posix.kill(pid, Posix.SIGKILL)).isTrue();
        GuestEvent crashed = awaitEvent("killed", InstanceState.CRASHED);
        GuestStatus end = GuestStatus.of(((GuestEvent.StateChanged) crashed).snapshot(), GuestStatus.Origin.RECORD);
        assertThat(end.reason()).isEqualTo("killed by SIGKILL (signal 9)");
        assertThat(end.exitStatus()).hasValue(137);
        // Reaped by its holder (no zombie), and the helpers in its process group are gone too.
        awaitTrue(() -> ProcessHandle.of(pid).isEmpty());
        awaitTrue(() -> !Posix.groupExists(pid));
        // Killed with it, though in sessions of their own, and reaped: nothing keeps its disk open.
        winchHelpers.forEach(h -> awaitTrue(() -> ProcessHandle.of(h).isEmpty()));
        // SIGKILL leaves the umid directory behind (docs/KERNEL.md §6); the holder removes it.
        awaitTrue(() -> !umidDir.toFile().exists());
        GuestStatus later = f.runtime.status("killed").get();
        assertThat(later.state()).isEqualTo(InstanceState.CRASHED);
        assertThat(later.reason()).isEqualTo("killed by SIGKILL (signal 9)");
    }

    @Test
    void panicIsCrashedWithThePanicText() throws Exception {
        long pid = f.runtime.status("panics").get().pid().orElseThrow();
        List<Long> winchHelpers = winchHelpers(pid);
        // The kernel never finishes this reply: it panics while answering.
        f.runtime.command("panics", "sysrq c");
        GuestEvent crashed = awaitEvent("panics", InstanceState.CRASHED);
        assertThat(((GuestEvent.StateChanged) crashed).snapshot().reason())
                .isEqualTo("kernel panic: sysrq triggered crash");
        awaitTrue(() -> ProcessHandle.of(pid).isEmpty());
        awaitTrue(() -> !Posix.groupExists(pid));
        winchHelpers.forEach(h -> awaitTrue(() -> ProcessHandle.of(h).isEmpty()));
        // Recorded: a later look (no holder any more) still says why.
        awaitTrue(() -> f.runtime.status("panics").join().origin() == GuestStatus.Origin.RECORD);
        GuestStatus later = f.runtime.status("panics").get();
        assertThat(later.state()).isEqualTo(InstanceState.CRASHED);
        assertThat(later.reason()).isEqualTo("kernel panic: sysrq triggered crash");
        assertThat(later.exitStatus()).hasValue(134);
    }

    @Test
    void aHighExitCodeSetByTheGuestIsAnExitNotASignal() throws Exception {
        // 137 is also what pty4j reports for SIGKILL: the kernel's exit path (it removed its umid
        // directory) tells them apart.
        Instance exits = f.guests.instance("exits").extraArg("exitcode=137").build();
        f.instances.add(exits);
        f.runtime.start(exits).get(60, TimeUnit.SECONDS);
        f.guests.trackSession("exits");
        GuestEvent ended = awaitEvent("exits", InstanceState.STOPPED);
        GuestStatus end = GuestStatus.of(((GuestEvent.StateChanged) ended).snapshot(), GuestStatus.Origin.RECORD);
        assertThat(end.reason()).isEqualTo("exited with status 137");
        assertThat(end.exitStatus()).hasValue(137);
    }

    /**
     * The kernel's window-size helpers, after checking that its console is not its controlling
     * terminal (docs/PITFALLS.md, "Resizing"): so con0 has one, in a session of its own.
     */
    private static List<Long> winchHelpers(long kernel) throws Exception {
        assertThat(statField(kernel, 4)).as("tty_nr of the kernel").isEqualTo(0);
        // The first appears when init opens the console, a moment after the guest counts as running.
        awaitTrue(() -> !sessionLeadingChildren(kernel).isEmpty());
        return sessionLeadingChildren(kernel);
    }

    private static List<Long> sessionLeadingChildren(long pid) {
        return ProcessHandle.of(pid).stream().flatMap(ProcessHandle::children)
                .map(ProcessHandle::pid).filter(c -> statField(c, 3) == c).toList();
    }

    /** Field {@code index} of /proc/PID/stat counted from the state (0), or -1 when it is gone. */
    private static long statField(long pid, int index) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[index]);
        } catch (IOException e) {
            return -1;
        }
    }

    private GuestEvent awaitEvent(String name, InstanceState state) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (GuestEvent e : events) {
                if (e instanceof GuestEvent.StateChanged c && c.name().equals(name) && c.snapshot().state() == state) {
                    return e;
                }
            }
            sleep();
        }
        throw new AssertionError("no " + state + " for " + name + " within " + WAIT + "; events: " + events);
    }

    private static void awaitSize(List<?> list, int size) {
        awaitTrue(() -> list.size() >= size);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
