package org.umlmanager.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.umlmanager.launch.ConsoleLogs;

/**
 * A console line's whole output as the supervisor logged it ({@code LINE.log} and the rotated files
 * before it), for the history view and Save log…. Blocking file I/O.
 */
public final class ConsoleLogFiles {

    private ConsoleLogFiles() {
    }

    /** Whether anything of {@code line} was logged in {@code logDirectory}. */
    public static boolean exist(Path logDirectory, String line) {
        return !ConsoleLogs.files(logDirectory, line).isEmpty();
    }

    /** The current log file of {@code line} (for naming it). */
    public static Path current(Path logDirectory, String line) {
        return ConsoleLogs.current(logDirectory, line);
    }

    /** All of {@code line}'s log, oldest first, as one stream. */
    public static InputStream open(Path logDirectory, String line) throws IOException {
        return ConsoleLogs.open(logDirectory, line);
    }
}
