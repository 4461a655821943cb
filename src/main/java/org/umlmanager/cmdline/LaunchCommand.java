package org.umlmanager.cmdline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process to run for an instance: its extra environment and its argv, binary first
 * ({@code taskset -c LIST linux …} when CPU pinning is set).
 */
public record LaunchCommand(Map<String, String> environment, List<String> argv) {

    public LaunchCommand {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        argv = List.copyOf(argv);
    }

    /** One line that can be pasted into a POSIX shell: {@code TMPDIR=/x taskset -c 0 linux mem=…}. */
    public String toShellLine() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A runnable {@code #!/bin/sh} script that starts the instance. */
    public String toScript(String instanceName) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
