package org.umlmanager.ui.wizard;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.stage.Window;
import org.umlmanager.model.Instance;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.JobService;
import org.umlmanager.storage.LoadReport;

/**
 * The New VM wizard and the one-click "Create your first VM": the two ways the desktop app makes
 * a machine with its disk image. Both save the new instance through the {@link InstanceService}
 * and tell the caller whether the user wants it started with its consoles open; starting is the
 * caller's job.
 *
 * <p>Threading: call on the FX thread. The futures complete on the FX thread. The long work runs
 * on a thread of its own per job; closing the window cancels it and waits for its clean-up.
 */
public final class NewVmWizard {

    /**
     * What the wizard needs from the app.
     *
     * @param instances     the store of instances (existing names)
     * @param jobs          makes and saves the new machine
     * @param defaultKernel the kernel preselected for a new machine
     * @param commandLine   the command line of an instance as the app would run it (for the preview)
     * @param ui            the FX thread ({@code Platform::runLater})
     */
    public record Context(InstanceService instances, JobService jobs, Supplier<String> defaultKernel,
                          Function<Instance, String> commandLine, Executor ui) {
    }

    /**
     * A machine the wizard made and saved.
     *
     * @param instance the saved instance
     * @param startNow the user asked to start it right away with its consoles open
     */
    public record Created(Instance instance, boolean startNow) {
    }

    private NewVmWizard() {
    }

    /** Opens the wizard over {@code owner}; completes with the machine made, or empty when the user gave up. */
    public static CompletableFuture<Optional<Created>> show(Window owner, Context context) {
        return takenNames(context).thenCompose(names -> {
            NewVmForm form = new NewVmForm(names, context.defaultKernel().get());
            return new WizardWindow(owner, form, job(context), context.jobs(), context.commandLine()).open();
        });
    }

    /**
     * Makes a busybox machine named {@code demo} (or the first free {@code demoN}) in a few
     * seconds, showing only the progress; completes with it (to be started with its console
     * open), or empty when it failed or was cancelled.
     */
    public static CompletableFuture<Optional<Created>> createFirstVm(Window owner, Context context) {
        return takenNames(context).thenCompose(names -> {
            NewVmForm form = new NewVmForm(names, context.defaultKernel().get());
            form.nameProperty().set(freeName("demo", names));
            form.sourceProperty().set(SourceKind.BUSYBOX);
            return new WizardWindow(owner, form, job(context), context.jobs(), context.commandLine()).runDirectly();
        });
    }

    static String freeName(String base, Set<String> taken) {
        Set<String> lower = taken.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String name = base;
        for (int i = 2; lower.contains(name.toLowerCase(Locale.ROOT)); i++) {
            name = base + i;
        }
        return name;
    }

    private static CreationJob job(Context context) {
        return new CreationJob(context.jobs(), context.ui());
    }

    private static CompletableFuture<Set<String>> takenNames(Context context) {
        CompletableFuture<Set<String>> names = new CompletableFuture<>();
        context.instances().list().whenComplete((LoadReport report, Throwable failure) -> context.ui().execute(() ->
                names.complete(failure != null ? Set.of() : report.instances().stream().map(Instance::name)
                        .collect(Collectors.toSet()))));
        return names;
    }
}
