package org.umlmanager.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.model.Instance;
import org.umlmanager.service.RuntimeService;

/**
 * Time from asking for a start to the first byte of the guest's console, through the service,
 * versus running the same kernel command line from a shell on a terminal ({@code sh -c 'exec
 * linux …'} on a pty, reading its output). Through the service: with the supervisor running and a
 * connection to it ready (as the desktop app starts guests), and with no supervisor running (as the
 * first start from the CLI: a JVM starts first). Rounds interleave the three so that load changes
 * hit them alike. Target: the ready median at most 100 ms above the shell's. Results go to
 * {@code bench-results/start-latency.txt}.
 */
class StartLatencyBench {

    private static final int ROUNDS = 12;
    private static final double TARGET_OVERHEAD_MS = 100;

    @Test
    void startToFirstConsoleByte() throws Exception {
        List<Long> shell = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        List<Long> cold = new ArrayList<>();
        ExecutorService work = Executors.newCachedThreadPool();
        ExecutorService events = Executors.newSingleThreadExecutor();
        try (GuestFixture f = GuestFixture.create()) {
            List<Instance> instances = new CopyOnWriteArrayList<>();
            SupervisorLauncher launcher = SupervisorLauncher.forThisJvm(f.layout());
            // Its own runtime directory, and a supervisor that exits as soon as it is idle: none runs at each start.
            RuntimeLayout coldLayout = new RuntimeLayout(f.dir().resolve("cold-sessions"), f.dir().resolve("cold-sup"),
                    f.layout().logsDir(), f.layout().defaultUmlDir(), f.dir());
            SupervisorLauncher coldLauncher = SupervisorLauncher.forThisJvm(coldLayout)
                    .withProperty("umlmanager.supervisor.idle", "PT0.1S");
            try (RuntimeService spare = new RuntimeService(f.layout(), launcher, () -> instances, work, events);
                 RuntimeService plain = new RuntimeService(coldLayout, coldLauncher, () -> instances, work, events)) {
                spare.prewarm().get(60, TimeUnit.SECONDS);
                for (int round = -1; round < ROUNDS; round++) {
                    // Round -1 warms up the JIT, the page cache and pty4j; it is not counted.
                    long s = viaShell(f, f.instance("sh" + round).build());
                    spare.prewarm().get(60, TimeUnit.SECONDS);
                    long w = viaService(f, f.layout(), spare, instances, f.instance("warm" + round).build());
                    Instance coldOne = f.instance("cold" + round).build();
                    long c = viaService(f, coldLayout, plain, instances, coldOne);
                    awaitExit(SessionFile.read(SessionPaths.of(coldLayout.sessionsDir(), coldOne.name())
                            .sessionFile()).orElseThrow().snapshot().holderPid());
                    if (round >= 0) {
                        shell.add(s);
                        warm.add(w);
                        cold.add(c);
                    }
                }
            }
        } finally {
            work.shutdownNow();
            events.shutdownNow();
        }
        Stats sh = Stats.of(shell);
        Stats sp = Stats.of(warm);
        Stats co = Stats.of(cold);
        double overhead = sp.median - sh.median;
        String report = String.join("\n",
                "start to first console byte (" + Instant.now() + ")",
                "machine: " + Runtime.getRuntime().availableProcessors() + " cpus, load average "
                        + Files.readString(Path.of("/proc/loadavg")).trim(),
                "",
                String.format("%-44s %8s %10s %10s %10s", "", "samples", "median", "p90", "mean"),
                sh.line("shell: sh -c 'exec linux ...' on a pty"),
                sp.line("service.start, supervisor running, ready"),
                co.line("service.start, no supervisor running"),
                "",
                String.format("overhead with the supervisor ready: %+.0f ms at the median (target <= %.0f ms): %s",
                        overhead, TARGET_OVERHEAD_MS, overhead <= TARGET_OVERHEAD_MS ? "met" : "NOT met"),
                String.format("overhead with no supervisor:        %+.0f ms at the median", co.median - sh.median),
                "");
        Path dir = Path.of(System.getProperty("bench.results", "bench-results"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("start-latency.txt"), report, StandardCharsets.UTF_8);
        LoggerFactory.getLogger(StartLatencyBench.class).info("\n{}", report);
        assertThat(overhead).as("start latency over a shell, supervisor ready").isLessThanOrEqualTo(TARGET_OVERHEAD_MS);
    }

    /** Runs the instance's command line from a shell on a pty; nanoseconds to its first output byte. */
    private static long viaShell(GuestFixture f, Instance instance) throws Exception {
        String line = CommandLineGenerator.launchCommand(instance, new GenerateOptions(
                Optional.of(f.layout().defaultUmlDir()), Optional.empty())).toShellLine();
        Map<String, String> env = new HashMap<>(System.getenv());
        PtyNatives.prepare();
        long t0 = System.nanoTime();
        PtyProcess p = new PtyProcessBuilder(new String[] {"sh", "-c", "exec " + line}).setEnvironment(env)
                .setDirectory(f.dir().toString()).start();
        int first = p.getInputStream().read();
        long elapsed = System.nanoTime() - t0;
        assertThat(first).isNotNegative();
        // Not a stop to measure: kill the kernel and its helpers, reap it, remove what SIGKILL leaves.
        Posix.killGroup(p.pid(), Posix.SIGKILL);
        Posix.kill(p.pid(), Posix.SIGKILL);
        p.waitFor(10, TimeUnit.SECONDS);
        deleteTree(f.layout().defaultUmlDir().resolve(instance.umid()));
        return elapsed;
    }

    /** Starts the instance through {@code runtime}; nanoseconds from the call to the first console byte. */
    private static long viaService(GuestFixture f, RuntimeLayout layout, RuntimeService runtime,
                                   List<Instance> instances, Instance instance) throws Exception {
        instances.add(instance);
        long t0 = System.nanoTime();
        runtime.start(instance).get(60, TimeUnit.SECONDS);
        try (ConsoleStream con0 = runtime.openConsole(instance.name(), "con0").get(10, TimeUnit.SECONDS)) {
            int first = con0.input().read();
            long elapsed = System.nanoTime() - t0;
            SessionFile.read(SessionPaths.of(layout.sessionsDir(), instance.name()).sessionFile())
                    .ifPresent(r -> f.track(r.snapshot(), r.umlDir()));
            assertThat(first).isNotNegative();
            runtime.whenRunning(instance.name()).get(60, TimeUnit.SECONDS);
            runtime.stop(instance.name(), StopMode.FORCE, s -> { }).get(30, TimeUnit.SECONDS);
            return elapsed;
        }
    }

    /** Waits until the idle supervisor {@code pid} has exited, so that the next start finds none. */
    private static void awaitExit(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Posix.alive(pid)) {
            assertThat(System.nanoTime()).as("the idle supervisor exits").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private record Stats(int n, double median, double p90, double mean) {
        static Stats of(List<Long> nanos) {
            long[] s = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
            return new Stats(s.length, median / 1e6, s[(int) Math.ceil(s.length * 0.9) - 1] / 1e6,
                    java.util.Arrays.stream(s).average().orElse(0) / 1e6);
        }

        String line(String name) {
            return String.format("%-44s %8d %7.0f ms %7.0f ms %7.0f ms", name, n, median, p90, mean);
        }
    }
}
