package org.umlmanager.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    private CompletableFuture<?> task(String device) {
        log.add("start " + device);
        CompletableFuture<Void> f = new CompletableFuture<>();
        pending.put(device, f);
        return f;
    }

    /** Runs the schedule on a thread of its own, completing tasks as the test says. */
    private CompletableFuture<Map<String, Schedule.Outcome>> runAsync(List<String> devices, Map<String, List<String>> after,
                                                                     int parallel) {
        CompletableFuture<Map<String, Schedule.Outcome>> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(Schedule.run(devices, after, parallel, this::task));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        t.start();
        return result;
    }

    private void awaitStarted(String device) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!pending.containsKey(device)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(device + " never started; log " + log);
            }
            Thread.onSpinWait();
            Thread.sleep(1);
        }
    }

    @Test
    void devicesStartAfterTheirDependenciesAndAtMostNAtOnce() throws Exception {
        var result = runAsync(List.of("pc1", "r1", "r2", "pc2"), Map.of("pc1", List.of("r1", "r2"), "pc2",
                List.of("r2")), 1);

        awaitStarted("r1");
        assertThat(log).containsExactly("start r1");
        pending.get("r1").complete(null);
        awaitStarted("r2");
        pending.get("r2").complete(null);
        awaitStarted("pc1");
        pending.get("pc1").complete(null);
        awaitStarted("pc2");
        pending.get("pc2").complete(null);

        assertThat(result.get()).allSatisfy((d, o) -> assertThat(o).isInstanceOf(Schedule.Outcome.Done.class));
        assertThat(log).containsExactly("start r1", "start r2", "start pc1", "start pc2");
    }

    @Test
    void independentDevicesRunInParallelUpToTheLimit() throws Exception {
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger now = new AtomicInteger();
        List<String> devices = List.of("a", "b", "c", "d", "e");
        Map<String, Schedule.Outcome> out = Schedule.run(devices, Map.of(), 3, d -> CompletableFuture.runAsync(() -> {
            peak.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.decrementAndGet();
        }));

        assertThat(out).hasSize(5).allSatisfy((d, o) -> assertThat(o).isInstanceOf(Schedule.Outcome.Done.class));
        assertThat(peak.get()).isBetween(1, 3);
    }

    @Test
    void aFailureSkipsWhatWaitsForItAndNothingElse() throws Exception {
        var result = runAsync(List.of("r1", "r2", "pc1", "pc2"), Map.of("pc1", List.of("r1"), "pc2", List.of("r2")), 4);

        awaitStarted("r1");
        awaitStarted("r2");
        pending.get("r1").completeExceptionally(new IllegalStateException("kernel panic"));
        pending.get("r2").complete(null);
        awaitStarted("pc2");
        pending.get("pc2").complete(null);

        Map<String, Schedule.Outcome> out = result.get();
        assertThat(out.get("r1")).isEqualTo(new Schedule.Outcome.Failed("kernel panic"));
        assertThat(out.get("pc1")).isEqualTo(new Schedule.Outcome.Skipped("r1"));
        assertThat(out.get("pc2")).isInstanceOf(Schedule.Outcome.Done.class);
        assertThat(log).doesNotContain("start pc1");
    }

    @Test
    void reversedWaitsLetDependentsStopFirst() {
        assertThat(Schedule.reversed(List.of("r1", "pc1", "pc2"), Map.of("pc1", List.of("r1"), "pc2", List.of("r1"))))
                .containsEntry("r1", List.of("pc1", "pc2")).containsEntry("pc1", List.of()).containsEntry("pc2", List.of());
    }
}
