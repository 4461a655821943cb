package org.umlmanager.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to one store directory, across processes (the GUI and a CLI run at once) and
 * across threads. Held only for the few milliseconds of one operation, or of a few operations that
 * must not interleave with anyone else's (a lab saved with its instances and networks): a thread
 * that already holds the lock may take it again, and only the outermost release lets it go.
 */
final class StoreLock implements AutoCloseable {

    static final String FILE_NAME = ".lock";

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

    /** Blocks until the directory is ours; the directory must exist. */
    static StoreLock acquire(Path dir) throws IOException {
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(dir.toAbsolutePath().normalize(),
                d -> new ReentrantLock());
        threadLock.lock();
        if (threadLock.getHoldCount() > 1) {
            // The file lock is already ours; a second channel's lock() would throw OverlappingFileLockException.
            return new StoreLock(threadLock, null, null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(FILE_NAME), Set.of(StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE), PosixFilePermissions.asFileAttribute(AtomicFiles.FILE_MODE));
            return new StoreLock(threadLock, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            threadLock.unlock();
            throw e;
        }
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
