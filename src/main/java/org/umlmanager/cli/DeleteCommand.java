package org.umlmanager.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete an instance's configuration (its disk images are left alone).")
final class DeleteCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "NAME", description = "The instance.")
    String name;

    DeleteCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Await.result(context.service().delete(name));
        context.out().println("Deleted instance '" + name + "'.");
        return 0;
    }
}
