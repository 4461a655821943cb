package org.umlmanager.job;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets the user stop a running job. {@link #cancel()} only raises a flag (and runs the quick
 * actions registered with {@link #whenCancelled}) and returns at once, so it is safe to call from
 * a UI thread or a signal handler; the worker notices the flag between units of work, stops the
 * host tools it started and removes what it had made, then throws {@link CancelledException}.
 * Thread-safe.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

    /** A token nobody cancels (a fresh one each time, so no caller can cancel another's). */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        synchronized (onCancel) {
            if (cancelled) {
                return;
            }
            cancelled = true;
        }
        onCancel.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws when the job was cancelled; {@code what} names the operation for the message. */
    public void check(String what) {
        if (cancelled) {
            throw new CancelledException(what + " was cancelled");
        }
    }

    /** Runs {@code action} on cancel (at once if already cancelled); it must be quick and must not throw. */
    public void whenCancelled(Runnable action) {
        synchronized (onCancel) {
            if (!cancelled) {
                onCancel.add(action);
                return;
            }
        }
        action.run();
    }
}
