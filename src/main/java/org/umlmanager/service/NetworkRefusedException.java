package org.umlmanager.service;

import java.util.List;
import java.util.stream.Collectors;
import org.umlmanager.cmdline.Problem;

/**
 * A network definition was refused before anything was saved: an invalid name, an overlapping or
 * invalid subnet, a bad forward. Each problem names the field and the fix.
 */
public final class NetworkRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public NetworkRefusedException(String network, List<Problem> problems) {
        super("network '" + network + "' not saved: " + problems.stream().map(p -> p.field() + " " + p.subject()
                + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** The errors, in the order they were found. */
    public List<Problem> problems() {
        return problems;
    }
}
