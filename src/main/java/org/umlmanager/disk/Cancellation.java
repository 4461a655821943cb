package org.umlmanager.disk;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A flag another thread sets to stop a long operation. The operation polls it between units of
 * work (a chunk of data, a tick while an external tool runs) and then throws
 * {@link CancelledException}, after cleaning up what it had made. Thread-safe.
 */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A token nobody cancels (a fresh one each time, so no caller can cancel another's). */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws when cancelled; {@code what} names the operation for the message. */
    public void check(String what) throws CancelledException {
        if (cancelled.get()) {
            throw new CancelledException(what + " was cancelled");
        }
    }
}
