package org.umlmanager.storage;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One instance file that was not loaded (or loaded with a remark).
 *
 * @param file    the file as it was found
 * @param message what is wrong, for the user
 * @param movedTo where an unreadable file was moved aside to; empty when it was left in place
 * @param loaded  whether the instance was loaded anyway (a warning, not an error)
 */
public record LoadProblem(Path file, String message, Optional<Path> movedTo, boolean loaded) {

    public LoadProblem {
        Objects.requireNonNull(file);
        Objects.requireNonNull(message);
        Objects.requireNonNull(movedTo);
    }

    /** One line for a terminal or a log. */
    @Override
    public String toString() {
        return file + ": " + message + movedTo.map(p -> "; moved aside to " + p).orElse("");
    }
}
