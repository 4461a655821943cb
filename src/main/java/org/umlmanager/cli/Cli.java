package org.umlmanager.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code uml-manager} command and its subcommands. */
@Command(name = "uml-manager", mixinStandardHelpOptions = true, version = "UML Manager 0.1.0",
        description = "Manage User Mode Linux virtual machines.")
public final class Cli implements Runnable {

    /** Runs the CLI and returns the process exit status. */
    public static int run(String... args) {
        return new CommandLine(new Cli()).execute(args);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
