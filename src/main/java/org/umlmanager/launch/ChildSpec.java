package org.umlmanager.launch;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A process other than a guest that the supervisor keeps running for its clients (a network's
 * switch, say): started in a session of its own, its output appended to {@code logFile}, started
 * again when it dies, stopped (with its whole process group) on request, and found again by a
 * supervisor that takes over from a killed one. It lives until it is stopped or, when {@code
 * boundTo} names guests, until none of them runs any more.
 *
 * @param name             unique among the supervisor's children: letters, digits, {@code . _ -}
 * @param argv             the program and its arguments
 * @param environment      variables added to the supervisor's environment
 * @param workingDirectory where it runs
 * @param logFile          where its standard output and error are appended
 * @param boundTo          the guests it serves; empty: it runs until it is stopped
 */
public record ChildSpec(String name, List<String> argv, Map<String, String> environment, Path workingDirectory,
                        Path logFile, Set<String> boundTo) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public ChildSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("child name '" + name + "': use up to 64 letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit");
        }
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("child " + name + ": argv is empty");
        }
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(logFile, "logFile");
        boundTo = Set.copyOf(boundTo);
    }

    /** The same child serving {@code more} guests as well. */
    public ChildSpec boundAlsoTo(Set<String> more) {
        Set<String> all = new java.util.TreeSet<>(boundTo);
        all.addAll(more);
        return new ChildSpec(name, argv, environment, workingDirectory, logFile, all);
    }
}
