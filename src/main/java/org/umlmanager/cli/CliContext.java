package org.umlmanager.cli;

import java.io.PrintWriter;
import org.umlmanager.service.InstanceService;

/** What every subcommand works with. */
record CliContext(InstanceService service, CliEnvironment environment) {

    PrintWriter out() {
        return environment.out();
    }

    PrintWriter err() {
        return environment.err();
    }
}
