package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.SessionFile;
import org.umlmanager.launch.SessionPaths;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.model.Instance;
import org.umlmanager.service.InstanceService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.StoreException;
import org.umlmanager.testing.BusyboxImage;

/**
 * What the CLI says in the cases issue 12's drills found misleading: each message says what
 * really happened, quotes input with its control characters escaped, and comes without logger
 * lines.
 */
class MessagesTest {

    @TempDir
    Path home;

    /**
     * After its supervisor is killed, a guest that no new supervisor can take over (here: its
     * launch spec is gone, as for a guest whose record could not be read) still runs: console says
     * so (not "started outside"), stop then stops it and records a clean stop (not "crashed").
     * (The usual case, a guest taken over, is SupervisorKillTest's.)
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aGuestNoSupervisorCouldTakeOverIsDescribedAndStoppedAsSuch() throws Exception {
        try (GuestFixture f = GuestFixture.create()) {
            new InstanceStore(f.paths().instancesDir()).create(f.instance("orphan").build());
            assertThat(CliRun.run(f.dir(), "start", "orphan").status()).isZero();
            f.trackSession("orphan");
            awaitReady(f, "orphan");
            SessionPaths session = SessionPaths.of(f.layout().sessionsDir(), "orphan");
            long supervisor = SessionFile.read(session.sessionFile()).orElseThrow().snapshot().holderPid();
            ProcessHandle.of(supervisor).orElseThrow().destroyForcibly();
            ProcessHandle.of(supervisor).ifPresent(h -> h.onExit().join());
            Files.delete(session.launchFile());

            CliRun console = CliRun.run(f.dir(), "console", "orphan");
            // It started a successor, which found the guest but could not take it over.
            SupervisorLauncher.forThisJvm(f.layout()).connectIfRunning("test").ifPresent(c -> {
                f.trackHolder(c.supervisorPid());
                c.close();
            });
            assertThat(console.status()).isEqualTo(2);
            assertThat(console.err()).contains("orphan is running (pid ", "the supervisor that held it has ended")
                    .contains("'uml-manager stop orphan' stops it").doesNotContain("started outside");
            assertThat(CliRun.run(f.dir(), "status", "orphan").out()).contains("the supervisor that held it has ended");

            CliRun stop = CliRun.run(f.dir(), "stop", "orphan");
            assertThat(stop.status()).as(stop.err()).isZero();
            assertThat(stop.out()).endsWith("orphan is stopped.\n");
            CliRun after = CliRun.run(f.dir(), "status", "orphan");
            assertThat(after.out()).startsWith("orphan: stopped").contains("after its supervisor had ended")
                    .doesNotContain("crashed");
        }
    }

    /** 'sysrq c' crashes the guest before it can answer: that is what mconsole says, and then what it is. */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aCommandThatCrashesTheGuestAndCommandsToACrashedGuestSayWhatHappened() throws Exception {
        try (GuestFixture f = GuestFixture.create()) {
            new InstanceStore(f.paths().instancesDir()).create(f.instance("victim").build());
            assertThat(CliRun.run(f.dir(), "start", "victim").status()).isZero();
            f.trackSession("victim");
            awaitReady(f, "victim");

            CliRun crash = CliRun.run(f.dir(), "mconsole", "victim", "sysrq", "c");
            assertThat(crash.err()).isEqualTo("error: victim ended before it answered 'sysrq c': it crashed (kernel"
                    + " panic: sysrq triggered crash)\n");
            assertThat(crash.status()).isEqualTo(2);
            CliRun after = CliRun.run(f.dir(), "mconsole", "victim", "version");
            assertThat(after.err()).isEqualTo("error: victim is not running: it crashed (kernel panic: sysrq"
                    + " triggered crash)\n");
            assertThat(after.status()).isEqualTo(2);
            assertThat(CliRun.run(f.dir(), "stop", "victim").out())
                    .isEqualTo("victim is not running: it crashed (kernel panic: sysrq triggered crash).\n");
        }
    }

