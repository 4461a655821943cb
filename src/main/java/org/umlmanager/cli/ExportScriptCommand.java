package org.umlmanager.cli;

import java.util.concurrent.Callable;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.GenerateOptions;
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
        context.out().print(CommandLineGenerator.launchCommand(Await.result(context.service().get(name)),
                GenerateOptions.none()).toScript(name));
        return 0;
    }
}
