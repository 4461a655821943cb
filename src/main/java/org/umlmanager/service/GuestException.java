package org.umlmanager.service;

/** A request about a guest could not be done; the message says why, for people. */
public class GuestException extends Exception {

    private static final long serialVersionUID = 1L;

    public GuestException(String message) {
        super(message);
    }

    public GuestException(String message, Throwable cause) {
        super(message, cause);
    }
}
