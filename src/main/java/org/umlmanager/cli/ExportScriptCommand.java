package org.umlmanager.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "export-script", mixinStandardHelpOptions = true,
        description = "Print a #!/bin/sh script that starts an instance without UML Manager.")
final class ExportScriptCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "NAME", description = "The instance.")
    String name;

    ExportScriptCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        context.out().print(Launch.command(context, Await.result(context.service().get(name))).toScript(name));
        return 0;
    }
}
