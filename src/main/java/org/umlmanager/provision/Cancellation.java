package org.umlmanager.provision;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets the user stop a running provisioning job. {@link #cancel()} only raises a flag (and passes
 * it on to the tokens of the disk and COW operations the job runs) and returns at once, so it is
 * safe to call from a UI thread; the worker notices the flag, stops the child processes it
 * started (by PID, SIGTERM then SIGKILL) and removes what it had made.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

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

    /** Throws when the job was cancelled; workers call it between steps. */
    public void check() throws CancelledException {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /** Runs {@code action} on cancel (at once if already cancelled); it must be quick and must not throw. */
    void whenCancelled(Runnable action) {
        synchronized (onCancel) {
            if (!cancelled) {
                onCancel.add(action);
                return;
            }
        }
        action.run();
    }
}
