package org.umlmanager.launch.holder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.launch.Posix;
import org.umlmanager.launch.StopMode;
import org.umlmanager.launch.StopStep;
import org.umlmanager.launch.StopStep.Step;

/**
 * Stops the guest step by step, each step only if the previous one did not end the process, and
 * says what it does. Graceful: Ctrl-Alt-Del (a guest whose init does not power off on it
 * reboots, and is halted the moment the new kernel's mconsole is up, since its services and
 * filesystems were already stopped), SysRq sync and read-only remount, halt, SIGTERM, SIGKILL to
 * the process group. Forced: halt, then SIGKILL. Runs on its own thread.
 */
final class StopSequence {

    private static final Logger LOG = LoggerFactory.getLogger(StopSequence.class);
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);
    static final Duration STEP_WAIT = Duration.ofSeconds(5);
    private static final Duration COMMAND = Duration.ofSeconds(2);

    private final GuestSession session;
    private final StopMode mode;
    private final boolean paused;
    private final List<Consumer<StopStep>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    StopSequence(GuestSession session, StopMode mode, boolean paused) {
        this.session = session;
        this.mode = mode;
        this.paused = paused;
    }

    StopMode mode() {
        return mode;
    }

    void addListener(Consumer<StopStep> listener) {
        listeners.add(listener);
    }

    /** A forced stop takes over: this one says nothing more and does nothing more. */
    void cancel() {
        cancelled = true;
    }

    void run() {
        try {
            if (mode == StopMode.GRACEFUL) {
                graceful();
            } else {
                forced();
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: stop sequence failed", session.spec().name(), e);
            report(Step.FAILED, "the stop sequence failed: " + e.getMessage());
        }
    }

    private void graceful() {
        if (paused) {
            session.commandNow("go", COMMAND);
        }
        CompletableFuture<Void> reboot = session.nextBoot();
        CommandResult cad = session.commandNow("cad", COMMAND);
        if (cad.ok()) {
            report(Step.CTRL_ALT_DEL, "sent Ctrl-Alt-Del; waiting up to " + SHUTDOWN_WAIT.toSeconds()
                    + " s for the guest to shut down");
            Outcome outcome = await(SHUTDOWN_WAIT, reboot);
            if (outcome == Outcome.ENDED || cancelled) {
                return;
            }
            if (outcome == Outcome.REBOOTED) {
                report(Step.REBOOTED, "the guest rebooted after Ctrl-Alt-Del (its init reboots on it); halting it now");
                if (halt()) {
                    return;
                }
            }
        } else {
            report(Step.CTRL_ALT_DEL, "Ctrl-Alt-Del was not delivered: " + cad.text());
        }
        if (cancelled) {
            return;
        }
        sysrq('s', Step.SYSRQ_SYNC, "SysRq s: synced the guest's filesystems");
        sysrq('u', Step.SYSRQ_UNMOUNT, "SysRq u: remounted the guest's filesystems read-only");
        if (cancelled || halt()) {
            return;
        }
        report(Step.SIGTERM, "sending SIGTERM to the kernel; waiting up to " + STEP_WAIT.toSeconds() + " s");
        session.process().signal(Posix.SIGTERM);
        if (awaitEnd(STEP_WAIT) || cancelled) {
            return;
        }
        kill();
    }

    private void forced() {
        if (!halt()) {
            kill();
        }
    }

    private void sysrq(char key, Step step, String done) {
        CommandResult r = session.commandNow("sysrq " + key, COMMAND);
        report(step, r.ok() ? done : "SysRq " + key + " failed: " + r.text());
    }

    /** Asks the kernel to halt; true if the process ended within the step's time (no wait if it was not asked). */
    private boolean halt() {
        CommandResult r = session.commandNow("halt", COMMAND);
        report(Step.HALT, r.ok() ? "halting the kernel" : "halt was not delivered: " + r.text());
        return r.ok() ? awaitEnd(STEP_WAIT) : session.ended().isDone();
    }

    private void kill() {
        report(Step.SIGKILL, "sending SIGKILL to the kernel's process group");
        session.process().killGroup();
        awaitEnd(STEP_WAIT);
    }

    /** Called by the session once the process ended and its final state is recorded. */
    void finished(ExitReport report) {
        report(Step.STOPPED, "the guest is " + report.state().name().toLowerCase(java.util.Locale.ROOT)
                + " (" + report.reason() + ")");
    }

    private void report(Step step, String message) {
        if (cancelled && step != Step.STOPPED) {
            return;
        }
        StopStep s = new StopStep(step, message);
        LOG.info("{}: stop: {} {}", session.spec().name(), step, message);
        listeners.forEach(l -> l.accept(s));
    }

    private boolean awaitEnd(Duration wait) {
        return await(wait, null) == Outcome.ENDED;
    }

    private enum Outcome { ENDED, REBOOTED, TIMED_OUT }

    /** Waits for the process to end or, when {@code reboot} is given, for the kernel to boot again. */
    private Outcome await(Duration wait, CompletableFuture<Void> reboot) {
        CompletableFuture<Outcome> first = new CompletableFuture<>();
        session.ended().thenRun(() -> first.complete(Outcome.ENDED));
        if (reboot != null) {
            reboot.thenRun(() -> first.complete(Outcome.REBOOTED));
        }
        try {
            return first.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.TIMED_OUT;
        } catch (TimeoutException | ExecutionException e) {
            return Outcome.TIMED_OUT;
        }
    }
}
