package org.umlmanager.cmdline;

import java.util.List;

/** Reads an existing UML command line into an {@link org.umlmanager.model.Instance}. */
public final class CommandLineParser {

    private CommandLineParser() {
    }

    /**
     * Parses the kernel's arguments (without the binary), one argv element per option as UML
     * itself takes them. Never throws for bad input: problems are reported in the result.
     */
    public static ParseResult parse(String name, List<String> kernelArgs) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
