package org.umlmanager.launch.holder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every line's output to its log file on one background thread. The readers of the
 * guest's lines only queue; when the disk cannot keep up the queue overflows and the lost byte
 * count is written into the log instead, so the guest is never slowed down by its log.
 */
final class LogAppender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogAppender.class);
    private static final int QUEUE_CHUNKS = 4096;

    private record Chunk(Path file, byte[] data) {
    }

    private static final Chunk END = new Chunk(Path.of(""), new byte[0]);

    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    private final Map<Path, AtomicLong> dropped = new HashMap<>();
    private final Map<Path, OutputStream> files = new HashMap<>();
    private final Thread thread;

    LogAppender() {
        thread = new Thread(this::run, "log-appender");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code data} for {@code file}; never blocks. */
    void append(Path file, byte[] data) {
        if (!queue.offer(new Chunk(file, data))) {
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
                write(chunk.file(), chunk.data());
                if (queue.isEmpty()) {
                    flushAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            flushAll();
            files.values().forEach(LogAppender::closeQuietly);
        }
    }

    private void write(Path file, byte[] data) {
        try {
            OutputStream out = files.get(file);
            if (out == null) {
                Files.createDirectories(file.getParent());
                out = new java.io.BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND), 64 * 1024);
                files.put(file, out);
            }
            long lost;
            synchronized (dropped) {
                AtomicLong counter = dropped.remove(file);
                lost = counter == null ? 0 : counter.get();
            }
            if (lost > 0) {
                out.write(("\n[uml-manager: " + lost + " bytes of output were not logged: the disk was too slow]\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.write(data);
        } catch (IOException e) {
            LOG.warn("cannot append to {}: {}", file, e.getMessage());
        }
    }

    private void flushAll() {
        for (Map.Entry<Path, OutputStream> e : files.entrySet()) {
            try {
                e.getValue().flush();
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
