package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.ConsoleWatcher;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.launch.SessionFile;
import org.umlmanager.launch.SessionPaths;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.BusyboxImage;

/**
 * Guests outlive the program that started them: `uml-manager start NAME --attach` runs in a JVM
 * of its own, the test types into the guest through it and then kills it with SIGKILL. A new
 * client finds the guest running, its console working (with the earlier output replayed), the
 * earlier output in the log, and stops it. The supervisor was never the CLI's child (the test JVM, a
 * subreaper, adopted it at once), and once collected it leaves no zombie.
 */
class OutliveTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void guestSurvivesSigkillOfTheCliThatStartedIt() throws Exception {
        long holder;
        try (GuestFixture f = GuestFixture.create()) {
            Instance instance = f.instance("outlive").build();
            new InstanceStore(f.paths().instancesDir()).create(instance);
            Process cli = startCli(f.dir(), "start", "outlive", "--attach");
            try (ConsoleWatcher cliOut = new ConsoleWatcher(cli.getInputStream())) {
                cliOut.await("Attached to outlive con0", WAIT);
                f.trackSession("outlive");
                holder = SessionFile.read(SessionPaths.of(f.layout().sessionsDir(), "outlive").sessionFile())
                        .orElseThrow().snapshot().holderPid();
                assertThat(ProcessHandle.of(holder).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                        .as("the supervisor's parent: not the CLI (%d) but the nearest subreaper", cli.pid())
                        .hasValue(ProcessHandle.current().pid());
                int ready = cliOut.await(BusyboxImage.READY_MARKER, WAIT);
                OutputStream keys = cli.getOutputStream();
                keys.write("echo before-$((6*7))\n".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                cliOut.await("before-42", ready, WAIT);
            } finally {
                cli.destroyForcibly();
                assertThat(cli.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(cli.exitValue()).as("killed by SIGKILL").isEqualTo(137);

            var events = Executors.newSingleThreadExecutor();
            try (RuntimeService later = new RuntimeService(f.layout(),
                    SupervisorLauncher.forThisJvm(f.layout()), () -> List.of(instance), Runnable::run,
                    events)) {
                GuestStatus status = later.status("outlive").get(10, TimeUnit.SECONDS);
                assertThat(status.state()).isEqualTo(InstanceState.RUNNING);
                assertThat(status.origin()).isEqualTo(GuestStatus.Origin.SUPERVISOR);
                try (ConsoleStream con0 = later.openConsole("outlive", "con0").get(10, TimeUnit.SECONDS);
                     ConsoleWatcher console = new ConsoleWatcher(con0.input())) {
                    int replayed = console.await("before-42", WAIT);
                    con0.output().write("echo after-$((7*7))\n".getBytes(StandardCharsets.UTF_8));
                    con0.output().flush();
                    console.await("after-49", replayed, WAIT);
                }
                Path log = f.paths().logsDir().resolve("outlive").resolve("con0.log");
                assertThat(Files.readString(log, StandardCharsets.ISO_8859_1)).contains("before-42");
                GuestStatus stopped = later.stop("outlive", StopMode.GRACEFUL, s -> { }).get(60, TimeUnit.SECONDS);
                assertThat(stopped.state()).isEqualTo(InstanceState.STOPPED);
            } finally {
                events.shutdownNow();
            }
        }
        assertThat(Path.of("/proc", Long.toString(holder))).as("supervisor %d, collected", holder).doesNotExist();
    }

    /** The CLI in a JVM of its own, with all state under {@code home}, as a user's shell would run it. */
    private static Process startCli(Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>(CliProcess.command());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
                .redirectError(home.resolve("cli.err").toFile());
        pb.environment().put(AppPaths.HOME_VARIABLE, home.toString());
        return pb.start();
    }
}
