package org.umlmanager.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.umlmanager.agent.AgentClient;
import org.umlmanager.agent.AgentException;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.model.Instance;
import org.umlmanager.service.GuestException;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.service.GuestStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "exec", mixinStandardHelpOptions = true,
        description = {"Run a command as root in a running guest that UML Manager made, print its output and exit"
                + " with its status (124 when --timeout ended it). The guest's consoles are not touched.",
            "Example:",
            "  uml-manager exec web -- ip -4 addr show eth0"})
final class ExecCommand implements Callable<Integer> {

    /** The status of a command its time limit ended, as coreutils' timeout has it. */
    static final int TIMED_OUT = 124;
    /** How long the guest's agent may take to answer at all: it starts late in a guest that is booting. */
    private static final Duration AGENT_WAIT = Duration.ofSeconds(60);

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "The instance.")
    String name;

    @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "1..*",
            description = "The command and its arguments (after --), passed as they are: no shell.")
    List<String> command;

    @Option(names = "--timeout", paramLabel = "S", description = "Kill the command and what it started after S"
            + " seconds and exit 124.")
    Integer timeout;

    ExecCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (timeout != null && timeout < 1) {
            return error("--timeout must be at least 1 second");
        }
        Instance instance = Await.result(context.service().get(name));
        if (instance.agent().isEmpty()) {
            return error(name + " has no UML Manager command agent: exec reaches guests that 'uml-manager create'"
                    + " (or the New VM wizard) made; run the command on its console instead ('uml-manager console "
                    + name + "')");
        }
        String line = instance.agent().get().name();
        try (GuestRuntime runtime = RuntimeCli.open(context)) {
            GuestStatus status = Await.result(runtime.status(name));
            if (!status.state().active()) {
                return error(name + " is " + status.state().name().toLowerCase(Locale.ROOT) + "; start it with"
                        + " 'uml-manager start " + name + "'");
            }
            if (!status.managed()) {
                String why = status.reason().equals(GuestStatus.SUPERVISOR_GONE) ? " is running, but " + status.reason()
                        : " was started outside UML Manager";
                return error(name + why + ", so its agent's line is not reachable from here; stop it and start it"
                        + " with 'uml-manager start " + name + "'");
            }
            ConsoleStream stream;
            try {
                stream = Await.result(runtime.openConsole(name, line));
            } catch (GuestException e) {
                return error(e.getMessage());
            }
            try (stream) {
                return run(stream);
            }
        }
    }

    private int run(ConsoleStream stream) throws Exception {
        Thread worker = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C ends the command in the guest too (the client sends KILL when interrupted).
        Thread onExit = new Thread(() -> {
            worker.interrupt();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "exec-cancel");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            AgentClient.Result r = AgentClient.run(stream, command,
                    Optional.ofNullable(timeout).map(Duration::ofSeconds), AGENT_WAIT);
            context.environment().rawOut().write(r.stdout());
            context.environment().rawOut().flush();
            context.environment().rawErr().write(r.stderr());
            context.environment().rawErr().flush();
            if (r.timedOut()) {
                context.err().println("error: the command did not finish within " + timeout + " s and was killed");
                return TIMED_OUT;
            }
            return r.status();
        } catch (AgentException e) {
            return error(name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            return 130;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException e) {
                // Shutting down: the hook waits for us.
            }
        }
    }

    private int error(String message) {
        context.err().println("error: " + message);
        context.err().flush();
        return ErrorHandler.USER_ERROR;
    }
}
