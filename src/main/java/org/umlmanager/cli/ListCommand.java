package org.umlmanager.cli;

import java.util.concurrent.Callable;
import org.umlmanager.storage.InstanceJson;
import org.umlmanager.storage.LoadProblem;
import org.umlmanager.storage.LoadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the saved instances.")
final class ListCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
    boolean json;

    ListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        LoadReport report = Await.result(context.service().list());
        for (LoadProblem problem : report.problems()) {
            context.err().println("warning: " + problem);
        }
        if (json) {
            context.out().print(InstanceJson.of(report));
        } else if (report.instances().isEmpty()) {
            context.out().println("No instances yet; create one with 'uml-manager import NAME -- ARG...'.");
        } else {
            context.out().print(InstanceText.table(report.instances()));
        }
        return 0;
    }
}
