package org.umlmanager.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.launch.LineInfo;
import org.umlmanager.model.Instance;
import org.umlmanager.service.GuestException;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.service.LaunchRefusedException;
import org.umlmanager.service.GuestRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Start an instance. It keeps running after this command ends; stop it with 'uml-manager stop'.",
            "With --attach, this terminal becomes its main console until the guest stops or you press Ctrl-]."})
final class StartCommand implements Callable<Integer> {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);

    private final CliContext context;

    @Parameters(paramLabel = "NAME", description = "The instance.")
    String name;

    @Option(names = "--attach", description = "Connect this terminal to the main console (detach with Ctrl-]).")
    boolean attach;

    StartCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Instance instance = Await.result(context.service().get(name));
        try (GuestRuntime runtime = RuntimeCli.open(context)) {
            GuestStatus started;
            try {
                started = Await.result(runtime.start(instance));
            } catch (LaunchRefusedException e) {
                context.err().println("error: cannot start " + name + ":");
                for (Problem p : e.problems()) {
                    context.err().println("  " + p.subject() + ": " + p.message());
                }
                return ErrorHandler.USER_ERROR;
            }
            context.out().println("Starting " + name + " (pid " + started.pid().orElse(-1) + ").");
            context.out().flush();
            if (attach) {
                return ConsoleCommand.attach(context, runtime, name,
                        started.lines().isEmpty() ? "con0" : started.lines().get(0).name());
            }
            GuestStatus up;
            try {
                up = runtime.whenRunning(name).get(BOOT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                context.err().println("error: " + name + " has not come up within " + BOOT_TIMEOUT.toSeconds()
                        + " s; see its console log or 'uml-manager status " + name + "'");
                return ErrorHandler.FAILURE;
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof GuestException g) {
                    context.err().println("error: " + g.getMessage());
                    return ErrorHandler.FAILURE;
                }
                throw e;
            }
            context.out().println(name + " is running (pid " + up.pid().orElse(-1) + ", mconsole "
                    + up.mconsoleSocket().map(Object::toString).orElse("?") + ").");
            for (LineInfo line : up.lines()) {
                context.out().println("  " + line.name() + ": " + describe(line));
            }
            return 0;
        }
    }

    static String describe(LineInfo line) {
        if (line.transport() == LineInfo.Transport.PTY) {
            return "main console";
        }
        return line.device().map(d -> "pts " + d).orElse("pts, allocated when the guest opens it");
    }
}
