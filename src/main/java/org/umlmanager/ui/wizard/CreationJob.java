package org.umlmanager.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.provision.ProvisionRequest;
import org.umlmanager.provision.ProvisionResult;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.service.JobService;

/**
 * One run of "make the VM, then save it": the provisioning job on a worker thread of its own,
 * its step, progress and live log as properties for the progress page (updated on the UI
 * executor, the log in batches so that a chatty mmdebstrap cannot flood the FX thread), Cancel,
 * and the outcome. If saving the instance fails, the files just made are removed again.
 */
final class CreationJob {

    private static final Logger LOG = LoggerFactory.getLogger(CreationJob.class);
    static final int MAX_LOG_LINES = 2_000;

    private final JobService jobs;
    private final Executor ui;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty stage = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile Cancellation cancellation = new Cancellation();

    /**
     * @param jobs runs the job (the app's gives it a thread of its own: a Debian install takes minutes)
     * @param ui   the FX thread ({@code Platform::runLater}); tests pass {@code Runnable::run}
     */
    CreationJob(JobService jobs, Executor ui) {
        this.jobs = jobs;
        this.ui = ui;
    }

    /**
     * Starts the job; completes on the UI executor with the saved result, or empty when it failed
     * or was cancelled ({@link #errorProperty()} then says why). Call on the UI thread.
     */
    CompletableFuture<Optional<ProvisionResult>> start(ProvisionRequest request) {
        cancellation = new Cancellation();
        Cancellation token = cancellation;
        running.set(true);
        error.set("");
        log.clear();
        progress.set(-1);
        CompletableFuture<Optional<ProvisionResult>> done = new CompletableFuture<>();
        jobs.create(request, listener(), token).whenComplete((made, failure) -> {
            String message = failure == null ? "" : message(request, failure);
            ui.execute(() -> {
                drain();
                error.set(message);
                running.set(false);
                done.complete(Optional.ofNullable(made));
            });
        });
        return done;
    }

    /** What the progress page says about a failed job. */
    private static String message(ProvisionRequest request, Throwable failure) {
        Throwable cause = JobService.cause(failure);
        if (JobService.cancelled(cause)) {
            return "Cancelled. Nothing was kept.";
        }
        if (cause instanceof JobService.NotSaved) {
            return "Could not save " + request.name() + ": " + cause.getMessage();
        }
        if (!JobService.worded(cause)) {
            LOG.error("creating {} failed", request.name(), cause);
        }
        return "Could not create " + request.name() + ": " + (JobService.worded(cause) ? cause.getMessage()
                : cause.toString());
    }

    /** Asks the running job to stop; returns at once. */
    void cancel() {
        cancellation.cancel();
    }

    ProgressListener listener() {
        return new ProgressListener() {
            @Override
            public void stage(String title) {
                ui.execute(() -> stage.set(title));
                log("== " + title);
            }

            @Override
            public void progress(double fraction) {
                ui.execute(() -> progress.set(fraction));
            }

            @Override
            public void log(String line) {
                pending.add(line);
                if (drainScheduled.compareAndSet(false, true)) {
                    ui.execute(CreationJob.this::drain);
                }
            }
        };
    }

    private void drain() {
        drainScheduled.set(false);
        List<String> batch = new ArrayList<>();
        for (String line; (line = pending.poll()) != null; ) {
            batch.add(line);
        }
        if (batch.isEmpty()) {
            return;
        }
        log.addAll(batch);
        if (log.size() > MAX_LOG_LINES) {
            log.remove(0, log.size() - MAX_LOG_LINES);
        }
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    ReadOnlyStringProperty stageProperty() {
        return stage;
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    ReadOnlyStringProperty errorProperty() {
        return error;
    }

    ObservableList<String> log() {
        return log;
    }
}