    @Test
    void controlCharactersFromTheInputAreShownEscaped() {
        CliRun show = CliRun.run(home, "show", "\u001b[2J\u001b[31mred\u0007");
        assertThat(show.status()).isEqualTo(2);
        assertThat(show.err()).contains("'\\e[2J\\e[31mred\\x07' is not a valid name").doesNotContain("\u001b", "\u0007");

        CliRun imported = CliRun.run(home, "import", "vm", "--", "mem=64M", "umid=a\u001b]0;owned\u0007b",
                "con0=\r\u001b[1Afake");
        assertThat(imported.status()).isEqualTo(2);
        assertThat(imported.err()).contains("\\e]0;owned\\x07").doesNotContain("\u001b", "\u0007", "\r");
    }

    /** A separate JVM, as a user runs it: stderr has the CLI's own lines and no logger output. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theCliWritesNoLoggerLines() throws Exception {
        Path instances = Files.createDirectories(home.resolve("config/instances"));
        Files.writeString(instances.resolve("broken.json"), "{ not json");
        List<String> command = new ArrayList<>(CliProcess.command());
        command.add("list");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().put("UML_MANAGER_HOME", home.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(out).contains("No instances yet");
        assertThat(err).startsWith("warning: ").contains("broken.json").contains("moved aside to")
                .doesNotContain("WARN", "INFO", "[main]", "org.umlmanager");
        assertThat(err.lines()).hasSize(1);
    }

    /** A name whose mconsole socket path would be too long is refused when saved, not when started. */
    @Test
    void aNameTooLongForTheSocketPathIsRefusedAtSave() throws Exception {
        Path deep = Files.createDirectories(home.resolve("a-home-with-a-long-name-as-some-have"));
        String name = "n".repeat(60);
        CliRun imported = CliRun.run(deep, "import", name, "--", "mem=64M", "ubd0=/dev/null", "root=/dev/ubda");
        assertThat(imported.status()).isEqualTo(2);
        assertThat(imported.err()).contains("error: umid=" + name + ": the management socket " + deep.resolve(
                "run/uml/" + name + "/mconsole")).contains("over the limit of 107");
        assertThat(CliRun.run(deep, "list").out()).contains("No instances yet");

        // Whatever saves it (the wizard, the editor, a template): the service refuses it the same way.
        InstanceService service = new InstanceService(new InstanceStore(deep.resolve("config/instances")),
                Runnable::run, Optional.of(deep.resolve("run/uml")));
        assertThat(service.create(Instance.builder(name).build())).failsWithin(5, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(StoreException.class).withMessageContaining("over the limit of 107");
        assertThat(service.create(Instance.builder("short").build()).get(5, TimeUnit.SECONDS).name())
                .isEqualTo("short");
    }

    /** A FIFO in the store used to hang 'list' and everything after it; now it is named and passed by. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void listNamesAFifoInTheStoreAndGoesOn() throws Exception {
        Path instances = Files.createDirectories(home.resolve("config/instances"));
        assertThat(new ProcessBuilder("mkfifo", instances.resolve("v.json").toString()).start().waitFor()).isZero();
        CliRun list = CliRun.run(home, "list");
        assertThat(list.status()).isZero();
        assertThat(list.err()).contains("v.json: not loaded: it is a FIFO (named pipe)");
        CliRun show = CliRun.run(home, "show", "v");
        assertThat(show.status()).isEqualTo(2);
        assertThat(show.err()).contains("is a FIFO (named pipe), not an instance file");
    }

    private static void awaitReady(GuestFixture f, String name) throws Exception {
        Path log = f.paths().logsDir().resolve(name).resolve("con0.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!(Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1)
                .contains(BusyboxImage.READY_MARKER))) {
            assertThat(System.nanoTime()).as("%s booted", name).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
