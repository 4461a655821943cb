package org.umlmanager.service;

import java.util.List;
import java.util.stream.Collectors;
import org.umlmanager.cmdline.Problem;

/**
 * A start was refused before anything ran: the kernel is missing, an image is missing or in use
 * by a running guest, a COW file no longer matches its backing file, the umid is taken, or the
 * configuration is invalid. Each problem names the field and says what to do.
 */
public final class LaunchRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String instance;
    private final transient List<Problem> problems;

    public LaunchRefusedException(String instance, List<Problem> problems) {
        super("cannot start " + instance + ": " + problems.stream().map(p -> p.subject() + ": " + p.message())
                .collect(Collectors.joining("; ")));
        this.instance = instance;
        this.problems = List.copyOf(problems);
    }

    public String instance() {
        return instance;
    }

    /** The reasons, errors only, in the order they were found. */
    public List<Problem> problems() {
        return problems;
    }
}
