package org.umlmanager.cli;

import java.io.PrintWriter;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.NetworkService;

/** What every subcommand works with. */
record CliContext(InstanceService service, NetworkService networks, CliEnvironment environment) {

    PrintWriter out() {
        return environment.out();
    }

    PrintWriter err() {
        return environment.err();
    }
}
