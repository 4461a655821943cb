package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.model.MemorySize;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.UmlKernel;

/**
 * start, status, mconsole and stop, run in-process against a real guest, in order. mconsole
 * replies are compared byte for byte with what uml_mconsole prints for the same socket.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CliRuntimeTest {

    private GuestFixture f;
    private Path home;
    private String socket;

    @BeforeAll
    void setUp() throws Exception {
        f = GuestFixture.create();
        home = f.dir();
        InstanceStore store = new InstanceStore(f.paths().instancesDir());
        store.create(f.instance("web").build());
        store.create(f.instance("tiny").memory(MemorySize.ofMebibytes(1)).build());
        store.create(f.instance("quick").build());
    }

    @AfterAll
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    @Order(1)
    void startPrintsThatTheGuestRuns() {
        CliRun run = CliRun.run(home, "start", "web");
        f.trackSession("web");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Starting web (pid ").contains("web is running (pid ", "con0: main console");
    }

    @Test
    @Order(2)
    void statusShowsItRunning() {
        CliRun all = CliRun.run(home, "status");
        assertThat(all.status()).isZero();
        assertThat(all.out()).startsWith("NAME   STATE    PID").containsPattern("(?m)^web +running +\\d+")
                .containsPattern("(?m)^tiny +stopped +-");
        CliRun json = CliRun.run(home, "status", "web", "--json");
        assertThat(json.status()).isZero();
        assertThat(json.out()).startsWith("{\"name\": \"web\", \"state\": \"running\", \"reason\": \"\","
                + " \"origin\": \"supervisor\"").contains("\"pid\": ", "\"lines\": [{\"name\": \"con0\", \"transport\":"
                + " \"pty\", \"connected\": true}]");
        socket = json.out().replaceAll("(?s).*\"mconsoleSocket\": \"([^\"]+)\".*", "$1").strip();
        assertThat(Path.of(socket)).exists();
    }

    @Test
    @Order(3)
    void mconsoleRepliesLikeUmlMconsole() throws Exception {
        Path umlMconsole = UmlKernel.requireTool("uml_mconsole", "apt-get install uml-utilities");
        // Some replies change while the kernel boots (config con0 once the console is open): wait for userspace.
        Path log = f.paths().logsDir().resolve("web").resolve("con0.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1)
                .contains(BusyboxImage.READY_MARKER)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        for (List<String> command : List.of(List.of("version"), List.of("config", "con0"), List.of("nosuchcommand"),
                List.of("proc", "loadavg"))) {
            CliRun ours = CliRun.run(home, concat(List.of("mconsole", "web"), command));
            String theirs = run(concat(List.of(umlMconsole.toString(), socket), command));
            if (!command.get(0).equals("proc")) {
                // loadavg changes between the two calls; its format is compared below.
                assertThat(ours.out()).as(String.join(" ", command)).isEqualTo(theirs);
            }
            assertThat(ours.status()).isEqualTo(command.get(0).equals("nosuchcommand") ? 1 : 0);
        }
        assertThat(CliRun.run(home, "mconsole", "web", "nosuchcommand").out()).isEqualTo("ERR Unknown command\n");
        assertThat(CliRun.run(home, "mconsole", "web", "proc", "loadavg").out()).matches("OK \n[0-9. /]+\n\n");
        CliRun bySocket = CliRun.run(home, "mconsole", "--socket", socket, "version");
        assertThat(bySocket.status()).isZero();
        assertThat(bySocket.out()).startsWith("OK Linux ");
    }

    @Test
    @Order(4)
    void mconsoleWithoutAGuestExitsWithTwo() {
        CliRun noSuch = CliRun.run(home, "mconsole", "nosuch", "version");
        assertThat(noSuch.status()).isEqualTo(2);
        assertThat(noSuch.err()).contains("no instance or running guest named 'nosuch'");
        CliRun stopped = CliRun.run(home, "mconsole", "tiny", "version");
        assertThat(stopped.status()).isEqualTo(2);
        CliRun noSocket = CliRun.run(home, "mconsole", "--socket", home.resolve("none/mconsole").toString(),
                "version");
        assertThat(noSocket.status()).isEqualTo(2);
        assertThat(noSocket.err()).contains("no mconsole socket at");
    }

    @Test
    @Order(5)
    void refusedStartSaysWhatToDo() {
        CliRun run = CliRun.run(home, "start", "tiny");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: cannot start tiny:\n  mem=1M: too little memory");
        assertThat(CliRun.run(home, "start", "web").err()).contains("web is already running");
    }

    @Test
    @Order(5)
    void consoleRefusesAStoppedGuestAndALineItHasNot() {
        CliRun stopped = CliRun.run(home, "console", "tiny");
        assertThat(stopped.status()).isEqualTo(2);
        assertThat(stopped.err()).isEqualTo("error: tiny is stopped; start it with 'uml-manager start tiny --attach'\n");
        CliRun noLine = CliRun.run(home, "console", "web", "ssl3");
        assertThat(noLine.status()).isEqualTo(2);
        assertThat(noLine.err()).isEqualTo("error: web has no console line 'ssl3'; it has con0\n");
        CliRun noSuch = CliRun.run(home, "console", "nosuch");
        assertThat(noSuch.status()).isEqualTo(2);
        assertThat(noSuch.err()).startsWith("error: no instance or running guest named 'nosuch'");
    }

    @Test
    @Order(6)
    void stopPrintsEachStep() {
        CliRun run = CliRun.run(home, "stop", "web");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                Stopping web:
                  sent Ctrl-Alt-Del; waiting up to 20 s for the guest to shut down
                  the guest rebooted after Ctrl-Alt-Del (its init reboots on it); halting it now
                  halting the kernel
                  the guest is stopped (halted)
                web is stopped.
                """);
        assertThat(CliRun.run(home, "status", "web").out()).startsWith("web: stopped (halted)\n");
        assertThat(CliRun.run(home, "stop", "web").out()).isEqualTo("web is not running.\n");
    }

    @Test
    @Order(7)
    void forcedStopHaltsAtOnce() {
        assertThat(CliRun.run(home, "start", "quick").status()).isZero();
        f.trackSession("quick");
        CliRun run = CliRun.run(home, "stop", "quick", "--force");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                Stopping quick (forced):
                  halting the kernel
                  the guest is stopped (halted)
                quick is stopped.
                """);
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
