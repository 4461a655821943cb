package org.umlmanager.cli;

import java.nio.file.Path;
import java.util.List;
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

    static GuestRuntime open(CliContext context) {
        CliEnvironment env = context.environment();
        RuntimeLayout layout = RuntimeLayout.of(env.paths(), System.getenv(), Path.of(System.getProperty("user.home")),
                env.workingDirectory());
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
