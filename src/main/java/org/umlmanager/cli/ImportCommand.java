package org.umlmanager.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.service.ImportRequest;
import org.umlmanager.service.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Save an existing UML command line as a new instance.",
            "Example: uml-manager import debian -- mem=256M ubd0=debian.img con0=fd:0,fd:1"})
final class ImportCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the new instance.")
    String name;

    @Parameters(index = "1..*", paramLabel = "ARG", arity = "0..*",
            description = "The kernel's arguments, without the kernel binary; put them after '--'.")
    List<String> kernelArgs = new ArrayList<>();

    @Option(names = "--kernel", paramLabel = "PATH", description = "The UML kernel binary (default: linux on PATH).")
    String kernel;

    @Option(names = "--dry-run", description = "Check and show the result, but save nothing.")
    boolean dryRun;

    ImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ValidationContext validation = RuntimeCli.validation(context.environment(),
                ValidationContext.HostChecks.WARN);
        ImportResult result = Await.result(context.service().importCommandLine(
                new ImportRequest(name, Optional.ofNullable(kernel), kernelArgs, dryRun, validation)));
        for (Problem problem : result.problems()) {
            context.err().println(problem);
        }
        if (result.hasErrors()) {
            return ErrorHandler.USER_ERROR;
        }
        if (dryRun) {
            context.out().print(InstanceText.details(result.instance(), Launch.shellLine(context, result.instance())));
            context.out().println("Dry run: '" + name + "' is valid and was not saved.");
        } else {
            context.out().println("Imported '" + name + "'.");
        }
        return 0;
    }
}
