package org.umlmanager.launch;

import java.util.Objects;

/**
 * One visible step of stopping a guest.
 *
 * @param step    which step
 * @param message what happened, for people ("sent Ctrl-Alt-Del; waiting up to 10 s for the guest to shut down")
 */
public record StopStep(Step step, String message) {

    /** The steps, in the order a graceful stop tries them. */
    public enum Step {
        CTRL_ALT_DEL, REBOOTED, SYSRQ_SYNC, SYSRQ_UNMOUNT, HALT, SIGTERM, SIGKILL, STOPPED, FAILED
    }

    public StopStep {
        Objects.requireNonNull(step);
        Objects.requireNonNull(message);
    }
}
