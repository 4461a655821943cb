package org.umlmanager.cmdline;

import java.util.List;
import org.umlmanager.model.Instance;

/** Writes the exact argv for an {@link Instance}. */
public final class CommandLineGenerator {

    private CommandLineGenerator() {
    }

    /** The kernel's arguments (without the binary) as configured. */
    public static List<String> kernelArgs(Instance instance, GenerateOptions options) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Environment and full argv (taskset prefix, binary, arguments) to start the instance. */
    public static LaunchCommand launchCommand(Instance instance, GenerateOptions options) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
