package org.umlmanager.ui;

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
 * file I/O) or does too much shows up as a long delay. While a task is late the FX thread's stack
 * is sampled every 10 ms, each sample standing for the time since the one before; time found
 * waiting for the render thread to finish a frame (the software renderer of headless tests on a
 * busy machine) is counted apart from the rest.
 */
public final class FxStallDetector implements AutoCloseable {

    private static final long SAMPLE_MS = 10;
    private static final long LATE_MS = 50;

    private final Thread prober;
    private final AtomicLong worstNanos = new AtomicLong();
    private final AtomicLong worstRenderNanos = new AtomicLong();
    private volatile boolean running = true;
    private volatile String worstStack = "(no stall)";

    public FxStallDetector() {
        prober = new Thread(this::probe, "fx-stall-detector");
        prober.setDaemon(true);
        prober.start();
    }

    private void probe() {
        while (running) {
            long posted = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(ran::countDown);
            try {
                if (ran.await(LATE_MS, TimeUnit.MILLISECONDS)) {
                    Thread.sleep(SAMPLE_MS);
                    continue;
                }
                // Each sample stands for the time since the previous one (the first, for the whole wait so far).
                long render = 0;
                long last = posted;
                String firstWorkStack = null;
                do {
                    String stack = fxStack();
                    long now = System.nanoTime();
                    if (stack.contains("waitForRenderingToComplete")) {
                        render += now - last;
                    } else if (firstWorkStack == null) {
                        firstWorkStack = stack;
                    }
                    last = now;
                } while (!ran.await(SAMPLE_MS, TimeUnit.MILLISECONDS) && running);
                long took = System.nanoTime() - posted;
                render = Math.min(took, render);
                worstRenderNanos.accumulateAndGet(render, Math::max);
                long work = took - render;
                if (work > worstNanos.get()) {
                    worstNanos.set(work);
                    worstStack = firstWorkStack == null ? "(waiting for the renderer)" : firstWorkStack;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String fxStack() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("JavaFX Application Thread")).findFirst()
                .map(e -> Arrays.stream(e.getValue()).limit(40).map(f -> "    at " + f)
                        .collect(Collectors.joining("\n"))).orElse("(no FX thread)");
    }

    /** The longest the FX thread kept a posted task waiting, not counting waits for the renderer. */
    public Duration worst() {
        return Duration.ofNanos(worstNanos.get());
    }

    /** The longest part of a delay spent waiting for the render thread. */
    public Duration worstRenderWait() {
        return Duration.ofNanos(worstRenderNanos.get());
    }

    /** The worst stall and where the FX thread was during it. */
    public String describe() {
        return "worst FX thread stall " + worst().toMillis() + " ms (render waits up to " + worstRenderWait().toMillis()
                + " ms apart); the FX thread was in:\n" + worstStack;
    }

    /** Starts a new measurement window. */
    public void reset() {
        worstNanos.set(0);
        worstRenderNanos.set(0);
        worstStack = "(no stall)";
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        prober.interrupt();
        prober.join(2000);
    }
}
