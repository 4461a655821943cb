package org.umlmanager.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.CancelledException;
import org.umlmanager.lab.LabExport;
import org.umlmanager.lab.LabImportException;
import org.umlmanager.lab.LabProblem;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Lab;
import org.umlmanager.provision.ProvisionException;
import org.umlmanager.service.LabImportRequest;
import org.umlmanager.service.LabImportResult;
import org.umlmanager.service.LabService;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.service.LabProgress;
import org.umlmanager.service.LabRunException;
import org.umlmanager.service.LabRunner;
import org.umlmanager.service.LabStatus;
import org.umlmanager.lab.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code uml-manager lab …}: Netkit and Kathará lab directories as groups of instances and networks. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Labs: Kathará and Netkit lab directories, run as instances on switch networks.")
final class LabCommand implements Runnable {

    @Spec
    CommandSpec spec;

    LabCommand() {
    }

    /** The {@code lab} command with its subcommands, for {@link Cli}. */
    static picocli.CommandLine create(CliContext context) {
        return new picocli.CommandLine(new LabCommand())
                .addSubcommand(new ImportLab(context))
                .addSubcommand(new ListLabs(context))
                .addSubcommand(new StartLab(context))
                .addSubcommand(new StopLab(context))
                .addSubcommand(new StatusLab(context))
                .addSubcommand(new ExportLab(context))
                .addSubcommand(new DeleteLab(context));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static int userError(CliContext context, String message) {
        context.err().println("error: " + message);
        return ErrorHandler.USER_ERROR;
    }

    static void printProblems(CliContext context, List<LabProblem> problems) {
        List<LabProblem> errorsFirst = new java.util.ArrayList<>(problems.stream().filter(LabProblem::error).toList());
        errorsFirst.addAll(problems.stream().filter(p -> !p.error()).toList());
        for (LabProblem p : errorsFirst) {
            context.err().println((p.error() ? "error: " : "warning: ") + p);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a Kathará or Netkit lab directory (lab.conf, lab.dep, DEV.startup, DEV/, shared/):"
                    + " an instance per device, named LAB-DEVICE, on a switch network per collision domain, named"
                    + " LAB-DOMAIN, each device on a copy-on-write file over a shared base image.",
                "All or nothing: on any error nothing is imported and nothing existing is changed."})
    static final class ImportLab implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "DIR", description = "The lab directory.")
        Path directory;

        @Option(names = "--name", paramLabel = "NAME", description = "The lab's name (default: the directory's).")
        String name;

        @Option(names = "--rootfs", paramLabel = "SOURCE", description = "The base for devices whose image the table"
                + " does not map: busybox (tiny, boots in seconds), debian (default) or debian:SUITE.")
        String rootfs;

        @Option(names = "--kernel", paramLabel = "PATH", description = "The UML kernel (default: linux on PATH).")
        String kernel = Instance.DEFAULT_KERNEL;

        @Option(names = {"-v", "--verbose"}, description = "Print every line of the tools' output.")
        boolean verbose;

