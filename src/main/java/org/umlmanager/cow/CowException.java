package org.umlmanager.cow;

import java.io.IOException;

/**
 * A COW operation cannot go ahead: the file is not a COW file, its header is damaged, it no
 * longer matches its backing file, a file is in use, or a destructive step was not confirmed.
 * The message says which and how to fix it.
 */
public final class CowException extends IOException {

    private static final long serialVersionUID = 1L;

    public CowException(String message) {
        super(message);
    }

    public CowException(String message, Throwable cause) {
        super(message, cause);
    }
}
