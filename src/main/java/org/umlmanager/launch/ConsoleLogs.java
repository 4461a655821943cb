package org.umlmanager.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The console logs of a guest's lines, as the supervisor keeps them: {@code LINE.log} is appended to
 * until a write would take it past {@link #maxBytes()}; then it becomes {@code LINE.log.1}, the
 * previous {@code .1} becomes {@code .2}, and the oldest ({@code .}{@value #KEPT}) is dropped. So a
 * chatty guest that runs for months uses at most ({@value #KEPT} + 1) × the limit per line, and
 * the newest output is always kept. {@link #open} reads one line's whole log across those files,
 * for the history view and for saving it.
 *
 * <p>Stateless and thread-safe. Only the supervisor writes and rotates a line's files; readers
 * can run at any time, in any process.
 */
public final class ConsoleLogs {

    /** Rotated files kept besides the current one. */
    public static final int KEPT = 2;
    /** The default size limit of one file: 4 MiB, so at most 12 MiB per line. */
    public static final long DEFAULT_MAX_BYTES = 4L << 20;
    /** System property (of the supervisor, inherited from the client that started it) that overrides the limit, in bytes. */
    public static final String MAX_BYTES_PROPERTY = "umlmanager.consolelog.maxbytes";
    private static final int OPEN_ATTEMPTS = 20;

    private ConsoleLogs() {
    }

    /** The size limit of one file: {@value #MAX_BYTES_PROPERTY} if set to a positive number, else the default. */
    public static long maxBytes() {
        try {
            long value = Long.parseLong(System.getProperty(MAX_BYTES_PROPERTY, ""));
            return value > 0 ? value : DEFAULT_MAX_BYTES;
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_BYTES;
        }
    }

    /** The file {@code line}'s output is appended to now. */
    public static Path current(Path logDirectory, String line) {
        return logDirectory.resolve(line + ".log");
    }

    /** The name of rotated generation {@code n} (1 = the newest) of {@code current}. */
    public static Path rotated(Path current, int n) {
        return current.resolveSibling(current.getFileName() + "." + n);
    }

    /** The files that hold {@code line}'s log now, oldest first; empty if it has none. */
    public static List<Path> files(Path logDirectory, String line) {
        Path current = current(logDirectory, line);
        List<Path> files = new ArrayList<>();
        for (int n = KEPT; n >= 1; n--) {
            if (Files.isRegularFile(rotated(current, n))) {
                files.add(rotated(current, n));
            }
        }
        if (Files.isRegularFile(current)) {
            files.add(current);
        }
        return files;
    }

    /**
     * The whole log of {@code line}, oldest output first, as one stream (empty if there is none).
     * The files are opened together and checked not to have rotated meanwhile (it is retried), so
     * that nothing is read twice or skipped; output appended while reading may or may not be included.
     *
     * @throws IOException if the files cannot be read, or kept rotating under the reader
     */
    public static InputStream open(Path logDirectory, String line) throws IOException {
        for (int attempt = 1; ; attempt++) {
            List<InputStream> streams = new ArrayList<>();
            try {
                List<Path> files = files(logDirectory, line);
                List<Object> before = identities(files);
                for (Path f : files) {
                    streams.add(Files.newInputStream(f));
                }
                if (files(logDirectory, line).equals(files) && identities(files).equals(before)) {
                    return new SequenceInputStream(Collections.enumeration(streams));
                }
            } catch (NoSuchFileException e) {
                // rotated between listing and opening: try again
            } catch (IOException e) {
                closeAll(streams);
                throw e;
            }
            closeAll(streams);
            if (attempt == OPEN_ATTEMPTS) {
                throw new IOException("the log of " + line + " in " + logDirectory + " kept rotating while it was"
                        + " opened; try again");
            }
            try {
                Thread.sleep(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while opening the log of " + line);
            }
        }
    }

    /** The last {@code max} bytes of {@code line}'s current log file; empty if it has none or it cannot be read. */
    public static byte[] tail(Path logDirectory, String line, int max) {
        Path file = current(logDirectory, line);
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(size, max));
            channel.position(size - buffer.capacity());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // fill
            }
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static List<Object> identities(List<Path> files) throws IOException {
        List<Object> keys = new ArrayList<>();
        for (Path f : files) {
            keys.add(Files.readAttributes(f, BasicFileAttributes.class).fileKey());
        }
        return keys;
    }

    private static void closeAll(List<InputStream> streams) {
        for (InputStream s : streams) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing was read from it
            }
        }
    }
}
