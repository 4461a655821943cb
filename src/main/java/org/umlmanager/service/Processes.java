package org.umlmanager.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Host process facts from /proc. Stateless and thread-safe. */
final class Processes {

    private Processes() {
    }

    /** Whether {@code pid} is a live process: it exists and has not ended (a zombie waiting for its parent has). */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && stat.length() > close + 2 && stat.charAt(close + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
