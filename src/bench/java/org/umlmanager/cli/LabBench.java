package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.network.NetworkFixture;
import org.umlmanager.testing.LabDirectories;
import org.umlmanager.testing.UmlKernel;

/**
 * A 10-device lab with real guests (two routers, eight hosts, three collision domains, busybox
 * base): how long {@code lab start} takes until every device has run its startup files, and until
 * every device answers {@code exec}; and the lab's memory while it runs, as the sum of the PSS of
 * every process it consists of (the UML kernels with their helper processes, the switches, and UML
 * Manager's own processes: the supervisor that holds the guests and the networks' keepers), per
 * kind. Results go to {@code bench-results/lab.txt}. No target: the figures are for the README.
 */
class LabBench {

    private static final int ROUNDS = 3;
    private static final int HOSTS_PER_SIDE = 4;

    @Test
    void tenDeviceLabStartAndMemory() throws Exception {
        UmlKernel.requireTool("vde_switch", "apt-get install vde2 libvdeplug-slirp");
        List<Double> ready = new ArrayList<>();
        List<Double> exec = new ArrayList<>();
        List<Double> stop = new ArrayList<>();
        Map<String, Long> pss = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        String load;
        double importSeconds;
        try (GuestFixture f = GuestFixture.create()) {
            Path home = f.dir();
            NetworkFixture nets = new NetworkFixture(f.paths().runtime());
            List<String> devices = new ArrayList<>(List.of("r1", "r2"));
            for (int i = 1; i <= 2 * HOSTS_PER_SIDE; i++) {
                devices.add("h" + i);
            }
            try {
                for (String d : List.of("A", "B", "C")) {
                    nets.track("ten-" + d);
                }
                Path dir = tenDevices(home.resolve("ten"));
                long t = System.nanoTime();
                ok(home, "lab", "import", dir.toString(), "--rootfs", "busybox");
                importSeconds = seconds(t);
                for (int round = 0; round < ROUNDS; round++) {
                    long t0 = System.nanoTime();
                    ok(home, "lab", "start", "ten");
                    ready.add(seconds(t0));
                    devices.forEach(d -> f.trackSession("ten-" + d));
                    List<CompletableFuture<CliRun>> probes = devices.stream().map(d -> CompletableFuture.supplyAsync(
                            () -> CliRun.run(home, "exec", "ten-" + d, "--", "true"))).toList();
                    for (CompletableFuture<CliRun> p : probes) {
                        assertThat(p.join().status()).as(p.join().err()).isZero();
                    }
                    exec.add(seconds(t0));
                    assertThat(CliRun.run(home, "exec", "ten-h1", "--", "ping", "-c", "1", "-W", "5", "10.0.3.15")
                            .status()).as("h1 reaches h5 across both routers").isZero();
                    if (round == ROUNDS - 1) {
                        measure(home, pss, counts);
                    }
                    long t1 = System.nanoTime();
                    ok(home, "lab", "stop", "ten");
                    stop.add(seconds(t1));
                }
                load = Files.readString(Path.of("/proc/loadavg")).trim();
            } finally {
                CliRun.run(home, "lab", "stop", "ten", "--force");
                nets.close();
            }
        }
        long total = pss.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder report = new StringBuilder();
        report.append("10-device lab (2 routers, 8 hosts, 3 collision domains; busybox base, 64M each) (")
                .append(Instant.now()).append(")\n");
        report.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cpus, load average ")
                .append(load).append('\n');
        report.append(String.format("import (base image made, 10 COW files): %.1f s%n", importSeconds));
        report.append(String.format("%n%-58s %8s   %s%n", "", "median", "all rounds"));
        row(report, "lab start until every device ran its startup files (s)", ready);
        row(report, "lab start until every device answered exec (s)", exec);
        row(report, "lab stop (graceful, shutdown files, then networks) (s)", stop);
        report.append(String.format("%nmemory while the lab runs (PSS, /proc/PID/smaps_rollup), last round:%n"));
        pss.forEach((kind, kib) -> report.append(String.format("  %-44s %4d processes %8.1f MiB%n", kind,
                counts.get(kind), kib / 1024.0)));
        report.append(String.format("  %-44s %4d processes %8.1f MiB%n", "total",
                counts.values().stream().mapToInt(Integer::intValue).sum(), total / 1024.0));
        Path out = Path.of(System.getProperty("bench.results", "bench-results"), "lab.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.print(report);
    }

    /** The two-router lab's shape with four hosts on each side: h1-h4 on A, h5-h8 on C. */
    static Path tenDevices(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder conf = new StringBuilder("LAB_DESCRIPTION=\"benchmark: 2 routers, 8 hosts\"\n");
        conf.append("r1[0]=A\nr1[1]=B\nr2[0]=B\nr2[1]=C\n");
        LabDirectories.write(dir, "r1.startup", "ip addr add 10.0.1.1/24 dev eth0\nip addr add 10.0.2.1/24 dev eth1\n"
                + "ip route add 10.0.3.0/24 via 10.0.2.2\n");
        LabDirectories.write(dir, "r2.startup", "ip addr add 10.0.2.2/24 dev eth0\nip addr add 10.0.3.1/24 dev eth1\n"
                + "ip route add 10.0.1.0/24 via 10.0.2.1\n");
        for (int i = 1; i <= 2 * HOSTS_PER_SIDE; i++) {
            boolean left = i <= HOSTS_PER_SIDE;
            String net = left ? "10.0.1" : "10.0.3";
            conf.append("h").append(i).append("[0]=").append(left ? "A" : "C").append('\n');
            LabDirectories.write(dir, "h" + i + ".startup", "ip addr add " + net + "." + (10 + i) + "/24 dev eth0\n"
                    + "ip route add default via " + net + ".1\n");
        }
        LabDirectories.write(dir, "lab.conf", conf.toString());
        return dir;
    }

    /** PSS of every process whose command line names a path under {@code home}, by kind. */
    private static void measure(Path home, Map<String, Long> pss, Map<String, Integer> counts) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (!cmd.contains(home.toString()) || Long.parseLong(p.getFileName().toString())
                            == ProcessHandle.current().pid()) {
                        continue;
                    }
                    String kind = kind(cmd);
                    long kib = pssKib(p);
                    pss.merge(kind, kib, Long::sum);
                    counts.merge(kind, 1, Integer::sum);
                } catch (IOException e) {
                    // ended meanwhile
                }
            }
        }
    }

    private static String kind(String cmd) {
        if (cmd.contains("vde_switch")) {
            return "switches (vde_switch)";
        }
        if (cmd.contains("vde_plug")) {
            return "the kernels' vde_plug helpers";
        }
        if (cmd.contains("KeeperMain")) {
            return "UML Manager: network keepers (JVM)";
        }
        if (cmd.contains("java")) {
            return "UML Manager: the supervisor (JVM)";
        }
        return cmd.contains(" umid=") || cmd.contains("ubd0=") ? "UML kernels (with their helper processes)"
                : "other: " + cmd.split(" ")[0];
    }

    private static long pssKib(Path proc) throws IOException {
        for (String line : Files.readAllLines(proc.resolve("smaps_rollup"))) {
            if (line.startsWith("Pss:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static void row(StringBuilder report, String what, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        report.append(String.format("%-58s %8.1f   %s%n", what, sorted.get(sorted.size() / 2), values.stream()
                .map(v -> String.format("%.1f", v)).toList()));
    }

    private static double seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toMillis() / 1000.0;
    }

    private static CliRun ok(Path home, String... args) {
        CliRun run = CliRun.run(home, args);
        assertThat(run.status()).as(String.join(" ", args) + ":\n" + run.out() + run.err()).isZero();
        return run;
    }
}
