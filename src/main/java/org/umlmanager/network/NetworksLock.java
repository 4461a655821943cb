package org.umlmanager.network;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the decisions about running networks between programs and threads: a program that
 * starts a network (or registers a guest with a running one) and a keeper that decides its last
 * guest has gone never interleave, so no guest is registered with a network that is stopping.
 * A file lock on {@code networks/.lock} plus a lock per JVM. Held for milliseconds, except while a
 * network's processes start.
 */
final class NetworksLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock lock;

    private NetworksLock(ReentrantLock threadLock, FileChannel channel, FileLock lock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.lock = lock;
    }

    static NetworksLock acquire(NetworkPaths paths) throws IOException {
        Files.createDirectories(paths.root(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        return acquireExisting(paths);
    }

    /** As {@link #acquire}, but never makes the directory: a keeper must not bring back one that was removed. */
    static NetworksLock acquireExisting(NetworkPaths paths) throws IOException {
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(paths.root(), r -> new ReentrantLock());
        threadLock.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(paths.root().resolve(".lock"), Set.of(StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            return new NetworksLock(threadLock, channel, channel.lock());
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
            lock.release();
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }
}
