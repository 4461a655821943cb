package org.umlmanager.launch.holder;

import java.time.Duration;
import java.util.List;
import org.umlmanager.launch.Posix;

/**
 * Reaps the helper processes a dead kernel left behind. The holder is a child subreaper
 * ({@link Posix#becomeSubreaper()}), so they become its children once UML is gone; without
 * this they would stay zombies wherever init does not reap.
 */
final class Orphans {

    private Orphans() {
    }

    /** Reaps ended children until none is left or {@code patience} has passed. Call after UML was reaped. */
    static void reap(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<ProcessHandle> children = ProcessHandle.current().children().toList();
            children.forEach(c -> Posix.reap(c.pid()));
            if (ProcessHandle.current().children().findAny().isEmpty() || System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
