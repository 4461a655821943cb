package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import org.umlmanager.launch.Posix;
import org.umlmanager.network.NetworkFixture;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.UmlKernel;

/**
 * Networks with real guests that {@code uml-manager create} made, driven through the CLI as a user
 * would: two guests on a switch, the built-in NAT reaching the host's loopback, a switch that
 * cannot reach the NAT, a port forward, exec, a switch killed with SIGKILL, and processes that end
 * with the last guest. Runs as an ordinary user (CI runs it as one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class NetworkGuestsTest {

    private GuestFixture f;
    private NetworkFixture nets;
    private Path home;
    private int forwardPort;

    @BeforeAll
    void setUp() throws Exception {
        UmlKernel.requireTool("vde_switch", "apt-get install vde2 libvdeplug-slirp");
        f = GuestFixture.create();
        home = f.dir();
        nets = new NetworkFixture(f.paths().runtime());
        for (String n : List.of("lan", "default", "fwd")) {
            nets.track(n);
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            forwardPort = s.getLocalPort();
        }
        ok("network", "create", "lan", "--switch");
        ok("network", "create", "fwd", "--nat", "--subnet", "10.0.9.0/24", "--forward", forwardPort + ":8080");
        ok("create", "a", "--rootfs", "busybox", "--net", "network=lan,ip=192.168.60.2/24");
        ok("create", "b", "--rootfs", "busybox", "--net", "network=default", "--net", "network=lan,ip=192.168.60.3/24");
        ok("create", "c", "--rootfs", "busybox", "--net", "network=fwd");
        new InstanceStore(f.paths().instancesDir()).create(f.instance("plain").build());
        for (String guest : List.of("a", "b")) {
            CliRun started = CliRun.run(home, "start", guest);
            f.trackSession(guest);
            assertThat(started.status()).as(started.err()).isZero();
        }
    }

    @AfterAll
    void tearDown() throws Exception {
        try {
            for (String guest : List.of("a", "b", "c")) {
                CliRun.run(home, "stop", guest, "--force");
            }
        } finally {
            // Networks first: their keepers are collected while the fixture's directory still exists.
            try {
                nets.close();
            } finally {
                f.close();
            }
        }
    }

    private CliRun ok(String... args) {
        CliRun run = CliRun.run(home, args);
        assertThat(run.status()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return run;
    }

    @Test
    @Order(1)
    void execPrintsTheCommandsOutputAndExitsWithItsStatus() {
        CliRun run = CliRun.run(home, "exec", "a", "--", "sh", "-c", "echo out; echo 'e r r' >&2; exit 3");

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).isEqualTo("out\n");
        assertThat(run.err()).isEqualTo("e r r\n");
        assertThat(CliRun.run(home, "exec", "a", "--", "printf", "%s|", "", "two words", "x\n").out())
                .isEqualTo("|two words|x\n|");
    }

    @Test
    @Order(2)
    void execRunsConcurrentlyAndEndsATimedOutCommandWith124() throws Exception {
        CompletableFuture<CliRun> slow = CompletableFuture.supplyAsync(() -> CliRun.run(home, "exec", "a",
                "--timeout", "2", "--", "sh", "-c", "sleep 30 & sleep 31"));
        CliRun quick = CliRun.run(home, "exec", "a", "--", "echo", "meanwhile");
        CliRun timedOut = slow.get(60, TimeUnit.SECONDS);

        assertThat(quick.status()).as(quick.err()).isZero();
        assertThat(quick.out()).isEqualTo("meanwhile\n");
        assertThat(timedOut.status()).isEqualTo(124);
        assertThat(timedOut.err()).contains("did not finish within 2 s");
        assertThat(CliRun.run(home, "exec", "a", "--", "sh", "-c", "ps | grep -c 'sleep 3[01]'").out().strip())
                .as("the timed-out command's children were killed too").isEqualTo("0");
    }

    @Test
    @Order(3)
    void execRefusesGuestsItCannotReachWithStatus2() {
        CliRun stopped = CliRun.run(home, "exec", "c", "--", "true");
        CliRun plain = CliRun.run(home, "exec", "plain", "--", "true");

        assertThat(stopped.status()).isEqualTo(2);
        assertThat(stopped.err()).contains("c is stopped; start it with 'uml-manager start c'");
        assertThat(plain.status()).isEqualTo(2);
        assertThat(plain.err()).contains("plain has no UML Manager command agent");
    }

    @Test
    @Order(4)
    void twoGuestsOnASwitchPingEachOther() {
        CliRun ping = CliRun.run(home, "exec", "a", "--", "ping", "-c", "3", "-W", "5", "192.168.60.3");

        assertThat(ping.status()).as(ping.out() + ping.err()).isZero();
        assertThat(ping.out()).contains("3 packets received");
    }

    @Test
    @Order(5)
    void aCaptureWritesTheFramesBetweenTwoGuestsToAPcapFileThatTcpdumpReads() throws Exception {
        Path tcpdump = UmlKernel.requireTool("tcpdump", "apt-get install tcpdump");
        Path file = home.resolve("lan.pcap");
        CompletableFuture<CliRun> capture = CompletableFuture.supplyAsync(() -> CliRun.run(home, "network", "capture",
                "lan", "lan.pcap", "--count", "8"));
        NetworkFixture.await("the capture to start", Duration.ofSeconds(30), () -> Files.exists(file));
        CliRun ping = CliRun.run(home, "exec", "a", "--", "ping", "-c", "4", "-W", "5", "192.168.60.3");
        CliRun captured = capture.get(60, TimeUnit.SECONDS);

        assertThat(ping.status()).as(ping.out()).isZero();
        assertThat(captured.status()).as(captured.err()).isZero();
        assertThat(captured.err()).startsWith("Captured 8 frames in ");
        Process read = new ProcessBuilder(tcpdump.toString(), "-nn", "-r", file.toString()).redirectErrorStream(true)
                .start();
        String frames = new String(read.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(read.waitFor()).as(frames).isZero();
        // Frames between two guests reach the capture although the switch learns where each guest is (4 echo
        // requests and 4 replies, perhaps after an ARP exchange).
        assertThat(frames.lines().filter(l -> l.contains("ICMP echo")).count()).isGreaterThanOrEqualTo(6);
        assertThat(frames.lines().filter(l -> l.contains("ICMP echo")).toList())
                .anySatisfy(l -> assertThat(l).contains("192.168.60.2 > 192.168.60.3: ICMP echo request"))
                .anySatisfy(l -> assertThat(l).contains("192.168.60.3 > 192.168.60.2: ICMP echo reply"));
        assertThat(frames).contains("link-type EN10MB");
        assertThat(CliRun.run(home, "exec", "a", "--", "true").status()).isZero();
    }

    @Test
    @Order(5)
    void aGuestOnDefaultReachesAServerOnTheHostsLoopbackThroughTheGateway() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hello", exchange -> {
            byte[] body = "hello from the host\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            CliRun fetch = CliRun.run(home, "exec", "b", "--timeout", "60", "--", "sh", "-c",
                    "printf 'GET /hello HTTP/1.0\\r\\n\\r\\n' | nc 10.0.2.2 " + port);

            assertThat(fetch.status()).as(fetch.err()).isZero();
            assertThat(fetch.out()).startsWith("HTTP/1.1 200").endsWith("hello from the host\n");
        } finally {
            server.stop(0);
        }
    }

    @Test
    @Order(6)
    void aGuestOnASwitchCannotReachTheNatNetwork() {
        CliRun viaB = CliRun.run(home, "exec", "a", "--", "sh", "-c",
                "ip route add default via 192.168.60.3 && ping -c 2 -W 2 10.0.2.2");
        CliRun fromB = CliRun.run(home, "exec", "b", "--", "ping", "-c", "1", "-W", "5", "10.0.2.2");

        assertThat(fromB.status()).as("b itself reaches the NAT gateway: " + fromB.out()).isZero();
        assertThat(viaB.status()).isNotZero();
        assertThat(viaB.out()).contains("0 packets received");
    }

    @Test
    @Order(7)
    void aPortForwardReachesAGuestsListener() throws Exception {
        CliRun started = CliRun.run(home, "start", "c");
        f.trackSession("c");
        assertThat(started.status()).as(started.err()).isZero();
        ok("exec", "c", "--", "sh", "-c", "mkdir -p /tmp/www && echo hello from c > /tmp/www/index.html"
                + " && httpd -p 8080 -h /tmp/www");
        // The guest's DHCP lease (the forward's target, 10.0.9.15) may still be on its way.
        NetworkFixture.await("the guest's address", Duration.ofSeconds(60), () -> CliRun.run(home, "exec", "c", "--",
                "sh", "-c", "ip -4 addr show eth0 | grep -q 10.0.9.15").status() == 0);

        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), forwardPort)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /index.html HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.").contains("hello from c");
        }
    }

    @Test
    @Order(8)
    void aSwitchKilledWithSigkillIsReportedAndItsGuestsAreConnectedAgain() throws Exception {
        long pid = switchPid("lan");

        assertThat(Posix.kill(pid, Posix.SIGKILL)).isTrue();

        NetworkFixture.await("the guests plugged in again", Duration.ofSeconds(90), () -> {
            String show = CliRun.run(home, "network", "show", "lan").out();
            return show.contains("a plugged in again (eth0)") && show.contains("b plugged in again (eth1)");
        });
        String show = CliRun.run(home, "network", "show", "lan").out();
        assertThat(show).contains("the switch ended unexpectedly (killed by signal 9); restarting it",
                "the switch runs again").contains("State:       running");
        assertThat(switchPid("lan")).isNotEqualTo(pid);
        CliRun ping = CliRun.run(home, "exec", "a", "--", "ping", "-c", "2", "-W", "5", "192.168.60.3");
        assertThat(ping.status()).as(ping.out()).isZero();
    }

    @Test
    @Order(9)
    void theNetworksProcessesEndWithTheLastGuest() throws Exception {
        long lan = switchPid("lan");
        long nat = switchPid("default");
        ok("stop", "a");
        assertThat(CliRun.run(home, "network", "show", "lan").out()).contains("State:       running");
        ok("stop", "b");
        ok("stop", "c");

        NetworkFixture.await("every network to stop", Duration.ofSeconds(30), () -> {
            String list = CliRun.run(home, "network", "list").out();
            return list.lines().filter(l -> l.contains(" running ")).findAny().isEmpty();
        });
        NetworkFixture.await("the switches to end", Duration.ofSeconds(10), () -> !Posix.alive(lan)
                && !Posix.alive(nat));
        for (String n : List.of("lan", "default", "fwd")) {
            Path dir = f.paths().runtime().resolve("networks").resolve(n);
            assertThat(dir.resolve("switch")).doesNotExist();
            assertThat(dir.resolve("mgmt")).doesNotExist();
            assertThat(dir.resolve("keeper.pid")).doesNotExist();
            assertThat(CliRun.run(home, "network", "show", n).out()).contains("stopped: its last guest ended");
        }
    }

    private long switchPid(String network) throws Exception {
        String state = Files.readString(f.paths().runtime().resolve("networks").resolve(network).resolve("state"));
        return state.lines().filter(l -> l.startsWith("switchPid=")).map(l -> Long.parseLong(l.substring(10)))
                .findFirst().orElseThrow();
    }
}
