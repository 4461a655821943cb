package org.umlmanager.service;

import java.time.Duration;
import java.util.function.Consumer;
import org.umlmanager.launch.Posix;
import org.umlmanager.launch.StopMode;
import org.umlmanager.launch.StopStep;
import org.umlmanager.launch.StopStep.Step;
import org.umlmanager.mconsole.MconsoleAddress;
import org.umlmanager.mconsole.MconsoleClient;
import org.umlmanager.mconsole.MconsoleException;

/**
 * Stops a guest that no supervisor holds (started outside UML Manager, or not taken over): there is
 * no notify socket to see a Ctrl-Alt-Del reboot, so graceful means SysRq sync and read-only
 * remount, then halt; then SIGTERM and SIGKILL to the process group, as for supervised guests.
 * Blocks the calling thread.
 */
final class ExternalStop {

    private static final Duration COMMAND = Duration.ofSeconds(2);
    private static final Duration STEP_WAIT = Duration.ofSeconds(5);

    private ExternalStop() {
    }

    /** Returns whether the process is gone at the end. */
    static boolean run(UmidDirectories.Entry guest, StopMode mode, Consumer<StopStep> progress) {
        long pid = guest.pid().orElseThrow();
        try (MconsoleClient client = new MconsoleClient(MconsoleAddress.ofSocket(guest.mconsoleSocket()), COMMAND)) {
            if (mode == StopMode.GRACEFUL) {
                send(client, "sysrq s", Step.SYSRQ_SYNC, "SysRq s: synced the guest's filesystems", progress);
                send(client, "sysrq u", Step.SYSRQ_UNMOUNT, "SysRq u: remounted the guest's filesystems read-only",
                        progress);
            }
            send(client, "halt", Step.HALT, "halting the kernel", progress);
        }
        if (awaitGone(pid)) {
            return done(progress);
        }
        if (mode == StopMode.GRACEFUL) {
            progress.accept(new StopStep(Step.SIGTERM, "sending SIGTERM to pid " + pid));
            Posix.kill(pid, Posix.SIGTERM);
            if (awaitGone(pid)) {
                return done(progress);
            }
        }
        progress.accept(new StopStep(Step.SIGKILL, "sending SIGKILL to process group " + pid));
        Posix.killGroup(pid, Posix.SIGKILL);
        return awaitGone(pid) ? done(progress) : failed(pid, progress);
    }

    private static void send(MconsoleClient client, String command, Step step, String done,
                             Consumer<StopStep> progress) {
        try {
            client.send(command);
            progress.accept(new StopStep(step, done));
        } catch (MconsoleException e) {
            progress.accept(new StopStep(step, command + " was not delivered: " + e.getMessage()));
        }
    }

    private static boolean done(Consumer<StopStep> progress) {
        progress.accept(new StopStep(Step.STOPPED, "the guest is stopped"));
        return true;
    }

    private static boolean failed(long pid, Consumer<StopStep> progress) {
        progress.accept(new StopStep(Step.FAILED, "pid " + pid + " is still there after SIGKILL"));
        return false;
    }

    private static boolean awaitGone(long pid) {
        long deadline = System.nanoTime() + STEP_WAIT.toNanos();
        while (Posix.alive(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
