package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.ConsoleWatcher;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.Posix;
import org.umlmanager.launch.SessionFile;
import org.umlmanager.launch.SessionPaths;
import org.umlmanager.launch.StopMode;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.model.LineSpec;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.BusyboxImage;

/**
 * The supervisor is killed with SIGKILL while three guests run. The guests run on; a new CLI and
 * a new runtime (as a new GUI would) find them through a successor supervisor, started for them,
 * with their states. The main console, whose pty died with the killed supervisor, is marked lost
 * and keeps its history; the second console, a pts the guest's kernel opens again when its getty
 * comes back after the hang-up, comes back and works.
 * A panic after the takeover is still reported with its text, and the others stop, gracefully
 * from the CLI and forced from the runtime. Afterwards no guest process, helper or zombie is left,
 * and the successor, with nothing left to hold, exits.
 */
class SupervisorKillTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * The default init, plus a shell on the second console (/dev/tty1 = con1) that is started again
     * when it ends, as a getty is: the line hangs up when its reader dies with the supervisor.
     */
    private static final String INIT = BusyboxImage.DEFAULT_INIT.replace("echo " + BusyboxImage.READY_MARKER, """
            (while true; do setsid sh -c 'exec sh </dev/tty1 >/dev/tty1 2>&1'; done) &
            echo %s""".formatted(BusyboxImage.READY_MARKER));
    private static final List<String> NAMES = List.of("alpha", "bravo", "charlie");

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void guestsOutliveTheirSupervisorAndASuccessorTakesThemOver() throws Exception {
        ExecutorService work = Executors.newCachedThreadPool();
        ExecutorService events = Executors.newSingleThreadExecutor();
        try (GuestFixture f = GuestFixture.create(INIT)) {
            InstanceStore store = new InstanceStore(f.paths().instancesDir());
            List<Instance> instances = new ArrayList<>();
            for (String name : NAMES) {
                Instance i = f.instance(name).console(ConsoleLine.con(1, LineSpec.of(ConsoleChannel.EMBEDDED))).build();
                store.create(i);
                instances.add(i);
            }
            SupervisorLauncher launcher = SupervisorLauncher.forThisJvm(f.layout())
                    .withProperty("umlmanager.supervisor.idle", "PT2S");

            // Three guests under one supervisor; something typed on alpha's main console.
            long killed;
            Map<String, Long> pids = new java.util.LinkedHashMap<>();
            try (RuntimeService first = new RuntimeService(f.layout(), launcher, () -> instances, work, events)) {
                for (Instance i : instances) {
                    first.start(i).get(60, TimeUnit.SECONDS);
                    f.trackSession(i.name());
                }
                for (Instance i : instances) {
                    GuestStatus up = first.whenRunning(i.name()).get(90, TimeUnit.SECONDS);
                    pids.put(i.name(), up.pid().orElseThrow());
                }
                killed = supervisorOf(f, "alpha");
                try (ConsoleStream con0 = first.openConsole("alpha", "con0").get(10, TimeUnit.SECONDS);
                     ConsoleWatcher w = new ConsoleWatcher(con0.input())) {
                    int ready = w.await(BusyboxImage.READY_MARKER, WAIT);
                    type(con0, "echo before-$((6*7))\n");
                    w.await("before-42", ready, WAIT);
                }
                assertThat(Posix.kill(killed, Posix.SIGKILL)).isTrue();
                await(() -> !Posix.alive(killed), "the supervisor dies");
            }
            for (Map.Entry<String, Long> guest : pids.entrySet()) {
                assertThat(Posix.alive(guest.getValue())).as("%s runs on", guest.getKey()).isTrue();
            }

            // A new CLI shows them, with their states, through a successor taking them over.
            CliRun status = CliRun.run(f.dir(), "status");
            assertThat(status.status()).as(status.err()).isZero();
            for (String name : NAMES) {
                assertThat(status.out()).containsPattern("(?m)^" + name + " +running +" + pids.get(name)
                        + " +con0 was lost with the supervisor that held it$");
            }
            CliRun alpha = CliRun.run(f.dir(), "status", "alpha");
            assertThat(alpha.out()).contains("  con0:     main console, lost with a killed supervisor");

            List<GuestEvent> seen = new CopyOnWriteArrayList<>();
            try (RuntimeService later = new RuntimeService(f.layout(), launcher, () -> instances, work, events)) {
                later.addListener(seen::add);
                GuestStatus now = later.status("alpha").get(30, TimeUnit.SECONDS);
                long successor = supervisorOf(f, "alpha");
                f.trackHolder(successor);
                assertThat(successor).isNotEqualTo(killed);
                assertThat(now.state()).isEqualTo(InstanceState.RUNNING);
                assertThat(now.origin()).isEqualTo(GuestStatus.Origin.SUPERVISOR);
                assertThat(now.pid()).hasValue(pids.get("alpha"));
                assertThat(now.lines()).filteredOn(l -> l.name().equals("con0")).singleElement()
                        .satisfies(l -> assertThat(l.connected()).as("con0 connected").isFalse());

                // The main console keeps its history and says why nothing more comes.
                try (ConsoleStream con0 = later.openConsole("alpha", "con0").get(10, TimeUnit.SECONDS);
                     ConsoleWatcher w = new ConsoleWatcher(con0.input())) {
                    int before = w.await("before-42", WAIT);
                    w.await("[uml-manager: the supervisor that held this console was killed", before, WAIT);
                }
                // The second console is a pts: it comes back once the guest opens its line again.
                await(() -> later.status("alpha").join().lines().stream()
                        .anyMatch(l -> l.name().equals("con1") && l.connected()), "con1 is connected again");
                try (ConsoleStream con1 = later.openConsole("alpha", "con1").get(10, TimeUnit.SECONDS);
                     ConsoleWatcher w = new ConsoleWatcher(con1.input())) {
                    type(con1, "echo second-$(tty)\n");
                    w.await("second-/dev/tty1", WAIT);
                }

                // A crash after the takeover is still told with the kernel's reason.
                later.command("bravo", "sysrq c");
                await(() -> seen.stream().anyMatch(e -> e instanceof GuestEvent.StateChanged c
                        && c.name().equals("bravo") && c.snapshot().state() == InstanceState.CRASHED
                        && c.snapshot().reason().equals("kernel panic: sysrq triggered crash")), "bravo's panic");

                // Stop works: gracefully from a CLI, forced from the runtime.
                CliRun stop = CliRun.run(f.dir(), "stop", "alpha");
                assertThat(stop.status()).as(stop.err()).isZero();
                assertThat(stop.out()).startsWith("Stopping alpha:\n").endsWith("alpha is stopped.\n");
                GuestStatus charlie = later.stop("charlie", StopMode.FORCE, s -> { }).get(60, TimeUnit.SECONDS);
                assertThat(charlie.state()).isEqualTo(InstanceState.STOPPED);

                CliRun after = CliRun.run(f.dir(), "status");
                assertThat(after.out()).containsPattern("(?m)^alpha +stopped ").containsPattern("(?m)^bravo +crashed ")
                        .containsPattern("(?m)^charlie +stopped ");

                // Nothing is left: no kernel, no helper, no zombie of the successor.
                for (long pid : pids.values()) {
                    await(() -> noLiveMember(pid), "process group " + pid + " has ended");
                }
                assertThat(ProcessHandle.of(successor).orElseThrow().children().filter(c -> !Posix.alive(c.pid()))
                        .map(ProcessHandle::pid).toList()).as("zombies of the successor").isEmpty();
                later.close();
                await(() -> !Posix.alive(successor), "the successor exits once it holds nothing");
            }
            // The test JVM stands in for init here (it is the subreaper the kernels went to): once it
            // has collected what ended, not one process of the guests is left.
            for (long pid : pids.values()) {
                reapGroup(pid);
                assertThat(Posix.groupExists(pid)).as("process group %d", pid).isFalse();
            }
        } finally {
            work.shutdownNow();
            events.shutdownNow();
        }
    }

    private static long supervisorOf(GuestFixture f, String name) {
        return SessionFile.read(SessionPaths.of(f.layout().sessionsDir(), name).sessionFile()).orElseThrow()
                .snapshot().holderPid();
    }

    private static void type(ConsoleStream s, String text) throws IOException {
        s.output().write(text.getBytes(StandardCharsets.UTF_8));
        s.output().flush();
    }

    /** Whether every process left in group {@code pgid} has ended (zombies waiting for their parent may remain). */
    private static boolean noLiveMember(long pgid) {
        return ProcessHandle.allProcesses().filter(p -> group(p.pid()) == pgid).noneMatch(p -> Posix.alive(p.pid()));
    }

    private static void reapGroup(long pgid) {
        ProcessHandle.current().children().filter(c -> group(c.pid()) == pgid).forEach(c -> Posix.reap(c.pid()));
    }

    private static long group(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
