package org.umlmanager.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.umlmanager.launch.StopMode;
import org.umlmanager.launch.StopStep;
import org.umlmanager.model.Instance;

/**
 * One operation — start, shut down, force off — on many guests, at most {@code parallel} of them
 * at a time: a guest holds its place from the request until it runs (or has stopped), so that
 * booting kernels do not crowd the CPUs. The CLI's {@code start NAME... | --all} and {@code stop}
 * and the window's actions on a multi-selection run through here. Each guest's progress goes to
 * a listener (from the runtime's threads: it must not block); the result says how each one ended.
 * Nothing here blocks.
 */
public final class BulkRun {

    /** How long a guest may take from its start until it runs. */
    public static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);

    /** What is done to each guest. */
    public enum Operation {
        START("start", "Starting"), SHUT_DOWN("shut down", "Shutting down"), FORCE_OFF("force off", "Forcing off");

        private final String verb;
        private final String doing;

        Operation(String verb, String doing) {
            this.verb = verb;
            this.doing = doing;
        }

        /** "start", "shut down", "force off". */
        public String verb() {
            return verb;
        }

        /** "Starting", … */
        public String doing() {
            return doing;
        }
    }

    /** How one guest's part ended. */
    public enum Result {
        /** Done: it runs, or it has stopped. */
        DONE,
        /** Nothing to do (it was not running, for a stop). */
        SKIPPED,
        /** Refused for a reason the user can fix (a start the checks refused, an unknown name). */
        REFUSED,
        /** It went wrong while being done. */
        FAILED
    }

    /** A step of one guest's part; {@code finished} when it is the last one. */
    public record Progress(String name, String message, boolean finished) {
    }

    /** How one guest's part ended, with a message for people. */
    public record Outcome(String name, Result result, String message) {
        public Outcome {
            Objects.requireNonNull(name);
            Objects.requireNonNull(result);
            Objects.requireNonNull(message);
        }

        public boolean ok() {
            return result == Result.DONE || result == Result.SKIPPED;
        }
    }

    /** Every guest's outcome, in the order they were asked for. */
    public record Summary(Operation operation, List<Outcome> outcomes) {
        public Summary {
            outcomes = List.copyOf(outcomes);
        }

        public List<Outcome> failed() {
            return outcomes.stream().filter(o -> !o.ok()).toList();
        }

        public long count(Result result) {
            return outcomes.stream().filter(o -> o.result() == result).count();
        }

        /** "Started 31 of 32 guests; failed: db (its image is missing)". */
        public String text() {
            long done = count(Result.DONE);
            String verb = switch (operation) {
                case START -> "Started";
                case SHUT_DOWN -> "Shut down";
                case FORCE_OFF -> "Forced off";
            };
            String head = verb + " " + done + " of " + outcomes.size() + " guest" + (outcomes.size() == 1 ? "" : "s");
            long skipped = count(Result.SKIPPED);
            if (skipped > 0) {
                head += " (" + skipped + " not running)";
            }
            List<Outcome> failed = failed();
            return failed.isEmpty() ? head + "." : head + "; failed: " + failed.stream()
                    .map(o -> o.name() + " (" + o.message() + ")").collect(Collectors.joining(", "));
        }
    }

    private BulkRun() {
    }

    /** The default number of guests worked on at once: one per CPU. */
    public static int defaultParallel() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Starts {@code instances}, each until it runs. */
    public static CompletableFuture<Summary> start(GuestRuntime runtime, List<Instance> instances, int parallel,
                                                   Consumer<Progress> progress) {
        return run(Operation.START, instances, Instance::name, parallel, progress, instance -> {
            String name = instance.name();
            return runtime.start(instance).thenCompose(started -> {
                progress.accept(new Progress(name, "starting (pid " + started.pid().orElse(-1) + ")", false));
                return runtime.whenRunning(name).orTimeout(BOOT_TIMEOUT.toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            }).handle((up, error) -> error == null
                    ? new Outcome(name, Result.DONE, "running (pid " + up.pid().orElse(-1) + ")")
                    : failure(name, error, "has not come up within " + BOOT_TIMEOUT.toSeconds() + " s"));
        });
    }

    /** Shuts down ({@link StopMode#GRACEFUL}) or forces off the guests named {@code names}. */
    public static CompletableFuture<Summary> stop(GuestRuntime runtime, List<String> names, StopMode mode,
                                                  int parallel, Consumer<Progress> progress) {
        Operation operation = mode == StopMode.FORCE ? Operation.FORCE_OFF : Operation.SHUT_DOWN;
        return run(operation, names, n -> n, parallel, progress, name -> runtime.status(name).thenCompose(now -> {
            if (!now.state().active()) {
                return CompletableFuture.completedFuture(new Outcome(name, Result.SKIPPED, "not running"));
            }
            // The last step (stopped) is what the outcome says.
            return runtime.stop(name, mode, step -> {
                if (step.step() != StopStep.Step.STOPPED) {
                    progress.accept(new Progress(name, step.message(), false));
                }
            })
                    .thenApply(end -> new Outcome(name, Result.DONE, end.state().name().toLowerCase(Locale.ROOT)
                            + (end.reason().isEmpty() ? "" : " (" + end.reason() + ")")));
        }).exceptionally(error -> failure(name, error, "did not answer")));
    }

    private static Outcome failure(String name, Throwable error, String timeout) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof LaunchRefusedException refused) {
            return new Outcome(name, Result.REFUSED, refused.problems().stream()
                    .map(p -> p.subject() + ": " + p.message()).collect(Collectors.joining("; ")));
        }
        if (cause instanceof NoSuchGuestException) {
            return new Outcome(name, Result.REFUSED, "no instance or running guest of that name");
        }
        if (cause instanceof TimeoutException) {
            return new Outcome(name, Result.FAILED, timeout);
        }
        String message = cause.getMessage();
        return new Outcome(name, Result.FAILED, message == null || message.isBlank()
                ? cause.getClass().getSimpleName() : message);
    }

    /**
     * Runs {@code work} on each item, at most {@code parallel} at a time, the next one as soon as one
     * finishes; {@code work}'s futures never fail (they complete with an outcome).
     */
    private static <T> CompletableFuture<Summary> run(Operation operation, List<T> items, Function<T, String> name,
                                                      int parallel, Consumer<Progress> progress,
                                                      Function<T, CompletableFuture<Outcome>> work) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
        }
        Deque<T> waiting = new ArrayDeque<>(items);
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        CompletableFuture<Summary> all = new CompletableFuture<>();
        Runnable finishIfDone = () -> {
            if (outcomes.size() == items.size()) {
                List<Outcome> ordered = new ArrayList<>();
                items.forEach(i -> ordered.add(outcomes.get(name.apply(i))));
                all.complete(new Summary(operation, ordered));
            }
        };
        items.forEach(i -> progress.accept(new Progress(name.apply(i), "waiting", false)));
        Consumer<T> launch = new Consumer<>() {
            @Override
            public void accept(T item) {
                String n = name.apply(item);
                progress.accept(new Progress(n, operation.doing().toLowerCase(Locale.ROOT), false));
                CompletableFuture<Outcome> f;
                try {
                    f = work.apply(item);
                } catch (RuntimeException e) {
                    f = CompletableFuture.completedFuture(failure(n, e, ""));
                }
                f.exceptionally(e -> failure(n, e, "")).thenAccept(outcome -> {
                    progress.accept(new Progress(n, outcome.message(), true));
                    outcomes.put(n, outcome);
                    T next;
                    synchronized (waiting) {
                        next = waiting.pollFirst();
                    }
                    if (next != null) {
                        accept(next);
                    }
                    finishIfDone.run();
                });
            }
        };
        List<T> first = new ArrayList<>();
        synchronized (waiting) {
            for (int i = 0; i < parallel && !waiting.isEmpty(); i++) {
                first.add(waiting.pollFirst());
            }
        }
        first.forEach(launch);
        finishIfDone.run();
        return all;
    }
}
