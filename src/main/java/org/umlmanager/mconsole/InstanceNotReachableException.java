package org.umlmanager.mconsole;

import java.nio.file.Path;

/**
 * Nothing answers at the mconsole socket: the instance is not running. {@link Reason#NO_SOCKET}
 * means the socket file does not exist (never started, or halted cleanly, which removes it);
 * {@link Reason#REFUSED} means the file is there but no process holds it (ECONNREFUSED): the
 * guest crashed or was killed and left its umid directory behind.
 */
public final class InstanceNotReachableException extends MconsoleException {

    private static final long serialVersionUID = 1L;

    /** Why the instance cannot be reached. */
    public enum Reason { NO_SOCKET, REFUSED }

    private final Path socket;
    private final Reason reason;

    public InstanceNotReachableException(Path socket, Reason reason, Throwable cause) {
        super(describe(socket, reason), cause);
        this.socket = socket;
        this.reason = reason;
    }

    private static String describe(Path socket, Reason reason) {
        return switch (reason) {
            case NO_SOCKET -> "no mconsole socket at " + socket
                    + ": the instance is not running (or runs with another umid or uml_dir)";
            case REFUSED -> "the mconsole socket " + socket
                    + " refused the request: the instance is no longer running (stale socket left by a crash)";
        };
    }

    public Path socket() {
        return socket;
    }

    public Reason reason() {
        return reason;
    }
}
