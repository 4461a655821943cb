package org.umlmanager.model;

/** The life cycle of a guest as the manager sees it. */
public enum InstanceState {
    STOPPED,
    STARTING,
    RUNNING,
    PAUSED,
    STOPPING,
    /** The kernel panicked or the process died on a signal. */
    CRASHED;

    /** Whether a UML process exists for the instance. */
    public boolean active() {
        return this == STARTING || this == RUNNING || this == PAUSED || this == STOPPING;
    }
}
