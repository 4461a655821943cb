package org.umlmanager.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.mconsole.MconsoleReply;

/**
 * Samples the CPU and memory of running guests on a thread of its own: CPU from the host's
 * {@code /proc} (the UML process and everything under it, read through the tasks' {@code children}
 * files), every tick; memory from each guest's own {@code /proc/meminfo} through mconsole
 * ({@code proc meminfo}), every {@link #MEMORY_EVERY} ticks. Results go to {@code sink} on the
 * sampler's thread, one list per tick, with the memory of the previous tick's requests (a guest
 * that does not answer in time is reported without memory rather than holding the others up).
 */
public final class UsageSampler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageSampler.class);
    private static final long KIB = 1024;
    /** Memory is asked for every this many ticks (every 10 s at the app's period of 2 s). */
    static final int MEMORY_EVERY = 5;

    private final Supplier<Map<String, Long>> guests;
    private final Function<String, CompletableFuture<MconsoleReply>> meminfo;
    private final Consumer<List<GuestUsage>> sink;
    private final Path proc;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Map<String, Long> lastTicks = new HashMap<>();
    private final Map<String, Long> lastPid = new HashMap<>();
    private final Map<String, long[]> memory = new ConcurrentHashMap<>();
    private Instant lastAt;
    private long ticks;

    /**
     * @param guests  the running guests to sample: name to UML process id (read on the sampler's thread)
     * @param meminfo the reply to {@code proc meminfo} of a guest, by name
     * @param sink    receives each tick's samples, on the sampler's thread
     */
    public UsageSampler(Supplier<Map<String, Long>> guests, Function<String, CompletableFuture<MconsoleReply>> meminfo,
                        Consumer<List<GuestUsage>> sink, Path proc, Clock clock) {
        this.guests = guests;
        this.meminfo = meminfo;
        this.sink = sink;
        this.proc = proc;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "uml-manager-usage");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    public UsageSampler(Supplier<Map<String, Long>> guests, Function<String, CompletableFuture<MconsoleReply>> meminfo,
                        Consumer<List<GuestUsage>> sink) {
        this(guests, meminfo, sink, Path.of("/proc"), Clock.systemUTC());
    }

    /** Samples every {@code period} from now on. */
    public void start(Duration period) {
        timer.scheduleWithFixedDelay(this::tickSafely, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tickSafely() {
        try {
            sink.accept(tick());
        } catch (RuntimeException | IOException e) {
            LOG.debug("Sampling the guests' usage failed: {}", e.getMessage());
        }
    }

    /** One sample of every guest: what {@link #start} does each period (public for tests and benchmarks). */
    public List<GuestUsage> tick() throws IOException {
        Map<String, Long> now = guests.get();
        lastTicks.keySet().retainAll(now.keySet());
        memory.keySet().retainAll(now.keySet());
        if (now.isEmpty()) {
            lastAt = null;
            return List.of();
        }
        Instant at = clock.instant();
        HostProcesses processes = HostProcesses.readTrees(proc, now.values());
        double seconds = lastAt == null ? 0 : Duration.between(lastAt, at).toNanos() / 1e9;
        List<GuestUsage> out = new ArrayList<>();
        for (Map.Entry<String, Long> g : now.entrySet()) {
            String name = g.getKey();
            long pid = g.getValue();
            var used0 = processes.treeTicks(pid);
            OptionalDouble cpu = OptionalDouble.empty();
            // A new process (a restart) starts its count again.
            boolean samePid = lastPid.containsKey(name) && lastPid.get(name) == pid;
            if (used0.isPresent() && samePid && lastTicks.containsKey(name) && seconds > 0) {
                long used = Math.max(0, used0.get() - lastTicks.get(name));
                cpu = OptionalDouble.of(used / (double) HostProcesses.TICKS_PER_SECOND / seconds);
            }
            used0.ifPresentOrElse(t -> lastTicks.put(name, t), () -> lastTicks.remove(name));
            lastPid.put(name, pid);
            long[] mem = memory.get(name);
            out.add(new GuestUsage(name, at, cpu, mem == null ? OptionalLong.empty() : OptionalLong.of(mem[0]),
                    mem == null ? OptionalLong.empty() : OptionalLong.of(mem[1])));
            // Memory moves slowly and costs a request to the guest: every MEMORY_EVERY ticks, and at once for a new one.
            if (mem == null || ticks % MEMORY_EVERY == 0) {
                requestMemory(name);
            }
        }
        lastAt = at;
        this.ticks++;
        return out;
    }

    private void requestMemory(String name) {
        meminfo.apply(name).orTimeout(5, TimeUnit.SECONDS).whenComplete((reply, error) -> {
            if (error != null || !reply.ok()) {
                memory.remove(name);
                return;
            }
            long[] parsed = parseMeminfo(reply.text());
            if (parsed == null) {
                memory.remove(name);
            } else {
                memory.put(name, parsed);
            }
        });
    }

    /** {used, total} in bytes from a meminfo text (MemTotal − MemAvailable), or null when it has neither. */
    static long[] parseMeminfo(String text) {
        long total = -1;
        long available = -1;
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && f[0].equals("MemTotal:")) {
                total = Long.parseLong(f[1]) * KIB;
            } else if (f.length >= 2 && f[0].equals("MemAvailable:")) {
                available = Long.parseLong(f[1]) * KIB;
            }
        }
        return total < 0 || available < 0 ? null : new long[] {total - available, total};
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
