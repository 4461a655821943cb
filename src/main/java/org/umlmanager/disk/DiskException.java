package org.umlmanager.disk;

import java.io.IOException;

/** A disk operation failed for a reason the message explains to the user (with the fix, where there is one). */
public class DiskException extends IOException {

    private static final long serialVersionUID = 1L;

    public DiskException(String message) {
        super(message);
    }

    public DiskException(String message, Throwable cause) {
        super(message, cause);
    }
}
