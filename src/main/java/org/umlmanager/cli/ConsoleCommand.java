package org.umlmanager.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.LineInfo;
import org.umlmanager.service.GuestException;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.service.GuestRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code uml-manager console NAME [LINE]}: this terminal on a running guest's console, as virsh console. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Connect this terminal to a console of a running instance, until it stops or you press Ctrl-].",
            "The guest keeps running when you detach; its whole console output is also in its log."})
final class ConsoleCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "The running instance.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "LINE",
            description = "con0, con1, ssl0 … (default: its main console).")
    String line;

    ConsoleCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (GuestRuntime runtime = RuntimeCli.open(context)) {
            GuestStatus status = Await.result(runtime.status(name));
            if (!status.state().active()) {
                context.err().println("error: " + name + " is " + status.state().name().toLowerCase(Locale.ROOT)
                        + "; start it with 'uml-manager start " + name + " --attach'");
                return ErrorHandler.USER_ERROR;
            }
            if (!status.managed()) {
                context.err().println("error: " + status.consolesUnreachable());
                return ErrorHandler.USER_ERROR;
            }
            return attach(context, runtime, name, line != null ? line
                    : status.lines().stream().map(LineInfo::name).findFirst().orElse("con0"));
        } catch (GuestException e) {
            context.err().println("error: " + e.getMessage());
            return ErrorHandler.USER_ERROR;
        }
    }

    /** Attaches this terminal to {@code line} until the console ends or the user detaches. */
    static int attach(CliContext context, GuestRuntime runtime, String name, String line) throws Exception {
        try (ConsoleStream console = Await.result(runtime.openConsole(name, line))) {
            context.out().println("Attached to " + name + " " + line + "; detach with Ctrl-].");
            context.out().flush();
            boolean detached = TerminalAttach.run(console);
            context.out().println();
            if (detached) {
                context.out().println("Detached; " + name + " keeps running ('uml-manager console " + name
                        + "' attaches again, 'uml-manager stop " + name + "' stops it).");
            } else {
                GuestStatus end = Await.result(runtime.status(name));
                context.out().println(name + " is " + end.state().name().toLowerCase(Locale.ROOT)
                        + (end.reason().isEmpty() ? "" : " (" + end.reason() + ")") + ".");
            }
            return 0;
        }
    }
}
