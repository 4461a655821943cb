package org.umlmanager.provision;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.HostCommand;
import org.umlmanager.job.HostToolException;
import org.umlmanager.job.ProgressListener;

/**
 * The host tools of one provisioning job (mmdebstrap, mkfs.ext4, cp …), run through
 * {@link HostCommand} with the job's listener and cancellation; a failing tool becomes a
 * {@link ProvisionException} that quotes it.
 */
final class CommandRunner {

    private final ProgressListener listener;
    private final Cancellation cancellation;

    CommandRunner(ProgressListener listener, Cancellation cancellation) {
        this.listener = listener;
        this.cancellation = cancellation;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    ProgressListener listener() {
        return listener;
    }

    /** Runs {@code argv} to the end; each output line goes to the listener and to {@code lineHook}. */
    void run(String what, List<String> argv, Map<String, String> env, Consumer<String> lineHook)
            throws ProvisionException {
        run(what, argv, env, Optional.empty(), lineHook);
    }

    /** The same, giving a stopped tool {@code cleanupGrace} to clean up before the rest of its tree is killed. */
    void run(String what, List<String> argv, Map<String, String> env, Optional<Duration> cleanupGrace,
             Consumer<String> lineHook) throws ProvisionException {
        HostCommand command = HostCommand.of(what, argv).onLine(lineHook);
        env.forEach(command::env);
        cleanupGrace.ifPresent(command::cleanupGrace);
        run(command);
    }

    /** Runs a quick command and returns its standard output, without passing it on to the listener. */
    String captureQuietly(String what, List<String> argv) throws ProvisionException {
        return String.join("\n", run(HostCommand.of(what, argv).quiet()).stdout()) + "\n";
    }

    private HostCommand.Output run(HostCommand command) throws ProvisionException {
        try {
            return command.run(listener, cancellation);
        } catch (HostToolException e) {
            throw new ProvisionException(e.getMessage(), e);
        }
    }
}
