package org.umlmanager.provision;

/**
 * A provisioning step failed. The message is written for the user: what went wrong and, where
 * possible, what to do about it. It never contains a password.
 */
public class ProvisionException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProvisionException(String message) {
        super(message);
    }

    public ProvisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
