package org.umlmanager.cli;

import java.util.concurrent.Callable;
import org.umlmanager.model.Instance;
import org.umlmanager.storage.InstanceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show the configuration of an instance.")
final class ShowCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "NAME", description = "The instance.")
    String name;

    @Option(names = "--json", description = "Print the instance's JSON document instead of text.")
    boolean json;

    ShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Instance instance = Await.result(context.service().get(name));
        context.out().print(json ? InstanceJson.of(instance) : InstanceText.details(instance, Launch.shellLine(context, instance)));
        return 0;
    }
}
