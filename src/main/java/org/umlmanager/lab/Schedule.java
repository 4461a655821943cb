package org.umlmanager.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Runs one task per device in dependency order: a device's task starts only once the task of every
 * device it waits for has succeeded, at most {@code parallel} run at once, and a device whose
 * dependency failed is not run at all. Starting a lab waits on lab.dep as it is; stopping waits on
 * it reversed ({@link #reversed}), so a device stops only after the devices that need it.
 */
public final class Schedule {

    /** What became of one device. */
    public sealed interface Outcome {
        /** The task completed. */
        record Done() implements Outcome {
        }

        /** The task failed; {@code reason} is for people. */
        record Failed(String reason) implements Outcome {
        }

        /** Not run because {@code dependency} did not succeed. */
        record Skipped(String dependency) implements Outcome {
        }
    }

    private Schedule() {
    }

    /** Waits reversed: each device waits for the devices that waited for it. */
    public static Map<String, List<String>> reversed(List<String> devices, Map<String, List<String>> after) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String d : devices) {
            out.put(d, new ArrayList<>());
        }
        for (String device : devices) {
            after.getOrDefault(device, List.of()).forEach(w -> out.computeIfAbsent(w, k -> new ArrayList<>()).add(device));
        }
        return out;
    }

    /**
     * Runs {@code task} for every device and blocks until all are done, failed or skipped. Devices
     * are taken in the order given whenever their dependencies allow. The task's future may
     * complete on any thread.
     *
     * @param after    for each device, the devices whose tasks must succeed first (unknown names are ignored)
     * @param parallel at most this many tasks at once (at least 1)
     * @return each device's outcome, in the order given
     */
    public static Map<String, Outcome> run(List<String> devices, Map<String, List<String>> after, int parallel,
                                           Function<String, CompletableFuture<?>> task) throws InterruptedException {
        Objects.requireNonNull(task, "task");
        int limit = Math.max(1, parallel);
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> waiting = new ArrayList<>(devices);
        LinkedBlockingQueue<Map.Entry<String, Outcome>> finished = new LinkedBlockingQueue<>();
        int running = 0;
        while (!waiting.isEmpty() || running > 0) {
            boolean progress = true;
            while (progress) {
                progress = false;
                for (String device : new ArrayList<>(waiting)) {
                    List<String> deps = after.getOrDefault(device, List.of()).stream().filter(devices::contains).toList();
                    String failedDep = deps.stream().filter(d -> outcomes.containsKey(d)
                            && !(outcomes.get(d) instanceof Outcome.Done)).findFirst().orElse(null);
                    if (failedDep != null) {
                        waiting.remove(device);
                        outcomes.put(device, new Outcome.Skipped(failedDep));
                        progress = true;
                    } else if (running < limit && deps.stream().allMatch(d -> outcomes.get(d) instanceof Outcome.Done)) {
                        waiting.remove(device);
                        running++;
                        progress = true;
                        CompletableFuture<?> f;
                        try {
                            f = task.apply(device);
                        } catch (RuntimeException e) {
                            f = CompletableFuture.failedFuture(e);
                        }
                        f.whenComplete((v, e) -> finished.add(Map.entry(device, e == null ? new Outcome.Done()
                                : new Outcome.Failed(describe(e)))));
                    }
                }
            }
            if (running == 0) {
                // Nothing runs and nothing could start: the rest wait for devices that never come (a cycle).
                for (String device : waiting) {
                    outcomes.put(device, new Outcome.Skipped(after.getOrDefault(device, List.of()).stream()
                            .filter(waiting::contains).findFirst().orElse("?")));
                }
                waiting.clear();
                break;
            }
            Map.Entry<String, Outcome> done = finished.take();
            outcomes.put(done.getKey(), done.getValue());
            running--;
        }
        Map<String, Outcome> ordered = new LinkedHashMap<>();
        devices.forEach(d -> ordered.put(d, outcomes.get(d)));
        return ordered;
    }

    private static String describe(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
