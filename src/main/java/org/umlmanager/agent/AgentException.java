package org.umlmanager.agent;

/** The guest's agent cannot be reached, or its answer was damaged; the message says which and why. */
public final class AgentException extends Exception {

    private static final long serialVersionUID = 1L;

    public AgentException(String message) {
        super(message);
    }
}
