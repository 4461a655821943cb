package org.umlmanager.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CLI as its own JVM, the way the launcher runs it, with this test run's class path. */
final class CliProcess {

    private CliProcess() {
    }

    /** {@code java … org.umlmanager.Main}; append the CLI's arguments. */
    static List<String> command() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-XX:+UseSerialGC"));
        for (String key : List.of("pty4j.tmpdir", "jna.tmpdir")) {
            String value = System.getProperty(key);
            if (value != null) {
                command.add("-D" + key + "=" + value);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.umlmanager.Main"));
        return command;
    }
}
