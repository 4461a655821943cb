package org.umlmanager.launch.holder;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.host.PrivateDirectory;
import org.umlmanager.launch.ChildFile;
import org.umlmanager.launch.ChildSpec;
import org.umlmanager.launch.ChildStatus;
import org.umlmanager.launch.ChildStatus.State;
import org.umlmanager.launch.Posix;

/**
 * One supervised child ({@link Children}). Its process runs in a session of its own (so it leads
 * its process group and the supervisor's orphan sweep leaves it to its own waiter), with its
 * output appended to its log. When it dies it is started again after a pause that doubles each
 * time (1 s up to 30 s); after {@value #GIVE_UP} deaths within a minute it is given up. Thread-safe.
 */
final class Child {

    private static final Logger LOG = LoggerFactory.getLogger(Child.class);
    private static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30));
    static final int GIVE_UP = 5;
    private static final Duration GIVE_UP_WINDOW = Duration.ofMinutes(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Duration ADOPTED_POLL = Duration.ofMillis(500);

    private final Children owner;
    private final Deque<Long> deaths = new ArrayDeque<>();
    private ChildSpec spec;
    private State state = State.STOPPED;
    private String reason = "";
    private int restarts;
    private OptionalLong pid = OptionalLong.empty();
    private OptionalLong startedAt = OptionalLong.empty();
    /** Identifies the current process run: a late report of an earlier one changes nothing. */
    private Object run = new Object();
    private CompletableFuture<Void> gone = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> pending;
    private boolean stopping;
    private long lastUsed = System.nanoTime();

    Child(ChildSpec spec, Children owner) {
        this.spec = spec;
        this.owner = owner;
    }

    synchronized ChildSpec spec() {
        return spec;
    }

    synchronized boolean active() {
        return state == State.RUNNING || state == State.RESTARTING;
    }

    synchronized ChildStatus status() {
        return new ChildStatus(spec, state, pid, restarts, reason);
    }

    synchronized ChildStatus serveAlso(Set<String> guests) {
        spec = spec.boundAlsoTo(guests);
        lastUsed = System.nanoTime();
        record();
        return status();
    }

    synchronized void used() {
        lastUsed = System.nanoTime();
    }

    synchronized boolean unusedFor(Duration grace) {
        return System.nanoTime() - lastUsed > grace.toNanos();
    }

    synchronized void start() throws IOException {
        spawn();
    }

    /** Takes over the child a killed supervisor recorded: watches its process, or starts it again if it died. */
    synchronized void adopt(ChildFile.Entry entry) {
        restarts = entry.restarts();
        long recorded = entry.pid().orElse(-1);
        if (recorded > 0 && Posix.alive(recorded) && entry.startedAt().isPresent()
                && startedAt(recorded).equals(entry.startedAt())) {
            Object thisRun = new Object();
            run = thisRun;
            pid = OptionalLong.of(recorded);
            startedAt = entry.startedAt();
            state = State.RUNNING;
            gone = new CompletableFuture<>();
            pending = owner.timer().scheduleWithFixedDelay(() -> {
                if (!Posix.alive(recorded)) {
                    died(thisRun, OptionalInt.empty());
                }
            }, ADOPTED_POLL.toMillis(), ADOPTED_POLL.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("child {}: took over pid {}", spec.name(), recorded);
        } else {
            state = State.RESTARTING;
            reason = "it ended while no supervisor watched it";
            pending = owner.timer().schedule(this::restart, 0, TimeUnit.MILLISECONDS);
            LOG.info("child {}: ended while no supervisor watched it; starting it again", spec.name());
        }
    }

    /** When process {@code pid} started, in epoch milliseconds; with the pid, it names one process for good. */
    private static OptionalLong startedAt(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                .map(i -> OptionalLong.of(i.toEpochMilli())).orElse(OptionalLong.empty());
    }

    /** Starts the process; the caller holds this object's lock. */
    private void spawn() throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // Started by the JVM it leads no group, so setsid execs in place: the pid is the program's.
            command.add("/usr/bin/setsid");
        }
        command.addAll(spec.argv());
        Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
        // A child's log may say what passes through it (a router's forwards, a switch's ports): the user's only.
        PrivateDirectory.createFile(spec.logFile());
        ProcessBuilder builder = new ProcessBuilder(command).directory(spec.workingDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
        builder.environment().putAll(spec.environment());
        Process process = builder.start();
        Object thisRun = new Object();
        run = thisRun;
        pid = OptionalLong.of(process.pid());
        startedAt = startedAt(process.pid());
        state = State.RUNNING;
        reason = "";
        stopping = false;
        gone = new CompletableFuture<>();
        process.onExit().thenAccept(p -> died(thisRun, OptionalInt.of(p.exitValue())));
        record();
        LOG.info("child {}: started as pid {}: {}", spec.name(), process.pid(), spec.argv());
    }

    private void died(Object which, OptionalInt status) {
        synchronized (this) {
            if (which != run) {
                return;
            }
            run = new Object();
            if (pending != null) {
                pending.cancel(false);
            }
            // Whatever it started in its group goes with it.
            pid.ifPresent(p -> Posix.killGroup(p, Posix.SIGKILL));
            pid = OptionalLong.empty();
            gone.complete(null);
            String how = status.isEmpty() ? "it ended" : status.getAsInt() > 128
                    ? "it was killed by signal " + (status.getAsInt() - 128)
                    : "it exited with status " + status.getAsInt();
            if (stopping) {
                return;
            }
            long now = System.nanoTime();
            deaths.addLast(now);
            while (now - deaths.peekFirst() > GIVE_UP_WINDOW.toNanos()) {
                deaths.removeFirst();
            }
            if (deaths.size() >= GIVE_UP) {
                state = State.FAILED;
                reason = how + ", the " + deaths.size() + "th time within a minute; it is not started again";
                removeRecord();
                LOG.warn("child {}: {}", spec.name(), reason);
            } else {
                Duration delay = BACKOFF.get(Math.min(deaths.size() - 1, BACKOFF.size() - 1));
                state = State.RESTARTING;
                reason = how + "; starting it again in " + delay.toSeconds() + " s";
                pending = owner.timer().schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
                record();
                LOG.info("child {}: {}", spec.name(), reason);
            }
        }
        owner.changed();
    }

    private void restart() {
        synchronized (this) {
            if (state != State.RESTARTING) {
                return;
            }
            restarts++;
            try {
                spawn();
            } catch (IOException e) {
                state = State.FAILED;
                reason = "it could not be started again: " + e.getMessage();
                removeRecord();
                LOG.warn("child {}: {}", spec.name(), reason);
            }
        }
        owner.changed();
    }

    /** Stops it: SIGTERM to its process group, SIGKILL after {@link #STOP_WAIT}; returns once it has ended. */
    ChildStatus stop(String why) {
        long target;
        CompletableFuture<Void> end;
        synchronized (this) {
            if (!active()) {
                return status();
            }
            stopping = true;
            if (pending != null) {
                pending.cancel(false);
            }
            if (pid.isEmpty()) {
                return stopped(why);
            }
            target = pid.getAsLong();
            end = gone;
        }
        Posix.killGroup(target, Posix.SIGTERM);
        if (!await(end)) {
            LOG.info("child {}: still there {} s after SIGTERM; SIGKILL", spec().name(), STOP_WAIT.toSeconds());
            Posix.killGroup(target, Posix.SIGKILL);
            if (!Posix.alive(target) || !await(end)) {
                // An adopted process is watched by polling: it may already be gone unseen.
                died(currentRun(), OptionalInt.empty());
            }
        }
        synchronized (this) {
            return stopped(why);
        }
    }

    private synchronized Object currentRun() {
        return run;
    }

    private ChildStatus stopped(String why) {
        state = State.STOPPED;
        reason = why;
        pid = OptionalLong.empty();
        startedAt = OptionalLong.empty();
        removeRecord();
        LOG.info("child {}: {}", spec.name(), why);
        return status();
    }

    private static boolean await(CompletableFuture<Void> end) {
        try {
            end.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private void record() {
        try {
            ChildFile.write(owner.recordOf(spec.name()), new ChildFile.Entry(spec, pid, startedAt, restarts));
        } catch (IOException e) {
            LOG.warn("child {}: cannot record it; a successor would not find it: {}", spec.name(), e.getMessage());
        }
    }

    private void removeRecord() {
        try {
            Files.deleteIfExists(owner.recordOf(spec.name()));
        } catch (IOException e) {
            LOG.debug("child {}: cannot remove its record: {}", spec.name(), e.getMessage());
        }
    }
}
