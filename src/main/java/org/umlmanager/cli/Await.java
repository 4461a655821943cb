package org.umlmanager.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The CLI is sequential: it waits for each service call and rethrows its failure as is. */
final class Await {

    private Await() {
    }

    static <T> T result(CompletableFuture<T> future) throws Exception {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
