package org.umlmanager.cli;

import java.util.concurrent.Callable;
import org.umlmanager.cmdline.LaunchCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cmdline", mixinStandardHelpOptions = true,
        description = "Print the command that starts an instance, as one line for a POSIX shell.")
final class CmdlineCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "NAME", description = "The instance.")
    String name;

    @Option(names = "--lines", description = "One argument per line, the binary first, unquoted"
            + " (environment variables are not included; see 'show').")
    boolean lines;

    CmdlineCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        LaunchCommand command = Launch.command(context, Await.result(context.service().get(name)));
        if (lines) {
            command.argv().forEach(context.out()::println);
        } else {
            context.out().println(command.toShellLine());
        }
        return 0;
    }
}
