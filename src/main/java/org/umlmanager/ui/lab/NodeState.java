package org.umlmanager.ui.lab;

import java.util.Locale;
import org.umlmanager.model.InstanceState;

/** What a node of the topology shows, and its colour (the same in the window, PNG and SVG). */
public enum NodeState {
    STOPPED("#9e9e9e"),
    STARTING("#f0ad4e"),
    RUNNING("#43a047"),
    PAUSED("#5b9bd5"),
    STOPPING("#f0ad4e"),
    CRASHED("#d9534f"),
    /** A network whose processes failed. */
    FAILED("#d9534f"),
    /** A device whose instance, or a domain whose network, no longer exists. */
    MISSING("#5f5f5f");

    private final String colour;

    NodeState(String colour) {
        this.colour = colour;
    }

    /** {@code #rrggbb}. */
    public String colour() {
        return colour;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NodeState of(InstanceState s) {
        return switch (s) {
            case STOPPED -> STOPPED;
            case STARTING -> STARTING;
            case RUNNING -> RUNNING;
            case PAUSED -> PAUSED;
            case STOPPING -> STOPPING;
            case CRASHED -> CRASHED;
        };
    }

    /** A network's state word ({@code running}, {@code restarting}, {@code failed}, …) as a node state. */
    public static NodeState ofNetwork(String word) {
        return switch (word) {
            case "running" -> RUNNING;
            case "starting", "restarting" -> STARTING;
            case "stopping" -> STOPPING;
            case "failed" -> FAILED;
            default -> STOPPED;
        };
    }
}
