package org.umlmanager.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.launch.RuntimeLayout;
import org.umlmanager.model.Instance;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.service.NetworkedRuntime;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.NetworkStore;

/** The runtime service as the CLI uses it: sequential, on the calling thread (or on a pool, for bulk work). */
final class RuntimeCli {

    private RuntimeCli() {
    }

    /** Where this environment's guests keep their run-time files (their default uml_dir among them). */
    static RuntimeLayout layout(CliEnvironment env) {
        return RuntimeLayout.of(env.paths(), System.getenv(), Path.of(System.getProperty("user.home")),
                env.workingDirectory());
    }

    /**
     * Validation with the uml_dir guests get when they set none, as a start will see it; {@code host}
     * says whether what the host lacks is not looked at, a warning (saving) or an error (starting).
     */
    static ValidationContext validation(CliEnvironment env, ValidationContext.HostChecks host) {
        return new ValidationContext(Optional.of(layout(env).defaultUmlDir()), host, env.workingDirectory());
    }

    static GuestRuntime open(CliContext context) {
        return open(context, Runnable::run);
    }

    /**
     * A runtime whose calls (and the blocking part of a start on networks) run on {@code work};
     * its events are delivered on the runtime's threads.
     */
    static GuestRuntime open(CliContext context, Executor work) {
        CliEnvironment env = context.environment();
        RuntimeLayout layout = layout(env);
        // The supervisor outlives this short run: it must not be left behind as its child.
        RuntimeService guests = new RuntimeService(layout, SupervisorLauncher.forThisJvm(layout).detached(),
                () -> instances(context), work, Runnable::run);
        return new NetworkedRuntime(guests, context.networks(), new NetworkStore(env.paths().networksDir(),
                env.paths().instancesDir()), layout, work);
    }

    private static List<Instance> instances(CliContext context) {
        return context.service().list().join().instances();
    }
}
