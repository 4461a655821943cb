package org.umlmanager.storage;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A separate process for {@link StoreRobustnessTest}: takes a store's lock, says so on stdout and
 * keeps it until it is killed, as a stuck or stopped program would.
 */
public final class LockHoldingProcess {

    private LockHoldingProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (StoreLock lock = StoreLock.acquire(Path.of(args[0]), Duration.ofSeconds(30))) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
