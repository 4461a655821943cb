package org.umlmanager.cli;

import java.io.PrintWriter;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.JobService;
import org.umlmanager.service.NetworkService;

/** What every subcommand works with. */
record CliContext(InstanceService service, NetworkService networks, JobService jobs, CliEnvironment environment) {

    PrintWriter out() {
        return environment.out();
    }

    PrintWriter err() {
        return environment.err();
    }
}
