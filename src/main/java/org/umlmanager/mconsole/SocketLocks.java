package org.umlmanager.mconsole;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One fair lock per mconsole socket path in this JVM, shared by every client of that path, so
 * that at most one request is in flight per instance. Entries are counted and dropped when the
 * last client of a path closes.
 */
final class SocketLocks {

    private static final Map<Path, Entry> LOCKS = new HashMap<>();

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    private SocketLocks() {
    }

    static synchronized ReentrantLock acquire(Path socket) {
        Entry e = LOCKS.computeIfAbsent(socket, s -> new Entry());
        e.users++;
        return e.lock;
    }

    static synchronized void release(Path socket) {
        Entry e = LOCKS.get(socket);
        if (e != null && --e.users == 0) {
            LOCKS.remove(socket);
        }
    }
}
