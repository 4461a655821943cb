package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;

/**
 * What sampling the CPU and memory of 32 running guests costs, as the desktop app samples them
 * (every 2 s the guests' process trees in /proc; every 10 s {@code proc meminfo} from each guest's
 * mconsole):
 * the sampler thread's own CPU time, and the CPU that the app's process, the holders and the
 * guests used in a minute with sampling (after a minute of it to warm up) against a minute without
 * (idle busybox guests). Target:
 * under 1 % of one core. Results go to {@code bench-results/usage-sampling.txt}.
 */
class UsageSamplerBench {

    private static final int GUESTS = 32;
    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final double TARGET_PERCENT = 1.0;

    @Test
    void samplingThirtyTwoGuestsCostsUnderOnePercent() throws Exception {
        ExecutorService work = Executors.newCachedThreadPool();
        ExecutorService events = Executors.newSingleThreadExecutor();
        String report;
        double samplerPercent;
        try (GuestFixture f = GuestFixture.create()) {
            List<Instance> instances = new CopyOnWriteArrayList<>();
            SupervisorLauncher launcher = SupervisorLauncher.forThisJvm(f.layout());
            try (RuntimeService runtime = new RuntimeService(f.layout(), launcher, () -> instances, work, events)) {
                Map<String, Long> pids = new ConcurrentHashMap<>();
                List<Long> holders = new ArrayList<>();
                for (int i = 0; i < GUESTS; i++) {
                    Instance instance = f.instance("use" + i).build();
                    instances.add(instance);
                    runtime.start(instance).get(120, TimeUnit.SECONDS);
                    f.trackSession(instance.name());
                }
                for (Instance i : instances) {
                    runtime.whenRunning(i.name()).get(300, TimeUnit.SECONDS);
                }
                // The UML processes, as the desktop app learns them: from the guests' statuses.
                for (GuestStatus s : runtime.list().get(60, TimeUnit.SECONDS)) {
                    if (s.state().active() && s.pid().isPresent()) {
                        pids.put(s.name(), s.pid().getAsLong());
                    }
                }
                assertThat(pids).as("every guest runs with a known process").hasSize(GUESTS);
                // One supervisor is every guest's parent: counted once.
                for (Instance i : instances) {
                    long parent = ProcessHandle.of(pids.get(i.name())).flatMap(ProcessHandle::parent).orElseThrow().pid();
                    if (!holders.contains(parent)) {
                        holders.add(parent);
                    }
                }
                // Let the boots finish their work before measuring idle guests.
                Thread.sleep(20_000);
                long self = ProcessHandle.current().pid();
                AtomicLong ticks = new AtomicLong();
                AtomicLong samplerNanos = new AtomicLong();
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();

                long[] before = totals(self, holders, pids);
                Thread.sleep(WINDOW.toMillis());
                long[] idle = totals(self, holders, pids);

                try (GuestMeminfo meminfo = new GuestMeminfo(runtime);
                     UsageSampler sampler = new UsageSampler(() -> pids, meminfo::read, samples -> {
                            ticks.incrementAndGet();
                            samplerNanos.set(threads.getCurrentThreadCpuTime());
                        })) {
                    sampler.start(PERIOD);
                    // A minute to warm up (class loading and the JIT compiling the sampler are paid once), then measure.
                    Thread.sleep(WINDOW.toMillis());
                    long samplerBefore = samplerNanos.get();
                    long ticksBefore = ticks.get();
                    long[] start = totals(self, holders, pids);
                    Thread.sleep(WINDOW.toMillis());
                    long[] sampled = totals(self, holders, pids);
                    samplerPercent = (samplerNanos.get() - samplerBefore) / 1e9 / WINDOW.toSeconds() * 100;
                    ticks.addAndGet(-ticksBefore);
                    double idlePercent = percent(before, idle);
                    double sampledPercent = percent(start, sampled);
                    report = String.join("\n",
                            "sampling CPU and memory of " + GUESTS + " running guests every " + PERIOD.toSeconds()
                                    + " s (" + Instant.now() + ")",
                            "machine: " + Runtime.getRuntime().availableProcessors() + " cpus, load average "
                                    + Files.readString(Path.of("/proc/loadavg")).trim(),
                            "ticks in the measured " + WINDOW.toSeconds() + " s (after a minute of warm-up): " + ticks.get(),
                            String.format("sampler thread's own CPU: %.3f %% of one core (target < %.0f %%)",
                                    samplerPercent, TARGET_PERCENT),
                            String.format("app process + %d supervisor + %d guests, one minute without sampling: %.2f %%"
                                    + " of one core (app %.2f, supervisor %.2f, guests %.2f)", holders.size(), GUESTS,
                                    idlePercent, part(before, idle, 0), part(before, idle, 1), part(before, idle, 2)),
                            String.format("the same, one minute with sampling: %.2f %% (app %.2f, supervisor %.2f,"
                                    + " guests %.2f)", sampledPercent, part(start, sampled, 0),
                                    part(start, sampled, 1), part(start, sampled, 2)),
                            String.format("difference: %+.2f %% of one core", sampledPercent - idlePercent),
                            "");
                }
                for (Instance i : instances) {
                    runtime.stop(i.name(), StopMode.FORCE, s -> { }).get(60, TimeUnit.SECONDS);
                }
            }
        } finally {
            work.shutdownNow();
            events.shutdownNow();
        }
        Path dir = Path.of(System.getProperty("bench.results", "bench-results"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("usage-sampling.txt"), report, StandardCharsets.UTF_8);
        LoggerFactory.getLogger(UsageSamplerBench.class).info("\n{}", report);
        assertThat(samplerPercent).isLessThan(TARGET_PERCENT);
    }

    /** CPU ticks so far of {app, holders, guests with everything under them}, and the time, as one array. */
    private static long[] totals(long self, List<Long> holders, Map<String, Long> guests) throws Exception {
        HostProcesses p = HostProcesses.read(Path.of("/proc"));
        long app = p.ticks(self).orElse(0L);
        long holder = 0;
        long guest = 0;
        for (long h : holders) {
            holder += p.ticks(h).orElse(0L);
        }
        for (long g : guests.values()) {
            guest += p.treeTicks(g).orElse(0L);
        }
        return new long[] {app, holder, guest, System.nanoTime()};
    }

    private static double part(long[] from, long[] to, int which) {
        double seconds = (to[3] - from[3]) / 1e9;
        return (to[which] - from[which]) / (double) HostProcesses.TICKS_PER_SECOND / seconds * 100;
    }

    private static double percent(long[] from, long[] to) {
        return part(from, to, 0) + part(from, to, 1) + part(from, to, 2);
    }
}