        ImportLab(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            LabService labs = LabCli.open(context);
            LabImportRequest request = new LabImportRequest(context.environment().workingDirectory().resolve(directory),
                    Optional.ofNullable(name), Optional.ofNullable(rootfs), kernel);
            Cancellation cancellation = new Cancellation();
            CountDownLatch finished = new CountDownLatch(1);
            Thread onExit = new Thread(() -> {
                cancellation.cancel();
                try {
                    finished.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "lab-import-cancel");
            Runtime.getRuntime().addShutdownHook(onExit);
            LabImportResult result;
            try {
                result = Await.result(labs.importLab(request, new ProgressPrinter(context.err(), verbose),
                        cancellation));
            } catch (LabImportException e) {
                context.err().println("error: nothing was imported:");
                printProblems(context, e.problems());
                return ErrorHandler.USER_ERROR;
            } catch (CancelledException e) {
                return userError(context, "cancelled; nothing was imported");
            } catch (ProvisionException e) {
                return userError(context, "nothing was imported: a base image could not be made: " + e.getMessage());
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onExit);
                } catch (IllegalStateException e) {
                    // The JVM is shutting down: the hook runs and waits for us.
                }
            }
            printProblems(context, result.warnings());
            Lab lab = result.lab();
            context.out().println("Imported lab '" + lab.name() + "' from " + lab.directory().orElse("?") + ": "
                    + lab.devices().size() + " devices (" + String.join(", ", lab.instances()) + "), "
                    + lab.domains().size() + " collision domains (" + String.join(", ", lab.networks()) + ").");
            context.out().println("Start it with: uml-manager lab start " + lab.name());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The saved labs.")
    static final class ListLabs implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListLabs(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            var report = Await.result(LabCli.open(context).list());
            report.problems().forEach(p -> context.err().println("warning: " + p));
            if (json) {
                context.out().println(org.umlmanager.storage.LabJson.of(report));
                return 0;
            }
            if (report.labs().isEmpty()) {
                context.out().println("No labs. Import one with: uml-manager lab import DIR");
                return 0;
            }
            context.out().printf("%-24s %8s %8s  %s%n", "NAME", "DEVICES", "DOMAINS", "DIRECTORY");
            for (Lab lab : report.labs()) {
                context.out().printf("%-24s %8d %8d  %s%n", lab.name(), lab.devices().size(), lab.domains().size(),
                        lab.directory().orElse("-"));
            }
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Start a lab's devices in lab.dep order, at most N booting at once; each counts as up once"
                    + " its startup files have run. Devices already running are left alone.",
                "Exit status 0 when every device is up, 1 when one failed (its dependents are not started)."})
    static final class StartLab implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The lab.")
        String name;

        @Mixin
        ParallelOption parallelOption;

        StartLab(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            int parallel = parallelOption.value();
            LabService labs = LabCli.open(context);
            Await.result(labs.get(name));
            try (GuestRuntime runtime = RuntimeCli.open(context)) {
                LabRunner runner = new LabRunner(labs, runtime, context.networks(), LabRunner.DEFAULT_READY_TIMEOUT);
                LabRunner.Report report;
                try {
                    report = Await.result(runner.start(name, parallel, p -> printProgress(context, p)));
                } catch (LabRunException e) {
                    return userError(context, e.getMessage());
                }
                return finish(context, report, "started", "up");
            }
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop a lab's devices in reverse lab.dep order (their shutdown files run; --force: at once),"
                    + " then its networks.")
    static final class StopLab implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The lab.")
        String name;

        @Option(names = "--force", description = "Halt the devices at once instead of shutting them down.")
        boolean force;

        @Mixin
        ParallelOption parallelOption;

