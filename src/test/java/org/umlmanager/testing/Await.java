package org.umlmanager.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waiting for something a test expects to happen off the FX thread (a file, a process, an event
 * a listener collected): the condition is looked at again every 20 ms until it holds or the
 * limit passes. For JavaFX state use {@link FxWait}.
 */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /**
     * Returns once {@code condition} is true; fails the test naming {@code what} when it is still
     * false after {@code limit}. An exception from the condition counts as false; the last one is
     * attached to the failure.
     */
    public static void until(Duration limit, String what, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        Throwable last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
                last = null;
            } catch (Exception | AssertionError e) {
                last = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                AssertionError failure = new AssertionError("not within " + limit + ": " + what);
                if (last != null) {
                    failure.initCause(last);
                }
                throw failure;
            }
            pause();
        }
    }

    /** The first value {@code read} returns that is not null, within {@code limit}. */
    public static <T> T value(Duration limit, String what, Callable<T> read) {
        Object[] found = new Object[1];
        until(limit, what, () -> (found[0] = read.call()) != null);
        @SuppressWarnings("unchecked")
        T value = (T) found[0];
        return value;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
