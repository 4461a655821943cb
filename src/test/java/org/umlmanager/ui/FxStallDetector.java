package org.umlmanager.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.application.Platform;

/**
 * Measures how long the FX thread takes to run a tiny task posted every 10 ms: while the UI is
 * responsive that is well under a frame; a handler that blocks (a process wait, a socket read,
 * file I/O) or does too much shows up as a long delay. While a task is late the FX thread's state
 * and stack are sampled every 10 ms, each sample standing for the time since the one before.
 *
 * <p>What counts against the UI is the time the FX thread itself spent on the delay: the CPU time
 * it used, plus the time it was found blocked or waiting (a lock, a sleep, I/O) inside a task.
 * Time it was ready to run but had no CPU (a loaded machine, a throttled test run), or idle in its
 * event loop because the task had not reached it yet, is not its doing and is reported apart, as
 * is time spent waiting for the render thread to finish a frame (the software renderer of headless
 * tests on a busy machine).
 */
public final class FxStallDetector implements AutoCloseable {

    private static final long SAMPLE_MS = 10;
    private static final long LATE_MS = 50;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /**
     * The FX thread's event loop waiting for its next task: found there during a delay, it was
     * idle (the task had not reached it yet; on a loaded machine the thread that posts or wakes it
     * may have had no CPU), which is not time a handler took.
     */
    private static final String IDLE = "RunnableQueue.getNextRunnable";

    private final Thread prober;
    private final AtomicLong worstNanos = new AtomicLong();
    private final AtomicLong worstRenderNanos = new AtomicLong();
    private final AtomicLong worstStarvedNanos = new AtomicLong();
    private volatile boolean running = true;
    private volatile String worstStack = "(no stall)";

    public FxStallDetector() {
        prober = new Thread(this::probe, "fx-stall-detector");
        prober.setDaemon(true);
        prober.start();
    }

    private void probe() {
        Thread fx = fxThread();
        while (running) {
            long posted = System.nanoTime();
            long cpuBefore = cpuTime(fx);
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(ran::countDown);
            try {
                if (ran.await(LATE_MS, TimeUnit.MILLISECONDS)) {
                    Thread.sleep(SAMPLE_MS);
                    continue;
                }
                // Each sample stands for the time since the previous one (the first, for the whole wait so far).
                long render = 0;
                long blocked = 0;
                long last = posted;
                String firstWorkStack = null;
                do {
                    Thread.State state = fx.getState();
                    String stack = stack(fx);
                    long now = System.nanoTime();
                    if (stack.contains("waitForRenderingToComplete")) {
                        render += now - last;
                    } else if (!stack.contains(IDLE)) {
                        if (state != Thread.State.RUNNABLE) {
                            blocked += now - last;
                        }
                        if (firstWorkStack == null) {
                            firstWorkStack = "(" + state + ")\n" + stack;
                        }
                    }
                    last = now;
                } while (!ran.await(SAMPLE_MS, TimeUnit.MILLISECONDS) && running);
                long took = System.nanoTime() - posted;
                long cpu = cpuTime(fx) - cpuBefore;
                render = Math.min(took, render);
                worstRenderNanos.accumulateAndGet(render, Math::max);
                long own = Math.min(took - render, cpu + blocked);
                worstStarvedNanos.accumulateAndGet(took - render - own, Math::max);
                if (own > worstNanos.get()) {
                    worstNanos.set(own);
                    worstStack = firstWorkStack == null ? "(waiting for the renderer)" : firstWorkStack;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Thread fxThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("JavaFX Application Thread")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no FX thread"));
    }

    private static long cpuTime(Thread t) {
        return THREADS.getThreadCpuTime(t.getId());
    }

    private static String stack(Thread t) {
        return Arrays.stream(t.getStackTrace()).limit(40).map(f -> "    at " + f).collect(Collectors.joining("\n"));
    }

    /**
     * The longest the FX thread itself kept a posted task waiting (CPU time it used and time it was
     * blocked), not counting waits for the renderer or time the machine gave it no CPU.
     */
    public Duration worst() {
        return Duration.ofNanos(worstNanos.get());
    }

    /** The longest part of a delay spent waiting for the render thread. */
    public Duration worstRenderWait() {
        return Duration.ofNanos(worstRenderNanos.get());
    }

    /** The longest part of a delay the FX thread was ready to run but got no CPU. */
    public Duration worstStarved() {
        return Duration.ofNanos(worstStarvedNanos.get());
    }

    /** The worst stall and where the FX thread was during it. */
    public String describe() {
        return "worst FX thread stall " + worst().toMillis() + " ms of its own (render waits up to "
                + worstRenderWait().toMillis() + " ms, no CPU for up to " + worstStarved().toMillis()
                + " ms); the FX thread was in:\n" + worstStack;
    }

    /** Starts a new measurement window. */
    public void reset() {
        worstNanos.set(0);
        worstRenderNanos.set(0);
        worstStarvedNanos.set(0);
        worstStack = "(no stall)";
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        prober.interrupt();
        prober.join(2000);
    }
}
