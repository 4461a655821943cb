package org.umlmanager.disk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one host tool (mkfs, resize2fs, stat …) to completion with a time limit, forwarding each
 * output line to the listener. A tool that fails, hangs past its limit or is cancelled becomes a
 * {@link DiskException} (or {@link CancelledException}) whose message carries what the tool said
 * on stderr, so the user sees why.
 */
final class ToolRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);
    private static final int MESSAGE_LINES = 6;
    private static final long POLL_MILLIS = 50;

    /** What a finished tool printed. */
    record Result(List<String> stdout, List<String> stderr) {
    }

    private ToolRunner() {
    }

    static Result run(List<String> command, Duration timeout, ProgressListener listener, Cancellation cancellation)
            throws IOException {
        return run(command, timeout, 0, listener, cancellation);
    }

    /** Runs {@code command}; exit statuses up to {@code highestSuccess} count as success (e2fsck: 1 = repaired). */
    static Result run(List<String> command, Duration timeout, int highestSuccess, ProgressListener listener,
                      Cancellation cancellation) throws IOException {
        String tool = java.nio.file.Path.of(command.get(0)).getFileName().toString();
        ProcessBuilder builder = new ProcessBuilder(command);
        // Messages in English and plain ASCII, whatever the user's locale: they end up in our errors.
        builder.environment().put("LC_ALL", "C");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        LOG.debug("running {}", command);
        Process process = builder.start();
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        List<String> stderr = Collections.synchronizedList(new ArrayList<>());
        Thread out = drain(process.getInputStream(), stdout, listener, tool + "-stdout");
        Thread err = drain(process.getErrorStream(), stderr, listener, tool + "-stderr");
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (cancellation.isCancelled()) {
                    stop(process);
                    throw new CancelledException(tool + " was cancelled");
                }
                if (System.nanoTime() > deadline) {
                    String said = tail(stderr);
                    stop(process);
                    throw new DiskException(tool + " did not finish within " + describe(timeout) + " and was stopped"
                            + said);
                }
            }
            out.join(TimeUnit.SECONDS.toMillis(5));
            err.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new CancelledException(tool + " was interrupted");
        }
        if (process.exitValue() < 0 || process.exitValue() > highestSuccess) {
            List<String> said = stderr.isEmpty() ? stdout : stderr;
            throw new DiskException(tool + " failed (exit status " + process.exitValue() + ")" + tail(said));
        }
        return new Result(List.copyOf(stdout), List.copyOf(stderr));
    }

    private static Thread drain(InputStream stream, List<String> sink, ProgressListener listener, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.add(line);
                    listener.output(line);
                }
            } catch (IOException e) {
                LOG.debug("reading {} stopped", name, e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Ends the tool and anything it started (it is ours: we spawned it). */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private static String tail(List<String> lines) {
        List<String> useful;
        synchronized (lines) {
            useful = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
        if (useful.isEmpty()) {
            return "";
        }
        return ": " + String.join(" / ", useful.subList(Math.max(0, useful.size() - MESSAGE_LINES), useful.size()));
    }
}
