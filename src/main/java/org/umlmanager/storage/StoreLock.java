package org.umlmanager.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.umlmanager.host.FileLocks;
import org.umlmanager.storage.StoreException.Reason;

/**
 * Exclusive access to one store directory, across processes (the GUI and a CLI run at once) and
 * across threads. Held only for the few milliseconds of one operation, or of a few operations that
 * must not interleave with anyone else's (a lab saved with its instances and networks), so a wait
 * longer than a few seconds means the holder is stuck (stopped with Ctrl-Z, hung on a file system):
 * the wait then ends with a {@link Reason#BUSY} error that names the holding process, never
 * silently. A thread that already holds the lock may take it again at once, and only the outermost
 * release lets it go.
 */
final class StoreLock implements AutoCloseable {

    static final String FILE_NAME = ".lock";
    /** Far longer than any store operation takes, short enough that nobody thinks it hangs. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    /** Ends waits that reach their limit; one daemon thread for every store of the process. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "store-lock-timer");
        t.setDaemon(true);
        return t;
    });

    /**
     * A file lock belongs to the whole JVM, so threads of one process also need a lock of their
     * own; it is per directory because two stores of one JVM may share a directory.
     */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    /** Both null for a nested acquisition, which only counts. */
    private StoreLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * Waits at most {@code wait} until the directory is ours; the directory must exist.
     *
     * @throws StoreException {@link Reason#BUSY} naming the holder when the wait is over
     */
    static StoreLock acquire(Path dir, Duration wait) throws IOException, StoreException {
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(dir.toAbsolutePath().normalize(),
                d -> new ReentrantLock());
        try {
            if (!threadLock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new StoreException(Reason.BUSY, "The store " + dir + " is still busy with another operation"
                        + " of this program after " + seconds(wait) + "; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the store lock of " + dir);
        }
        if (threadLock.getHoldCount() > 1) {
            // The file lock is already ours; a second channel's lock() would throw OverlappingFileLockException.
            return new StoreLock(threadLock, null, null);
        }
        FileChannel channel = null;
        try {
            Path file = dir.resolve(FILE_NAME);
            channel = FileChannel.open(file, Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE),
                    PosixFilePermissions.asFileAttribute(AtomicFiles.FILE_MODE));
            FileLock lock = waitForFileLock(channel, deadline);
            if (lock == null) {
                throw new StoreException(Reason.BUSY, "The store " + dir + " has been locked for more than "
                        + seconds(wait) + " by " + FileLocks.describeHolders(file) + "; a store operation takes"
                        + " milliseconds, so that program is stuck or stopped: end it (or let it continue) and"
                        + " try again");
            }
            return new StoreLock(threadLock, channel, lock);
        } catch (IOException | StoreException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            threadLock.unlock();
            throw e;
        }
    }

    /**
     * The lock, or null at the deadline. A blocking wait, so that the kernel hands the lock over
     * the moment it is released (polling would starve behind a busy writer); at the deadline a
     * timer closes the channel, which ends the wait.
     */
    private static FileLock waitForFileLock(FileChannel channel, long deadline) throws IOException {
        FileLock lock = channel.tryLock();
        if (lock != null) {
            return lock;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return null;
        }
        ScheduledFuture<?> alarm = TIMER.schedule(() -> {
            try {
                channel.close();
            } catch (IOException e) {
                // the waiting thread sees the channel closed either way
            }
        }, left, TimeUnit.NANOSECONDS);
        try {
            lock = channel.lock();
        } catch (AsynchronousCloseException e) {
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the store lock");
            }
            return null;
        }
        if (!alarm.cancel(false)) {
            // The alarm went off just as the lock came: the channel, and with it the lock, is gone.
            return null;
        }
        return lock;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() throws IOException {
        try {
            if (fileLock != null) {
                fileLock.release();
                channel.close();
            }
        } finally {
            threadLock.unlock();
        }
    }
}
