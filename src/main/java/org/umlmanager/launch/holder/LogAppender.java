package org.umlmanager.launch.holder;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.host.PrivateDirectory;
import org.umlmanager.launch.ConsoleLogs;

/**
 * Appends every line's output to its log file on one background thread (one per guest). The
 * readers of the guest's lines only queue; when the disk cannot keep up the queue overflows and
 * the lost byte count is written into the log instead, so the guest is never slowed down by its
 * log. The queue is bounded in bytes ({@link #QUEUE_BYTES}), which bounds what a guest's log can
 * hold of the supervisor's memory. A file is
 * rotated ({@link ConsoleLogs}) before a write would take it past the size limit; a single chunk
 * larger than the limit still goes whole into a fresh file.
 */
final class LogAppender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogAppender.class);
    private static final int QUEUE_CHUNKS = 4096;
    static final long QUEUE_BYTES = 2L << 20;

    private record Chunk(Path file, byte[] data) {
    }

    /** An open log file and how long it is. */
    private static final class OpenLog {
        final OutputStream out;
        long size;

        OpenLog(Path file) throws IOException {
            Files.createDirectories(file.getParent());
            // Everything the guest printed, passwords typed at its shell included: for the user only.
            PrivateDirectory.createFile(file);
            out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND), 64 * 1024);
            size = Files.size(file);
        }
    }

    private static final Chunk END = new Chunk(Path.of(""), new byte[0]);

    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    private final AtomicLong queued = new AtomicLong();
    private final Map<Path, AtomicLong> dropped = new HashMap<>();
    private final Map<Path, OpenLog> files = new HashMap<>();
    private final long maxBytes;
    private final Thread thread;

    /** @param maxBytes the size a log file is rotated at */
    LogAppender(long maxBytes) {
        this.maxBytes = maxBytes;
        thread = new Thread(this::run, "log-appender");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code data} for {@code file}; never blocks. */
    void append(Path file, byte[] data) {
        if (queued.addAndGet(data.length) > QUEUE_BYTES || !queue.offer(new Chunk(file, data))) {
            queued.addAndGet(-data.length);
            synchronized (dropped) {
                dropped.computeIfAbsent(file, f -> new AtomicLong()).addAndGet(data.length);
            }
        }
    }

    private void run() {
        try {
            while (true) {
                Chunk chunk = queue.take();
                if (chunk == END) {
                    break;
                }
                queued.addAndGet(-chunk.data().length);
                write(chunk.file(), chunk.data());
                if (queue.isEmpty()) {
                    flushAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            flushAll();
            files.values().forEach(log -> closeQuietly(log.out));
        }
    }

    private void write(Path file, byte[] data) {
        try {
            OpenLog log = files.get(file);
            if (log == null) {
                log = new OpenLog(file);
                files.put(file, log);
            }
            long lost;
            synchronized (dropped) {
                AtomicLong counter = dropped.remove(file);
                lost = counter == null ? 0 : counter.get();
            }
            byte[] notice = lost == 0 ? new byte[0]
                    : ("\n[uml-manager: " + lost + " bytes of output were not logged: the disk was too slow]\n")
                            .getBytes(StandardCharsets.UTF_8);
            if (log.size > 0 && log.size + notice.length + data.length > maxBytes) {
                log = rotate(file, log);
            }
            log.out.write(notice);
            log.out.write(data);
            log.size += notice.length + data.length;
        } catch (IOException e) {
            LOG.warn("cannot append to {}: {}", file, e.getMessage());
        }
    }

    /** Closes {@code file}, shifts it and its rotated generations by one (dropping the oldest) and starts it anew. */
    private OpenLog rotate(Path file, OpenLog log) throws IOException {
        files.remove(file);
        log.out.close();
        try {
            Files.deleteIfExists(ConsoleLogs.rotated(file, ConsoleLogs.KEPT));
            for (int n = ConsoleLogs.KEPT - 1; n >= 1; n--) {
                Path older = ConsoleLogs.rotated(file, n);
                if (Files.exists(older)) {
                    Files.move(older, ConsoleLogs.rotated(file, n + 1), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.move(file, ConsoleLogs.rotated(file, 1), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot rotate {} (it keeps growing): {}", file, e.getMessage());
        }
        OpenLog fresh = new OpenLog(file);
        files.put(file, fresh);
        return fresh;
    }

    private void flushAll() {
        for (Map.Entry<Path, OpenLog> e : files.entrySet()) {
            try {
                e.getValue().out.flush();
            } catch (IOException ex) {
                LOG.warn("cannot flush {}: {}", e.getKey(), ex.getMessage());
            }
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the log is best effort once the session is over
        }
    }

    /** Writes what is queued, then stops; waits up to two seconds. */
    @Override
    public void close() {
        try {
            queue.offer(END, 2, TimeUnit.SECONDS);
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
