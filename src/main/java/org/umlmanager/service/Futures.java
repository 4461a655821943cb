package org.umlmanager.service;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** How the services hand blocking work to their executor and answer with a future. */
final class Futures {

    private Futures() {
    }

    /**
     * Runs {@code work} on {@code executor}; the future completes with its result or with whatever
     * it threw. An executor that refuses the work (shut down) fails the future rather than the caller.
     */
    static <T> CompletableFuture<T> submit(Executor executor, Callable<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    future.complete(work.call());
                } catch (Throwable e) {
                    future.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(e);
        }
        return future;
    }
}
