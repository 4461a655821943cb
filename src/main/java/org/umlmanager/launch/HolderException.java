package org.umlmanager.launch;

import java.io.IOException;

/** The holder refused a request; the message says why, for people. */
public final class HolderException extends IOException {

    private static final long serialVersionUID = 1L;

    public HolderException(String message) {
        super(message);
    }
}
