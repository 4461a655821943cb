package org.umlmanager.disk;

import java.io.IOException;

/** The user cancelled the operation; whatever it was making has been removed. */
public final class CancelledException extends IOException {

    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
