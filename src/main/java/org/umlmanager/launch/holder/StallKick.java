package org.umlmanager.launch.holder;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wakes a guest whose console output stopped half-way through a burst. UML's console driver
 * writes to non-blocking host descriptors; when the pty (or pts) it writes to is full it waits
 * for a SIGIO, which a pty never sends for room to write, so a long burst ({@code seq 1 300000})
 * stops for good until some other interrupt reaches the kernel: a key, or an mconsole request,
 * after which the driver writes on. Whether it stopped or simply finished cannot be told from
 * outside (the reads before a stall may be small), so whenever output has been quiet for {@link
 * #QUIET} this runs {@code kick} (a harmless mconsole request, some 20 µs) once; output that had
 * simply ended costs one request. Thread-safe: readers call {@link #noteRead}, a timer calls
 * {@link #check}.
 */
final class StallKick {

    static final Duration QUIET = Duration.ofMillis(300);

    private final Runnable kick;
    private final LongSupplier nanos;
    private long lastRead;
    private boolean armed;

    StallKick(Runnable kick) {
        this(kick, System::nanoTime);
    }

    StallKick(Runnable kick, LongSupplier nanos) {
        this.kick = kick;
        this.nanos = nanos;
    }

    synchronized void noteRead(int bytes) {
        lastRead = nanos.getAsLong();
        armed = bytes > 0;
    }

    /** Kicks once when output has been quiet for {@link #QUIET} since the last read. */
    void check() {
        synchronized (this) {
            if (!armed || nanos.getAsLong() - lastRead < QUIET.toNanos()) {
                return;
            }
            armed = false;
        }
        kick.run();
    }
}
