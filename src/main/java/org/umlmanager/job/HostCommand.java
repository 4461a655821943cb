package org.umlmanager.job;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a host tool (mkfs, resize2fs, mmdebstrap, cp …) for a job: its output lines go to
 * the job's listener as they come, a failure becomes a {@link HostToolException} that quotes what
 * the tool said, and a time limit or a cancel stops the tool's whole process tree.
 *
 * <p>The tool runs in a session of its own ({@code setsid} execs it in place, same PID), so that a
 * tool that signals "its" process group cannot hit us and a terminal's Ctrl-C reaches us alone;
 * with {@code LC_ALL=C}, so that its messages, which end up in ours, are plain English; and with
 * standard input from /dev/null. Not thread-safe to configure; {@link #run} may be called once per
 * configured command from any worker thread.
 */
public final class HostCommand {

    private static final Logger LOG = LoggerFactory.getLogger(HostCommand.class);
    private static final long POLL_MILLIS = 50;
    private static final Duration DEFAULT_CLEANUP_GRACE = Duration.ofSeconds(10);
    private static final long KILL_GRACE_MILLIS = 10_000;
    private static final long DRAIN_MILLIS = 5_000;
    private static final int TAIL_LINES = 30;
    private static final int MESSAGE_LINES = 6;

    private final String what;
    private final List<String> argv;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Optional<Duration> timeout = Optional.empty();
    private Duration cleanupGrace = DEFAULT_CLEANUP_GRACE;
    private int highestSuccess;
    private boolean quiet;
    private Consumer<String> onLine = line -> { };

    private HostCommand(String what, List<String> argv) {
        this.what = Objects.requireNonNull(what);
        this.argv = List.copyOf(argv);
        if (this.argv.isEmpty()) {
            throw new IllegalArgumentException("a host command needs a program");
        }
        environment.put("LC_ALL", "C");
    }

    /** {@code what} names the step in messages ("mkfs.ext4", "unpacking the Debian tree"). */
    public static HostCommand of(String what, List<String> argv) {
        return new HostCommand(what, argv);
    }

    /** Names the step after the program itself. */
    public static HostCommand of(List<String> argv) {
        return new HostCommand(Path.of(argv.get(0)).getFileName().toString(), argv);
    }

    public HostCommand env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Stops the tool and fails when it runs longer than {@code limit}. */
    public HostCommand timeout(Duration limit) {
        timeout = Optional.of(limit);
        return this;
    }

    /**
     * How long a stopped tool may take to clean up after SIGTERM before the rest of its tree is
     * killed (10 s unless set).
     */
    public HostCommand cleanupGrace(Duration grace) {
        cleanupGrace = Objects.requireNonNull(grace);
        return this;
    }

    /** Exit statuses up to {@code status} count as success (e2fsck: 1 means it repaired something). */
    public HostCommand successUpTo(int status) {
        highestSuccess = status;
        return this;
    }

    /** The tool's lines are not passed to the listener (long listings read by the caller). */
    public HostCommand quiet() {
        quiet = true;
        return this;
    }

    /** Also hands every line of output (stdout and stderr) to {@code hook}, on a reader thread. */
    public HostCommand onLine(Consumer<String> hook) {
        onLine = Objects.requireNonNull(hook);
        return this;
    }

    /** What a finished tool printed: all of its standard output, the last lines of its standard error. */
    public record Output(List<String> stdout, List<String> stderrTail) {
    }

    /**
     * Runs the tool to its end.
     *
     * @throws HostToolException   the tool cannot be started, failed, or ran past its time limit
     * @throws CancelledException  {@code cancellation} was cancelled; the tool's processes are gone
     */
    public Output run(ProgressListener listener, Cancellation cancellation) throws HostToolException {
        cancellation.check(what);
        ProcessBuilder builder = new ProcessBuilder(inOwnSession(argv))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        LOG.debug("{}: {}", what, argv);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new HostToolException(what + " failed: cannot run " + argv.get(0) + " (" + e.getMessage() + ")");
        }
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        Deque<String> stderr = new ArrayDeque<>();
        Thread out = drain(process.getInputStream(), stdout::add, listener, "stdout");
        Thread err = drain(process.getErrorStream(), line -> {
            synchronized (stderr) {
                if (stderr.size() == TAIL_LINES) {
                    stderr.removeFirst();
                }
                stderr.addLast(line);
            }
        }, listener, "stderr");
        long deadline = timeout.map(t -> System.nanoTime() + t.toNanos()).orElse(Long.MAX_VALUE);
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (cancellation.isCancelled()) {
                    stopTree(process.toHandle(), cleanupGrace);
                    throw new CancelledException(what + " was cancelled");
                }
                if (System.nanoTime() > deadline) {
                    stopTree(process.toHandle(), cleanupGrace);
                    throw new HostToolException(what + " did not finish within " + describe(timeout.get())
                            + " and was stopped" + tail(snapshot(stderr), stdout));
                }
            }
            out.join(DRAIN_MILLIS);
            err.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            stopTree(process.toHandle(), cleanupGrace);
            Thread.currentThread().interrupt();
            throw new CancelledException(what + " was interrupted");
        }
        int status = process.exitValue();
        if (status < 0 || status > highestSuccess) {
            throw new HostToolException(what + " failed (exit status " + status + ")" + tail(snapshot(stderr), stdout));
        }
        return new Output(List.copyOf(stdout), snapshot(stderr));
    }

    private static List<String> inOwnSession(List<String> argv) {
        return HostTools.find("setsid").map(setsid -> {
            List<String> wrapped = new ArrayList<>();
            wrapped.add(setsid.toString());
            wrapped.addAll(argv);
            return wrapped;
        }).orElse(argv);
    }

    private Thread drain(InputStream stream, Consumer<String> sink, ProgressListener listener, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                    if (!quiet) {
                        listener.log(line);
                    }
                    onLine.accept(line);
                }
            } catch (IOException e) {
                LOG.debug("{} of {} ended: {}", name, what, e.getMessage());
            }
        }, what + "-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * SIGTERM to the process and its descendants, as a terminal's Ctrl-C would; the root gets a
     * grace period to clean up. Whatever is still alive then gets SIGKILL, and this returns only
     * once every process of the tree is gone (a killed process lingers while it exits), so that
     * the caller can remove the job's files with nothing writing into them.
     */
    static void stopTree(ProcessHandle root, Duration cleanupGrace) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        awaitExit(List.of(root), cleanupGrace.toMillis());
        // Children may have started more processes meanwhile; take them too.
        List<ProcessHandle> rest = new ArrayList<>(tree);
        tree.stream().filter(ProcessHandle::isAlive).forEach(h -> rest.addAll(h.descendants().toList()));
        rest.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (!awaitExit(rest, KILL_GRACE_MILLIS)) {
            LOG.warn("processes of a stopped host tool did not exit after SIGKILL: {}",
                    rest.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.currentTimeMillis() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static List<String> snapshot(Deque<String> lines) {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    /** The last lines the tool wrote to stderr, or to stdout when stderr is empty. */
    private static String tail(List<String> stderr, List<String> stdout) {
        List<String> useful;
        List<String> said = stderr.isEmpty() ? stdout : stderr;
        synchronized (stdout) {
            useful = said.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
        if (useful.isEmpty()) {
            return "";
        }
        return ": " + String.join(" / ", useful.subList(Math.max(0, useful.size() - MESSAGE_LINES), useful.size()));
    }
}
