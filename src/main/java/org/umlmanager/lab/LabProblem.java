package org.umlmanager.lab;

import java.util.Objects;

/**
 * Something wrong (an error: nothing is imported) or worth knowing (a warning: imported anyway) in
 * a lab directory.
 *
 * @param error   whether it stops the import
 * @param where   the file and line, such as {@code lab.conf line 12}
 * @param message what is wrong and how to fix it
 */
public record LabProblem(boolean error, String where, String message) {

    public LabProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    public static LabProblem error(String where, String message) {
        return new LabProblem(true, where, message);
    }

    public static LabProblem warning(String where, String message) {
        return new LabProblem(false, where, message);
    }

    /** {@code lab.conf line 12: …}, one line for a terminal or a dialog. */
    @Override
    public String toString() {
        return where + ": " + message;
    }
}
