package org.umlmanager.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.service.BulkRun;
import org.umlmanager.service.GuestException;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.service.GuestRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop running instances, printing each step.",
            "Graceful: Ctrl-Alt-Del, SysRq sync and read-only remount, halt, SIGTERM, SIGKILL, each only if needed.",
            "--force: halt at once, then SIGKILL.",
            "Several (or --all that run) stop in parallel; the exit status is 0 if all stopped (or were not running),"
                + " 2 if a name is unknown, 1 if some failed."})
final class StopCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "The instances.")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Every running guest of UML Manager's (and running instances started"
            + " elsewhere).")
    boolean all;

    @Option(names = "--force", description = "Do not let the guests shut down: halt, then kill.")
    boolean force;

    @Mixin
    ParallelOption parallelOption;

    StopCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (all == !names.isEmpty()) {
            throw new ParameterException(spec.commandLine(), all ? "give instance names or --all, not both"
                    : "give the instances to stop, or --all");
        }
        int parallel = parallelOption.value();
        if (!all && names.size() == 1) {
            return stopOne(names.get(0));
        }
        try (BulkCli bulk = new BulkCli(context)) {
            List<String> targets = all ? running(bulk.runtime()) : List.copyOf(new LinkedHashSet<>(names));
            if (targets.isEmpty()) {
                context.out().println("Nothing to stop: no guest runs.");
                return 0;
            }
            StopMode mode = force ? StopMode.FORCE : StopMode.GRACEFUL;
            BulkRun.Operation operation = force ? BulkRun.Operation.FORCE_OFF : BulkRun.Operation.SHUT_DOWN;
            context.out().println(BulkCli.heading(operation, targets.size(), parallel));
            context.out().flush();
            return bulk.finish(Await.result(BulkRun.stop(bulk.runtime(), targets, mode, parallel, bulk::progress)));
        }
    }

    /** The running guests --all means: those the supervisor holds and running configured instances. */
    private List<String> running(GuestRuntime runtime) throws Exception {
        Set<String> configured = Await.result(context.service().list()).instances().stream().map(Instance::name)
                .collect(Collectors.toSet());
        return Await.result(runtime.list()).stream().filter(s -> s.state().active())
                .filter(s -> s.origin() == GuestStatus.Origin.SUPERVISOR || configured.contains(s.name()))
                .map(GuestStatus::name).toList();
    }

    private int stopOne(String name) throws Exception {
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
