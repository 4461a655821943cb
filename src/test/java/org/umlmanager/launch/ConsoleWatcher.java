package org.umlmanager.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Reads a console stream on a thread of its own and lets a test wait for text to appear. */
public final class ConsoleWatcher implements AutoCloseable {

    private final StringBuffer text = new StringBuffer();
    private final Thread thread;
    private volatile boolean ended;

    public ConsoleWatcher(InputStream in) {
        thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException ignored) {
                // the stream ended
            } finally {
                ended = true;
            }
        }, "console-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    public String text() {
        return text.toString();
    }

    public boolean ended() {
        return ended;
    }

    /** Waits until {@code needle} appears after position {@code from}; returns the index after it. */
    public int await(String needle, int from, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int i = text.indexOf(needle, from);
            if (i >= 0) {
                return i + needle.length();
            }
            sleep();
        }
        throw new AssertionError("'" + needle + "' did not appear within " + timeout + " (whole console in "
                + dump() + "); console:\n" + tail(text.toString()));
    }

    public int await(String needle, Duration timeout) {
        return await(needle, 0, timeout);
    }

    /** Waits for the end of the stream. */
    public void awaitEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended && System.nanoTime() < deadline) {
            sleep();
        }
        if (!ended) {
            throw new AssertionError("the console did not end within " + timeout);
        }
    }

    /** Writes the whole console to a file under target/ for a failure report. */
    private java.nio.file.Path dump() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target",
                    "console-dumps"));
            return java.nio.file.Files.writeString(java.nio.file.Files.createTempFile(dir, "console", ".txt"),
                    text.toString(), StandardCharsets.ISO_8859_1).toAbsolutePath();
        } catch (IOException e) {
            return java.nio.file.Path.of("(not written: " + e.getMessage() + ")");
        }
    }

    private static String tail(String s) {
        return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
