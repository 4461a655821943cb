package org.umlmanager.ui.main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns failures into the text people read: the reason first, the stack trace only as details. */
public final class Errors {

    private Errors() {
    }

    /** The innermost meaningful message of a failure. */
    public static String reason(Throwable error) {
        Throwable t = unwrap(error);
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** "Could not ‹action› ‹name›: ‹reason›". */
    public static String headline(String action, String name, Throwable error) {
        return "Could not " + action + " " + name + ": " + reason(error);
    }

    public static String details(Throwable error) {
        StringWriter out = new StringWriter();
        unwrap(error).printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
