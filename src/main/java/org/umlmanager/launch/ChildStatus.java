package org.umlmanager.launch;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the supervisor knows about one of its children.
 *
 * @param spec     what it runs
 * @param state    where it is in its life
 * @param pid      its process while it runs
 * @param restarts how often it was started again after it died
 * @param reason   why it is in that state when that matters ("exited with status 1; starting it again in 2 s")
 */
public record ChildStatus(ChildSpec spec, State state, OptionalLong pid, int restarts, String reason) {

    public enum State {
        /** Its process runs. */
        RUNNING,
        /** Its process died; it is started again after a pause. */
        RESTARTING,
        /** Stopped on request, or because none of the guests it serves runs. */
        STOPPED,
        /** It died too often in a short time and is not started again. */
        FAILED
    }

    public ChildStatus {
        Objects.requireNonNull(spec);
        Objects.requireNonNull(state);
        Objects.requireNonNull(pid);
        Objects.requireNonNull(reason);
    }

    public String name() {
        return spec.name();
    }
}
