package org.umlmanager.cmdline;

import java.util.List;

/** POSIX shell quoting and word splitting for command lines pasted from scripts. */
public final class ShellWords {

    private ShellWords() {
    }

    /** Splits a shell command line into words (quotes, backslashes, line continuations). */
    public static List<String> split(String line) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Quotes one word so that a POSIX shell reads it back unchanged. */
    public static String quote(String word) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
