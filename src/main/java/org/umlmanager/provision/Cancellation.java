package org.umlmanager.provision;

/**
 * Lets the user stop a running provisioning job. {@link #cancel()} only raises a flag and returns
 * at once, so it is safe to call from a UI thread; the worker notices the flag, stops the child
 * processes it started (by PID, SIGTERM then SIGKILL) and removes what it had made.
 */
public final class Cancellation {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
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
}
