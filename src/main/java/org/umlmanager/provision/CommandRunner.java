package org.umlmanager.provision;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.disk.HostTools;

/**
 * Runs the host tools of a provisioning job (mmdebstrap, mkfs.ext4, cp). Output lines go to the
 * listener as they come; a cancelled job's process tree is stopped by PID: SIGTERM first so that
 * mmdebstrap can clean up, SIGKILL to whatever is left after a grace period.
 */
final class CommandRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
    private static final long TERM_GRACE_MILLIS = 5_000;
    private static final long CLEANUP_GRACE_MILLIS = 10_000;
    private static final long KILL_GRACE_MILLIS = 10_000;
    private static final int TAIL_LINES = 30;

    private final ProgressListener listener;
    private final Cancellation cancellation;

    CommandRunner(ProgressListener listener, Cancellation cancellation) {
        this.listener = listener;
        this.cancellation = cancellation;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    ProgressListener listener() {
        return listener;
    }

    /** Runs {@code argv} to the end; each output line goes to the listener and to {@code lineHook}. */
    void run(String what, List<String> argv, Map<String, String> env, Consumer<String> lineHook)
            throws ProvisionException {
        run(what, argv, env, lineHook, true);
    }

    /** Runs a quick command and returns its output, without passing it on to the listener (long listings). */
    String captureQuietly(String what, List<String> argv) throws ProvisionException {
        StringBuilder out = new StringBuilder();
        run(what, argv, Map.of(), line -> out.append(line).append('\n'), false);
        return out.toString();
    }

    private void run(String what, List<String> argv, Map<String, String> env, Consumer<String> lineHook,
                     boolean toListener) throws ProvisionException {
        cancellation.check();
        LOG.debug("{}: {}", what, String.join(" ", argv));
        ProcessBuilder pb = new ProcessBuilder(inOwnSession(argv)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ProvisionException(what + " failed: cannot run " + argv.get(0) + " (" + e.getMessage() + ")", e);
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = new Thread(() -> pump(process, tail, lineHook, toListener), "provision-output");
        reader.setDaemon(true);
        reader.start();
        int exit = waitOrStop(process);
        try {
            reader.join(TERM_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cancellation.check();
        if (exit != 0) {
            throw new ProvisionException(what + " failed (exit status " + exit + ")" + lastLines(tail));
        }
    }

    /**
     * Runs the tool in a session of its own ({@code setsid} execs it in place, same PID): a tool
     * that signals "its" process group (kill 0) must not hit us, and a terminal's Ctrl-C reaches
     * us alone, so that the job is cancelled in order.
     */
    private static List<String> inOwnSession(List<String> argv) {
        return HostTools.find("setsid").map(setsid -> {
            List<String> wrapped = new ArrayList<>();
            wrapped.add(setsid.toString());
            wrapped.addAll(argv);
            return wrapped;
        }).orElse(argv);
    }

    private void pump(Process process, Deque<String> tail, Consumer<String> lineHook, boolean toListener) {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (tail) {
                    if (tail.size() == TAIL_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
                if (toListener) {
                    listener.log(line);
                }
                lineHook.accept(line);
            }
        } catch (IOException e) {
            LOG.debug("output of a provisioning tool ended: {}", e.getMessage());
        }
    }

    private int waitOrStop(Process process) {
        try {
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (cancellation.isCancelled()) {
                    stopTree(process.toHandle());
                }
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            cancellation.cancel();
            stopTree(process.toHandle());
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * SIGTERM to the process and its descendants, as a terminal's Ctrl-C would: mmdebstrap waits for
     * its children and then removes its temporary tree, so the root gets a long grace period to
     * finish that. Whatever is still alive then gets SIGKILL, and this returns only once every
     * process of the tree is gone (a killed process lingers while it exits), so that the caller can
     * remove the work directory with nothing writing into it.
     */
    static void stopTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        awaitExit(List.of(root), CLEANUP_GRACE_MILLIS);
        // Children may have started more processes meanwhile; take them too.
        List<ProcessHandle> rest = new ArrayList<>(tree);
        tree.stream().filter(ProcessHandle::isAlive).forEach(h -> rest.addAll(h.descendants().toList()));
        rest.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (!awaitExit(rest, KILL_GRACE_MILLIS)) {
            LOG.warn("processes of a stopped tool did not exit after SIGKILL: {}",
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
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static String lastLines(Deque<String> tail) {
        List<String> lines;
        synchronized (tail) {
            lines = tail.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        if (lines.isEmpty()) {
            return "";
        }
        return ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
