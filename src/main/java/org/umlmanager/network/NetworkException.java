package org.umlmanager.network;

/**
 * A network operation that cannot be done; the message is a sentence for the user that names the
 * network and the fix. {@link #userFixable()} tells a missing package, a taken port or a bad name
 * (the user's to fix) from a process that failed while doing what was asked.
 */
public final class NetworkException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean userFixable;

    public NetworkException(String message, boolean userFixable) {
        super(message);
        this.userFixable = userFixable;
    }

    public NetworkException(String message, boolean userFixable, Throwable cause) {
        super(message, cause);
        this.userFixable = userFixable;
    }

    public boolean userFixable() {
        return userFixable;
    }
}
