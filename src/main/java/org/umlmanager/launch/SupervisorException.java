package org.umlmanager.launch;

import java.io.IOException;

/** The supervisor refused a request; the message says why, for people. */
public final class SupervisorException extends IOException {

    private static final long serialVersionUID = 1L;

    public SupervisorException(String message) {
        super(message);
    }
}
