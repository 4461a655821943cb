package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.network.NetworkFixture;
import org.umlmanager.testing.UmlKernel;

/**
 * Throughput and round-trip time of networks with real busybox guests: TCP guest to guest on a
 * switch, TCP guest to host over the built-in NAT (to a listener on the host's 127.0.0.1, through
 * the gateway address), ping in both places, and a TCP stream over the host's own loopback as the
 * limit beside them. Each transfer is {@value #MIB} MiB of zeros ({@code dd | nc}); rounds
 * alternate the flows so that load changes hit them alike. Results go to
 * {@code bench-results/network.txt}. No target: the figures are for the README.
 */
class NetworkBench {

    private static final int ROUNDS = 3;
    private static final int MIB = 64;
    private static final Pattern RTT = Pattern.compile("min/avg/max = ([0-9.]+)/([0-9.]+)/([0-9.]+) ms");

    @Test
    void throughputAndRoundTrips() throws Exception {
        UmlKernel.requireTool("vde_switch", "apt-get install vde2 libvdeplug-slirp");
        List<Double> switchMbit = new ArrayList<>();
        List<Double> natMbit = new ArrayList<>();
        List<Double> switchRtt = new ArrayList<>();
        List<Double> natRtt = new ArrayList<>();
        List<Double> loopbackMbit = new ArrayList<>();
        String load;
        try (GuestFixture f = GuestFixture.create()) {
            Path home = f.dir();
            NetworkFixture nets = new NetworkFixture(f.paths().runtime());
            try {
                nets.track("lan");
                nets.track("default");
                ok(home, "network", "create", "lan", "--switch");
                ok(home, "create", "a", "--rootfs", "busybox", "--net", "network=lan,ip=192.168.70.2/24",
                        "--net", "network=default");
                ok(home, "create", "b", "--rootfs", "busybox", "--net", "network=lan,ip=192.168.70.3/24");
                for (String g : List.of("a", "b")) {
                    CliRun started = CliRun.run(home, "start", g);
                    f.trackSession(g);
                    assertThat(started.status()).as(started.err()).isZero();
                }
                NetworkFixture.await("a's DHCP address", java.time.Duration.ofSeconds(60), () -> CliRun.run(home,
                        "exec", "a", "--", "sh", "-c", "ip -4 addr show eth1 | grep -q 10.0.2.").status() == 0);
                for (int round = 0; round < ROUNDS; round++) {
                    switchMbit.add(guestToGuest(home));
                    natMbit.add(guestToHost(home));
                    switchRtt.add(rtt(home, "192.168.70.3"));
                    natRtt.add(rtt(home, "10.0.2.2"));
                    loopbackMbit.add(hostLoopback());
                }
                load = Files.readString(Path.of("/proc/loadavg")).trim();
                for (String g : List.of("a", "b")) {
                    CliRun.run(home, "stop", g, "--force");
                }
            } finally {
                nets.close();
            }
        }
        String report = String.join("\n",
                "network throughput and round trips (" + Instant.now() + ")",
                "machine: " + Runtime.getRuntime().availableProcessors() + " cpus, load average " + load,
                "each transfer " + MIB + " MiB (dd | nc in busybox guests with 64M of memory), " + ROUNDS
                        + " rounds, medians",
                "",
                String.format("%-48s %10s   %s", "", "median", "all rounds"),
                line("TCP guest -> guest on a switch (Mbit/s)", switchMbit),
                line("TCP guest -> host's 127.0.0.1 over NAT (Mbit/s)", natMbit),
                line("TCP over the host's loopback (Mbit/s)", loopbackMbit),
                line("ping guest -> guest on a switch (ms)", switchRtt),
                line("ping guest -> NAT gateway 10.0.2.2 (ms)", natRtt),
                "");
        Path out = Path.of(System.getProperty("bench.results", "bench-results"), "network.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static String line(String what, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("%-48s %10.1f   %s", what, sorted.get(sorted.size() / 2),
                values.stream().map(v -> String.format("%.1f", v)).toList());
    }

    private static void ok(Path home, String... args) {
        CliRun run = CliRun.run(home, args);
        assertThat(run.status()).as(String.join(" ", args) + ": " + run.err()).isZero();
    }

    /** b listens, a sends; timed in a from before dd to nc's end (the last bytes in flight are under 1%). */
    private static double guestToGuest(Path home) {
        ok(home, "exec", "b", "--", "sh", "-c", "rm -f /tmp/rx; (sleep 600 | nc -l -p 5001 | wc -c > /tmp/rx)"
                + " >/dev/null 2>&1 &");
        CliRun send = CliRun.run(home, "exec", "a", "--timeout", "600", "--", "sh", "-c",
                "a=$(cut -d' ' -f1 /proc/uptime); dd if=/dev/zero bs=64k count=" + (MIB * 16) + " 2>/dev/null"
                        + " | nc 192.168.70.3 5001; b=$(cut -d' ' -f1 /proc/uptime); echo $a $b");
        assertThat(send.status()).as(send.err()).isZero();
        String[] t = send.out().strip().split(" ");
        double seconds = Double.parseDouble(t[1]) - Double.parseDouble(t[0]);
        String received = "";
        for (int i = 0; i < 100 && received.isEmpty(); i++) {
            received = CliRun.run(home, "exec", "b", "--", "sh", "-c", "cat /tmp/rx 2>/dev/null").out().strip();
        }
        assertThat(received).isEqualTo(Long.toString((long) MIB << 20));
        CliRun.run(home, "exec", "b", "--", "sh", "-c", "kill $(pidof sleep) 2>/dev/null; true");
        return MIB * 8 * 1.048576 / seconds;
    }

    /** A listener on the host's loopback counts the bytes a sends to 10.0.2.2 and times them. */
    private static double guestToHost(Path home) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<double[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    byte[] buffer = new byte[1 << 16];
                    long total = 0;
                    long first = 0;
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        if (total == 0) {
                            first = System.nanoTime();
                        }
                        total += n;
                    }
                    return new double[] {total, (System.nanoTime() - first) / 1e9};
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            CliRun send = CliRun.run(home, "exec", "a", "--timeout", "600", "--", "sh", "-c",
                    "dd if=/dev/zero bs=64k count=" + (MIB * 16) + " 2>/dev/null | nc 10.0.2.2 "
                            + server.getLocalPort());
            assertThat(send.status()).as(send.err()).isZero();
            double[] r = received.get(600, TimeUnit.SECONDS);
            assertThat((long) r[0]).isEqualTo((long) MIB << 20);
            return r[0] * 8 / 1e6 / r[1];
        }
    }

    private static double rtt(Path home, String target) {
        CliRun ping = CliRun.run(home, "exec", "a", "--", "ping", "-c", "20", "-i", "0.2", target);
        Matcher m = RTT.matcher(ping.out());
        assertThat(m.find()).as(ping.out()).isTrue();
        return Double.parseDouble(m.group(2));
    }

    /** 1 GiB from one socket to another over 127.0.0.1 in this JVM. */
    private static double hostLoopback() throws Exception {
        long bytes = 1L << 30;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> sink = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    byte[] buffer = new byte[1 << 16];
                    long total = 0;
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                    }
                    return total;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long start = System.nanoTime();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 OutputStream out = s.getOutputStream()) {
                byte[] chunk = new byte[1 << 16];
                for (long sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk);
                }
            }
            assertThat(sink.get(120, TimeUnit.SECONDS)).isEqualTo(bytes);
            return bytes * 8 / 1e6 / ((System.nanoTime() - start) / 1e9);
        }
    }
}
