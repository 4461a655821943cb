package org.umlmanager.cli;

import java.io.PrintWriter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.umlmanager.service.BulkRun;
import org.umlmanager.service.GuestRuntime;

/**
 * What {@code start} and {@code stop} share when they work on several guests: a runtime whose
 * calls run in parallel, progress printed one line per step ({@code web: running (pid 42)}), a
 * summary, and an exit status saying which kind of failure there was.
 */
final class BulkCli implements AutoCloseable {

    private static final java.util.Set<String> BULK_STARTS = java.util.Arrays.stream(BulkRun.Operation.values())
            .map(o -> o.doing().toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());

    private final ExecutorService work = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "uml-manager-bulk");
        t.setDaemon(true);
        return t;
    });
    private final GuestRuntime runtime;
    private final PrintWriter out;

    BulkCli(CliContext context) {
        this.runtime = RuntimeCli.open(context, work);
        this.out = context.out();
    }

    GuestRuntime runtime() {
        return runtime;
    }

    /** Prints a step as it happens; steps come from several threads. */
    void progress(BulkRun.Progress p) {
        // Every guest is waiting at first, and then being worked on: only what happens to it is news.
        if (!p.finished() && (p.message().equals("waiting") || BULK_STARTS.contains(p.message()))) {
            return;
        }
        synchronized (out) {
            out.println("  " + p.name() + ": " + p.message());
            out.flush();
        }
    }

    /** Prints the summary and returns the exit status: 1 if anything failed, 2 if only refusals, else 0. */
    int finish(BulkRun.Summary summary) {
        synchronized (out) {
            out.println(summary.text());
            out.flush();
        }
        if (summary.count(BulkRun.Result.FAILED) > 0) {
            return ErrorHandler.FAILURE;
        }
        return summary.count(BulkRun.Result.REFUSED) > 0 ? ErrorHandler.USER_ERROR : 0;
    }

    static String heading(BulkRun.Operation operation, int guests, int parallel) {
        return operation.doing() + " " + guests + " guest" + (guests == 1 ? "" : "s") + ", up to " + parallel
                + " at a time:";
    }

    @Override
    public void close() {
        runtime.close();
        work.shutdownNow();
    }
}
