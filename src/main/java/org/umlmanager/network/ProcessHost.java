package org.umlmanager.network;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Whoever keeps a network's host processes as its children: it starts them, learns at once when
 * one ends (and collects its exit status, so none is left a zombie), and stops them. A network's
 * processes live exactly as long as their host keeps them: the host holds each one's standard
 * input open, and {@code vde_switch} ends when it reads end of file there.
 *
 * <p>Today each running network has a small keeper process of its own ({@link KeeperMain}) with
 * {@link ChildProcesses} as its host; a per-user supervisor that hosts guests can take its place
 * by implementing this interface (see docs/DESIGN.md, "Networks").
 */
public interface ProcessHost {

    /**
     * Starts {@code argv} in a session of its own with its output appended to {@code log}.
     *
     * @throws IOException if it cannot be started (the message names the program)
     */
    Hosted start(String name, List<String> argv, Path log) throws IOException;

    /** One process started by a {@link ProcessHost}. */
    interface Hosted {

        long pid();

        /** Completes with the exit status (128 + N for signal N) once the process has ended and been collected. */
        CompletableFuture<Integer> exit();

        /** SIGTERM, then SIGKILL after {@code grace}; returns once the process has been collected. */
        void stop(Duration grace) throws InterruptedException;
    }
}
