package org.umlmanager.cli;

import java.util.concurrent.Callable;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.InstanceState;
import org.umlmanager.service.GuestException;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.service.GuestRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop a running instance, printing each step.",
            "Graceful: Ctrl-Alt-Del, SysRq sync and read-only remount, halt, SIGTERM, SIGKILL, each only if needed.",
            "--force: halt at once, then SIGKILL."})
final class StopCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "NAME", description = "The instance.")
    String name;

    @Option(names = "--force", description = "Do not let the guest shut down: halt, then kill.")
    boolean force;

    StopCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (GuestRuntime runtime = RuntimeCli.open(context)) {
            GuestStatus now;
            try {
                now = Await.result(runtime.status(name));
            } catch (GuestException e) {
                context.err().println("error: " + e.getMessage());
                return ErrorHandler.USER_ERROR;
            }
            if (!now.state().active()) {
                context.out().println(name + " is not running" + (now.state() == InstanceState.CRASHED
                        ? ": it crashed" + (now.reason().isEmpty() ? "" : " (" + now.reason() + ")") : "") + ".");
                return 0;
            }
            context.out().println("Stopping " + name + (force ? " (forced)" : "") + ":");
            context.out().flush();
            GuestStatus end = Await.result(runtime.stop(name, force ? StopMode.FORCE : StopMode.GRACEFUL, step -> {
                context.out().println("  " + step.message());
                context.out().flush();
            }));
            context.out().println(name + " is " + end.state().name().toLowerCase(java.util.Locale.ROOT) + ".");
            return 0;
        }
    }
}
