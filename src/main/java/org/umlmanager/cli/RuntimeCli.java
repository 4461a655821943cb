package org.umlmanager.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.launch.HolderLauncher;
import org.umlmanager.launch.RuntimeLayout;
import org.umlmanager.model.Instance;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.service.NetworkedRuntime;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.NetworkStore;

/** The runtime service as the CLI uses it: sequential, on the calling thread. */
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
        CliEnvironment env = context.environment();
        RuntimeLayout layout = layout(env);
        // Holders outlive this short run: they must not be left behind as its children.
        RuntimeService guests = new RuntimeService(layout, HolderLauncher.forThisJvm(layout.holdersDir()).detached(),
                () -> instances(context), Runnable::run, Runnable::run);
        return new NetworkedRuntime(guests, context.networks(), new NetworkStore(env.paths().networksDir(),
                env.paths().instancesDir()), layout, Runnable::run);
    }

    private static List<Instance> instances(CliContext context) {
        return context.service().list().join().instances();
    }
}
