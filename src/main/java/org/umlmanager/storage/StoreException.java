package org.umlmanager.storage;

import java.util.Objects;

/**
 * A store operation that cannot be done; the message is a complete sentence for the user, naming
 * the instance and what to do.
 */
public final class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the operation failed, for callers that react differently (exit codes, dialogs). */
    public enum Reason {
        /** No instance has that name. */
        NO_SUCH_INSTANCE,
        /** Another instance already has the name (or one differing only by case). */
        NAME_TAKEN,
        /** The name cannot be an instance name. */
        INVALID_NAME,
        /** The instance's file is not a readable instance document; it was moved aside. */
        UNREADABLE,
        /** The file was written by a newer UML Manager; this one does not change it. */
        NEWER_VERSION,
        /** Another process has held the store's lock for too long (it is stuck or stopped); it is named. */
        BUSY,
        /** The file system refused (permissions, disk full, …). */
        IO
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        this(reason, message, null);
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
