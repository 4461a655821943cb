package org.umlmanager.cli;

import org.umlmanager.service.BulkRun;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --parallel N}, for the commands that start or stop several guests at once ({@code start},
 * {@code stop}, {@code lab start}, {@code lab stop}): one option, one default, one message for a
 * bad value.
 */
final class ParallelOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--parallel", paramLabel = "N",
            description = "How many to ${COMMAND-NAME} at a time, at most (default: one per CPU, here ${DEFAULT-VALUE}).")
    int parallel = BulkRun.defaultParallel();

    /**
     * N. Checked when the command runs rather than when the option is parsed, so that the command's
     * own checks of its arguments come first, as they always did.
     *
     * @throws ParameterException if N is below 1, naming the command's help
     */
    int value() {
        if (parallel < 1) {
            throw new ParameterException(command.commandLine(), "--parallel must be at least 1, not " + parallel);
        }
        return parallel;
    }
}
