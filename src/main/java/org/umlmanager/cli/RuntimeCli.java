package org.umlmanager.cli;

import java.nio.file.Path;
import java.util.List;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.launch.RuntimeLayout;
import org.umlmanager.model.Instance;
import org.umlmanager.service.RuntimeService;

/** The runtime service as the CLI uses it: sequential, on the calling thread (or on a pool, for bulk work). */
final class RuntimeCli {

    private RuntimeCli() {
    }

    static RuntimeService open(CliContext context) {
        return open(context, Runnable::run);
    }

    /** A runtime whose calls run on {@code work}; its events are delivered on the runtime's threads. */
    static RuntimeService open(CliContext context, java.util.concurrent.Executor work) {
        CliEnvironment env = context.environment();
        RuntimeLayout layout = RuntimeLayout.of(env.paths(), System.getenv(), Path.of(System.getProperty("user.home")),
                env.workingDirectory());
        // The supervisor outlives this short run: it must not be left behind as its child.
        return new RuntimeService(layout, SupervisorLauncher.forThisJvm(layout).detached(),
                () -> instances(context), work, Runnable::run);
    }

    private static List<Instance> instances(CliContext context) {
        return context.service().list().join().instances();
    }
}