        StopLab(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            int parallel = parallelOption.value();
            LabService labs = LabCli.open(context);
            Await.result(labs.get(name));
            try (GuestRuntime runtime = RuntimeCli.open(context)) {
                LabRunner runner = new LabRunner(labs, runtime, context.networks(), LabRunner.DEFAULT_READY_TIMEOUT);
                LabRunner.Report report = Await.result(runner.stop(name, force, parallel,
                        p -> printProgress(context, p)));
                return finish(context, report, "stopped", "stopped");
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Whether a lab's devices and networks run.")
    static final class StatusLab implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The lab.")
        String name;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        StatusLab(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            LabService labs = LabCli.open(context);
            Await.result(labs.get(name));
            try (GuestRuntime runtime = RuntimeCli.open(context)) {
                LabStatus status = Await.result(new LabRunner(labs, runtime, context.networks(),
                        LabRunner.DEFAULT_READY_TIMEOUT).status(name));
                if (json) {
                    context.out().println(LabStatusJson.of(status));
                    return 0;
                }
                Lab lab = status.lab();
                context.out().println("Lab " + lab.name() + ": " + status.summary()
                        + lab.meta(Lab.DESCRIPTION).map(d -> " — " + d).orElse(""));
                context.out().printf("%-16s %-24s %-10s %s%n", "DEVICE", "INSTANCE", "STATE", "INTERFACES");
                List<Instance> members = Await.result(labs.members(name));
                for (LabStatus.Device d : status.devices()) {
                    String nics = members.stream().filter(i -> i.name().equals(d.instance())).findFirst()
                            .map(i -> String.join(" ", i.attachments().stream().map(a -> a.deviceName() + "→"
                                    + lab.domainOfNetwork(a.network()).map(x -> x.name()).orElse(a.network())).toList()))
                            .orElse("(instance missing)");
                    context.out().printf("%-16s %-24s %-10s %s%n", d.device(), d.instance(), d.status()
                            .map(s -> s.state().name().toLowerCase(java.util.Locale.ROOT)).orElse("missing"), nics);
                }
                context.out().printf("%-16s %-24s %-10s%n", "DOMAIN", "NETWORK", "STATE");
                for (LabStatus.Domain d : status.domains()) {
                    context.out().printf("%-16s %-24s %-10s%n", d.domain(), d.network(), d.status().stateWord());
                }
                return 0;
            }
        }
    }

    static void printProgress(CliContext context, LabProgress p) {
        synchronized (context) {
            context.out().println(p);
            context.out().flush();
        }
    }

    static int finish(CliContext context, LabRunner.Report report, String verb, String word) {
        report.notes().forEach(n -> context.err().println("warning: " + n));
        long ok = report.outcomes().values().stream().filter(o -> o instanceof Schedule.Outcome.Done).count();
        if (report.ok()) {
            context.out().println("Lab '" + report.lab() + "' " + verb + ": " + ok + " of " + report.outcomes().size()
                    + " devices " + word + ".");
            return 0;
        }
        report.outcomes().forEach((device, o) -> {
            if (o instanceof Schedule.Outcome.Failed f) {
                context.err().println("error: " + device + ": " + f.reason());
            } else if (o instanceof Schedule.Outcome.Skipped s) {
                context.err().println("error: " + device + ": not " + verb + " because " + s.dependency() + " failed");
            }
        });
        context.err().println("error: lab '" + report.lab() + "': " + ok + " of " + report.outcomes().size()
                + " devices " + word);
        return ErrorHandler.FAILURE;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a lab back as a lab directory (lab.conf, lab.dep and the lab directory's files).")
    static final class ExportLab implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "NAME", description = "The lab.")
        String name;

        @Parameters(index = "1", paramLabel = "DIR", description = "A new (or empty) directory.")
        Path directory;

        ExportLab(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            LabExport.Result result;
            try {
                result = Await.result(LabCli.open(context).export(name,
                        context.environment().workingDirectory().resolve(directory)));
            } catch (java.io.IOException e) {
                return userError(context, e.getMessage());
            }
            result.warnings().forEach(w -> context.err().println("warning: " + w));
            context.out().println("Exported lab '" + name + "' to " + result.directory());
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete a lab with its instances and networks. With --with-files also its devices'"
                    + " copy-on-write files. The lab directory and the shared base images are never removed."})
    static final class DeleteLab implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The lab.")
        String name;

        @Option(names = "--with-files", description = "Also remove the devices' copy-on-write files.")
        boolean withFiles;

        DeleteLab(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            LabService labs = LabCli.open(context);
            Await.result(labs.get(name));
            try (GuestRuntime runtime = RuntimeCli.open(context)) {
                LabStatus status = Await.result(new LabRunner(labs, runtime, context.networks(),
                        LabRunner.DEFAULT_READY_TIMEOUT).status(name));
                if (status.running() > 0) {
                    return userError(context, "lab '" + name + "' is " + status.summary() + "; stop it first"
                            + " (uml-manager lab stop " + name + ")");
                }
            }
            List<String> removed = Await.result(labs.delete(name, withFiles));
            context.out().println("Deleted lab '" + name + "':");
            removed.forEach(r -> context.out().println("  " + r));
            if (!withFiles) {
                context.out().println("The devices' copy-on-write files are kept (--with-files removes them).");
            }
            return 0;
        }
    }
}
