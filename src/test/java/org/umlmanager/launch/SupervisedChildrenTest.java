package org.umlmanager.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.ChildStatus.State;
import org.umlmanager.model.Instance;
import org.umlmanager.service.RuntimeService;

/**
 * Processes other than guests under the supervisor, as networks will be: started, started again
 * when killed (with a pause, and given up when they keep dying), stopped with everything they
 * started, stopped with the last guest they serve, and found again — still running, and started
 * again when killed — by a supervisor that takes over from a killed one. No zombie is left.
 */
class SupervisedChildrenTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void childrenAreStartedWatchedRestartedStoppedAndFoundAgain() throws Exception {
        try (GuestFixture f = GuestFixture.create()) {
            SupervisorLauncher launcher = SupervisorLauncher.forThisJvm(f.layout())
                    .withProperty("umlmanager.supervisor.idle", "PT2S");
            Path logs = f.dir().resolve("children");
            SupervisorClient client = launcher.connect("test");
            long supervisor = client.supervisorPid();
            f.trackHolder(supervisor);

            // Started, and started again (after a pause) when killed.
            ChildSpec daemon = spec("daemon", logs, Set.of(), "sh", "-c", "echo started-$$; exec sleep 1000");
            ChildStatus running = get(client.startChild(daemon));
            assertThat(running.state()).isEqualTo(State.RUNNING);
            long first = running.pid().orElseThrow();
            f.trackHolder(first);
            await(() -> read(daemon.logFile()).contains("started-" + first), "its output in its log");
            assertThat(Posix.kill(first, Posix.SIGKILL)).isTrue();
            ChildStatus again = awaitChild(client, "daemon", c -> c.state() == State.RUNNING
                    && c.pid().orElse(first) != first);
            long second = again.pid().orElseThrow();
            f.trackHolder(second);
            assertThat(again.restarts()).isEqualTo(1);
            assertThat(read(daemon.logFile())).contains("started-" + second);
            assertThatThrownBy(() -> get(client.startChild(spec("daemon", logs, Set.of(), "sleep", "5"))))
                    .hasMessageContaining("a child named daemon runs another command");

            // Stopped with what it started in its process group.
            ChildSpec forker = spec("forker", logs, Set.of(), "sh", "-c", "sleep 1000 & exec sleep 1001");
            long forkerPid = get(client.startChild(forker)).pid().orElseThrow();
            f.trackHolder(forkerPid);
            await(() -> ProcessHandle.allProcesses().filter(p -> p.pid() != forkerPid)
                    .anyMatch(p -> Orphan.group(p.pid()) == forkerPid), "its grandchild runs");
            ChildStatus stopped = get(client.stopChild("forker"));
            assertThat(stopped.state()).isEqualTo(State.STOPPED);
            assertThat(stopped.reason()).isEqualTo("stopped on request");
            await(() -> !Posix.groupExists(forkerPid) || Orphan.noLiveMember(forkerPid), "its group ended");

            // One that keeps dying is given up.
            ChildSpec failing = spec("failing", logs, Set.of(), "false");
            get(client.startChild(failing));
            ChildStatus failed = awaitChild(client, "failing", c -> c.state() == State.FAILED);
            assertThat(failed.reason()).contains("exited with status 1", "not started again");

            // One serving a guest stops when that guest ends.
            Instance web = f.instance("web").build();
            ExecutorService work = Executors.newCachedThreadPool();
            ExecutorService events = Executors.newSingleThreadExecutor();
            try (RuntimeService runtime = new RuntimeService(f.layout(), launcher, () -> List.of(web), work, events)) {
                runtime.start(web).get(60, TimeUnit.SECONDS);
                f.trackSession("web");
                ChildSpec forWeb = spec("for-web", logs, Set.of("web"), "sleep", "1000");
                long forWebPid = get(client.startChild(forWeb)).pid().orElseThrow();
                f.trackHolder(forWebPid);
                runtime.whenRunning("web").get(60, TimeUnit.SECONDS);
                assertThat(get(client.children())).filteredOn(c -> c.name().equals("for-web")).singleElement()
                        .satisfies(c -> assertThat(c.state()).isEqualTo(State.RUNNING));
                runtime.stop("web", org.umlmanager.launch.StopMode.FORCE, s -> { }).get(60, TimeUnit.SECONDS);
                ChildStatus gone = awaitChild(client, "for-web", c -> c.state() == State.STOPPED);
                assertThat(gone.reason()).isEqualTo("stopped with web, the last guest it served");
                await(() -> !Posix.alive(forWebPid), "it ended");
            } finally {
                work.shutdownNow();
                events.shutdownNow();
            }

            // The supervisor is killed: the child runs on; a successor finds it, and starts it again when it dies.
            client.close();
            assertThat(Posix.kill(supervisor, Posix.SIGKILL)).isTrue();
            await(() -> !Posix.alive(supervisor), "the supervisor dies");
            assertThat(Posix.alive(second)).as("the child outlives its supervisor").isTrue();
            SupervisorClient later = launcher.connect("test");
            long successor = later.supervisorPid();
            f.trackHolder(successor);
            assertThat(get(later.children())).filteredOn(c -> c.name().equals("daemon")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.state()).isEqualTo(State.RUNNING);
                        assertThat(c.pid()).hasValue(second);
                    });
            assertThat(Posix.kill(second, Posix.SIGKILL)).isTrue();
            ChildStatus third = awaitChild(later, "daemon", c -> c.state() == State.RUNNING
                    && c.pid().orElse(second) != second);
            f.trackHolder(third.pid().orElseThrow());
            assertThat(get(later.stopChild("daemon")).state()).isEqualTo(State.STOPPED);
            assertThat(ChildFile.of(launcher.files(), "daemon")).doesNotExist();
            assertThat(ProcessHandle.of(successor).orElseThrow().children().filter(c -> !Posix.alive(c.pid()))
                    .map(ProcessHandle::pid).toList()).as("zombies of the supervisor").isEmpty();
            later.close();
            await(() -> !Posix.alive(successor), "the supervisor exits once it holds nothing");
            // The killed supervisor's child went to this JVM, the subreaper standing in for init.
            Posix.reap(second);
        }
    }

    private static ChildSpec spec(String name, Path logs, Set<String> boundTo, String... argv) {
        return new ChildSpec(name, List.of(argv), Map.of(), Path.of("/"), logs.resolve(name + ".log"), boundTo);
    }

    private static ChildStatus awaitChild(SupervisorClient client, String name,
                                          java.util.function.Predicate<ChildStatus> match) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<ChildStatus> all = get(client.children());
            for (ChildStatus c : all) {
                if (c.name().equals(name) && match.test(c)) {
                    return c;
                }
            }
            assertThat(System.nanoTime()).as("%s as expected; children: %s", name, all).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Process groups, read from /proc. */
    private static final class Orphan {
        static long group(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }

        static boolean noLiveMember(long pgid) {
            return ProcessHandle.allProcesses().filter(p -> group(p.pid()) == pgid)
                    .noneMatch(p -> Posix.alive(p.pid()));
        }
    }
}
