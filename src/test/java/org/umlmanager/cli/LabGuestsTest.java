package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.network.NetworkFixture;
import org.umlmanager.testing.LabDirectories;
import org.umlmanager.testing.UmlKernel;

/**
 * A lab of our own with real guests, driven through the CLI as a student would: two routers and
 * three hosts on three collision domains ({@link LabDirectories#twoRouters}), imported from its
 * directory, started, pinged across both routers, its files and startup output checked, stopped
 * with nothing left behind. Runs as an ordinary user (CI runs it as one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LabGuestsTest {

    private static final List<String> DEVICES = List.of("r1", "r2", "h1", "h2", "h3");

    private GuestFixture f;
    private NetworkFixture nets;
    private Path home;
    private Path labDir;

    @BeforeAll
    void setUp() throws Exception {
        UmlKernel.requireTool("vde_switch", "apt-get install vde2 libvdeplug-slirp");
        f = GuestFixture.create();
        home = f.dir();
        nets = new NetworkFixture(f.paths().runtime());
        for (String domain : List.of("A", "B", "C")) {
            nets.track("lab1-" + domain);
        }
        labDir = LabDirectories.twoRouters(home.resolve("two-routers"));
    }

    @AfterAll
    void tearDown() throws Exception {
        // Networks before the fixture: stopping one takes the networks' lock, which would make the
        // runtime directory again after the fixture removed it.
        try {
            CliRun.run(home, "lab", "stop", "lab1", "--force");
        } finally {
            try {
                nets.close();
            } finally {
                f.close();
            }
        }
    }

    private CliRun ok(String... args) {
        CliRun run = CliRun.run(home, args);
        assertThat(run.status()).as(String.join(" ", args) + ":\n" + run.out() + run.err()).isZero();
        return run;
    }

    private String exec(String device, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", "lab1-" + device, "--timeout", "60", "--"));
        args.addAll(List.of(command));
        return ok(args.toArray(String[]::new)).out();
    }

    private String log(String device) throws IOException {
        return Files.readString(f.paths().logsDir().resolve("lab1-" + device).resolve("con0.log"),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    @Order(1)
    void theLabIsImportedFromItsDirectory() {
        CliRun imported = ok("lab", "import", labDir.toString(), "--name", "lab1", "--rootfs", "busybox");

        assertThat(imported.out()).contains("Imported lab 'lab1'", "5 devices", "3 collision domains");
        assertThat(imported.err()).contains("warning: lab.conf line 17: h1[shiny]");
    }

    @Test
    @Order(2)
    void itStartsInDependencyOrderUntilEveryDeviceIsUp() {
        CliRun started = CliRun.run(home, "lab", "start", "lab1", "--parallel", "2");
        DEVICES.forEach(d -> f.trackSession("lab1-" + d));

        assertThat(started.status()).as(started.out() + started.err()).isZero();
        assertThat(started.out()).contains("Lab 'lab1' started: 5 of 5 devices up.");
        List<String> lines = started.out().lines().toList();
        // h1 waits for both routers (lab.dep): it starts only after both are ready.
        assertThat(indexOf(lines, "h1: starting")).isGreaterThan(indexOf(lines, "r1: ready"))
                .isGreaterThan(indexOf(lines, "r2: ready"));
        assertThat(indexOf(lines, "h2: starting")).isGreaterThan(indexOf(lines, "r2: ready"));
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + lines);
    }

    @Test
    @Order(3)
    void anEndHostPingsTheOtherAcrossBothRouters() {
        String ping = exec("h1", "ping", "-c", "3", "-W", "5", LabDirectories.H2_ADDRESS);
        String route = exec("h3", "traceroute", "-n", "-w", "3", LabDirectories.H2_ADDRESS);

        assertThat(ping).contains("3 packets transmitted, 3 packets received");
        assertThat(route.lines().skip(1).map(String::strip).toList()).hasSize(3).satisfiesExactly(
                hop -> assertThat(hop).startsWith("1  10.0.1.1 "), hop -> assertThat(hop).startsWith("2  10.0.2.2 "),
                hop -> assertThat(hop).startsWith("3  10.0.3.10 "));
    }

    @Test
    @Order(4)
    void macAddressesFromStartupFilesAndLabConfAreSet() {
        assertThat(exec("h1", "cat", "/sys/class/net/eth0/address").strip()).isEqualTo(LabDirectories.H1_MAC);
        assertThat(exec("h2", "cat", "/sys/class/net/eth0/address").strip()).isEqualTo(LabDirectories.H2_MAC);
        assertThat(exec("h3", "cat", "/sys/class/net/eth0/address").strip()).isEqualTo(LabDirectories.H3_MAC);
    }

    @Test
    @Order(5)
    void theDevicesFilesAndTheSharedFilesAreInPlace() {
        assertThat(exec("h1", "cat", "/etc/motd")).isEqualTo(LabDirectories.MOTD + "\n");
        assertThat(exec("h2", "cat", "/etc/lab-banner")).isEqualTo(LabDirectories.BANNER + "\n");
        assertThat(exec("h2", "sh", "-c", "test -e /etc/motd && echo present || echo absent").strip())
                .as("h1's files are h1's alone").isEqualTo("absent");
        assertThat(exec("r2", "hostname").strip()).isEqualTo("r2");
        assertThat(exec("r1", "cat", "/proc/sys/net/ipv4/ip_forward").strip()).isEqualTo("1");
        assertThat(exec("r1", "cat", "/proc/sys/net/ipv4/conf/all/rp_filter").strip()).isEqualTo("0");
    }

    @Test
    @Order(6)
    void theStartupOutputIsInTheConsoleLogs() throws Exception {
        assertThat(log("r1")).contains("lab: r1: running shared.startup", "shared startup on r1",
                "lab: r1: running r1.startup", "r1 routes: ", "10.0.3.0/24 via 10.0.2.2",
                "lab: r1: r1.startup ended with status 0", "lab: r1: ready");
        assertThat(log("h2")).contains("lab: h2: h2.startup ended with status 0");
        CliRun status = ok("lab", "status", "lab1", "--json");
        assertThat(status.out()).contains("\"summary\": \"running\"", "\"running\": 5");
    }

    @Test
    @Order(7)
    void itStopsRunningTheShutdownFilesAndLeavesNothingBehind() throws Exception {
        CliRun stopped = ok("lab", "stop", "lab1");

        assertThat(stopped.out()).contains("Lab 'lab1' stopped: 5 of 5 devices stopped.");
        assertThat(log("r2")).contains("lab: r2: running r2.shutdown", "r2 says goodbye");
        NetworkFixture.await("every process of the lab to end", Duration.ofSeconds(30),
                () -> processesUnder(home).isEmpty());
        try (Stream<Path> files = Files.walk(f.paths().runtime())) {
            assertThat(files.filter(p -> !Files.isRegularFile(p) && !Files.isDirectory(p)).toList())
                    .as("sockets left").isEmpty();
        }
        Path umlDir = f.paths().runtime().resolve("uml");
        if (Files.isDirectory(umlDir)) {
            try (Stream<Path> umids = Files.list(umlDir)) {
                assertThat(umids.toList()).as("umid directories left").isEmpty();
            }
        }
        assertThat(ok("lab", "status", "lab1").out()).contains("Lab lab1: stopped");
    }

    /** Live processes (zombies too) whose command line names a path under {@code dir}, other than this JVM. */
    static List<String> processesUnder(Path dir) {
        List<String> found = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    if (Long.parseLong(p.getFileName().toString()) == self) {
                        continue;
                    }
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (cmd.contains(dir.toString())) {
                        found.add(p.getFileName() + " " + cmd);
                    }
                } catch (IOException e) {
                    // The process ended while we looked.
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }
}
