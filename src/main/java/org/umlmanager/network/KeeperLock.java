package org.umlmanager.network;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Held by a network's keeper for as long as it lives ({@code NAME/keeper.lock}): whether the lock
 * is taken says whether a keeper runs, which a pid file alone cannot (pids are reused). The kernel
 * releases it when the keeper ends, however it ends.
 */
final class KeeperLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private KeeperLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path file(NetworkPaths paths, String network) {
        return paths.dir(network).resolve("keeper.lock");
    }

    /** The lock, if no keeper holds it. */
    static Optional<KeeperLock> tryAcquire(NetworkPaths paths, String network) throws IOException {
        FileChannel channel = FileChannel.open(file(paths, network), Set.of(StandardOpenOption.WRITE,
                StandardOpenOption.CREATE), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new KeeperLock(channel, lock));
        } catch (OverlappingFileLockException e) {
            channel.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Whether a keeper holds the lock now. */
    static boolean held(NetworkPaths paths, String network) {
        if (!java.nio.file.Files.exists(file(paths, network))) {
            return false;
        }
        try {
            Optional<KeeperLock> free = tryAcquire(paths, network);
            free.ifPresent(KeeperLock::close);
            return free.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The lock goes with the channel anyway.
        }
    }
}
