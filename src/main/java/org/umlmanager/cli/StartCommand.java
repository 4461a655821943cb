package org.umlmanager.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.launch.LineInfo;
import org.umlmanager.model.Instance;
import org.umlmanager.service.BulkRun;
import org.umlmanager.service.GuestException;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.service.LaunchRefusedException;
import org.umlmanager.service.GuestRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Start instances. They keep running after this command ends; stop them with 'uml-manager stop'.",
            "Several (or --all that are not running) start in parallel, each counted until it runs; the exit status is"
                + " 0 if all run, 2 if some were refused for a reason you can fix, 1 if some failed.",
            "With --attach (one instance), this terminal becomes its main console until the guest stops or you press"
                + " Ctrl-]."})
final class StartCommand implements Callable<Integer> {

    private static final Duration BOOT_TIMEOUT = BulkRun.BOOT_TIMEOUT;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "The instances.")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Every instance that is not running.")
    boolean all;

    @Mixin
    ParallelOption parallelOption;

    @Option(names = "--attach", description = "Connect this terminal to the main console (detach with Ctrl-]).")
    boolean attach;

    StartCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (all == !names.isEmpty()) {
            throw new ParameterException(spec.commandLine(), all ? "give instance names or --all, not both"
                    : "give the instances to start, or --all");
        }
        int parallel = parallelOption.value();
        if (attach && (all || names.size() > 1)) {
            throw new ParameterException(spec.commandLine(), "--attach connects one instance's console: give one name");
        }
        if (!all && names.size() == 1) {
            return startOne(names.get(0));
        }
        return startMany(parallel);
    }

    private int startMany(int parallel) throws Exception {
        try (BulkCli bulk = new BulkCli(context)) {
            List<Instance> configured = Await.result(context.service().list()).instances();
            List<Instance> targets = new ArrayList<>();
            if (all) {
                Set<String> running = new HashSet<>();
                Await.result(bulk.runtime().list()).stream().filter(s -> s.state().active())
                        .forEach(s -> running.add(s.name()));
                configured.stream().filter(i -> !running.contains(i.name())).forEach(targets::add);
                if (targets.isEmpty()) {
                    context.out().println("Nothing to start: every instance runs.");
                    return 0;
                }
            } else {
                for (String name : new LinkedHashSet<>(names)) {
                    targets.add(Await.result(context.service().get(name)));
                }
            }
            context.out().println(BulkCli.heading(BulkRun.Operation.START, targets.size(), parallel));
            context.out().flush();
            return bulk.finish(Await.result(BulkRun.start(bulk.runtime(), targets, parallel, bulk::progress)));
        }
    }

    private int startOne(String name) throws Exception {
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
                context.out().println("  " + line.name() + ": " + describe(line, true));
            }
            return 0;
        }
    }

    /** What a line is, for people; {@code running}: whether its guest runs (or ended, so no line is connected). */
    static String describe(LineInfo line, boolean running) {
        if (line.transport() == LineInfo.Transport.PTY) {
            // A running guest's main console without its pty was lost with the supervisor that held it.
            return line.connected() || !running ? "main console" : "main console, lost with a killed supervisor"
                    + " (its history can still be shown; stop and start the guest to get it back)";
        }
        return line.device().map(d -> "pts " + d).orElse("pts, allocated when the guest opens it");
    }
}
