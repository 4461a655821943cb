package org.umlmanager.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.umlmanager.network.KeeperNetworks;
import org.umlmanager.network.NetworkPaths;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.JobService;
import org.umlmanager.service.NetworkService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.NetworkStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code uml-manager} command and its subcommands. */
@Command(name = "uml-manager", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Manage User Mode Linux virtual machines. Without arguments, opens the desktop app.")
public final class Cli implements Runnable {

    @Spec
    CommandSpec spec;

    /** Runs the CLI in this process's environment and returns the exit status. */
    public static int run(String... args) {
        return run(CliEnvironment.system(), args);
    }

    /** Runs the CLI against {@code environment} and returns the exit status: 0, 1 (failure) or 2 (user error). */
    public static int run(CliEnvironment given, String... args) {
        // Control characters from input are shown escaped in every message (issue 12).
        CliEnvironment environment = new CliEnvironment(given.paths(), given.workingDirectory(), given.out(),
                new PrintWriter(new EscapingWriter(given.err()), true));
        CommandLine commandLine = commandLine(environment);
        int status = commandLine.execute(args);
        environment.out().flush();
        environment.err().flush();
        return status;
    }

    /**
     * The whole command with its subcommands, ready to execute against {@code environment}; the
     * packaging also generates the man pages and shell completion from it.
     */
    public static CommandLine commandLine(CliEnvironment environment) {
        // The CLI does one thing at a time, so the service's work runs on the calling thread.
        InstanceStore instances = new InstanceStore(environment.paths().instancesDir());
        InstanceService service = new InstanceService(instances, Runnable::run,
                Optional.of(RuntimeCli.layout(environment).defaultUmlDir()));
        NetworkPaths networkPaths = new NetworkPaths(environment.paths().networksRuntimeDir());
        NetworkService networks = new NetworkService(new NetworkStore(environment.paths().networksDir(),
                environment.paths().instancesDir()), instances, KeeperNetworks.forThisJvm(networkPaths), networkPaths,
                Runnable::run);
        CliContext context = new CliContext(service, networks, new JobService(environment.paths().imagesDir(),
                service, Runnable::run, Runnable::run), environment);
        ErrorHandler errors = new ErrorHandler(environment.err());
        return new CommandLine(new Cli())
                .addSubcommand(new ListCommand(context))
                .addSubcommand(new ShowCommand(context))
                .addSubcommand(new DeleteCommand(context))
                .addSubcommand(new ImportCommand(context))
                .addSubcommand(new CmdlineCommand(context))
                .addSubcommand(new ExportScriptCommand(context))
                .addSubcommand(new CreateCommand(context))
                .addSubcommand(new DiskCommand(context))
                .addSubcommand(new CowCommand(context))
                .addSubcommand(new StartCommand(context)).addSubcommand(new StopCommand(context))
                .addSubcommand(new StatusCommand(context)).addSubcommand(new ConsoleCommand(context))
                .addSubcommand(new MconsoleCommand(context))
                .addSubcommand(new ExecCommand(context))
                .addSubcommand(NetworkCommand.commandLine(context))
                .addSubcommand("lab", LabCommand.create(context))
                .setOut(environment.out())
                .setErr(environment.err())
                // Kernel arguments are taken literally: '@file' must not be read as a picocli argument file.
                .setExpandAtFiles(false)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
