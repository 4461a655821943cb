package org.umlmanager.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.umlmanager.model.AppPaths;

/** One in-process run of the CLI with everything it printed. */
record CliRun(int status, String out, String err) {

    /** Runs {@code args} with all state under {@code home} (as {@code UML_MANAGER_HOME=home} would). */
    static CliRun run(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(new CliEnvironment(AppPaths.under(home), home, new PrintWriter(out), new PrintWriter(err)),
                args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
