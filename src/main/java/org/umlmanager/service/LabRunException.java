package org.umlmanager.service;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** A lab, or one of its devices, that could not be started or stopped; the message is for people. */
public final class LabRunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LabRunException(String message) {
        super(message);
    }

    /** The message of the failure behind {@code e}, unwrapped from the futures it went through. */
    static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
